#include "compose/table.hpp"

#include <algorithm>

namespace plandeck::compose::detail {

namespace {

constexpr double kEps = 1e-6;

const model::RichText* header_text(const model::TableColumns& cols, std::size_t i) {
  const model::RichText* h[] = {&cols.item, &cols.content, &cols.target,
                                &cols.baseline, &cols.result, &cols.status};
  return h[i];
}

const model::Cell* row_cell(const model::TableRow& r, std::size_t i) {  // i = 1..5
  const model::Cell* cs[] = {&r.content, &r.target, &r.baseline, &r.result, &r.status};
  return cs[i - 1];
}

std::vector<text::BoxParagraph> cell_paras(const model::RichText& t, bool strong = false) {
  return {para(runs(t, strong))};
}

struct Measured {
  double height = 0;
  int forced = 0;
};

Measured cell_height(const Ctx& c, const model::RichText& t, double w, double size, bool strong) {
  const double pad = c.layout.table.padding;
  text::FitResult r = measure(c, cell_paras(t, strong), std::max(1.0, w - 2 * pad), size, false);
  return {r.height + 2 * pad, r.forced_count};
}

std::vector<double> column_widths(const Ctx& c, double width) {
  std::vector<double> weights = c.layout.table.column_weights;
  if (weights.size() != 6) weights = spec::Table{}.column_weights;
  double sum = 0;
  for (double w : weights) sum += w;
  std::vector<double> out;
  for (double w : weights) out.push_back(width * w / sum);
  return out;
}

// Measures every cell at `size`; forced breaks and oversize rows go to plan.overflows.
TablePlan measure_table(const Ctx& c, const model::DetailTable& t, const TableRequest& req,
                        double size) {
  TablePlan p;
  p.size = size;
  p.widths = column_widths(c, req.width);
  for (std::size_t i = 0; i < 6; ++i) {
    Measured m = cell_height(c, *header_text(t.columns, i), p.widths[i], size, true);
    p.header_height = std::max(p.header_height, m.height);
    if (m.forced) p.overflows.push_back({req.name + ".columns", header_text(t.columns, i)->loc, 0, m.forced});
  }
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    const model::TableGroup& group = t.groups[g];
    Measured item = cell_height(c, group.item, p.widths[0], size, true);
    p.item_heights.push_back(item.height);
    std::string gname = req.name + ".groups[" + std::to_string(g + 1) + "]";
    if (item.forced) p.overflows.push_back({gname + ".item", group.item.loc, 0, item.forced});
    std::vector<double> heights;
    for (std::size_t r = 0; r < group.rows.size(); ++r) {
      double h = 0;
      for (std::size_t i = 1; i < 6; ++i) {
        const model::Cell* cell = row_cell(group.rows[r], i);
        Measured m = cell_height(c, cell->text, p.widths[i], size, false);
        h = std::max(h, m.height);
        if (m.forced) {
          p.overflows.push_back({gname + ".rows[" + std::to_string(r + 1) + "]", cell->text.loc, 0, m.forced});
        }
      }
      heights.push_back(h);
    }
    p.row_heights.push_back(std::move(heights));
  }
  return p;
}

// Splits rows into parts; a row taller than a whole slide is an overflow.
void paginate(TablePlan& p, const model::DetailTable& t, const TableRequest& req) {
  p.parts.assign(1, TablePart{});
  double used = p.header_height;
  auto capacity = [&]() { return p.parts.size() == 1 ? req.first_capacity : req.other_capacity; };
  auto new_part = [&](bool continued) {
    p.parts.back().height = used;
    p.parts.push_back(TablePart{});
    p.parts.back().continued = continued;
    used = p.header_height;
  };
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    if (t.groups[g].new_page && req.allow_split && !p.parts.back().spans.empty()) new_part(false);
    double chunk_rows = 0, chunk_h = 0;
    bool open = false;
    for (std::size_t r = 0; r < t.groups[g].rows.size(); ++r) {
      double rh = p.row_heights[g][r];
      double new_h = std::max(p.item_heights[g], chunk_rows + rh);
      double delta = new_h - (open ? chunk_h : 0);
      if (used + delta > capacity() + kEps && !p.parts.back().spans.empty() && req.allow_split) {
        new_part(true);
        open = false;
        chunk_rows = 0;
        new_h = std::max(p.item_heights[g], rh);
        delta = new_h;
      }
      if (!open) {
        p.parts.back().spans.push_back(TableSpan{g, r, r});
        open = true;
      }
      p.parts.back().spans.back().last = r + 1;
      used += delta;
      chunk_h = new_h;
      chunk_rows += rh;
      if (req.allow_split && p.header_height + delta > capacity() + kEps) {
        p.overflows.push_back({req.name + ".groups[" + std::to_string(g + 1) + "].rows[" +
                                   std::to_string(r + 1) + "]",
                               t.groups[g].rows[r].loc, p.header_height + delta - capacity(), 0});
      }
    }
  }
  p.parts.back().height = used;
  if (!req.allow_split && used > req.first_capacity + kEps) {
    // The whole table must fit here: blame the tallest row.
    std::size_t bg = 0, br = 0;
    double best = -1;
    for (std::size_t g = 0; g < p.row_heights.size(); ++g) {
      for (std::size_t r = 0; r < p.row_heights[g].size(); ++r) {
        if (p.row_heights[g][r] > best) best = p.row_heights[g][r], bg = g, br = r;
      }
    }
    diag::SourceLoc loc = t.loc;
    std::string name = req.name;
    if (best >= 0) {
      loc = t.groups[bg].rows[br].loc;
      name += ".groups[" + std::to_string(bg + 1) + "].rows[" + std::to_string(br + 1) + "]";
    }
    p.overflows.push_back({name, loc, used - req.first_capacity, 0});
  }
}

std::size_t explicit_parts(const model::DetailTable& t, bool allow_split) {
  std::size_t n = 1;
  bool any = false;
  for (const auto& g : t.groups) {
    if (g.new_page && any && allow_split) ++n;
    if (!g.rows.empty()) any = true;
  }
  return n;
}

}  // namespace

TablePlan plan_table(const Ctx& c, const model::DetailTable& t, const TableRequest& req) {
  const std::vector<double> candidates = sizes(req.sizes, c.layout.text.step);
  const std::size_t wanted = explicit_parts(t, req.allow_split);
  // 1. The largest size not below split_below that needs no continuation slide.
  for (double s : candidates) {
    if (s < c.layout.table.split_below - kEps && s < req.sizes.max - kEps) break;
    TablePlan p = measure_table(c, t, req, s);
    paginate(p, t, req);
    if (p.overflows.empty() && p.parts.size() <= wanted) return p;
  }
  // 2. Otherwise the largest size at which every row fits a slide (continuing as needed).
  for (double s : candidates) {
    TablePlan p = measure_table(c, t, req, s);
    paginate(p, t, req);
    if (p.overflows.empty()) return p;
  }
  TablePlan p = measure_table(c, t, req, candidates.back());
  paginate(p, t, req);
  return p;
}

namespace {

enum class Center { Never, Single, Always };

// Draws one cell: border, optional fill, text centred vertically; single lines centred.
void draw_cell(Page& page, const Ctx& c, const model::RichText& t, double x, double y, double w,
               double h, double size, bool strong, std::optional<Color> fill, const Paint& paint,
               Center center) {
  const auto& pal = c.layout.palette;
  rect(page, x, y, w, h, fill, color(pal.table_border), 0.6);
  const double pad = c.layout.table.padding;
  text::FitResult r = measure(c, cell_paras(t, strong), std::max(1.0, w - 2 * pad), size, false);
  double ty = y + std::max(pad, (h - r.height) / 2);
  Align align = (center == Center::Always || (center == Center::Single && r.line_count <= 1))
                    ? Align::Center
                    : Align::Left;
  draw(page, c, r, x + pad, ty, w - 2 * pad, paint, align);
}

}  // namespace

double draw_table_part(Page& page, const Ctx& c, const model::DetailTable& t, const TablePlan& plan,
                       std::size_t index, double x, double y) {
  const auto& pal = c.layout.palette;
  const TablePart& part = plan.parts[index];
  const Paint header_paint = plain_paint(color(pal.heading));
  const Paint body = body_paint(c);
  double cx = x;
  for (std::size_t i = 0; i < 6; ++i) {
    draw_cell(page, c, *header_text(t.columns, i), cx, y, plan.widths[i], plan.header_height,
              plan.size, true, color(pal.table_header), header_paint, Center::Always);
    cx += plan.widths[i];
  }
  double top = y + plan.header_height;
  for (const TableSpan& span : part.spans) {
    const model::TableGroup& g = t.groups[span.group];
    double rows_h = 0;
    for (std::size_t r = span.first; r < span.last; ++r) rows_h += plan.row_heights[span.group][r];
    double extra = std::max(0.0, plan.item_heights[span.group] - rows_h);
    double span_h = rows_h + extra;
    draw_cell(page, c, g.item, x, top, plan.widths[0], span_h, plan.size, true,
              color(pal.table_item), plain_paint(color(pal.text)), Center::Never);
    double ry = top;
    for (std::size_t r = span.first; r < span.last; ++r) {
      double rh = plan.row_heights[span.group][r] + (r + 1 == span.last ? extra : 0);
      double rx = x + plan.widths[0];
      for (std::size_t i = 1; i < 6; ++i) {
        draw_cell(page, c, row_cell(g.rows[r], i)->text, rx, ry, plan.widths[i], rh, plan.size,
                  false, std::nullopt, body, i > 1 ? Center::Single : Center::Never);
        rx += plan.widths[i];
      }
      ry += rh;
    }
    top += span_h;
  }
  return top - y;
}

}  // namespace plandeck::compose::detail
