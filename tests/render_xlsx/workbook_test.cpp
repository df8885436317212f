// render_xlsx: number formats, sheet names and sizes directly; the written workbook of a
// small plan read back by an independent reader (openpyxl, via dump_xlsx.py) and compared
// cell by cell. The default plan's workbook: plan_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "render_xlsx/layout_parts.hpp"
#include "render_xlsx/measure.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"
#include "support/process.hpp"
#include "text/font.hpp"
#include "readback.hpp"

using namespace plandeck;
using namespace plandeck::render_xlsx;
using namespace plandeck::readback;

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
