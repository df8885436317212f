// Regressions found by fuzz/fuzz_text (fuzz/README.md lists them). Each case is the
// minimised input of a finding, checked at the level where the bug was.
#include <catch2/catch.hpp>

#include <string>

#include "text/linebreak.hpp"
#include "text/measurer.hpp"
#include "text/paragraph.hpp"

namespace t = plandeck::text;
using t::BreakClass;

TEST_CASE("a combining mark after a space or ZW/WJ is its own cluster, not lost", "[text][fuzz]") {
  // fuzz/regressions/fuzz_text/mark-after-space-dropped: the mark joined the space's
  // cluster, and a trailing space cluster is not drawn, so U+0301 vanished from the output.
  for (const std::u32string s : {U"a \u0301", U"a\u3000\u0301", U"a\u200B\u0301", U"a\u2060\u0301"}) {
    const auto c = t::make_clusters(s);
    REQUIRE(c.size() == 3);
    CHECK(c[2].base == U'\u0301');
    CHECK(c[2].cls == BreakClass::AL);
  }
  const t::FixedPitchMeasurer m;
  t::LayoutOptions o;
  o.size_pt = 10;
  o.width_pt = 15;  // 1.5 em: "あ" + space + the zero-width mark fit on one line
  const auto space = t::layout_paragraph(U"あ \u0301", m, o);
  REQUIRE(space.lines.size() == 1);
  CHECK(space.lines[0].text() == U"あ \u0301");
  // fuzz/regressions/fuzz_text/mark-after-zwsp-dropped: ZWSP clusters are never drawn.
  const auto zw = t::layout_paragraph(U"\u200B\u0301", m, o);
  REQUIRE(zw.lines.size() == 1);
  CHECK(zw.lines[0].text() == U"\u0301");
  // Unchanged: a mark after a letter still joins it.
  CHECK(t::make_clusters(U"a\u0301").size() == 1);
}
