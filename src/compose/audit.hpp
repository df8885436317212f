// The layout audit: checks a finished deck against its geometry, trusting nothing the code
// that laid it out computed about text. Every drawn text run must lie inside the box it was
// laid out in, every box inside its parent and the page's content area (a footer box inside
// the footer), and no two boxes of text, nor the text runs of two different boxes, may
// overlap. A run's extent comes from the font files' own metrics (the first glyph's left
// side bearing, advance widths, hhea ascender and descender), not from the widths compose
// stored.
//
// compose() runs it on every deck it lays out, so `check` and `build` both refuse a deck the
// audit rejects: whatever the fitting code gets wrong, nothing overflowing is published.
#pragma once

#include <string>
#include <vector>

#include "compose/deck.hpp"
#include "diag/diagnostics.hpp"
#include "spec/layout.hpp"

namespace plandeck::text {
class Font;
class FontChainMeasurer;
}  // namespace plandeck::text

namespace plandeck::compose {

struct AuditRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // top-left origin, y down
};

// Where boxes may go on a page.
struct AuditFrame {
  double width = 0, height = 0;  // the paper
  AuditRect content;             // inside the margins, above the footer
  AuditRect footer;              // below the content area, within the side margins
  std::string layout_file;       // named in the hints (empty: the built-in layout)
};
AuditFrame audit_frame(const spec::Layout& layout);

// The font file of each entry of deck.fonts, by path, from the measurer's chains (nullptr
// when no chain has it: every run in that font is then reported).
std::vector<const text::Font*> audit_fonts(const Deck& deck, const text::FontChainMeasurer& fonts);

// Errors for every violation, at most one per box and rule, located at the plan text of the
// box (or of its slide) and naming the slide, the page and the box. Returns the number of
// violations found.
std::size_t audit(const Deck& deck, const AuditFrame& frame, const std::vector<const text::Font*>& fonts,
                  diag::Diagnostics& diags);

// The extent of a run from its font's metrics (exposed for tests).
AuditRect run_extent(const TextRun& run, const text::Font& font);

}  // namespace plandeck::compose
