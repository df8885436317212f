// Drawing one slide's part of a result-detail table: the header row, the spanning 項目
// cells and the rows, each column in its one alignment.
#include <algorithm>
#include <optional>

#include "compose/table_internal.hpp"

namespace plandeck::compose::detail {

namespace {

// Draws one cell: border, optional fill, text centred vertically and aligned as `align`
// says, `right_inset` short of the padding on the right (Align::Right only).
void draw_cell(Page& page, const Ctx& c, const text::PreparedBox& t, double x, double y, double w,
               double h, double size, std::optional<Color> fill, const Paint& paint, Align align,
               double right_inset = 0) {
  const auto& pal = c.layout.palette;
  rect(page, x, y, w, h, fill, color(pal.table_border), 0.6);
  if (c.pages_discarded) return;  // the text is laid out only to be drawn
  const double pad = c.layout.table.padding;
  text::FitResult r = measure(c, t, std::max(1.0, w - 2 * pad), size, false);
  double ty = y + std::max(pad, (h - r.height) / 2);
  if (align == Align::Right && r.line_count > 1) right_inset = 0;  // a wrapped figure: flush right
  draw(page, c, r, x + pad, ty, std::max(1.0, w - 2 * pad - right_inset), paint, align);
}

}  // namespace

double draw_table_part(Page& page, const Ctx& c, const model::DetailTable& t, const TablePlan& plan,
                       std::size_t index, double x, double y) {
  PitchScope base_pitch(c, 0);
  const auto& pal = c.layout.palette;
  const TablePart& part = plan.parts[index];
  if (part.spans.empty()) return 0;
  const Paint header_paint = plain_paint(color(pal.heading));
  const Paint body = body_paint(c);
  const CellTexts& texts = cell_texts(c, t);
  // One alignment per column, the same on every slide of the table; figures line up on
  // the widest unit of their column, over the whole table.
  ColumnAlign aligns[6];
  double widest_unit[6] = {0, 0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < 6; ++i) {
    aligns[i] = column_align(t, i);
    if (aligns[i] != ColumnAlign::Figures) continue;
    for (const model::TableGroup& g : t.groups) {
      for (const model::TableRow& r : g.rows) {
        widest_unit[i] = std::max(widest_unit[i], unit_width(c, table_cell(r, i), plan.size));
      }
    }
  }
  StructScope table(page, StructKind::Table);
  std::optional<StructScope> tr(std::in_place, page, StructKind::TR);
  std::optional<StructScope> in_cell;
  double cx = x;
  for (std::size_t i = 0; i < 6; ++i) {
    in_cell.emplace(page, StructKind::TH, HeaderScope::Column);
    draw_cell(page, c, texts.header[i], cx, y, part.widths[i], part.header_height,
              plan.size, color(pal.table_header), header_paint, Align::Center);
    cx += part.widths[i];
  }
  double top = y + part.header_height;
  for (const TableSpan& span : part.spans) {
    for (std::size_t r = span.first; r < span.last; ++r) page.table_rows.push_back(&t.groups[span.group].rows[r]);
    double rows_h = 0;
    for (std::size_t r = span.first; r < span.last; ++r) rows_h += plan.row_heights[span.group][r];
    double extra = std::max(0.0, part.item_heights[span.group] - rows_h);
    double span_h = rows_h + extra;
    double ry = top;
    for (std::size_t r = span.first; r < span.last; ++r) {
      in_cell.reset();
      tr.emplace(page, StructKind::TR);
      if (r == span.first) {  // the 項目 cell heads the rows it spans
        in_cell.emplace(page, StructKind::TH, HeaderScope::Row, static_cast<int>(span.last - span.first));
        draw_cell(page, c, texts.items[span.group], x, top, part.widths[0], span_h, plan.size,
                  color(pal.table_item), plain_paint(color(pal.text)), Align::Left);
      }
      double rh = plan.row_heights[span.group][r] + (r + 1 == span.last ? extra : 0);
      double rx = x + part.widths[0];
      for (std::size_t i = 1; i < 6; ++i) {
        in_cell.emplace(page, StructKind::TD);
        const model::Cell& cell = table_cell(t.groups[span.group].rows[r], i);
        Align align = Align::Left;
        double inset = 0;
        if (aligns[i] == ColumnAlign::Center) align = Align::Center;
        if (aligns[i] == ColumnAlign::Figures) {
          align = Align::Right;
          inset = cell.quantity ? widest_unit[i] - unit_width(c, cell, plan.size) : widest_unit[i];
        }
        draw_cell(page, c, texts.cell(span.group, r, i), rx, ry, part.widths[i], rh, plan.size,
                  std::nullopt, body, align, inset);
        rx += part.widths[i];
      }
      ry += rh;
    }
    top += span_h;
  }
  return top - y;
}

}  // namespace plandeck::compose::detail
