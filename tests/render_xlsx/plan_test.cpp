// render_xlsx: the default plan's workbook as `plandeck build` writes it (with the deck's
// page numbers), read back by openpyxl and checked against the plan and the PDF's text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "model/plan.hpp"
#include "readback.hpp"
#include "render_xlsx/workbook.hpp"
#include "support/process.hpp"
#include "text/utf8.hpp"

using namespace plandeck;
using namespace plandeck::render_xlsx;
using namespace plandeck::readback;

namespace {

bool is_header(const CellRec& c) { return c.fill == "FFDDEBF7" && c.bold == "1"; }


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
      // The row's content, or its first characters: the deck wraps cells at phrase boundaries
      // (県・市町|オープンデータ), and pdftotext reads a wrapped cell's lines interleaved with
      // the next cell's, so only the first line is sure to come out whole; every 内容 cell of
      // this plan has at least four characters on its first line.
      std::u32string content;
      for (char32_t ch : text::utf8::to_u32(without_spaces(d.cell("一覧", "D" + r).value))) {
        if (content.size() < 4) content += ch;
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

  SECTION("on every chapter sheet, 目標 is never wider than the text-heavy result column") {
    for (std::size_t i = 1; i + 1 < d.sheets.size(); ++i) {
      INFO(d.sheets[i]);
      const auto& cols = d.cols.at(d.sheets[i]);
      CHECK(cols.at("C") <= cols.at("E"));
      CHECK(print_scale(d, d.sheets[i]) >= 0.9);
    }
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

TEST_CASE("a chapter sheet may not be named like the table of figures", "[plan]") {
  std::string text = testing::read_file(testing::source_dir() + "/data/hiroshima-dx-r3-r5.yaml");
  const std::string from = "sheet: P1 簡単手続";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), "sheet: 数値");
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan_text("figures-sheet.yaml", text, sources, diags);
  CHECK_FALSE(plan);
  const std::string said = diag::format_all(diags, diag::Lang::En, &sources);
  CHECK(said.find("figures-sheet.yaml:") != std::string::npos);
  CHECK(said.find("table of figures") != std::string::npos);
}
