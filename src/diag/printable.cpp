#include "diag/printable.hpp"

#include <cstdio>

namespace plandeck::diag {

namespace {

// The code point at text[i] and its length in bytes; length 0 for a byte that does not
// start a well-formed sequence (overlong forms, surrogates and stray bytes included).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  std::size_t len = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
  }
  if (len == 0 || i + len > text.size()) return {0, 0};
  char32_t cp = lead & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, len};
}

std::string label(const char* format, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

}  // namespace

bool is_unprintable(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if (cp == 0x061C || cp == 0x200E || cp == 0x200F) return true;
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;
}

std::string printable(std::string_view text, const PrintableOptions& options) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (options.max_chars != 0 && chars == options.max_chars) {
      out += "\u2026";  // …
      break;
    }
    ++chars;
    auto [cp, len] = decode(text, i);
    if (len == 0) {
      out += label("<0x%02X>", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    bool keep = (cp == '\n' && options.keep_line_feeds) || (cp == '\t' && options.keep_tabs);
    if (is_unprintable(cp) && !keep) {
      out += label("<U+%04X>", static_cast<unsigned>(cp));
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

std::string quote(std::string_view value, std::size_t max_chars) {
  PrintableOptions o;
  o.max_chars = max_chars;
  return "\"" + printable(value, o) + "\"";
}

}  // namespace plandeck::diag
