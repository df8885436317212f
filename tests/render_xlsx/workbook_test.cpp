// render_xlsx: number formats and sheet names directly; the written workbook read back by
// an independent reader (openpyxl, via dump_xlsx.py) and compared cell by cell.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "render_xlsx/layout_parts.hpp"
#include "render_xlsx/measure.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"
#include "support/process.hpp"
#include "text/font.hpp"
#include "text/utf8.hpp"

using namespace plandeck;
using namespace plandeck::render_xlsx;

namespace {

// ---- a small plan, built by hand ------------------------------------------------------

// Model objects are filled member by member: the model gains fields (locations) over time.
model::RichText rich(std::vector<model::Run> runs) {
  model::RichText t;
  t.runs = std::move(runs);
  return t;
}
model::RichText rt(const std::string& s) { return rich({{s, false}}); }

model::Cell text_cell(model::RichText t) {
  model::Cell c;
  c.text = std::move(t);
  return c;
}
model::Cell text(const std::string& s) { return text_cell(rt(s)); }

// A quantity written as `number` (a plain decimal, e.g. "4.30").
model::Cell qty(const std::string& number, const std::string& unit, const std::string& prefix = "") {
  model::Quantity q;
  REQUIRE(q.set_number(number));
  q.prefix = prefix;
  q.unit = unit;
  model::Cell c = text(q.format());
  c.quantity = q;
  return c;
}

model::TableColumns columns() {
  model::TableColumns c;
  c.item = rt("項目");
  c.content = rt("内容");
  c.target = rt("目標");
  c.baseline = rt("令和2年度（プラン前）の状況");
  c.result = rt("令和5年度末の状況");
  c.status = rt("目標達成状況・増加の状況等");
  return c;
}

model::TableRow row(model::Cell content, model::Cell target, model::Cell baseline,
                    model::Cell result, model::Cell status) {
  model::TableRow r;
  r.content = std::move(content);
  r.target = std::move(target);
  r.baseline = std::move(baseline);
  r.result = std::move(result);
  r.status = std::move(status);
  return r;
}

model::Slide slide(const std::string& label, model::SlideBody body) {
  model::Slide s;
  s.label = rt(label);
  s.body = std::move(body);
  return s;
}
model::Slide details(model::DetailTable t) {
  model::DetailsSlide d;
  d.table = std::move(t);
  return slide("結果詳細", std::move(d));
}

const char* kLongContent =
    "県民や事業者が行政手続を行う際に、窓口に出向くことなく、いつでもどこでもスマートフォン"
    "等から申請できるよう、電子申請システムの対象手続を拡大する取組の件数";

model::Plan sample_plan() {
  model::Plan plan;
  plan.path = "test.yaml";
  plan.document.title = rt("行政デジタル化アクションプランの取組（R6）");
  plan.document.organisation = rt("総務局デジタル県庁推進担当");
  plan.document.subject = rt("取組結果");

  model::Section sec;
  sec.title = rt("アクションプランの取組結果");

  // Ⅰ-1: caption, a group of three rows, quantities of every kind, emphasis, line breaks.
  model::DetailTable t1;
  t1.caption = rt("簡単手続に関する実績");
  t1.columns = columns();
  model::TableGroup g1;
  g1.item = rt("行政手続の\nオンライン化等");
  g1.rows.push_back(row(text("オンライン申請件数"), qty("-3", "件\""), qty("113600", "件"),
                        qty("27000", "回/月", "約"), qty("4.3", "倍", "約")));
  g1.rows.push_back(row(text("電子申請システムの\n利用手続数"),
                        text_cell(rich({{"全手続の", false}, {"オンライン化", true}, {"を目指す", false}})),
                        qty("-96", "%"), qty("12.5", "%"), text("達成")));
  g1.rows.push_back(row(text(kLongContent), text("-"), qty("5", "件\\"),
                        qty("-1234.5", "円", "約"), text_cell(rich({{"大幅増", true}}))));
  model::TableGroup g2;
  g2.item = rt("デジタル窓口");
  g2.rows.push_back(row(text("窓口数"), text("全庁"), qty("0", "箇所"), qty("12", "箇所"),
                        qty("1", "\"件\"")));  // a quote in the unit, escaped
  t1.groups = {g1, g2};

  model::Chapter c1;
  c1.title = rt("【プロジェクト1】いつでもどこでも簡単手続");
  c1.slides.push_back(details(t1));

  // Ⅰ-2: a results slide's short table and a details table; title with forbidden characters.
  model::DetailTable t2;
  t2.columns = columns();
  model::TableGroup g3;
  g3.item = rt("データ連携");
  g3.rows.push_back(row(text("連携件数"), text("10件"), qty("3", "件"), qty("11", "件"), text("達成")));
  t2.groups = {g3};
  model::ResultsSlide rs;
  rs.table = t2;
  model::Chapter c2;
  c2.title = rt("【プロジェクト2】データ活用/共有: 基盤*整備?とオープンデータの推進");
  c2.slides.push_back(slide("取組結果", rs));
  model::DetailTable t3 = t2;
  t3.caption = rt("オープンデータ");
  t3.groups[0].item = rt("公開数");
  c2.slides.push_back(details(t3));

  // Ⅰ-3: an explicit sheet name equal to what Ⅰ-4 would derive; Ⅰ-4 then gets " (2)".
  model::Chapter c3;
  c3.title = rt("【プロジェクト3】人材");
  c3.sheet = "Ⅰ-4 重複";
  c3.slides.push_back(details(t2));
  model::Chapter c4;
  c4.title = rt("重複");
  c4.slides.push_back(details(t2));

  // Ⅰ-5: no table, no sheet.
  model::Chapter c5;
  c5.title = rt("表のない章");
  c5.slides.push_back(slide("概要", model::OverviewSlide{}));

  sec.chapters = {c1, c2, c3, c4, c5};
  plan.sections.push_back(sec);
  return plan;
}

WorkbookOptions options() {
  WorkbookOptions o;
  o.source_date_epoch = 1700000000;
  auto dirs = text::font_search_dirs(testing::source_dir() + "/fonts");
  if (auto r = text::find_font("BIZUDPGothic-Regular.ttf", dirs)) o.regular_font_files = {*r};
  if (auto b = text::find_font("BIZUDPGothic-Bold.ttf", dirs)) o.strong_font_files = {*b};
  return o;
}

// ---- the independent reader ------------------------------------------------------------

const char* kPython = "/usr/bin/python3";

bool have_reader() {
  auto r = testing::run_process({kPython, "-c", "import openpyxl"});
  return r.exit_code == 0;
}

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

struct CellRec {
  std::string type, value, format, font, bold, wrap, valign, halign, border, fill;
};

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

// What a cell of the plan must read back as: text with type "s", or a number with its format.
void check_cell(const Dump& d, const std::string& sheet, const std::string& coord,
                const model::Cell& cell) {
  INFO(sheet << "!" << coord);
  const CellRec& c = d.cell(sheet, coord);
  std::optional<NumberCell> n;
  if (cell.quantity) n = number_cell(*cell.quantity);
  if (n) {
    CHECK(c.type == "n");
    CHECK(std::stod(c.value) == n->value);
    CHECK(c.format == n->format);
    CHECK(c.halign == "right");
  } else {
    CHECK(c.type == "s");
    CHECK(c.value == cell.text.plain());
    CHECK(c.wrap == "1");
  }
  CHECK(c.font == "BIZ UDPゴシック");
  CHECK(c.valign == "top");
  CHECK(c.border == "thin");
}

// The scale a spreadsheet prints a fit-to-width sheet at on A4 landscape (11.69 in wide),
// from the column widths as read back (Excel's rule: a width of w characters is
// trunc(7w + 0.5) pixels of 0.75 pt with Calibri 11, the workbook's default font) and the
// page margins. 1 when the columns fit at full size.
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

const std::string kSheet1 = "Ⅰ-1 【プロジェクト1】いつでもどこでも簡単手続";
const std::string kSheet2 = "Ⅰ-2 【プロジェクト2】データ活用／共有： 基盤＊整備？とオ";

}  // namespace

// ---- unit level ------------------------------------------------------------------------

TEST_CASE("quantities become numbers with a format showing prefix, sign and unit", "[unit]") {
  auto nc = [](const std::string& number, const std::string& unit, const std::string& pre = "") {
    model::Quantity q;
    REQUIRE(q.set_number(number));
    q.prefix = pre;
    q.unit = unit;
    return number_cell(q);
  };
  CHECK(nc("113600", "件")->format == "#,##0\"件\";\"▲\"#,##0\"件\"");
  CHECK(nc("113600", "件")->value == 113600);
  CHECK(nc("27000", "回/月", "約")->format == "\"約\"#,##0\"回/月\";\"約▲\"#,##0\"回/月\"");
  CHECK(nc("4.3", "倍", "約")->format == "\"約\"#,##0.0\"倍\";\"約▲\"#,##0.0\"倍\"");
  CHECK(nc("-96", "%")->format == "0%;\"▲\"0%");
  CHECK(nc("-96", "%")->value == -0.96);
  CHECK(nc("96.5", "%")->value == 0.965);  // the point moved in the digits, not 96.5 / 100
  CHECK(nc("0.5", "%")->value == 0.005);
  CHECK(nc("123456789012.345", "円")->value == 123456789012.345);
  CHECK(nc("12.5", "%")->format == "0.0%;\"▲\"0.0%");
  CHECK(nc("7", "")->format == "#,##0;\"▲\"#,##0");
  // A backslash is literal inside quotes. A double quote is escaped as \" outside them, in a
  // format of one section (LibreOffice misreads \" when there are two); negative values with
  // a quote are left to be written as text.
  CHECK(nc("5", "件\\")->format == "#,##0\"件\\\";\"▲\"#,##0\"件\\\"");
  CHECK(nc("5", "\"件\"")->format == "#,##0\\\"\"件\"\\\"");
  CHECK(nc("5", "件", "\"")->format == "\\\"#,##0\"件\"");
  CHECK_FALSE(nc("-5", "\"件\"").has_value());
  CHECK(format_literal("約") == "\"約\"");
  CHECK(format_literal("a\"b") == "\"a\"\\\"\"b\"");
  CHECK(format_literal("") == "");
}

TEST_CASE("sheet names follow Excel's rules and are made unique", "[unit]") {
  CHECK(sheet_name_problem("Ⅱ-1 簡単手続").empty());
  CHECK_FALSE(sheet_name_problem("").empty());
  CHECK_FALSE(sheet_name_problem("a/b").empty());
  CHECK_FALSE(sheet_name_problem("'quoted'").empty());
  CHECK_FALSE(sheet_name_problem("history").empty());
  CHECK_FALSE(sheet_name_problem(std::string(32, 'x')).empty());
  CHECK(sheet_name_problem(std::string(31, 'x')).empty());
  CHECK_FALSE(sheet_name_problem("\xFF").empty());

  CHECK(sanitize_sheet_name("a/b:c*d?e[f]g\\h") == "a／b：c＊d？e［f］g＼h");
  CHECK(sanitize_sheet_name("'ab\n  cd'") == "ab cd");
  std::string long_name = sanitize_sheet_name(std::string(40, 'x') + "'");
  CHECK(long_name == std::string(31, 'x'));
  CHECK(sanitize_sheet_name("//").size() > 0);
  CHECK(sheet_name_problem(sanitize_sheet_name("'")).empty());

  SheetNamer n;
  CHECK(n.reserve("一覧"));
  CHECK_FALSE(n.reserve("一覧"));
  CHECK(n.unique("Abc") == "Abc");
  CHECK(n.unique("aBC") == "aBC (2)");  // Excel compares without ASCII case
  CHECK(n.unique("abc") == "abc (3)");
  CHECK(n.unique(std::string(31, 'y')) == std::string(31, 'y'));
  CHECK(n.unique(std::string(31, 'y')) == std::string(27, 'y') + " (2)");
  CHECK(quote_sheet_name("It's") == "'It''s'");
}

TEST_CASE("overlapping merges and bad text are rejected before the library sees them", "[unit]") {
  WorkbookSpec wb;
  SheetSpec s;
  s.name = "表";
  CellSpec a;
  a.runs = {{"a", false}};
  s.cells.push_back(a);
  s.merges = {{0, 0, 2, 0}, {2, 0, 3, 1}};
  wb.sheets = {s};
  CHECK_THROWS_WITH(check_workbook_spec(wb),
                    Catch::Contains("A1:A3") && Catch::Contains("A3:B4") && Catch::Contains("overlap"));

  wb.sheets[0].merges = {{0, 0, 2, 0}};
  CHECK_NOTHROW(check_workbook_spec(wb));
  CellSpec b;
  b.row = 1;
  b.runs = {{"b", false}};
  wb.sheets[0].cells.push_back(b);
  CHECK_THROWS_WITH(check_workbook_spec(wb), Catch::Contains("A2") && Catch::Contains("merged"));

  wb.sheets[0].cells.pop_back();
  wb.sheets[0].cells[0].runs[0].text = "ok\xC3(";
  wb.sheets[0].cells[0].loc = {"plan.yaml", 12, 5};
  CHECK_THROWS_WITH(check_workbook_spec(wb), Catch::Contains("sheet '表' cell A1 (plan.yaml:12:5)") &&
                                                 Catch::Contains("UTF-8"));
  wb.sheets[0].cells[0].runs[0].text = "bell\a";
  CHECK_THROWS_WITH(check_workbook_spec(wb), Catch::Contains("U+0007"));
}

TEST_CASE("a mostly blank column stays narrow; its one long text wraps instead", "[unit]") {
  const WorkbookOptions o = options();
  TextMeasure m(o);
  SheetSpec s;
  s.name = "表";
  auto put = [&](std::uint32_t row, std::uint16_t col, const std::string& text) {
    CellSpec c;
    c.row = row;
    c.col = col;
    c.runs = {{text, false}};
    s.cells.push_back(c);
  };
  for (std::uint32_t r = 0; r < 10; ++r) {
    put(r, 0, r == 4 ? "【目標】令和2年度比で内部資料の印刷枚数を九割削減する（約155万枚）" : "-");
    put(r, 1, "オンライン申請件数の推移");  // 12 characters in every row
  }
  detail::size_sheet(s, {{5, 18}, {5, 18}}, m, std::nullopt);
  REQUIRE(s.col_widths.size() == 2);
  CHECK(s.col_widths[0] < s.col_widths[1]);
  CHECK(s.col_widths[0] * 7 < 6 * 10 * 96 / 72.0 + 5);  // the lower bound: 5 em and a little
  CHECK(s.row_heights[4] > 2 * s.row_heights[3]);        // the long text wraps to several lines
  CHECK(s.row_heights[3] == s.row_heights[5]);
}

TEST_CASE("columns wider than a page are narrowed to print at 90 % or more", "[unit]") {
  const WorkbookOptions o = options();
  TextMeasure m(o);
  SheetSpec s;
  s.name = "表";
  std::string text;
  for (int i = 0; i < 40; ++i) text += "長";  // 40 em unbroken by any line break
  for (std::uint16_t col = 0; col < 8; ++col) {
    CellSpec c;
    c.col = col;
    c.runs = {{text, false}};
    s.cells.push_back(c);
  }
  detail::size_sheet(s, std::vector<detail::ColBounds>(8, {6, 30}), m, std::nullopt);
  double width_pt = 0;
  for (double w : s.col_widths) width_pt += std::floor(w * 7 + 5 + 0.5) * 0.75;
  CHECK(kPrintableWidthPt / width_pt >= kMinPrintScale);
  for (double w : s.col_widths) CHECK(w * 7 + 5 >= 6 * 10 * 96 / 72.0);  // never below the minimum
}

// ---- the written workbook -------------------------------------------------------------

TEST_CASE("the workbook reads back cell for cell in an independent reader", "[roundtrip]") {
  if (!have_reader()) {
    WARN("SKIPPED: /usr/bin/python3 with openpyxl (python3-openpyxl) is not installed");
    return;
  }
  const model::Plan plan = sample_plan();
  // Catch runs the case once per SECTION: write and read back only the first time.
  static const Dump d = [&] {
    const std::string path = scratch("roundtrip") + "/plan.xlsx";
    write_workbook(plan, path, options());
    return read_back(path);
  }();

  SECTION("sheets, properties") {
    CHECK(d.sheets == std::vector<std::string>{"一覧", kSheet1, kSheet2, "Ⅰ-4 重複", "Ⅰ-4 重複 (2)", "数値"});
    for (const auto& s : d.sheets) CHECK(sheet_name_problem(s).empty());
    CHECK(d.props.at("title") == "行政デジタル化アクションプランの取組（R6）");
    CHECK(d.props.at("creator") == "総務局デジタル県庁推進担当");
    CHECK(d.props.at("subject") == "取組結果");
    CHECK(d.props.at("created") == "2023-11-14T22:13:20");
  }

  SECTION("a chapter sheet is laid out like the deck's table") {
    const auto& s = kSheet1;
    const auto& t = std::get<model::DetailsSlide>(plan.sections[0].chapters[0].slides[0].body).table;
    CHECK(d.cell(s, "A1").value == "簡単手続に関する実績");
    CHECK(d.cell(s, "A1").bold == "1");
    const char* header_cols[] = {"A2", "B2", "C2", "D2", "E2", "F2"};
    const model::RichText* hs[] = {&t.columns.item, &t.columns.content, &t.columns.target,
                                   &t.columns.baseline, &t.columns.result, &t.columns.status};
    for (int i = 0; i < 6; ++i) {
      const CellRec& h = d.cell(s, header_cols[i]);
      CHECK(h.value == hs[i]->plain());
      CHECK(h.bold == "1");
      CHECK(h.fill == "FFDDEBF7");
      CHECK(h.font == "BIZ UDPゴシック");
    }
    CHECK(d.merges.at(s) == std::vector<std::string>{"A1:F1", "A3:A5"});
    CHECK(d.cell(s, "A3").value == "行政手続の\nオンライン化等");
    CHECK(d.cell(s, "A6").value == "デジタル窓口");
    int r = 3;
    for (const auto& g : t.groups) {
      for (const auto& row : g.rows) {
        const model::Cell* cs[] = {&row.content, &row.target, &row.baseline, &row.result, &row.status};
        for (int i = 0; i < 5; ++i) {
          check_cell(d, s, std::string(1, static_cast<char>('B' + i)) + std::to_string(r), *cs[i]);
        }
        ++r;
      }
    }
    CHECK(d.cell(s, "A7").type == "(none)");
    CHECK(d.freeze.at(s) == "A3");
    CHECK(d.prints.at(s)[5] == "$2:$2");

    // Sheet Ⅰ-2: two tables with an empty row between, the second with a caption.
    CHECK(d.cell(kSheet2, "A1").value == "項目");
    CHECK(d.cell(kSheet2, "B2").value == "連携件数");
    CHECK(d.cell(kSheet2, "A4").value == "オープンデータ");
    CHECK(d.cell(kSheet2, "A5").value == "項目");
    CHECK(d.cell(kSheet2, "A6").value == "公開数");
    CHECK(d.merges.at(kSheet2) == std::vector<std::string>{"A4:F4"});
  }

  SECTION("the index lists every indicator, numbered, with its project and a link to its row") {
    const std::string s = "一覧";
    std::vector<std::string> head;
    for (char col = 'A'; col <= 'K'; ++col) head.push_back(d.cell(s, std::string(1, col) + "1").value);
    CHECK(head == std::vector<std::string>{"No.", "プロジェクト", "項目", "内容", "目標",
                                           "令和2年度（プラン前）の状況", "令和5年度末の状況",
                                           "目標達成状況・増加の状況等", "達成区分", "資料頁", "詳細"});
    CHECK(d.filter.at(s) == "A1:K9");
    CHECK(d.freeze.at(s) == "D2");  // the header row and No., プロジェクト, 項目 stay in view
    for (int r = 2; r <= 9; ++r) {
      INFO("row " << r);
      CHECK(d.cell(s, "A" + std::to_string(r)).type == "n");
      CHECK(std::stod(d.cell(s, "A" + std::to_string(r)).value) == r - 1);
    }
    // Short project names (the sheet's), the full title in a note.
    CHECK(d.cell(s, "B2").value == kSheet1);
    CHECK(d.notes.at(s).at("B2") == "Ⅰ-1 【プロジェクト1】いつでもどこでも簡単手続");
    CHECK(d.cell(s, "B6").value == kSheet2);
    CHECK(d.notes.at(s).at("B6") == "Ⅰ-2 【プロジェクト2】データ活用/共有: 基盤*整備?とオープンデータの推進");
    CHECK(d.cell(s, "B8").value == "Ⅰ-3 Ⅰ-4 重複");  // an explicit sheet name without the number
    CHECK(d.cell(s, "B9").value == "Ⅰ-4 重複 (2)");
    CHECK(d.notes.at(s).size() == 8);
    CHECK(d.cell(s, "K2").value == "詳細");
    CHECK(d.links.at(s).size() == 8);
    CHECK(d.links.at(s).at("K2") == "'" + kSheet1 + "'!B3");
    CHECK(d.links.at(s).at("K5") == "'" + kSheet1 + "'!B6");
    CHECK(d.links.at(s).at("K6") == "'" + kSheet2 + "'!B2");
    CHECK(d.links.at(s).at("K7") == "'" + kSheet2 + "'!B6");
    CHECK(d.links.at(s).at("K8") == "'Ⅰ-4 重複'!B2");
    CHECK(d.links.at(s).at("K9") == "'Ⅰ-4 重複 (2)'!B2");
    CHECK(d.cell(s, "A10").type == "(none)");
    CHECK(d.cell(s, "C3").value == "行政手続の\nオンライン化等");
    const auto& t = std::get<model::DetailsSlide>(plan.sections[0].chapters[0].slides[0].body).table;
    const auto& row = t.groups[0].rows[0];
    check_cell(d, s, "D2", row.content);
    check_cell(d, s, "F2", row.baseline);
    check_cell(d, s, "G2", row.result);
    check_cell(d, s, "H2", row.status);
    check_cell(d, s, "F3", t.groups[0].rows[1].baseline);
    check_cell(d, s, "F4", t.groups[0].rows[2].baseline);
    check_cell(d, s, "H5", t.groups[1].rows[0].status);
    CHECK(d.cell(s, "H5").format == "#,##0\\\"\"件\"\\\"");
    check_cell(d, s, "E2", row.target);  // negative with a quote in the unit: text
    CHECK(d.cell(s, "E2").value == "▲3件\"");
    // No deck pages were given: the 資料頁 column is blank.
    for (int r = 2; r <= 9; ++r) CHECK(d.cell(s, "J" + std::to_string(r)).type == "(none)");
  }

  SECTION("the 達成区分 column: the four words, a drop-down list and a fill per word") {
    const std::string s = "一覧";
    // Statuses: 約4.3倍 (a figure), 達成, 大幅増, 1"件" (a figure), then 達成 ×4 (Ⅰ-2…Ⅰ-4).
    const char* expected[] = {"", "達成", "", "", "達成", "達成", "達成", "達成"};
    for (int r = 2; r <= 9; ++r) {
      INFO("row " << r);
      const CellRec& c = d.cell(s, "I" + std::to_string(r));
      CHECK((c.type == "(none)" ? std::string() : c.value) == expected[r - 2]);
    }
    REQUIRE(d.valids.at(s).size() == 1);
    CHECK(d.valids.at(s)[0] == std::vector<std::string>{"I2:I9", "list", "\"達成,概ね達成,進捗中,未達成\"", "1"});
    std::map<std::string, std::string> fills;
    for (const auto& rule : d.cfs.at(s)) {
      CHECK(rule[0] == "I2:I9");
      CHECK(rule[1] == "cellIs");
      CHECK(rule[2] == "equal");
      fills[rule[3]] = rule[4];
    }
    CHECK(fills.size() == 4);
    for (const char* w : {"達成", "概ね達成", "進捗中", "未達成"}) {
      INFO(w);
      REQUIRE(fills.count("\"" + std::string(w) + "\"") == 1);
      CHECK(fills.at("\"" + std::string(w) + "\"").size() == 8);  // ARGB: a real fill
    }
  }

  SECTION("the 数値 table lists every figure of the detail sheets") {
    const std::string s = "数値";
    REQUIRE(d.tables.at(s).size() == 1);
    const auto& table = d.tables.at(s)[0];
    CHECK(table[0] == "Figures");
    CHECK(table[2] == "No.,プロジェクト,項目,内容,列,値,単位,接頭辞,表記,由来");
    // Sheet Ⅰ-1: 11 figures, of which ▲3件" stays text (no format can show it); Ⅰ-2: 2 + 2,
    // Ⅰ-4 重複 and (2): 2 each.
    CHECK(table[1] == "A1:J19");
    CHECK(std::stod(d.cell(s, "A2").value) == 1);
    CHECK(d.cell(s, "B2").value == kSheet1);
    CHECK(d.cell(s, "C2").value == "行政手続の\nオンライン化等");
    CHECK(d.cell(s, "D2").value == "オンライン申請件数");
    CHECK(d.cell(s, "E2").value == "令和2年度（プラン前）の状況");
    CHECK(d.cell(s, "F2").type == "n");
    CHECK(std::stod(d.cell(s, "F2").value) == 113600);
    CHECK(d.cell(s, "F2").format == "#,##0;\"▲\"#,##0");
    CHECK(d.cell(s, "G2").value == "件");
    CHECK(d.cell(s, "I2").value == "113,600件");
    CHECK(d.cell(s, "J2").value == "数量");
    CHECK(d.cell(s, "E3").value == "令和5年度末の状況");
    CHECK(std::stod(d.cell(s, "F3").value) == 27000);
    CHECK(d.cell(s, "H3").value == "約");
    CHECK(d.cell(s, "I3").value == "約27,000回/月");
    CHECK(d.cell(s, "F4").format == "#,##0.0;\"▲\"#,##0.0");
    CHECK(d.cell(s, "F5").value == "-0.96");  // ▲96%: a fraction with a percent format
    CHECK(d.cell(s, "F5").format == "0%;\"▲\"0%");
    CHECK(d.cell(s, "G5").value == "%");
    CHECK(d.freeze.at(s) == "A2");
  }

  SECTION("every cell and every rich-text run uses the Japanese font") {
    for (const auto& s : d.sheets) CHECK(d.fonts.at(s) == "BIZ UDPゴシック");
    REQUIRE_FALSE(d.rich.empty());
    std::string emphasised;
    for (const auto& run : d.rich) {
      CHECK(run[2] == "BIZ UDPゴシック");
      if (run[3] == "1") emphasised += run[4];
    }
    CHECK(emphasised.find("オンライン化") != std::string::npos);
    CHECK(emphasised.find("全手続") == std::string::npos);
    CHECK(d.cell(kSheet1, "C4").value == "全手続のオンライン化を目指す");
    CHECK(d.cell(kSheet1, "F5").bold == "1");  // a cell that is all emphasis
  }

  SECTION("print setup on every sheet") {
    for (const auto& s : d.sheets) {
      INFO(s);
      const auto& p = d.prints.at(s);
      CHECK(p[0] == "9");
      CHECK(p[1] == "landscape");
      CHECK(p[2] == "1");
      CHECK(p[3] == "0");
      CHECK(p[4] == "True");
      CHECK_FALSE(p[5].empty());
      CHECK(d.hfs.at(s)[1] == "行政デジタル化アクションプランの取組（R6）");
      CHECK(d.hfs.at(s)[2] == "&P / &N");
      // Every section names the cells' Japanese face, so Ⅰ and the digits match the sheet.
      CHECK(d.hffonts.at(s) == std::vector<std::string>(3, "BIZ UDPゴシック,Regular"));
    }
    CHECK(d.hfs.at(kSheet1)[0] == kSheet1);
  }

  SECTION("the index and the 数値 table print one page wide at 90 % or more on A4 landscape") {
    for (const std::string s : {"一覧", "数値"}) {
      INFO(s);
      CHECK(print_scale(d, s) >= 0.9);
    }
  }

  SECTION("columns and rows are sized from the text") {
    const auto& cols = d.cols.at(kSheet1);
    REQUIRE(cols.size() == 6);
    for (const auto& [letter, w] : cols) {
      INFO(letter);
      CHECK(w > 8);
      CHECK(w < 45);
    }
    const auto& rows = d.rows.at(kSheet1);
    const double one_line = rows.at(6);       // 窓口数: one line everywhere
    CHECK(rows.at(4) > one_line * 1.5);       // two hard lines
    CHECK(rows.at(5) > rows.at(4));           // the long content wraps to more lines
    // The merged 項目 (two lines) fits into its three rows: nothing added to them.
    CHECK(rows.at(3) == Approx(one_line));
  }
}

TEST_CASE("two writes with the same epoch are byte-identical", "[determinism]") {
  const model::Plan plan = sample_plan();
  const std::string dir = scratch("determinism");
  write_workbook(plan, dir + "/a.xlsx", options());
  write_workbook(plan, dir + "/b.xlsx", options());
  std::string a = testing::read_file(dir + "/a.xlsx");
  std::string b = testing::read_file(dir + "/b.xlsx");
  REQUIRE(a.size() > 1000);
  CHECK(a == b);
}

TEST_CASE("bad input and library failures throw render_xlsx::Error with context", "[errors]") {
  const std::string dir = scratch("errors");
  SECTION("invalid UTF-8 in a cell") {
    model::Plan plan = sample_plan();
    auto& t = std::get<model::DetailsSlide>(plan.sections[0].chapters[0].slides[0].body).table;
    t.groups[1].rows[0].content.text.runs[0].text = "窓口\xE3\x81";
    t.groups[1].rows[0].content.loc = {"test.yaml", 40, 18};
    CHECK_THROWS_MATCHES(write_workbook(plan, dir + "/bad.xlsx", options()), Error,
                         Catch::Matchers::Message(  // the index sheet comes first
                             "workbook: sheet '一覧' cell D5 (test.yaml:40:18): text: text is "
                             "not valid UTF-8 (bad byte at offset 6)"));
  }
  SECTION("invalid UTF-8 in the document title") {
    model::Plan plan = sample_plan();
    plan.document.title.runs[0].text = "\xC0\xAF";
    CHECK_THROWS_AS(write_workbook(plan, dir + "/bad.xlsx", options()), Error);
  }
  SECTION("an explicit sheet name that breaks Excel's rules or is used twice") {
    model::Plan plan = sample_plan();
    plan.sections[0].chapters[0].sheet = "a:b";
    CHECK_THROWS_WITH(write_workbook(plan, dir + "/bad.xlsx", options()),
                      Catch::Contains("invalid sheet name"));
    plan.sections[0].chapters[0].sheet = "一覧";
    CHECK_THROWS_WITH(write_workbook(plan, dir + "/bad.xlsx", options()),
                      Catch::Contains("used twice"));
  }
  SECTION("the library cannot write the file") {
    CHECK_THROWS_WITH(write_workbook(sample_plan(), dir + "/no/such/dir/x.xlsx", options()),
                      Catch::StartsWith("workbook: writing the file: "));
  }
  SECTION("a font file that cannot be read") {
    WorkbookOptions o = options();
    o.regular_font_files = {dir + "/missing.ttf"};
    CHECK_THROWS_WITH(write_workbook(sample_plan(), dir + "/x.xlsx", o),
                      Catch::Contains("cannot read font"));
  }
}

// ---- the default plan, built by the real binary ---------------------------------------

namespace {

bool is_header(const CellRec& c) { return c.fill == "FFDDEBF7" && c.bold == "1"; }

std::string column_letter(const std::string& coord) {
  std::size_t i = 0;
  while (i < coord.size() && coord[i] >= 'A' && coord[i] <= 'Z') ++i;
  return coord.substr(0, i);
}
int row_number(const std::string& coord) { return std::stoi(coord.substr(column_letter(coord).size())); }

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f') out += c;
  }
  return out;
}

// "The status says 達成": written out here, independently of model/verdict.cpp.
bool says_achieved(const std::string& status) {
  const std::string w = "達成";
  if (status.compare(0, w.size(), w) != 0) return false;
  const std::string rest = status.substr(w.size());
  for (const char* sep : {"", "\n", " ", "（", "("}) {
    if (rest.compare(0, std::string(sep).size(), sep) == 0 && (*sep != '\0' || rest.empty())) return true;
  }
  return false;
}

struct Built {
  Dump d;
  std::vector<std::string> pages;  // pdftotext of each page
};

const Built& built_default_plan() {
  static const Built b = [] {
    const std::string dir = scratch("plan");
    testing::ProcessOptions po;
    po.env = {{"SOURCE_DATE_EPOCH", "1700000000"}};
    auto r = testing::run_process({testing::plandeck_bin(), "build",
                                   testing::source_dir() + "/data/hiroshima-dx-r3-r5.yaml", "-o", dir},
                                  po);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    Built out;
    out.d = read_back(dir + "/hiroshima-dx-r3-r5.xlsx");
    auto t = testing::run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", dir + "/hiroshima-dx-r3-r5.pdf", "-"});
    REQUIRE(t.exit_code == 0);
    std::string page;
    for (char c : t.out) {
      if (c == '\f') {
        out.pages.push_back(page);
        page.clear();
      } else {
        page += c;
      }
    }
    return out;
  }();
  return b;
}

}  // namespace

TEST_CASE("the default plan's workbook: 一覧, 達成区分, deck pages and the 数値 table", "[plan]") {
  if (!have_reader()) {
    WARN("SKIPPED: /usr/bin/python3 with openpyxl (python3-openpyxl) is not installed");
    return;
  }
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan(testing::source_dir() + "/data/hiroshima-dx-r3-r5.yaml", sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(plan);
  const Built& b = built_default_plan();
  const Dump& d = b.d;

  std::size_t indicators = 0, quantities = 0;
  std::vector<std::string> sheets = {"一覧"};
  for (const auto& sec : plan->sections) {
    for (const auto& ch : sec.chapters) {
      bool has_table = false;
      for (const auto& sl : ch.slides) {
        const model::DetailTable* t = nullptr;
        if (auto* ds = std::get_if<model::DetailsSlide>(&sl.body)) t = &ds->table;
        if (auto* rs = std::get_if<model::ResultsSlide>(&sl.body); rs && rs->table) t = &*rs->table;
        if (!t) continue;
        has_table = true;
        for (const auto& g : t->groups) {
          for (const auto& r : g.rows) {
            ++indicators;
            for (const model::Cell* c : {&r.content, &r.target, &r.baseline, &r.result, &r.status}) {
              if (c->quantity) ++quantities;
            }
          }
        }
      }
      if (has_table && !ch.sheet.empty()) sheets.push_back(ch.sheet);
    }
  }
  sheets.push_back("数値");
  REQUIRE(indicators > 0);
  const std::string last = std::to_string(indicators + 1);
  CHECK(d.sheets == sheets);  // every chapter with a table names its sheet in this plan
  CHECK(d.filter.at("一覧") == "A1:K" + last);
  CHECK(d.links.at("一覧").size() == indicators);

  SECTION("every cell in the Japanese font; each figure a number with its format") {
    std::size_t detail_numbers = 0, index_numbers = 0;
    for (const auto& [sheet, cells] : d.cells) {
      for (const auto& [coord, c] : cells) {
        INFO(sheet << "!" << coord << " " << c.value);
        CHECK(c.font == "BIZ UDPゴシック");
        if (c.type != "n") continue;
        const std::string col = column_letter(coord);
        if (sheet == "一覧") {
          if (col >= "D" && col <= "H") {
            ++index_numbers;
            CHECK(c.format.find(';') != std::string::npos);
          }
        } else if (sheet != "数値") {
          ++detail_numbers;
          CHECK(c.format.find(';') != std::string::npos);
        }
      }
    }
    CHECK(detail_numbers == quantities);  // (this plan has no quote in a unit)
    CHECK(index_numbers == quantities);
    for (const auto& s : d.sheets) {
      CHECK(d.fonts.at(s) == "BIZ UDPゴシック");
      CHECK(d.hffonts.at(s) == std::vector<std::string>(3, "BIZ UDPゴシック,Regular"));
    }
  }

  SECTION("No. runs 1…N; the index and the 数値 table print at 90 % or more") {
    for (std::size_t n = 1; n <= indicators; ++n) {
      const CellRec& c = d.cell("一覧", "A" + std::to_string(n + 1));
      CHECK(c.type == "n");
      CHECK(std::stod(c.value) == static_cast<double>(n));
    }
    CHECK(d.cell("一覧", "A" + std::to_string(indicators + 2)).type == "(none)");
    CHECK(d.freeze.at("一覧") == "D2");
    CHECK(print_scale(d, "一覧") >= 0.9);
    CHECK(print_scale(d, "数値") >= 0.9);
  }

  SECTION("the 達成区分 column holds only the four words; 達成 counts the rows that say 達成") {
    std::map<std::string, int> counts;
    for (std::size_t n = 1; n <= indicators; ++n) {
      const CellRec& c = d.cell("一覧", "I" + std::to_string(n + 1));
      if (c.type == "(none)") continue;
      INFO("I" << n + 1 << " " << c.value);
      CHECK((c.value == "達成" || c.value == "概ね達成" || c.value == "進捗中" || c.value == "未達成"));
      ++counts[c.value];
    }
    // The status column (F) of every detail sheet, below its header row.
    int says = 0;
    for (const auto& [sheet, cells] : d.cells) {
      if (sheet == "一覧" || sheet == "数値") continue;
      for (const auto& [coord, c] : cells) {
        if (column_letter(coord) == "F" && c.type == "s" && !is_header(c) && says_achieved(c.value)) ++says;
      }
    }
    CHECK(counts["達成"] == says);
    CHECK(says == 11);  // the deck's achieved rows, 4 of which say just 「達成」
    CHECK(counts["概ね達成"] == 1);
    CHECK(counts.size() == 2);
    REQUIRE(d.valids.at("一覧").size() == 1);
    CHECK(d.valids.at("一覧")[0][0] == "I2:I" + last);
    CHECK(d.valids.at("一覧")[0][1] == "list");
    CHECK(d.cfs.at("一覧").size() == 4);
  }

  SECTION("資料頁 is the printed page of the slide that shows the row") {
    REQUIRE(b.pages.size() == 18);
    for (std::size_t n = 1; n <= indicators; ++n) {
      const std::string r = std::to_string(n + 1);
      const CellRec& page = d.cell("一覧", "J" + r);
      INFO("row " << r << ": page " << page.value);
      REQUIRE(page.type == "n");
      // The page that prints this number at its foot (the last line pdftotext reads).
      const std::string* found = nullptr;
      for (const std::string& p : b.pages) {
        std::istringstream lines(p);
        std::string line, last_line;
        while (std::getline(lines, line)) {
          if (!without_spaces(line).empty()) last_line = without_spaces(line);
        }
        if (!last_line.empty() && last_line.find_first_not_of("0123456789") == std::string::npos &&
            std::stoi(last_line) == std::stoi(page.value)) {
          found = &p;
        }
      }
      REQUIRE(found != nullptr);
      const std::string text = without_spaces(*found);
      // The row's content, or its first characters (the deck may wrap it differently).
      std::u32string content;
      for (char32_t ch : text::utf8::to_u32(without_spaces(d.cell("一覧", "D" + r).value))) {
        if (content.size() < 6) content += ch;
      }
      CHECK(text.find(text::utf8::encode(content)) != std::string::npos);
    }
  }

  SECTION("the 数値 table: one row per number cell of the detail sheets, with its value") {
    REQUIRE(d.tables.at("数値").size() == 1);
    const std::string& ref = d.tables.at("数値")[0][1];
    const int rows = row_number(ref.substr(ref.find(':') + 1)) - 1;
    std::set<std::string> matched;  // "sheet!coord" of detail cells
    for (int r = 2; r <= rows + 1; ++r) {
      const std::string rr = std::to_string(r);
      const CellRec& no = d.cell("数値", "A" + rr);
      INFO("数値 row " << r);
      REQUIRE(no.type == "n");
      // The index row it names links to the detail sheet's row.
      const std::string index_row = std::to_string(static_cast<int>(std::stod(no.value)) + 1);
      const std::string& target = d.links.at("一覧").at("K" + index_row);
      const std::string sheet = target.substr(1, target.find("'!") - 1);
      const int detail_row = row_number(target.substr(target.find("'!") + 2));
      // Its column, by the header text above the row.
      int header_row = detail_row - 1;
      while (header_row > 0 && !is_header(d.cell(sheet, "A" + std::to_string(header_row)))) --header_row;
      REQUIRE(header_row > 0);
      std::string column;
      for (char col = 'B'; col <= 'F'; ++col) {
        std::string h = d.cell(sheet, std::string(1, col) + std::to_string(header_row)).value;
        std::replace(h.begin(), h.end(), '\n', ' ');
        if (h == d.cell("数値", "E" + rr).value) column = std::string(1, col);
      }
      REQUIRE_FALSE(column.empty());
      const std::string coord = column + std::to_string(detail_row);
      const CellRec& detail = d.cell(sheet, coord);
      CHECK(detail.type == "n");
      CHECK(std::stod(detail.value) == std::stod(d.cell("数値", "F" + rr).value));
      CHECK(d.cell("数値", "J" + rr).value == "数量");
      CHECK(matched.insert(sheet + "!" + coord).second);
    }
    std::size_t detail_numbers = 0;
    for (const auto& [sheet, cells] : d.cells) {
      if (sheet == "一覧" || sheet == "数値") continue;
      for (const auto& [coord, c] : cells) detail_numbers += c.type == "n";
    }
    CHECK(matched.size() == detail_numbers);
  }

  SECTION("document properties: the plan period as a custom property") {
    CHECK(d.custom.at("計画期間") == "令和3年8月～令和6年3月（令和3年8月策定）");
    CHECK(d.props.at("title") == "広島県行政デジタル化推進 アクションプランの取組（R3～R5）");
  }
}

TEST_CASE("a verdict written in the plan wins over the status text, and figures read from text are marked", "[verdict]") {
  if (!have_reader()) {
    WARN("SKIPPED: /usr/bin/python3 with openpyxl (python3-openpyxl) is not installed");
    return;
  }
  // The default plan with `verdict:` on its first 新規対策 row and 未達成 on the first plain 達成.
  std::string text = testing::read_file(testing::source_dir() + "/data/hiroshima-dx-r3-r5.yaml");
  auto add_after = [&](const std::string& line, const std::string& verdict) {
    std::size_t at = text.find(line);
    REQUIRE(at != std::string::npos);
    std::size_t indent = at - text.rfind('\n', at) - 1;
    std::size_t end = text.find('\n', at);
    text.insert(end + 1, std::string(indent, ' ') + "verdict: " + verdict + "\n");
  };
  add_after("status: 新規対策\n", "進捗中");
  add_after("status: 達成\n", "未達成");
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan_text("verdicts.yaml", text, sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(plan);

  WorkbookOptions o = options();
  // A stand-in for the figure parser: 約1,552万枚 in a text cell, as a quantity.
  o.text_figures = [](const model::Cell& cell) {
    std::vector<model::Quantity> out;
    if (cell.text.plain().find("約1,552万枚") != std::string::npos) {
      model::Quantity q;
      REQUIRE(q.set_number("15520000"));
      q.prefix = "約";
      q.unit = "枚";
      out.push_back(q);
    }
    return out;
  };
  const std::string path = scratch("verdicts") + "/verdicts.xlsx";
  write_workbook(*plan, path, o);
  const Dump d = read_back(path);

  // Rows 4 (申請時のサポートの実施: 達成) and 5 (デジタルデバイド対策: 新規対策) of the 一覧.
  CHECK(d.cell("一覧", "D5").value == "申請時のサポートの実施");
  CHECK(d.cell("一覧", "H5").value == "達成");  // the printed status never changes
  CHECK(d.cell("一覧", "I5").value == "未達成");
  CHECK(d.cell("一覧", "H6").value == "新規対策");
  CHECK(d.cell("一覧", "I6").value == "進捗中");

  int parsed = 0;
  for (const auto& [coord, c] : d.cells.at("数値")) {
    if (column_letter(coord) != "J" || c.value != "本文から読取") continue;
    ++parsed;
    const std::string r = std::to_string(row_number(coord));
    CHECK(std::stod(d.cell("数値", "F" + r).value) == 15520000);
    CHECK(d.cell("数値", "G" + r).value == "枚");
    CHECK(d.cell("数値", "E" + r).value == "令和2年度（プラン前）の状況");
  }
  CHECK(parsed == 1);
}
