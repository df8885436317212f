// Internal: HarfBuzz-based TrueType subsetting before the font is handed to libharu.
//
// libharu 2.3.0 keeps cmap/loca/hmtx/name whole when it "subsets" and scans the full cmap in
// HPDF_GetFont; giving it a font that already holds only the drawn code points makes the
// embedded font small and font set-up fast.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plandeck::render_pdf::detail {

struct SubsetFont {
  std::vector<unsigned char> data;  // a complete TrueType file
  std::vector<char32_t> missing;    // requested code points the font has no glyph for
};

// Subsets the TrueType font at `path` to `code_points` (sorted, unique). Keeps only the
// tables libharu embeds, drops hinting. Throws render_pdf::Error if the file cannot be read,
// is not a TrueType-outline font, or the subsetter fails. When code points are missing,
// `missing` is filled and `data` is left empty.
SubsetFont subset_font(const std::string& path, const std::vector<char32_t>& code_points);

}  // namespace plandeck::render_pdf::detail
