#include "text/paragraph.hpp"

#include "text/linebreak_rank.hpp"
#include "text/links.hpp"
#include "text/measurer.hpp"
#include "text/paragraph_internal.hpp"
#include "text/phrase.hpp"
#include "text/utf8.hpp"

namespace plandeck::text {

using detail::can_hang;
using detail::Fit;
using detail::is_invisible;
using detail::is_space;

PreparedParagraph::PreparedParagraph(const std::vector<StyledRun>& runs, const Measurer& measurer) {
  prepare(runs, measurer, nullptr);
}

PreparedParagraph::PreparedParagraph(const std::vector<StyledRun>& runs, const Measurer& measurer,
                                     PhraseBreaker& phrases) {
  prepare(runs, measurer, &phrases);
}

void PreparedParagraph::prepare(const std::vector<StyledRun>& runs, const Measurer& measurer,
                                PhraseBreaker* phrases) {
  std::size_t n = 0;
  for (const StyledRun& r : runs) n += r.text.size();
  text_.reserve(n);
  styles_.reserve(n);
  for (const StyledRun& r : runs) {
    text_ += r.text;
    styles_.insert(styles_.end(), r.text.size(), r.style);
  }
  clusters_ = make_clusters(text_);
  links_ = link_marks(text_);
  widths_.reserve(clusters_.size());
  drawn_.resize(text_.size());
  for (const Cluster& c : clusters_) {
    // A cluster is measured and drawn in the style of its base character.
    const int style = styles_[c.begin];
    long w = 0;
    const bool measured = !is_invisible(c.cls) && c.cls != BreakClass::BK;
    for (std::size_t k = c.begin; k < c.end; ++k) {
      if (measured) w += measurer.width(text_[k], style);
      drawn_[k] = measurer.draw_char(text_[k], style);
    }
    widths_.push_back(w);
  }
  // Plain ranks now (every allowed break alike); phrase ranks when a line first has to
  // break (rank_phrases): most titles, labels and cells fit on one line and never need ICU.
  ranks_ = rank_breaks(text_, clusters_, {});
  if (phrases && clusters_.size() > 1) {
    phrases_ = phrases;
    ranked_ = false;
  }
}

void PreparedParagraph::rank_phrases() const {
  if (ranked_) return;
  std::vector<unsigned char> phrase_start;
  phrases_->boundaries(text_, phrase_start);
  ranks_ = rank_breaks(text_, clusters_, phrase_start);
  ranked_ = true;
}

unsigned PreparedParagraph::rank(std::size_t j) const {
  rank_phrases();
  return ranks_[j];
}

bool PreparedParagraph::cut_in_link(std::size_t j) const {
  return !links_.empty() && j > 0 && j < clusters_.size() && links_[clusters_[j - 1].begin] &&
         links_[clusters_[j].begin];
}

bool PreparedParagraph::hard_break(std::size_t cluster) const {
  return clusters_[cluster].cls == BreakClass::BK;
}

int PreparedParagraph::content_clusters(std::size_t from, std::size_t to) const {
  int n = 0;
  for (std::size_t k = from; k < to; ++k)
    if (is_content_cluster(clusters_[k])) ++n;
  return n;
}

// One step of greedy first fit (§5.6): the line that starts at cluster i of the paragraph
// [i, last). Push-out is implied: the line ends at the last legal break that fits. With
// ranks, it ends at the last fitting break of the best rank that fits at all; a break after
// an author's space is preferred only when it fills at least half the line (a typed space
// early in a long line is not a reason to leave the rest empty).
PreparedParagraph::Break PreparedParagraph::next_line(std::size_t i, std::size_t last,
                                                      const LayoutOptions& options,
                                                      const std::vector<unsigned char>* allowed,
                                                      bool plain) const {
  const Fit fits(options, recording_);
  if (!ranked_ && !plain) {
    // Ranks matter only when the rest of the part does not fit on this line.
    long sum = 0, visible = 0;
    for (std::size_t j = i; j < last; ++j) {
      sum += widths_[j];
      if (!is_space(clusters_[j].cls)) visible = sum;
    }
    if (fits(visible)) return Break{i, last, false, false};
    rank_phrases();
  }
  // best[r]: the furthest fitting break of rank r; rank kAuthorSpace + 1 is the part's end.
  struct Candidate {
    std::size_t to = 0;
    bool hangs = false;
    long visible = 0;
  };
  constexpr std::size_t kEnd = kAuthorSpace + 1;
  Candidate best[kEnd + 1];
  long sum = 0, visible = 0;
  for (std::size_t j = i + 1; j <= last; ++j) {
    const long before = visible;  // visibleWidth(i, j-1)
    sum += widths_[j - 1];
    if (!is_space(clusters_[j - 1].cls)) visible = sum;
    const std::size_t r = j == last ? kEnd : (plain && ranks_[j] != kNever) ? std::size_t{kPhrase} : ranks_[j];
    if (r != kNever && (!allowed || (*allowed)[j])) {
      if (fits(visible)) {
        best[r] = Candidate{j, false, visible};
      } else if (options.hanging && j - 1 > i && can_hang(clusters_[j - 1].base) && fits(before)) {
        best[r] = Candidate{j, true, before};
      }
    }
    if (!fits(before)) break;  // nothing further can fit
  }
  Break b{i, 0, false, false};
  auto take = [&b](const Candidate& c) {
    b.to = c.to;
    b.hangs = c.hangs;
  };
  const Candidate& space = best[kAuthorSpace];
  if (best[kEnd].to) {
    take(best[kEnd]);
  } else if (space.to && fits.half_full(space.visible)) {
    take(space);
  } else if (space.to || best[kPhrase].to) {
    take(space.to > best[kPhrase].to ? space : best[kPhrase]);
  } else {
    for (std::size_t r = kScriptChange; r >= kWholeWord; --r) {
      if (best[r].to) {
        take(best[r]);
        break;
      }
    }
  }
  if (b.to == 0 && !allowed) {  // emergency: no legal break fits; cut at the last cluster that does
    b.forced = true;
    b.to = i + 1;
    long s = 0, v = 0;
    for (std::size_t j = i + 1; j <= last; ++j) {
      s += widths_[j - 1];
      if (!is_space(clusters_[j - 1].cls)) v = s;
      if (!fits(v)) break;
      b.to = j;
    }
    while (b.to < last && is_space(clusters_[b.to].cls)) ++b.to;
  }
  return b;
}

int PreparedParagraph::greedy(std::size_t first, std::size_t last, const LayoutOptions& options,
                              std::vector<Break>& out) const {
  int forced_count = 0;
  for (std::size_t i = first; i < last;) {
    Break b = next_line(i, last, options);
    out.push_back(b);
    if (b.forced) ++forced_count;
    i = b.to;
  }
  return forced_count;
}

int PreparedParagraph::breaks(std::size_t first, std::size_t last, const LayoutOptions& options,
                              std::vector<Break>& out) const {
  if (first == last) {  // empty paragraph: one empty line
    out.push_back(Break{first, first, false, false});
    return 0;
  }
  const std::size_t start = out.size();
  const int forced = greedy(first, last, options, out);
  if (!phrases_ || !ranked_) return forced;  // plain breaking, or one line: nothing ranked
  if (forced == 0 && out.size() - start == 1) return 0;  // one line: the plain lines cannot be fewer
  // Phrases are a preference that must not cost a line or an emergency break: when the
  // plain JLREQ greedy layout needs fewer lines (and no emergency break), the part is set
  // in that many lines with the best breaks that allow it (fewest_lines).
  // Only the plain layout's line and emergency-break counts matter here.
  std::size_t plain_lines = 0;
  int plain_forced = 0;
  for (std::size_t i = first; i < last; ++plain_lines) {
    const Break b = next_line(i, last, options, nullptr, true);
    if (b.forced) ++plain_forced;
    i = b.to;
  }
  const std::size_t lines = out.size() - start;
  if (plain_forced != 0 || (lines <= plain_lines && forced == 0)) return forced;
  std::vector<Break> planned;
  if (!plan_best(first, last, plain_lines, options, planned)) return forced;
  out.resize(start);
  out.insert(out.end(), planned.begin(), planned.end());
  return 0;
}

int PreparedParagraph::breaks(const LayoutOptions& options, std::vector<Break>& out) const {
  int forced = 0;
  if (text_.empty()) return 0;  // empty input: zero lines
  std::size_t start = 0;
  for (std::size_t k = 0; k <= clusters_.size(); ++k) {
    if (k == clusters_.size() || clusters_[k].cls == BreakClass::BK) {
      forced += breaks(start, k, options, out);
      start = k + 1;
    }
  }
  return forced;
}

PreparedParagraph::Count PreparedParagraph::count(const LayoutOptions& options) const {
  const auto key = std::make_tuple(options.width_pt, options.size_pt, options.hanging);
  if (auto it = counts_.find(key); it != counts_.end()) return it->second;
  // The same greedy walk as breaks(), keeping only the tallies.
  Count c;
  if (text_.empty()) return c;
  std::size_t start = 0;
  for (std::size_t k = 0; k <= clusters_.size(); ++k) {
    if (k != clusters_.size() && clusters_[k].cls != BreakClass::BK) continue;
    const std::size_t first = start, last = k;
    start = k + 1;
    if (first == last) {
      ++c.lines;
      continue;
    }
    // The same choice as breaks(): the phrase-ranked greedy lines, unless the plain ones
    // are fewer without an emergency break and plan_best sets the part in that many.
    int lines = 0, forced = 0, link_forced = 0;
    for (std::size_t i = first; i < last;) {
      Break b = next_line(i, last, options);
      forced += b.forced ? 1 : 0;
      link_forced += b.forced && cut_in_link(b.to) ? 1 : 0;
      ++lines;
      i = b.to;
    }
    if (phrases_ && ranked_ && (lines > 1 || forced != 0)) {  // one line: the plain lines cannot be fewer
      int plain_lines = 0, plain_forced = 0;
      for (std::size_t i = first; i < last;) {
        Break b = next_line(i, last, options, nullptr, true);
        plain_forced += b.forced ? 1 : 0;
        ++plain_lines;
        i = b.to;
      }
      std::vector<Break> planned;
      if (plain_forced == 0 && (plain_lines < lines || forced != 0) &&
          plan_best(first, last, static_cast<std::size_t>(plain_lines), options, planned)) {
        lines = plain_lines;
        forced = 0;
        link_forced = 0;
      }
    }
    c.lines += lines;
    c.forced += forced;
    c.link_forced += link_forced;
  }
  counts_.emplace(key, c);
  return c;
}

PreparedParagraph::Tally PreparedParagraph::tally(const LayoutOptions& options) const {
  auto& known = tallies_[std::make_pair(options.size_pt, options.hanging)];
  const Fit here(options);
  for (const auto& [record, t] : known)
    if (here.agrees(record)) return t;
  Tally t;
  std::vector<Break> laid;
  detail::FitRecord record;
  recording_ = &record;
  t.forced = breaks(options, laid);
  recording_ = nullptr;
  t.lines = static_cast<int>(laid.size());
  for (const Break& b : laid) {
    if (b.forced && cut_in_link(b.to)) ++t.link_forced;
    if (b.to <= b.from || b.to >= clusters_.size() || hard_break(b.to)) continue;
    const unsigned r = rank(b.to);
    if (r <= kWholeWord) ++t.cut_words;
    else if (r < kPhrase) ++t.inside_phrase;
  }
  known.emplace_back(record, t);
  return t;
}

Line PreparedParagraph::line(const Break& b, const LayoutOptions& options) const {
  Line line;
  if (b.from == b.to) {  // the empty line of an empty paragraph
    const std::size_t at = b.from < clusters_.size() ? clusters_[b.from].begin : text_.size();
    line.begin = line.end = at;
    return line;
  }
  const Fit fits(options);
  const std::size_t from = b.from, to = b.to;
  line.forced = b.forced;
  line.forced_in_link = b.forced && cut_in_link(to);
  line.cuts_word = to < clusters_.size() && !hard_break(to) && rank(to) == kWholeWord;
  line.begin = clusters_[from].begin;
  line.end = clusters_[to - 1].end;
  std::size_t draw_end = to;  // trailing spaces are neither counted nor drawn
  while (draw_end > from && (is_space(clusters_[draw_end - 1].cls) ||
                             is_invisible(clusters_[draw_end - 1].cls)))
    --draw_end;
  // A fragment is a run of visible clusters of one style (invisible ones neither draw nor
  // split it). Its text is copied a stretch of consecutive visible clusters at a time, into
  // room for what is left of the line (one allocation): a line is built for every layout a
  // search makes. Most lines hold one or two fragments.
  line.fragments.reserve(2);
  std::size_t left = draw_end > from ? clusters_[draw_end - 1].end - clusters_[from].begin : 0;
  long units = 0, fragment_units = 0;
  std::size_t stretch = 0, stretch_end = 0;  // pending text [stretch, stretch_end) of drawn_
  auto flush = [&] {
    if (stretch_end > stretch) line.fragments.back().text.append(drawn_.data() + stretch, stretch_end - stretch);
    stretch = stretch_end = 0;
  };
  auto close = [&] {  // integer units: exact in a double, as a per-cluster sum of them is
    flush();
    if (line.fragments.empty()) return;
    line.fragments.back().width = static_cast<double>(fragment_units) * options.size_pt / 1000.0;
    units += fragment_units;
    fragment_units = 0;
  };
  for (std::size_t k = from; k < draw_end; ++k) {
    const Cluster& c = clusters_[k];
    if (is_invisible(c.cls)) {
      flush();
      continue;
    }
    const int style = styles_[c.begin];
    if (line.fragments.empty() || line.fragments.back().style != style) {
      close();
      line.fragments.push_back(Fragment{{}, style, 0});
      line.fragments.back().text.reserve(left);
    }
    if (stretch_end == 0) stretch = c.begin;
    stretch_end = c.end;
    left -= c.end - c.begin;
    fragment_units += widths_[k];
  }
  close();
  line.width_units = static_cast<int>(units);
  line.width = static_cast<double>(units) * options.size_pt / 1000.0;
  line.hanging = b.hangs && !fits(units);
  line.overflow = !fits(units) && !line.hanging;
  return line;
}

ParagraphLayout PreparedParagraph::layout(const LayoutOptions& options) const {
  ParagraphLayout out;
  std::vector<Break> bs;
  out.forced_count = breaks(options, bs);
  out.lines.reserve(bs.size());
  for (const Break& b : bs) {
    out.lines.push_back(line(b, options));
    if (out.lines.back().forced_in_link) ++out.link_forced_count;
  }
  return out;
}

std::string Fragment::utf8() const { return utf8::encode(text); }

std::u32string Line::text() const {
  std::u32string out;
  for (const Fragment& f : fragments) out += f.text;
  return out;
}

std::string Line::utf8() const { return utf8::encode(text()); }

ParagraphLayout layout_paragraph(const std::vector<StyledRun>& runs, const Measurer& measurer,
                                 const LayoutOptions& options) {
  return PreparedParagraph(runs, measurer).layout(options);
}

ParagraphLayout layout_paragraph(const std::u32string& text, const Measurer& measurer,
                                 const LayoutOptions& options) {
  return layout_paragraph(std::vector<StyledRun>{{text, 0}}, measurer, options);
}

}  // namespace plandeck::text
