#include "text/normalize.hpp"

#include <array>

#include "text/utf8.hpp"

namespace plandeck::text {

namespace {

// Compatibility decompositions of the Kangxi radicals U+2F00..U+2FD5 (Unicode data, one
// entry per code point in order).
constexpr std::array<char16_t, 0xD6> kKangxi = {
    0x4E00, 0x4E28, 0x4E36, 0x4E3F, 0x4E59, 0x4E85, 0x4E8C, 0x4EA0, 0x4EBA, 0x513F,
    0x5165, 0x516B, 0x5182, 0x5196, 0x51AB, 0x51E0, 0x51F5, 0x5200, 0x529B, 0x52F9,
    0x5315, 0x531A, 0x5338, 0x5341, 0x535C, 0x5369, 0x5382, 0x53B6, 0x53C8, 0x53E3,
    0x56D7, 0x571F, 0x58EB, 0x5902, 0x590A, 0x5915, 0x5927, 0x5973, 0x5B50, 0x5B80,
    0x5BF8, 0x5C0F, 0x5C22, 0x5C38, 0x5C6E, 0x5C71, 0x5DDB, 0x5DE5, 0x5DF1, 0x5DFE,
    0x5E72, 0x5E7A, 0x5E7F, 0x5EF4, 0x5EFE, 0x5F0B, 0x5F13, 0x5F50, 0x5F61, 0x5F73,
    0x5FC3, 0x6208, 0x6236, 0x624B, 0x652F, 0x6534, 0x6587, 0x6597, 0x65A4, 0x65B9,
    0x65E0, 0x65E5, 0x66F0, 0x6708, 0x6728, 0x6B20, 0x6B62, 0x6B79, 0x6BB3, 0x6BCB,
    0x6BD4, 0x6BDB, 0x6C0F, 0x6C14, 0x6C34, 0x706B, 0x722A, 0x7236, 0x723B, 0x723F,
    0x7247, 0x7259, 0x725B, 0x72AC, 0x7384, 0x7389, 0x74DC, 0x74E6, 0x7518, 0x751F,
    0x7528, 0x7530, 0x758B, 0x7592, 0x7676, 0x767D, 0x76AE, 0x76BF, 0x76EE, 0x77DB,
    0x77E2, 0x77F3, 0x793A, 0x79B8, 0x79BE, 0x7A74, 0x7ACB, 0x7AF9, 0x7C73, 0x7CF8,
    0x7F36, 0x7F51, 0x7F8A, 0x7FBD, 0x8001, 0x800C, 0x8012, 0x8033, 0x807F, 0x8089,
    0x81E3, 0x81EA, 0x81F3, 0x81FC, 0x820C, 0x821B, 0x821F, 0x826E, 0x8272, 0x8278,
    0x864D, 0x866B, 0x8840, 0x884C, 0x8863, 0x897E, 0x898B, 0x89D2, 0x8A00, 0x8C37,
    0x8C46, 0x8C55, 0x8C78, 0x8C9D, 0x8D64, 0x8D70, 0x8DB3, 0x8EAB, 0x8ECA, 0x8F9B,
    0x8FB0, 0x8FB5, 0x9091, 0x9149, 0x91C6, 0x91CC, 0x91D1, 0x9577, 0x9580, 0x961C,
    0x96B6, 0x96B9, 0x96E8, 0x9751, 0x975E, 0x9762, 0x9769, 0x97CB, 0x97ED, 0x97F3,
    0x9801, 0x98A8, 0x98DB, 0x98DF, 0x9996, 0x9999, 0x99AC, 0x9AA8, 0x9AD8, 0x9ADF,
    0x9B25, 0x9B2F, 0x9B32, 0x9B3C, 0x9B5A, 0x9CE5, 0x9E75, 0x9E7F, 0x9EA5, 0x9EBB,
    0x9EC3, 0x9ECD, 0x9ED1, 0x9EF9, 0x9EFD, 0x9F0E, 0x9F13, 0x9F20, 0x9F3B, 0x9F4A,
    0x9F52, 0x9F8D, 0x9F9C, 0x9FA0,};

bool is_hard_break(char32_t cp) {
  return cp == 0x0A || cp == 0x0B || cp == 0x0C || cp == 0x0D || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

}  // namespace

// N6: code points with no glyph and no effect on breaking.
bool is_ignorable(char32_t cp) {
  return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
         (cp >= 0x200C && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x00AD;
}

char32_t compose_kana(char32_t base, char32_t mark) {
  // Hiragana and katakana share the layout (katakana = hiragana + 0x60), so one set of
  // rules covers both blocks.
  const bool kata = base >= 0x30A1 && base <= 0x30FA;
  const char32_t h = kata ? base - 0x60 : base;
  if (mark == 0x3099) {
    // か..ぢ: every other code point is voiceable (か が き ぎ ...).
    if (h >= 0x304B && h <= 0x3061 && (h - 0x304B) % 2 == 0) return base + 1;
    if (h == 0x3064 || h == 0x3066 || h == 0x3068) return base + 1;  // つ て と
    if (h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0) return base + 1;  // は..ほ
    if (base == 0x3046) return 0x3094;  // う -> ゔ
    if (base == 0x30A6) return 0x30F4;  // ウ -> ヴ
    if (base >= 0x30EF && base <= 0x30F2) return base + 8;  // ワヰヱヲ -> ヷヸヹヺ
    if (base == 0x309D || base == 0x30FD) return base + 1;  // ゝ ヽ -> ゞ ヾ
  } else if (mark == 0x309A) {
    if (h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0) return base + 2;  // は -> ぱ
  }
  return 0;
}

char32_t radical_to_ideograph(char32_t cp) {
  if (cp >= 0x2F00 && cp <= 0x2FD5) return kKangxi[cp - 0x2F00];
  if (cp == 0x2E9F) return 0x6BCD;  // ⺟ -> 母
  if (cp == 0x2EF3) return 0x9F9F;  // ⻳ -> 龟
  return 0;  // the other supplement radicals have no decomposition
}

Normalized normalize(std::string_view input) {
  const utf8::Decoded dec = utf8::decode(input, utf8::kGeta);
  Normalized out;
  out.text.reserve(dec.text.size());
  out.offsets.reserve(dec.text.size());
  for (std::size_t bad : dec.bad_offsets)  // N1
    out.warnings.push_back(
        {NormalizeIssue::InvalidUtf8, static_cast<unsigned char>(input[bad]), bad});

  auto emit = [&out](char32_t cp, std::size_t offset) {
    out.text.push_back(cp);
    out.offsets.push_back(offset);
  };
  const std::u32string& in = dec.text;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char32_t cp = in[i];
    const std::size_t off = dec.offsets[i];
    if (cp == 0xFEFF && i == 0) continue;  // N2: BOM
    if (is_hard_break(cp)) {               // N3
      if (cp == 0x0D && i + 1 < in.size() && in[i + 1] == 0x0A) ++i;
      emit(U'\n', off);
      continue;
    }
    if (cp == 0x09) cp = U' ';  // N4
    if (cp == 0x3099 || cp == 0x309A) {  // N5
      if (!out.text.empty()) {
        if (char32_t composed = compose_kana(out.text.back(), cp)) {
          out.text.back() = composed;
          continue;
        }
      }
      out.warnings.push_back({NormalizeIssue::CombiningMarkKept, cp, off});
      emit(cp, off);
      continue;
    }
    if (is_ignorable(cp)) continue;  // N6
    if (char32_t ideograph = radical_to_ideograph(cp)) cp = ideograph;  // N7
    emit(cp, off);  // N9: ZWSP/WJ/FEFF stay for the breaker
  }
  return out;
}

std::string describe_en(const NormalizeWarning& w) {
  switch (w.issue) {
    case NormalizeIssue::InvalidUtf8:
      return "invalid UTF-8 at byte " + std::to_string(w.byte_offset) + "; replaced by \u3013";
    case NormalizeIssue::CombiningMarkKept:
      return utf8::code_point_label(w.code_point) +
             " (combining voiced sound mark) has no precomposed form with the preceding "
             "character and will not be positioned correctly";
  }
  return {};
}

std::string describe_ja(const NormalizeWarning& w) {
  switch (w.issue) {
    case NormalizeIssue::InvalidUtf8:
      return std::to_string(w.byte_offset) + " バイト目に不正な UTF-8 があります。〓 に置き換えました";
    case NormalizeIssue::CombiningMarkKept:
      return utf8::code_point_label(w.code_point) +
             "（結合用濁点・半濁点）は直前の文字と合成できないため、正しく表示されません";
  }
  return {};
}

std::u32string strip_invisible(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t cp : text)
    if (cp != 0x200B && cp != 0x2060 && cp != 0xFEFF) out.push_back(cp);
  return out;
}

char32_t glyph_substitute(char32_t cp, bool* silent) {
  bool quiet = false;
  char32_t sub = 0;
  if (cp == 0x2011) {  // non-breaking hyphen: breaking keeps GL from the original
    sub = 0x2010;
    quiet = true;
  } else if (cp >= 0x2000 && cp <= 0x200A) {  // en/em/thin/hair spaces
    sub = 0x0020;
    quiet = true;
  } else if (cp == 0x22EF) {  // ⋯ midline ellipsis
    sub = 0x2026;
  } else if (cp >= 0x2E80 && cp <= 0x2FDF) {  // radicals left after N7
    sub = utf8::kGeta;
  }
  if (silent) *silent = quiet;
  return sub;
}

}  // namespace plandeck::text
