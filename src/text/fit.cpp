#include "text/fit.hpp"

#include <algorithm>
#include <cmath>

#include "text/linebreak.hpp"
#include "text/measurer.hpp"

namespace plandeck::text {

namespace {

bool counts_as_content(const Cluster& c) {
  switch (c.cls) {
    case BreakClass::SP: case BreakClass::ISP: case BreakClass::ZW: case BreakClass::WJ:
    case BreakClass::BK: case BreakClass::CL: case BreakClass::FWIS: case BreakClass::IS:
      return false;
    default:
      return !(c.base == 0x3001 || c.base == 0x3002 || c.base == 0xFF61 || c.base == 0xFF64);
  }
}

std::u32string joined(const std::vector<StyledRun>& runs) {
  std::u32string text;
  for (const StyledRun& r : runs) text += r.text;
  return text;
}

// How far the lonely last lines of a layout fall short of `max_clusters` + 1 content clusters
// (0: none is lonely). "入" alone is worse than "導入" alone.
int shortfall(const std::u32string& text, const std::vector<Line>& lines, int max_clusters) {
  int total = 0;
  std::size_t part_lines = 0;
  for (const Line& line : lines) {
    ++part_lines;
    const bool part_ends = line.end >= text.size() || text[line.end] == U'\n';
    if (!part_ends) continue;
    if (part_lines >= 2 && line.end > line.begin) {
      int content = 0;
      for (const Cluster& c : make_clusters(std::u32string_view(text).substr(line.begin, line.end - line.begin)))
        if (counts_as_content(c)) ++content;
      if (content <= max_clusters) total += max_clusters + 1 - content;
    }
    part_lines = 0;
  }
  return total;
}

// Balances one hard-break-free paragraph: the first (widest) narrower measure that leaves no
// lonely last line wins; when none does, the one that falls short the least (the widest of
// those), or the original when nothing helps.
ParagraphLayout balance_part(const std::vector<StyledRun>& runs, const std::u32string& text,
                             const Measurer& measurer, const LayoutOptions& options, const BoxSpec& box) {
  ParagraphLayout best = layout_paragraph(runs, measurer, options);
  int best_short = shortfall(text, best.lines, box.balance_lonely);
  if (best_short == 0) return best;
  const std::size_t lines = best.lines.size();
  const int forced = best.forced_count;
  // k * step rather than repeated subtraction keeps the widths tried exact and stable.
  for (int k = 1;; ++k) {
    const double factor = 1.0 - k * box.balance_step;
    if (factor < box.balance_floor - 1e-9) break;
    LayoutOptions narrower = options;
    narrower.width_pt = options.width_pt * factor;
    ParagraphLayout r = layout_paragraph(runs, measurer, narrower);
    if (r.lines.size() != lines || r.forced_count > forced) continue;
    const int sf = shortfall(text, r.lines, box.balance_lonely);
    if (sf < best_short) {
      best_short = sf;
      best = std::move(r);
      if (sf == 0) break;
    }
  }
  return best;
}

// Lays a paragraph out; with balancing, each LF-separated part is balanced on its own (a
// short line in one part must not stop another part from being narrowed).
ParagraphLayout layout_balanced(const std::vector<StyledRun>& runs, const Measurer& measurer,
                                const LayoutOptions& options, const BoxSpec& box) {
  ParagraphLayout laid = layout_paragraph(runs, measurer, options);
  if (!box.balance || laid.lines.size() < 2 || box.balance_step <= 0) return laid;
  const std::u32string text = joined(runs);
  if (shortfall(text, laid.lines, box.balance_lonely) == 0) return laid;
  ParagraphLayout out;
  std::size_t offset = 0;  // code point offset of the current part in `text`
  std::vector<StyledRun> part;
  std::u32string part_text;
  auto flush = [&]() {
    if (part_text.empty()) {  // an empty part is one empty line, as layout_paragraph gives
      Line empty;
      empty.begin = empty.end = offset;
      out.lines.push_back(std::move(empty));
    } else {
      ParagraphLayout r = balance_part(part, part_text, measurer, options, box);
      for (Line& l : r.lines) {
        l.begin += offset;
        l.end += offset;
        out.lines.push_back(std::move(l));
      }
      out.forced_count += r.forced_count;
    }
    offset += part_text.size() + 1;  // past the LF
    part.clear();
    part_text.clear();
  };
  for (const StyledRun& run : runs) {
    std::size_t from = 0;
    while (from <= run.text.size()) {
      const std::size_t lf = run.text.find(U'\n', from);
      const std::size_t to = lf == std::u32string::npos ? run.text.size() : lf;
      if (to > from) {
        part.push_back(StyledRun{run.text.substr(from, to - from), run.style});
        part_text += run.text.substr(from, to - from);
      }
      if (lf == std::u32string::npos) break;
      flush();
      from = lf + 1;
    }
  }
  flush();
  return out;
}

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

int lonely_last_lines(const std::u32string& text, const std::vector<Line>& lines, int max_clusters) {
  int count = 0;
  std::size_t part_lines = 0;
  for (const Line& line : lines) {
    ++part_lines;
    const bool part_ends = line.end >= text.size() || text[line.end] == U'\n';
    if (!part_ends) continue;
    if (part_lines >= 2 && line.end > line.begin) {
      int content = 0;
      for (const Cluster& c : make_clusters(std::u32string_view(text).substr(line.begin, line.end - line.begin)))
        if (counts_as_content(c)) ++content;
      if (content <= max_clusters) ++count;
    }
    part_lines = 0;
  }
  return count;
}

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
    ParagraphLayout laid = layout_balanced(para.runs, measurer, options, box);
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
