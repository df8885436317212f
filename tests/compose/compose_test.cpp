// compose: structure, pagination, the 目次, fitting errors, coverage errors and geometry.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "diag/source_map.hpp"
#include "helpers.hpp"
#include "input/plan_loader.hpp"

using namespace plandeck;
using testing::item;
using testing::rt;

namespace {

struct Composed {
  compose::Deck deck;
  diag::Diagnostics diags;
};

Composed run(const model::Plan& plan, const spec::Layout& layout = {},
             const diag::SourceMap* sources = nullptr) {
  Composed c;
  c.deck = compose::compose(plan, layout, testing::default_fonts().measurer(), c.diags, sources);
  return c;
}

std::string messages(const diag::Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items()) s += x.message.en + "\n";
  return s;
}

model::Slide results_slide(std::vector<model::Panel> panels) {
  model::ResultsSlide r;
  r.direction_label = rt("取組の方向性", 10);
  r.direction = rt("県民等が必要な手続等を、いつでもどこでも簡単に実施できる環境を構築する。", 11);
  r.summary = rt("➤ 主要行政手続のオンライン化", 12);
  r.results_label = rt("取組結果（R3～R5）", 13);
  r.results.push_back(item("申請件数の多い手続のほとんどがオンラインで申請可能な状態となった。", 14));
  r.panels = std::move(panels);
  model::Slide s;
  s.id = "p1-results";
  s.label = rt("取組結果", 9);
  s.body = r;
  return s;
}

model::Panel panel(const std::string& title, std::vector<model::Item> items, int line) {
  model::Panel p;
  p.title = rt(title, line);
  p.items = std::move(items);
  p.effects_label = rt("【効果】", line + 50);
  p.effects.push_back(item("手続等における利便性向上", line + 51));
  return p;
}

model::TableRow row(const std::string& content, int line) {
  model::TableRow r;
  r.content.text = rt(content, line);
  r.target.text = rt("-", line);
  r.baseline.text = rt("81手続", line);
  r.result.text = rt("350手続", line);
  r.status.text = rt("約4.3倍", line);
  r.loc = diag::SourceLoc{"mem.yaml", line, 7};
  return r;
}

model::DetailTable table(std::vector<model::TableGroup> groups) {
  return testing::detail_table("簡単手続に関する実績", std::move(groups));
}

model::TableGroup group(const std::string& name, std::size_t rows, int line, bool new_page = false) {
  model::TableGroup g;
  g.item = rt(name, line);
  g.new_page = new_page;
  for (std::size_t i = 0; i < rows; ++i) g.rows.push_back(row("オンライン申請可能な手続数 " + std::to_string(i + 1), line + 1 + static_cast<int>(i)));
  return g;
}

model::Slide details_slide(model::DetailTable t) { return testing::details_slide(std::move(t), "p1-details"); }

void require_clean_geometry(const compose::Deck& deck) {
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    std::vector<std::string> problems = testing::geometry_problems(deck, p);
    INFO((problems.empty() ? std::string() : problems.front()));
    CHECK(problems.empty());
  }
}

// The page number printed in the footer of `page` (the last all-digit run).
std::string footer_number(const compose::Page& page) {
  std::string n;
  for (const auto& r : testing::runs(page)) {
    if (r.y > 560 && !r.text.empty() && std::all_of(r.text.begin(), r.text.end(), ::isdigit)) n = r.text;
  }
  return n;
}

}  // namespace

TEST_CASE("the default plan: page count, 目次 numbers and links, outline, geometry") {
  diag::SourceMap sources;
  diag::Diagnostics load;
  auto plan = input::load_plan(PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml", sources, load);
  REQUIRE(plan);
  Composed c = run(*plan, {}, &sources);
  INFO(messages(c.diags));
  REQUIRE(c.diags.empty());
  const compose::Deck& deck = c.deck;
  CHECK(deck.pages.size() >= 17);
  CHECK(deck.info.author == "総務局デジタル県庁推進担当");
  CHECK(deck.info.title == plan->document.title.plain());

  // 目次 (page 1): every entry is a link whose printed number is the target's page number.
  const compose::Page& toc = deck.pages[1];
  REQUIRE(toc.links.size() == 2 + 7);
  std::map<std::size_t, std::string> numbers;  // target -> number printed in the entry
  for (const compose::Link& link : toc.links) {
    REQUIRE(link.target_page < deck.pages.size());
    std::string printed;
    for (const auto& r : testing::runs(toc)) {
      bool digits = !r.text.empty() && std::all_of(r.text.begin(), r.text.end(), ::isdigit);
      if (digits && r.y > link.y && r.y < link.y + link.h + 1 && r.x + r.width > link.x + link.w - 1) printed = r.text;
    }
    CHECK(printed == footer_number(deck.pages[link.target_page]));
    numbers[link.target_page] = printed;
  }
  // The original deck's 目次 numbers: 2, 3, 4, 5, 8, 11, 14, 17.
  std::vector<std::string> expected = {"2", "3", "4", "5", "8", "11", "14", "17"};
  std::vector<std::string> got;
  for (const auto& [target, n] : numbers) got.push_back(n);
  CHECK(got == expected);
  // Ⅱ-1 points at its 取組結果 slide.
  CHECK(testing::title_text(deck.pages[5]).find("Ⅱ-1") != std::string::npos);

  // Outline: 目次 + every section, chapter and slide.
  REQUIRE(deck.outline.size() == 1 + plan->sections.size());
  std::size_t chapters = 0, slides = 0, outline_chapters = 0, outline_slides = 0;
  for (const auto& s : plan->sections) {
    chapters += s.chapters.size();
    slides += s.slides.size();
    for (const auto& ch : s.chapters) slides += ch.slides.size();
  }
  for (std::size_t i = 1; i < deck.outline.size(); ++i) {
    for (const auto& child : deck.outline[i].children) {
      CHECK(child.page < deck.pages.size());
      if (child.children.empty()) {
        ++outline_slides;  // a slide of the section itself
      } else {
        ++outline_chapters;
        outline_slides += child.children.size();
      }
    }
  }
  CHECK(outline_chapters == chapters);
  CHECK(outline_slides == slides);

  // Every run names a font of the deck; geometry is clean on every page.
  for (const auto& page : deck.pages) {
    for (const auto& r : testing::runs(page)) CHECK(r.font < deck.fonts.size());
  }
  require_clean_geometry(deck);
}

TEST_CASE("composing is deterministic") {
  model::Plan plan = testing::one_chapter({results_slide({panel("主要行政手続のオンライン化等", {item("申請書等の押印の廃止", 20)}, 20)})});
  Composed a = run(plan), b = run(plan);
  REQUIRE(a.deck.pages.size() == b.deck.pages.size());
  for (std::size_t p = 0; p < a.deck.pages.size(); ++p) {
    REQUIRE(a.deck.pages[p].shapes.size() == b.deck.pages[p].shapes.size());
    CHECK(testing::page_text(a.deck.pages[p]) == testing::page_text(b.deck.pages[p]));
  }
}

TEST_CASE("a small plan: cover, 目次, divider, title bar with number and label") {
  model::Plan plan = testing::one_chapter({results_slide({panel("主要行政手続のオンライン化等", {item("申請書等の押印の廃止", 20)}, 20),
                                                          panel("オンライン申請サポートの充実", {item("AIチャットボットを導入", 21)}, 21)})});
  Composed c = run(plan);
  INFO(messages(c.diags));
  REQUIRE(c.diags.empty());
  REQUIRE(c.deck.pages.size() == 4);  // cover, 目次, divider Ⅰ, the results slide
  CHECK(testing::page_text(c.deck.pages[2]).find("取組結果") != std::string::npos);
  CHECK(testing::title_text(c.deck.pages[3]) == "Ⅰ-1 【プロジェクト1】いつでもどこでも簡単手続（取組結果）");
  CHECK(c.deck.pages[1].links.size() == 2);
  CHECK(c.deck.pages[1].links[1].target_page == 3);
  CHECK(footer_number(c.deck.pages[3]) == "3");
  require_clean_geometry(c.deck);
}

TEST_CASE("runs are split by font: ➤ comes from the fallback font") {
  model::Plan plan = testing::one_chapter({results_slide({})});
  Composed c = run(plan);
  REQUIRE(c.diags.empty());
  bool found = false;
  for (const auto& r : testing::runs(c.deck.pages[3])) {
    if (r.text == "➤") {
      found = true;
      CHECK(c.deck.fonts[r.font].path.find("DejaVu") != std::string::npos);
    } else {
      CHECK(r.text.find("➤") == std::string::npos);
    }
  }
  CHECK(found);
}

TEST_CASE("a bullet too long for its panel is an error naming slide, box and line") {
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "デジタルデバイド対策として講習会を開催し、";
  model::Plan plan = testing::one_chapter({results_slide({panel("主要行政手続のオンライン化等", {item("押印の廃止", 20)}, 20),
                                                          panel("オンライン申請サポートの充実", {item(long_text, 42)}, 40)})});
  Composed c = run(plan);
  REQUIRE(c.diags.error_count() == 1);
  const diag::Diagnostic& d = c.diags.items().front();
  CHECK(d.message.en.find("Ⅰ-1 【プロジェクト1】いつでもどこでも簡単手続（取組結果） (id: p1-results)") != std::string::npos);
  CHECK(d.message.en.find("panel[2].items") != std::string::npos);
  CHECK(d.message.en.find("pt too tall at the minimum size 8 pt") != std::string::npos);
  CHECK(d.loc.line == 42);
  // Drawn at the minimum size with the panel grown (past the foot of the page) rather than
  // clipped or overlapping; the error stops the PDF from being written.
  for (const std::string& problem : testing::geometry_problems(c.deck, 3)) {
    CHECK(problem.find("outside the page") != std::string::npos);
  }
}

TEST_CASE("a character no font has is an error naming it, at its exact place") {
  model::Plan plan = testing::one_chapter({results_slide({panel("タイ語 ก を含む", {item("押印の廃止", 20)}, 20)})});
  SECTION("without sources: the scalar's location") {
    Composed c = run(plan);
    REQUIRE(c.diags.error_count() == 1);
    CHECK(c.diags.items()[0].message.en.find("U+0E01 'ก'") != std::string::npos);
    CHECK(c.diags.items()[0].loc.line == 20);
    CHECK(c.diags.items()[0].loc.col == 1);
  }
  SECTION("with sources: the character's own line and column") {
    diag::SourceMap sources;
    std::string text;
    for (int i = 1; i < 20; ++i) text += "# line\n";
    text += "title: タイ語 ก を含む\n";
    sources.add("mem.yaml", text);
    Composed c = run(plan, {}, &sources);
    REQUIRE(c.diags.error_count() == 1);
    CHECK(c.diags.items()[0].loc.line == 20);
    CHECK(c.diags.items()[0].loc.col == 12);
  }
}

TEST_CASE("a table too tall for one slide continues with the header and 項目 repeated") {
  model::Plan plan = testing::one_chapter({details_slide(table({group("行政手続のオンライン化等", 3, 50),
                                                                group("オンライン申請サポートの充実", 40, 60)}))});
  Composed c = run(plan);
  INFO(messages(c.diags));
  REQUIRE(c.diags.empty());
  const auto& pages = c.deck.pages;
  REQUIRE(pages.size() >= 5);  // cover, 目次, divider, two or more table slides
  const std::string first = testing::title_text(pages[3]);
  CHECK(first == "Ⅰ-1 【プロジェクト1】いつでもどこでも簡単手続（結果詳細）");
  for (std::size_t p = 4; p < pages.size(); ++p) {
    CHECK(testing::title_text(pages[p]) == first + "（続き）");
    const std::string text = testing::page_text(pages[p]);
    CHECK(text.find("項目") != std::string::npos);                      // header repeated
    CHECK(text.find("令和5年度末の状況") != std::string::npos);
    CHECK(text.find("オンライン申請サポートの充実") != std::string::npos);  // spanning 項目 repeated
  }
  // The 目次 entry points at the first table slide.
  CHECK(pages[1].links.back().target_page == 3);
  require_clean_geometry(c.deck);
}

TEST_CASE("new_page starts a new slide without （続き）") {
  model::Plan plan = testing::one_chapter({details_slide(table({group("行政手続のオンライン化等", 2, 50),
                                                                group("キャッシュレス決済の推進等", 2, 60, true)}))});
  Composed c = run(plan);
  REQUIRE(c.diags.empty());
  REQUIRE(c.deck.pages.size() == 5);
  CHECK(testing::title_text(c.deck.pages[4]) == testing::title_text(c.deck.pages[3]));
  CHECK(testing::page_text(c.deck.pages[3]).find("キャッシュレス") == std::string::npos);
  CHECK(testing::page_text(c.deck.pages[4]).find("キャッシュレス") != std::string::npos);
}

TEST_CASE("a table row taller than a slide even at the minimum size is an error") {
  std::string huge;
  for (int i = 0; i < 400; ++i) huge += "削減効果約49,250時間、";  // too tall even in the widest column
  model::DetailTable t = table({group("デジタル技術を活用した業務改善", 1, 70), group("オフィス環境のデジタル化", 2, 80)});
  t.groups[1].rows[1].result.text = rt(huge, 83);
  model::Plan plan = testing::one_chapter({details_slide(t)});
  Composed c = run(plan);
  REQUIRE(c.diags.error_count() >= 1);
  const diag::Diagnostic& d = c.diags.items().front();
  CHECK(d.message.en.find("table.groups[2].rows[2]") != std::string::npos);
  CHECK(d.message.en.find("(id: p1-details)") != std::string::npos);
  CHECK(d.loc.line == 82);
}
