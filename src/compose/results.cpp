// The 取組結果 slide: 取組の方向性, the ➤ summary, the 取組結果 list, panels side by side and
// an optional table at the foot. One page at the largest body size that fits; when even the
// minimum size does not fit one page, the content flows on to …（続き） pages (the list
// continues with its label repeated, rows of panels move on whole) at the largest size that
// needs no more pages than the minimum size does.
#include <algorithm>
#include <map>
#include <optional>

#include "compose/kinds.hpp"
#include "compose/pager.hpp"
#include "text/utf8.hpp"

namespace plandeck::compose::detail {

namespace {

const diag::Message kKind{"取組結果", "results"};

diag::Message in_slide(std::string ja, std::string en) { return part_name(kKind, name(std::move(ja), std::move(en))); }

// How the optional table is laid out.
enum class TableMode {
  OneSlide,  // on the last page, below the panels, never split (the whole slide shrinks)
  Continue,  // its first part takes the room left on the last page, the rest …（続き） slides
};

// The table's size on a results slide: smaller than the body text (by one step of the size
// grid), within the table range and no larger than the deck's table size.
spec::SizeRange results_table_sizes(const Ctx& c, double body) {
  const spec::SizeRange T = c.range(Role::Table, c.layout.sizes.table);
  return {std::max(T.min, std::min(body - c.layout.text.step, T.max)), T.min};
}

struct Planned {
  Pager pager;
  std::optional<TablePlan> table;
  TableMode mode = TableMode::OneSlide;
  double size = 0;   // the body size
  double pitch = 0;  // Ctx::pitch it was measured with (0: the layout's): drawn with the same
};

class Results {
 public:
  Results(const Ctx& c, const model::ResultsSlide& s, const Area& a)
      : c_(c), s_(s), a_(a), dir_label_(text_content(c, s.direction_label, true)),
        res_label_(text_content(c, s.results_label, true)) {
    // The label cells share one size (label_size), whatever the body size.
    const double pad = c.layout.frame.padding, lw = c.layout.results.label_width;
    label_ = label_size(c, {{&dir_label_, lw - 2 * pad}, {&res_label_, (s.results.empty() ? a.w : lw) - 2 * pad}});
  }
  double label() const { return label_; }

  Planned plan(double S, TableMode mode) const {
    Planned out{Pager(a_), std::nullopt, mode, S, c_.pitch};
    Pager& pager = out.pager;
    direction(pager, S);
    summary(pager, S);
    results(pager, S);
    std::optional<TablePlan> one_slide;
    double caption_h = 0;
    if (s_.table) caption_h = s_.table->caption.empty() ? 0 : c_.layout.table.caption_height;
    if (s_.table && mode == TableMode::OneSlide) {
      TableRequest req = request(S);
      req.first_capacity = req.other_capacity = 1e9;
      req.allow_split = false;
      one_slide = plan_table(c_, *s_.table, req);
    }
    panels(pager, S);
    if (s_.table) {
      if (mode == TableMode::Continue) {
        TableRequest req = request(S);
        req.first_capacity = pager.room() - caption_h;
        req.other_capacity = a_.h - caption_h;  // continuation slides have the same frame
        req.first_may_be_empty = true;
        out.table = plan_table(c_, *s_.table, req);
      } else {
        out.table = std::move(one_slide);
      }
      for (const Overflow& o : out.table->overflows) pager.overflows.push_back(o);
      const double part_h = out.table->parts.front().height;
      if (part_h > 0) {
        const model::DetailTable* t = &*s_.table;
        const Ctx& c = c_;
        const double x = a_.x, w = a_.w;
        pager.place(caption_h + part_h, 0,
                    [&c, t, plan = *out.table, caption_h, x, w](Page& p, double y, double) {
                      if (caption_h > 0) caption(p, c, t->caption, x, y, w, caption_h, std::string());
                      table_part_box(p, c, *t, plan, 0, x, y + caption_h, w);
                    },
                    Overflow{"table", s_.table->loc, 0, 0});
      }
    }
    return out;
  }

 private:
  TableRequest request(double S) const {
    TableRequest req;
    req.width = a_.w;
    req.sizes = results_table_sizes(c_, S);
    req.name = "table";
    return req;
  }

  void check(Pager& pager, const text::FitResult& r, const std::string& box, const Content& ct,
             const diag::SourceLoc& fallback) const {
    if (r.forced_count > 0) pager.overflows.push_back(forced_overflow(r, box, ct, fallback));
  }

  // 取組の方向性: a label cell beside the text.
  void direction(Pager& pager, double S) const {
    const double pad = c_.layout.frame.padding, lw = c_.layout.results.label_width;
    const double tw = a_.w - lw;
    const Content& lab = dir_label_;
    Content dir = text_content(c_, s_.direction);
    text::FitResult rl = measure(c_, lab, lw - 2 * pad, label_), rd = measure(c_, dir, tw - 2 * pad, S);
    check(pager, rl, "direction_label", lab, s_.direction_label.loc);
    check(pager, rd, "direction", dir, s_.direction.loc);
    const double h = std::max(rl.height, rd.height) + 2 * pad;
    const Ctx& c = c_;
    const model::ResultsSlide& s = s_;
    const double x = a_.x;
    pager.place(h, 0.35 * S,
                [&c, &s, rl = std::move(rl), rd = std::move(rd), x, lw, tw, pad, h](Page& p, double y, double) {
                  const auto& pal = c.layout.palette;
                  {
                    StructScope h2(p, StructKind::H2);
                    label_cell(p, c, rl, x, y, lw, h, in_slide("取組の方向性の見出し", "direction label"),
                               s.direction_label.loc);
                  }
                  rect(p, x + lw, y, tw, h, color(pal.panel_fill), color(pal.border), c.layout.frame.border_width);
                  const std::size_t from = p.shapes.size();
                  draw(p, c, rd, x + lw + pad, y + (h - rd.height) / 2, tw - 2 * pad, body_paint(c));
                  boxed(p, from, x + lw, y, tw, h, in_slide("取組の方向性", "direction"), s.direction.loc);
                },
                Overflow{"direction", s_.direction.loc, 0, 0});
  }

  // ➤ summary: a typed marker (the layout's summary_marker) is hung like a bullet.
  void summary(Pager& pager, double S) const {
    if (s_.summary.empty()) return;
    const double pad = c_.layout.frame.padding;
    Content sum;
    add_text(c_, sum, s_.summary);
    text::BoxParagraph& sp = sum.ps.back();
    const std::u32string mark = text::utf8::to_u32(c_.layout.text.summary_marker);
    if (!mark.empty() && !sp.runs.empty() && sp.runs.front().text.compare(0, mark.size(), mark) == 0) {
      std::u32string& first = sp.runs.front().text;
      std::size_t k = mark.size();
      while (k < first.size() && (first[k] == U' ' || first[k] == U'\u3000')) ++k;
      first.erase(0, k);
      sp.marker = mark;
    }
    sp.indent_pt = pad;
    text::FitResult r = measure(c_, sum, a_.w - pad, S);
    check(pager, r, "summary", sum, s_.summary.loc);
    const Ctx& c = c_;
    const diag::SourceLoc loc = s_.summary.loc;
    const double x = a_.x, w = a_.w;
    const double h = r.height;
    pager.place(h, 0.35 * S,
                [&c, r = std::move(r), x, w, loc](Page& p, double y, double) {
                  const auto& pal = c.layout.palette;
                  const std::size_t from = p.shapes.size();
                  draw(p, c, r, x, y, w, Paint{color(pal.heading), color(pal.accent)});
                  if (!r.paragraphs.empty() && !r.paragraphs.front().marker.empty()) {
                    scale_marker(p, from, text::utf8::encode(r.paragraphs.front().marker),
                                 c.layout.text.summary_marker_scale);
                  }
                  boxed(p, from, x, y, w, r.height, in_slide("要約", "summary"), loc);
                },
                Overflow{"summary", loc, 0, 0});
  }

  // 取組結果: a label cell beside the list, or a full-width label bar when the slide has no
  // list (the panels below are then the results). A long list continues on the next page
  // between two results (or where the author put new_page), its label repeated.
  void results(Pager& pager, double S) const {
    const auto& F = c_.layout.frame;
    const double pad = F.padding, lw = c_.layout.results.label_width;
    const double tw = a_.w - lw;
    const Ctx& c = c_;
    const model::ResultsSlide& s = s_;
    const double x = a_.x, w = a_.w;
    const Content& lab = res_label_;
    if (s_.results.empty()) {
      text::FitResult rl = measure(c_, lab, a_.w - 2 * pad, label_);
      check(pager, rl, "results_label", lab, s_.results_label.loc);
      pager.place(rl.height + 2 * pad, 0.35 * S,
                  [&c, &s, rl, x, w, pad](Page& p, double y, double h) {
                    const auto& pal = c.layout.palette;
                    rect(p, x, y, w, h, color(pal.label), color(pal.label), c.layout.frame.border_width);
                    const std::size_t from = p.shapes.size();
                    StructScope h2(p, StructKind::H2);
                    draw(p, c, rl, x + pad, y + pad, w - 2 * pad, plain_paint(color(pal.label_text)));
                    boxed(p, from, x, y, w, h, in_slide("取組結果の見出し", "results label"), s.results_label.loc);
                  },
                  Overflow{"results_label", s_.results_label.loc, 0, 0});
      return;
    }
    const text::FitResult rl = measure(c_, lab, lw - 2 * pad, label_);
    check(pager, rl, "results_label", lab, s_.results_label.loc);
    const std::vector<model::Item>& items = s_.results;
    struct Part {
      Content ct;
      text::FitResult r;
      double h = 0;
    };
    auto part = [&](std::size_t i, std::size_t j) {
      Part pt;
      pt.ct = list_content(c_, items, i, j);
      pt.r = measure(c_, pt.ct, tw - 2 * pad, S);
      pt.h = std::max(rl.height, pt.r.height) + 2 * pad;
      return pt;
    };
    // Line and paragraph counts of each result (with its sub-items), so that the height of
    // any run of results is known without laying it out: lines × pitch + (paragraphs − 1) ×
    // spacing, the expression text::layout_box uses, so the sums give its heights exactly.
    std::vector<int> lines(items.size()), paras(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Content one = list_content(c_, items, k, k + 1);
      lines[k] = count(c_, text::PreparedBox(one.ps, *c_.paragraphs), tw - 2 * pad, S).line_count;
      paras[k] = static_cast<int>(one.ps.size());
    }
    const double pitch = c_.layout.text.line_height * S, spacing = c_.layout.text.paragraph_spacing_em * S;
    auto height = [&](int l, int n) {
      return std::max(rl.height, l * pitch + static_cast<double>(n - 1) * spacing) + 2 * pad;
    };
    std::size_t i = 0;
    while (i < items.size()) {
      if (i > 0) pager.break_page();  // a part ends where the page (or the author) ends it
      std::size_t j = i + 1;
      int l = lines[i], n = paras[i];  // of results [i, j)
      while (j < items.size() && !items[j].new_page && pager.fits(height(l + lines[j], n + paras[j]))) {
        l += lines[j];
        n += paras[j];
        ++j;
      }
      Part best = part(i, j);
      check(pager, best.r, "results", best.ct, s_.results_label.loc);
      const Overflow blame{"results", tallest(best.r, best.ct, s_.results_label.loc), 0, 0};
      pager.place(best.h, F.gap,
                  [&c, &s, rl, rr = std::move(best.r), x, lw, tw, pad](Page& p, double y, double h) {
                    const auto& pal = c.layout.palette;
                    {
                      StructScope h2(p, StructKind::H2);
                      label_cell(p, c, rl, x, y, lw, h, in_slide("取組結果の見出し", "results label"),
                                 s.results_label.loc);
                    }
                    rect(p, x + lw, y, tw, h, std::nullopt, color(pal.border), c.layout.frame.border_width);
                    const std::size_t from = p.shapes.size();
                    draw(p, c, rr, x + lw + pad, y + (h - rr.height) / 2, tw - 2 * pad, body_paint(c));
                    boxed(p, from, x + lw, y, tw, h, in_slide("取組結果の一覧", "results list"), s.results_label.loc);
                  },
                  blame);
      i = j;
    }
  }

  // One row of panels [first, last), measured at S.
  struct Row {
    std::size_t first = 0, last = 0;
    double pw = 0, band_h = 0, eff_h = 0, need = 0;
    std::size_t worst = 0;
    std::vector<text::FitResult> titles, items, effects;
    std::vector<Content> item_cts, effect_cts;
  };

  Row measure_row(Pager& pager, std::size_t first, std::size_t last, double S) const {
    const auto& R = c_.layout.results;
    const double pad = c_.layout.frame.padding;
    Row row;
    row.first = first;
    row.last = last;
    const std::size_t n = last - first;
    row.pw = (a_.w - static_cast<double>(n - 1) * R.panel_gap) / static_cast<double>(n);
    row.band_h = R.band_height_em * S;
    row.titles.reserve(n);
    row.items.reserve(n);
    row.effects.reserve(n);
    row.item_cts.reserve(n);
    row.effect_cts.reserve(n);
    // The box names are spelled only for a message (most trials have none).
    auto check_panel = [&](const text::FitResult& r, std::size_t i, const char* part, const Content& ct) {
      if (r.forced_count > 0) check(pager, r, idx("panel", i) + part, ct, s_.panels[i].loc);
    };
    for (std::size_t i = first; i < last; ++i) {
      const model::Panel& pn = s_.panels[i];
      Content t = text_content(c_, pn.title, true);
      row.titles.push_back(measure(c_, t, row.pw - 2 * pad, S));
      check_panel(row.titles.back(), i, ".title", t);
      row.band_h = std::max(row.band_h, row.titles.back().height + 0.5 * S);
      row.item_cts.push_back(list_content(c_, pn.items, &R.panel_markers));
      row.items.push_back(measure(c_, row.item_cts.back(), row.pw - 2 * pad, S));
      check_panel(row.items.back(), i, ".items", row.item_cts.back());
      Content& e = row.effect_cts.emplace_back();
      add_text(c_, e, pn.effects_label, true);
      add_list(c_, e, pn.effects);
      row.effects.push_back(measure(c_, e, row.pw - 4 * pad, S));
      check_panel(row.effects.back(), i, ".effects", e);
      if (!e.empty()) row.eff_h = std::max(row.eff_h, row.effects.back().height + 2 * pad);
    }
    for (std::size_t k = 0; k < n; ++k) {
      const double h = row.band_h + pad + row.items[k].height + (row.eff_h > 0 ? R.effects_gap + row.eff_h : 0) + pad;
      if (h > row.need) row.need = h, row.worst = k;
    }
    return row;
  }

  // Panels side by side, stretched towards the foot (or the table). A row starts where the
  // author put new_page; a row taller than a whole page is halved (wider panels are shorter).
  void panels(Pager& pager, double S) const {
    if (s_.panels.empty()) return;
    std::vector<std::pair<std::size_t, std::size_t>> todo;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= s_.panels.size(); ++i) {
      if (i == s_.panels.size() || s_.panels[i].new_page) {
        todo.emplace_back(start, i);
        start = i;
      }
    }
    std::vector<Row> rows;
    while (!todo.empty()) {
      auto [first, last] = todo.front();
      todo.erase(todo.begin());
      Pager scratch(a_);  // collects the row's words too wide, kept only if the row stays
      Row row = measure_row(scratch, first, last, S);
      if (row.need > a_.h + kEps && last - first > 1) {
        const std::size_t mid = first + (last - first + 1) / 2;
        todo.insert(todo.begin(), {{first, mid}, {mid, last}});
        continue;
      }
      for (const Overflow& o : scratch.overflows) pager.overflows.push_back(o);
      rows.push_back(std::move(row));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Row& row = rows[r];
      if (r > 0 && s_.panels[row.first].new_page) pager.break_page();
      const Ctx& c = c_;
      const model::ResultsSlide& s = s_;
      const double x = a_.x;
      const std::size_t worst = row.first + row.worst;
      const Overflow blame{idx("panel", worst) + ".items",
                           tallest(row.items[row.worst], row.item_cts[row.worst], s_.panels[worst].loc), 0, 0};
      const double need = row.need;
      pager.place(need, c_.layout.frame.gap,
                  [&c, &s, row = std::move(row), x](Page& p, double y, double h) { draw_row(p, c, s, row, x, y, h); },
                  blame, need * std::max(0.0, c_.layout.results.stretch - 1));
    }
  }

  static void draw_row(Page& p, const Ctx& c, const model::ResultsSlide& s, const Row& row, double x, double top,
                       double panel_h) {
    const auto& F = c.layout.frame;
    const auto& pal = c.layout.palette;
    const auto& R = c.layout.results;
    const double pad = F.padding;
    for (std::size_t k = 0; k < row.last - row.first; ++k) {
      const std::size_t i = row.first + k;
      const model::Panel& pn = s.panels[i];
      const std::string n = std::to_string(i + 1);
      const double px = x + static_cast<double>(k) * (row.pw + R.panel_gap);
      const int panel = add_box(p, px, top, row.pw, panel_h, in_slide("パネル" + n, "panel " + n), pn.loc, -1, false);
      rect(p, px, top, row.pw, panel_h, color(pal.panel_fill), color(pal.border), F.border_width);
      rect(p, px, top, row.pw, row.band_h, color(pal.band), color(pal.border), F.border_width);
      std::size_t from = p.shapes.size();
      {
        StructScope h2(p, StructKind::H2);
        draw(p, c, row.titles[k], px + pad, top + (row.band_h - row.titles[k].height) / 2, row.pw - 2 * pad,
             plain_paint(color(pal.band_text)), Align::Center);
      }
      boxed(p, from, px, top, row.pw, row.band_h, in_slide("パネル" + n + "の見出し", "panel " + n + " title"),
            pn.title.loc, panel);
      const double items_top = top + row.band_h + pad;
      const double ey = top + panel_h - pad - row.eff_h;  // the 【効果】 box, at the panel's foot
      const bool effects = !row.effect_cts[k].empty();
      const double items_bottom = effects ? ey - R.effects_gap : top + panel_h - pad;
      from = p.shapes.size();
      draw(p, c, row.items[k], px + pad, items_top, row.pw - 2 * pad, body_paint(c));
      boxed(p, from, px + pad, items_top, row.pw - 2 * pad, std::max(0.0, items_bottom - items_top),
            in_slide("パネル" + n + "の項目", "panel " + n + " items"), pn.loc, panel);
      if (effects) {
        rect(p, px + pad, ey, row.pw - 2 * pad, row.eff_h, color(pal.effects_fill), color(pal.effects_border),
             F.border_width);
        from = p.shapes.size();
        draw(p, c, row.effects[k], px + 2 * pad, ey + pad, row.pw - 4 * pad, body_paint(c));
        boxed(p, from, px + pad, ey, row.pw - 2 * pad, row.eff_h,
              in_slide("パネル" + n + "の効果", "panel " + n + " effects"),
              pn.effects_label.loc.known() ? pn.effects_label.loc : pn.loc, panel);
      }
    }
  }

  const Ctx& c_;
  const model::ResultsSlide& s_;
  Area a_;
  Content dir_label_, res_label_;
  double label_ = 0;
};

std::vector<Page> draw_planned(const Ctx& c, const model::Slide& slide, const model::ResultsSlide& s,
                               const Planned& planned, double label, const std::vector<text::StyledRun>& title,
                               const std::string& name) {
  // The record of the sizes taken, for the deck's type scale.
  c.took(Role::Results, planned.size);
  c.took(Role::Label, label);
  if (planned.table) c.took(Role::Table, planned.table->size);
  std::vector<Page> out;
  for (std::size_t k = 0; k < planned.pager.page_count(); ++k) {
    Page p;
    {
      PitchScope frame(c, 0);  // the frame at the layout's pitch, whatever the body's
      p = frame_page(c, slide, title, k > 0, name);
    }
    PitchScope pitch(c, planned.pitch);  // the body as measured
    planned.pager.draw(k, p);
    out.push_back(std::move(p));
  }
  if (planned.table && planned.mode == TableMode::Continue) {
    PitchScope layout_pitch(c, 0);
    table_pages(out, c, slide, *s.table, *planned.table, 1, title, name);
  }
  return out;
}

}  // namespace

std::vector<Page> results_slide(const Ctx& c, const model::Slide& slide, const model::ResultsSlide& s,
                                const std::vector<text::StyledRun>& title, const std::string& name) {
  PitchScope base_pitch(c, 0);
  const Results results(c, s, body_area(c, slide, title, name));
  // Plans by size and mode: without a table both steps below plan the same way.
  std::map<std::pair<double, int>, Planned> planned;
  auto plan = [&](double S, TableMode mode) -> const Planned& {
    auto key = std::make_pair(S, static_cast<int>(mode));
    auto it = planned.find(key);
    if (it == planned.end()) it = planned.emplace(key, results.plan(S, mode)).first;
    return it->second;
  };
  const TableMode mode = s.table ? TableMode::Continue : TableMode::OneSlide;
  // Down to sizes.body.flow_below when every unit fits a page there (pager.hpp). Settled
  // only when needed: the list is `all` or its readable sizes, so it starts with those
  // either way, and a slide that fits one page at a readable size need not plan the
  // flow_below size to learn where the list ends (with a table, that plan is a column
  // search of its own).
  const spec::SizeRange range = c.range(Role::Results, c.layout.sizes.body);
  const std::vector<double> all = sizes(range, c.layout.text.step);
  std::size_t readable = 0;  // all[0, readable) begin the list whichever it is
  while (readable < all.size() && all[readable] >= range.flow_below - kEps) ++readable;
  std::optional<std::vector<double>> cand_list;
  auto cand = [&]() -> const std::vector<double>& {
    if (!cand_list)
      cand_list = flowing_sizes(range, c.layout.text.step, [&](double S) { return plan(S, mode).pager.overflows.empty(); });
    return *cand_list;
  };
  const Planned* smallest_plan = nullptr;
  auto smallest = [&]() -> const Planned& {
    if (!smallest_plan) smallest_plan = &plan(cand().back(), mode);
    return *smallest_plan;
  };
  // Page counts only grow with the size, so the smallest size tells whether any size fits
  // one page (without a table: the table's own size range stops step 1 earlier).
  const bool one_page_possible = s.table || (smallest().pager.page_count() == 1 && smallest().pager.overflows.empty());
  // 1. Everything on one page, the table at no less than split_below (as detail tables).
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (k >= readable && k >= cand().size()) break;  // past the end of the list
    const double S = all[k];
    if (!one_page_possible) break;
    if (s.table && results_table_sizes(c, S).max < c.layout.table.split_below - kEps) break;
    const Planned& p = plan(S, TableMode::OneSlide);
    if (p.pager.page_count() != 1 || !p.pager.overflows.empty()) continue;
    // A slide with room to spare is set with the loosest pitch at which it still fits one
    // page (the size stays; see loosen in parts.hpp). Not while the type scale is probing.
    if (!c.scale || c.scale->settled()) {
      for (double pitch : loose_pitches(c)) {
        PitchScope loose(c, pitch);
        const Planned lp = results.plan(S, TableMode::OneSlide);
        if (lp.pager.page_count() == 1 && lp.pager.overflows.empty())
          return draw_planned(c, slide, s, lp, results.label(), title, name);
      }
    }
    return draw_planned(c, slide, s, p, results.label(), title, name);
  }
  // 2. The content flows on (the table continues on its own …（続き） slides): as few pages
  // as the minimum size needs, at the largest size that needs no more (bisected; the plan
  // found is checked, never assumed).
  if (smallest().pager.overflows.empty()) {
    const std::size_t most_pages = smallest().pager.page_count();
    auto good = [&](const Planned& p) { return p.pager.overflows.empty() && p.pager.page_count() <= most_pages; };
    std::size_t lo = 0, hi = cand().size() - 1;  // cand()[hi] is good
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (good(plan(cand()[mid], mode))) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return draw_planned(c, slide, s, plan(cand()[hi], mode), results.label(), title, name);
  }
  // 3. Something is taller than a page even at the minimum size: located errors.
  for (const Overflow& o : smallest().pager.overflows) report(c, name, o, cand().back());
  return draw_planned(c, slide, s, smallest(), results.label(), title, name);
}

}  // namespace plandeck::compose::detail
