// Slides that flow on: 取組結果, 到達目標 and overview slides too full for one page at the
// layout's minimum size continue on …（続き） pages; the size search is monotonic; the author
// may force a break (new_page); a single item taller than a page is a located error. Every
// deck here is also checked by the layout audit (compose runs it: no diagnostics = passed).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "helpers.hpp"

using namespace plandeck;
using testing::item;
using testing::rt;

namespace {

// The seed's long first result of Ⅱ-1.
const std::string kLong =
    "申請件数の多い手続のほとんどがオンラインでいつでも申請可能な状態となったことに加え、電子納付も開始するなど、"
    "いつでもどこでも手続ができる状態となり、手続における県民負担の軽減につながっている。";

model::Panel panel(int k, int line) {
  model::Panel p;
  p.title = rt("主要行政手続のオンライン化等" + std::to_string(k), line);
  model::Item a = item("申請書等の押印の廃止", line + 1);
  a.items.push_back(item("1,742/1,874手続の押印を廃止", line + 2));
  model::Item b = item("主要行政手続のオンライン化", line + 3);
  b.items.push_back(item("107手続のうち、国のシステムを活用する手続を除く103手続をオンライン化", line + 4));
  p.items = {a, b};
  p.effects_label = rt("【効果】", line + 5);
  p.effects.push_back(item("手続等における利便性向上（オンライン）", line + 6));
  p.loc = rt("", line).loc;
  return p;
}

model::Slide results(std::size_t bullets, std::size_t panels) {
  model::ResultsSlide r;
  r.direction_label = rt("取組の方向性", 10);
  r.direction = rt("県民等が必要な手続等を、時間や場所に関わらず、いつでもどこでも誰でも簡単に実施できる環境を構築する。", 11);
  r.summary = rt("➤ 主要行政手続（年間申請件数200件以上）のオンライン化、電子納付の推進、申請サポート等", 12);
  r.results_label = rt("取組結果（R3～R5）", 13);
  for (std::size_t i = 0; i < bullets; ++i) r.results.push_back(item(kLong, 100 + static_cast<int>(i)));
  for (std::size_t k = 0; k < panels; ++k) r.panels.push_back(panel(static_cast<int>(k) + 1, 200 + 10 * static_cast<int>(k)));
  model::Slide s;
  s.label = rt("取組結果", 9);
  s.body = r;
  s.loc = rt("", 8).loc;
  return s;
}

struct Composed {
  compose::Deck deck;
  diag::Diagnostics diags;
  std::string en() const {
    std::string s;
    for (const auto& d : diags.items()) s += d.message.en + "\n";
    return s;
  }
};

Composed run(const model::Plan& plan, const spec::Layout& layout = {}) {
  Composed c;
  c.deck = compose::compose(plan, layout, testing::default_fonts().measurer(), c.diags);
  return c;
}

// The size of the body text on a page: the most common run size below the title bar.
double body_size(const compose::Page& page) {
  std::map<double, int> count;
  for (const auto& r : testing::runs(page)) {
    if (r.y > 80 && r.y < 560) ++count[r.size];
  }
  return std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The texts of a page with the runs of each line joined (a bullet's first words).
std::string joined(const compose::Deck& deck, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t p = from; p < to; ++p) s += testing::page_text(deck.pages[p]);
  return s;
}

spec::Layout big_minimum() {
  spec::Layout l;
  l.sizes.body = {16, 11};
  return l;
}

}  // namespace

TEST_CASE("flow: the body size of a results slide never grows with more content on one page") {
  // Without flow_below the slide shrinks down to min to stay on one page: the size search
  // is monotonic, more content never gets a larger size.
  spec::Layout shrink;
  shrink.sizes.body.flow_below = 0;
  double last = 100;
  for (std::size_t n = 3; n <= 12; ++n) {
    Composed c = run(testing::one_chapter({results(n, 3)}), shrink);
    INFO("bullets " << n << "\n" << c.en());
    REQUIRE_FALSE(c.diags.has_errors());
    const double size = body_size(c.deck.pages[3]);
    CHECK(size <= last);
    last = size;
  }
}

TEST_CASE("flow: below flow_below a results slide continues on （続き） pages at a readable size") {
  // The default layout: the slide shrinks to stay on one page, but never below
  // sizes.body.flow_below; content that would need less continues on a second page, whose
  // body is set at no less than flow_below either. The size still never grows on one page.
  const spec::Layout layout;
  const double floor = layout.sizes.body.flow_below;
  REQUIRE(floor > layout.sizes.body.min);
  double last = 100;
  bool flowed = false;
  for (std::size_t n = 3; n <= 14; ++n) {
    Composed c = run(testing::one_chapter({results(n, 3)}), layout);
    INFO("bullets " << n << "\n" << c.en());
    REQUIRE_FALSE(c.diags.has_errors());
    const std::size_t pages = c.deck.pages.size() - 3;  // cover, 目次, divider
    const double size = body_size(c.deck.pages[3]);
    CHECK(size >= floor);
    if (pages == 1) {
      CHECK_FALSE(flowed);  // more content never brings it back to one page
      CHECK(size <= last);
      last = size;
    } else {
      flowed = true;
      CHECK(testing::title_text(c.deck.pages[4]).find("（続き）") != std::string::npos);
      CHECK(body_size(c.deck.pages[4]) == size);
    }
  }
  CHECK(flowed);  // the generated content does reach the point where it flows on
}

TEST_CASE("flow: results too full for one page at the minimum size continue on （続き） pages") {
  for (std::size_t panels : {std::size_t{0}, std::size_t{1}, std::size_t{4}}) {
    for (std::size_t bullets : {std::size_t{20}, std::size_t{40}}) {
      Composed c = run(testing::one_chapter({results(bullets, panels)}), big_minimum());
      INFO("bullets " << bullets << ", panels " << panels << "\n" << c.en());
      REQUIRE_FALSE(c.diags.has_errors());  // the audit passed too (notes of the type scale may come)
      REQUIRE(c.deck.pages.size() > 4);  // cover, 目次, divider, then the slide's pages
      const std::string title = testing::title_text(c.deck.pages[3]);
      CHECK(title.find("（取組結果）") != std::string::npos);
      CHECK(title.find("（続き）") == std::string::npos);
      const double size = body_size(c.deck.pages[3]);
      CHECK(size >= 11);
      for (std::size_t p = 4; p < c.deck.pages.size(); ++p) {
        CHECK(testing::title_text(c.deck.pages[p]) == title + "（続き）");
        CHECK(body_size(c.deck.pages[p]) == size);  // one size for the whole slide
        CHECK(testing::page_text(c.deck.pages[p]).find("取組の方向性") == std::string::npos);  // said once
      }
      // Every result once (its first words are never broken from the marker's line), every
      // panel once.
      const std::string all = joined(c.deck, 3, c.deck.pages.size());
      CHECK(occurrences(all, "申請件数の多い") == bullets);
      for (std::size_t k = 1; k <= panels; ++k)
        CHECK(occurrences(all, "主要行政手続のオンライン化等" + std::to_string(k)) == 1);
      // The outline points at the first page.
      CHECK(c.deck.outline.back().children.front().page == 3);
    }
  }
}

TEST_CASE("flow: the 目次 numbers follow the pages that continuations add") {
  model::Plan plan = testing::one_chapter({results(30, 2)});
  model::Chapter second = plan.sections[0].chapters[0];
  second.title = rt("【プロジェクト2】次の取組", 60);
  second.slides = {results(3, 1)};
  plan.sections[0].chapters.push_back(second);
  Composed c = run(plan, big_minimum());
  INFO(c.en());
  REQUIRE_FALSE(c.diags.has_errors());
  const std::size_t n = c.deck.pages.size();
  // The second chapter is on the last page; its 目次 entry says so and links there.
  CHECK(testing::title_text(c.deck.pages[n - 1]).find("次の取組") != std::string::npos);
  CHECK(testing::page_text(c.deck.pages[1]).find(std::to_string(n - 1)) != std::string::npos);
  CHECK(c.deck.pages[1].links.back().target_page == n - 1);
  CHECK(c.deck.outline.back().children.back().page == n - 1);
}

TEST_CASE("flow: new_page on a result and on a panel starts the next page there") {
  model::Slide s = results(4, 3);
  auto& r = std::get<model::ResultsSlide>(s.body);
  r.results[2].new_page = true;
  r.panels[1].new_page = true;
  Composed c = run(testing::one_chapter({s}));
  INFO(c.en());
  REQUIRE_FALSE(c.diags.has_errors());
  // Page 3: results 1-2; page 4: results 3-4 and panel 1; page 5: panels 2-3.
  REQUIRE(c.deck.pages.size() == 6);
  CHECK(occurrences(testing::page_text(c.deck.pages[3]), "申請件数の多い") == 2);
  CHECK(occurrences(testing::page_text(c.deck.pages[4]), "申請件数の多い") == 2);
  CHECK(testing::page_text(c.deck.pages[4]).find("オンライン化等1") != std::string::npos);
  CHECK(testing::page_text(c.deck.pages[5]).find("オンライン化等2") != std::string::npos);
  CHECK(testing::page_text(c.deck.pages[5]).find("オンライン化等3") != std::string::npos);
  CHECK(testing::title_text(c.deck.pages[5]).find("（続き）") != std::string::npos);
}

TEST_CASE("flow: a goal status slide continues, the goal label repeated, the statement once") {
  model::GoalStatusSlide g;
  g.lead = rt("目標指標を達成するなどにより、到達目標として設定した環境を概ね構築できた。", 20);
  g.results_label = rt("実績", 21);
  g.challenges_label = rt("今後の課題", 22);
  for (int k = 0; k < 2; ++k) {
    model::Goal goal;
    goal.label = rt("【到達目標" + std::to_string(k + 1) + "】", 30 + 40 * k);
    goal.statement = rt("多くの手続・業務がデジタル化され、県民は時間や場所を気にすることなく手続を行える状態。", 31 + 40 * k);
    for (int i = 0; i < 25; ++i) goal.results.push_back(item(kLong, 32 + 40 * k + i));
    goal.challenges.push_back(item("アナログの処理方法をそのままデジタル移行した手続が多い。", 70 + 40 * k));
    goal.loc = rt("", 30 + 40 * k).loc;
    g.goals.push_back(goal);
  }
  g.note = rt("※詳細は、各取組の「取組結果」に記載。", 200);
  model::Slide s;
  s.heading = rt("到達目標の達成状況(概要)", 19);
  s.body = g;
  Composed c = run(testing::one_chapter({s}));
  INFO(c.en());
  REQUIRE_FALSE(c.diags.has_errors());
  REQUIRE(c.deck.pages.size() >= 6);
  const std::string all = joined(c.deck, 3, c.deck.pages.size());
  CHECK(occurrences(all, "申請件数の多い") == 50);
  CHECK(occurrences(all, "多くの手続・業務がデジタル化され") == 2);  // each statement once
  CHECK(occurrences(all, "目標指標を達成する") == 1);               // the lead once
  CHECK(occurrences(all, "※詳細は") == 1);
  CHECK(occurrences(all, "【到達目標1】") >= 2);                      // the label repeated
  for (std::size_t p = 4; p < c.deck.pages.size(); ++p)
    CHECK(testing::title_text(c.deck.pages[p]).find("（続き）") != std::string::npos);
}

TEST_CASE("flow: six short goals continue on a second page rather than shrink below flow_below") {
  // Each goal is short; all six fit one page only below sizes.body.flow_below, so the slide
  // continues at a readable size, every goal whole on one page.
  model::GoalStatusSlide g;
  g.results_label = rt("実績", 21);
  g.challenges_label = rt("今後の課題", 22);
  for (int k = 0; k < 6; ++k) {
    model::Goal goal;
    goal.label = rt("【到達目標" + std::to_string(k + 1) + "】", 30 + 10 * k);
    goal.statement = rt("県民が行政手続のために来庁する回数を半減させる", 31 + 10 * k);
    goal.results.push_back(item("来庁件数は令和4年度比で52.3%減少し、目標を達成した。", 32 + 10 * k));
    goal.challenges.push_back(
        item("高齢者のオンライン申請の利用率が低く、地域の相談窓口での支援が必要である。", 33 + 10 * k));
    goal.loc = rt("", 30 + 10 * k).loc;
    g.goals.push_back(goal);
  }
  model::Slide s;
  s.heading = rt("到達目標の達成状況（概要）", 19);
  s.body = g;
  const spec::Layout layout;
  Composed c = run(testing::one_chapter({s}), layout);
  INFO(c.en());
  REQUIRE_FALSE(c.diags.has_errors());
  REQUIRE(c.deck.pages.size() >= 5);  // cover, 目次, divider, two pages or more
  for (std::size_t p = 3; p < c.deck.pages.size(); ++p) CHECK(body_size(c.deck.pages[p]) >= layout.sizes.body.flow_below);
  const std::string all = joined(c.deck, 3, c.deck.pages.size());
  for (int k = 1; k <= 6; ++k) CHECK(occurrences(all, "【到達目標" + std::to_string(k) + "】") == 1);  // whole goals

  // The same slide with flow_below at the minimum shrinks to one page instead.
  spec::Layout shrink;
  shrink.sizes.body.flow_below = 0;
  Composed one = run(testing::one_chapter({s}), shrink);
  REQUIRE_FALSE(one.diags.has_errors());
  CHECK(one.deck.pages.size() == 4);
  CHECK(body_size(one.deck.pages[3]) < layout.sizes.body.flow_below);
}

TEST_CASE("flow: an overview continues block by block, a long block under its heading repeated") {
  model::OverviewSlide o;
  for (int b = 0; b < 3; ++b) {
    model::Block blk;
    blk.heading = rt("到達目標" + std::to_string(b + 1), 20 + 50 * b);
    blk.body = rt("県民や企業が、行政手続を意識することなく、必要なサービスを受けられる状態。", 21 + 50 * b);
    for (int i = 0; i < (b == 1 ? 45 : 6); ++i) blk.items.push_back(item(kLong, 22 + 50 * b + i));
    blk.loc = rt("", 20 + 50 * b).loc;
    o.blocks.push_back(blk);
  }
  o.blocks[2].new_page = true;
  model::Slide s;
  s.body = o;
  Composed c = run(testing::one_chapter({s}));
  INFO(c.en());
  REQUIRE_FALSE(c.diags.has_errors());
  const std::string all = joined(c.deck, 3, c.deck.pages.size());
  CHECK(occurrences(all, "申請件数の多い") == 57);
  CHECK(occurrences(all, "到達目標2") >= 2);  // the heading over each part
  CHECK(occurrences(all, "到達目標3") == 1);
  // Block 3 starts a page of its own (new_page), the last one.
  CHECK(testing::page_text(c.deck.pages.back()).find("到達目標3") != std::string::npos);
  CHECK(testing::page_text(c.deck.pages.back()).find("到達目標2") == std::string::npos);
}

TEST_CASE("flow: a result taller than a page at the minimum size is an error naming slide and box") {
  std::string huge;
  for (int i = 0; i < 40; ++i) huge += kLong;
  model::Slide s = results(2, 1);
  std::get<model::ResultsSlide>(s.body).results[1] = item(huge, 77);
  Composed c = run(testing::one_chapter({s}), big_minimum());
  REQUIRE(c.diags.error_count() == 1);
  const diag::Diagnostic& d = c.diags.items().front();
  CHECK(d.loc.line == 77);
  CHECK(d.message.en.find("（取組結果）") != std::string::npos);
  CHECK(d.message.en.find("results") != std::string::npos);
  CHECK(d.message.en.find("too tall") != std::string::npos);
}
