// UTF-8 <-> UTF-32 conversion. The text module works on std::u32string (one element per
// code point) so that classes and widths are simple table look-ups; everything outside it
// (YAML, PDF, XLSX) speaks UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plandeck::text::utf8 {

// U+3013 GETA MARK: the spec's (N1) visible stand-in for text that cannot be drawn.
inline constexpr char32_t kGeta = U'\u3013';

struct Decoded {
  std::u32string text;
  // Byte offset in the input of the first byte of each code point of `text` (same length).
  std::vector<std::size_t> offsets;
  bool valid = true;              // false when at least one bad sequence was replaced
  std::size_t first_bad_offset = 0;  // byte offset of the first bad sequence (when !valid)
  std::vector<std::size_t> bad_offsets;  // byte offset of every replaced bad sequence
};

// Decodes UTF-8. Each maximal invalid subpart (Unicode "best practice": overlong forms,
// surrogates, > U+10FFFF, truncated or stray bytes) becomes one `replacement`.
Decoded decode(std::string_view bytes, char32_t replacement = U'\uFFFD');

// Convenience: decode and drop the bookkeeping.
std::u32string to_u32(std::string_view bytes);

// True when `bytes` is well-formed UTF-8; *bad_offset (if given) receives the first bad byte.
bool is_valid(std::string_view bytes, std::size_t* bad_offset = nullptr);

// Encodes code points; surrogates and values > U+10FFFF are written as U+FFFD.
std::string encode(std::u32string_view text);
void append(std::string& out, char32_t cp);

// "U+3042" / "U+20BB7" (at least four hex digits), for diagnostics.
std::string code_point_label(char32_t cp);

// "U+0E01 'ก'": the label and, for a printable character, the character itself.
std::string describe(char32_t cp);

// The code point starting at bytes[i]; advances i past it. For text already known to be
// valid UTF-8 (a bad sequence yields U+FFFD and advances one byte, never past the end).
char32_t next(std::string_view bytes, std::size_t& i);

}  // namespace plandeck::text::utf8
