// Tests of figures/: reading figures in cell texts, and the arithmetic checks of tables.
//
// The fixtures in tests/fixtures/plans/arithmetic/ state in their leading comment what the
// check must say ("# expect: 29:31: warning: …", or "# expect: nothing").
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>

#include "diag/source_map.hpp"
#include "figures/arithmetic.hpp"
#include "figures/format.hpp"
#include "figures/scan.hpp"
#include "input/plan_loader.hpp"

namespace fs = std::filesystem;
using namespace plandeck;
using figures::FigureKind;

namespace {

const fs::path kSource = fs::path(PLANDECK_SOURCE_DIR);
const fs::path kPlans = kSource / "tests" / "fixtures" / "plans";

struct Checked {
  bool loaded = false;
  diag::Diagnostics diags;
};

Checked check_file(const fs::path& p) {
  Checked c;
  diag::SourceMap sources;
  auto plan = input::load_plan(p.string(), sources, c.diags);
  c.loaded = plan.has_value();
  if (plan) figures::check_arithmetic(*plan, c.diags, &sources);
  return c;
}

std::string brief(const diag::Diagnostic& d) {
  std::string s = std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": ";
  s += d.severity == diag::Severity::Error ? "error: " : "warning: ";
  return s + d.message.ja;
}

model::Cell text_cell(const std::string& s) {
  model::Cell c;
  c.text.runs = {model::Run{s, false}};
  return c;
}

model::Cell quantity_cell(const std::string& number, const std::string& prefix, const std::string& unit) {
  model::Cell c;
  model::Quantity q;
  REQUIRE(q.set_number(number));
  q.prefix = prefix;
  q.unit = unit;
  c.text.runs = {model::Run{q.format(), false}};
  c.quantity = q;
  return c;
}

model::TableRow row(model::Cell baseline, model::Cell result, model::Cell status) {
  model::TableRow r;
  r.content = text_cell("内容");
  r.target = text_cell("-");
  r.baseline = std::move(baseline);
  r.result = std::move(result);
  r.status = std::move(status);
  return r;
}

}  // namespace

TEST_CASE("a figure written in a text is read with its 約, scale and unit", "[figures]") {
  auto figs = figures::scan("内部資料\n約1,552万枚");
  REQUIRE(figs.size() == 1);
  CHECK(figs[0].kind == FigureKind::Amount);
  CHECK(figs[0].written == 1552);
  CHECK(figs[0].scale == 10000);
  CHECK(figs[0].approx);
  CHECK(figs[0].unit == "枚");
  CHECK(figs[0].text == "約1,552万枚");
  CHECK(figs[0].value() == 15520000);
  CHECK(figs[0].half_step() == 5000);
}

TEST_CASE("year labels, ratios, changes and differences are told apart", "[figures]") {
  auto figs = figures::scan("内部資料 (R5)\n約68万枚 (▲96%)");
  REQUIRE(figs.size() == 3);
  CHECK(figs[0].kind == FigureKind::Label);
  CHECK(figs[0].text == "R5");
  CHECK(figs[1].kind == FigureKind::Amount);
  CHECK(figs[2].kind == FigureKind::Change);
  CHECK(figs[2].value() == -96);

  auto ratio = figures::scan("期間前の3年間の約2.6倍");
  REQUIRE(ratio.size() == 2);
  CHECK(ratio[1].kind == FigureKind::Ratio);
  CHECK(ratio[1].decimals == 1);

  auto diff = figures::scan("達成\n（+15市町）");
  REQUIRE(diff.size() == 1);
  CHECK(diff[0].kind == FigureKind::Difference);
  CHECK(diff[0].unit == "市町");

  CHECK(figures::scan("△12件")[0].value() == -12);
  CHECK(figures::scan("＋18.5ポイント")[0].kind == FigureKind::Difference);
  CHECK(figures::scan("96%減")[0].value() == -96);
  CHECK(figures::scan("約2倍近く")[0].kind == FigureKind::Label);  // vaguer than a ratio: not checked
  CHECK(figures::scan("R 3年度：565人")[0].kind == FigureKind::Label);
}

TEST_CASE("a cell with one amount names it, fractions and several amounts name none", "[figures]") {
  CHECK(figures::single_amount(text_cell("6システム\n（+今後、防災システムを共同運用予定）"))->written == 6);
  CHECK_FALSE(figures::single_amount(text_cell("103/107手続\n(県システムを活用する手続完了)")));
  CHECK_FALSE(figures::single_amount(text_cell("R3年度：11件\nR4年度：12件")));
  CHECK_FALSE(figures::single_amount(text_cell("-")));
  CHECK(figures::single_amount(text_cell("約12,000回開催"))->unit == "回開催");
  CHECK(figures::same_unit("回", "回開催"));
  CHECK_FALSE(figures::same_unit("件", "人"));
}

TEST_CASE("a wrong ratio is reported with the computed value", "[figures]") {
  auto r = row(quantity_cell("81", "", "手続"), quantity_cell("350", "", "手続"), quantity_cell("5.3", "約", "倍"));
  auto found = figures::check_row(r);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message().ja == "81手続→350手続は約4.3倍です（記載: 約5.3倍）");
  CHECK(found[0].message().en == "81手続 → 350手続 is 約4.3倍 (written: 約5.3倍)");
  CHECK(found[0].hint().ja == "計算: 350 ÷ 81 = 4.321");
  CHECK(found[0].cell == &r.status);

  r.status = quantity_cell("4.3", "約", "倍");
  CHECK(figures::check_row(r).empty());
}

TEST_CASE("約 allows one step of the last digit, without 約 the figure must round", "[figures]") {
  // 81 → 353: 4.358…, which rounds to 4.4.
  auto base = quantity_cell("81", "", "手続");
  auto result = quantity_cell("353", "", "手続");
  CHECK(figures::check_row(row(base, result, quantity_cell("4.3", "約", "倍"))).empty());
  CHECK(figures::check_row(row(base, result, quantity_cell("4.4", "", "倍"))).empty());
  CHECK(figures::check_row(row(base, result, quantity_cell("4.3", "", "倍"))).size() == 1);
  CHECK(figures::check_row(row(base, result, quantity_cell("4.2", "約", "倍"))).size() == 1);
  // Fewer decimals, wider tolerance: 約4倍.
  CHECK(figures::check_row(row(base, result, quantity_cell("4", "約", "倍"))).empty());
}

TEST_CASE("rows without two amounts of one unit are not checked", "[figures]") {
  // 13,700時間 → several figures (the AI/RPA row of the default plan): no check.
  CHECK(figures::check_row(row(text_cell("削減効果（H30～）\n約13,700時間"),
                               text_cell("R3年度：11件\nR4年度：12件\n約49,250時間"),
                               text_cell("達成\n（期間前の3年間の約2.6倍）")))
            .empty());
  // Different units.
  CHECK(figures::check_row(row(quantity_cell("5", "", "件"), quantity_cell("14", "", "施設"),
                               quantity_cell("9.9", "約", "倍")))
            .empty());
  // A zero baseline has no ratio.
  CHECK(figures::check_row(row(quantity_cell("0", "", "件"), quantity_cell("14", "", "件"),
                               quantity_cell("2", "", "倍")))
            .empty());
}

TEST_CASE("percentages: a change in % of a % row may mean points", "[figures]") {
  auto base = quantity_cell("79", "", "%");
  auto result = quantity_cell("85", "", "%");
  CHECK(figures::check_row(row(base, result, text_cell("＋6%"))).empty());        // points
  CHECK(figures::check_row(row(base, result, text_cell("＋8%"))).empty());        // relative (7.6%)
  CHECK(figures::check_row(row(base, result, text_cell("＋6ポイント"))).empty());
  CHECK(figures::check_row(row(base, result, text_cell("＋7ポイント"))).size() == 1);
}

TEST_CASE("the default plan, its examples and a second correct plan raise no alarm", "[figures]") {
  for (fs::path p : {kSource / "data" / "hiroshima-dx-r3-r5.yaml", kPlans / "ok" / "figures.yaml",
                     kPlans / "ok" / "minimal.yaml", kPlans / "ok" / "features.yaml",
                     kPlans / "ok" / "quantities.yaml"}) {
    INFO(p);
    Checked c = check_file(p);
    REQUIRE(c.loaded);
    std::string all;
    for (const auto& d : c.diags.items()) all += brief(d) + "\n";
    INFO(all);
    CHECK(c.diags.empty());
  }
}

TEST_CASE("every arithmetic fixture says what its comment expects", "[figures]") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kPlans / "arithmetic")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line, expected;
    while (std::getline(in, line) && line.rfind("#", 0) == 0) {
      if (line.rfind("# expect: ", 0) == 0) expected = line.substr(10);
    }
    INFO(entry.path());
    REQUIRE(!expected.empty());
    Checked c = check_file(entry.path());
    REQUIRE(c.loaded);
    if (expected == "nothing") {
      CHECK(c.diags.empty());
    } else {
      REQUIRE(c.diags.items().size() == 1);
      CHECK(brief(c.diags.items()[0]) == expected);
    }
  }
  CHECK(files == 6);  // a passing and a failing fixture for 万-scaled, percent and difference
}

TEST_CASE("numbers are written with separators and without locale", "[figures]") {
  CHECK(figures::format_number(1234567.891, 2) == "1,234,567.89");
  CHECK(figures::format_number(-95.62, 1) == "−95.6");
  CHECK(figures::format_number(0, 0) == "0");
}

TEST_CASE("a quantity's scale and written sign are read as the figure it states", "[figures]") {
  model::Quantity q;
  REQUIRE(q.set_number("41.6"));
  q.prefix = "約";
  q.scale = "万";
  q.unit = "人";
  figures::Figure f = figures::from_quantity(q);
  CHECK(f.kind == FigureKind::Amount);
  CHECK(f.value() == Approx(416000));
  CHECK(f.approx);
  CHECK(f.text == "約41.6万人");

  model::Quantity plus;
  REQUIRE(plus.set_number("15"));
  plus.sign = "＋";
  plus.unit = "市町";
  CHECK(figures::from_quantity(plus).kind == FigureKind::Difference);

  model::Quantity triangle;
  REQUIRE(triangle.set_number("-3"));
  triangle.sign = "△";
  triangle.unit = "%";
  figures::Figure t = figures::from_quantity(triangle);
  CHECK(t.kind == FigureKind::Change);
  CHECK(t.sign_text == "△");
}

TEST_CASE("a statement about the result and the target is not an alarm", "[figures]") {
  auto r = row(quantity_cell("5", "", "施設"), quantity_cell("16", "", "施設"), text_cell("達成\n（+2施設）"));
  CHECK(figures::check_row(r).size() == 1);  // 5 → 16 is +11
  r.target = text_cell("【目標】\n14施設");
  CHECK(figures::check_row(r).empty());  // 14 → 16 is +2
  r.status = text_cell("達成\n（+3施設）");
  CHECK(figures::check_row(r).size() == 1);  // neither
}

TEST_CASE("every figure found is the text at its offset, in order, on any mix of characters", "[figures]") {
  auto consistent = [](const std::string& text) {
    std::size_t end = 0;
    for (const auto& f : figures::scan(text)) {
      if (f.offset < end || text.compare(f.offset, f.text.size(), f.text) != 0) return false;
      end = f.offset + f.text.size();
    }
    return true;
  };
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan((kSource / "data" / "hiroshima-dx-r3-r5.yaml").string(), sources, diags);
  REQUIRE(plan);
  for (const model::RichText* t : model::all_texts(*plan)) CHECK(consistent(t->plain()));

  // Random strings over the characters the scanner treats specially (fixed seed).
  const std::vector<std::string> alphabet = {"0", "7", "０", ",", ".", "．", "約", "▲", "△", "＋", "+", "−",
                                             "万", "億", "%", "％", "減", "倍", "R", " ", "/", "件", "の", "（", "\n"};
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(0, 24);
  int bad = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
    if (!consistent(text)) ++bad;
  }
  CHECK(bad == 0);
}
