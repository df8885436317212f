// The lint checks on their own: which texts warn, where, and which must not.
#include <catch2/catch.hpp>

#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "lint/lint.hpp"

using namespace plandeck;

namespace {

struct Linted {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  std::vector<std::string> warnings;  // "line:col code"
};

const char* kHead =
    "plandeck: 1\n"
    "document:\n"
    "  title: 取組\n"
    "  organisation: 総務局\n"
    "sections:\n";

Linted lint_plan(const std::string& sections, const spec::Layout& layout = {}) {
  Linted l;
  auto plan = input::load_plan_text("plan.yaml", std::string(kHead) + sections, l.sources, l.diags);
  INFO(diag::format_all(l.diags, diag::Lang::Ja, &l.sources));
  REQUIRE(plan.has_value());
  lint::check(*plan, layout, l.diags, &l.sources);
  for (const auto& d : l.diags.items()) {
    CHECK(d.severity == diag::Severity::Warning);
    l.warnings.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + diag::code_of(d));
  }
  return l;
}

std::string overview_items(const std::string& items) {
  return "  - title: 節\n"
         "    slides:\n"
         "      - kind: overview\n"
         "        blocks:\n"
         "          - heading: 見出し\n"
         "            items:\n" +
         items;
}

}  // namespace

TEST_CASE("a typed bullet warns at the bullet, whichever the layout draws", "[lint]") {
  Linted l = lint_plan(overview_items("              - ・電子申請\n"
                                      "              - \"● 電子納付\"\n"
                                      "              - 電子契約\n"));
  CHECK(l.warnings == std::vector<std::string>{"12:17 lint-typed-bullet", "13:18 lint-typed-bullet"});
  CHECK(l.diags.items()[0].message.ja.find("「・ ・」") != std::string::npos);
  CHECK(l.diags.items()[1].message.ja.find("「・ ●」") != std::string::npos);
}

TEST_CASE("no bullet warning where the layout draws none", "[lint]") {
  Linted none = lint_plan(overview_items("              - text: ・自分で付けた記号\n"
                                         "                marker: \"\"\n"));
  CHECK(none.warnings.empty());
  spec::Layout bare;
  bare.text.markers.clear();
  Linted plain = lint_plan(overview_items("              - ・記号\n"), bare);
  CHECK(plain.warnings.empty());
}

TEST_CASE("the layout's own marker for the depth is the one compared", "[lint]") {
  spec::Layout layout;
  layout.text.markers = {"◆", "・"};
  Linted l = lint_plan(overview_items("              - text: ◆ 上位\n"
                                      "                items:\n"
                                      "                  - ・下位\n"),
                       layout);
  REQUIRE(l.warnings.size() == 2);
  CHECK(l.diags.items()[0].message.ja.find("「◆ ◆」") != std::string::npos);
  CHECK(l.diags.items()[1].message.ja.find("「・ ・」") != std::string::npos);
}

TEST_CASE("a dash or an asterisk is a bullet only when a space follows", "[lint]") {
  Linted l = lint_plan(overview_items("              - \"-96%の削減\"\n"
                                      "              - \"\\\\*注記\"\n"
                                      "              - \"- 削減\"\n"));
  CHECK(l.warnings == std::vector<std::string>{"14:18 lint-typed-bullet"});
}

TEST_CASE("a typed section or chapter number warns, a title starting with a count does not", "[lint]") {
  Linted l = lint_plan("  - title: 第1節\n"
                       "    chapters:\n"
                       "      - title: 3つのプロジェクト\n"
                       "        slides: [{kind: overview, blocks: [{heading: 見出し}]}]\n"
                       "      - title: 1-2　手続\n"
                       "        slides: [{kind: overview, blocks: [{heading: 見出し}]}]\n"
                       "      - title: ⅠＩ 全角ではない\n"
                       "        slides: [{kind: overview, blocks: [{heading: 見出し}]}]\n");
  CHECK(l.warnings == std::vector<std::string>{"10:16 lint-typed-number"});
}

TEST_CASE("HTML tags warn, comparisons and angle-bracketed words do not", "[lint]") {
  Linted l = lint_plan(overview_items("              - 5<10 かつ 10>5\n"
                                      "              - <重要> の印\n"
                                      "              - 改行<br/>あり\n"
                                      "              - </div>\n"));
  CHECK(l.warnings == std::vector<std::string>{"14:19 lint-html-tag", "15:17 lint-html-tag"});
}

TEST_CASE("a ➤ typed in a summary does not warn: the layout hangs it there", "[lint]") {
  Linted l = lint_plan("  - title: 節\n"
                       "    slides:\n"
                       "      - kind: results\n"
                       "        direction_label: 方向性\n"
                       "        direction: 手続\n"
                       "        summary: ➤ 行かない窓口\n"
                       "        results_label: 結果\n");
  CHECK(l.warnings.empty());
}

TEST_CASE("short and one-character texts are linted without reading past their end", "[lint]") {
  // A two-byte item once made the check for a three-byte bullet read past the text's end.
  Linted l = lint_plan(overview_items("              - ok\n"
                                      "              - a\n"
                                      "              - \"-\"\n"
                                      "              - \"・\"\n"
                                      "              - \"<\"\n"
                                      "              - Ⅰ\n"
                                      "              - \"2.\"\n"));
  CHECK(l.warnings == std::vector<std::string>{"15:18 lint-typed-bullet"});
}
