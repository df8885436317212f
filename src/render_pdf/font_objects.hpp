// Internal: the PDF objects of one embedded font, written by plandeck through libharu's
// object API instead of libharu's font layer.
//
// Type0 (/Encoding /Identity-H) -> CIDFontType2 (/CIDToGIDMap /Identity, so CID = glyph id of
// the HarfBuzz subset) -> FontDescriptor -> FontFile2, plus a ToUnicode map per glyph.
// Why not HPDF_GetFont: libharu 2.3.0 maps UTF-16 code units to CIDs (nothing above U+FFFF
// can be shown), looks up all 65,536 code points of the cmap by linear scans (about 40 % of a
// whole build), writes a 128 KB CIDToGIDMap and widths for every code point, and a ToUnicode
// map that is not valid. Glyph-id text needs none of that.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "render_pdf/font_subset.hpp"
#include "render_pdf/hpdf_session.hpp"
#include "render_pdf/pdf_objects.hpp"

namespace plandeck::render_pdf::detail {

// The /DW of a CIDFont: the most common advance among the glyph ids `used` (ties: the
// smaller), so that /W lists only the others (in a Japanese face, most kanji are 1000).
std::uint16_t default_width(const std::vector<std::uint16_t>& widths, const std::vector<std::uint16_t>& used);

// The /W array of a CIDFont for `widths` (glyph id -> advance, 1/1000 em) restricted to the
// sorted, unique glyph ids `used` whose advance is not `dw` (/DW gives those): runs of
// consecutive ids as `first [w1 w2 ...]`.
std::vector<std::pair<std::uint16_t, std::vector<std::uint16_t>>> width_runs(
    const std::vector<std::uint16_t>& widths, const std::vector<std::uint16_t>& used, std::uint16_t dw);

// Creates the font's objects in `doc` and returns the Type0 font dictionary (indirect), to be
// named in page resources. `tag` is the six-letter subset tag. `glyph_text` lists (glyph id,
// code point) for every glyph drawn, sorted by glyph id, each glyph once: it gives /W and the
// ToUnicode map.
HPDF_Dict add_type0_font(Doc& doc, Deflater& deflater, const SubsetFont& font, const std::string& tag,
                         const std::vector<std::pair<std::uint16_t, char32_t>>& glyph_text,
                         const std::string& what);

}  // namespace plandeck::render_pdf::detail
