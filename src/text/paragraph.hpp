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

#include "text/linebreak.hpp"

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

// The size- and width-independent part of laying out one set of runs: the concatenated
// text, its clusters with their advances (1/1000 em) and break opportunities, and the
// characters to draw. Building it once and laying it out at several widths or sizes (the
// shrink-to-fit search, balancing, table column widths) gives exactly what
// layout_paragraph gives for each, without repeating the analysis. Holds no reference to
// the runs or the measurer.
class PreparedParagraph {
 public:
  PreparedParagraph() = default;
  PreparedParagraph(const std::vector<StyledRun>& runs, const Measurer& measurer);

  // One line as a range of clusters [from, to). from == to is the single empty line of an
  // empty LF-separated paragraph; it starts at cluster `from` (or at the end of the text).
  struct Break {
    std::size_t from = 0;
    std::size_t to = 0;
    bool forced = false;
    bool hangs = false;
  };

  const std::u32string& text() const { return text_; }
  std::size_t cluster_count() const { return clusters_.size(); }
  bool hard_break(std::size_t cluster) const;  // the cluster is an LF

  // Greedy breaks of clusters [first, last) (no LF inside), appended to `out`; returns
  // the number of emergency breaks. first == last gives one empty line.
  int breaks(std::size_t first, std::size_t last, const LayoutOptions& options,
             std::vector<Break>& out) const;
  // Lines and forced breaks of the whole text at `options` (layout(options) without
  // building the lines).
  struct Count {
    int lines = 0;
    int forced = 0;
  };
  Count count(const LayoutOptions& options) const;
  // The drawn line for a break (laid out with `options`).
  Line line(const Break& b, const LayoutOptions& options) const;
  // Same as layout_paragraph(runs, measurer, options).
  ParagraphLayout layout(const LayoutOptions& options) const;
  // All breaks of the whole text (what layout() turns into lines); returns the forced count.
  int breaks(const LayoutOptions& options, std::vector<Break>& out) const;

  // Clusters of [from, to) that are not closing brackets, spaces or 、。，． (balancing).
  int content_clusters(std::size_t from, std::size_t to) const;

 private:
  Break next_line(std::size_t i, std::size_t last, const LayoutOptions& options) const;

  std::u32string text_;
  std::u32string drawn_;             // Measurer::draw_char of each code point
  std::vector<int> styles_;
  std::vector<Cluster> clusters_;
  std::vector<long> widths_;         // per cluster, 1/1000 em (0 for invisible and LF)
  std::vector<unsigned char> break_ok_;  // [j]: break_allowed(clusters_, j), j >= 1
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
