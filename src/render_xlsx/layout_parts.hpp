// Internal to render_xlsx: the pieces build_workbook_spec() (layout.cpp) is made of, shared
// with the 一覧 and 数値 sheets (index_sheets.cpp) and the sizing (sizing.cpp).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/workbook.hpp"

namespace plandeck::render_xlsx::detail {

// A chapter (or a section's own slides) with its tables.
struct Unit {
  std::string label;  // "Ⅱ-1 【プロジェクト1】いつでもどこでも簡単手続"
  std::string number;  // "Ⅱ-1" (the section number for a section's own slides)
  std::string explicit_sheet;
  diag::SourceLoc loc;
  std::vector<const model::DetailTable*> tables;
  std::string sheet;  // assigned name
};

// One indicator: a table row, and where it is on its chapter's sheet.
struct IndexEntry {
  const Unit* unit;
  const model::DetailTable* table;
  const model::TableGroup* group;
  const model::TableRow* row;
  std::uint32_t sheet_row;
};

// Line breaks and tabs as spaces (for properties, headers and footers, labels).
std::string flatten(const std::string& s);

model::RichText plain_text(const std::string& s);
CellSpec text_cell(std::uint32_t row, std::uint16_t col, CellStyle style, const model::RichText& t);
// A quantity as a number with its format; text (or a quantity no format can show) as text.
CellSpec value_cell(std::uint32_t row, std::uint16_t col, const model::Cell& cell);
// A plain number: No., page numbers.
CellSpec count_cell(std::uint32_t row, std::uint16_t col, long long n);

std::array<const model::Cell*, 5> row_cells(const model::TableRow& r);
std::vector<const model::RichText*> headers(const model::TableColumns& c);

// Widths in em of the font size: the text decides within these bounds.
struct ColBounds {
  double min_em, max_em;
};

// Column widths (within `bounds`, and within the printable width at kMinPrintScale when
// the bounds allow) and row heights from the text. `filter_row`: the header row has filter
// buttons, which take room from the header text.
void size_sheet(SheetSpec& s, const std::vector<ColBounds>& bounds, const TextMeasure& m,
                std::optional<std::uint32_t> filter_row);

// The 一覧: one row per indicator, in plan order.
SheetSpec index_sheet(const std::vector<Unit>& units, const std::vector<IndexEntry>& index,
                      const WorkbookOptions& options, const TextMeasure& m);

// The 数値 table: one row per figure of the detail tables.
SheetSpec numbers_sheet(const std::vector<IndexEntry>& index, const WorkbookOptions& options,
                        const TextMeasure& m);

// The short name of an indicator's project: its sheet's name (which already starts with the
// chapter number when derived), with the chapter number put in front when it does not.
std::string project_short_label(const Unit& u);

}  // namespace plandeck::render_xlsx::detail
