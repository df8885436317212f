#include "text/fit.hpp"

#include <algorithm>
#include <cmath>

#include "text/measurer.hpp"

namespace plandeck::text {

namespace {

// The candidate sizes max, max-step, ..., min (min appended when the grid misses it).
// Computed as max - k*step so the grid does not drift with repeated subtraction.
std::vector<double> candidate_sizes(const BoxSpec& box) {
  std::vector<double> sizes;
  const double step = box.step > 0 ? box.step : 0.5;
  for (int k = 0;; ++k) {
    const double s = box.max_size - k * step;
    if (s < box.min_size - 1e-9) break;
    sizes.push_back(s);
  }
  if (sizes.empty() || std::fabs(sizes.back() - box.min_size) > 1e-9) sizes.push_back(box.min_size);
  return sizes;
}

}  // namespace

FitResult layout_box(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                     const BoxSpec& box, double size) {
  FitResult r;
  r.size = size;
  const double pitch = box.line_height * size;
  const double spacing = box.paragraph_spacing_em * size;
  // y is computed as (lines above) x pitch + (paragraph gaps above) x spacing rather than
  // accumulated, so that the height is exactly the §7.1 model lines x lh x S.
  auto top = [&](int lines_above, std::size_t gaps_above) {
    return lines_above * pitch + static_cast<double>(gaps_above) * spacing;
  };
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const BoxParagraph& para = paragraphs[p];
    PlacedParagraph placed;
    placed.marker = para.marker;
    placed.marker_style = para.marker_style;
    placed.marker_x = para.indent_pt + para.indent_em * size;
    long marker_units = 0;
    for (char32_t cp : para.marker) marker_units += measurer.width(cp, para.marker_style);
    placed.marker_width = static_cast<double>(marker_units) * size / 1000.0;
    // Hanging indent: all lines start at the text column, not under the marker.
    placed.text_x = placed.marker_x + placed.marker_width +
                    (para.marker.empty() ? 0.0 : box.marker_gap_em * size);
    LayoutOptions options;
    options.width_pt = box.width_pt - placed.text_x;
    options.size_pt = size;
    options.hanging = box.hanging;
    ParagraphLayout laid = layout_paragraph(para.runs, measurer, options);
    if (laid.lines.empty()) laid.lines.emplace_back();  // an empty bullet still takes a line
    r.forced_count += laid.forced_count;
    for (Line& line : laid.lines) {
      placed.lines.push_back(PlacedLine{placed.text_x, top(r.line_count, p), std::move(line)});
      ++r.line_count;
    }
    r.paragraphs.push_back(std::move(placed));
  }
  r.height = paragraphs.empty() ? 0.0 : top(r.line_count, paragraphs.size() - 1);
  r.overflow_height = std::max(0.0, r.height - box.height_pt);
  // Heights are sums of products of decimals: a tolerance keeps "a block exactly as high
  // as the box fits" (§7.4 F1) true regardless of rounding.
  r.fitted = r.forced_count == 0 && r.height <= box.height_pt + 1e-9;
  if (r.fitted) r.overflow_height = 0;
  return r;
}

FitResult fit_box(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                  const BoxSpec& box) {
  const std::vector<double> sizes = candidate_sizes(box);
  // fits() is monotone in the size (§7.2: a smaller size is a wider measure in em, so no
  // line ends earlier and no new forced break appears; indents and markers scale with it
  // or shrink relative to it), so binary search for the first fitting candidate.
  FitResult smallest = layout_box(paragraphs, measurer, box, sizes.back());
  if (!smallest.fitted) return smallest;  // caller reports the overflow, never clips
  std::size_t lo = 0, hi = sizes.size() - 1;  // sizes[hi] fits
  FitResult best = std::move(smallest);
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    FitResult r = layout_box(paragraphs, measurer, box, sizes[mid]);
    if (r.fitted) {
      hi = mid;
      best = std::move(r);
    } else {
      lo = mid + 1;
    }
  }
  return best;
}

}  // namespace plandeck::text
