// Internal to the result-detail table (table_*.cpp): the table's cell texts prepared once,
// how one cell measures at a width, and the column-width search. table.hpp is what the rest
// of compose uses.
#pragma once

#include <array>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "compose/table.hpp"

namespace plandeck::compose::detail {

constexpr double kTableEps = 1e-6;

// The header text of column i (0 項目 … 5 状況).
const model::RichText& header_text(const model::TableColumns& cols, std::size_t i);

// The texts of one table's cells, normalised, clustered and measured once: the column search
// lays each cell out at many widths, and results slides plan their table at several sizes.
struct CellTexts {
  std::array<text::PreparedBox, 6> header;                          // bold
  std::vector<text::PreparedBox> items;                             // [group], bold
  std::vector<std::vector<std::array<text::PreparedBox, 5>>> cells;  // [group][row][column - 1]

  CellTexts(const Ctx& c, const model::DetailTable& t);
  const text::PreparedBox& cell(std::size_t group, std::size_t row, std::size_t column) const {
    return cells[group][row][column - 1];
  }
};

// How a cell's width is chosen (table_widths.cpp): the cost of a break, in lines of table
// height, by how badly it reads. Zero costs: the shortest table, whatever its breaks.
struct BreakCosts {
  double inside_phrase = 0;  // a break inside a phrase (手|続, 3年|間)
  double cut_word = 0;       // through a katakana word or between a number and its unit
  bool any() const { return inside_phrase > 0 || cut_word > 0; }
};

struct TableCache {
  std::map<const model::DetailTable*, CellTexts> texts;
  // measure_table results (before pagination) by table, width, size, name and whether
  // breaks cost (table_plan.cpp).
  std::map<std::tuple<const model::DetailTable*, double, double, std::string, bool>, TablePlan> measured;
  // The widths of a part that chooses its own (table_plan.cpp): by table, width, size,
  // whether breaks cost, and the part's rows (group, first, last for each span).
  std::map<std::tuple<const model::DetailTable*, double, double, bool, std::vector<std::size_t>>, std::vector<double>>
      part_widths;
  // The lines of a header cell (unbalanced, unspaced) by its prepared text, measure and size:
  // every column search of a table at a size walks its headers' widths again (table_widths.cpp).
  std::map<std::tuple<const text::PreparedBox*, double, double>, std::vector<std::u32string>> header_lines;
};

const CellTexts& cell_texts(const Ctx& c, const model::DetailTable& t);

// One cell at a column width: its height with the table's padding, its emergency breaks and
// where its lines break (text::tally_breaks: greedy lines, which have the drawn height).
struct CellMeasure {
  double height = 0;
  int forced = 0;
  int lines = 0;
  int inside_phrase = 0;
  int cut_words = 0;
  int link_forced = 0;  // of `forced`, cuts inside a URL or an e-mail address
};
CellMeasure measure_cell(const Ctx& c, const text::PreparedBox& t, double column_width, double size);

// A cell whose typed lines are all short (【目標】 / 107手続全て, 約4.3倍, 新規対策) reads as
// one phrase per line: wrapping one of them breaks a phrase ("107手" / "続全て"). Returns
// its typed line count, or 0 when some line is longer (wrapping it is ordinary).
int short_lines(const text::PreparedBox& t);

// Column widths (points, summing to `width`) for the table at `size`: the layout's weights,
// or with table.fit_columns the search of table_widths.cpp under `costs`, for the rows of
// `rows` (null: the whole table), starting from the widths `from` (null: the weights).
std::vector<double> column_widths(const Ctx& c, const model::DetailTable& t, const CellTexts& texts,
                                  double width, double size, const BreakCosts& costs,
                                  const std::vector<TableSpan>* rows = nullptr,
                                  const std::vector<double>* from = nullptr);

}  // namespace plandeck::compose::detail
