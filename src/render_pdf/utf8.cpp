#include "render_pdf/utf8.hpp"

#include <cstdio>

namespace plandeck::render_pdf::detail {

std::optional<std::vector<char32_t>> decode_utf8(const std::string& s, std::size_t* bad_offset) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp = 0;
    std::size_t len = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if ((b0 & 0xE0) == 0xC0) {
      cp = b0 & 0x1Fu;
      len = 2;
      min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      cp = b0 & 0x0Fu;
      len = 3;
      min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      cp = b0 & 0x07u;
      len = 4;
      min = 0x10000;
    } else {
      if (bad_offset) *bad_offset = i;
      return std::nullopt;
    }
    if (i + len > n) {
      if (bad_offset) *bad_offset = i;
      return std::nullopt;
    }
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return std::nullopt;
      }
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (bad_offset) *bad_offset = i;
      return std::nullopt;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string describe_code_point(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  std::string out = buf;
  if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)) {
    // Re-encode the character itself so that the message shows it.
    std::string ch;
    if (cp < 0x80) {
      ch += static_cast<char>(cp);
    } else if (cp < 0x800) {
      ch += static_cast<char>(0xC0 | (cp >> 6));
      ch += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      ch += static_cast<char>(0xE0 | (cp >> 12));
      ch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      ch += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      ch += static_cast<char>(0xF0 | (cp >> 18));
      ch += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      ch += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      ch += static_cast<char>(0x80 | (cp & 0x3F));
    }
    out += " '" + ch + "'";
  }
  return out;
}

}  // namespace plandeck::render_pdf::detail
