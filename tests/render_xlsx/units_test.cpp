// render_xlsx without the library: number formats, sheet names, the checks made before
// writing, and column widths and row heights.
#include <catch2/catch.hpp>

#include <cmath>

#include "readback.hpp"
#include "render_xlsx/layout_parts.hpp"
#include "render_xlsx/measure.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"
#include "text/font.hpp"
#include "text/measurer.hpp"
#include "text/normalize.hpp"
#include "text/paragraph.hpp"

using namespace plandeck;
using namespace plandeck::render_xlsx;
using namespace plandeck::readback;

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

TEST_CASE("a cell written twice and Excel's text limits are found by the spec check", "[unit]") {
  auto cell = [](std::uint32_t row, std::uint16_t col, std::vector<model::Run> runs) {
    CellSpec c;
    c.row = row;
    c.col = col;
    c.runs = std::move(runs);
    return c;
  };
  WorkbookSpec wb;
  SheetSpec s;
  s.name = "表";
  s.cells = {cell(0, 0, {{"a", false}}), cell(1, 2, {{"b", false}}), cell(0, 1, {{"c", false}})};
  wb.sheets = {s};
  CHECK_NOTHROW(check_workbook_spec(wb));
  // The second cell at C2 is the one named, although a later cell has bad text.
  wb.sheets[0].cells.push_back(cell(1, 2, {{"d", false}}));
  wb.sheets[0].cells.push_back(cell(5, 0, {{"bell\a", false}}));
  CHECK_THROWS_WITH(check_workbook_spec(wb), Catch::Contains("C2") && Catch::Contains("twice"));

  // 32,767 UTF-16 units fit, counted over every run: 𠮟 (U+20B9F) takes two, あ one.
  std::string kanji;
  for (int i = 0; i < 16383; ++i) kanji += "\U00020B9F";
  wb.sheets[0].cells = {cell(0, 0, {{kanji, false}, {"あ", true}})};
  CHECK_NOTHROW(check_workbook_spec(wb));
  wb.sheets[0].cells = {cell(0, 0, {{kanji, false}, {"あ", true}, {"a", false}})};
  CHECK_THROWS_WITH(check_workbook_spec(wb), Catch::Contains("32,767"));
  // A link target holds at most 255 units.
  CellSpec link = cell(0, 0, {{"詳細", false}});
  link.style = CellStyle::Link;
  link.link = "'" + std::string(250, 'x') + "'!B5";
  wb.sheets[0].cells = {link};
  CHECK_NOTHROW(check_workbook_spec(wb));
  wb.sheets[0].cells[0].link = "'" + std::string(249, 'x') + "\U00020B9F'!B5";  // 256 units
  CHECK_THROWS_WITH(check_workbook_spec(wb), Catch::Contains("255"));
}

TEST_CASE("line counts with and without the one-line shortcut are the layout's", "[unit]") {
  // TextMeasure answers "one line" without laying a text out when the sum of its widths
  // fits; every answer must be what the text module's own layout of the same runs says.
  const WorkbookOptions o = options();
  TextMeasure m(o);
  if (o.regular_font_files.empty() || o.strong_font_files.empty()) return;  // the estimate: nothing to compare
  const auto regular_font = text::Font::load(o.regular_font_files.front(), nullptr);
  const auto bold_font = text::Font::load(o.strong_font_files.front(), nullptr);
  REQUIRE(regular_font);
  REQUIRE(bold_font);
  const text::FontChainMeasurer fonts({&*regular_font}, {&*bold_font});
  const std::vector<std::vector<model::Run>> texts = {
      {{"-", false}},
      {{"達成", false}},
      {{"オンライン申請件数 ", false}},          // a trailing space
      {{"約\u200B1,552万枚", false}},            // a zero-width space
      {{"内部資料\n約1,552万枚", false}},        // a hard break
      {{"【目標】", true}, {"令和2年度比で九割削減", false}},  // two styles
      {{"113,600件（令和4年度）", false}},
      {{"", false}},
  };
  for (const auto& runs : texts) {
    for (const bool strong : {false, true}) {
      std::vector<text::StyledRun> styled;
      for (const auto& r : runs) {
        styled.push_back({text::normalize(r.text).text, strong || r.strong ? text::kStrong : text::kRegular});
      }
      const text::PreparedParagraph layout(styled, fonts);
      for (double width = 4; width <= 160; width += 0.75) {
        text::LayoutOptions lo;
        lo.width_pt = width;
        lo.size_pt = o.font_size;
        lo.hanging = false;
        INFO(runs.front().text << " at " << width << " pt");
        CHECK(m.line_count(runs, strong, width) == std::max(1, layout.count(lo).lines));
      }
    }
  }
}

TEST_CASE("a mostly blank column stays narrow, and its one long text wraps instead", "[unit]") {
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

