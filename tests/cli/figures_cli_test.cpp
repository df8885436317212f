// Arithmetic warnings, --werror and `plandeck diff`, through the real binary.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return std::string(text).replace(at, from.size(), to);
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// A copy of the default plan whose 81手続 → 350手続 row says 約5.3倍 instead of 約4.3倍.
std::string wrong_ratio_plan(const std::string& dir) {
  std::string plan = dir + "/wrong-ratio.yaml";
  write_file(plan, replaced(read_file(default_plan()), "status: {number: 4.3, prefix: 約, unit: 倍}",
                            "status: {number: 5.3, prefix: 約, unit: 倍}"));
  return plan;
}

}  // namespace

TEST_CASE("a wrong ratio gives one located warning with the computed value", "[cli][figures]") {
  std::string dir = scratch_dir("cli-wrong-ratio");
  std::string plan = wrong_ratio_plan(dir);
  auto r = run_process({plandeck_bin(), "check", plan});
  INFO(r.err);
  CHECK(r.exit_code == 0);  // a warning alone does not fail
  CHECK(count(r.err, "warning: ") == 1);
  CHECK(r.err.find(plan + ":232:40: warning: 81手続→350手続は約4.3倍です（記載: 約5.3倍）\n") != std::string::npos);
  CHECK(r.err.find("hint: 計算: 350 ÷ 81 = 4.321") != std::string::npos);

  auto en = run_process({plandeck_bin(), "--lang", "en", "check", plan});
  CHECK(en.err.find("81手続 → 350手続 is 約4.3倍 (written: 約5.3倍)") != std::string::npos);
}

TEST_CASE("werror turns the warning into an error: exit 1, nothing written", "[cli][figures]") {
  std::string dir = scratch_dir("cli-werror");
  std::string plan = wrong_ratio_plan(dir);
  auto check = run_process({plandeck_bin(), "check", "--werror", plan});
  CHECK(check.exit_code == 1);
  CHECK(check.err.find(":232:40: error: 81手続→350手続は約4.3倍です") != std::string::npos);

  std::string out = dir + "/out";
  auto build = run_process({plandeck_bin(), "build", "--werror", plan, "-o", out});
  CHECK(build.exit_code == 1);
  CHECK((!fs::exists(out) || fs::is_empty(out)));
}

TEST_CASE("the default plan and a second correct plan pass check --werror without warnings", "[cli][figures]") {
  for (const std::string& plan : {default_plan(), source_dir() + "/tests/fixtures/plans/ok/figures.yaml"}) {
    auto r = run_process({plandeck_bin(), "check", "--werror", plan});
    INFO(plan << "\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
  }
}

TEST_CASE("plandeck diff: same plan exits 0, a changed figure exits 4 and is named", "[cli][diff]") {
  auto same = run_process({plandeck_bin(), "diff", default_plan(), default_plan()});
  CHECK(same.exit_code == 0);
  CHECK(same.out.find("内容は同じです") != std::string::npos);

  std::string dir = scratch_dir("cli-diff");
  std::string changed = dir + "/changed.yaml";
  write_file(changed, replaced(read_file(default_plan()), "{number: 113600, unit: 件}", "{number: 113700, unit: 件}"));
  auto r = run_process({plandeck_bin(), "diff", default_plan(), changed});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 4);
  CHECK(r.out.find("行「オンライン申請件数」") != std::string::npos);
  CHECK(r.out.find("113,600件 → 113,700件") != std::string::npos);
  CHECK(r.out.find(":235:") != std::string::npos);

  auto json = run_process({plandeck_bin(), "diff", "--format", "json", default_plan(), changed});
  CHECK(json.exit_code == 4);
  CHECK(json.out.find("\"change\": \"changed\"") != std::string::npos);

  auto en = run_process({plandeck_bin(), "--lang", "en", "diff", default_plan(), changed});
  CHECK(en.out.find("row “オンライン申請件数”") != std::string::npos);
}

TEST_CASE("plandeck diff reports a moved slide as a move", "[cli][diff]") {
  std::string text = read_file(default_plan());
  auto results = text.find("          - id: p1-results");
  auto details = text.find("          - id: p1-details");
  auto next = text.find("      # ---- Ⅱ-2");
  REQUIRE(results < details);
  REQUIRE(details < next);
  std::string moved = text.substr(0, results) + text.substr(details, next - details) +
                      text.substr(results, details - results) + text.substr(next);
  std::string dir = scratch_dir("cli-diff-move");
  write_file(dir + "/moved.yaml", moved);
  auto r = run_process({plandeck_bin(), "diff", default_plan(), dir + "/moved.yaml"});
  INFO(r.out);
  CHECK(r.exit_code == 4);
  CHECK(count(r.out, "移動: スライド") == 1);
  CHECK(r.out.find("削除") == std::string::npos);
  CHECK(r.out.find("追加") == std::string::npos);
}

TEST_CASE("plandeck diff of an invalid plan exits 1, not 4", "[cli][diff]") {
  auto r = run_process({plandeck_bin(), "diff", default_plan(), "no-such-plan.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no-such-plan.yaml") != std::string::npos);
}

TEST_CASE("check --summary counts the rows per 達成区分", "[cli][figures]") {
  auto r = run_process({plandeck_bin(), "check", "--summary", default_plan()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  // Independently of the model: the rows whose status text starts with 達成 (not 概ね達成).
  std::string text = read_file(default_plan());
  std::size_t achieved = count(text, "status: 達成") + count(text, "status: \"達成");
  CHECK(achieved == 11);
  CHECK(r.out.find("\n  達成         " + std::to_string(achieved) + "\n") != std::string::npos);
  CHECK(r.out.find("\n  概ね達成      1\n") != std::string::npos);
  CHECK(r.out.find("達成区分（全 22 行）") != std::string::npos);
}

TEST_CASE("scaled, signed and prefixed quantities are printed as written in the deck and the workbook",
          "[cli][figures]") {
  std::string dir = scratch_dir("cli-quantities");
  std::string plan = source_dir() + "/tests/fixtures/plans/ok/quantities.yaml";
  auto build = run_process({plandeck_bin(), "build", "--werror", plan, "-o", dir});
  INFO(build.err);
  REQUIRE(build.exit_code == 0);

  // The deck, read by poppler's pdftotext; spaces and line breaks dropped (cells wrap).
  auto text = run_process({"/usr/bin/pdftotext", dir + "/quantities.pdf", "-"});
  REQUIRE(text.exit_code == 0);
  std::string squeezed;
  for (char c : text.out) {
    if (c != ' ' && c != '\n') squeezed += c;
  }
  for (const char* written : {"約41.6万人", "約52.0万人", "年間約11.3万件", "年間約19.6万件", "＋73%", "平均45.0分",
                              "平均43.6分", "△3%", "＋15市町"}) {
    CHECK(squeezed.find(written) != std::string::npos);
  }

  // The workbook, read by openpyxl: scaled quantities are their printed text; signs as
  // written are in the number format of a real number.
  auto xlsx = run_process({"/usr/bin/python3", "-c",
                           "import openpyxl,sys\n"
                           "for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:\n"
                           "  for row in ws.iter_rows():\n"
                           "    for c in row:\n"
                           "      if c.value is not None: print(repr(c.value), c.number_format, sep='\\t')\n",
                           dir + "/quantities.xlsx"});
  INFO(xlsx.err);
  REQUIRE(xlsx.exit_code == 0);
  CHECK(xlsx.out.find("'約41.6万人'\tGeneral\n") != std::string::npos);
  CHECK(xlsx.out.find("'年間約19.6万件'\tGeneral\n") != std::string::npos);
  CHECK(xlsx.out.find("-0.03\t0%;\"△\"0%\n") != std::string::npos);
  CHECK(xlsx.out.find("15\t\"＋\"#,##0\"市町\";\"▲\"#,##0\"市町\"\n") != std::string::npos);
  CHECK(xlsx.out.find("45\t\"平均\"#,##0.0\"分\"") != std::string::npos);
}

TEST_CASE("werror leaves notes as notes: they never change the exit code", "[cli][figures]") {
  // A layout whose body may not shrink: the default plan's dense slides get notes.
  std::string dir = scratch_dir("cli-werror-notes");
  std::string layout = dir + "/layout.yaml";
  write_file(layout, replaced(read_file(source_dir() + "/layouts/default.yaml"), "body: {max: 16, min: 8, deck_min: 11, flow_below: 10}",
                              "body: {max: 16, min: 8, deck_min: 16, flow_below: 10}"));
  auto r = run_process({plandeck_bin(), "check", "--werror", "--layout", layout, default_plan()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(": note: ") != std::string::npos);
  CHECK(r.err.find(": error: ") == std::string::npos);
}
