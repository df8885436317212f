// The layout audit (compose/audit.hpp) on hand-made decks: one clean page, then one page per
// rule broken, each of which the audit must catch and locate; and the real default deck,
// which must pass.
#include <catch2/catch.hpp>

#include "compose/audit.hpp"
#include "diag/source_map.hpp"
#include "helpers.hpp"
#include "input/plan_loader.hpp"
#include "text/font.hpp"

using namespace plandeck;

namespace {

const diag::SourceLoc kPanelLoc{"mem.yaml", 42, 9};
const diag::SourceLoc kListLoc{"mem.yaml", 17, 5};

// A deck with the default layout's fonts (regular chain first) and one page holding two
// boxes side by side, each with one line of text well inside it.
compose::Deck clean_deck() {
  compose::Deck deck;
  for (const text::Font* f : testing::default_fonts().measurer().chain(0)) deck.fonts.push_back({f->path()});
  compose::Page page;
  page.slide = "Ⅱ-1 テスト（取組結果）";
  page.loc = {"mem.yaml", 3, 1};
  compose::LaidBox list;
  list.x = 40;
  list.y = 100;
  list.w = 300;
  list.h = 60;
  list.name = {"「取組結果」一覧", "results list"};
  list.loc = kListLoc;
  page.boxes.push_back(list);
  compose::LaidBox panel = list;
  panel.x = 360;
  panel.name = {"「取組結果」パネル2", "results panel 2"};
  panel.loc = kPanelLoc;
  page.boxes.push_back(panel);
  compose::TextRun a;
  a.x = 46;
  a.y = 120;
  a.size = 12;
  a.text = "申請件数の多い手続";
  a.box = 0;
  page.shapes.push_back(a);
  compose::TextRun b = a;
  b.x = 366;
  b.text = "押印の廃止";
  b.box = 1;
  page.shapes.push_back(b);
  deck.pages.push_back(page);
  return deck;
}

struct Audited {
  std::size_t found = 0;
  diag::Diagnostics diags;
  std::string en() const {
    std::string s;
    for (const auto& d : diags.items()) s += d.message.en + "\n";
    return s;
  }
};

Audited audit(const compose::Deck& deck) {
  Audited a;
  a.found = compose::audit(deck, compose::audit_frame(spec::Layout{}),
                           compose::audit_fonts(deck, testing::default_fonts().measurer()), a.diags);
  return a;
}

compose::TextRun& run(compose::Deck& deck, std::size_t i) {
  std::size_t k = 0;
  for (auto& s : deck.pages[0].shapes) {
    if (auto* r = std::get_if<compose::TextRun>(&s)) {
      if (k++ == i) return *r;
    }
  }
  throw std::logic_error("no such run");
}

}  // namespace

TEST_CASE("audit: a clean page passes") {
  Audited a = audit(clean_deck());
  INFO(a.en());
  CHECK(a.found == 0);
  CHECK(a.diags.empty());
}

TEST_CASE("audit: a run wider than its box is caught, measured from the font, and located") {
  compose::Deck deck = clean_deck();
  // 30 characters of 12 pt text are about 360 pt wide: past the 300 pt box. The width compose
  // stored says 10 pt: the audit must not believe it.
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "押";
  run(deck, 1).text = long_text;
  run(deck, 1).width = 10;
  Audited a = audit(deck);
  REQUIRE(a.found >= 1);
  const diag::Diagnostic& d = a.diags.items().front();
  CHECK(d.severity == diag::Severity::Error);
  CHECK(d.loc.line == kPanelLoc.line);
  CHECK(d.message.en.find("Ⅱ-1 テスト（取組結果）") != std::string::npos);
  CHECK(d.message.en.find("results panel 2") != std::string::npos);
  CHECK(d.message.en.find("runs out of its box") != std::string::npos);
  CHECK(d.message.en.find("right") != std::string::npos);
  CHECK(d.message.ja.find("「取組結果」パネル2") != std::string::npos);
  CHECK(d.message.ja.find("はみ出し") != std::string::npos);
}

TEST_CASE("audit: a run whose descent leaves the bottom of its box is caught") {
  compose::Deck deck = clean_deck();
  run(deck, 0).y = 100 + 60 - 1;  // baseline 1 pt above the box's bottom: the descent pokes out
  Audited a = audit(deck);
  INFO(a.en());
  REQUIRE(a.found == 1);
  CHECK(a.diags.items().front().loc.line == kListLoc.line);
  CHECK(a.en().find("below") != std::string::npos);
}

TEST_CASE("audit: a box outside the content area, in the footer, is caught") {
  compose::Deck deck = clean_deck();
  // The default content area ends at 595 - 26 = 569 pt; the footer is below it.
  deck.pages[0].boxes[1].y = 540;
  run(deck, 1).y = 556;
  Audited a = audit(deck);
  INFO(a.en());
  REQUIRE(a.found == 1);
  CHECK(a.diags.items().front().loc.line == kPanelLoc.line);
  CHECK(a.en().find("outside the content area") != std::string::npos);
  CHECK(a.en().find("31 pt below") != std::string::npos);
}

TEST_CASE("audit: a box outside its parent is caught") {
  compose::Deck deck = clean_deck();
  compose::LaidBox child = deck.pages[0].boxes[1];
  child.parent = 1;
  child.name = {"パネル2の項目", "panel 2 items"};
  child.y = 120;  // 20 pt lower than its parent, as tall: 20 pt below it
  deck.pages[0].boxes.push_back(child);
  deck.pages[0].boxes[1].text = false;  // a container
  Audited a = audit(deck);
  INFO(a.en());
  REQUIRE(a.found == 1);
  CHECK(a.en().find("panel 2 items lies outside results panel 2 (20 pt below)") != std::string::npos);
}

TEST_CASE("audit: overlapping text boxes are caught, and so are the runs of two boxes") {
  SECTION("boxes") {
    compose::Deck deck = clean_deck();
    deck.pages[0].boxes[1].x = 330;  // its left 10 pt over the list box
    run(deck, 1).x = 345;
    Audited a = audit(deck);
    INFO(a.en());
    REQUIRE(a.found == 1);
    CHECK(a.en().find("results panel 2 overlaps results list") != std::string::npos);
  }
  SECTION("runs (the second one drawn into the first box's text)") {
    compose::Deck deck = clean_deck();
    run(deck, 1).x = 50;
    Audited a = audit(deck);
    INFO(a.en());
    CHECK(a.en().find("overlaps the text") != std::string::npos);
  }
  SECTION("a container may hold text boxes") {
    compose::Deck deck = clean_deck();
    compose::LaidBox outer = deck.pages[0].boxes[1];
    outer.text = false;
    outer.x -= 5;
    outer.w += 10;
    deck.pages[0].boxes.push_back(outer);
    Audited a = audit(deck);
    INFO(a.en());
    CHECK(a.found == 0);
  }
}

TEST_CASE("audit: text outside every box is caught") {
  compose::Deck deck = clean_deck();
  run(deck, 0).box = -1;
  Audited a = audit(deck);
  INFO(a.en());
  REQUIRE(a.found == 1);
  CHECK(a.en().find("belongs to no box") != std::string::npos);
  CHECK(a.diags.items().front().loc.line == 3);  // the slide
}

TEST_CASE("audit: run extents come from the font's bearing, advances, ascender and descender") {
  const text::Font& regular = *testing::default_fonts().measurer().chain(0).front();
  compose::TextRun r;
  r.x = 10;
  r.y = 100;
  r.size = 10;
  r.text = "あい";
  const compose::AuditRect e = compose::run_extent(r, regular);
  CHECK(e.x0 == Approx(10 + regular.left_bearing(U'あ') / 100.0));
  CHECK(e.x1 == Approx(10 + (regular.advance(U'あ') + regular.advance(U'い')) / 100.0));
  // Ⅰ's ink starts a third of an em after its origin (compose draws it from before its box).
  CHECK(regular.left_bearing(U'\u2160') > 250);
  CHECK(e.y0 == Approx(100 - regular.ascender() / 100.0));
  CHECK(e.y1 == Approx(100 - regular.descender() / 100.0));
  CHECK(e.y1 > 100);
}

TEST_CASE("audit: the default deck passes") {
  diag::SourceMap sources;
  diag::Diagnostics load;
  auto plan = input::load_plan(PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml", sources, load);
  REQUIRE(plan);
  diag::Diagnostics diags;
  const compose::Deck deck = compose::compose(*plan, spec::Layout{}, testing::default_fonts().measurer(), diags);
  REQUIRE(diags.empty());
  Audited a = audit(deck);
  INFO(a.en());
  CHECK(a.found == 0);
  // Every page names its slide, every run has a box; table text sits in boxes of its cells.
  std::size_t cells = 0, runs_in_cells = 0;
  for (const compose::Page& p : deck.pages) {
    CHECK_FALSE(p.slide.empty());
    for (const compose::LaidBox& b : p.boxes) cells += b.name.en.rfind("table cell", 0) == 0;
    for (const compose::TextRun& r : testing::runs(p)) {
      REQUIRE(r.box >= 0);
      const compose::LaidBox& b = p.boxes[static_cast<std::size_t>(r.box)];
      if (b.name.en.rfind("table cell", 0) == 0) {
        ++runs_in_cells;
        REQUIRE(b.parent >= 0);
        CHECK(p.boxes[static_cast<std::size_t>(b.parent)].name.en == "table");
      }
      CHECK(p.boxes[static_cast<std::size_t>(r.box)].name.en != "table");  // none left to the table as a whole
    }
  }
  CHECK(cells > 100);
  CHECK(runs_in_cells > 100);
}
