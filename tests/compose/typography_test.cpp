// compose: one type scale per deck (scale.hpp) and tables set like a typesetter's — one
// alignment per column, figures on a common edge, at least 6 pt of padding, typed ・ lines
// hanging, headers never broken inside brackets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "diag/source_map.hpp"
#include "helpers.hpp"
#include "input/plan_loader.hpp"
#include "text/utf8.hpp"

using namespace plandeck;
using testing::item;
using testing::rt;

namespace {

compose::Deck compose_plan(const model::Plan& plan, diag::Diagnostics& diags,
                           const spec::Layout& layout = spec::Layout{}) {
  return compose::compose(plan, layout, testing::default_fonts().measurer(), diags);
}

model::Plan load(const std::string& path) {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan(path, sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(plan);
  return *plan;
}

const std::string kDefaultPlan = PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml";
const std::string kFourProjects = PLANDECK_SOURCE_DIR "/tests/fixtures/plans/ok/four-projects.yaml";

model::Slide results_slide(const std::string& direction, std::size_t bullets, int line) {
  model::ResultsSlide r;
  r.direction_label = rt("取組の方向性", line, true);
  r.direction = rt(direction, line + 1);
  r.results_label = rt("取組結果（R3～R5）", line + 2, true);
  for (std::size_t i = 0; i < bullets; ++i) {
    r.results.push_back(item("申請件数の多い手続のほとんどがオンラインで申請できるようになり、電子納付も始まったことで、"
                             "窓口に出向かなくても手続を終えられる場面が大きく増えた。",
                             line + 3 + static_cast<int>(i)));
  }
  model::Slide s;
  s.label = rt("取組結果", line);
  s.body = std::move(r);
  s.loc = diag::SourceLoc{"mem.yaml", line, 1};
  return s;
}

const std::string kDirection = "県民等が必要な手続等を、時間や場所に関わらず、いつでもどこでも簡単に実施できる環境を構築する。";

// The size of the first run of `text` on a page (0 when it is not there).
double size_of(const compose::Page& page, const std::string& text) {
  for (const auto& r : testing::runs(page)) {
    if (r.text.find(text) != std::string::npos) return r.size;
  }
  return 0;
}

// The pages of the deck whose text contains `text`.
std::vector<std::size_t> pages_with(const compose::Deck& deck, const std::string& text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < deck.pages.size(); ++i) {
    if (testing::page_text(deck.pages[i]).find(text) != std::string::npos) out.push_back(i);
  }
  return out;
}

// ---- table cells as drawn -------------------------------------------------------------------

struct Cell {
  compose::Rect rect;
  bool header = false;
  std::vector<compose::TextRun> runs;  // the runs whose em box lies inside the rect
  double left() const {
    double x = 1e9;
    for (const auto& r : runs) x = std::min(x, r.x);
    return x - rect.x;
  }
  double right() const {
    double x = -1e9;
    for (const auto& r : runs) x = std::max(x, r.x + r.width);
    return rect.x + rect.w - x;
  }
  double top() const {
    double y = 1e9;
    for (const auto& r : runs) y = std::min(y, r.y - 0.88 * r.size);
    return y - rect.y;
  }
  double bottom() const {
    double y = -1e9;
    for (const auto& r : runs) y = std::max(y, r.y + 0.12 * r.size);
    return rect.y + rect.h - y;
  }
};

bool same_color(const compose::Color& a, const spec::Color& b) {
  return std::abs(a.r - b.r) < 1e-9 && std::abs(a.g - b.g) < 1e-9 && std::abs(a.b - b.b) < 1e-9;
}

// The cells of the tables on a page: rectangles stroked in the table border colour.
std::vector<Cell> table_cells(const compose::Page& page) {
  const spec::Palette pal;
  std::vector<Cell> cells;
  for (const auto& s : page.shapes) {
    const auto* r = std::get_if<compose::Rect>(&s);
    if (!r || !r->stroke || !same_color(*r->stroke, pal.table_border) || r->line_width != 0.6) continue;
    Cell c;
    c.rect = *r;
    c.header = r->fill && same_color(*r->fill, pal.table_header);
    cells.push_back(c);
  }
  for (const auto& run : testing::runs(page)) {
    for (Cell& c : cells) {
      const double cx = run.x + run.width / 2, cy = run.y - 0.38 * run.size;
      if (cx > c.rect.x && cx < c.rect.x + c.rect.w && cy > c.rect.y && cy < c.rect.y + c.rect.h) {
        c.runs.push_back(run);
        break;
      }
    }
  }
  // Projects slides draw their rows with the same border: keep only pages with a header row.
  if (std::none_of(cells.begin(), cells.end(), [](const Cell& c) { return c.header; })) return {};
  return cells;
}

enum class Seen { Left, Center, Right };

// The alignments a cell's text is consistent with (a line that fills the cell is all three).
std::set<Seen> alignments(const Cell& c, double pad) {
  std::set<Seen> out;
  if (std::abs(c.left() - pad) < 0.5) out.insert(Seen::Left);
  if (std::abs(c.left() - c.right()) < 1.0) out.insert(Seen::Center);
  if (c.right() < c.left() - 0.5 || std::abs(c.right() - pad) < 0.5) out.insert(Seen::Right);
  return out;
}

// Problems of one column of cells: no alignment shared by every cell.
std::string column_problem(const std::vector<const Cell*>& column, double pad) {
  std::set<Seen> common = {Seen::Left, Seen::Center, Seen::Right};
  for (const Cell* c : column) {
    if (c->runs.empty()) continue;
    std::set<Seen> mine = alignments(*c, pad), keep;
    for (Seen s : common)
      if (mine.count(s)) keep.insert(s);
    common = keep;
  }
  if (!common.empty()) return "";
  std::string texts;
  for (const Cell* c : column) {
    std::string t;
    for (const auto& r : c->runs) t += r.text;
    texts += " [" + t + " left " + std::to_string(c->left()) + " right " + std::to_string(c->right()) + "]";
  }
  return "column at x=" + std::to_string(column.front()->rect.x) + " mixes alignments:" + texts;
}

// Every table column of the deck: one alignment (body cells; headers are centred).
std::vector<std::string> alignment_problems(const compose::Deck& deck, double pad) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    std::vector<Cell> cells = table_cells(deck.pages[p]);
    std::map<long, std::vector<const Cell*>> columns;  // by left edge (1/100 pt)
    for (const Cell& c : cells) {
      if (!c.header) columns[std::lround(c.rect.x * 100)].push_back(&c);
    }
    for (const auto& [x, column] : columns) {
      std::string problem = column_problem(column, pad);
      if (!problem.empty()) out.push_back("page " + std::to_string(p + 1) + ": " + problem);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Slides of one kind share the body size, a slide shrinks only when its content needs it") {
  diag::Diagnostics alone_diags;
  compose::Deck alone = compose_plan(testing::one_chapter({results_slide(kDirection, 1, 10)}), alone_diags);
  diag::Diagnostics both_diags;
  compose::Deck both = compose_plan(
      testing::one_chapter({results_slide(kDirection, 1, 10), results_slide(kDirection, 14, 40)}), both_diags);
  REQUIRE_FALSE(alone_diags.has_errors());
  REQUIRE_FALSE(both_diags.has_errors());
  const std::vector<std::size_t> pages = pages_with(both, "県民等が必要な手続等を");
  REQUIRE(pages.size() == 2);
  const double short_alone = size_of(alone.pages[pages_with(alone, "県民等が必要な手続等を").front()], "県民等");
  const double short_slide = size_of(both.pages[pages[0]], "県民等");
  const double long_slide = size_of(both.pages[pages[1]], "県民等");
  // Alone, the short slide takes the largest size; beside the long one, it takes the long
  // one's size: one body size for the kind.
  CHECK(short_alone == spec::Layout{}.sizes.body.max);
  CHECK(long_slide < short_alone);
  CHECK(short_slide == long_slide);
  // Its label cells share one size.
  CHECK(size_of(both.pages[pages[0]], "取組の方向性") == size_of(both.pages[pages[0]], "取組結果（R3"));
  // Nothing deviates: no note.
  CHECK(both_diags.empty());
}

TEST_CASE("A slide that cannot fit the deck's size goes smaller alone, and a note names it") {
  spec::Layout layout;
  layout.sizes.body.deck_min = 12;  // the dense slide fits only below this
  layout.sizes.body.flow_below = 0;  // and shrinks to fit one page rather than flowing on
  diag::Diagnostics diags;
  compose::Deck deck = compose_plan(
      testing::one_chapter({results_slide(kDirection, 1, 10), results_slide(kDirection, 25, 40),
                            results_slide(kDirection, 2, 90)}),
      diags, layout);
  REQUIRE_FALSE(diags.has_errors());
  const std::vector<std::size_t> pages = pages_with(deck, "県民等が必要な手続等を");
  REQUIRE(pages.size() == 3);
  const double first = size_of(deck.pages[pages[0]], "県民等");
  const double dense = size_of(deck.pages[pages[1]], "県民等");
  const double third = size_of(deck.pages[pages[2]], "県民等");
  CHECK(first == third);
  CHECK(first >= 12);
  CHECK(dense < 12);
  std::size_t notes = 0;
  for (const auto& d : diags.items()) {
    REQUIRE(d.severity == diag::Severity::Note);
    ++notes;
    CHECK(d.loc.line == 40);  // the dense slide, by its plan location
    CHECK(d.message.en.find("below the deck's") != std::string::npos);
  }
  CHECK(notes >= 1);
}

TEST_CASE("Every table column has one alignment and cells keep 6 pt of padding") {
  const double pad = spec::Layout{}.table.padding;
  REQUIRE(pad >= 6);
  for (const std::string& path : {kDefaultPlan, kFourProjects}) {
    diag::Diagnostics diags;
    compose::Deck deck = compose_plan(load(path), diags);
    REQUIRE_FALSE(diags.has_errors());
    INFO(path);
    std::vector<std::string> problems = alignment_problems(deck, pad);
    for (const auto& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
    std::size_t cells = 0;
    for (std::size_t p = 0; p < deck.pages.size(); ++p) {
      for (const Cell& c : table_cells(deck.pages[p])) {
        if (c.runs.empty()) continue;
        ++cells;
        INFO("page " << p + 1 << " cell at (" << c.rect.x << ", " << c.rect.y << ") " << c.runs.front().text);
        CHECK(c.left() >= pad - 0.01);
        CHECK(c.right() >= pad - 0.01);
        CHECK(c.top() >= pad - 0.01);
        CHECK(c.bottom() >= pad - 0.01);
      }
    }
    CHECK(cells > 40);
  }
}

TEST_CASE("The alignment check sees a column that mixes centred and left-aligned cells") {
  Cell a, b;
  a.rect = compose::Rect{100, 0, 100, 20, std::nullopt, std::nullopt, 0.6, 0};
  b.rect = compose::Rect{100, 20, 100, 20, std::nullopt, std::nullopt, 0.6, 0};
  compose::TextRun left;
  left.x = 106, left.y = 15, left.size = 10, left.width = 30;
  compose::TextRun centred = left;
  centred.x = 135;
  a.runs = {left};
  b.runs = {centred};
  CHECK_FALSE(column_problem({&a, &b}, 6).empty());
  b.runs = {left};
  CHECK(column_problem({&a, &b}, 6).empty());
}

TEST_CASE("Figures of a column end on one edge whatever their units") {
  diag::Diagnostics diags;
  compose::Deck deck = compose_plan(load(kDefaultPlan), diags);
  REQUIRE_FALSE(diags.has_errors());
  const auto& measurer = testing::default_fonts().measurer();
  auto width = [&](const std::string& s, double size) {
    long units = 0;
    for (char32_t cp : text::utf8::to_u32(s)) units += measurer.width(cp, 0);
    return static_cast<double>(units) * size / 1000;
  };
  // The 令和2年度 column of the first 結果詳細 slide: 13手続, 81手続, 113,600件.
  const std::size_t page = pages_with(deck, "113,600件").front();
  std::vector<double> edges;
  for (const Cell& c : table_cells(deck.pages[page])) {
    for (const auto& r : c.runs) {
      for (const char* unit : {"手続", "件"}) {
        for (const char* figure : {"13", "81", "113,600"}) {
          if (r.text == std::string(figure) + unit) edges.push_back(r.x + r.width - width(unit, r.size));
        }
      }
    }
  }
  REQUIRE(edges.size() == 3);
  CHECK(edges[1] == Approx(edges[0]).margin(0.01));
  CHECK(edges[2] == Approx(edges[0]).margin(0.01));
}

TEST_CASE("A typed ・ line in a cell hangs its mark") {
  diag::Diagnostics diags;
  compose::Deck deck = compose_plan(load(kFourProjects), diags);
  REQUIRE_FALSE(diags.has_errors());
  // 「・住民票の写しは県が住民基本台帳ネットワークで確認」 wraps in its cell: the lines after the
  // first start where the text after the ・ starts, not under the ・.
  std::size_t wrapped = 0;
  for (const auto& page : deck.pages) {
    for (const Cell& c : table_cells(page)) {
      std::vector<compose::TextRun> marks, texts;
      for (const auto& r : c.runs) (r.text == "・" ? marks : texts).push_back(r);
      for (std::size_t m = 0; m < marks.size(); ++m) {
        const double next_mark = m + 1 < marks.size() ? marks[m + 1].y : 1e9;
        double text_x = -1;
        for (const auto& r : texts) {
          if (r.y == marks[m].y && r.x > marks[m].x && (text_x < 0 || r.x < text_x)) text_x = r.x;
        }
        REQUIRE(text_x > marks[m].x);
        for (const auto& r : texts) {
          if (r.y <= marks[m].y || r.y >= next_mark) continue;
          ++wrapped;
          INFO(r.text);
          CHECK(r.x == Approx(text_x).margin(0.01));
        }
      }
    }
  }
  CHECK(wrapped >= 1);
}

TEST_CASE("Table headers never break inside brackets") {
  for (const std::string& path : {kDefaultPlan, kFourProjects}) {
    diag::Diagnostics diags;
    compose::Deck deck = compose_plan(load(path), diags);
    REQUIRE_FALSE(diags.has_errors());
    std::size_t headers = 0;
    for (const auto& page : deck.pages) {
      for (const Cell& c : table_cells(page)) {
        if (!c.header) continue;
        ++headers;
        // Lines by baseline, top to bottom; the bracket depth at the end of every line but
        // the last must be 0.
        std::map<long, std::string> lines;
        for (const auto& r : c.runs) lines[std::lround(r.y * 100)] += r.text;
        int depth = 0;
        std::size_t k = 0;
        for (const auto& [y, text] : lines) {
          for (char32_t ch : text::utf8::to_u32(text)) {
            if (ch == U'（' || ch == U'(') ++depth;
            if (ch == U'）' || ch == U')') --depth;
          }
          if (++k < lines.size()) {
            INFO(path << ": " << text);
            CHECK(depth == 0);
          }
        }
      }
    }
    CHECK(headers >= 6);
  }
}

namespace {

model::Slide details(const std::string& caption, std::size_t rows, const std::string& result, int line) {
  model::DetailTable t;
  t.caption = rt(caption, line);
  t.columns.item = rt("項目", line);
  t.columns.content = rt("内容", line);
  t.columns.target = rt("目標", line);
  t.columns.baseline = rt("令和2年度（プラン前）の状況", line);
  t.columns.result = rt("令和5年度末の状況", line);
  t.columns.status = rt("目標達成状況", line);
  model::TableGroup g;
  g.item = rt("デジタル技術を活用した業務改善", line + 1);
  for (std::size_t i = 0; i < rows; ++i) {
    model::TableRow r;
    r.content.text = rt("AI、RPAの活用による業務改善数", line + 2);
    r.target.text = rt("-", line + 2);
    r.baseline.text = rt("取組なし", line + 2);
    r.result.text = rt(result, line + 2);
    r.status.text = rt("達成", line + 2);
    g.rows.push_back(r);
  }
  t.groups.push_back(g);
  model::Slide s;
  s.label = rt("結果詳細", line);
  s.body = model::DetailsSlide{std::move(t)};
  s.loc = diag::SourceLoc{"mem.yaml", line, 1};
  return s;
}

const std::string kDenseResult =
    "県・市町が共同で情報システム人材の確保・育成を行う枠組みを構築し、7市町へ情報システム人材を配属した。"
    "令和6年度は15市町に広げ、人材の採用、育成、活用を県と市町が共同で進めている。";

}  // namespace

TEST_CASE("Tables share one size, and a table that leaves most of its slide empty may be larger") {
  const model::Plan plan = testing::one_chapter(
      {details("業務改善に関する実績", 5, kDenseResult, 10), details("簡単手続に関する実績", 2, "81手続", 40)});
  diag::Diagnostics diags;
  compose::Deck deck = compose_plan(plan, diags);
  REQUIRE_FALSE(diags.has_errors());
  const std::vector<std::size_t> dense = pages_with(deck, "業務改善に関する実績");
  const std::vector<std::size_t> sparse = pages_with(deck, "簡単手続に関する実績");
  REQUIRE(dense.size() == 1);
  REQUIRE(sparse.size() == 1);
  const double dense_size = size_of(deck.pages[dense[0]], "AI、RPA");
  const double sparse_size = size_of(deck.pages[sparse[0]], "AI、RPA");
  const spec::Layout layout;
  CHECK(dense_size < layout.sizes.table.max);  // the dense table sets the deck's table size
  CHECK(sparse_size == layout.sizes.table.max);  // the sparse one has the room to be larger
  CHECK(diags.empty());  // larger is no deviation

  // Without the exception both tables take the deck's size.
  spec::Layout strict;
  strict.table.grow_below = 0;
  diag::Diagnostics d2;
  compose::Deck one = compose_plan(plan, d2, strict);
  REQUIRE_FALSE(d2.has_errors());
  CHECK(size_of(one.pages[pages_with(one, "簡単手続に関する実績")[0]], "AI、RPA") == dense_size);
}

TEST_CASE("The text-heavy column gets the room: 目標 is never wider than the result column") {
  for (const std::string& path : {kDefaultPlan, kFourProjects}) {
    diag::Diagnostics diags;
    compose::Deck deck = compose_plan(load(path), diags);
    REQUIRE_FALSE(diags.has_errors());
    std::size_t tables = 0;
    for (std::size_t p = 0; p < deck.pages.size(); ++p) {
      std::vector<const Cell*> header;
      std::vector<Cell> cells = table_cells(deck.pages[p]);
      for (const Cell& c : cells) {
        if (c.header) header.push_back(&c);
      }
      if (header.size() != 6) continue;
      ++tables;
      std::sort(header.begin(), header.end(), [](const Cell* a, const Cell* b) { return a->rect.x < b->rect.x; });
      INFO(path << " page " << p + 1);
      CHECK(header[2]->rect.w <= header[4]->rect.w + 0.01);  // 目標 vs 令和5年度末の状況
    }
    CHECK(tables >= 2);
  }
}

TEST_CASE("Section divider titles share one size") {
  model::Plan plan = testing::one_chapter({results_slide(kDirection, 1, 10)});
  model::Section second = plan.sections.front();
  second.title = rt("広島県行政デジタル化推進アクションプランの取組結果と今後の課題及び次期計画の方向性について、"
                    "県民と市町の意見を踏まえた検討の経過", 60);
  plan.sections.push_back(second);
  diag::Diagnostics diags;
  compose::Deck deck = compose_plan(plan, diags);
  REQUIRE_FALSE(diags.has_errors());
  double short_title = 0, long_title = 0;
  for (const auto& page : deck.pages) {
    for (const auto& r : testing::runs(page)) {
      if (r.text == "取組結果" && r.size > 20) short_title = r.size;
      if (r.text.rfind("広島県行政", 0) == 0 && r.size > 15) long_title = r.size;
    }
  }
  REQUIRE(short_title > 0);
  REQUIRE(long_title > 0);
  CHECK(short_title == long_title);
  CHECK(short_title < spec::Layout{}.sizes.divider.max);  // the long title set the size
}
