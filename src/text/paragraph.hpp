// Paragraph layout (spec §5.6/§5.7): greedy first-fit filling over kinsoku break
// opportunities, push-out, optional hanging punctuation, emergency breaks. With a
// PhraseBreaker the opportunities are ranked (linebreak_rank.hpp): each line ends at the
// furthest fitting break of the best rank that fits, so phrases stay whole where they can.
//
// Input is normalised text (see normalize.hpp) as styled runs; breaking works across run
// boundaries, and each cluster is measured with its run's style (strong = bold chain).
// '\n' is a hard break. Output lines are split into fragments of one style each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "text/linebreak.hpp"

namespace plandeck::text {

class Measurer;
class PhraseBreaker;

namespace detail {
// The outcomes of every width comparison a layout made (detail::Fit, paragraph_internal.hpp):
// each comparison is monotone in its units, so these extremes stand for all of them. At
// another measure of the same size under which they come out the same (Fit::agrees), every
// comparison of that layout comes out the same, hence so do its breaks.
struct FitRecord {
  long widest_fitting = -1;                                     // largest units that fitted
  long narrowest_unfitting = std::numeric_limits<long>::max();  // smallest that did not
  long least_half_full = std::numeric_limits<long>::max();      // Fit::half_full held
  long most_not_half_full = -1;                                 // Fit::half_full failed
};
}  // namespace detail

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
  // The emergency break cuts a URL or an e-mail address (links.hpp), not an ordinary word.
  bool forced_in_link = false;
  bool hanging = false;   // the last cluster overhangs the measure
  bool overflow = false;  // wider than the measure even so (a cluster wider than the box)
  // The line ends inside a word no better break could avoid at this measure: a katakana
  // word, a number and its unit, a Latin name (rank kWholeWord, linebreak_rank.hpp). A
  // table that chooses column widths can look for these; plain JLREQ layout never sets it.
  bool cuts_word = false;
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
  int link_forced_count = 0;  // of forced_count, those inside a URL or an e-mail address
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
  // Plain JLREQ breaking: every allowed break is as good as any other (the spec's §5.6).
  PreparedParagraph(const std::vector<StyledRun>& runs, const Measurer& measurer);
  // Phrase-aware breaking: `phrases` ranks the allowed breaks. It is asked only when a line
  // of this paragraph first has to break (ICU costs more than all the rest of preparing a
  // paragraph, and most titles, labels and cells never wrap), so it must outlive this
  // paragraph, and the paragraph belongs to the breaker's thread, as the breaker does
  // (ParagraphCache owns both).
  PreparedParagraph(const std::vector<StyledRun>& runs, const Measurer& measurer,
                    PhraseBreaker& phrases);

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

  // Breaks of clusters [first, last) (no LF inside), appended to `out`; returns the number
  // of emergency breaks. first == last gives one empty line. Greedy lines; with phrases,
  // when plain JLREQ greedy breaking gives fewer lines (or fewer emergency breaks), the
  // part is set in that many lines with the best-ranked breaks that allow it, if that needs
  // no cut through a katakana word, a number and its unit or a name (plan_best): phrase
  // preference alone never makes a paragraph taller.
  int breaks(std::size_t first, std::size_t last, const LayoutOptions& options,
             std::vector<Break>& out) const;
  // Lines and forced breaks of the whole text at `options` (layout(options) without
  // building the lines).
  struct Count {
    int lines = 0;
    int forced = 0;
    int link_forced = 0;  // of `forced`, those inside a URL or an e-mail address
  };
  Count count(const LayoutOptions& options) const;
  // The lines of breaks(options) (0 for an empty text), its emergency breaks, and where its
  // automatic breaks fall (text::tally_breaks): `inside_phrase` breaks of rank kInsideWord or
  // kScriptChange, `cut_words` of rank kWholeWord or below. Hard breaks (LF) and the end of
  // the text are not counted. Memoised by the options: a table's column search asks for the
  // same cell at the same width and size from several searches (both break costs, the
  // whole table and its parts, the probe and the applying pass), and reused at any other
  // width where the same breaks are certain (the width comparisons it made come out the
  // same: a column search tries many widths that change nothing in most cells).
  struct Tally {
    int lines = 0;
    int forced = 0;
    int link_forced = 0;  // of `forced`, those inside a URL or an e-mail address
    int inside_phrase = 0;
    int cut_words = 0;
  };
  Tally tally(const LayoutOptions& options) const;
  // The drawn line for a break (laid out with `options`).
  Line line(const Break& b, const LayoutOptions& options) const;
  // Same as layout_paragraph(runs, measurer, options).
  ParagraphLayout layout(const LayoutOptions& options) const;

  // Layouts of this paragraph already made (fit.cpp), by every input that decides them: the
  // measure, the size, hanging punctuation and the balancing settings. A size search lays
  // the same paragraph out at the same measure and size many times (the probe and the
  // applying pass of compose, the table modes of a results slide): about half of the
  // layouts of the default deck are repeats. `make` is called on a miss; the reference
  // stays valid as long as the paragraph. Not thread-safe, like the phrase ranks.
  struct LayoutKey {
    double width_pt = 0, size_pt = 0;
    bool hanging = false, balance = false;
    int lonely = 0;
    double floor = 0;
    bool operator<(const LayoutKey& o) const {
      return std::tie(width_pt, size_pt, hanging, balance, lonely, floor) <
             std::tie(o.width_pt, o.size_pt, o.hanging, o.balance, o.lonely, o.floor);
    }
  };
  // Shared, so that a FitResult can hold its lines without copying them (PlacedParagraph).
  template <class Make>
  const std::shared_ptr<const ParagraphLayout>& memo_layout(const LayoutKey& key, Make&& make) const {
    auto it = layouts_.find(key);
    if (it == layouts_.end()) it = layouts_.emplace(key, std::make_shared<const ParagraphLayout>(make())).first;
    return it->second;
  }
  // All breaks of the whole text (what layout() turns into lines); returns the forced count.
  int breaks(const LayoutOptions& options, std::vector<Break>& out) const;

  // Whether a break before cluster j (0 < j < cluster_count()) falls inside a URL or an
  // e-mail address (links.hpp): both clusters around it belong to one.
  bool cut_in_link(std::size_t j) const;

  // Clusters of [from, to) that are not closing brackets, spaces or 、。，． (balancing).
  int content_clusters(std::size_t from, std::size_t to) const;

  // The rank (linebreak_rank.hpp) of a break before cluster j (1 <= j < cluster_count()).
  unsigned rank(std::size_t j) const;
  const Cluster& cluster(std::size_t k) const { return clusters_[k]; }

  // Balancing (paragraph_balance.cpp). The LF-free part [first, last) was laid out as `laid`
  // at `options` (breaks(first, last, options, ...)) and its last line holds at most
  // `lonely` content clusters. Sets `out` to the same number of lines, none forced, whose
  // last line holds more: each line is still the furthest fitting break of the best rank,
  // among the breaks that leave the rest settable that way, so only the lines before the
  // end give up text, and no break of a rank the greedy layout avoided is created (a
  // script-change break inside a phrase only when no phrase-level solution exists).
  // Layouts whose lines before the last keep at least `floor` of their greedy width are
  // preferred (no line wraps much earlier than it did); without one, any width. When no
  // such layout exists, `out` is the one that leaves the last line longest if that is
  // longer than `laid`'s, and false is returned when nothing improves.
  // Parts of more than kMaxBalancedLines lines are not balanced (the search would be slow).
  bool balance(std::size_t first, std::size_t last, const std::vector<Break>& laid,
               const LayoutOptions& options, int lonely, double floor, std::vector<Break>& out) const;
  static constexpr std::size_t kMaxBalancedLines = 64;
  static constexpr std::size_t kMaxPlannedClusters = 2000;  // longer parts are not planned

 private:
  void prepare(const std::vector<StyledRun>& runs, const Measurer& measurer, PhraseBreaker* phrases);
  // Replaces the plain ranks by phrase ranks, once (a no-op without a breaker).
  void rank_phrases() const;
  // The next line from cluster i of the LF-free part [i, last). `allowed` (indexed by
  // cluster, may be null) restricts the breaks considered (balancing); without it no break
  // fitting means an emergency break.
  // `plain`: every allowed break alike (the spec's greedy), whatever the ranks.
  Break next_line(std::size_t i, std::size_t last, const LayoutOptions& options,
                  const std::vector<unsigned char>* allowed = nullptr, bool plain = false) const;
  // Greedy lines of the LF-free part [first, last) (first < last); returns the forced count.
  int greedy(std::size_t first, std::size_t last, const LayoutOptions& options, std::vector<Break>& out) const;
  // Planning a part in a given number of lines (paragraph_balance.cpp). `plan` sets `out` to
  // `lines` lines over breaks of rank >= min_rank (or marked in `also`), the last holding at
  // least `need` content clusters, each other line k at least `keep` x keep_widths[k] wide:
  // line by line the greedy choice among the breaks that leave the rest settable so with
  // the fewest and mildest breaks below phrase level; false when no such layout exists.
  // plan_best: any rank but kWholeWord.
  struct PlanRequest {
    std::size_t first = 0, last = 0, lines = 0;
    unsigned min_rank = 0;
    int need = 0;
    double keep = 0;
    const std::vector<long>* keep_widths = nullptr;
    const std::vector<unsigned char>* also = nullptr;
    long max_cost = -1;  // >= 0: no layout whose sub-phrase breaks cost more
  };
  static constexpr long kMaxLineSavingCost = 3;
  bool plan(const PlanRequest& request, const LayoutOptions& options, std::vector<Break>& out) const;
  bool plan_best(std::size_t first, std::size_t last, std::size_t lines, const LayoutOptions& options,
                 std::vector<Break>& out) const;

  std::u32string text_;
  std::u32string drawn_;             // Measurer::draw_char of each code point
  std::vector<int> styles_;
  std::vector<unsigned char> links_;  // link_marks(text_): empty when it holds no link
  std::vector<Cluster> clusters_;
  std::vector<long> widths_;         // per cluster, 1/1000 em (0 for invisible and LF)
  // [j]: rank of a break before cluster j (kNever: forbidden). Computed lazily with
  // phrases_ (see the constructor); mutable for that cache only.
  mutable std::vector<std::uint8_t> ranks_;
  PhraseBreaker* phrases_ = nullptr;
  mutable bool ranked_ = true;
  // count() and memo_layout(), by their inputs (see memo_layout).
  mutable std::map<std::tuple<double, double, bool>, Count> counts_;
  // tally(): by size and hanging, each result with the width comparisons that decided it.
  mutable std::map<std::pair<double, bool>, std::vector<std::pair<detail::FitRecord, Tally>>> tallies_;
  // While tally() computes: where the width comparisons note their outcomes.
  mutable detail::FitRecord* recording_ = nullptr;
  mutable std::map<LayoutKey, std::shared_ptr<const ParagraphLayout>> layouts_;
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
