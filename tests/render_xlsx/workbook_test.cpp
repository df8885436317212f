// render_xlsx: number formats and sheet names directly; the written workbook read back by
// an independent reader (openpyxl, via dump_xlsx.py) and compared cell by cell.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "render_xlsx/measure.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"
#include "support/process.hpp"
#include "text/font.hpp"

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
  std::map<std::string, std::vector<std::string>> merges, prints, hfs;
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
    CHECK(d.sheets == std::vector<std::string>{"一覧", kSheet1, kSheet2, "Ⅰ-4 重複", "Ⅰ-4 重複 (2)"});
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

  SECTION("the index lists every indicator with a link to its row") {
    const std::string s = "一覧";
    std::vector<std::string> head;
    for (char col = 'A'; col <= 'H'; ++col) head.push_back(d.cell(s, std::string(1, col) + "1").value);
    CHECK(head == std::vector<std::string>{"プロジェクト", "項目", "内容", "目標",
                                           "令和2年度（プラン前）の状況", "令和5年度末の状況",
                                           "目標達成状況・増加の状況等", "詳細シート"});
    CHECK(d.filter.at(s) == "A1:H9");
    CHECK(d.freeze.at(s) == "A2");
    CHECK(d.cell(s, "A2").value == "Ⅰ-1 【プロジェクト1】いつでもどこでも簡単手続");
    CHECK(d.cell(s, "A2").wrap == "1");
    CHECK(d.cell(s, "H2").value == kSheet1);
    CHECK(d.links.at(s).size() == 8);
    CHECK(d.links.at(s).at("H2") == "'" + kSheet1 + "'!B3");
    CHECK(d.links.at(s).at("H5") == "'" + kSheet1 + "'!B6");
    CHECK(d.links.at(s).at("H6") == "'" + kSheet2 + "'!B2");
    CHECK(d.links.at(s).at("H7") == "'" + kSheet2 + "'!B6");
    CHECK(d.links.at(s).at("H8") == "'Ⅰ-4 重複'!B2");
    CHECK(d.links.at(s).at("H9") == "'Ⅰ-4 重複 (2)'!B2");
    CHECK(d.cell(s, "A8").value == "Ⅰ-3 【プロジェクト3】人材");
    CHECK(d.cell(s, "A9").value == "Ⅰ-4 重複");
    CHECK(d.cell(s, "A10").type == "(none)");
    CHECK(d.cell(s, "B3").value == "行政手続の\nオンライン化等");
    const auto& t = std::get<model::DetailsSlide>(plan.sections[0].chapters[0].slides[0].body).table;
    const auto& row = t.groups[0].rows[0];
    check_cell(d, s, "C2", row.content);
    check_cell(d, s, "E2", row.baseline);
    check_cell(d, s, "F2", row.result);
    check_cell(d, s, "G2", row.status);
    check_cell(d, s, "E3", t.groups[0].rows[1].baseline);
    check_cell(d, s, "E4", t.groups[0].rows[2].baseline);
    check_cell(d, s, "G5", t.groups[1].rows[0].status);
    CHECK(d.cell(s, "G5").format == "#,##0\\\"\"件\"\\\"");
    check_cell(d, s, "D2", row.target);  // negative with a quote in the unit: text
    CHECK(d.cell(s, "D2").value == "▲3件\"");
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
    }
    CHECK(d.hfs.at(kSheet1)[0] == kSheet1);
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
                             "workbook: sheet '一覧' cell C5 (test.yaml:40:18): text: text is "
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

TEST_CASE("the default plan's workbook lists every indicator, all numbers formatted", "[plan]") {
  if (!have_reader()) {
    WARN("SKIPPED: /usr/bin/python3 with openpyxl (python3-openpyxl) is not installed");
    return;
  }
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan(testing::source_dir() + "/data/hiroshima-dx-r3-r5.yaml", sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(plan);
  const std::string path = scratch("plan") + "/hiroshima-dx-r3-r5.xlsx";
  write_workbook(*plan, path, options());
  const Dump d = read_back(path);

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
  REQUIRE(indicators > 0);
  CHECK(d.sheets == sheets);  // every chapter with a table names its sheet in this plan
  CHECK(d.filter.at("一覧") == "A1:H" + std::to_string(indicators + 1));
  CHECK(d.links.at("一覧").size() == indicators);

  // Each quantity shows up twice (index and chapter sheet) as a number with its format.
  std::size_t numbers = 0;
  for (const auto& [sheet, cells] : d.cells) {
    for (const auto& [coord, c] : cells) {
      INFO(sheet << "!" << coord << " " << c.value);
      CHECK(c.font == "BIZ UDPゴシック");
      if (c.type == "n") {
        ++numbers;
        CHECK(c.format.find(';') != std::string::npos);
      }
    }
  }
  CHECK(numbers == 2 * quantities);  // (this plan has no quote in a unit)
  for (const auto& s : d.sheets) {
    CHECK(d.fonts.at(s) == "BIZ UDPゴシック");
    CHECK(d.prints.at(s)[0] == "9");
  }
}
