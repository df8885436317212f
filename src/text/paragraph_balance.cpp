// Setting a part in a given number of lines (PreparedParagraph::plan), used twice:
//
// - Phrase-aware breaking must not cost a line: when the ranked greedy layout takes more
//   lines than plain JLREQ breaking, the part is set in the plain number of lines with the
//   best breaks that allow it (plan_best).
// - Balancing a lonely last line (balance). The old way narrowed the whole measure until the
//   last line grew; that wrapped every line early and, when the narrower measure met a long
//   word, created breaks inside it. Here the line count and the measure stay; the layout is
//   the greedy one restricted to breaks from which the rest of the part can still be set in
//   the remaining lines with a last line of more than `lonely` content clusters. Lines
//   therefore stay as full as that allows: only the lines before the end give up text.
#include <algorithm>

#include "text/linebreak_rank.hpp"
#include "text/paragraph.hpp"
#include "text/paragraph_internal.hpp"

namespace plandeck::text {

bool PreparedParagraph::plan(const PlanRequest& rq, const LayoutOptions& options, std::vector<Break>& out) const {
  out.clear();
  const std::size_t first = rq.first, last = rq.last, lines = rq.lines;
  // The search costs lines x clusters x clusters-per-line: parts longer than any slide
  // holds (hostile input) keep their greedy lines, so layout stays linear in the text.
  if (lines == 0 || last <= first || lines > kMaxBalancedLines || last - first > kMaxPlannedClusters)
    return false;
  const detail::Fit fits(options, recording_);
  const std::size_t n = last - first;
  // sum[k]: width of clusters [first, first + k); ink[k]: the end of their visible part
  // (trailing spaces neither count nor show), both relative to `first`.
  std::vector<long> sum(n + 1, 0);
  std::vector<std::size_t> ink(n + 1, 0);
  for (std::size_t k = 1; k <= n; ++k) {
    sum[k] = sum[k - 1] + widths_[first + k - 1];
    ink[k] = detail::is_space(clusters_[first + k - 1].cls) ? ink[k - 1] : k;
  }
  auto visible = [&](std::size_t i, std::size_t j) {
    const std::size_t a = i - first, e = std::max(ink[j - first], a);
    return sum[e] - sum[a];
  };
  auto line_fits = [&](std::size_t i, std::size_t j) {
    if (fits(visible(i, j))) return true;
    return options.hanging && j - 1 > i && detail::can_hang(clusters_[j - 1].base) &&
           fits(visible(i, j - 1));
  };
  auto full_enough = [&](std::size_t k, std::size_t i, std::size_t j) {
    return !rq.keep_widths || rq.keep <= 0 ||
           static_cast<double>(visible(i, j)) >= rq.keep * static_cast<double>((*rq.keep_widths)[k]) - 1e-9;
  };
  std::vector<unsigned char> usable(last + 1, 0), mask(last + 1, 0);
  for (std::size_t j = first + 1; j < last; ++j)
    usable[j] = ranks_[j] != kNever && (ranks_[j] >= rq.min_rank || (rq.also && (*rq.also)[j])) ? 1 : 0;
  // What a break below phrase level costs: the layout uses as few of them, and as mild, as
  // it can (one break inside a word rather than two where the script changes).
  auto cost = [&](std::size_t j) -> long {
    switch (ranks_[j]) {
      case kScriptChange: return 1;
      case kInsideWord: return 3;
      case kWholeWord: return 9;
      default: return 0;
    }
  };
  // best[m][i]: the least cost of setting clusters [i, last) in exactly m lines over
  // `usable` breaks, each line but the last full enough, the last holding at least `need`
  // content clusters (kNone: impossible).
  constexpr long kNone = -1;
  std::vector<std::vector<long>> best(lines + 1, std::vector<long>(last + 1, kNone));
  int content = 0;  // content clusters of [i, last)
  for (std::size_t i = last; i-- > first;) {
    if (is_content_cluster(clusters_[i])) ++content;
    best[1][i] = line_fits(i, last) && content >= rq.need ? 0 : kNone;
  }
  auto step_ok = [&](std::size_t m, std::size_t i, std::size_t j) {  // line [i, j), m lines left
    return usable[j] && best[m - 1][j] != kNone && line_fits(i, j) && full_enough(lines - m, i, j);
  };
  for (std::size_t m = 2; m <= lines; ++m) {
    // All `lines` lines start at `first`: best[lines][i] is read for no other i. Below that,
    // best[m][i] is read only where a line ends at i (step_ok and the forward pass read
    // best[m - 1][j] only for a usable j), so other starts are left at kNone.
    const std::size_t i_end = m == lines ? first + 1 : last;
    for (std::size_t i = first; i < i_end; ++i) {
      if (m < lines && !usable[i]) continue;
      for (std::size_t j = i + 1; j < last; ++j) {
        if (!fits(visible(i, j - 1))) break;  // nothing further fits
        if (!step_ok(m, i, j)) continue;
        const long c = cost(j) + best[m - 1][j];
        if (best[m][i] == kNone || c < best[m][i]) best[m][i] = c;
      }
    }
  }
  if (best[lines][first] == kNone || (rq.max_cost >= 0 && best[lines][first] > rq.max_cost)) return false;
  // Forward: each line as greedy sets it, among the breaks that keep the rest possible at
  // the least cost.
  std::size_t i = first;
  for (std::size_t k = 0; k + 1 < lines; ++k) {
    const std::size_t m = lines - k;
    for (std::size_t j = 0; j <= last; ++j)
      mask[j] = j > i && j < last && step_ok(m, i, j) && cost(j) + best[m - 1][j] == best[m][i] ? 1 : 0;
    Break b = next_line(i, last, options, &mask);
    if (b.to == 0) return false;  // cannot happen: best[m][i] was reached
    out.push_back(b);
    i = b.to;
  }
  out.push_back(Break{i, last, false, !fits(visible(i, last))});
  return true;
}

bool PreparedParagraph::plan_best(std::size_t first, std::size_t last, std::size_t lines,
                                  const LayoutOptions& options, std::vector<Break>& out) const {
  if (lines > kMaxBalancedLines) return false;
  // Never kWholeWord: cutting a katakana word or a number from its unit is worse than a
  // line. Within that, the fewest and mildest breaks below phrase level (plan's cost).
  PlanRequest rq;
  rq.first = first;
  rq.last = last;
  rq.lines = lines;
  rq.min_rank = kInsideWord;
  rq.max_cost = kMaxLineSavingCost;
  return plan(rq, options, out);
}

bool PreparedParagraph::balance(std::size_t first, std::size_t last, const std::vector<Break>& laid,
                                const LayoutOptions& options, int lonely, double floor,
                                std::vector<Break>& out) const {
  out.clear();
  const std::size_t lines = laid.size();
  // The search costs lines x clusters x clusters-per-line: a part of more lines than any
  // slide holds (hostile input) is left as it is.
  if (lines < 2 || lines > kMaxBalancedLines || last <= first) return false;
  rank_phrases();
  for (const Break& b : laid)
    if (b.forced) return false;  // an emergency break cannot be planned around
  const int had = content_clusters(laid.back().from, laid.back().to);
  if (had > lonely) return false;

  // Breaks the laid-out lines use stay usable whatever their rank (a word wider than the
  // line was cut there already); the width of each line, for the floor.
  std::vector<unsigned char> laid_end(last + 1, 0);
  std::vector<long> laid_width(lines, 0);
  for (std::size_t k = 0; k < lines; ++k) {
    if (k + 1 < lines) laid_end[laid[k].to] = 1;
    const Line l = line(laid[k], options);
    laid_width[k] = l.width_units;
  }
  PlanRequest rq;
  rq.first = first;
  rq.last = last;
  rq.lines = lines;
  rq.keep_widths = &laid_width;
  rq.also = &laid_end;
  // A last line of `lonely` + 1 first, else the longest that improves on the laid one. For
  // each: phrase-level breaks, else also breaks where the script changes inside a phrase
  // (開催|される, 手続|の); for each of those, lines that keep `floor` of their width
  // first, then any (a lonely last line is worse than a short line before it).
  for (int need = lonely + 1; need > had; --need) {
    for (unsigned rank : {unsigned{kPhrase}, unsigned{kScriptChange}}) {
      for (double f : {floor, 0.0}) {
        rq.need = need;
        rq.min_rank = rank;
        rq.keep = f;
        if (plan(rq, options, out)) return true;
        if (floor <= 0) break;
      }
    }
  }
  out.clear();
  return false;
}

}  // namespace plandeck::text
