#include "render_xlsx/sheet_names.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace plandeck::render_xlsx {

namespace {

constexpr std::size_t kMaxUnits = 31;

std::size_t utf16_units(std::u32string_view s) {
  std::size_t n = 0;
  for (char32_t c : s) n += c > 0xFFFF ? 2 : 1;
  return n;
}

// Longest prefix of `s` that fits in `units` UTF-16 units.
std::u32string cut(std::u32string s, std::size_t units) {
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    std::size_t w = s[i] > 0xFFFF ? 2 : 1;
    if (n + w > units) break;
    n += w;
  }
  s.resize(i);
  return s;
}

std::u32string trim_spaces(std::u32string s) {
  auto space = [](char32_t c) { return c == U' ' || c == U'\u3000'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && space(s[start])) ++start;
  return s.substr(start);
}

std::string fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string sheet_name_problem(std::string_view name) {
  if (!text::utf8::is_valid(name)) return "the name is not valid UTF-8";
  std::u32string s = text::utf8::to_u32(name);
  if (s.empty()) return "the name is empty";
  if (utf16_units(s) > kMaxUnits) return "the name is longer than 31 characters";
  for (char32_t c : s) {
    if (c < 0x20 || c == 0x7F) return "the name contains a control character";
    if (std::u32string_view(U"[]:*?/\\").find(c) != std::u32string_view::npos) {
      return "the name contains one of []:*?/\\";
    }
  }
  if (s.front() == U'\'' || s.back() == U'\'') return "the name starts or ends with an apostrophe";
  if (fold(name) == "history") return "\"History\" is reserved by Excel";
  return "";
}

std::string sanitize_sheet_name(std::string_view text) {
  std::u32string in = text::utf8::to_u32(text);
  std::u32string out;
  for (char32_t c : in) {
    switch (c) {
      case U'/': c = U'\uFF0F'; break;
      case U':': c = U'\uFF1A'; break;
      case U'?': c = U'\uFF1F'; break;
      case U'*': c = U'\uFF0A'; break;
      case U'[': c = U'\uFF3B'; break;
      case U']': c = U'\uFF3D'; break;
      case U'\\': c = U'\uFF3C'; break;
      default:
        if (c < 0x20 || c == 0x7F) c = U' ';
    }
    if (c == U' ' && !out.empty() && out.back() == U' ') continue;
    out += c;
  }
  auto strip = [](std::u32string s) {
    for (;;) {
      s = trim_spaces(std::move(s));
      if (!s.empty() && s.front() == U'\'') { s.erase(0, 1); continue; }
      if (!s.empty() && s.back() == U'\'') { s.pop_back(); continue; }
      return s;
    }
  };
  out = strip(cut(strip(std::move(out)), kMaxUnits));
  std::string name = text::utf8::encode(out);
  if (name.empty() || fold(name) == "history") name = "Sheet";
  return name;
}

bool SheetNamer::taken(const std::string& name) const {
  return std::find(folded_.begin(), folded_.end(), fold(name)) != folded_.end();
}

bool SheetNamer::reserve(const std::string& name) {
  if (taken(name)) return false;
  folded_.push_back(fold(name));
  return true;
}

std::string SheetNamer::unique(const std::string& base) {
  if (reserve(base)) return base;
  for (int n = 2;; ++n) {
    std::u32string suffix = text::utf8::to_u32(" (" + std::to_string(n) + ")");
    std::u32string head = trim_spaces(cut(text::utf8::to_u32(base), kMaxUnits - suffix.size()));
    while (!head.empty() && head.back() == U'\'') head.pop_back();
    std::string candidate = text::utf8::encode(head + suffix);
    if (reserve(candidate)) return candidate;
  }
}

std::string quote_sheet_name(std::string_view name) {
  std::string out = "'";
  for (char c : name) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace plandeck::render_xlsx
