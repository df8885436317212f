// Test helpers of render_xlsx_tests: a workbook read back by an independent reader
// (openpyxl, through dump_xlsx.py), and the writer options the tests share.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "render_xlsx/workbook.hpp"

namespace plandeck::readback {

// The writer options of the tests: a fixed date and the fonts of the deck.
render_xlsx::WorkbookOptions options();

// Whether /usr/bin/python3 can import openpyxl.
bool have_reader();

// A scratch directory of its own for a test.
std::string scratch(const std::string& name);

struct CellRec {
  std::string type, value, format, font, bold, wrap, valign, halign, border, fill;
};

// What dump_xlsx.py says about a workbook (its records, sheet by sheet).
struct Dump {
  std::map<std::string, std::string> props;
  std::vector<std::string> sheets;
  std::map<std::string, std::map<std::string, CellRec>> cells;      // sheet -> coord
  std::map<std::string, std::map<std::string, std::string>> links;  // sheet -> coord -> location
  std::map<std::string, std::vector<std::string>> merges, prints, hfs, hffonts, margins;
  std::map<std::string, std::map<std::string, std::string>> notes;  // sheet -> coord -> text
  std::map<std::string, std::vector<std::vector<std::string>>> valids, cfs, tables;
  std::map<std::string, std::string> custom;
  std::vector<std::string> calc;
  std::map<std::string, std::string> freeze, filter, fonts;
  std::map<std::string, std::map<std::string, double>> cols;  // sheet -> letter -> width
  std::map<std::string, std::map<int, double>> rows;          // sheet -> 1-based row -> height
  std::vector<std::vector<std::string>> rich;                 // index run font bold text

  const CellRec& cell(const std::string& sheet, const std::string& coord) const {
    static const CellRec none{"(none)", "", "", "", "", "", "", "", "", ""};
    auto s = cells.find(sheet);
    if (s == cells.end()) return none;
    auto c = s->second.find(coord);
    return c == s->second.end() ? none : c->second;
  }
};

Dump read_back(const std::string& xlsx);

// The scale a spreadsheet prints a fit-to-width sheet at on A4 landscape (11.69 in wide),
// from the column widths as read back (Excel's rule: a width of w characters is
// trunc(7w + 0.5) pixels of 0.75 pt with Calibri 11, the workbook's default font) and the
// page margins. 1 when the columns fit at full size.
double print_scale(const Dump& d, const std::string& sheet);

// "B12" -> "B" and 12.
std::string column_letter(const std::string& coord);
int row_number(const std::string& coord);

}  // namespace plandeck::readback
