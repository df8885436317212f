#include "text/coverage.hpp"

#include "text/measurer.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace plandeck::text {

std::vector<MissingGlyph> missing_glyphs(const FontChainMeasurer& fonts, std::u32string_view text,
                                         int style) {
  std::vector<MissingGlyph> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    // Not drawn at all: controls, ZWSP/WJ/BOM (N9) and the N6 set.
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x200B || cp == 0x2060 ||
        cp == 0xFEFF || is_ignorable(cp))
      continue;
    if (fonts.covered(cp, style)) continue;
    const char32_t drawn = fonts.draw_char(cp, style);
    bool silent = false;
    const char32_t sub = glyph_substitute(cp, &silent);
    if (silent && sub == drawn) continue;  // looks the same (U+2011 -> U+2010, spaces)
    out.push_back({i, cp, drawn != cp ? drawn : char32_t{0}});
  }
  return out;
}

std::string describe_missing(const MissingGlyph& m) {
  return utf8::describe(m.code_point);
}

}  // namespace plandeck::text
