// The prepared layout path (PreparedParagraph, PreparedBox, ParagraphCache, count_box) must
// give exactly what the straightforward one gives: every line, fragment, width, flag and
// height, for any text, width, size and option. The reference below is the layout as it was
// written before the prepared path existed (re-clustering and re-measuring on every call);
// random texts over the characters that matter to breaking are laid out both ways.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "text/fit.hpp"
#include "text/font.hpp"
#include "text/linebreak.hpp"
#include "text/measurer.hpp"
#include "text/paragraph.hpp"
#include "text/phrase.hpp"
#include "text/utf8.hpp"

namespace t = plandeck::text;

namespace {

// ---- reference: the unprepared layout --------------------------------------------------

bool is_space(t::BreakClass c) { return c == t::BreakClass::SP || c == t::BreakClass::ISP; }
bool is_invisible(t::BreakClass c) { return c == t::BreakClass::ZW || c == t::BreakClass::WJ; }
bool can_hang(char32_t cp) { return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E; }

bool counts_as_content(const t::Cluster& c) {
  switch (c.cls) {
    case t::BreakClass::SP: case t::BreakClass::ISP: case t::BreakClass::ZW: case t::BreakClass::WJ:
    case t::BreakClass::BK: case t::BreakClass::CL: case t::BreakClass::FWIS: case t::BreakClass::IS:
      return false;
    default:
      return !(c.base == 0x3001 || c.base == 0x3002 || c.base == 0xFF61 || c.base == 0xFF64);
  }
}

class RefFiller {
 public:
  // lonely >= 0: balance each part whose last line holds at most `lonely` content clusters,
  // preferring lines that keep `floor` of their greedy width.
  RefFiller(const std::u32string& text, const std::vector<int>& styles, const t::Measurer& m,
            const t::LayoutOptions& o, int lonely = -1, double floor = 0)
      : text_(text), styles_(styles), m_(m), o_(o), clusters_(t::make_clusters(text)), lonely_(lonely),
        floor_(floor) {
    limit_ = o.width_pt * 1000.0 + 1e-6;
    for (const t::Cluster& c : clusters_) {
      long w = 0;
      if (!is_invisible(c.cls) && c.cls != t::BreakClass::BK) {
        for (std::size_t k = c.begin; k < c.end; ++k) w += m_.width(text_[k], styles_[c.begin]);
      }
      widths_.push_back(w);
    }
  }
  t::ParagraphLayout run() {
    t::ParagraphLayout out;
    if (text_.empty()) return out;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= clusters_.size(); ++k) {
      if (k == clusters_.size() || clusters_[k].cls == t::BreakClass::BK) {
        fill(start, k, out);
        start = k + 1;
      }
    }
    return out;
  }

 private:
  bool fits(long units) const { return static_cast<double>(units) * o_.size_pt <= limit_; }
  void fill(std::size_t first, std::size_t last, t::ParagraphLayout& out) {
    if (first == last) {
      t::Line line;
      line.begin = line.end = first < clusters_.size() ? clusters_[first].begin : text_.size();
      out.lines.push_back(line);
      return;
    }
    struct Step {
      std::size_t from, to;
      bool forced, hangs;
    };
    std::vector<Step> steps;
    std::size_t i = first;
    while (i < last) {
      std::size_t best = 0;
      bool best_hangs = false;
      long sum = 0, visible = 0;
      for (std::size_t j = i + 1; j <= last; ++j) {
        const long before = visible;
        sum += widths_[j - 1];
        if (!is_space(clusters_[j - 1].cls)) visible = sum;
        if (j == last || t::break_allowed(clusters_, j)) {
          if (fits(visible)) {
            best = j;
            best_hangs = false;
          } else if (o_.hanging && j - 1 > i && can_hang(clusters_[j - 1].base) && fits(before)) {
            best = j;
            best_hangs = true;
          }
        }
        if (!fits(before)) break;
      }
      bool forced = false;
      if (best == 0) {
        forced = true;
        best = i + 1;
        long s = 0, v = 0;
        for (std::size_t j = i + 1; j <= last; ++j) {
          s += widths_[j - 1];
          if (!is_space(clusters_[j - 1].cls)) v = s;
          if (!fits(v)) break;
          best = j;
        }
        while (best < last && is_space(clusters_[best].cls)) ++best;
      }
      steps.push_back(Step{i, best, forced, best_hangs});
      i = best;
    }
    // Balancing, by exhaustive search: the layout with the same number of lines whose line
    // ends, taken from the first line on, are as far as possible, with a last line of at
    // least `need` content clusters; `need` from lonely + 1 down to one more than the
    // greedy last line has; for each, first with every line but the last at least floor_
    // of its greedy width, then without. Only for parts without emergency breaks.
    const bool any_forced = std::any_of(steps.begin(), steps.end(), [](const Step& s) { return s.forced; });
    const int had = content(steps.back().from, steps.back().to);
    if (lonely_ >= 0 && steps.size() >= 2 && steps.size() <= t::PreparedParagraph::kMaxBalancedLines &&
        last - first <= t::PreparedParagraph::kMaxPlannedClusters &&
        !any_forced && had <= lonely_) {
      greedy_.clear();
      for (const Step& st : steps) greedy_.push_back(visible_width(st.from, st.to));
      bool done = false;
      for (int need = lonely_ + 1; need > had && !done; --need) {
        for (double f : {floor_, 0.0}) {
          keep_ = f;
          std::vector<std::size_t> ends;
          std::set<std::pair<std::size_t, std::size_t>> dead;
          if (search(first, last, steps.size(), need, ends, dead)) {
            std::size_t from = first;
            steps.clear();
            for (std::size_t e : ends) {
              steps.push_back(Step{from, e, false, !fits(visible_width(from, e))});
              from = e;
            }
            done = true;
            break;
          }
          if (floor_ <= 0) break;
        }
      }
    }
    for (const Step& st : steps) {
      out.lines.push_back(make_line(st.from, st.to, st.forced, st.hangs));
      if (st.forced) ++out.forced_count;
    }
  }
  long visible_width(std::size_t i, std::size_t j) const {
    long sum = 0, visible = 0;
    for (std::size_t k = i; k < j; ++k) {
      sum += widths_[k];
      if (!is_space(clusters_[k].cls)) visible = sum;
    }
    return visible;
  }
  bool line_fits(std::size_t i, std::size_t j) const {
    if (fits(visible_width(i, j))) return true;
    return o_.hanging && j - 1 > i && can_hang(clusters_[j - 1].base) && fits(visible_width(i, j - 1));
  }
  int content(std::size_t i, std::size_t j) const;
  // Sets [i, last) in `lines` lines; the ends in `ends`. Furthest line end first.
  bool search(std::size_t i, std::size_t last, std::size_t lines, int need, std::vector<std::size_t>& ends,
              std::set<std::pair<std::size_t, std::size_t>>& dead) const {
    if (lines == 1) {
      if (!line_fits(i, last) || content(i, last) < need) return false;
      ends.push_back(last);
      return true;
    }
    if (dead.count({i, lines})) return false;
    const std::size_t k = greedy_.size() - lines;  // index of this line
    for (std::size_t j = last - 1; j > i; --j) {
      if (!t::break_allowed(clusters_, j) || !line_fits(i, j)) continue;
      if (static_cast<double>(visible_width(i, j)) < keep_ * static_cast<double>(greedy_[k]) - 1e-9) continue;
      ends.push_back(j);
      if (search(j, last, lines - 1, need, ends, dead)) return true;
      ends.pop_back();
    }
    dead.insert({i, lines});
    return false;
  }
  t::Line make_line(std::size_t from, std::size_t to, bool forced, bool hangs) {
    t::Line line;
    line.forced = forced;
    line.begin = clusters_[from].begin;
    line.end = clusters_[to - 1].end;
    std::size_t draw_end = to;
    while (draw_end > from && (is_space(clusters_[draw_end - 1].cls) || is_invisible(clusters_[draw_end - 1].cls)))
      --draw_end;
    long units = 0;
    for (std::size_t k = from; k < draw_end; ++k) {
      const t::Cluster& c = clusters_[k];
      if (is_invisible(c.cls)) continue;
      const int style = styles_[c.begin];
      if (line.fragments.empty() || line.fragments.back().style != style)
        line.fragments.push_back(t::Fragment{{}, style, 0});
      t::Fragment& f = line.fragments.back();
      for (std::size_t p = c.begin; p < c.end; ++p) f.text.push_back(m_.draw_char(text_[p], style));
      f.width += static_cast<double>(widths_[k]);
      units += widths_[k];
    }
    for (t::Fragment& f : line.fragments) f.width = f.width * o_.size_pt / 1000.0;
    line.width_units = static_cast<int>(units);
    line.width = static_cast<double>(units) * o_.size_pt / 1000.0;
    line.hanging = hangs && !fits(units);
    line.overflow = !fits(units) && !line.hanging;
    return line;
  }

  const std::u32string& text_;
  const std::vector<int>& styles_;
  const t::Measurer& m_;
  const t::LayoutOptions& o_;
  std::vector<t::Cluster> clusters_;
  std::vector<long> widths_;
  double limit_ = 0;
  int lonely_ = -1;
  double floor_ = 0;
  double keep_ = 0;
  std::vector<long> greedy_;  // visible widths of the greedy lines of the part balanced
};

int RefFiller::content(std::size_t i, std::size_t j) const {
  int n = 0;
  for (std::size_t k = i; k < j; ++k)
    if (counts_as_content(clusters_[k])) ++n;
  return n;
}

t::ParagraphLayout ref_layout(const std::vector<t::StyledRun>& runs, const t::Measurer& m,
                              const t::LayoutOptions& o, int lonely = -1, double floor = 0) {
  std::u32string text;
  std::vector<int> styles;
  for (const t::StyledRun& r : runs) {
    text += r.text;
    styles.insert(styles.end(), r.text.size(), r.style);
  }
  return RefFiller(text, styles, m, o, lonely, floor).run();
}


t::ParagraphLayout ref_balanced(const std::vector<t::StyledRun>& runs, const t::Measurer& m,
                                const t::LayoutOptions& o, const t::BoxSpec& box) {
  return ref_layout(runs, m, o, box.balance ? box.balance_lonely : -1, box.balance_floor);
}

t::FitResult ref_layout_box(const std::vector<t::BoxParagraph>& ps, const t::Measurer& m,
                            const t::BoxSpec& box, double size) {
  t::FitResult r;
  r.size = size;
  const double pitch = box.line_height * size;
  const double spacing = box.paragraph_spacing_em * size;
  auto top = [&](int lines_above, std::size_t gaps_above) {
    return lines_above * pitch + static_cast<double>(gaps_above) * spacing;
  };
  for (std::size_t p = 0; p < ps.size(); ++p) {
    const t::BoxParagraph& para = ps[p];
    t::PlacedParagraph placed;
    placed.marker = para.marker;
    placed.marker_style = para.marker_style;
    placed.marker_x = para.indent_pt + para.indent_em * size;
    long marker_units = 0;
    for (char32_t cp : para.marker) marker_units += m.width(cp, para.marker_style);
    placed.marker_width = static_cast<double>(marker_units) * size / 1000.0;
    placed.text_x = placed.marker_x + placed.marker_width + (para.marker.empty() ? 0.0 : box.marker_gap_em * size);
    t::LayoutOptions o;
    o.width_pt = box.width_pt - placed.text_x;
    o.size_pt = size;
    o.hanging = box.hanging;
    auto laid = std::make_shared<t::ParagraphLayout>(ref_balanced(para.runs, m, o, box));
    if (laid->lines.empty()) laid->lines.emplace_back();
    r.forced_count += laid->forced_count;
    for (const t::Line& line : laid->lines) {
      placed.lines.push_back(t::PlacedLine{placed.text_x, top(r.line_count, p), &line});
      ++r.line_count;
    }
    placed.layout = std::move(laid);
    r.paragraphs.push_back(placed);
  }
  r.height = ps.empty() ? 0.0 : top(r.line_count, ps.size() - 1);
  r.overflow_height = std::max(0.0, r.height - box.height_pt);
  r.fitted = r.forced_count == 0 && r.height <= box.height_pt + 1e-9;
  if (r.fitted) r.overflow_height = 0;
  return r;
}

t::FitResult ref_fit_box(const std::vector<t::BoxParagraph>& ps, const t::Measurer& m, const t::BoxSpec& box) {
  std::vector<double> sizes;
  const double step = box.step > 0 ? box.step : 0.5;
  for (int k = 0;; ++k) {
    const double s = box.max_size - k * step;
    if (s < box.min_size - 1e-9) break;
    sizes.push_back(s);
  }
  if (sizes.empty() || std::fabs(sizes.back() - box.min_size) > 1e-9) sizes.push_back(box.min_size);
  t::FitResult best = ref_layout_box(ps, m, box, sizes.back());
  if (!best.fitted) return best;
  std::size_t lo = 0, hi = sizes.size() - 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    t::FitResult r = ref_layout_box(ps, m, box, sizes[mid]);
    if (r.fitted) {
      hi = mid;
      best = std::move(r);
    } else {
      lo = mid + 1;
    }
  }
  return best;
}

// ---- comparisons ------------------------------------------------------------------------

void same_line(const t::Line& a, const t::Line& b) {
  REQUIRE(a.begin == b.begin);
  REQUIRE(a.end == b.end);
  REQUIRE(a.forced == b.forced);
  REQUIRE(a.hanging == b.hanging);
  REQUIRE(a.overflow == b.overflow);
  REQUIRE(a.width_units == b.width_units);
  REQUIRE(a.width == b.width);  // bit-identical, not approximately
  REQUIRE(a.fragments.size() == b.fragments.size());
  for (std::size_t i = 0; i < a.fragments.size(); ++i) {
    REQUIRE(a.fragments[i].text == b.fragments[i].text);
    REQUIRE(a.fragments[i].style == b.fragments[i].style);
    REQUIRE(a.fragments[i].width == b.fragments[i].width);
  }
}

void same_layout(const t::ParagraphLayout& a, const t::ParagraphLayout& b) {
  REQUIRE(a.forced_count == b.forced_count);
  REQUIRE(a.lines.size() == b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) same_line(a.lines[i], b.lines[i]);
}

void same_fit(const t::FitResult& a, const t::FitResult& b) {
  REQUIRE(a.fitted == b.fitted);
  REQUIRE(a.size == b.size);
  REQUIRE(a.line_count == b.line_count);
  REQUIRE(a.forced_count == b.forced_count);
  REQUIRE(a.height == b.height);
  REQUIRE(a.overflow_height == b.overflow_height);
  REQUIRE(a.paragraphs.size() == b.paragraphs.size());
  for (std::size_t p = 0; p < a.paragraphs.size(); ++p) {
    const auto& x = a.paragraphs[p];
    const auto& y = b.paragraphs[p];
    REQUIRE(x.marker == y.marker);
    REQUIRE(x.marker_x == y.marker_x);
    REQUIRE(x.marker_width == y.marker_width);
    REQUIRE(x.text_x == y.text_x);
    REQUIRE(x.lines.size() == y.lines.size());
    for (std::size_t i = 0; i < x.lines.size(); ++i) {
      REQUIRE(x.lines[i].x == y.lines[i].x);
      REQUIRE(x.lines[i].y == y.lines[i].y);
      same_line(*x.lines[i].line, *y.lines[i].line);
    }
  }
}

// Widths that differ by character and style, and a substitute drawn for U+2011, so that
// measuring and drawing by the cluster's style are both exercised.
class VariedMeasurer final : public t::Measurer {
 public:
  int width(char32_t cp, int style) const override {
    if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x3099 || cp == 0x309A) return 0;
    const int base = cp < 0x80 ? 300 + static_cast<int>(cp % 7) * 50 : 880 + static_cast<int>(cp % 5) * 30;
    return style == t::kStrong ? base + 40 : base;
  }
  char32_t draw_char(char32_t cp, int style) const override {
    if (cp == 0x2011) return 0x2010;
    if (cp == U'~' && style == t::kStrong) return U'-';
    return cp;
  }
};

// A small deterministic generator (the same texts on every run and platform).
struct Rng {
  std::uint64_t s;
  std::uint32_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(s >> 33);
  }
  std::size_t below(std::size_t n) { return next() % n; }
};

const std::u32string kAlphabet =
    U"あいうえおかきくけこっゃー漢字行政推進計画デジタル化、。，．「」（）【】〜…・！？"
    U"abcXYZ019 .,-()[]/%$\u3000\n\u200B\u2060\u00A0\u2011\u3099~";

std::vector<t::StyledRun> random_runs(Rng& rng) {
  std::vector<t::StyledRun> runs;
  const std::size_t n = 1 + rng.below(3);
  for (std::size_t r = 0; r < n; ++r) {
    t::StyledRun run;
    run.style = static_cast<int>(rng.below(2));
    const std::size_t len = rng.below(40);
    for (std::size_t k = 0; k < len; ++k) {
      // Long stretches of ordinary text, with the special characters mixed in.
      const std::size_t pick = rng.below(4) == 0 ? rng.below(kAlphabet.size()) : rng.below(30);
      run.text.push_back(kAlphabet[pick]);
    }
    runs.push_back(run);
  }
  return runs;
}

}  // namespace

TEST_CASE("prepared paragraphs lay out exactly as unprepared ones", "[text][prepared]") {
  const t::FixedPitchMeasurer fixed;
  const VariedMeasurer varied;
  const t::Measurer* measurers[] = {&fixed, &varied};
  Rng rng{12345};
  std::vector<t::PreparedParagraph::Break> breaks;
  for (int trial = 0; trial < 600; ++trial) {
    const t::Measurer& m = *measurers[trial % 2];
    const std::vector<t::StyledRun> runs = random_runs(rng);
    const t::PreparedParagraph prepared(runs, m);
    for (int k = 0; k < 6; ++k) {
      t::LayoutOptions o;
      o.width_pt = 5.0 + static_cast<double>(rng.below(2000)) / 10.0;
      o.size_pt = 6.0 + 0.5 * static_cast<double>(rng.below(20));
      o.hanging = rng.below(2) == 0;
      INFO("trial " << trial << " width " << o.width_pt << " size " << o.size_pt);
      const t::ParagraphLayout want = ref_layout(runs, m, o);
      same_layout(prepared.layout(o), want);
      same_layout(t::layout_paragraph(runs, m, o), want);
      const t::PreparedParagraph::Count c = prepared.count(o);
      REQUIRE(c.lines == static_cast<int>(want.lines.size()));
      REQUIRE(c.forced == want.forced_count);
      breaks.clear();
      REQUIRE(prepared.breaks(o, breaks) == want.forced_count);
      REQUIRE(breaks.size() == want.lines.size());
    }
  }
}

TEST_CASE("prepared boxes fit, balance and count exactly as unprepared ones", "[text][prepared]") {
  const t::FixedPitchMeasurer fixed;
  const VariedMeasurer varied;
  const t::Measurer* measurers[] = {&fixed, &varied};
  Rng rng{987654321};
  for (int trial = 0; trial < 300; ++trial) {
    const t::Measurer& m = *measurers[trial % 2];
    t::ParagraphCache cache(m, false);  // plain JLREQ breaking, as the reference
    std::vector<t::BoxParagraph> ps;
    const std::size_t n = rng.below(4);
    for (std::size_t p = 0; p < n; ++p) {
      t::BoxParagraph bp;
      bp.runs = random_runs(rng);
      if (rng.below(2) == 0) bp.marker = U"・";
      bp.marker_style = static_cast<int>(rng.below(2));
      bp.indent_pt = static_cast<double>(rng.below(3)) * 2.5;
      bp.indent_em = static_cast<double>(rng.below(3));
      ps.push_back(bp);
      if (rng.below(4) == 0) ps.push_back(bp);  // the same text twice: a cache hit
    }
    t::BoxSpec box;
    box.width_pt = 20.0 + static_cast<double>(rng.below(3000)) / 10.0;
    box.height_pt = 10.0 + static_cast<double>(rng.below(2000)) / 10.0;
    box.max_size = 14;
    box.min_size = 6 + 0.5 * static_cast<double>(rng.below(6));
    box.paragraph_spacing_em = static_cast<double>(rng.below(3)) * 0.25;
    box.hanging = rng.below(2) == 0;
    box.balance = rng.below(3) != 0;
    box.balance_lonely = 1 + static_cast<int>(rng.below(3));
    INFO("trial " << trial << " width " << box.width_pt << " height " << box.height_pt);
    const t::PreparedBox plain(ps, m);
    const t::PreparedBox cached(ps, cache);
    same_fit(t::fit_box(cached, box), ref_fit_box(ps, m, box));
    same_fit(t::fit_box(ps, m, box), ref_fit_box(ps, m, box));
    for (double size : {box.min_size, 9.5, box.max_size}) {
      const t::FitResult want = ref_layout_box(ps, m, box, size);
      same_fit(t::layout_box(plain, box, size), want);
      same_fit(t::layout_box(cached, box, size), want);
      t::BoxSpec unbalanced = box;
      unbalanced.balance = false;
      const t::FitResult flat = ref_layout_box(ps, m, unbalanced, size);
      const t::BoxCount c = t::count_box(cached, unbalanced, size);
      REQUIRE(c.line_count == flat.line_count);
      REQUIRE(c.forced_count == flat.forced_count);
      REQUIRE(c.height == flat.height);
      REQUIRE(c.line_count == want.line_count);  // balancing never changes the line count
    }
  }
}

TEST_CASE("a tally reused at another width is the tally computed afresh", "[text][prepared]") {
  // PreparedParagraph::tally answers a width from an earlier one when every width
  // comparison that decided the earlier breaks comes out the same: sweep widths in a
  // random order (neighbours, repeats, far jumps) and compare each answer with a paragraph
  // that never saw another width, with phrase ranks and without, hanging and not.
  const t::FixedPitchMeasurer fixed;
  const VariedMeasurer varied;
  const t::Measurer* measurers[] = {&fixed, &varied};
  t::PhraseBreaker breaker;
  Rng rng{24681357};
  for (int trial = 0; trial < 120; ++trial) {
    const t::Measurer& m = *measurers[trial % 2];
    const std::vector<t::StyledRun> runs = random_runs(rng);
    const bool phrases = trial % 3 != 0;
    auto prepare = [&] {
      return phrases ? t::PreparedParagraph(runs, m, breaker) : t::PreparedParagraph(runs, m);
    };
    const t::PreparedParagraph shared = prepare();
    double width = 5.0 + static_cast<double>(rng.below(2000)) / 10.0;
    for (int probe = 0; probe < 30; ++probe) {
      switch (rng.below(4)) {
        case 0: width = 5.0 + static_cast<double>(rng.below(2000)) / 10.0; break;  // anywhere
        case 1: break;                                                             // again
        default: width = std::max(1.0, width + (static_cast<double>(rng.below(41)) - 20.0) / 4.0);  // nearby
      }
      t::LayoutOptions o;
      o.width_pt = width;
      o.size_pt = rng.below(2) == 0 ? 10.0 : 10.5;
      o.hanging = rng.below(2) == 0;
      INFO("trial " << trial << " width " << o.width_pt << " size " << o.size_pt << " hanging " << o.hanging);
      const t::PreparedParagraph::Tally got = shared.tally(o);
      const t::PreparedParagraph::Tally want = prepare().tally(o);
      REQUIRE(got.lines == want.lines);
      REQUIRE(got.forced == want.forced);
      REQUIRE(got.link_forced == want.link_forced);
      REQUIRE(got.inside_phrase == want.inside_phrase);
      REQUIRE(got.cut_words == want.cut_words);
      std::vector<t::PreparedParagraph::Break> breaks;
      REQUIRE(prepare().breaks(o, breaks) == want.forced);
      REQUIRE(static_cast<int>(breaks.size()) == want.lines);
    }
  }
}

TEST_CASE("a paragraph cache keys on text and style", "[text][prepared]") {
  const t::FixedPitchMeasurer m;
  t::ParagraphCache cache(m);
  const std::vector<t::StyledRun> a{{U"あいう", 0}}, b{{U"あいう", 1}}, c{{U"あ", 0}, {U"いう", 0}};
  REQUIRE(cache.get(a) == cache.get(a));
  REQUIRE(cache.get(a) != cache.get(b));
  REQUIRE(cache.get(a) != cache.get(c));  // same text, other runs: kept apart (styles may differ)
  REQUIRE(cache.get(c)->text() == U"あいう");
}

TEST_CASE("one font chain measurer shared by threads gives the single-threaded answers",
          "[text][font][threads]") {
  auto load = [](const char* file) {
    const auto path = t::find_font(file, t::font_search_dirs(std::string(PLANDECK_SOURCE_DIR) + "/fonts"));
    REQUIRE(path.has_value());
    auto f = t::Font::load(*path);
    REQUIRE(f.has_value());
    return std::move(*f);
  };
  const t::Font regular = load("BIZUDPGothic-Regular.ttf");
  const t::Font bold = load("BIZUDPGothic-Bold.ttf");
  // Fresh measurers: the threads race to fill the same blocks on first use.
  const t::FontChainMeasurer reference({&regular}, {&bold});
  const t::FontChainMeasurer shared({&regular}, {&bold});
  std::atomic<int> mismatches{0};
  auto work = [&](char32_t first) {
    for (char32_t cp = first; cp < 0x10000; cp += 3) {
      for (int style = 0; style < 2; ++style) {
        const auto g = shared.glyph(cp, style);
        if (g.width != shared.width(cp, style) || g.drawn != shared.draw_char(cp, style) ||
            g.font != shared.font_for(cp, style))
          ++mismatches;
      }
    }
  };
  std::thread a(work, char32_t{0}), b(work, char32_t{1});
  work(2);
  a.join();
  b.join();
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    for (int style = 0; style < 2; ++style) {
      if (shared.width(cp, style) != reference.width(cp, style) ||
          shared.draw_char(cp, style) != reference.draw_char(cp, style) ||
          shared.covered(cp, style) != reference.covered(cp, style))
        ++mismatches;
    }
  }
  REQUIRE(mismatches == 0);
}
