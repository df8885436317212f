// compose: result-detail table columns chosen so that cells wrap at phrase boundaries — a
// katakana word is not cut when another column can give width — and a part the author began
// with new_page choosing its own widths, while 「（続き）」 parts keep the table's.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "helpers.hpp"

using namespace plandeck;
using testing::rt;

namespace {

compose::Deck compose_plan(const model::Plan& plan, const spec::Layout& layout, diag::Diagnostics& diags) {
  return compose::compose(plan, layout, testing::default_fonts().measurer(), diags);
}

model::TableRow row(int line, const std::string& content, const std::string& target, const std::string& baseline,
                    const std::string& result, const std::string& status) {
  model::TableRow r;
  r.content.text = rt(content, line);
  r.target.text = rt(target, line);
  r.baseline.text = rt(baseline, line);
  r.result.text = rt(result, line);
  r.status.text = rt(status, line);
  r.loc = diag::SourceLoc{"mem.yaml", line, 7};
  return r;
}

model::DetailTable table_of(std::vector<model::TableGroup> groups) {
  return testing::detail_table("セキュリティ対策に関する実績", std::move(groups));
}

model::Slide details_slide(model::DetailTable t) { return testing::details_slide(std::move(t), "p5-details"); }

// The lines drawn on a page: runs on one baseline that join up.
std::vector<std::string> drawn_lines(const compose::Page& page) {
  std::vector<std::string> out;
  double y = -1, end = -1;
  for (const compose::TextRun& r : testing::runs(page)) {
    if (!out.empty() && std::abs(r.y - y) < 1e-6 && std::abs(r.x - end) < 1e-6) {
      out.back() += r.text;
    } else {
      out.push_back(r.text);
    }
    y = r.y;
    end = r.x + r.width;
  }
  return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& want) {
  return std::find(lines.begin(), lines.end(), want) != lines.end();
}

// A line that ends inside `word`: it holds a beginning of the word but not the whole of it.
bool cuts(const std::vector<std::string>& lines, const std::string& word, const std::string& beginning) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
    return l.find(beginning) != std::string::npos && l.find(word) == std::string::npos;
  });
}

// The widths of the header cells of the table on a page, left to right.
std::vector<double> header_widths(const compose::Page& page) {
  std::vector<const compose::Rect*> cells;
  for (const auto& s : page.shapes) {
    const auto* r = std::get_if<compose::Rect>(&s);
    const spec::Color want = spec::Palette{}.table_header;
    if (r && r->fill && r->fill->r == want.r && r->fill->g == want.g && r->fill->b == want.b) cells.push_back(r);
  }
  std::sort(cells.begin(), cells.end(), [](const auto* a, const auto* b) { return a->x < b->x; });
  std::vector<double> out;
  for (const compose::Rect* r : cells) out.push_back(r->w);
  return out;
}

model::TableGroup security_group() {
  model::TableGroup g;
  g.item = rt("セキュリティ対策", 40);
  g.rows.push_back(row(41, "セキュリティインシデントの発生状況", "【目標】\n毎年0件", "0件", "R3～R5各年0件", "達成（0件）"));
  g.rows.push_back(row(42, "セキュリティクラウドのアップデート", "-", "運用", "アップデート", "達成"));
  return g;
}

}  // namespace

TEST_CASE("a table column gives width so that a katakana word in another stays whole") {
  const model::Plan plan = testing::one_chapter({details_slide(table_of({security_group()}))});
  diag::Diagnostics diags;
  const compose::Deck fitted = compose_plan(plan, {}, diags);
  REQUIRE(diags.empty());
  const std::vector<std::string> lines = drawn_lines(fitted.pages[3]);
  INFO([&] {
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return s;
  }());
  // 内容 wraps at phrase boundaries, the katakana words whole.
  CHECK(has_line(lines, "セキュリティインシデントの"));
  CHECK(has_line(lines, "セキュリティクラウドの"));
  CHECK_FALSE(cuts(lines, "セキュリティインシデント", "セキュリティインシ"));
  CHECK_FALSE(cuts(lines, "セキュリティクラウド", "セキュリティクラ"));
  // The layout's weights alone give 内容 too little for the word: the check sees the cut.
  spec::Layout fixed;
  fixed.table.fit_columns = false;
  const compose::Deck weighted = compose_plan(plan, fixed, diags);
  REQUIRE(diags.empty());
  CHECK(cuts(drawn_lines(weighted.pages[3]), "セキュリティインシデント", "セキュリティインシ"));
}

TEST_CASE("a table part begun with new_page chooses its own column widths") {
  model::TableGroup shorts;
  shorts.item = rt("キャッシュレス決済の推進等", 50);
  shorts.rows.push_back(row(51, "キャッシュレス決済集客施設数", "【目標】\n14施設", "5施設", "14施設", "達成"));
  shorts.rows.push_back(row(52, "電子納付件数", "-", "-", "約2,700件", "純増"));
  model::TableGroup longs;
  longs.item = rt("デジタル技術を活用した業務改善", 60);
  longs.new_page = true;
  longs.rows.push_back(row(61, "AI、RPAの活用による業務改善数", "【目標】\n毎年10件", "一部処理でRPAを導入",
                           "RPAの導入促進、AI議事録の導入、ノーコード・ローコードツール活用等\n"
                           "削減効果（H30～R6.3）約49,250時間\n・新型コロナウイルス関係自動送信メール、システム自動登録\n"
                           "・相談業務、共有情報のデータベース化",
                           "達成"));
  const model::Plan plan = testing::one_chapter({details_slide(table_of({shorts, longs}))});
  diag::Diagnostics diags;
  const compose::Deck deck = compose_plan(plan, {}, diags);
  REQUIRE(diags.empty());
  REQUIRE(deck.pages.size() == 5);
  CHECK(testing::title_text(deck.pages[4]).find("（続き）") == std::string::npos);  // the author's break
  const std::vector<double> first = header_widths(deck.pages[3]), second = header_widths(deck.pages[4]);
  REQUIRE(first.size() == 6);
  REQUIRE(second.size() == 6);
  CHECK(first != second);
  // The long 令和5年度末の状況 cell has the room on its own slide.
  CHECK(second[4] > first[4]);
  const std::vector<std::string> lines = drawn_lines(deck.pages[4]);
  CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.size() >= 2 && l.compare(l.size() - 2, 2, "AI") == 0;  // AI|議事録
  }));
}
