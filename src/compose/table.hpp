// Internal to compose: the result-detail table — measuring at one size for the whole table,
// splitting between rows onto continuation slides, and drawing one slide's part with the
// header row and the spanning 項目 cells repeated. table_plan.cpp plans (size, pagination),
// table_widths.cpp chooses the column widths, table_measure.cpp measures cells,
// table_draw.cpp draws a part, table_cells.cpp reads cells (paragraphs, alignment).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compose/painter.hpp"

namespace plandeck::compose::detail {

// Rows of one group on one slide.
struct TableSpan {
  std::size_t group = 0;
  std::size_t first = 0, last = 0;  // row range [first, last)
};

struct TablePart {
  std::vector<TableSpan> spans;
  bool continued = false;  // starts because the previous slide was full (not new_page)
  double height = 0;       // header + rows (0 for an empty first part)
  // As drawn on this part's slide. The whole table's (TablePlan's), except on a slide that
  // holds a part the author began (the first, or new_page) and no continuation follows:
  // its rows choose their own widths (see plan_table).
  std::vector<double> widths;
  double header_height = 0;
  std::vector<double> item_heights;  // [group]
};

struct TablePlan {
  double size = 0;
  std::vector<double> widths;  // column widths of the whole table (what pagination used)
  double header_height = 0;
  std::vector<std::vector<double>> row_heights;  // [group][row], at the widths of its part
  std::vector<double> item_heights;              // [group]: the 項目 text + padding
  std::vector<TablePart> parts;
  std::vector<Overflow> overflows;
};

struct TableRequest {
  double width = 0;
  double first_capacity = 0;  // height available on the first slide (header included)
  double other_capacity = 0;  // on continuation slides
  bool allow_split = true;    // false: the table must fit `first_capacity` (one slide)
  bool first_may_be_empty = false;  // when even the first rows do not fit `first_capacity`,
                                    // start on the next slide (part 0 then has no spans)
  spec::SizeRange sizes;      // usually layout.sizes.table
  std::string name = "table"; // for messages: "table.groups[1].rows[0]"
};

// An empty cache for Ctx::tables (shared by the passes of one compose call).
std::shared_ptr<TableCache> make_table_cache();

TablePlan plan_table(const Ctx& c, const model::DetailTable& t, const TableRequest& req);

// A row's cell of `column` (1 内容 … 5 状況).
const model::Cell& table_cell(const model::TableRow& r, std::size_t column);

// A cell's text as paragraphs, one per typed line. A line the author typed as a list item
// (・…, ※…) hangs its mark: wrapped lines align under the text, not under the mark.
std::vector<text::BoxParagraph> cell_paragraphs(const Ctx& c, const model::RichText& t, bool strong);

// The printed width of a quantity's unit (件, 手続, 回/月) at `size`; 0 for text: figures of
// a column end on one edge, where the widest unit starts.
double unit_width(const Ctx& c, const model::Cell& cell, double size);

// How the cells of a column are aligned (one alignment per column, chosen from its cells):
// Figures: every cell a quantity (or a dash): right-aligned, the figures ending on one edge
// whatever their units; Center: every cell a short word (達成, 新規対策); Left: text.
enum class ColumnAlign { Left, Center, Figures };
ColumnAlign column_align(const model::DetailTable& t, std::size_t column);  // 0 = 項目

// Draws part `index` with its top-left corner at (x, y); returns the height drawn.
double draw_table_part(Page& page, const Ctx& c, const model::DetailTable& t, const TablePlan& plan,
                       std::size_t index, double x, double y);

}  // namespace plandeck::compose::detail
