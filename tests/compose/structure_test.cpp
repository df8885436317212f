// compose's structure hints (deck.hpp StructNode, TextRun::node): what each text run is, for
// the tagged PDF. Checked on the default plan, laid out with the real fonts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "diag/source_map.hpp"
#include "helpers.hpp"
#include "input/plan_loader.hpp"

using namespace plandeck;
using compose::StructKind;

namespace {

const compose::Deck& default_deck() {
  static const compose::Deck deck = [] {
    diag::SourceMap sources;
    diag::Diagnostics diags;
    auto plan = input::load_plan(PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml", sources, diags);
    REQUIRE(plan);
    return compose::compose(*plan, {}, testing::default_fonts().measurer(), diags, &sources);
  }();
  return deck;
}

const compose::StructNode& node(const compose::Page& p, int i) {
  return p.structure.at(static_cast<std::size_t>(i));
}

}  // namespace

TEST_CASE("structure: every text run of the default deck says what it is") {
  const compose::Deck& deck = default_deck();
  REQUIRE(deck.pages.size() >= 17);
  std::size_t pagination = 0, leaders = 0;
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    const compose::Page& page = deck.pages[p];
    INFO("page " << p + 1 << " " << page.slide);
    for (std::size_t i = 0; i < page.structure.size(); ++i) {
      CHECK(page.structure[i].parent >= -1);
      CHECK(page.structure[i].parent < static_cast<int>(i));  // parents first: reading order
    }
    // The slide's title bar (the cover's title, a divider's band) is the first node.
    REQUIRE_FALSE(page.structure.empty());
    CHECK(page.structure.front().kind == StructKind::H1);
    CHECK(page.cursor == compose::kUntagged);  // every scope was closed
    for (const compose::TextRun& r : testing::runs(page)) {
      INFO(r.text);
      CHECK(r.node != compose::kUntagged);
      if (r.node == compose::kPagination) ++pagination;
      if (r.node == compose::kArtifact) {
        ++leaders;
        CHECK(r.text.find("・・・") != std::string::npos);  // only the 目次's dot leaders
      }
      if (r.node >= 0) {
        const StructKind k = node(page, r.node).kind;
        // Text sits in elements that hold text, never loose in a list, a table or a row.
        CHECK(k != StructKind::L);
        CHECK(k != StructKind::LI);
        CHECK(k != StructKind::Table);
        CHECK(k != StructKind::TR);
      }
    }
  }
  CHECK(pagination == deck.pages.size() - 1);  // every page but the cover is numbered
  // The 目次's links name the text they cover: a Link in a TOCI in a TOC.
  std::size_t links = 0;
  for (const compose::Page& page : deck.pages) {
    for (const compose::Link& l : page.links) {
      ++links;
      REQUIRE(l.node >= 0);
      CHECK(node(page, l.node).kind == StructKind::Link);
      const int reference = node(page, l.node).parent;
      CHECK(node(page, reference).kind == StructKind::Reference);
      CHECK(node(page, node(page, reference).parent).kind == StructKind::TOCI);
    }
  }
  CHECK(links == 9);
  CHECK(leaders >= 9);
}

TEST_CASE("structure: every text run of the fixture plans says what it is too") {
  // Dividers, goal status, overview, projects and continued slides that the default plan
  // has not.
  std::size_t plans = 0;
  for (const char* dir : {"/tests/fixtures/plans/ok", "/tests/fixtures/plans/notes"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PLANDECK_SOURCE_DIR) + dir)) {
      if (entry.path().extension() != ".yaml") continue;
      INFO(entry.path().string());
      diag::SourceMap sources;
      diag::Diagnostics diags;
      auto plan = input::load_plan(entry.path().string(), sources, diags);
      if (!plan) continue;  // a fixture about loading
      const compose::Deck deck =
          compose::compose(*plan, {}, testing::default_fonts().measurer(), diags, &sources);
      ++plans;
      for (const compose::Page& page : deck.pages) {
        INFO(page.slide);
        CHECK(page.cursor == compose::kUntagged);
        REQUIRE_FALSE(page.structure.empty());
        CHECK(page.structure.front().kind == StructKind::H1);
        for (const compose::TextRun& r : testing::runs(page)) {
          INFO(r.text);
          CHECK(r.node != compose::kUntagged);
        }
      }
    }
  }
  CHECK(plans >= 8);
}

TEST_CASE("structure: lists nest, markers are labels, tables have header rows and row headers") {
  const compose::Deck& deck = default_deck();
  std::size_t nested = 0, labels = 0, tables = 0, row_headers = 0;
  for (const compose::Page& page : deck.pages) {
    for (std::size_t i = 0; i < page.structure.size(); ++i) {
      const compose::StructNode& n = page.structure[i];
      if (n.kind == StructKind::L && n.parent >= 0) {
        CHECK(node(page, n.parent).kind == StructKind::LBody);  // a nested list is in the item's body
        ++nested;
      }
      if (n.kind == StructKind::LI) {
        // An item is its label, then its body (then maybe a nested list).
        REQUIRE(i + 2 < page.structure.size());
        CHECK(page.structure[i + 1].kind == StructKind::Lbl);
        CHECK(page.structure[i + 1].parent == static_cast<int>(i));
        CHECK(page.structure[i + 2].kind == StructKind::LBody);
        CHECK(page.structure[i + 2].parent == static_cast<int>(i));
      }
      if (n.kind == StructKind::TH && n.scope == compose::HeaderScope::Row) {
        ++row_headers;
        CHECK(node(page, n.parent).kind == StructKind::TR);
      }
      if (n.kind != StructKind::Table) continue;
      ++tables;
      // Its first child is a row of column headers.
      REQUIRE(i + 2 < page.structure.size());
      CHECK(page.structure[i + 1].kind == StructKind::TR);
      CHECK(page.structure[i + 2].kind == StructKind::TH);
      CHECK(page.structure[i + 2].scope == compose::HeaderScope::Column);
    }
    for (const compose::TextRun& r : testing::runs(page)) {
      if (r.node >= 0 && node(page, r.node).kind == StructKind::Lbl) {
        ++labels;
        CHECK((r.text == "・" || r.text == "➤" || r.text == "○" || r.text == "-"));
      }
    }
  }
  CHECK(nested >= 3);
  CHECK(labels >= 60);
  CHECK(tables >= 12);
  CHECK(row_headers >= 15);
}
