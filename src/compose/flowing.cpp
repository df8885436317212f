// The 到達目標 status slide and the overview: one page at the largest body size that fits,
// down to sizes.body.flow_below; when that does not fit one page, they flow on to …（続き）
// pages at the largest size that needs no more pages than flow_below does (see
// flowing_sizes in pager.hpp for the sizes below it). A goal (an overview
// block) moves to the next page whole when it fits there; one taller than a page is split
// between its items, its label (heading) repeated and its statement (body) said once.
#include <algorithm>
#include <map>
#include <optional>

#include "compose/kinds.hpp"
#include "compose/pager.hpp"

namespace plandeck::compose::detail {

namespace {

using Items = std::vector<model::Item>;

void check(Pager& pager, const text::FitResult& r, const std::string& box, const Content& ct,
           const diag::SourceLoc& fallback) {
  if (r.forced_count > 0) pager.overflows.push_back(forced_overflow(r, box, ct, fallback));
}

// Line and paragraph counts of each item (with its sub-items) laid out `w` wide at `size`, so
// that the height of any run of items is known without laying it out again.
struct ItemCounts {
  std::vector<int> lines, paras;
  // Items [i, j): lines × pitch + (paragraphs − 1) × spacing, text::layout_box's expression
  // (so the result equals the height of the run measured as one box); 0 for no item.
  double height(const Ctx& c, double size, std::size_t i, std::size_t j) const {
    int l = 0, n = 0;
    for (std::size_t k = i; k < j; ++k) l += lines[k], n += paras[k];
    if (n == 0) return 0;
    const double pitch = c.layout.text.line_height * size;
    const double spacing = c.layout.text.paragraph_spacing_em * size;
    return l * pitch + static_cast<double>(n - 1) * spacing;
  }
};

ItemCounts item_counts(const Ctx& c, const Items& items, double w, double size) {
  ItemCounts out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Content one = list_content(c, items, k, k + 1);
    out.lines.push_back(count(c, text::PreparedBox(one.ps, *c.paragraphs), std::max(1.0, w), size).line_count);
    out.paras.push_back(static_cast<int>(one.ps.size()));
  }
  return out;
}

// Chooses the size and draws: one page when a size allows it (with the loosest pitch at
// which it still fits, as search_size does), else the fewest pages at the largest size;
// errors (a unit taller than a page at the minimum size) are reported. The sizes start at
// the deck's size for `role` (scale.hpp), and the size taken is recorded there.
template <class Plan>
std::vector<Page> paginate(const Ctx& c, const model::Slide& slide, const std::vector<text::StyledRun>& title,
                           const std::string& name, Role role, Plan plan) {
  PitchScope base_pitch(c, 0);
  // Plans by size and pitch: the end of the size list and the smallest size are often the
  // same plan, and a plan is the same for the same inputs.
  std::map<std::pair<double, double>, Pager> plans;
  auto planned = [&](double S) -> const Pager& {
    const auto key = std::make_pair(S, c.pitch);
    auto it = plans.find(key);
    if (it == plans.end()) it = plans.emplace(key, plan(S)).first;
    return it->second;
  };
  const std::vector<double> cand = flowing_sizes(c.range(role, c.layout.sizes.body), c.layout.text.step,
                                                 [&](double S) { return planned(S).overflows.empty(); });
  auto finish = [&](const Pager& pager, double size, double pitch) {
    c.took(role, size);
    plan.took();
    std::vector<Page> out;
    for (std::size_t k = 0; k < pager.page_count(); ++k) {
      Page p;
      {
        PitchScope frame(c, 0);  // the frame at the layout's pitch, whatever the body's
        p = frame_page(c, slide, title, k > 0, name);
      }
      PitchScope scope(c, pitch);  // the body as measured
      pager.draw(k, p);
      out.push_back(std::move(p));
    }
    return out;
  };
  // Page counts only grow with the size (a smaller size shortens every unit), so the
  // minimum size tells whether some size fits one page, and how few pages are needed.
  const Pager& smallest = planned(cand.back());
  const bool ok = smallest.overflows.empty();
  if (ok && smallest.page_count() == 1) {
    // The first size that fits one page: the slide stays on one page.
    for (double S : cand) {
      const Pager& p = planned(S);
      if (!(p.overflows.empty() && p.page_count() == 1)) continue;
      if (!c.scale || c.scale->settled()) {
        for (double pitch : loose_pitches(c)) {
          PitchScope loose(c, pitch);
          const Pager& lp = planned(S);
          if (lp.overflows.empty() && lp.page_count() == 1) return finish(lp, S, pitch);
        }
      }
      return finish(p, S, 0);
    }
  }
  // It flows on: as few pages as the minimum size needs, at the largest size that needs no
  // more (bisected over the sizes; the plan found is checked, never assumed).
  if (ok) {
    auto good = [&](const Pager& p) { return p.overflows.empty() && p.page_count() <= smallest.page_count(); };
    std::size_t lo = 0, hi = cand.size() - 1;  // cand[hi] is good
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (good(planned(cand[mid]))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (hi + 1 == cand.size()) return finish(smallest, cand.back(), 0);
    return finish(planned(cand[hi]), cand[hi], 0);
  }
  for (const Overflow& o : smallest.overflows) report(c, name, o, cand.back());
  return finish(smallest, cand.back(), 0);
}

// ---- goal status ------------------------------------------------------------------------

const diag::Message kGoals{"到達目標", "goal status"};

class Goals {
 public:
  Goals(const Ctx& c, const model::GoalStatusSlide& s, const Area& a) : c_(c), s_(s), a_(a) {
    // The goals' label cells share one size (label_size), whatever the body size.
    const double w = c.layout.goal_status.label_width - 2 * c.layout.frame.padding;
    std::vector<LabelBox> boxes;
    labels_.reserve(s.goals.size());
    for (const model::Goal& goal : s.goals) labels_.push_back(text_content(c, goal.label, true));
    for (const Content& l : labels_) boxes.push_back({&l, w});
    label_ = label_size(c, boxes);
  }
  void took() const { c_.took(Role::Label, label_); }

  Pager operator()(double S) const {
    Pager pager(a_);
    lead(pager, S);
    for (std::size_t i = 0; i < s_.goals.size(); ++i) {
      if (i > 0 && s_.goals[i].new_page) pager.break_page();
      goal(pager, i, S);
    }
    if (!s_.note.empty()) {
      Content note = text_content(c_, s_.note);
      text::FitResult r = measure(c_, note, a_.w, S);
      check(pager, r, "note", note, s_.note.loc);
      const Ctx& c = c_;
      const diag::SourceLoc loc = s_.note.loc;
      const double x = a_.x, w = a_.w;
      pager.place(r.height, 0,
                  [&c, r, x, w, loc](Page& p, double y, double) {
                    const std::size_t from = p.shapes.size();
                    draw(p, c, r, x, y, w, plain_paint(color(c.layout.palette.muted)));
                    boxed(p, from, x, y, w, r.height, part_name(kGoals, name("注記", "note")), loc);
                  },
                  Overflow{"note", s_.note.loc, 0, 0});
    }
    return pager;
  }

 private:
  void lead(Pager& pager, double S) const {
    if (s_.lead.empty()) return;
    const auto& F = c_.layout.frame;
    const double pad = F.padding;
    Content lead = text_content(c_, s_.lead);
    text::FitResult r = measure(c_, lead, a_.w - 2 * pad - 6, S);
    check(pager, r, "lead", lead, s_.lead.loc);
    const Ctx& c = c_;
    const diag::SourceLoc loc = s_.lead.loc;
    const double x = a_.x, w = a_.w;
    pager.place(r.height + 2 * pad, F.gap,
                [&c, r, x, w, pad, loc](Page& p, double y, double h) {
                  const auto& pal = c.layout.palette;
                  rect(p, x, y, w, h, color(pal.panel_fill), color(pal.border), c.layout.frame.border_width);
                  rect(p, x, y, 5, h, color(pal.accent));
                  const std::size_t from = p.shapes.size();
                  draw(p, c, r, x + pad + 6, y + pad, w - 2 * pad - 6, body_paint(c));
                  boxed(p, from, x, y, w, h, part_name(kGoals, name("リード文", "lead")), loc);
                },
                Overflow{"lead", s_.lead.loc, 0, 0});
  }

  // One part of a goal: the statement (first part only) and results [r0, r1) beside
  // challenges [c0, c1).
  struct Part {
    bool statement = false;
    text::FitResult lab, st, b1, b2, res, chl;
    double hs = 0, band_h = 0, ch = 0, gh = 0;
  };

  Part part(std::size_t g, bool statement, std::size_t r0, std::size_t r1, std::size_t c0, std::size_t c1,
            double S) const {
    const auto& F = c_.layout.frame;
    const auto& G = c_.layout.goal_status;
    const double pad = F.padding, lw = G.label_width, w2 = a_.w - lw;
    const double rw = w2 * G.results_fraction, cw = w2 - rw;
    const model::Goal& goal = s_.goals[g];
    Part p;
    p.statement = statement;
    p.lab = measure(c_, labels_[g], lw - 2 * pad, label_);
    if (statement) p.st = measure(c_, text_content(c_, goal.statement), w2 - 2 * pad, S);
    p.res = measure(c_, list_content(c_, goal.results, r0, r1), rw - 2 * pad, S);
    p.chl = measure(c_, list_content(c_, goal.challenges, c0, c1), cw - 2 * pad, S);
    p.b1 = measure(c_, text_content(c_, s_.results_label, true), rw - 2 * pad, S);
    p.b2 = measure(c_, text_content(c_, s_.challenges_label, true), cw - 2 * pad, S);
    p.hs = statement ? p.st.height + 2 * pad : 0;
    p.band_h = std::max(G.column_band_em * S, std::max(p.b1.height, p.b2.height) + 0.4 * S);
    p.ch = std::max(p.res.height, p.chl.height) + 2 * pad;
    p.gh = std::max(p.hs + p.band_h + p.ch, p.lab.height + 2 * pad);
    return p;
  }

  void goal(Pager& pager, std::size_t g, double S) const {
    const model::Goal& goal = s_.goals[g];
    const std::string gn = idx("goals", g);
    {
      Part whole = part(g, true, 0, goal.results.size(), 0, goal.challenges.size(), S);
      // The boxes' texts are read again only to locate a word too wide (rarely).
      if (whole.lab.forced_count > 0) check(pager, whole.lab, gn + ".label", text_content(c_, goal.label, true), goal.loc);
      if (whole.st.forced_count > 0) check(pager, whole.st, gn + ".statement", text_content(c_, goal.statement), goal.loc);
      if (whole.res.forced_count > 0) check(pager, whole.res, gn + ".results", list_content(c_, goal.results), goal.loc);
      if (whole.chl.forced_count > 0)
        check(pager, whole.chl, gn + ".challenges", list_content(c_, goal.challenges), goal.loc);
      if (pager.fits(whole.gh) || whole.gh <= a_.h + kEps) {
        place(pager, g, std::move(whole), Overflow{gn, goal.loc, 0, 0});
        return;
      }
    }
    // Taller than a page: split between items, starting in the room left on this page
    // when at least one item fits there.
    const std::size_t nr = goal.results.size(), nc = goal.challenges.size();
    const auto& G = c_.layout.goal_status;
    const double pad = c_.layout.frame.padding, w2 = a_.w - G.label_width;
    const double rw = w2 * G.results_fraction, cw = w2 - rw;
    const ItemCounts rc = item_counts(c_, goal.results, rw - 2 * pad, S);
    const ItemCounts cc = item_counts(c_, goal.challenges, cw - 2 * pad, S);
    const Part head = part(g, true, 0, 0, 0, 0, S);  // label, statement and bands
    // A part's height from the counts (what part() gives for the same items).
    auto part_h = [&](bool statement, std::size_t r0_, std::size_t r1_, std::size_t c0_, std::size_t c1_) {
      const double ch = std::max(rc.height(c_, S, r0_, r1_), cc.height(c_, S, c0_, c1_)) + 2 * pad;
      return std::max((statement ? head.hs : 0) + head.band_h + ch, head.lab.height + 2 * pad);
    };
    std::size_t r0 = 0, c0 = 0;
    bool first = true;
    while (first || r0 < nr || c0 < nc) {
      if (!first) pager.break_page();
      std::size_t r1 = r0, c1 = c0;
      auto fill = [&] {
        r1 = r0;
        c1 = c0;
        // Each column grows while the part fits (its height only grows with it).
        while (r1 < nr && pager.fits(part_h(first, r0, r1 + 1, c0, c0))) ++r1;
        while (c1 < nc && pager.fits(part_h(first, r0, r1, c0, c1 + 1))) ++c1;
      };
      fill();
      if (r1 == r0 && c1 == c0 && !pager.fresh()) {
        pager.break_page();
        fill();
      }
      Overflow blame{gn + ".statement", goal.statement.loc, 0, 0};
      const bool alone = first && pager.fits(part_h(true, r0, r0, c0, c0));
      if (r1 == r0 && c1 == c0 && (r0 < nr || c0 < nc) && !alone) {  // an item taller than a page
        if (r0 < nr) {
          blame = {gn + ".results", goal.results[r0].loc, 0, 0};
          ++r1;
        } else {
          blame = {gn + ".challenges", goal.challenges[c0].loc, 0, 0};
          ++c1;
        }
      }
      place(pager, g, part(g, first, r0, r1, c0, c1, S), blame);
      r0 = r1;
      c0 = c1;
      first = false;
    }
  }

  void place(Pager& pager, std::size_t g, Part pt, const Overflow& blame) const {
    const Ctx& c = c_;
    const model::GoalStatusSlide& s = s_;
    const double x = a_.x, w = a_.w;
    const double h = pt.gh;
    pager.place(h, c_.layout.frame.gap,
                [&c, &s, pt = std::move(pt), g, x, w](Page& p, double y, double) { draw_part(p, c, s, g, pt, x, y, w); },
                blame);
  }

  static void draw_part(Page& p, const Ctx& c, const model::GoalStatusSlide& s, std::size_t g, const Part& pt,
                        double x, double y, double w) {
    const auto& F = c.layout.frame;
    const auto& pal = c.layout.palette;
    const auto& G = c.layout.goal_status;
    const double pad = F.padding, lw = G.label_width, x2 = x + lw, w2 = w - lw;
    const double rw = w2 * G.results_fraction, cw = w2 - rw;
    const model::Goal& goal = s.goals[g];
    const std::string n = std::to_string(g + 1);
    auto nm = [&](const std::string& ja, const std::string& en) {
      return part_name(kGoals, name("目標" + n + ja, "goal " + n + en));
    };
    {
      StructScope h2(p, StructKind::H2);
      label_cell(p, c, pt.lab, x, y, lw, pt.gh, nm("の見出し", " label"), goal.label.loc.known() ? goal.label.loc : goal.loc);
    }
    std::size_t from = 0;
    if (pt.statement) {
      rect(p, x2, y, w2, pt.hs, color(pal.panel_fill), color(pal.border), F.border_width);
      from = p.shapes.size();
      draw(p, c, pt.st, x2 + pad, y + pad, w2 - 2 * pad, body_paint(c));
      boxed(p, from, x2, y, w2, pt.hs, nm("の文", " statement"), goal.statement.loc);
    }
    const double by = y + pt.hs;
    const Paint band = plain_paint(color(pal.band_text));
    rect(p, x2, by, rw, pt.band_h, color(pal.band), color(pal.border), F.border_width);
    rect(p, x2 + rw, by, cw, pt.band_h, color(pal.band), color(pal.border), F.border_width);
    // The two bands head the two cells below them: a table of two columns.
    StructScope table(p, StructKind::Table);
    std::optional<StructScope> tr(std::in_place, p, StructKind::TR);
    std::optional<StructScope> cell(std::in_place, p, StructKind::TH, HeaderScope::Column);
    from = p.shapes.size();
    draw(p, c, pt.b1, x2 + pad, by + (pt.band_h - pt.b1.height) / 2, rw - 2 * pad, band);
    boxed(p, from, x2, by, rw, pt.band_h, nm("の実績の見出し", " results label"), s.results_label.loc);
    cell.emplace(p, StructKind::TH, HeaderScope::Column);
    from = p.shapes.size();
    draw(p, c, pt.b2, x2 + rw + pad, by + (pt.band_h - pt.b2.height) / 2, cw - 2 * pad, band);
    boxed(p, from, x2 + rw, by, cw, pt.band_h, nm("の課題の見出し", " challenges label"), s.challenges_label.loc);
    const double cy = by + pt.band_h, ch = pt.gh - pt.hs - pt.band_h;
    rect(p, x2, cy, rw, ch, std::nullopt, color(pal.border), F.border_width);
    rect(p, x2 + rw, cy, cw, ch, std::nullopt, color(pal.border), F.border_width);
    cell.reset();
    tr.emplace(p, StructKind::TR);
    cell.emplace(p, StructKind::TD);
    from = p.shapes.size();
    draw(p, c, pt.res, x2 + pad, cy + pad, rw - 2 * pad, body_paint(c));
    boxed(p, from, x2, cy, rw, ch, nm("の実績", " results"), goal.loc);
    cell.emplace(p, StructKind::TD);
    from = p.shapes.size();
    draw(p, c, pt.chl, x2 + rw + pad, cy + pad, cw - 2 * pad, body_paint(c));
    boxed(p, from, x2 + rw, cy, cw, ch, nm("の課題", " challenges"), goal.loc);
  }

  const Ctx& c_;
  const model::GoalStatusSlide& s_;
  Area a_;
  std::vector<Content> labels_;
  double label_ = 0;
};

// ---- overview ---------------------------------------------------------------------------

const diag::Message kOverview{"概要", "overview"};

class Overview {
 public:
  Overview(const Ctx& c, const model::OverviewSlide& s, const Area& a) : c_(c), s_(s), a_(a) {}
  void took() const {}

  Pager operator()(double S) const {
    Pager pager(a_);
    for (std::size_t i = 0; i < s_.blocks.size(); ++i) {
      if (i > 0 && s_.blocks[i].new_page) pager.break_page();
      block(pager, i, S);
    }
    return pager;
  }

 private:
  // A block's heading band, its body (first part only) and items [i0, i1).
  struct Part {
    text::FitResult heading, body, items;
    bool has_body = false, has_items = false;
    double band_h = 0, h = 0;
  };

  Part part(std::size_t b, bool with_body, std::size_t i0, std::size_t i1, double S) const {
    const auto& F = c_.layout.frame;
    const auto& O = c_.layout.overview;
    const model::Block& blk = s_.blocks[b];
    const double bw = a_.w - O.body_indent - F.padding;
    Part p;
    p.heading = measure(c_, text_content(c_, blk.heading, true), a_.w - 2 * F.padding - 6, S);
    p.band_h = std::max(O.band_height_em * S, p.heading.height + 0.5 * S);
    p.h = p.band_h + 0.35 * S;
    p.has_body = with_body && !blk.body.empty();
    if (p.has_body) {
      p.body = measure(c_, text_content(c_, blk.body), bw, S);
      p.h += p.body.height + 0.3 * S;
    }
    p.has_items = i1 > i0;
    if (p.has_items) {
      p.items = measure(c_, list_content(c_, blk.items, i0, i1), bw, S);
      p.h += p.items.height;
    }
    return p;
  }

  void block(Pager& pager, std::size_t b, double S) const {
    const model::Block& blk = s_.blocks[b];
    const std::string bn = idx("blocks", b);
    const std::size_t n = blk.items.size();
    Part whole = part(b, true, 0, n, S);
    {
      // The texts are read again only to locate a word too wide or the tallest item.
      if (whole.heading.forced_count > 0)
        check(pager, whole.heading, bn + ".heading", text_content(c_, blk.heading, true), blk.loc);
      if (whole.has_body && whole.body.forced_count > 0)
        check(pager, whole.body, bn + ".body", text_content(c_, blk.body), blk.loc);
      if (whole.has_items && whole.items.forced_count > 0)
        check(pager, whole.items, bn + ".items", list_content(c_, blk.items), blk.loc);
      if (pager.fits(whole.h) || whole.h <= a_.h + kEps) {
        const Overflow blame =
            whole.has_items ? Overflow{bn + ".items", tallest(whole.items, list_content(c_, blk.items), blk.loc), 0, 0}
                            : Overflow{bn + ".body", blk.body.loc, 0, 0};
        place(pager, b, std::move(whole), blame);
        return;
      }
    }
    // Taller than a page: its items continue under the heading repeated, starting in the
    // room left on this page when at least one item fits there.
    const auto& F = c_.layout.frame;
    const ItemCounts ic = item_counts(c_, blk.items, a_.w - c_.layout.overview.body_indent - F.padding, S);
    const Part head = part(b, true, 0, 0, S);   // heading band and body
    const Part bare = part(b, false, 0, 0, S);  // heading band only
    // A part's height from the counts (what part() gives for the same items).
    auto part_h = [&](bool with_body, std::size_t i0_, std::size_t i1_) {
      return (with_body ? head.h : bare.h) + ic.height(c_, S, i0_, i1_);
    };
    std::size_t i0 = 0;
    bool first = true;
    while (first || i0 < n) {
      if (!first) pager.break_page();
      std::size_t i1 = i0;
      auto fill = [&] {
        i1 = i0;
        while (i1 < n && pager.fits(part_h(first, i0, i1 + 1))) ++i1;
      };
      fill();
      if (i1 == i0 && !pager.fresh()) {
        pager.break_page();
        fill();
      }
      Overflow blame{bn + ".body", blk.body.loc, 0, 0};
      if (i1 == i0 && i0 < n) {
        // Not even one item fits under the heading: on the first part the body goes alone,
        // else the item goes alone (and overflows: it is taller than a page by itself).
        if (!(first && !blk.body.empty())) {
          blame = {bn + ".items", blk.items[i0].text.loc.known() ? blk.items[i0].text.loc : blk.items[i0].loc, 0, 0};
          ++i1;
        }
      }
      place(pager, b, part(b, first, i0, i1, S), blame);
      i0 = i1;
      first = false;
    }
  }

  void place(Pager& pager, std::size_t b, Part pt, const Overflow& blame) const {
    const Ctx& c = c_;
    const model::Block& blk = s_.blocks[b];
    const double x = a_.x, w = a_.w;
    const double h = pt.h, gap = 0.9 * pt.heading.size;
    pager.place(h, gap,
                [&c, &blk, pt = std::move(pt), b, x, w](Page& p, double y, double) { draw_part(p, c, blk, b, pt, x, y, w); },
                blame);
  }

  static void draw_part(Page& p, const Ctx& c, const model::Block& blk, std::size_t b, const Part& pt, double x,
                        double y, double w) {
    const auto& F = c.layout.frame;
    const auto& pal = c.layout.palette;
    const auto& O = c.layout.overview;
    const double S = pt.heading.size;
    const std::string n = std::to_string(b + 1);
    auto nm = [&](const std::string& ja, const std::string& en) {
      return part_name(kOverview, name("ブロック" + n + ja, "block " + n + en));
    };
    rect(p, x, y, w, pt.band_h, color(pal.band));
    rect(p, x, y, 5, pt.band_h, color(pal.label));
    std::size_t from = p.shapes.size();
    {
      StructScope h2(p, StructKind::H2);
      draw(p, c, pt.heading, x + F.padding + 6, y + (pt.band_h - pt.heading.height) / 2, w,
           plain_paint(color(pal.band_text)));
    }
    boxed(p, from, x, y, w, pt.band_h, nm("の見出し", " heading"), blk.heading.loc);
    double by = y + pt.band_h + 0.35 * S;
    const double bx = x + O.body_indent, bw = w - O.body_indent - F.padding;
    if (pt.has_body) {
      from = p.shapes.size();
      draw(p, c, pt.body, bx, by, bw, body_paint(c));
      boxed(p, from, bx, by, bw, pt.body.height, nm("の本文", " body"), blk.body.loc);
      by += pt.body.height + 0.3 * S;
    }
    if (pt.has_items) {
      from = p.shapes.size();
      draw(p, c, pt.items, bx, by, bw, body_paint(c));
      boxed(p, from, bx, by, bw, pt.items.height, nm("の項目", " items"), blk.loc);
    }
  }

  const Ctx& c_;
  const model::OverviewSlide& s_;
  Area a_;
};

}  // namespace

std::vector<Page> goal_status_slide(const Ctx& c, const model::Slide& slide, const model::GoalStatusSlide& s,
                                    const std::vector<text::StyledRun>& title, const std::string& name) {
  return paginate(c, slide, title, name, Role::GoalStatus, Goals(c, s, body_area(c, slide, title, name)));
}

std::vector<Page> overview_slide(const Ctx& c, const model::Slide& slide, const model::OverviewSlide& s,
                                 const std::vector<text::StyledRun>& title, const std::string& name) {
  return paginate(c, slide, title, name, Role::Overview, Overview(c, s, body_area(c, slide, title, name)));
}

}  // namespace plandeck::compose::detail
