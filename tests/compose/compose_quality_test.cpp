// compose: choices made for the reader — table column widths from the content, lonely last
// lines balanced, the optional table of a results slide continuing on …（続き） slides, and
// the 目次 leaders ending in one column.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "diag/source_map.hpp"
#include "helpers.hpp"
#include "input/plan_loader.hpp"
#include "text/linebreak.hpp"
#include "text/linebreak_rank.hpp"
#include "text/utf8.hpp"

using namespace plandeck;
using testing::item;
using testing::rt;

namespace {

compose::Deck compose_plan(const model::Plan& plan, const spec::Layout& layout, diag::Diagnostics& diags) {
  return compose::compose(plan, layout, testing::default_fonts().measurer(), diags);
}

model::TableRow row(const std::string& content, const std::string& result, int line) {
  model::TableRow r;
  r.content.text = rt(content, line);
  r.target.text = rt("-", line);
  r.baseline.text = rt("81手続", line);
  r.result.text = rt(result, line);
  r.status.text = rt("達成", line);
  r.loc = diag::SourceLoc{"mem.yaml", line, 7};
  return r;
}

model::DetailTable table(std::size_t rows, const std::string& result) {
  model::TableGroup g;
  g.item = rt("デジタル技術を活用した業務改善", 40);
  for (std::size_t i = 0; i < rows; ++i) g.rows.push_back(row("AI、RPAの活用による業務改善数", result, 41 + static_cast<int>(i)));
  return testing::detail_table("ワークスタイル変革等に関する実績", {g});
}

model::Slide details_slide(model::DetailTable t) { return testing::details_slide(std::move(t), "p3-details"); }

const std::string kLongResult =
    "RPAの導入促進、AI議事録の導入、ノーコード・ローコードツール活用等\nR3年度：11件\nR4年度：12件\n"
    "R5年度：14件\n削減効果（H30～R6.3）約49,250時間\n・新型コロナウイルス関係自動送信メール、システム自動登録\n"
    "・数値自動集計等\n・相談業務、共有情報のデータベース化\n・AI議事録導入";

bool is(const std::optional<compose::Color>& c, const spec::Color& want) {
  return c && c->r == want.r && c->g == want.g && c->b == want.b;
}

// The header cells of the table on a page, left to right.
std::vector<compose::Rect> header_cells(const compose::Page& page) {
  std::vector<compose::Rect> out;
  for (const auto& s : page.shapes) {
    if (const auto* r = std::get_if<compose::Rect>(&s); r && is(r->fill, spec::Palette{}.table_header)) out.push_back(*r);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.x < b.x; });
  return out;
}

// Bottom of the lowest table-border rectangle (the table's foot).
double table_bottom(const compose::Page& page) {
  double bottom = 0;
  for (const auto& s : page.shapes) {
    if (const auto* r = std::get_if<compose::Rect>(&s); r && is(r->stroke, spec::Palette{}.table_border))
      bottom = std::max(bottom, r->y + r->h);
  }
  return bottom;
}

std::vector<double> widths(const std::vector<compose::Rect>& cells) {
  std::vector<double> w;
  for (const auto& r : cells) w.push_back(r.w);
  return w;
}

// Drawn lines: consecutive runs on one baseline that join up (x = previous x + width).
struct DrawnLine {
  double x = 0, y = 0, size = 0;
  std::string text;
};
std::vector<DrawnLine> drawn_lines(const compose::Page& page) {
  std::vector<DrawnLine> out;
  double end = -1;
  for (const auto& r : testing::runs(page)) {
    if (!out.empty() && std::fabs(r.y - out.back().y) < 1e-6 && std::fabs(r.x - end) < 1e-6) {
      out.back().text += r.text;
    } else {
      out.push_back({r.x, r.y, r.size, r.text});
    }
    end = r.x + r.width;
  }
  return out;
}

int content_clusters(const std::string& utf8) {
  int n = 0;
  for (const text::Cluster& c : text::make_clusters(text::utf8::to_u32(utf8))) {
    using C = text::BreakClass;
    if (c.cls == C::CL || c.cls == C::FWIS || c.cls == C::IS || c.cls == C::SP || c.cls == C::ISP) continue;
    if (c.base == U'、' || c.base == U'。') continue;
    ++n;
  }
  return n;
}

// A line that is one word line breaking may not cut (katakana, maybe led by Latin letters:
// AIチャットボット, オープンデータ): a short line after it cannot be balanced at that width
// without cutting the word, which is worse (linebreak_rank.hpp).
bool one_word(const std::string& utf8) {
  const std::u32string s = text::utf8::to_u32(utf8);
  std::size_t k = 0;
  while (k < s.size() && ((s[k] >= U'A' && s[k] <= U'Z') || (s[k] >= U'a' && s[k] <= U'z'))) ++k;
  if (k == s.size()) return false;
  for (; k < s.size(); ++k)
    if (!text::is_katakana_letter(s[k])) return false;
  return true;
}

// Lines of at most two characters that continue a left-aligned paragraph (same x, one
// line pitch below the line before) and end it (no line of it follows), unless the line
// before is one word.
std::vector<std::string> lonely_lines(const compose::Deck& deck, double pitch_em = spec::TextRules{}.line_height) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    std::vector<DrawnLine> ls = drawn_lines(deck.pages[p]);
    auto follows = [&](const DrawnLine& a, const DrawnLine& b) {  // b is the line after a
      return std::fabs(a.x - b.x) < 0.01 && a.size == b.size && std::fabs(b.y - a.y - pitch_em * a.size) < 0.01;
    };
    for (std::size_t i = 1; i < ls.size(); ++i) {
      if (!follows(ls[i - 1], ls[i])) continue;
      if (i + 1 < ls.size() && follows(ls[i], ls[i + 1])) continue;
      // A typed ・ / ※ line of a table cell hangs its mark, drawn on its own: it starts the
      // next paragraph, it is not the last line of this one.
      if (ls[i].text == "・" || ls[i].text == "※") continue;
      if (content_clusters(ls[i].text) <= 2 && !one_word(ls[i - 1].text)) out.push_back("page " + std::to_string(p) + ": " + ls[i - 1].text + " / " + ls[i].text);
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

model::Plan default_plan() {
  diag::SourceMap sources;
  diag::Diagnostics load;
  auto plan = input::load_plan(PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml", sources, load);
  REQUIRE(plan);
  return *plan;
}

}  // namespace

TEST_CASE("table columns are sized from their content, within the layout's limits") {
  const model::Plan plan = testing::one_chapter({details_slide(table(2, kLongResult))});
  spec::Layout fitted;
  fitted.table.split_below = 7;
  fitted.sizes.table = {11, 11};  // one size for both, so that heights compare
  spec::Layout fixed = fitted;
  fixed.table.fit_columns = false;
  diag::Diagnostics d1, d2, d3;
  const compose::Deck a = compose_plan(plan, fitted, d1);
  const compose::Deck b = compose_plan(plan, fixed, d2);
  const compose::Deck again = compose_plan(plan, fitted, d3);
  REQUIRE(d1.empty());
  REQUIRE(d2.empty());
  REQUIRE(a.pages.size() == 4);
  REQUIRE(b.pages.size() == 4);
  const std::vector<compose::Rect> ha = header_cells(a.pages[3]), hb = header_cells(b.pages[3]);
  REQUIRE(ha.size() == 6);
  REQUIRE(hb.size() == 6);
  const double W = 842 - 28 - 28;
  // Fixed: exactly the weights. Fitted: the long 令和5年度末の状況 column is wider than its
  // weight, every column within [column_min, column_max], the columns fill the width.
  const spec::Table T;
  double sum_w = 0;
  for (double w : T.column_weights) sum_w += w;
  double total = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(hb[i].w == Approx(W * T.column_weights[i] / sum_w));
    CHECK(ha[i].w >= W * T.column_min[i] - 1e-6);
    CHECK(ha[i].w <= W * T.column_max[i] + 1e-6);
    total += ha[i].w;
  }
  CHECK(total == Approx(W));
  CHECK(ha[4].w > hb[4].w + 40);
  // The point of it: a shorter table (the long cells take fewer lines).
  CHECK(table_bottom(a.pages[3]) < table_bottom(b.pages[3]) - 50);
  // Deterministic.
  CHECK(widths(header_cells(again.pages[3])) == widths(ha));
}

TEST_CASE("a table's continuation slides keep the first slide's column widths") {
  const model::Plan plan = testing::one_chapter({details_slide(table(12, kLongResult))});
  diag::Diagnostics diags;
  const compose::Deck deck = compose_plan(plan, {}, diags);
  REQUIRE(diags.empty());
  REQUIRE(deck.pages.size() >= 5);
  const std::vector<double> first = widths(header_cells(deck.pages[3]));
  REQUIRE(first.size() == 6);
  for (std::size_t p = 4; p < deck.pages.size(); ++p) {
    CHECK(testing::title_text(deck.pages[p]).find("（続き）") != std::string::npos);
    CHECK(widths(header_cells(deck.pages[p])) == first);
  }
}

TEST_CASE("a column is never narrowed past its header's line breaks") {
  // A long result and a short baseline: the fitter would take width from the baseline
  // column, but 令和2年度（プラン前）の状況 keeps breaking before の状況 as at the weights.
  model::DetailTable t = table(2, kLongResult);
  const model::Plan plan = testing::one_chapter({details_slide(t)});
  diag::Diagnostics diags;
  const compose::Deck deck = compose_plan(plan, {}, diags);
  REQUIRE(diags.empty());
  // The header breaks at a phrase edge (before の状況, or before （プラン前）: phrase-aware
  // breaking may choose either), never inside the bracket.
  bool found = false;
  for (const DrawnLine& l : drawn_lines(deck.pages[3])) {
    if (l.text == "令和2年度（プラン前）" || l.text == "（プラン前）の状況") found = true;
    CHECK(l.text != "ン前）の状況");
  }
  CHECK(found);
}

TEST_CASE("lonely last lines are balanced, and balancing moves no box") {
  const model::Plan plan = default_plan();
  spec::Layout on, off;
  off.text.balance = false;
  diag::Diagnostics d1, d2;
  const compose::Deck a = compose_plan(plan, on, d1);
  const compose::Deck b = compose_plan(plan, off, d2);
  REQUIRE(d1.empty());
  REQUIRE(d2.empty());
  // Without balancing the deck has lonely lines (状況, 含む。）, 更正 …): the check can see
  // them. (Four since table columns keep phrases whole: they left a fifth in a table cell.)
  const std::vector<std::string> before = lonely_lines(b);
  INFO(joined(before));
  CHECK(before.size() >= 4);
  // With it, none is left.
  const std::vector<std::string> after = lonely_lines(a);
  INFO(joined(after));
  CHECK(after.empty());
  // Balancing keeps every line count, so every box, band and cell stays where it was.
  REQUIRE(a.pages.size() == b.pages.size());
  for (std::size_t p = 0; p < a.pages.size(); ++p) {
    std::vector<std::string> ra, rb;
    auto geometry = [](const compose::Page& page, std::vector<std::string>& out) {
      for (const auto& s : page.shapes) {
        if (const auto* r = std::get_if<compose::Rect>(&s))
          out.push_back(std::to_string(r->x) + "," + std::to_string(r->y) + "," + std::to_string(r->w) + "," + std::to_string(r->h));
      }
    };
    geometry(a.pages[p], ra);
    geometry(b.pages[p], rb);
    INFO("page " << p);
    CHECK(ra == rb);
    // Same text, same sizes: only where lines break differs.
    std::string ta, tb;
    for (const auto& r : testing::runs(a.pages[p])) ta += r.text;
    for (const auto& r : testing::runs(b.pages[p])) tb += r.text;
    CHECK(ta == tb);
  }
}

namespace {

model::Slide results_with_table(std::size_t rows) {
  model::ResultsSlide r;
  r.direction_label = rt("取組の方向性", 10);
  r.direction = rt("保有する個人情報等を含む多種多様な情報資産について、徹底的なセキュリティ対策を講じる。", 11);
  r.summary = rt("➤ 強固なセキュリティ対策の実施", 12);
  r.results_label = rt("取組結果（R3～R5）", 13);
  model::Panel p;
  p.title = rt("強固なセキュリティ対策の実施", 20);
  p.items.push_back(item("情報セキュリティクラウドの再構築の実施", 21));
  p.effects_label = rt("【効果】", 22);
  p.effects.push_back(item("情報資産の徹底対策による安全、安心の確保", 23));
  r.panels.push_back(p);
  model::DetailTable t = table(rows, "セキュリティクラウドアップデート");
  t.caption = rt("セキュリティ対策に関する実績", 30);
  r.table = t;
  model::Slide s;
  s.id = "s2-results";
  s.label = rt("取組結果等", 9);
  s.body = r;
  return s;
}

}  // namespace

TEST_CASE("the table of a results slide continues on …（続き） slides when it is too tall") {
  SECTION("a short table stays under the panels") {
    diag::Diagnostics diags;
    const compose::Deck deck = compose_plan(testing::one_chapter({results_with_table(2)}), {}, diags);
    INFO((diags.empty() ? std::string() : diags.items().front().message.en));
    REQUIRE(diags.empty());
    REQUIRE(deck.pages.size() == 4);
    CHECK(testing::page_text(deck.pages[3]).find("令和5年度末の状況") != std::string::npos);
  }
  SECTION("a long one continues, header and 項目 repeated, nothing overflowing") {
    diag::Diagnostics diags;
    const compose::Deck deck = compose_plan(testing::one_chapter({results_with_table(30)}), {}, diags);
    INFO((diags.empty() ? std::string() : diags.items().front().message.en));
    REQUIRE(diags.empty());
    REQUIRE(deck.pages.size() >= 5);
    const std::string title = testing::title_text(deck.pages[3]);
    CHECK(title.find("（取組結果等）") != std::string::npos);
    CHECK(testing::page_text(deck.pages[3]).find("強固なセキュリティ対策の実施") != std::string::npos);
    std::size_t rows = 0;
    for (std::size_t p = 3; p < deck.pages.size(); ++p) {
      const std::string text = testing::page_text(deck.pages[p]);
      for (std::size_t at = text.find("セキュリティクラウドアップデート"); at != std::string::npos;
           at = text.find("セキュリティクラウドアップデート", at + 1))
        ++rows;
      if (p == 3) continue;
      CHECK(testing::title_text(deck.pages[p]) == title + "（続き）");
      CHECK(text.find("令和5年度末の状況") != std::string::npos);           // header repeated
      CHECK(text.find("デジタル技術を活用した業務改善") != std::string::npos);  // 項目 repeated
      CHECK(text.find("セキュリティ対策に関する実績") != std::string::npos);    // caption repeated
      CHECK(widths(header_cells(deck.pages[p])) == widths(header_cells(deck.pages[4])));
    }
    CHECK(rows == 30);  // every row once
    // The 目次 still points at the results slide; the outline names it once.
    CHECK(deck.pages[1].links.back().target_page == 3);
    for (std::size_t p = 3; p < deck.pages.size(); ++p) {
      INFO("page " << p);
      CHECK(testing::geometry_problems(deck, p).empty());
    }
  }
}

TEST_CASE("目次 leaders end in one column and numbers are right-aligned") {
  const model::Plan plan = default_plan();
  diag::Diagnostics diags;
  const compose::Deck deck = compose_plan(plan, {}, diags);
  REQUIRE(diags.empty());
  std::vector<double> leader_ends, number_ends;
  for (const auto& r : testing::runs(deck.pages[1])) {
    if (r.text.rfind("・・・", 0) == 0) leader_ends.push_back(r.x + r.width);
    const bool digits = !r.text.empty() && std::all_of(r.text.begin(), r.text.end(), ::isdigit);
    if (digits && r.y < 540) number_ends.push_back(r.x + r.width);
  }
  REQUIRE(leader_ends.size() == 9);
  REQUIRE(number_ends.size() == 9);
  for (double e : leader_ends) CHECK(e == Approx(leader_ends.front()));
  for (double e : number_ends) CHECK(e == Approx(842 - 28));
}

TEST_CASE("a 目次 of many chapters goes on at the largest size that needs no more pages") {
  // 30 chapters do not fit one page even at the smallest 目次 size. The 目次 then takes two
  // pages at the largest size that needs no more than two: not the smallest size with one
  // entry alone on the second page.
  model::Plan plan = testing::one_chapter({});
  model::Chapter first = plan.sections[0].chapters[0];
  plan.sections[0].chapters.clear();
  for (int i = 1; i <= 30; ++i) {
    model::Chapter ch = first;
    ch.id = "p" + std::to_string(i);
    ch.title = rt("【プロジェクト" + std::to_string(i) + "】第" + std::to_string(i) + "の取組の名称", 10 + i);
    model::Block block;
    block.heading = rt("概要", 10 + i);
    block.body = rt("本文", 10 + i);
    model::Slide s;
    s.body = model::OverviewSlide{{block}};
    s.loc = diag::SourceLoc{"mem.yaml", 10 + i, 1};
    ch.slides = {s};
    plan.sections[0].chapters.push_back(std::move(ch));
  }
  const spec::Layout layout;
  diag::Diagnostics diags;
  const compose::Deck deck = compose_plan(plan, layout, diags);
  INFO((diags.items().empty() ? std::string() : diags.items().front().message.en));
  REQUIRE_FALSE(diags.has_errors());
  // cover, 目次 ×2, divider, 30 slides
  REQUIRE(deck.pages.size() == 1 + 2 + 1 + 30);
  std::vector<std::size_t> entries;
  double size = 0;
  for (std::size_t p = 1; p <= 2; ++p) {
    INFO("目次 page " << p);
    CHECK(testing::geometry_problems(deck, p).empty());
    entries.push_back(deck.pages[p].links.size());
    for (const auto& r : testing::runs(deck.pages[p]))
      if (r.text.find("【プロジェクト") != std::string::npos) size = std::max(size, r.size);
  }
  CHECK(entries[0] + entries[1] == 31);  // the section and its 30 chapters
  CHECK(entries[1] > 1);                 // no entry alone on the second page
  CHECK(testing::title_text(deck.pages[1]) == "目次");
  CHECK(testing::title_text(deck.pages[2]) == "目次（続き）");
  CHECK(size > layout.sizes.toc.min + 1);
  // Every entry still names the page it links to.
  CHECK(deck.pages[1].links.front().target_page == 3);
  CHECK(deck.pages[2].links.back().target_page == deck.pages.size() - 1);
}
