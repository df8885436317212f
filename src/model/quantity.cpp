#include <charconv>
#include <system_error>

#include "model/plan.hpp"

namespace plandeck::model {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool Quantity::set_number(std::string_view literal) {
  std::string_view s = literal;
  const bool minus = !s.empty() && s.front() == '-';
  if (minus) s.remove_prefix(1);
  const std::size_t point = s.find('.');
  std::string_view whole = s.substr(0, point);
  std::string_view part = point == std::string_view::npos ? std::string_view() : s.substr(point + 1);
  if (!all_digits(whole) || (whole.size() > 1 && whole.front() == '0')) return false;
  if (point != std::string_view::npos && !all_digits(part)) return false;
  integer.assign(whole);
  fraction.assign(part);
  // "-0" and "-0.00" are zero: no ▲ for them.
  negative = minus && (whole.find_first_not_of('0') != std::string_view::npos ||
                       part.find_first_not_of('0') != std::string_view::npos);
  return true;
}

std::size_t Quantity::significant_digits() const {
  if (integer != "0") return integer.size() + fraction.size();
  std::size_t first = fraction.find_first_not_of('0');
  return first == std::string::npos ? 0 : fraction.size() - first;
}

double Quantity::value(int shift) const {
  // Move the point `shift` places to the left in the text, then let from_chars round once.
  std::string digits = integer + fraction;
  std::size_t point = integer.size();
  if (shift > 0) {
    std::size_t places = static_cast<std::size_t>(shift);
    if (places >= point) {
      digits.insert(0, places - point + 1, '0');
      point = 1;
    } else {
      point -= places;
    }
  } else if (shift < 0) {  // 41.6 × 10^4: the point moves right, zeros fill in
    point += static_cast<std::size_t>(-shift);
    if (point > digits.size()) digits.append(point - digits.size(), '0');
  }
  std::string text = (negative ? "-" : "") + digits.substr(0, point);
  if (point < digits.size()) text += "." + digits.substr(point);
  double out = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end != text.data() + text.size()) return 0;
  return out;
}

std::string Quantity::literal() const {
  std::string out = negative ? "-" : "";
  out += integer;
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

int Quantity::scale_exponent() const {
  if (scale == "\u5343") return 3;   // 千
  if (scale == "\u4E07") return 4;   // 万
  if (scale == "\u5104") return 8;   // 億
  if (scale == "\u5146") return 12;  // 兆
  return 0;
}

std::string Quantity::shown_sign() const {
  if (negative) return sign.empty() ? "\u25B2" : sign;  // ▲: the Japanese sign for a decrease
  return sign == "\uFF0B" || sign == "+" ? sign : "";
}

std::string Quantity::format() const {
  // Locale-independent: digits are grouped by hand, never through the C locale.
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += ',';
    grouped += integer[i];
  }
  std::string out = prefix + shown_sign() + grouped;
  if (!fraction.empty()) out += "." + fraction;
  out += scale + unit;
  return out;
}

}  // namespace plandeck::model
