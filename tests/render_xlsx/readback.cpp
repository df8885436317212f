#include "readback.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "support/process.hpp"
#include "text/font.hpp"

namespace plandeck::readback {

namespace {
const char* kPython = "/usr/bin/python3";
}  // namespace

render_xlsx::WorkbookOptions options() {
  render_xlsx::WorkbookOptions o;
  o.source_date_epoch = 1700000000;
  auto dirs = text::font_search_dirs(testing::source_dir() + "/fonts");
  if (auto r = text::find_font("BIZUDPGothic-Regular.ttf", dirs)) o.regular_font_files = {*r};
  if (auto b = text::find_font("BIZUDPGothic-Bold.ttf", dirs)) o.strong_font_files = {*b};
  return o;
}

bool have_reader() {
  auto r = testing::run_process({kPython, "-c", "import openpyxl"});
  return r.exit_code == 0;
}

namespace {

std::vector<std::string> split_record(const std::string& line) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\t') {
      fields.emplace_back();
    } else if (c == '\\' && i + 1 < line.size()) {
      char n = line[++i];
      fields.back() += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

Dump read_back(const std::string& xlsx) {
  auto r = testing::run_process(
      {kPython, testing::source_dir() + "/tests/render_xlsx/dump_xlsx.py", xlsx});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Dump d;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    auto f = split_record(line);
    const std::string& k = f[0];
    if (k == "prop") d.props[f[1]] = f[2];
    if (k == "sheet") d.sheets.push_back(f[2]);
    if (k == "cell") d.cells[f[1]][f[2]] = {f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12]};
    if (k == "link") d.links[f[1]][f[2]] = f[3];
    if (k == "merge") d.merges[f[1]].push_back(f[2]);
    if (k == "freeze") d.freeze[f[1]] = f[2];
    if (k == "filter") d.filter[f[1]] = f[2];
    if (k == "fonts") d.fonts[f[1]] = f[2];
    if (k == "print") d.prints[f[1]] = {f.begin() + 2, f.end()};
    if (k == "hf") d.hfs[f[1]] = {f.begin() + 2, f.end()};
    if (k == "hffont") d.hffonts[f[1]] = {f.begin() + 2, f.end()};
    if (k == "margins") d.margins[f[1]] = {f.begin() + 2, f.end()};
    if (k == "note") d.notes[f[1]][f[2]] = f[3];
    if (k == "valid") d.valids[f[1]].push_back({f.begin() + 2, f.end()});
    if (k == "cf") d.cfs[f[1]].push_back({f.begin() + 2, f.end()});
    if (k == "table") d.tables[f[1]].push_back({f.begin() + 2, f.end()});
    if (k == "custom") d.custom[f[1]] = f[2];
    if (k == "calc") d.calc = {f.begin() + 1, f.end()};
    if (k == "col") d.cols[f[1]][f[2]] = std::stod(f[3]);
    if (k == "row") d.rows[f[1]][std::stoi(f[2])] = std::stod(f[3]);
    if (k == "rich") d.rich.push_back({f.begin() + 1, f.end()});
  }
  return d;
}

std::string scratch(const std::string& name) { return testing::scratch_dir("render_xlsx_" + name); }

double print_scale(const Dump& d, const std::string& sheet) {
  const auto& p = d.prints.at(sheet);
  REQUIRE(p[2] == "1");   // fitToWidth: one page wide
  REQUIRE(p[3] == "0");   // fitToHeight: as many pages as it takes
  REQUIRE(p[4] == "True");
  REQUIRE(p[1] == "landscape");
  REQUIRE(p[0] == "9");   // A4
  double width_pt = 0;
  for (const auto& [letter, w] : d.cols.at(sheet)) width_pt += std::floor(w * 7 + 0.5) * 0.75;
  const auto& m = d.margins.at(sheet);
  const double printable_pt = (11.69 - std::stod(m[0]) - std::stod(m[1])) * 72;
  return std::min(1.0, printable_pt / width_pt);
}

std::string column_letter(const std::string& coord) {
  std::size_t i = 0;
  while (i < coord.size() && coord[i] >= 'A' && coord[i] <= 'Z') ++i;
  return coord.substr(0, i);
}
int row_number(const std::string& coord) { return std::stoi(coord.substr(column_letter(coord).size())); }

}  // namespace plandeck::readback
