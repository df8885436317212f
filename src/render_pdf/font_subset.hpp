// Internal: HarfBuzz-based TrueType subsetting, and what the PDF font objects need to know
// about the subset (glyph ids, advance widths, descriptor metrics).
//
// The subset keeps only the glyphs of the drawn code points and renumbers them densely; the
// PDF shows text as those subset glyph ids (CID = GID, /CIDToGIDMap /Identity), so the
// renderer never needs a code point -> glyph table for the whole font.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace plandeck::render_pdf::detail {

// FontDescriptor values, in 1/1000 em (PDF glyph space) except the angle (degrees).
struct FontMetrics {
  std::string postscript_name;  // name ID 6, reduced to characters allowed in a PDF name
  int bbox[4] = {0, 0, 0, 0};   // head xMin yMin xMax yMax
  int ascent = 0;               // hhea
  int descent = 0;              // hhea (negative)
  int cap_height = 0;           // OS/2 sCapHeight, else the ascent
  double italic_angle = 0;      // post
  int stem_v = 80;              // estimated from OS/2 usWeightClass (TrueType has no stem value)
};

struct SubsetFont {
  std::vector<unsigned char> data;  // a complete TrueType file (the FontFile2 program)
  std::vector<char32_t> missing;    // requested code points the font has no glyph for
  // Requested code point -> glyph id in `data`. Several code points may share a glyph.
  std::map<char32_t, std::uint16_t> glyph_of;
  // Advance width of every glyph of `data` in 1/1000 em, truncated as text::Font measures
  // (advance * 1000 / unitsPerEm), so that the PDF advances what compose measured.
  std::vector<std::uint16_t> widths;
  FontMetrics metrics;
};

// Subsets the TrueType font at `path` to `code_points` (sorted, unique). Keeps the tables a
// CIDFontType2 program needs (plus OS/2 and post, which some rasterisers look for), drops
// cmap, hinting and names. Throws render_pdf::Error if the file cannot be read, is not a
// TrueType-outline font, or the subsetter fails. When code points are missing, `missing` is
// filled and nothing else.
SubsetFont subset_font(const std::string& path, const std::vector<char32_t>& code_points);

}  // namespace plandeck::render_pdf::detail
