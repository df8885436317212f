// Internal: the ToUnicode CMap written for each embedded font.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace plandeck::render_pdf::detail {

// A ToUnicode CMap for an Identity-H font whose 2-byte codes are glyph ids: one bfchar entry
// per glyph (code -> the character as UTF-16BE, a surrogate pair above U+FFFF), in blocks of
// at most 100 entries. bfrange is avoided on purpose (Ghostscript 10.00 garbles 2-byte
// bfrange destinations). `glyphs` holds (glyph id, code point), sorted by glyph id, each glyph
// once.
std::string build_to_unicode_cmap(const std::vector<std::pair<std::uint16_t, char32_t>>& glyphs);

}  // namespace plandeck::render_pdf::detail
