// Input hygiene before line breaking (spec §5.2 N1-N9). Targeted, local rewrites only —
// never full NFC/NFKC, which would change glyph shapes (CJK compatibility ideographs) or
// content (①, ㈱, ～). Wave dash 〜 and full-width tilde ～ are kept as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plandeck::text {

enum class NormalizeIssue {
  InvalidUtf8,        // N1: bad bytes replaced by U+3013
  CombiningMarkKept,  // N5: kana voiced mark without a precomposed form
};

struct NormalizeWarning {
  NormalizeIssue issue;
  char32_t code_point = 0;    // the offending code point (first bad byte for InvalidUtf8)
  std::size_t byte_offset = 0;  // in the UTF-8 input
};

struct Normalized {
  std::u32string text;  // LF for hard breaks; ZWSP/WJ/U+FEFF kept for the breaker (N9)
  std::vector<NormalizeWarning> warnings;
  // Byte offset in the input of each code point of `text` (for plan locations).
  std::vector<std::size_t> offsets;
};

Normalized normalize(std::string_view utf8);

// English / Japanese one-line description, e.g. "invalid UTF-8 at byte 12; replaced by 〓".
// Callers add the plan location.
std::string describe_en(const NormalizeWarning& w);
std::string describe_ja(const NormalizeWarning& w);

// N5 composition of a kana and U+3099/U+309A; 0 when there is no precomposed form.
char32_t compose_kana(char32_t base, char32_t mark);

// N7: unified ideograph for a Kangxi / CJK supplement radical, or 0 when none.
char32_t radical_to_ideograph(char32_t cp);

// N6 set: variation selectors, joiners, bidi controls, soft hyphen (dropped by normalize).
bool is_ignorable(char32_t cp);

// Removes what must not be drawn (N9: ZWSP, WJ, U+FEFF).
std::u32string strip_invisible(std::u32string_view text);

// §5.9 draw-time substitute for a character the fonts lack (0 = none); `silent` is set
// when the substitute looks the same (U+2011 -> U+2010, en/em/thin spaces -> U+0020) and
// needs no warning.
char32_t glyph_substitute(char32_t cp, bool* silent = nullptr);

}  // namespace plandeck::text
