// The workbook as plain data, before libxlsxwriter sees it: cells, merges, sizes and print
// setup per sheet. Built from the plan by build_workbook_spec() and checked by
// check_workbook_spec(); write_spec() (writer.cpp) only translates it into library calls.
// Keeping this layer free of the library makes layout and validation testable directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/plan.hpp"

namespace plandeck::render_xlsx {

class TextMeasure;

enum class CellStyle {
  Caption,  // bold table caption above the header, no border
  Header,   // bold, shaded, centred, bordered
  Item,     // the 項目 cell (merged down its rows)
  Text,     // body text: wrapped, top-aligned, bordered
  Number,   // a quantity: right-aligned, with its number format
  Link,     // text that links to another sheet (hyperlink colour, underlined)
};

struct CellSpec {
  std::uint32_t row = 0;
  std::uint16_t col = 0;
  CellStyle style = CellStyle::Text;
  std::vector<model::Run> runs;       // text (empty runs list = blank cell with its border)
  std::optional<double> number;       // set for CellStyle::Number
  std::string number_format;          // with `number`
  std::string display;                // what a number shows (for measuring)
  std::string link;                   // Link: target "'Sheet'!B5" (without "internal:")
  std::string note;                   // a cell note (comment) shown on hover ("" = none)
  diag::SourceLoc loc;                // plan location, for error messages
};

struct Range {
  std::uint32_t first_row = 0;
  std::uint16_t first_col = 0;
  std::uint32_t last_row = 0;
  std::uint16_t last_col = 0;
};

// A cell whose text equals `word` gets `fill` (conditional formatting: the word stays the
// cell's value, so the meaning never rests on colour alone).
struct WordFill {
  std::string word;
  std::uint32_t fill = 0;  // RGB
};

// A range whose cells may hold only `words` (or be blank): a drop-down list in Excel.
struct ListRule {
  Range range;
  std::vector<std::string> words;
  std::vector<WordFill> fills;  // conditional fills over the same range
};

// An Excel table (ListObject) over `range`: its first row is the header row (the header
// cells are cells of the sheet like any other), with a filter button on each header.
struct TableSpec {
  std::string name;  // unique in the workbook, ASCII letters
  Range range;
};

struct SheetSpec {
  std::string name;
  std::string page_header;            // printed at the top left of every page ("" = none)
  std::vector<CellSpec> cells;        // a merged range's value is its top-left cell
  std::vector<Range> merges;
  std::vector<double> col_widths;     // Excel character units, one per column
  std::vector<double> row_heights;    // points, one per row (0 = leave the default)
  std::uint32_t freeze_rows = 0;      // rows kept visible above the scrolling area
  std::uint16_t freeze_cols = 0;      // columns kept visible left of it
  std::optional<Range> autofilter;
  std::optional<TableSpec> table;     // never together with `autofilter`
  std::vector<ListRule> lists;
  std::optional<std::pair<std::uint32_t, std::uint32_t>> repeat_rows;  // printed on each page

  // Rows and columns in use (cells and merges). Each call scans every cell: call once per
  // sheet, never in a loop over cells.
  std::uint32_t row_count() const;
  std::uint16_t col_count() const;
};

struct WorkbookSpec {
  std::string title;
  std::string author;
  std::string subject;
  std::vector<std::pair<std::string, std::string>> custom_properties;  // name, text
  std::string page_footer_title;  // printed at the bottom left, page numbers at the right
  std::vector<SheetSpec> sheets;  // in order; the first is the active one
};

// The index sheet's name, and the name of the table of every figure.
inline constexpr const char* kIndexSheetName = "一覧";
inline constexpr const char* kNumbersSheetName = "数値";

// A4 landscape with the margins every sheet prints with: the width a sheet's columns must
// fit into at 100 % (points), and the smallest scale a sheet prints at, fit to one page
// wide, when its columns' bounds allow it.
inline constexpr double kPrintableWidthPt = 11.69 * 72 - 2 * 0.4 * 72;
inline constexpr double kMinPrintScale = 0.9;
// The scale columns are sized for, in Excel's units (a character is 7 px: Calibri 11's digit,
// the workbook's default font). LibreOffice counts a character as Carlito 11's digit,
// 7.43 px, so its columns come out 6 % wider: sizing for 0.96 in Excel keeps LibreOffice
// at 0.9 or more.
inline constexpr double kSizingScale = 0.96;

struct WorkbookOptions;

// Lays the plan out. Throws Error for an explicit sheet name that is invalid or used twice.
WorkbookSpec build_workbook_spec(const model::Plan& plan, const TextMeasure& measure,
                                 const WorkbookOptions& options);

// Everything libxlsxwriter does not check itself: every string is valid UTF-8 without
// control characters (except line feed and tab in cell text) and within Excel's limits;
// merged ranges are at least two cells, do not overlap, and hide no value (only the
// top-left cell of a range is shown); sheet names are valid and unique; numbers are
// finite. Throws Error naming the sheet and cell.
void check_workbook_spec(const WorkbookSpec& spec);

// "B5" for row 4, col 1 (0-based).
std::string cell_name(std::uint32_t row, std::uint16_t col);

}  // namespace plandeck::render_xlsx
