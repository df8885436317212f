// URLs and e-mail addresses (text/links.hpp): which runs are addresses, and which emergency
// breaks cut one (a warning for compose) rather than an ordinary word (an error).
#include <catch2/catch.hpp>

#include <string>

#include "text/fit.hpp"
#include "text/links.hpp"
#include "text/measurer.hpp"
#include "text/paragraph.hpp"
#include "text/utf8.hpp"

namespace t = plandeck::text;

namespace {

// The marked part of `text` as a string of '^' (marked) and '.' (not).
std::string marked(const std::u32string& text) {
  const std::vector<unsigned char> m = t::link_marks(text);
  std::string out;
  for (std::size_t k = 0; k < text.size(); ++k) out += !m.empty() && m[k] ? '^' : '.';
  return out;
}

}  // namespace

TEST_CASE("link_marks finds URLs and e-mail addresses, and nothing else", "[text][links]") {
  CHECK(marked(U"詳細はhttps://a.jp/xを参照") == "...^^^^^^^^^^^^^^...");
  CHECK(marked(U"see www.pref.jp now") == "....^^^^^^^^^^^....");
  CHECK(marked(U"(www.a.jp)") == "^^^^^^^^^^");
  CHECK(marked(U"連絡先：dx@pref.hiroshima.lg.jp まで") == "....^^^^^^^^^^^^^^^^^^^^^^^...");
  CHECK(marked(U"ftp://x") == "^^^^^^^");
  // Not addresses: ordinary words, numbers, ratios, a lone @ or a mention, "://" alone.
  for (const std::u32string& s :
       {std::u32string(U"DoBoXDigitalTransformation"), std::u32string(U"1,742/1,874手続"),
        std::u32string(U"a@b"), std::u32string(U"@user"), std::u32string(U"x @ y.jp"),
        std::u32string(U"://x"), std::u32string(U"awww.jp"), std::u32string(U"")}) {
    INFO(t::utf8::encode(s));
    CHECK(t::link_marks(s).empty());
  }
}

TEST_CASE("an emergency break inside an address is told apart from one in a word", "[text][links]") {
  const t::FixedPitchMeasurer metric;  // CJK = size, ASCII = size / 2
  t::LayoutOptions o;
  o.size_pt = 10;
  o.width_pt = 100;  // 10 em: 20 ASCII characters

  SECTION("T50: the host is cut, and the cut is inside the URL") {
    const t::ParagraphLayout l =
        t::layout_paragraph(U"詳細はhttps://www.pref.hiroshima.lg.jp/site/dx/を参照", metric, o);
    REQUIRE(l.lines.size() == 3);
    CHECK(l.forced_count == 1);
    CHECK(l.link_forced_count == 1);
    CHECK(l.lines[1].forced);
    CHECK(l.lines[1].forced_in_link);
    CHECK_FALSE(l.lines[0].forced_in_link);
  }
  SECTION("an e-mail address") {
    const t::ParagraphLayout l = t::layout_paragraph(U"窓口：digital-kencho.support@pref.hiroshima.lg.jp", metric, o);
    CHECK(l.forced_count >= 1);
    CHECK(l.link_forced_count == l.forced_count);
  }
  SECTION("a long ordinary word or number is not an address") {
    for (const std::u32string& s : {std::u32string(U"DigitalTransformationAcceleration推進"),
                                    std::u32string(U"12345678901234567890123456件")}) {
      const t::ParagraphLayout l = t::layout_paragraph(s, metric, o);
      CHECK(l.forced_count == 1);
      CHECK(l.link_forced_count == 0);
    }
  }
  SECTION("counts, tallies and layouts agree") {
    t::BoxParagraph para;
    para.runs = {{U"https://docs.google.com/forms/d/e/1FAIpQLSfXyzAbCdEfGhIjKlMn/viewform", 0}};
    const t::PreparedBox box({para}, metric);
    t::BoxSpec spec;
    spec.width_pt = 100;
    spec.height_pt = 1000;
    const t::FitResult r = t::layout_box(box, spec, 10);
    const t::BoxCount c = t::count_box(box, spec, 10);
    const t::BreakTally tally = t::tally_breaks(box, spec, 10);
    CHECK(r.forced_count >= 1);
    CHECK(r.link_forced_count == r.forced_count);
    CHECK(c.forced_count == r.forced_count);
    CHECK(c.link_forced_count == r.link_forced_count);
    CHECK(tally.count.link_forced_count == r.link_forced_count);
    CHECK_FALSE(r.fitted);  // a forced break never fits: the box still shrinks first
  }
}
