// Paragraph layout (spec §5.6/§5.7): greedy first-fit filling over kinsoku break
// opportunities, push-out, optional hanging punctuation, emergency breaks.
//
// Input is normalised text (see normalize.hpp) as styled runs; breaking works across run
// boundaries, and each cluster is measured with its run's style (strong = bold chain).
// '\n' is a hard break. Output lines are split into fragments of one style each.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plandeck::text {

class Measurer;

struct StyledRun {
  std::u32string text;
  int style = 0;  // 0 regular, 1 strong
};

struct LayoutOptions {
  double width_pt = 0;  // measure (line length)
  double size_pt = 10;  // font size
  bool hanging = false;  // let one trailing 、。，． overhang (never in table cells)
};

// A piece of a line in one style. `text` is what to draw: ZWSP/WJ/BOM removed, trailing
// spaces of the line removed, §5.9 substitutes applied (Measurer::draw_char).
struct Fragment {
  std::u32string text;
  int style = 0;
  double width = 0;  // points
  std::string utf8() const;
};

struct Line {
  std::vector<Fragment> fragments;  // empty for an empty line
  double width = 0;                 // visible width in points (incl. a hanging mark)
  int width_units = 0;              // same in 1/1000 em (exact)
  bool forced = false;    // emergency break: no legal opportunity fitted
  bool hanging = false;   // the last cluster overhangs the measure
  bool overflow = false;  // wider than the measure even so (a cluster wider than the box)
  // Code point range [begin, end) in the concatenated run texts, trailing spaces included
  // (Normalized::offsets maps code points back to input bytes for diagnostics).
  std::size_t begin = 0;
  std::size_t end = 0;
  std::u32string text() const;  // all fragments joined
  std::string utf8() const;
};

struct ParagraphLayout {
  std::vector<Line> lines;
  int forced_count = 0;
};

// Lays out runs. Empty input gives zero lines; otherwise each LF-separated paragraph gives
// at least one line (an empty one gives an empty line). A line fits when its visible width
// (trailing U+0020/U+3000 excluded) <= width_pt; equality fits (compared in 1/1000 em
// units scaled by the size, with a 1e-9 pt tolerance for decimal box widths).
ParagraphLayout layout_paragraph(const std::vector<StyledRun>& runs, const Measurer& measurer,
                                 const LayoutOptions& options);

// Single-run convenience.
ParagraphLayout layout_paragraph(const std::u32string& text, const Measurer& measurer,
                                 const LayoutOptions& options);

}  // namespace plandeck::text
