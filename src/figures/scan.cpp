#include "figures/scan.hpp"

#include <cmath>

#include "text/utf8.hpp"

namespace plandeck::figures {

namespace {

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'\uFF10' && c <= U'\uFF19') return static_cast<int>(c - U'\uFF10');  // ０-９
  return -1;
}
bool is_digit(char32_t c) { return digit_value(c) >= 0; }

bool is_ascii_letter(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }

// ▲ and △ are how Japanese documents write a decrease; − (U+2212) and the full-width
// hyphen-minus too. The ASCII hyphen is not a sign here: "-" is the dash of an empty cell.
int sign_of(char32_t c) {
  if (c == U'\u25B2' || c == U'\u25B3' || c == U'\u2212' || c == U'\uFF0D') return -1;
  if (c == U'+' || c == U'\uFF0B') return 1;
  return 0;
}

double scale_of(char32_t c) {
  switch (c) {
    case U'\u5343': return 1e3;   // 千
    case U'\u4E07': return 1e4;   // 万
    case U'\u5104': return 1e8;   // 億
    case U'\u5146': return 1e12;  // 兆
    default: return 0;
  }
}

bool is_percent(char32_t c) { return c == U'%' || c == U'\uFF05'; }

// Characters a unit is made of: kanji, katakana, Latin letters and the CJK unit symbols
// (㎡). Hiragana only as the first character (か所, つ): after that it is a particle
// (手続を…) and ends the unit. Punctuation, brackets, spaces and digits end it too.
bool unit_char(char32_t c, bool first) {
  if ((c >= U'\u4E00' && c <= U'\u9FFF') || (c >= U'\u3400' && c <= U'\u4DBF') || c == U'\u3005') return true;
  if (c >= U'\u30A1' && c <= U'\u30FE' && c != U'\u30FB') return true;  // katakana, ー; not ・
  if (c >= U'\uFF66' && c <= U'\uFF9F') return true;                    // half-width katakana
  if (is_ascii_letter(c)) return true;
  if ((c >= U'\uFF21' && c <= U'\uFF3A') || (c >= U'\uFF41' && c <= U'\uFF5A')) return true;
  if (c >= U'\u3300' && c <= U'\u33FF') return true;
  if (first && c >= U'\u3041' && c <= U'\u3096') return true;
  return false;
}

FigureKind classify(const Figure& f) {
  if (f.unit == "倍") return FigureKind::Ratio;
  if (f.unit.rfind("倍", 0) == 0) return FigureKind::Label;  // 倍近く, 倍以上: not a figure to check
  bool percent = f.unit == "%" || f.unit == "％";
  if (percent && f.sign != 0) return FigureKind::Change;
  if (f.sign != 0) return FigureKind::Difference;
  return FigureKind::Amount;
}

}  // namespace

double Figure::half_step() const {
  double step = std::pow(10.0, -decimals);
  if (decimals == 0 && written >= 1) {
    // 約27,000: the zeros say "thousands", so the figure is good to ±500.
    double w = std::round(written);
    while (w >= 10 && std::fmod(w, 10.0) == 0) {
      w /= 10;
      step *= 10;
    }
  }
  return 0.5 * step * scale;
}

std::vector<Figure> scan(std::string_view bytes) {
  text::utf8::Decoded d = text::utf8::decode(bytes);
  const std::u32string& s = d.text;
  const std::size_t n = s.size();
  auto at = [&](std::size_t k) { return k < n ? s[k] : U'\0'; };
  auto byte = [&](std::size_t k) { return k < n ? d.offsets[k] : bytes.size(); };

  std::vector<Figure> out;
  std::size_t i = 0;
  std::size_t previous_end = 0;  // a figure never reaches back into the one before it
  while (i < n) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    Figure f;
    const std::size_t start = i;
    double integer = 0;
    for (; is_digit(at(i)); ++i) integer = integer * 10 + digit_value(s[i]);
    // Thousands separators: ",ddd" not followed by another digit.
    while (at(i) == U',' && is_digit(at(i + 1)) && is_digit(at(i + 2)) && is_digit(at(i + 3)) &&
           !is_digit(at(i + 4))) {
      for (std::size_t k = 1; k <= 3; ++k) integer = integer * 10 + digit_value(s[i + k]);
      i += 4;
    }
    double fraction = 0;
    if ((at(i) == U'.' || at(i) == U'\uFF0E') && is_digit(at(i + 1))) {
      ++i;
      double place = 0.1;
      for (; is_digit(at(i)); ++i, place /= 10) {
        fraction += digit_value(s[i]) * place;
        ++f.decimals;
      }
    }
    f.written = integer + fraction;

    // What is written before: a sign and 約, in either order (約▲96%, ▲約96%).
    bool label = start > 0 && is_ascii_letter(s[start - 1]);
    // "R 3年度": a capital letter and a space before the digits names a year too.
    if (start > 1 && s[start - 1] == U' ' && s[start - 2] >= U'A' && s[start - 2] <= U'Z') label = true;
    std::size_t first = start;
    for (int pass = 0; pass < 2 && first > previous_end; ++pass) {
      char32_t c = s[first - 1];
      if (f.sign == 0 && sign_of(c) != 0) {
        f.sign = sign_of(c);
        f.sign_text = text::utf8::encode(s.substr(first - 1, 1));
        --first;
      } else if (!f.approx && c == U'\u7D04') {  // 約
        f.approx = true;
        --first;
      }
    }
    if (label) {  // the name includes its letters: R5, H30, "R 3"
      while (first > previous_end &&
             (is_ascii_letter(s[first - 1]) ||
              (s[first - 1] == U' ' && first > previous_end + 1 && is_ascii_letter(s[first - 2])))) {
        --first;
      }
    }
    f.in_fraction = (start > 0 && s[start - 1] == U'/') || (at(i) == U'/' && is_digit(at(i + 1)));

    // What follows: a scale (万), then the unit (枚, %, 倍, 回/月).
    if (double sc = scale_of(at(i)); sc > 0) {
      f.scale = sc;
      f.scale_text = text::utf8::encode(s.substr(i, 1));
      ++i;
    }
    const std::size_t unit_start = i;
    if (is_percent(at(i))) {
      ++i;
      // 96%減 / 12%増: the sign written after the figure.
      if (f.sign == 0 && at(i) == U'\u6E1B') {
        f.sign = -1;
        f.sign_text = "減";
        f.unit = text::utf8::encode(s.substr(unit_start, 1));
        ++i;
      } else if (f.sign == 0 && at(i) == U'\u5897') {
        f.sign = 1;
        f.sign_text = "増";
        f.unit = text::utf8::encode(s.substr(unit_start, 1));
        ++i;
      }
    } else {
      while (i < n) {
        // 約 before a number starts the next figure (7件約8件), it is not part of a unit.
        if (s[i] == U'\u7D04' && (is_digit(at(i + 1)) || sign_of(at(i + 1)) != 0)) break;
        if (unit_char(s[i], i == unit_start)) {
          ++i;
        } else if (s[i] == U'/' && i > unit_start && unit_char(at(i + 1), false)) {
          ++i;  // 回/月
        } else {
          break;
        }
      }
    }
    if (f.unit.empty()) f.unit = text::utf8::encode(s.substr(unit_start, i - unit_start));
    f.offset = byte(first);
    f.text = std::string(bytes.substr(byte(first), byte(i) - byte(first)));
    f.kind = label ? FigureKind::Label : classify(f);
    out.push_back(std::move(f));
    previous_end = i;
  }
  return out;
}

Figure from_quantity(const model::Quantity& q) {
  Figure f;
  f.written = std::fabs(q.value());
  f.decimals = q.decimals();
  f.sign_text = q.shown_sign();
  f.sign = q.negative ? -1 : f.sign_text.empty() ? 0 : 1;
  f.approx = q.prefix.find("約") != std::string::npos;
  f.unit = q.unit;
  if (!q.scale.empty()) {
    f.scale = std::pow(10.0, q.scale_exponent());
    f.scale_text = q.scale;
  } else {
    // A unit written with its scale (unit: 万枚) reads as 万 × 枚 too.
    for (const char* scale : {"千", "万", "億", "兆"}) {
      std::string_view sc(scale);
      if (q.unit.rfind(sc, 0) == 0) {
        f.scale = scale_of(text::utf8::to_u32(sc)[0]);
        f.scale_text = std::string(sc);
        f.unit = q.unit.substr(sc.size());
        break;
      }
    }
  }
  f.text = q.format();
  f.kind = classify(f);
  return f;
}

std::optional<Figure> single_amount(const model::Cell& cell) {
  if (cell.quantity) {
    Figure f = from_quantity(*cell.quantity);
    if (f.kind != FigureKind::Amount) return std::nullopt;
    return f;
  }
  std::optional<Figure> found;
  for (Figure& f : scan(cell.text.plain())) {
    if (f.kind != FigureKind::Amount) continue;
    if (found || f.in_fraction) return std::nullopt;
    found = std::move(f);
  }
  return found;
}

std::vector<Figure> statements(const model::Cell& cell) {
  std::vector<Figure> out;
  auto is_statement = [](const Figure& f) {
    return f.kind == FigureKind::Ratio || f.kind == FigureKind::Change || f.kind == FigureKind::Difference;
  };
  if (cell.quantity) {
    Figure f = from_quantity(*cell.quantity);
    if (is_statement(f)) out.push_back(std::move(f));
    return out;
  }
  for (Figure& f : scan(cell.text.plain())) {
    if (is_statement(f)) out.push_back(std::move(f));
  }
  return out;
}

bool same_unit(const std::string& a, const std::string& b) {
  auto norm = [](std::string u) {
    if (u == "％") u = "%";
    return u;
  };
  std::string x = norm(a), y = norm(b);
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  const std::string& shorter = x.size() < y.size() ? x : y;
  const std::string& longer = x.size() < y.size() ? y : x;
  return longer.compare(0, shorter.size(), shorter) == 0;
}

}  // namespace plandeck::figures
