#include "text/utf8.hpp"

#include <cstdint>

namespace plandeck::text::utf8 {

namespace {

std::uint8_t byte_at(std::string_view s, std::size_t i) { return static_cast<std::uint8_t>(s[i]); }

// Length of the well-formed sequence at `i` (1-4) with its value, or 0 plus the length of
// the maximal invalid subpart in *bad_len (Unicode §3.9 "U+FFFD substitution of maximal
// subparts": a truncated but so-far-valid prefix counts as one bad sequence).
std::size_t decode_one(std::string_view s, std::size_t i, char32_t* cp, std::size_t* bad_len) {
  const std::uint8_t b0 = byte_at(s, i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  std::size_t need = 0;
  char32_t value = 0;
  std::uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    value = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    value = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    value = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    *bad_len = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) {
      *bad_len = k;
      return 0;
    }
    const std::uint8_t b = byte_at(s, i + k);
    const std::uint8_t min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
    if (b < min || b > max) {
      *bad_len = k;
      return 0;
    }
    value = (value << 6) | (b & 0x3Fu);
  }
  *cp = value;
  return need + 1;
}

}  // namespace

Decoded decode(std::string_view bytes, char32_t replacement) {
  Decoded out;
  out.text.reserve(bytes.size());
  out.offsets.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t len = decode_one(bytes, i, &cp, &bad);
    out.offsets.push_back(i);
    if (len > 0) {
      out.text.push_back(cp);
      i += len;
    } else {
      if (out.valid) out.first_bad_offset = i;
      out.valid = false;
      out.bad_offsets.push_back(i);
      out.text.push_back(replacement);
      i += bad;
    }
  }
  return out;
}

std::u32string to_u32(std::string_view bytes) {
  // decode(bytes).text without the per-byte offsets decode() records (8 bytes per byte).
  std::u32string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t len = decode_one(bytes, i, &cp, &bad);
    out.push_back(len > 0 ? cp : U'\uFFFD');
    i += len > 0 ? len : bad;
  }
  return out;
}

bool is_valid(std::string_view bytes, std::size_t* bad_offset) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    char32_t cp = 0;
    std::size_t bad = 0;
    const std::size_t len = decode_one(bytes, i, &cp, &bad);
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

void append(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  auto put = [&out](char32_t v) { out.push_back(static_cast<char>(static_cast<std::uint8_t>(v))); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

std::string encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t cp : text) append(out, cp);
  return out;
}

std::string code_point_label(char32_t cp) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string digits;
  for (std::uint32_t v = cp; v != 0; v >>= 4) digits.insert(digits.begin(), kHex[v & 0xF]);
  while (digits.size() < 4) digits.insert(digits.begin(), '0');
  return "U+" + digits;
}

std::string describe(char32_t cp) {
  std::string out = code_point_label(cp);
  bool printable = cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
                   !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
  if (printable) {
    out += " '";
    append(out, cp);
    out += "'";
  }
  return out;
}

char32_t next(std::string_view bytes, std::size_t& i) {
  auto c = static_cast<unsigned char>(bytes[i]);
  std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > bytes.size()) {
    ++i;
    return c < 0x80 ? c : U'\uFFFD';
  }
  char32_t cp = len == 1 ? c : c & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(bytes[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return U'\uFFFD';
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  i += len;
  return cp;
}

}  // namespace plandeck::text::utf8
