// Balancing a paragraph's lonely last line (PreparedParagraph::balance).
//
// The old way narrowed the whole measure until the last line grew; that wrapped every line
// early and, when the narrower measure met a long word, created breaks inside it. Here the
// line count and the measure stay; the layout is the greedy one restricted to breaks from
// which the rest of the part can still be set in the remaining lines with a last line of
// more than `lonely` content clusters. Lines therefore stay as full as that allows, from the
// first down: in practice only the line or two before the end give up a phrase.
#include <algorithm>

#include "text/linebreak_rank.hpp"
#include "text/paragraph.hpp"
#include "text/paragraph_internal.hpp"

namespace plandeck::text {

namespace {

using Break = PreparedParagraph::Break;

}  // namespace

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

  const detail::Fit fits(options);
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

  std::vector<unsigned char> greedy_end(last + 1, 0);
  std::vector<long> greedy_width(lines, 0);  // visible width of each greedy line
  for (std::size_t k = 0; k < lines; ++k) {
    if (k + 1 < lines) greedy_end[laid[k].to] = 1;
    greedy_width[k] = visible(laid[k].from, laid[k].to);
  }
  // Line k of [i, j) keeps at least `keep` of its greedy width (0: any width).
  double keep = 0;
  auto full_enough = [&](std::size_t k, std::size_t i, std::size_t j) {
    return static_cast<double>(visible(i, j)) >= keep * static_cast<double>(greedy_width[k]) - 1e-9;
  };

  // feasible[m][i]: clusters [i, last) can be set in exactly m lines over `usable` breaks,
  // each line but the last full enough, the last holding at least `need` content clusters.
  std::vector<std::vector<unsigned char>> feasible(lines + 1);
  std::vector<unsigned char> usable(last + 1, 0), mask(last + 1, 0);
  auto plan = [&](unsigned min_rank, int need) {
    for (std::size_t j = first + 1; j < last; ++j)
      usable[j] = (ranks_[j] >= min_rank || greedy_end[j]) && ranks_[j] != kNever ? 1 : 0;
    for (auto& f : feasible) f.assign(last + 1, 0);
    for (std::size_t i = first; i < last; ++i)
      feasible[1][i] = line_fits(i, last) && content_clusters(i, last) >= need ? 1 : 0;
    for (std::size_t m = 2; m <= lines; ++m) {
      for (std::size_t i = first; i < last; ++i) {
        for (std::size_t j = i + 1; j < last; ++j) {
          if (!fits(visible(i, j - 1))) break;  // nothing further fits
          if (usable[j] && feasible[m - 1][j] && line_fits(i, j) && full_enough(lines - m, i, j)) {
            feasible[m][i] = 1;
            break;
          }
        }
      }
    }
    if (!feasible[lines][first]) return false;
    // Forward: each line as greedy sets it, among the breaks that keep the rest feasible.
    out.clear();
    std::size_t i = first;
    for (std::size_t k = 0; k + 1 < lines; ++k) {
      const std::vector<unsigned char>& rest = feasible[lines - k - 1];
      for (std::size_t j = 0; j <= last; ++j)
        mask[j] = j > i && j < last && usable[j] && rest[j] && full_enough(k, i, j) ? 1 : 0;
      Break b = next_line(i, last, options, &mask);
      if (b.to == 0) return false;  // cannot happen: feasible[lines - k][i] holds
      out.push_back(b);
      i = b.to;
    }
    out.push_back(Break{i, last, false, !fits(visible(i, last))});
    return true;
  };
  // A last line of `lonely` + 1 first, else the longest that improves on the greedy one.
  // For each: phrase-level breaks, else also breaks where the script changes inside a
  // phrase (開催|される, 手続|の); for each of those, lines that keep `floor` of their
  // width first, then any (a lonely last line is worse than a short line before it).
  for (int need = lonely + 1; need > had; --need) {
    for (unsigned rank : {unsigned{kPhrase}, unsigned{kScriptChange}}) {
      for (double f : {floor, 0.0}) {
        keep = f;
        if (plan(rank, need)) return true;
        if (floor <= 0) break;
      }
    }
  }
  out.clear();
  return false;
}

}  // namespace plandeck::text
