#include "text/fit.hpp"

#include <algorithm>
#include <cmath>

#include "text/linebreak.hpp"
#include "text/linebreak_rank.hpp"
#include "text/measurer.hpp"

namespace plandeck::text {

namespace {

using Break = PreparedParagraph::Break;

// How far the last line of one LF-separated part (laid out in `lines` lines) falls short of
// `max_clusters` + 1 content clusters (0: it is not lonely). "入" alone is worse than "導入".
int part_shortfall(const PreparedParagraph& p, std::size_t lines, const Break& last, int max_clusters) {
  if (lines < 2 || last.to <= last.from) return 0;
  const int content = p.content_clusters(last.from, last.to);
  return content <= max_clusters ? max_clusters + 1 - content : 0;
}

// Balances one LF-free part [first, last) whose breaks at `options` are `laid` (with
// `forced` emergency breaks): PreparedParagraph::balance re-breaks it at the same measure and
// line count when its last line is lonely; otherwise, or when nothing improves, `laid` stays.
// Appends the chosen lines to `out`.
void balance_part(const PreparedParagraph& p, std::size_t first, std::size_t last,
                  const std::vector<Break>& laid, int forced, const LayoutOptions& options,
                  const BoxSpec& box, std::vector<Break>& scratch, ParagraphLayout& out) {
  const bool lonely = part_shortfall(p, laid.size(), laid.back(), box.balance_lonely) != 0;
  const bool better =
      lonely && p.balance(first, last, laid, options, box.balance_lonely, box.balance_floor, scratch);
  for (const Break& b : better ? scratch : laid) {
    out.lines.push_back(p.line(b, options));
    if (out.lines.back().forced_in_link) ++out.link_forced_count;
  }
  out.forced_count += forced;  // balance() never touches a part with an emergency break
}

// Lays a paragraph out; with balancing, each LF-separated part is balanced on its own (a
// short line in one part must not stop another part from being narrowed).
ParagraphLayout layout_balanced(const PreparedParagraph& p, const LayoutOptions& options,
                                const BoxSpec& box) {
  struct Part {
    std::size_t first, last;  // clusters
    std::size_t begin, end;   // its breaks in `all`
    int forced;
  };
  std::vector<Part> parts;
  std::vector<Break> all;
  int forced = 0;
  if (!p.text().empty()) {
    std::size_t start = 0;
    for (std::size_t k = 0; k <= p.cluster_count(); ++k) {
      if (k != p.cluster_count() && !p.hard_break(k)) continue;
      const std::size_t begin = all.size();
      const int f = p.breaks(start, k, options, all);
      parts.push_back(Part{start, k, begin, all.size(), f});
      forced += f;
      start = k + 1;
    }
  }
  ParagraphLayout out;
  int total_short = 0;
  if (box.balance && all.size() >= 2) {
    for (const Part& part : parts)
      total_short += part_shortfall(p, part.end - part.begin, all[part.end - 1], box.balance_lonely);
  }
  if (total_short == 0) {
    out.forced_count = forced;
    out.lines.reserve(all.size());
    for (const Break& b : all) {
      out.lines.push_back(p.line(b, options));
      if (out.lines.back().forced_in_link) ++out.link_forced_count;
    }
    return out;
  }
  std::vector<Break> laid, scratch;
  for (const Part& part : parts) {
    laid.assign(all.begin() + static_cast<std::ptrdiff_t>(part.begin),
                all.begin() + static_cast<std::ptrdiff_t>(part.end));
    if (part.first == part.last) {  // an empty part is one empty line
      out.lines.push_back(p.line(laid.front(), options));
      continue;
    }
    balance_part(p, part.first, part.last, laid, part.forced, options, box, scratch, out);
  }
  return out;
}

// The layout of a paragraph with no text as drawn: one empty line (an empty bullet still
// takes a line). Immutable, so one serves every such paragraph.
const std::shared_ptr<const ParagraphLayout>& empty_line_layout() {
  static const std::shared_ptr<const ParagraphLayout> empty =
      std::make_shared<const ParagraphLayout>(ParagraphLayout{std::vector<Line>(1), 0, 0});
  return empty;
}

// Where paragraph `para`'s text column starts at `size`, and the marker's place and width.
struct Columns {
  double marker_x;
  double marker_width;
  double text_x;
};

Columns columns(const PreparedBox::Paragraph& para, const BoxSpec& box, double size) {
  Columns c;
  c.marker_x = para.indent_pt + para.indent_em * size;
  c.marker_width = static_cast<double>(para.marker_units) * size / 1000.0;
  // Hanging indent: all lines start at the text column, not under the marker.
  c.text_x = c.marker_x + c.marker_width + (para.marker.empty() ? 0.0 : box.marker_gap_em * size);
  return c;
}

// The options a paragraph's lines are broken with in `box` at `size`: the width right of
// its marker column.
LayoutOptions paragraph_options(const PreparedBox::Paragraph& para, const BoxSpec& box, double size) {
  LayoutOptions options;
  options.width_pt = box.width_pt - columns(para, box, size).text_x;
  options.size_pt = size;
  options.hanging = box.hanging;
  return options;
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
        if (is_content_cluster(c)) ++content;
      if (content <= max_clusters) ++count;
    }
    part_lines = 0;
  }
  return count;
}

std::shared_ptr<const PreparedParagraph> ParagraphCache::get(const std::vector<StyledRun>& runs) {
  // The key: each run as its style (a value above U+10FFFF, so it cannot be text) and text.
  key_.clear();
  for (const StyledRun& r : runs) {
    key_.push_back(static_cast<char32_t>(0x110000u + static_cast<unsigned>(r.style)));
    key_ += r.text;
  }
  auto it = map_.find(key_);
  if (it == map_.end())
    it = map_.emplace(key_, phrases_ ? std::make_shared<const PreparedParagraph>(runs, measurer_, *phrases_)
                                     : std::make_shared<const PreparedParagraph>(runs, measurer_))
             .first;
  return it->second;
}

template <class Prepare>
void PreparedBox::add(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                      Prepare prepare) {
  paragraphs_.reserve(paragraphs.size());
  for (const BoxParagraph& para : paragraphs) {
    Paragraph p;
    p.text = prepare(para.runs);
    p.marker = para.marker;
    p.marker_style = para.marker_style;
    for (char32_t cp : para.marker) p.marker_units += measurer.width(cp, para.marker_style);
    p.indent_pt = para.indent_pt;
    p.indent_em = para.indent_em;
    paragraphs_.push_back(std::move(p));
  }
}

PreparedBox::PreparedBox(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer) {
  add(paragraphs, measurer, [&](const std::vector<StyledRun>& runs) {
    return std::make_shared<const PreparedParagraph>(runs, measurer);
  });
}

PreparedBox::PreparedBox(const std::vector<BoxParagraph>& paragraphs, ParagraphCache& cache) {
  add(paragraphs, cache.measurer(), [&](const std::vector<StyledRun>& runs) { return cache.get(runs); });
}

FitResult layout_box(const PreparedBox& box_text, const BoxSpec& box, double size) {
  const std::vector<PreparedBox::Paragraph>& paragraphs = box_text.paragraphs();
  FitResult r;
  r.size = size;
  const double pitch = box.line_height * size;
  const double spacing = box.paragraph_spacing_em * size;
  // y is computed as (lines above) x pitch + (paragraph gaps above) x spacing rather than
  // accumulated, so that the height is exactly the §7.1 model lines x lh x S.
  auto top = [&](int lines_above, std::size_t gaps_above) {
    return lines_above * pitch + static_cast<double>(gaps_above) * spacing;
  };
  r.paragraphs.reserve(paragraphs.size());
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const PreparedBox::Paragraph& para = paragraphs[p];
    const Columns col = columns(para, box, size);
    PlacedParagraph placed;
    placed.marker = para.marker;
    placed.marker_style = para.marker_style;
    placed.marker_x = col.marker_x;
    placed.marker_width = col.marker_width;
    placed.text_x = col.text_x;
    LayoutOptions options;
    options.width_pt = box.width_pt - placed.text_x;
    options.size_pt = size;
    options.hanging = box.hanging;
    const PreparedParagraph::LayoutKey key{options.width_pt, options.size_pt, options.hanging,
                                           box.balance, box.balance_lonely, box.balance_floor};
    std::shared_ptr<const ParagraphLayout> laid =
        para.text->memo_layout(key, [&] { return layout_balanced(*para.text, options, box); });
    r.forced_count += laid->forced_count;
    r.link_forced_count += laid->link_forced_count;
    if (laid->lines.empty()) laid = empty_line_layout();  // an empty bullet still takes a line
    placed.lines.reserve(laid->lines.size());
    for (const Line& line : laid->lines) {
      placed.lines.push_back(PlacedLine{placed.text_x, top(r.line_count, p), &line});
      ++r.line_count;
    }
    placed.layout = std::move(laid);
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

BoxCount count_box(const PreparedBox& box_text, const BoxSpec& box, double size) {
  const std::vector<PreparedBox::Paragraph>& paragraphs = box_text.paragraphs();
  BoxCount r;
  for (const PreparedBox::Paragraph& para : paragraphs) {
    const LayoutOptions options = paragraph_options(para, box, size);
    const PreparedParagraph::Count c = para.text->count(options);
    r.line_count += c.lines > 0 ? c.lines : 1;  // an empty bullet still takes a line
    r.forced_count += c.forced;
    r.link_forced_count += c.link_forced;
  }
  // The same expression as layout_box's, so that the heights are equal to the last bit.
  const double pitch = box.line_height * size;
  const double spacing = box.paragraph_spacing_em * size;
  r.height = paragraphs.empty()
                 ? 0.0
                 : r.line_count * pitch + static_cast<double>(paragraphs.size() - 1) * spacing;
  return r;
}

BreakTally tally_breaks(const PreparedBox& box_text, const BoxSpec& box, double size) {
  const std::vector<PreparedBox::Paragraph>& paragraphs = box_text.paragraphs();
  BreakTally r;
  for (const PreparedBox::Paragraph& para : paragraphs) {
    const LayoutOptions options = paragraph_options(para, box, size);
    const PreparedParagraph::Tally t = para.text->tally(options);
    r.count.forced_count += t.forced;
    r.count.link_forced_count += t.link_forced;
    r.count.line_count += t.lines > 0 ? t.lines : 1;  // as count_box
    r.inside_phrase += t.inside_phrase;
    r.cut_words += t.cut_words;
  }
  // The same expression as count_box's (and layout_box's), so that the heights are equal.
  const double pitch = box.line_height * size;
  const double spacing = box.paragraph_spacing_em * size;
  r.count.height = paragraphs.empty()
                       ? 0.0
                       : r.count.line_count * pitch + static_cast<double>(paragraphs.size() - 1) * spacing;
  return r;
}

FitResult fit_box(const PreparedBox& box_text, const BoxSpec& box) {
  const std::vector<double> sizes = candidate_sizes(box);
  // Whether layout_box(size).fitted, from the counts where they decide it: the height never
  // depends on balancing, and balancing never adds a forced break (it may remove one, so
  // only then is the box laid out).
  auto fits = [&](double size) {
    const BoxCount c = count_box(box_text, box, size);
    if (!(c.height <= box.height_pt + 1e-9)) return false;
    if (c.forced_count == 0) return true;
    return box.balance && layout_box(box_text, box, size).fitted;
  };
  // fits() is monotone in the size (§7.2: a smaller size is a wider measure in em, so no
  // line ends earlier and no new forced break appears; indents and markers scale with it
  // or shrink relative to it), so binary search for the first fitting candidate.
  if (!fits(sizes.back())) return layout_box(box_text, box, sizes.back());  // caller reports the overflow
  std::size_t lo = 0, hi = sizes.size() - 1;  // sizes[hi] fits
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (fits(sizes[mid])) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return layout_box(box_text, box, sizes[hi]);
}

FitResult layout_box(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                     const BoxSpec& box, double size) {
  return layout_box(PreparedBox(paragraphs, measurer), box, size);
}

FitResult fit_box(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                  const BoxSpec& box) {
  return fit_box(PreparedBox(paragraphs, measurer), box);
}

}  // namespace plandeck::text
