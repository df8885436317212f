// size_sheet(): column widths and row heights from the real text widths.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "render_xlsx/layout_parts.hpp"
#include "render_xlsx/measure.hpp"

namespace plandeck::render_xlsx::detail {

namespace {

using model::Run;

// Room between a cell's border and its text, left plus right, in points (Excel and
// LibreOffice indent 2-3 px on each side and draw a 1 px grid line).
constexpr double kHPadPt = 6;
// Room above and below the text of a row, in points.
constexpr double kVPadPt = 4;
// Lines are broken at this share of the usable width: the spreadsheet's own line breaker
// and its rounding of glyph widths to pixels differ a little from ours, so our line count
// must err on the high side or the last line of a cell would be clipped.
constexpr double kSafety = 0.93;
// Excel's limit for a row height.
constexpr double kMaxRowPt = 409.5;
// A filter button covers the right end of a header cell (16 px in Excel, a little less in
// LibreOffice).
constexpr double kFilterButtonPt = 13;
// Which cell decides how wide a column would like to be: the one at this share of the
// column's texts sorted by width. The widest few then wrap to one more line, instead of
// one long text (or a mostly blank column) taking room from every row.
constexpr double kWantedShare = 0.8;

bool all_strong(CellStyle s) { return s == CellStyle::Header || s == CellStyle::Caption; }
bool one_line(const CellSpec& c) { return c.number || c.style == CellStyle::Link; }

bool blank(const CellSpec& c) {
  for (const Run& r : c.runs) {
    if (r.text.find_first_not_of(" \n\t") != std::string::npos) return false;
  }
  return !c.number;
}

// Pixels at 96 dpi (what both programs use for column widths) to Excel's character units,
// which count the maximum digit width of the workbook's default font (Calibri 11: 7 px)
// plus 5 px of padding.
double px_to_units(double px) { return std::max(0.0, (px - 5) / 7.0); }

double at_share(std::vector<double> v, double share) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(std::ceil(share * static_cast<double>(v.size()))) - 1;
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

void size_sheet(SheetSpec& s, const std::vector<ColBounds>& bounds, const TextMeasure& m,
                std::optional<std::uint32_t> filter_row) {
  const double size = m.font_size();
  const std::size_t ncols = bounds.size();

  // Each cell's range (its merge, or itself), and its text as measured: looked up once per
  // cell, for the widths and again for the heights.
  std::map<std::pair<std::uint32_t, std::uint16_t>, Range> anchors;
  for (const Range& r : s.merges) anchors[{r.first_row, r.first_col}] = r;
  std::vector<Range> ranges;
  ranges.reserve(s.cells.size());
  for (const CellSpec& c : s.cells) {
    auto it = anchors.empty() ? anchors.end() : anchors.find({c.row, c.col});
    ranges.push_back(it != anchors.end() ? it->second : Range{c.row, c.col, c.row, c.col});
  }
  std::vector<TextMeasure::Measured*> measured(s.cells.size(), nullptr);
  std::vector<Run> number_text(1);  // what a number shows, as a run (not strong)
  auto text_of = [&](std::size_t i) -> TextMeasure::Measured& {
    if (!measured[i]) {
      const CellSpec& c = s.cells[i];
      if (c.number) {
        number_text.front().text = c.display;
        measured[i] = &m.measured(number_text, false);
      } else {
        measured[i] = &m.measured(c.runs, all_strong(c.style));
      }
    }
    return *measured[i];
  };
  auto button = [&](const CellSpec& c) {
    return filter_row && c.row == *filter_row && c.style == CellStyle::Header ? kFilterButtonPt : 0.0;
  };

  // Widths: each column as wide as its typical text within its bounds, never narrower than
  // a number (Excel shows ### for a number that does not fit; numbers never wrap) or a link
  // (LibreOffice does not wrap a hyperlink cell: it would be clipped).
  std::vector<std::vector<double>> texts(ncols);
  std::vector<double> number_min(ncols, 0);
  for (std::size_t i = 0; i < s.cells.size(); ++i) {
    const CellSpec& c = s.cells[i];
    const Range& r = ranges[i];
    if (r.first_col != r.last_col || c.col >= ncols || blank(c)) continue;
    double w = m.natural_width(text_of(i)) / kSafety + kHPadPt + button(c);
    if (one_line(c)) {
      number_min[c.col] = std::max(number_min[c.col], w);
    } else if (c.style != CellStyle::Header) {  // headers wrap; they never widen a column
      texts[c.col].push_back(w);
    }
  }
  std::vector<double> lower(ncols), upper(ncols);
  for (std::size_t c = 0; c < ncols; ++c) {
    lower[c] = std::max(bounds[c].min_em * size, number_min[c]);
    upper[c] = std::max(lower[c], std::min(at_share(texts[c], kWantedShare), bounds[c].max_em * size));
  }
  // Within the width that prints at kSizingScale: what the columns would like beyond their
  // minimum is shared out in proportion (each column's pixel rounding is allowed for).
  const double budget = kPrintableWidthPt / kSizingScale - static_cast<double>(ncols);
  const double low = std::accumulate(lower.begin(), lower.end(), 0.0);
  const double high = std::accumulate(upper.begin(), upper.end(), 0.0);
  const double share = high <= budget ? 1.0 : std::clamp((budget - low) / (high - low), 0.0, 1.0);

  std::vector<double> width_pt(ncols);
  s.col_widths.assign(ncols, 0);
  for (std::size_t c = 0; c < ncols; ++c) {
    double w = lower[c] + (upper[c] - lower[c]) * share;
    double px = std::ceil(w * 96.0 / 72.0);
    s.col_widths[c] = px_to_units(px);
    width_pt[c] = px * 72.0 / 96.0;
  }

  // Heights: the most lines of any cell of the row at its column width; cells merged down
  // several rows share out what their rows lack.
  const double lh = m.line_height();
  auto need = [&](std::size_t i) {
    const CellSpec& c = s.cells[i];
    const Range& r = ranges[i];
    double w = 0;
    for (std::size_t col = r.first_col; col <= r.last_col && col < ncols; ++col) w += width_pt[col];
    w -= button(c);
    int lines = one_line(c) ? 1 : m.line_count(text_of(i), (w - kHPadPt) * kSafety);
    return lines * lh + kVPadPt;
  };
  s.row_heights.assign(s.row_count(), 0);
  for (std::size_t i = 0; i < s.cells.size(); ++i) {
    const CellSpec& c = s.cells[i];
    if (ranges[i].first_row != ranges[i].last_row) continue;
    s.row_heights[c.row] = std::max(s.row_heights[c.row], need(i));
  }
  for (std::size_t i = 0; i < s.cells.size(); ++i) {
    const Range& r = ranges[i];
    if (r.first_row == r.last_row) continue;
    double have = 0;
    for (auto row = r.first_row; row <= r.last_row; ++row) {
      if (s.row_heights[row] == 0) s.row_heights[row] = lh + kVPadPt;
      have += s.row_heights[row];
    }
    double lack = need(i) - have;
    if (lack <= 0) continue;
    for (auto row = r.first_row; row <= r.last_row; ++row) {
      s.row_heights[row] += lack / (r.last_row - r.first_row + 1);
    }
  }
  // Excel keeps heights in whole pixels (0.75 pt).
  for (double& h : s.row_heights) {
    if (h > 0) h = std::min(kMaxRowPt, std::ceil(h / 0.75 - 1e-9) * 0.75);
  }
}

}  // namespace plandeck::render_xlsx::detail
