// Tests of diff/: two plans compared in their own terms.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "diag/source_map.hpp"
#include "diff/diff.hpp"
#include "diff/report.hpp"
#include "input/plan_loader.hpp"

namespace fs = std::filesystem;
using namespace plandeck;
using diff::ChangeKind;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kDefault = read(fs::path(PLANDECK_SOURCE_DIR) / "data" / "hiroshima-dx-r3-r5.yaml");

model::Plan load(const std::string& name, const std::string& text) {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan_text(name, text, sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(plan);
  return std::move(*plan);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

// Moves the lines [from, to) of `s` (each given by a unique text it starts with) to
// before the line starting with `before`.
std::string move_block(const std::string& s, const std::string& from, const std::string& to,
                       const std::string& before) {
  auto a = s.find(from), b = s.find(to), c = s.find(before);
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  REQUIRE(c < a);
  std::string block = s.substr(a, b - a);
  return s.substr(0, c) + block + s.substr(c, a - c) + s.substr(b);
}

std::vector<diff::Change> compare(const std::string& a, const std::string& b) {
  return diff::compare(load("old.yaml", a), load("new.yaml", b));
}

}  // namespace

TEST_CASE("a plan says the same as itself", "[diff]") {
  CHECK(compare(kDefault, kDefault).empty());
  CHECK(diff::format_text({}, "a.yaml", "b.yaml", diag::Lang::Ja) == "a.yaml と b.yaml の内容は同じです\n");
}

TEST_CASE("numbers are compared as numbers", "[diff]") {
  CHECK(diff::same_text("113,600件", "113600件"));
  std::vector<diff::FigureChange> figs;
  CHECK_FALSE(diff::same_text("約113,600件（R5）", "約113,700件（R5）", &figs));
  REQUIRE(figs.size() == 1);
  CHECK(figs[0].old_text == "約113,600件");
  CHECK(figs[0].new_text == "約113,700件");
  figs.clear();
  CHECK_FALSE(diff::same_text("達成", "概ね達成", &figs));
  CHECK(figs.empty());
  // A quantity and the same figure written as text say the same.
  std::string as_text = replace(kDefault, "baseline: {number: 113600, unit: 件}", "baseline: 113,600件");
  CHECK(compare(kDefault, as_text).empty());
}

TEST_CASE("a changed figure names its slide, row and column, old → new, with both lines", "[diff]") {
  std::string changed = replace(kDefault, "{number: 113600, unit: 件}", "{number: 113700, unit: 件}");
  auto changes = compare(kDefault, changed);
  REQUIRE(changes.size() == 1);
  const auto& c = changes[0];
  CHECK(c.kind == ChangeKind::Changed);
  REQUIRE(c.figures.size() == 1);
  CHECK(c.figures[0].old_text == "113,600件");
  CHECK(c.figures[0].new_text == "113,700件");
  CHECK(c.old_loc.line == 235);
  CHECK(c.new_loc.line == 235);
  std::string where = diff::describe(c.path, diag::Lang::Ja);
  CHECK(where == "スライド「Ⅱ-1 結果詳細」 › 表「簡単手続に関する実績」 › 行「オンライン申請件数」 › 令和2年度（プラン前）の状況");
  std::string text = diff::format_text(changes, "old.yaml", "new.yaml", diag::Lang::Ja);
  CHECK(text.find("  113,600件 → 113,700件\n") != std::string::npos);
  CHECK(text.find("（旧 old.yaml:235:") != std::string::npos);
  std::string en = diff::format_text(changes, "old.yaml", "new.yaml", diag::Lang::En);
  CHECK(en.find("changed: slide “Ⅱ-1 結果詳細” › table “簡単手続に関する実績” › row “オンライン申請件数”") !=
        std::string::npos);
  std::string json = diff::format_json(changes, "old.yaml", "new.yaml", diag::Lang::Ja);
  CHECK(json.find("\"figures\": [{\"old\": \"113,600件\", \"new\": \"113,700件\"}]") != std::string::npos);
}

TEST_CASE("a moved slide is a move, not a removal and an addition", "[diff]") {
  std::string moved = move_block(kDefault, "          - id: p1-details", "      # ---- Ⅱ-2",
                                 "          - id: p1-results");
  auto changes = compare(kDefault, moved);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == ChangeKind::Moved);
  CHECK(changes[0].old_index != changes[0].new_index);
}

TEST_CASE("a slide moved to another chapter is a move too", "[diff]") {
  // Ⅱ-5's only slide goes to the end of Ⅱ-4.
  std::string text = kDefault;
  auto a = text.find("          - id: sp2-results");
  std::string block = text.substr(a);
  text = text.substr(0, a);
  std::string moved = replace(text, "      # ---- Ⅱ-5", block + "\n      # ---- Ⅱ-5");
  // Ⅱ-5 is left without slides: give it a small one so that the plan stays valid.
  moved += "          - kind: overview\n            blocks:\n              - heading: 見出し\n";
  auto changes = compare(kDefault, moved);
  bool move = false;
  for (const auto& c : changes) {
    if (c.kind == ChangeKind::Moved && c.path.back().type == "slide") move = true;
    CHECK_FALSE((c.kind == ChangeKind::Removed && c.path.back().type == "slide" &&
                 c.path.back().name.ja.find("取組結果等") != std::string::npos));
  }
  CHECK(move);
}

TEST_CASE("rows and bullets: added, removed, moved and reworded", "[diff]") {
  // A bullet reworded in place.
  std::string reworded = replace(kDefault, "- 手数料等の納付に要する負担の軽減", "- 手数料等の納付に要する負担の大幅な軽減");
  auto c1 = compare(kDefault, reworded);
  REQUIRE(c1.size() == 1);
  CHECK(c1[0].kind == ChangeKind::Changed);
  CHECK(c1[0].old_text == "手数料等の納付に要する負担の軽減");

  // A bullet added at the end of a list.
  std::string added = replace(kDefault, "                  - 窓口訪問不要、非接触、おもてなし機能向上\n",
                              "                  - 窓口訪問不要、非接触、おもてなし機能向上\n                  - 新しい効果\n");
  auto c2 = compare(kDefault, added);
  REQUIRE(c2.size() == 1);
  CHECK(c2[0].kind == ChangeKind::Added);
  CHECK(c2[0].path.back().type == "item");
  CHECK(diff::describe(c2[0].path, diag::Lang::Ja) ==
        "スライド「Ⅱ-1 取組結果」 › パネル「キャッシュレス決済の推進等」 › 効果 › 箇条書き「新しい効果」");

  // The other way round, a removal.
  auto c3 = compare(added, kDefault);
  REQUIRE(c3.size() == 1);
  CHECK(c3[0].kind == ChangeKind::Removed);

  // Two rows swapped.
  std::string swapped = move_block(kDefault, "                    - content: オンライン申請件数",
                                   "                - item: オンライン申請サポートの充実",
                                   "                    - content: オンライン申請可能な手続数");
  auto c4 = compare(kDefault, swapped);
  REQUIRE(c4.size() == 1);
  CHECK(c4[0].kind == ChangeKind::Moved);
  CHECK(c4[0].path.back().type == "row");
}

TEST_CASE("a 達成区分 written in the plan is compared too", "[diff]") {
  std::string with = replace(kDefault, "                      status: 新規開始\n",
                             "                      status: 新規開始\n                      verdict: 達成\n");
  auto changes = compare(kDefault, with);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == ChangeKind::Changed);
  CHECK(changes[0].new_text == "達成");
  CHECK(changes[0].path.back().name.ja == "達成区分（verdict）");
}

TEST_CASE("document fields and sections are named from the document down", "[diff]") {
  std::string renamed = replace(kDefault, "organisation: 総務局デジタル県庁推進担当", "organisation: 総務局DX推進課");
  auto changes = compare(kDefault, renamed);
  REQUIRE(changes.size() == 1);
  CHECK(diff::describe(changes[0].path, diag::Lang::Ja) == "文書 › 作成部署");
  CHECK(diff::describe(changes[0].path, diag::Lang::En) == "document › organisation");
}

TEST_CASE("a slide with neither label nor heading is named by its kind in each language", "[diff]") {
  std::string changed = replace(kDefault, "body: 令和3年8月～令和6年3月（令和3年8月策定）", "body: 令和3年8月～令和6年3月");
  auto changes = compare(kDefault, changed);
  REQUIRE(changes.size() == 1);
  const std::string ja = diff::describe(changes[0].path, diag::Lang::Ja);
  const std::string en = diff::describe(changes[0].path, diag::Lang::En);
  INFO(ja << "\n" << en);
  CHECK(ja.find("概要") != std::string::npos);
  CHECK(ja.find("overview") == std::string::npos);  // no YAML key in the Japanese text
  CHECK(en.find("overview") != std::string::npos);
}
