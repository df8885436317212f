// Internal to render_xlsx (writer.cpp): a sheet's used range as a grid, to find the cell at
// a position and the positions merged ranges hide in constant time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "render_xlsx/sheet_model.hpp"

namespace plandeck::render_xlsx::detail {

// A sheet's used range as a grid: the cell written at each position, and whether a merged
// range hides the position (its top-left cell excepted, which has a CellSpec).
class Grid {
 public:
  explicit Grid(const SheetSpec& s)
      : rows(s.row_count()), cols(s.col_count()), cells_(std::size_t{rows} * cols, nullptr),
        merged_(std::size_t{rows} * cols, false) {
    for (const CellSpec& c : s.cells) cells_[at(c.row, c.col)] = &c;
    for (const Range& m : s.merges) {
      for (auto r = m.first_row; r <= m.last_row; ++r) {
        for (auto c = m.first_col; c <= m.last_col; ++c) merged_[at(r, c)] = true;
      }
    }
  }
  // The cell written at (row, col); null when none (or outside the used range).
  const CellSpec* cell(std::uint32_t row, std::uint16_t col) const {
    return row < rows && col < cols ? cells_[at(row, col)] : nullptr;
  }
  bool merged(std::uint32_t row, std::uint16_t col) const { return row < rows && col < cols && merged_[at(row, col)]; }

  const std::uint32_t rows;
  const std::uint16_t cols;

 private:
  std::size_t at(std::uint32_t row, std::uint16_t col) const { return std::size_t{row} * cols + col; }
  std::vector<const CellSpec*> cells_;
  std::vector<bool> merged_;
};

}  // namespace plandeck::render_xlsx::detail
