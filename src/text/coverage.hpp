// Which characters of a text no font can draw, so that callers can report them with the
// plan location (`U+0E01 'ก'`) instead of letting libharu print .notdef boxes or spaces.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plandeck::text {

class FontChainMeasurer;

struct MissingGlyph {
  std::size_t index = 0;   // code point index in the text
  char32_t code_point = 0;
  char32_t substitute = 0;  // what will be drawn instead (0 = .notdef box)
};

// Characters of `text` that no font of the style's chain has, except zero-width controls
// (removed before drawing) and silent look-alike substitutes (§5.9). Every plane is
// treated alike: the PDF shows glyph ids, so 𠮟 (U+20B9F) prints when a font has it.
std::vector<MissingGlyph> missing_glyphs(const FontChainMeasurer& fonts, std::u32string_view text,
                                         int style = 0);

// "U+0E01 'ก'" for messages.
std::string describe_missing(const MissingGlyph& m);

}  // namespace plandeck::text
