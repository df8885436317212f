#include "compose/slides.hpp"

#include <algorithm>
#include <optional>

#include "compose/kinds.hpp"
#include "text/utf8.hpp"

namespace plandeck::compose::detail {

namespace {

const diag::Message kProjects{"取組内容", "projects"};

// ---- projects ---------------------------------------------------------------------------

Page projects(const Ctx& c, const model::ProjectsSlide& s, const Page& base, const Area& a,
              const std::string& slide_name) {
  const auto& F = c.layout.frame;
  const auto& pal = c.layout.palette;
  const auto& P = c.layout.projects;
  const double pad = F.padding;
  return search_size(c, base, Role::Projects, slide_name, [&](Page& p, double S) {
    Flow f(a.y, a.bottom());
    if (!s.lead.empty()) {
      Content lead = text_content(c, s.lead);
      text::FitResult r = measure(c, lead, a.w, S);
      f.check(r, "lead", lead, s.lead.loc);
      const std::size_t from = p.shapes.size();
      draw(p, c, r, a.x, f.y, a.w, body_paint(c));
      boxed(p, from, a.x, f.y, a.w, r.height, part_name(kProjects, name("リード文", "lead")), s.lead.loc);
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
      StructScope table(p, StructKind::Table);
      std::optional<StructScope> tr(std::in_place, p, StructKind::TR);
      rect(p, a.x, f.y, num_w + name_w, hh, color(pal.table_header), color(pal.table_border), 0.6);
      rect(p, a.x + num_w + name_w, f.y, items_w, hh, color(pal.table_header), color(pal.table_border), 0.6);
      const std::string gno = std::to_string(g + 1);
      std::size_t from = p.shapes.size();
      std::optional<StructScope> cell(std::in_place, p, StructKind::TH, HeaderScope::Column, 1, 2);
      draw(p, c, rn, a.x + pad, f.y + (hh - rn.height) / 2, num_w + name_w - 2 * pad, head, Align::Center);
      cell.emplace(p, StructKind::TH, HeaderScope::Column);
      boxed(p, from, a.x, f.y, num_w + name_w, hh,
            part_name(kProjects, name("表" + gno + "の見出し（名称）", "group " + gno + " name header")),
            group.name_header.loc);
      from = p.shapes.size();
      draw(p, c, ri, a.x + num_w + name_w + pad, f.y + (hh - ri.height) / 2, items_w - 2 * pad, head,
           Align::Center);
      boxed(p, from, a.x + num_w + name_w, f.y, items_w, hh,
            part_name(kProjects, name("表" + gno + "の見出し（項目）", "group " + gno + " items header")),
            group.items_header.loc);
      cell.reset();
      tr.reset();
      f.box(hh, gn + ".header", group.loc);
      for (std::size_t r = 0; r < group.rows.size(); ++r) {
        const model::ProjectRow& row = group.rows[r];
        std::string rname = gn + "." + idx("rows", r);
        Content nm_ct = text_content(c, row.name, true);
        Content body;
        add_text(c, body, row.tagline, true);
        add_list(c, body, row.items);
        Content num;
        num.ps.push_back(para(runs(row.number, text::kStrong)));
        text::FitResult r_num = measure(c, num, num_w - 4, S);
        text::FitResult r_name = measure(c, nm_ct, name_w - 2 * pad, S);
        text::FitResult r_body = measure(c, body, items_w - 2 * pad, S);
        f.check(r_name, rname + ".name", nm_ct, row.loc);
        f.check(r_body, rname + ".items", body, row.loc);
        double rh = std::max({r_num.height, r_name.height, r_body.height}) + 2 * pad;
        double y = f.y;
        const std::string row_ja = "表" + gno + "の" + std::to_string(r + 1) + "行目";
        const std::string row_en = "group " + gno + " row " + std::to_string(r + 1);
        tr.emplace(p, StructKind::TR);
        cell.emplace(p, StructKind::TD);
        label_cell(p, c, r_num, a.x, y, num_w, rh, part_name(kProjects, name(row_ja + "の番号", row_en + " number")),
                   row.loc);
        cell.emplace(p, StructKind::TH, HeaderScope::Row);
        rect(p, a.x + num_w, y, name_w, rh, color(pal.panel_fill), color(pal.table_border), 0.6);
        rect(p, a.x + num_w + name_w, y, items_w, rh, std::nullopt, color(pal.table_border), 0.6);
        from = p.shapes.size();
        draw(p, c, r_name, a.x + num_w + pad, y + (rh - r_name.height) / 2, name_w - 2 * pad,
             plain_paint(color(pal.heading)));
        boxed(p, from, a.x + num_w, y, name_w, rh, part_name(kProjects, name(row_ja + "の名称", row_en + " name")),
              row.name.loc);
        cell.emplace(p, StructKind::TD);
        from = p.shapes.size();
        draw(p, c, r_body, a.x + num_w + name_w + pad, y + pad, items_w - 2 * pad,
             Paint{color(pal.text), color(pal.heading)});
        boxed(p, from, a.x + num_w + name_w, y, items_w, rh,
              part_name(kProjects, name(row_ja + "の項目", row_en + " items")), row.loc);
        cell.reset();
        tr.reset();
        bool body_taller = r_body.height >= r_name.height;
        f.box(rh, rname + (body_taller ? ".items" : ".name"),
              body_taller ? tallest(r_body, body, row.loc) : row.name.loc);
      }
      f.gap(P.group_gap);
    }
    return f.result();
  });
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
                          const std::vector<text::StyledRun>& title, const std::string& slide_name) {
  const model::DetailTable& t = s.table;
  const Area a = body_area(c, slide, title, slide_name);
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
  for (const Overflow& o : plan.overflows) report(c, slide_name, o, plan.size);
  std::vector<Page> pages;
  table_pages(pages, c, slide, t, plan, 0, title, slide_name);
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
  if (!r.fitted) report(c, slide, {"title", loc, r.overflow_height, r.forced_count, r.link_forced_count}, r.size);
  c.took(Role::Title, r.size);
  std::size_t from = page.shapes.size();
  {
    StructScope h1(page, StructKind::H1);
    draw(page, c, r, x, bar_y + (F.title_bar_height - r.height) / 2, w, plain_paint(color(pal.title_text)));
  }
  boxed(page, from, x, bar_y, w, F.title_bar_height, name("タイトル", "title"), loc);
  double y = bar_y + F.title_bar_height + F.content_gap;
  const double cx = F.margins.left, cw = F.width - F.margins.left - F.margins.right;
  if (heading && !heading->empty()) {
    text::FitResult h = fit(c, {para(runs(*heading, true))}, cw, F.heading_height - 6,
                            c.range(Role::Heading, c.layout.sizes.heading), false);
    if (!h.fitted) report(c, slide, {"heading", heading->loc, h.overflow_height, h.forced_count, h.link_forced_count}, h.size);
    c.took(Role::Heading, h.size);
    from = page.shapes.size();
    {
      StructScope h2(page, StructKind::H2);
      draw(page, c, h, cx, y + (F.heading_height - 4 - h.height) / 2, cw, plain_paint(color(pal.heading)));
    }
    boxed(page, from, cx, y, cw, F.heading_height - 1, name("見出し", "heading"), heading->loc);
    line(page, cx, y + F.heading_height - 1, cx + cw, y + F.heading_height - 1, color(pal.rule), 1.0);
    y += F.heading_height + F.gap;
  }
  const double bottom = F.height - F.margins.bottom;
  return Area{cx, y, cw, bottom - y};
}


Area body_area(const Ctx& c, const model::Slide& slide, const std::vector<text::StyledRun>& title,
               const std::string& slide_name) {
  Page probe;
  diag::Diagnostics scratch;
  Ctx quiet(c, scratch);
  quiet.pages_discarded = true;  // only the area is kept
  return draw_frame(probe, quiet, title, &slide.heading, slide_name, slide.loc);
}

Page frame_page(const Ctx& c, const model::Slide& slide, const std::vector<text::StyledRun>& title,
                bool continued, const std::string& slide_name) {
  Page p;
  std::vector<text::StyledRun> tt = title;
  if (continued) tt = concat(tt, runs(std::string("（続き）"), text::kStrong));
  draw_frame(p, c, tt, &slide.heading, slide_name, slide.loc);
  return p;
}

void table_part_box(Page& page, const Ctx& c, const model::DetailTable& t, const TablePlan& plan,
                    std::size_t k, double x, double y, double w) {
  const std::size_t from = page.shapes.size();
  const double h = draw_table_part(page, c, t, plan, k, x, y);
  const int table = add_box(page, x, y, w, h, name("表", "table"), t.loc, -1, false);
  // Each cell is a box of its own, found from the rectangles the table drew (table.cpp draws
  // a rectangle per cell): a run belongs to the cell that holds the point where it starts,
  // so a run that leaves its cell is caught by the audit, whatever the table code measured.
  std::vector<std::pair<int, Rect>> cells;
  for (std::size_t i = from; i < page.shapes.size(); ++i) {
    if (const auto* r = std::get_if<Rect>(&page.shapes[i])) {
      const std::string n = std::to_string(cells.size() + 1);
      cells.emplace_back(add_box(page, r->x, r->y, r->w, r->h, name("表の" + n + "番目のセル", "table cell " + n),
                                 t.loc, table),
                         *r);
    }
  }
  for (std::size_t i = from; i < page.shapes.size(); ++i) {
    auto* run = std::get_if<TextRun>(&page.shapes[i]);
    if (!run || run->box >= 0) continue;
    const double ax = run->x + 0.01, ay = run->y - 0.35 * run->size;
    for (const auto& [box, r] : cells) {
      if (ax >= r.x && ax <= r.x + r.w && ay >= r.y && ay <= r.y + r.h) {
        run->box = box;
        break;
      }
    }
  }
  claim(page, table, from);  // anything else stays with the table as a whole
}

void table_pages(std::vector<Page>& out, const Ctx& c, const model::Slide& slide, const model::DetailTable& t,
                 const TablePlan& plan, std::size_t first, const std::vector<text::StyledRun>& title,
                 const std::string& slide_name) {
  const double caption_h = t.caption.empty() ? 0 : c.layout.table.caption_height;
  for (std::size_t k = first; k < plan.parts.size(); ++k) {
    Page p;
    std::vector<text::StyledRun> tt = title;
    if (plan.parts[k].continued) tt = concat(tt, runs(std::string("（続き）"), text::kStrong));
    Area pa = draw_frame(p, c, tt, &slide.heading, slide_name, slide.loc);
    if (caption_h > 0) caption(p, c, t.caption, pa.x, pa.y, pa.w, caption_h, slide_name);
    table_part_box(p, c, t, plan, k, pa.x, pa.y + caption_h, pa.w);
    out.push_back(std::move(p));
  }
}

std::vector<Page> compose_slide(const Ctx& c, const model::Slide& slide,
                                const std::vector<text::StyledRun>& title, const std::string& slide_name) {
  std::vector<Page> pages;
  if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) {
    pages = details(c, slide, *d, title, slide_name);
  } else if (const auto* o = std::get_if<model::OverviewSlide>(&slide.body)) {
    pages = overview_slide(c, slide, *o, title, slide_name);
  } else if (const auto* g = std::get_if<model::GoalStatusSlide>(&slide.body)) {
    pages = goal_status_slide(c, slide, *g, title, slide_name);
  } else if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body)) {
    pages = results_slide(c, slide, *r, title, slide_name);
  } else {
    Page base;
    Area a = draw_frame(base, c, title, &slide.heading, slide_name, slide.loc);
    if (const auto* p = std::get_if<model::ProjectsSlide>(&slide.body)) base = projects(c, *p, base, a, slide_name);
    pages.push_back(std::move(base));
  }
  for (Page& p : pages) {
    p.slide = slide_name;
    p.loc = slide.loc;
  }
  return pages;
}

}  // namespace plandeck::compose::detail
