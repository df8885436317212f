// Renders the default plan to build-dir/compose-default.pdf for looking at the pages
// (hidden: run `compose_tests "[.render]"`).
#include <catch2/catch.hpp>

#include <iostream>

#include "compose/compose.hpp"
#include "compose/fonts.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "render_pdf/render_pdf.hpp"

using namespace plandeck;

TEST_CASE("render the default plan for viewing", "[.render]") {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto plan = input::load_plan(PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml", sources, diags);
  std::cerr << diag::format_all(diags, diag::Lang::En, &sources);
  REQUIRE(plan);
  std::string err;
  auto fonts = compose::FontSet::load(spec::Fonts{}, text::font_search_dirs(PLANDECK_SOURCE_DIR "/fonts"), &err);
  REQUIRE(fonts);
  diag::Diagnostics cd;
  compose::Deck deck = compose::compose(*plan, spec::Layout{}, fonts->measurer(), cd, &sources);
  std::cerr << diag::format_all(cd, diag::Lang::En, &sources);
  std::cerr << "pages: " << deck.pages.size() << "\n";
  render_pdf::write_pdf(deck, PLANDECK_BINARY_DIR "/compose-default.pdf", {});
}
