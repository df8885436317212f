#include "compose/slides.hpp"

#include <algorithm>
#include <optional>

#include "compose/table.hpp"
#include "text/utf8.hpp"

namespace plandeck::compose::detail {

namespace {

constexpr double kEps = 1e-6;

// Paragraphs and, for each, the plan location of its text (for blaming a box's overflow).
struct Content {
  std::vector<text::BoxParagraph> ps;
  std::vector<diag::SourceLoc> locs;
  bool empty() const { return ps.empty(); }
};

void add_text(const Ctx& c, Content& ct, const model::RichText& t, bool strong = false) {
  if (t.empty()) return;
  ct.ps.push_back(para(runs(c, t, strong)));
  ct.locs.push_back(t.loc);
}

void add_item_locs(std::vector<diag::SourceLoc>& out, const std::vector<model::Item>& items) {
  for (const auto& it : items) {
    out.push_back(it.text.loc.known() ? it.text.loc : it.loc);
    add_item_locs(out, it.items);
  }
}

void add_list(const Ctx& c, Content& ct, const std::vector<model::Item>& items,
              const std::vector<std::string>* markers = nullptr) {
  add_items(c, ct.ps, items, 0, 0, markers);
  add_item_locs(ct.locs, items);
}

Content text_content(const Ctx& c, const model::RichText& t, bool strong = false) {
  Content ct;
  add_text(c, ct, t, strong);
  return ct;
}

Content list_content(const Ctx& c, const std::vector<model::Item>& items,
                     const std::vector<std::string>* markers = nullptr) {
  Content ct;
  add_list(c, ct, items, markers);
  return ct;
}

// The location of the paragraph that takes the most lines (the likeliest culprit).
diag::SourceLoc tallest(const text::FitResult& r, const Content& ct, const diag::SourceLoc& fallback) {
  diag::SourceLoc best = fallback;
  std::size_t most = 0;
  for (std::size_t i = 0; i < r.paragraphs.size() && i < ct.locs.size(); ++i) {
    if (r.paragraphs[i].lines.size() > most) {
      most = r.paragraphs[i].lines.size();
      best = ct.locs[i];
    }
  }
  return best;
}

text::FitResult measure(const Ctx& c, const Content& ct, double w, double size) {
  return detail::measure(c, ct.ps, std::max(1.0, w), size);
}

// A label cell's text and the width it has.
struct LabelBox {
  const Content* text = nullptr;
  double w = 0;
};

bool one_line_each(const Ctx& c, const LabelBox& l, double size) {
  text::FitResult r = measure(c, *l.text, l.w, size);
  return r.line_count <= static_cast<int>(l.text->ps.size()) && r.forced_count == 0;
}

// The size of a slide's label cells (取組の方向性, 取組結果（R3～R5）, 【到達目標1】): one size for
// all of them, the largest (up to the deck's label size) at which every label stays on one
// line, down to the body minimum; when one wraps even there, the labels take the largest
// size allowed and wrap. Labels are display type, like headings: a dense slide whose body
// shrinks keeps its labels at the deck's size.
double label_size(const Ctx& c, const std::vector<LabelBox>& labels) {
  const spec::SizeRange range = c.range(Role::Label, c.layout.sizes.body);
  for (double s : sizes(range, c.layout.text.step)) {
    bool all = true;
    for (const LabelBox& l : labels) all = all && (l.text->empty() || one_line_each(c, l, s));
    if (all) return s;
  }
  return range.max;
}

// Vertical stacking with blame: the first box whose bottom passes the limit is named, with
// the total amount by which the stack overruns. Words too wide are collected as well.
struct Flow {
  double y = 0;
  double bottom = 0;
  double end = 0;
  std::optional<Overflow> blame;
  std::vector<Overflow> forced;

  Flow(double top, double limit) : y(top), bottom(limit), end(top) {}
  void box(double h, const std::string& name, const diag::SourceLoc& loc) {
    y += h;
    end = std::max(end, y);
    if (!blame && y > bottom + kEps) blame = Overflow{name, loc, 0, 0};
  }
  void gap(double g) { y += g; }
  void check(const text::FitResult& r, const std::string& name, const Content& ct,
             const diag::SourceLoc& fallback) {
    if (r.forced_count > 0) forced.push_back({name, tallest(r, ct, fallback), 0, r.forced_count});
  }
  std::vector<Overflow> result() const {
    std::vector<Overflow> out = forced;
    if (blame) {
      Overflow o = *blame;
      o.over = end - bottom;
      out.push_back(o);
    }
    return out;
  }
};

// Line pitches looser than the layout's, loosest first: text.line_height_max down to just
// above text.line_height, in steps of 0.05 em.
std::vector<double> loose_pitches(const Ctx& c) {
  std::vector<double> out;
  const double base = c.layout.text.line_height;
  for (int k = 0;; ++k) {
    const double p = c.layout.text.line_height_max - 0.05 * k;
    if (p <= base + kEps) break;
    out.push_back(p);
  }
  return out;
}

// A slide that fits at `size` with room to spare is set with the loosest pitch (up to
// text.line_height_max) at which it still fits: the size never changes, only the leading.
// Returns the page built at that pitch and leaves Ctx::pitch at it (the caller's scope).
template <class Build>
std::optional<Page> loosen(const Ctx& c, const Page& base, double size, Build build) {
  if (c.scale && !c.scale->settled()) return std::nullopt;  // probing sizes: the pitch is moot
  for (double pitch : loose_pitches(c)) {
    c.pitch = pitch;
    Page p = base;
    if (build(p, size).empty()) return p;
  }
  c.pitch = 0;
  return std::nullopt;
}

// Tries body sizes from the largest down; the first build without overflow wins. When none
// fits, the build at the minimum size is kept and its overflows are reported. The sizes of
// `role` start at the deck's size for it (scale.hpp), and the size taken is recorded there.
template <class Build>
Page search_size(const Ctx& c, const Page& base, Role role, const std::string& name, Build build) {
  PitchScope scope(c, 0);
  const std::vector<double> cand = sizes(c.range(role, c.layout.sizes.body), c.layout.text.step);
  for (double s : cand) {
    Page p = base;
    if (build(p, s).empty()) {
      c.took(role, s);
      if (std::optional<Page> loose = loosen(c, base, s, build)) return *loose;
      return p;
    }
  }
  Page p = base;
  for (const Overflow& o : build(p, cand.back())) report(c, name, o, cand.back());
  c.took(role, cand.back());
  return p;
}

std::string idx(const char* what, std::size_t i) {  // 1-based, as people count
  return std::string(what) + "[" + std::to_string(i + 1) + "]";
}

// A solid label cell (取組の方向性, 【到達目標1】): white bold text centred both ways.
void label_cell(Page& page, const Ctx& c, const text::FitResult& r, double x, double y, double w,
                double h) {
  const auto& pal = c.layout.palette;
  rect(page, x, y, w, h, color(pal.label), color(pal.label), 0.75);
  draw(page, c, r, x + c.layout.frame.padding, y + (h - r.height) / 2, w - 2 * c.layout.frame.padding,
       plain_paint(color(pal.label_text)), Align::Center);
}

// A table caption: a short bar in the label colour and bold text.
void caption(Page& page, const Ctx& c, const model::RichText& t, double x, double y, double w,
             double h, const std::string& slide) {
  const auto& pal = c.layout.palette;
  PitchScope one_line(c, 0);  // a caption is one line: its size never depends on the slide's pitch
  text::FitResult r = fit(c, {para(runs(t, true))}, w - 10, h - 4, c.range(Role::Heading, c.layout.sizes.heading),
                          false);
  if (!r.fitted) report(c, slide, {"caption", t.loc, r.overflow_height, r.forced_count}, r.size);
  c.took(Role::Heading, r.size);
  double ty = y + (h - r.height) / 2;
  rect(page, x, ty + 0.1 * r.size, 4, r.height - 0.2 * r.size, color(pal.label));
  draw(page, c, r, x + 10, ty, w - 10, plain_paint(color(pal.heading)));
}

// ---- overview ---------------------------------------------------------------------------

Page overview(const Ctx& c, const model::OverviewSlide& s, const Page& base, const Area& a,
              const std::string& name) {
  const auto& F = c.layout.frame;
  const auto& pal = c.layout.palette;
  const auto& O = c.layout.overview;
  return search_size(c, base, Role::Overview, name, [&](Page& p, double S) {
    Flow f(a.y, a.bottom());
    for (std::size_t i = 0; i < s.blocks.size(); ++i) {
      const model::Block& b = s.blocks[i];
      std::string bn = idx("blocks", i);
      Content hd = text_content(c, b.heading, true);
      text::FitResult rh = measure(c, hd, a.w - 2 * F.padding - 6, S);
      f.check(rh, bn + ".heading", hd, b.loc);
      double band_h = std::max(O.band_height_em * S, rh.height + 0.5 * S);
      rect(p, a.x, f.y, a.w, band_h, color(pal.band));
      rect(p, a.x, f.y, 5, band_h, color(pal.label));
      draw(p, c, rh, a.x + F.padding + 6, f.y + (band_h - rh.height) / 2, a.w, plain_paint(color(pal.band_text)));
      f.box(band_h, bn + ".heading", b.heading.loc);
      f.gap(0.35 * S);
      const double bx = a.x + O.body_indent, bw = a.w - O.body_indent - F.padding;
      if (!b.body.empty()) {
        Content body = text_content(c, b.body);
        text::FitResult r = measure(c, body, bw, S);
        f.check(r, bn + ".body", body, b.loc);
        draw(p, c, r, bx, f.y, bw, body_paint(c));
        f.box(r.height, bn + ".body", b.body.loc);
        f.gap(0.3 * S);
      }
      if (!b.items.empty()) {
        Content items = list_content(c, b.items);
        text::FitResult r = measure(c, items, bw, S);
        f.check(r, bn + ".items", items, b.loc);
        draw(p, c, r, bx, f.y, bw, body_paint(c));
        f.box(r.height, bn + ".items", tallest(r, items, b.loc));
      }
      f.gap(0.9 * S);
    }
    return f.result();
  });
}

// ---- projects ---------------------------------------------------------------------------

Page projects(const Ctx& c, const model::ProjectsSlide& s, const Page& base, const Area& a,
              const std::string& name) {
  const auto& F = c.layout.frame;
  const auto& pal = c.layout.palette;
  const auto& P = c.layout.projects;
  const double pad = F.padding;
  return search_size(c, base, Role::Projects, name, [&](Page& p, double S) {
    Flow f(a.y, a.bottom());
    if (!s.lead.empty()) {
      Content lead = text_content(c, s.lead);
      text::FitResult r = measure(c, lead, a.w, S);
      f.check(r, "lead", lead, s.lead.loc);
      draw(p, c, r, a.x, f.y, a.w, body_paint(c));
      f.box(r.height, "lead", s.lead.loc);
      f.gap(F.gap);
    }
    const double num_w = P.number_width;
    const double name_w = (a.w - num_w) * P.name_fraction;
    const double items_w = a.w - num_w - name_w;
    const Paint head = plain_paint(color(pal.heading));
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
      const model::ProjectGroup& group = s.groups[g];
      std::string gn = idx("groups", g);
      Content hn = text_content(c, group.name_header, true), hi = text_content(c, group.items_header, true);
      text::FitResult rn = measure(c, hn, num_w + name_w - 2 * pad, S);
      text::FitResult ri = measure(c, hi, items_w - 2 * pad, S);
      double hh = std::max(P.header_height_em * S, std::max(rn.height, ri.height) + 2 * pad);
      rect(p, a.x, f.y, num_w + name_w, hh, color(pal.table_header), color(pal.table_border), 0.6);
      rect(p, a.x + num_w + name_w, f.y, items_w, hh, color(pal.table_header), color(pal.table_border), 0.6);
      draw(p, c, rn, a.x + pad, f.y + (hh - rn.height) / 2, num_w + name_w - 2 * pad, head, Align::Center);
      draw(p, c, ri, a.x + num_w + name_w + pad, f.y + (hh - ri.height) / 2, items_w - 2 * pad, head,
           Align::Center);
      f.box(hh, gn + ".header", group.loc);
      for (std::size_t r = 0; r < group.rows.size(); ++r) {
        const model::ProjectRow& row = group.rows[r];
        std::string rname = gn + "." + idx("rows", r);
        Content nm = text_content(c, row.name, true);
        Content body;
        add_text(c, body, row.tagline, true);
        add_list(c, body, row.items);
        Content num;
        num.ps.push_back(para(runs(row.number, text::kStrong)));
        text::FitResult r_num = measure(c, num, num_w - 4, S);
        text::FitResult r_name = measure(c, nm, name_w - 2 * pad, S);
        text::FitResult r_body = measure(c, body, items_w - 2 * pad, S);
        f.check(r_name, rname + ".name", nm, row.loc);
        f.check(r_body, rname + ".items", body, row.loc);
        double rh = std::max({r_num.height, r_name.height, r_body.height}) + 2 * pad;
        double y = f.y;
        label_cell(p, c, r_num, a.x, y, num_w, rh);
        rect(p, a.x + num_w, y, name_w, rh, color(pal.panel_fill), color(pal.table_border), 0.6);
        rect(p, a.x + num_w + name_w, y, items_w, rh, std::nullopt, color(pal.table_border), 0.6);
        draw(p, c, r_name, a.x + num_w + pad, y + (rh - r_name.height) / 2, name_w - 2 * pad,
             plain_paint(color(pal.heading)));
        draw(p, c, r_body, a.x + num_w + name_w + pad, y + pad, items_w - 2 * pad,
             Paint{color(pal.text), color(pal.heading)});
        bool body_taller = r_body.height >= r_name.height;
        f.box(rh, rname + (body_taller ? ".items" : ".name"),
              body_taller ? tallest(r_body, body, row.loc) : row.name.loc);
      }
      f.gap(P.group_gap);
    }
    return f.result();
  });
}

// ---- goal status ------------------------------------------------------------------------

Page goal_status(const Ctx& c, const model::GoalStatusSlide& s, const Page& base, const Area& a,
                 const std::string& name) {
  const auto& F = c.layout.frame;
  const auto& pal = c.layout.palette;
  const auto& G = c.layout.goal_status;
  const double pad = F.padding;
  const double lw = G.label_width;
  std::vector<Content> goal_labels;
  for (const model::Goal& goal : s.goals) goal_labels.push_back(text_content(c, goal.label, true));
  std::vector<LabelBox> label_boxes;
  for (const Content& l : goal_labels) label_boxes.push_back({&l, lw - 2 * pad});
  const double L = label_size(c, label_boxes);
  Page page = search_size(c, base, Role::GoalStatus, name, [&](Page& p, double S) {
    Flow f(a.y, a.bottom());
    if (!s.lead.empty()) {
      Content lead = text_content(c, s.lead);
      text::FitResult r = measure(c, lead, a.w - 2 * pad - 6, S);
      f.check(r, "lead", lead, s.lead.loc);
      double h = r.height + 2 * pad;
      rect(p, a.x, f.y, a.w, h, color(pal.panel_fill), color(pal.border), F.border_width);
      rect(p, a.x, f.y, 5, h, color(pal.accent));
      draw(p, c, r, a.x + pad + 6, f.y + pad, a.w - 2 * pad - 6, body_paint(c));
      f.box(h, "lead", s.lead.loc);
      f.gap(F.gap);
    }
    const double x2 = a.x + lw, w2 = a.w - lw;
    const double rw = w2 * G.results_fraction, cw = w2 - rw;
    for (std::size_t i = 0; i < s.goals.size(); ++i) {
      const model::Goal& goal = s.goals[i];
      std::string gn = idx("goals", i);
      const Content& lab = goal_labels[i];
      Content st = text_content(c, goal.statement);
      Content res = list_content(c, goal.results), chl = list_content(c, goal.challenges);
      text::FitResult r_lab = measure(c, lab, lw - 2 * pad, L);
      text::FitResult r_st = measure(c, st, w2 - 2 * pad, S);
      text::FitResult r_res = measure(c, res, rw - 2 * pad, S);
      text::FitResult r_chl = measure(c, chl, cw - 2 * pad, S);
      f.check(r_lab, gn + ".label", lab, goal.loc);
      f.check(r_st, gn + ".statement", st, goal.loc);
      f.check(r_res, gn + ".results", res, goal.loc);
      f.check(r_chl, gn + ".challenges", chl, goal.loc);
      Content bl1 = text_content(c, s.results_label, true), bl2 = text_content(c, s.challenges_label, true);
      text::FitResult r_b1 = measure(c, bl1, rw - 2 * pad, S), r_b2 = measure(c, bl2, cw - 2 * pad, S);
      double hs = r_st.height + 2 * pad;
      double band_h = std::max(G.column_band_em * S, std::max(r_b1.height, r_b2.height) + 0.4 * S);
      double ch = std::max(r_res.height, r_chl.height) + 2 * pad;
      double gh = std::max(hs + band_h + ch, r_lab.height + 2 * pad);
      ch = gh - hs - band_h;
      double y = f.y;
      label_cell(p, c, r_lab, a.x, y, lw, gh);
      rect(p, x2, y, w2, hs, color(pal.panel_fill), color(pal.border), F.border_width);
      draw(p, c, r_st, x2 + pad, y + pad, w2 - 2 * pad, body_paint(c));
      const Paint band = plain_paint(color(pal.band_text));
      rect(p, x2, y + hs, rw, band_h, color(pal.band), color(pal.border), F.border_width);
      rect(p, x2 + rw, y + hs, cw, band_h, color(pal.band), color(pal.border), F.border_width);
      draw(p, c, r_b1, x2 + pad, y + hs + (band_h - r_b1.height) / 2, rw - 2 * pad, band);
      draw(p, c, r_b2, x2 + rw + pad, y + hs + (band_h - r_b2.height) / 2, cw - 2 * pad, band);
      rect(p, x2, y + hs + band_h, rw, ch, std::nullopt, color(pal.border), F.border_width);
      rect(p, x2 + rw, y + hs + band_h, cw, ch, std::nullopt, color(pal.border), F.border_width);
      draw(p, c, r_res, x2 + pad, y + hs + band_h + pad, rw - 2 * pad, body_paint(c));
      draw(p, c, r_chl, x2 + rw + pad, y + hs + band_h + pad, cw - 2 * pad, body_paint(c));
      bool res_taller = r_res.height >= r_chl.height;
      f.box(gh, gn + (res_taller ? ".results" : ".challenges"),
            res_taller ? tallest(r_res, res, goal.loc) : tallest(r_chl, chl, goal.loc));
      f.gap(F.gap);
    }
    if (!s.note.empty()) {
      Content note = text_content(c, s.note);
      text::FitResult r = measure(c, note, a.w, S);
      f.check(r, "note", note, s.note.loc);
      draw(p, c, r, a.x, f.y, a.w, plain_paint(color(pal.muted)));
      f.box(r.height, "note", s.note.loc);
    }
    return f.result();
  });
  c.took(Role::Label, L);
  return page;
}

// ---- results ----------------------------------------------------------------------------

// The summary's ➤ comes from a symbol face (DejaVu) whose solid arrow is far heavier than
// the text beside it: it is drawn at `scale` of the text size, centred where it was (on the
// text's em box horizontally, on its middle vertically), so that its weight matches.
void scale_marker(Page& page, std::size_t from, const std::string& marker, double scale) {
  if (scale >= 1 - kEps) return;
  for (std::size_t i = from; i < page.shapes.size(); ++i) {
    auto* run = std::get_if<TextRun>(&page.shapes[i]);
    if (!run || run->text != marker) continue;
    const double size = run->size;
    run->x += (1 - scale) * run->width / 2;
    run->width *= scale;
    run->size = size * scale;
    // Keep the arrow's middle (about a third of an em above the baseline) on the middle of
    // the text's em box (0.38 em above the baseline in BIZ UDPGothic).
    run->y -= (0.38 - 0.33 * scale) * size;
    return;
  }
}

// How a results slide treats its optional table.
enum class TableMode {
  OneSlide,  // the table stays on the slide, below the panels (the whole slide shrinks)
  Continue,  // what does not fit below the panels continues on …（続き） slides
};

// Continuation slides of a table: the frame with （続き）, the caption, and parts
// [first, parts.size()) of the plan.
void table_pages(std::vector<Page>& out, const Ctx& c, const model::Slide& slide, const model::DetailTable& t,
                 const TablePlan& plan, std::size_t first, const std::vector<text::StyledRun>& title,
                 const std::string& name) {
  const double caption_h = t.caption.empty() ? 0 : c.layout.table.caption_height;
  for (std::size_t k = first; k < plan.parts.size(); ++k) {
    Page p;
    std::vector<text::StyledRun> tt = title;
    if (plan.parts[k].continued) tt = concat(tt, runs(std::string("（続き）"), text::kStrong));
    Area pa = draw_frame(p, c, tt, &slide.heading, name, slide.loc);
    if (caption_h > 0) caption(p, c, t.caption, pa.x, pa.y, pa.w, caption_h, name);
    draw_table_part(p, c, t, plan, k, pa.x, pa.y + caption_h);
    out.push_back(std::move(p));
  }
}

// The table's size on a results slide: smaller than the body text (by one step of the size
// grid), within the table range and no larger than the deck's table size.
spec::SizeRange results_table_sizes(const Ctx& c, double body) {
  const spec::SizeRange T = c.range(Role::Table, c.layout.sizes.table);
  return {std::max(T.min, std::min(body - c.layout.text.step, T.max)), T.min};
}

std::vector<Page> results(const Ctx& c, const model::Slide& slide, const model::ResultsSlide& s,
                          const Page& base, const Area& a, const std::vector<text::StyledRun>& title,
                          const std::string& name) {
  const auto& F = c.layout.frame;
  const auto& pal = c.layout.palette;
  const auto& R = c.layout.results;
  const double pad = F.padding;
  const double lw = R.label_width;
  // The label cells share one size (label_size).
  const Content dir_label = text_content(c, s.direction_label, true);
  const Content res_label = text_content(c, s.results_label, true);
  const bool results_bar = s.results.empty();  // no list: 取組結果 is a full-width bar
  const std::vector<LabelBox> labels = {{&dir_label, lw - 2 * pad},
                                        {&res_label, (results_bar ? a.w : lw) - 2 * pad}};
  const double L = label_size(c, labels);
  auto build = [&](Page& p, double S, TableMode mode, TablePlan* plan_out) {
    Flow f(a.y, a.bottom());
    const double tx = a.x + lw, tw = a.w - lw;
    // 取組の方向性
    {
      const Content& lab = dir_label;
      Content dir = text_content(c, s.direction);
      text::FitResult rl = measure(c, lab, lw - 2 * pad, L), rd = measure(c, dir, tw - 2 * pad, S);
      f.check(rl, "direction_label", lab, s.direction_label.loc);
      f.check(rd, "direction", dir, s.direction.loc);
      double h = std::max(rl.height, rd.height) + 2 * pad;
      label_cell(p, c, rl, a.x, f.y, lw, h);
      rect(p, tx, f.y, tw, h, color(pal.panel_fill), color(pal.border), F.border_width);
      draw(p, c, rd, tx + pad, f.y + (h - rd.height) / 2, tw - 2 * pad, body_paint(c));
      f.box(h, "direction", s.direction.loc);
      f.gap(0.35 * S);
    }
    // ➤ summary: a typed marker (the layout's summary_marker) is hung like a bullet.
    if (!s.summary.empty()) {
      Content sum;
      add_text(c, sum, s.summary);
      text::BoxParagraph& sp = sum.ps.back();
      const std::u32string mark = text::utf8::to_u32(c.layout.text.summary_marker);
      if (!mark.empty() && !sp.runs.empty() && sp.runs.front().text.compare(0, mark.size(), mark) == 0) {
        std::u32string& first = sp.runs.front().text;
        std::size_t k = mark.size();
        while (k < first.size() && (first[k] == U' ' || first[k] == U'\u3000')) ++k;
        first.erase(0, k);
        sp.marker = mark;
      }
      sp.indent_pt = pad;
      text::FitResult r = measure(c, sum, a.w - pad, S);
      f.check(r, "summary", sum, s.summary.loc);
      const std::size_t first_shape = p.shapes.size();
      draw(p, c, r, a.x, f.y, a.w, Paint{color(pal.heading), color(pal.accent)});
      if (!sp.marker.empty()) scale_marker(p, first_shape, text::utf8::encode(sp.marker), c.layout.text.summary_marker_scale);
      f.box(r.height, "summary", s.summary.loc);
      f.gap(0.35 * S);
    }
    // 取組結果: a label cell beside the list, or a full-width label bar when the slide has
    // no list (the panels below are then the results).
    {
      const Content& lab = res_label;
      Content res = list_content(c, s.results);
      const bool bar = results_bar;
      const double label_w = bar ? a.w : lw;
      text::FitResult rl = measure(c, lab, label_w - 2 * pad, L), rr = measure(c, res, tw - 2 * pad, S);
      f.check(rl, "results_label", lab, s.results_label.loc);
      f.check(rr, "results", res, s.results_label.loc);
      double h = (bar ? rl.height : std::max(rl.height, rr.height)) + 2 * pad;
      if (bar) {
        rect(p, a.x, f.y, a.w, h, color(pal.label), color(pal.label), F.border_width);
        draw(p, c, rl, a.x + pad, f.y + pad, a.w - 2 * pad, plain_paint(color(pal.label_text)));
      } else {
        label_cell(p, c, rl, a.x, f.y, lw, h);
        rect(p, tx, f.y, tw, h, std::nullopt, color(pal.border), F.border_width);
        draw(p, c, rr, tx + pad, f.y + (h - rr.height) / 2, tw - 2 * pad, body_paint(c));
      }
      f.box(h, "results", bar ? s.results_label.loc : tallest(rr, res, s.results_label.loc));
      f.gap(bar ? 0.35 * S : F.gap);
    }
    // The optional table at the foot: one size below the body size. In Continue mode it is
    // planned once the panels' height is known (it takes the room left below them).
    std::optional<TablePlan> table;
    double table_h = 0, caption_h = 0;
    if (s.table) caption_h = s.table->caption.empty() ? 0 : c.layout.table.caption_height;
    auto plan_here = [&](double first_capacity) {
      TableRequest req;
      req.width = a.w;
      req.sizes = results_table_sizes(c, S);
      req.name = "table";
      if (mode == TableMode::OneSlide) {
        req.first_capacity = req.other_capacity = 1e9;
        req.allow_split = false;
      } else {
        req.first_capacity = first_capacity - caption_h;
        req.other_capacity = a.h - caption_h;  // continuation slides have the same frame
        req.first_may_be_empty = true;
      }
      table = plan_table(c, *s.table, req);
      for (const Overflow& o : table->overflows) f.forced.push_back(o);
      const double part_h = table->parts.front().height;
      table_h = part_h > 0 ? caption_h + part_h : 0;
    };
    if (s.table && mode == TableMode::OneSlide) plan_here(0);
    // Panels side by side, stretched down to the table (or the foot of the slide).
    if (!s.panels.empty()) {
      const std::size_t n = s.panels.size();
      const double top = f.y;
      const double pw = (a.w - static_cast<double>(n - 1) * R.panel_gap) / static_cast<double>(n);
      std::vector<text::FitResult> titles, items, effects;
      std::vector<Content> item_cts, effect_cts;
      double band_h = R.band_height_em * S, eff_h = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const model::Panel& pn = s.panels[i];
        std::string pn_name = idx("panel", i);
        Content t = text_content(c, pn.title, true);
        titles.push_back(measure(c, t, pw - 2 * pad, S));
        f.check(titles.back(), pn_name + ".title", t, pn.loc);
        band_h = std::max(band_h, titles.back().height + 0.5 * S);
        item_cts.push_back(list_content(c, pn.items, &R.panel_markers));
        items.push_back(measure(c, item_cts.back(), pw - 2 * pad, S));
        f.check(items.back(), pn_name + ".items", item_cts.back(), pn.loc);
        Content e;
        add_text(c, e, pn.effects_label, true);
        add_list(c, e, pn.effects);
        effect_cts.push_back(e);
        effects.push_back(measure(c, e, pw - 4 * pad, S));
        f.check(effects.back(), pn_name + ".effects", e, pn.loc);
        if (!e.empty()) eff_h = std::max(eff_h, effects.back().height + 2 * pad);
      }
      double need = 0;
      std::size_t worst = 0;
      for (std::size_t i = 0; i < n; ++i) {
        double h = band_h + pad + items[i].height + (eff_h > 0 ? R.effects_gap + eff_h : 0) + pad;
        if (h > need) need = h, worst = i;
      }
      if (s.table && mode == TableMode::Continue) plan_here(a.bottom() - (top + need + F.gap));
      const double bottom = a.bottom() - (table_h > 0 ? table_h + F.gap : 0);
      double panel_h = std::max(bottom - top, 0.0);
      if (f.y <= a.bottom() + kEps && need > panel_h + kEps) {
        f.forced.push_back({idx("panel", worst) + ".items",
                            tallest(items[worst], item_cts[worst], s.panels[worst].loc),
                            need - panel_h, 0});
      }
      // Stretch towards the foot, but not so far that the panels look empty.
      panel_h = std::min(panel_h, need * R.stretch);
      panel_h = std::max(panel_h, need);  // never overlap: grow (the overflow is reported)
      for (std::size_t i = 0; i < n; ++i) {
        const double px = a.x + static_cast<double>(i) * (pw + R.panel_gap);
        rect(p, px, top, pw, panel_h, color(pal.panel_fill), color(pal.border), F.border_width);
        rect(p, px, top, pw, band_h, color(pal.band), color(pal.border), F.border_width);
        draw(p, c, titles[i], px + pad, top + (band_h - titles[i].height) / 2, pw - 2 * pad,
             plain_paint(color(pal.band_text)), Align::Center);
        draw(p, c, items[i], px + pad, top + band_h + pad, pw - 2 * pad, body_paint(c));
        if (!effect_cts[i].empty()) {
          const double ey = top + panel_h - pad - eff_h;
          rect(p, px + pad, ey, pw - 2 * pad, eff_h, color(pal.effects_fill), color(pal.effects_border),
               F.border_width);
          draw(p, c, effects[i], px + 2 * pad, ey + pad, pw - 4 * pad, body_paint(c));
        }
      }
      f.y = top + panel_h;
      f.end = std::max(f.end, f.y);
      if (table_h > 0) f.gap(F.gap);
    } else if (s.table && mode == TableMode::Continue) {
      plan_here(a.bottom() - f.y);
    }
    if (table_h > 0) {
      if (caption_h > 0) caption(p, c, s.table->caption, a.x, f.y, a.w, caption_h, name);
      draw_table_part(p, c, *s.table, *table, 0, a.x, f.y + caption_h);
      f.box(table_h, "table", s.table->loc);
    }
    if (plan_out && table) *plan_out = *table;
    return f.result();
  };

  // The sizes taken, for the deck's type scale.
  auto took = [&](double S, const TablePlan& plan) {
    c.took(Role::Results, S);
    c.took(Role::Label, L);
    if (s.table) c.took(Role::Table, plan.size);
  };
  PitchScope scope(c, 0);
  const std::vector<double> cand = sizes(c.range(Role::Results, c.layout.sizes.body), c.layout.text.step);
  // 1. Everything on this slide, the table at no less than split_below (as detail tables).
  for (double S : cand) {
    if (s.table && results_table_sizes(c, S).max < c.layout.table.split_below - kEps) break;
    Page p = base;
    TablePlan plan;
    if (build(p, S, TableMode::OneSlide, &plan).empty()) {
      took(S, plan);
      auto one_slide = [&](Page& q, double size) { return build(q, size, TableMode::OneSlide, nullptr); };
      if (std::optional<Page> loose = loosen(c, base, S, one_slide)) return {*loose};
      return {p};
    }
  }
  // 2. The table continues on …（続き） slides; the slide keeps the largest body size that fits.
  if (s.table) {
    for (double S : cand) {
      Page p = base;
      TablePlan plan;
      if (!build(p, S, TableMode::Continue, &plan).empty()) continue;
      took(S, plan);
      std::vector<Page> out{std::move(p)};
      table_pages(out, c, slide, *s.table, plan, 1, title, name);
      return out;
    }
  }
  // 3. Nothing fits: one slide at the minimum size, with its overflows reported.
  Page p = base;
  TablePlan plan;
  for (const Overflow& o : build(p, cand.back(), TableMode::OneSlide, &plan)) report(c, name, o, cand.back());
  took(cand.back(), plan);
  return {p};
}

// ---- details ----------------------------------------------------------------------------

// Whether every part of a planned table fills less than table.grow_below of its slide.
bool roomy(const TablePlan& plan, const TableRequest& req, const Ctx& c) {
  for (const TablePart& part : plan.parts) {
    if (part.height > c.layout.table.grow_below * req.other_capacity) return false;
  }
  return true;
}

std::vector<Page> details(const Ctx& c, const model::Slide& slide, const model::DetailsSlide& s,
                          const std::vector<text::StyledRun>& title, const std::string& name) {
  const model::DetailTable& t = s.table;
  Page probe;
  diag::Diagnostics scratch;
  Ctx quiet(c, scratch);
  Area a = draw_frame(probe, quiet, title, &slide.heading, name, slide.loc);
  const double caption_h = t.caption.empty() ? 0 : c.layout.table.caption_height;
  TableRequest req;
  req.width = a.w;
  req.first_capacity = req.other_capacity = a.h - caption_h;
  req.sizes = c.range(Role::Table, c.layout.sizes.table);
  TablePlan plan = plan_table(c, t, req);
  // A table that leaves most of its slide empty at the deck's table size may be set larger,
  // within the layout's range, as long as it keeps its slides.
  if (plan.overflows.empty() && req.sizes.max < c.layout.sizes.table.max - kEps && roomy(plan, req, c)) {
    TableRequest larger = req;
    larger.sizes = c.layout.sizes.table;
    TablePlan grown = plan_table(c, t, larger);
    if (grown.overflows.empty() && grown.parts.size() == plan.parts.size() && grown.size > plan.size) {
      plan = std::move(grown);
    }
  }
  c.took(Role::Table, plan.size);
  for (const Overflow& o : plan.overflows) report(c, name, o, plan.size);
  std::vector<Page> pages;
  table_pages(pages, c, slide, t, plan, 0, title, name);
  return pages;
}

}  // namespace

Area draw_frame(Page& page, const Ctx& c, const std::vector<text::StyledRun>& title,
                const model::RichText* heading, const std::string& slide, const diag::SourceLoc& loc) {
  const auto& F = c.layout.frame;
  const auto& pal = c.layout.palette;
  const double x = F.margins.left + F.title_padding;
  const double w = F.width - F.margins.left - F.margins.right - 2 * F.title_padding;
  const double bar_y = F.margins.top;
  rect(page, 0, bar_y, F.width, F.title_bar_height, color(pal.title_bar));
  text::FitResult r = fit(c, {para(title)}, w, F.title_bar_height - 4, c.range(Role::Title, c.layout.sizes.title),
                          false);
  if (!r.fitted) report(c, slide, {"title", loc, r.overflow_height, r.forced_count}, r.size);
  c.took(Role::Title, r.size);
  draw(page, c, r, x, bar_y + (F.title_bar_height - r.height) / 2, w,
       plain_paint(color(pal.title_text)));
  double y = bar_y + F.title_bar_height + F.content_gap;
  const double cx = F.margins.left, cw = F.width - F.margins.left - F.margins.right;
  if (heading && !heading->empty()) {
    text::FitResult h = fit(c, {para(runs(*heading, true))}, cw, F.heading_height - 6,
                            c.range(Role::Heading, c.layout.sizes.heading), false);
    if (!h.fitted) report(c, slide, {"heading", heading->loc, h.overflow_height, h.forced_count}, h.size);
    c.took(Role::Heading, h.size);
    draw(page, c, h, cx, y + (F.heading_height - 4 - h.height) / 2, cw,
         plain_paint(color(pal.heading)));
    line(page, cx, y + F.heading_height - 1, cx + cw, y + F.heading_height - 1, color(pal.rule), 1.0);
    y += F.heading_height + F.gap;
  }
  const double bottom = F.height - F.margins.bottom;
  return Area{cx, y, cw, bottom - y};
}

std::vector<Page> compose_slide(const Ctx& c, const model::Slide& slide,
                                const std::vector<text::StyledRun>& title, const std::string& name) {
  if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) {
    return details(c, slide, *d, title, name);
  }
  Page base;
  Area a = draw_frame(base, c, title, &slide.heading, name, slide.loc);
  if (const auto* o = std::get_if<model::OverviewSlide>(&slide.body)) return {overview(c, *o, base, a, name)};
  if (const auto* p = std::get_if<model::ProjectsSlide>(&slide.body)) return {projects(c, *p, base, a, name)};
  if (const auto* g = std::get_if<model::GoalStatusSlide>(&slide.body)) return {goal_status(c, *g, base, a, name)};
  if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body)) return results(c, slide, *r, base, a, title, name);
  return {base};
}

}  // namespace plandeck::compose::detail
