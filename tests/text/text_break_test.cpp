// Break opportunities and line filling against the layout spec: class table, one case per
// rule R2-R18, the §2 opportunity strings, the 59 cases of §8.2 (data file), UTF-8 and the
// normalisation cases of §8.3. All with the font-free test metric of §8.1.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text/linebreak.hpp"
#include "text/measurer.hpp"
#include "text/normalize.hpp"
#include "text/paragraph.hpp"
#include "text/utf8.hpp"
#include "break_cases.hpp"

namespace t = plandeck::text;
using t::BreakClass;

namespace {

std::u32string U(const std::string& s) { return t::utf8::to_u32(s); }
std::string S(const std::u32string& s) { return t::utf8::encode(s); }

// Opportunities as a UTF-8 string with '·' at every break.
std::string marks(const std::string& s) { return S(t::mark_opportunities(U(s))); }

std::vector<std::string> lines_of(const t::ParagraphLayout& layout) {
  std::vector<std::string> out;
  for (const t::Line& l : layout.lines) out.push_back(l.utf8());
  return out;
}

}  // namespace

TEST_CASE("utf8 round trip and invalid input", "[text][utf8]") {
  const std::string s = "a\xC3\xA9\xE3\x81\x82\xF0\xA0\xAE\xB7";  // a é あ 𠮷
  const t::utf8::Decoded d = t::utf8::decode(s);
  CHECK(d.valid);
  CHECK(d.text == std::u32string{U'a', 0xE9, 0x3042, 0x20BB7});
  CHECK(d.offsets == std::vector<std::size_t>{0, 1, 3, 6});
  CHECK(t::utf8::encode(d.text) == s);

  // Stray continuation, truncated sequence, overlong '/', surrogate, > U+10FFFF.
  const std::string bad = "A\x80" "B\xE3\x81" "C\xC0\xAF" "D\xED\xA0\x80" "E\xF4\x90\x80\x80";
  std::size_t at = 99;
  CHECK_FALSE(t::utf8::is_valid(bad, &at));
  CHECK(at == 1);
  const t::utf8::Decoded b = t::utf8::decode(bad, U'?');
  CHECK_FALSE(b.valid);
  CHECK(b.first_bad_offset == 1);
  CHECK(S(b.text) == "A?B?C??D???E????");
  CHECK(b.bad_offsets.front() == 1);
  CHECK(b.bad_offsets[1] == 3);  // "\xE3\x81" is one maximal subpart
  CHECK(t::utf8::code_point_label(0x3042) == "U+3042");
  CHECK(t::utf8::code_point_label(0x20BB7) == "U+20BB7");
}

TEST_CASE("class table follows the spec's rows and tailorings", "[text][class]") {
  CHECK(t::break_class(U'～') == BreakClass::NS);  // tailored (ID in UAX #14)
  CHECK(t::break_class(U'〜') == BreakClass::NS);
  CHECK(t::break_class(U'／') == BreakClass::SY);
  CHECK(t::break_class(U'５') == BreakClass::NU);
  CHECK(t::break_class(U'Ｄ') == BreakClass::AL);
  CHECK(t::break_class(U'，') == BreakClass::FWIS);
  CHECK(t::break_class(U'ッ') == BreakClass::NS);
  CHECK(t::break_class(U'ー') == BreakClass::NS);
  CHECK(t::break_class(U'ｰ') == BreakClass::NS);
  CHECK(t::break_class(U'ｱ') == BreakClass::ID);  // half-width kana: default ID
  CHECK(t::break_class(U'“') == BreakClass::OP);
  CHECK(t::break_class(U'”') == BreakClass::CL);
  CHECK(t::break_class(U'¥') == BreakClass::PR);
  CHECK(t::break_class(U'㎡') == BreakClass::PO);
  CHECK(t::break_class(U'―') == BreakClass::DASH);
  CHECK(t::break_class(U'…') == BreakClass::IN);
  CHECK(t::break_class(U'▲') == BreakClass::AL);  // default AL below U+2E80
  CHECK(t::break_class(U'〒') == BreakClass::ID);
  CHECK(t::break_class(U'ꀀ') == BreakClass::AL);  // A000-ABFF
  CHECK(t::break_class(U'\u3000') == BreakClass::ISP);
  CHECK(t::break_class(0x20BB7) == BreakClass::ID);
  // A mark at the start is its own AL cluster; otherwise it joins the base.
  const auto c = t::make_clusters(U"\u3099か\u3099");
  REQUIRE(c.size() == 2);
  CHECK(c[0].cls == BreakClass::AL);
  CHECK(c[1].base == U'か');
  CHECK(c[1].end == 3);
}

TEST_CASE("one break rule at a time (R2-R18)", "[text][rules]") {
  // Each pair: with the rule's condition, and a near miss that shows the rule is what
  // decides (the contrast string would break without the rule).
  CHECK(marks("あ あ") == "あ ·あ");                     // R2: not before SP (R8 after it)
  CHECK(marks("あ\u200Bい") == "あ\u200B·い");           // R2: not before ZW
  CHECK(marks("AB\u200BCD") == "AB\u200B·CD");           // R3: ZW beats AL × AL
  CHECK(marks("あ\u2060い\u2060う") == "あ\u2060い\u2060う");  // R4
  CHECK(marks("あいう") == "あ·い·う");
  CHECK(marks("あ\u00A0い") == "あ\u00A0い");             // R5: GL glues both sides
  CHECK(marks("A \u00A0B") == "A ·\u00A0B");             // R5 exception: SP before GL
  CHECK(marks("あ\u3000い") == "あ\u3000·い");           // R6 (before), R8 (after)
  CHECK(marks("あ。い」う") == "あ。·い」·う");          // R7: CL/NS never start a line
  CHECK(marks("A )") == "A )");                          // R7 before R8: not after a space either
  CHECK(marks("1 %") == "1 %");                          // R7: PO
  CHECK(marks("A B") == "A ·B");                         // R8 beats R13
  CHECK(marks("あ「い") == "あ·「い");                    // R9: no break after OP
  CHECK(marks("あ¥い") == "あ·¥い");                      // R10: PR never ends a line
  CHECK(marks("あ\"い") == "あ\"い");                     // R11
  CHECK(marks("——あ—") == "——·あ·—");                    // R12
  CHECK(marks("C#R3あ#") == "C#R3·あ·#");                 // R13: AL×PR, AL×NU; ID÷PR
  CHECK(marks("%OFFあ%あ") == "%OFF·あ%·あ");            // R14 (PO×AL) vs PO÷ID
  CHECK(marks("Ver.2.あ") == "Ver.2.·あ");               // R15 (IS×NU) vs IS÷ID
  CHECK(marks("１，０００度，１") == "１，０００·度，·１");  // R16 needs a digit before
  CHECK(marks("-5e-G") == "-5e-·G");                     // R17: HY×NU, HY÷AL
  CHECK(marks("1/2回/1") == "1/2·回/·1");                // R17: SY×NU only inside a number
  CHECK(marks("f(x)y") == "f(x)y");                      // R18: ASCII brackets glue
  CHECK(marks("f（x）y") == "f·（x）·y");                 // full-width ones do not
  CHECK(marks("漢(x)") == "漢·(x)");                      // R18 only after AL/NU
  // R17 for signs: the full-width ＋ and － (ID by default) stay with the number they sign,
  // as the ASCII + and ▲ △ − ± (AL) do through R13: 「前年度比＋」 ⏎ 「12.4ポイント」 misreads.
  CHECK(marks("比＋12.4点") == "比·＋12.4·点");
  CHECK(marks("比－３件") == "比·－３·件");
  CHECK(marks("比▲3件") == "比·▲3·件");
  CHECK(marks("＋あ＋Ａ") == "＋·あ·＋·Ａ");             // only before a digit
}

TEST_CASE("opportunity strings of the spec's ICU comparison table", "[text][rules]") {
  CHECK(marks("あーあ") == "あー·あ");
  CHECK(marks("AIチャットボット") == "AI·チャッ·ト·ボッ·ト");
  CHECK(marks("R3～R5") == "R3～·R5");
  CHECK(marks("R3〜R5") == "R3〜·R5");
  CHECK(marks("1,742/1,874手続") == "1,742/1,874·手·続");
  CHECK(marks("約27,000回/月") == "約·27,000·回/·月");
  CHECK(marks("(▲96%)の") == "(▲96%)·の");
  CHECK(marks("「DX Ship(デジシップ)ひろしま」") == "「DX ·Ship(デ·ジ·シッ·プ)·ひ·ろ·し·ま」");
  CHECK(marks("令和５年度\u3000実績１２３件") == "令·和·５·年·度\u3000·実·績·１２３·件");
  CHECK(marks("２０２４年、１，０００円") == "２０２４·年、·１，０００·円");
  CHECK(marks("それは……だった——と。") == "そ·れ·は……·だっ·た·——·と。");
  CHECK(marks("ｶﾀｶﾅﾃｽﾄｰ｡") == "ｶ·ﾀ·ｶ·ﾅ·ﾃ·ｽ·ﾄｰ｡");
}

TEST_CASE("the 59 line-breaking cases of the spec", "[text][cases]") {
  const std::vector<BreakCase> cases = load_cases();
  REQUIRE(cases.size() == 59);
  const t::FixedPitchMeasurer metric;
  for (const BreakCase& c : cases) {
    INFO(c.id << " \"" << c.text << "\" width " << c.width_em << " em");
    // Widths are in em: at size 1 pt a 1000-unit character is 1 pt wide.
    t::LayoutOptions options;
    options.width_pt = c.width_em;
    options.size_pt = 1.0;
    options.hanging = c.hang;
    const t::ParagraphLayout layout =
        t::layout_paragraph(t::normalize(c.text).text, metric, options);
    CHECK(lines_of(layout) == c.lines);
    CHECK(layout.forced_count == c.forced);
  }
}

TEST_CASE("line flags: forced, overflow, hanging, widths", "[text][layout]") {
  const t::FixedPitchMeasurer metric;
  t::LayoutOptions o;
  o.size_pt = 10;
  o.width_pt = 5;  // T51: narrower than one character
  auto l = t::layout_paragraph(U"押印", metric, o);
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[0].forced);
  CHECK(l.lines[0].overflow);
  CHECK(l.lines[0].width == Approx(10.0));

  o.width_pt = 140;  // T04 at 10 pt: 。 hangs
  o.hanging = true;
  l = t::layout_paragraph(U"オンライン申請が可能となった。", metric, o);
  REQUIRE(l.lines.size() == 1);
  CHECK(l.lines[0].hanging);
  CHECK_FALSE(l.lines[0].overflow);
  CHECK(l.lines[0].width_units == 15000);
  CHECK(l.lines[0].width == Approx(150.0));

  o.hanging = false;  // trailing spaces neither counted nor drawn; source range kept
  o.width_pt = 30;
  l = t::layout_paragraph(U"広島県 DX推進", metric, o);
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[0].utf8() == "広島県");
  CHECK(l.lines[0].width == Approx(30.0));
  CHECK(l.lines[0].begin == 0);
  CHECK(l.lines[0].end == 4);  // includes the space
  CHECK(l.lines[1].begin == 4);
  CHECK_FALSE(l.lines[0].forced);
}

TEST_CASE("normalisation cases P1-P5 and P7", "[text][normalize]") {
  auto norm = [](const std::string& s) { return S(t::normalize(s).text); };
  CHECK(norm("て\u304B\u3099み") == "てがみ");  // P1
  CHECK(t::make_clusters(t::normalize("て\u304B\u3099み").text).size() == 3);
  CHECK(norm("\u845B\U000E0100城市") == "葛城市");  // P2
  CHECK(norm("\uFEFF押印") == "押印");             // P3
  CHECK(norm("\u2F00覧") == "一覧");                // P4
  // P5: beyond the BMP is kept as written (the PDF shows glyph ids; coverage decides).
  const t::Normalized p5 = t::normalize("\U00020BB7野家");
  CHECK(S(p5.text) == "\U00020BB7野家");
  CHECK(p5.warnings.empty());
  // P7: vertical tab (PowerPoint soft return) is a hard break.
  const t::FixedPitchMeasurer metric;
  t::LayoutOptions o;
  o.width_pt = 10;
  o.size_pt = 1;
  CHECK(lines_of(t::layout_paragraph(t::normalize("行1\u000B行2").text, metric, o)) ==
        std::vector<std::string>{"行1", "行2"});
}

TEST_CASE("normalisation details N1-N9", "[text][normalize]") {
  auto norm = [](const std::string& s) { return S(t::normalize(s).text); };
  const t::Normalized bad = t::normalize("あ\xFFい");  // N1
  CHECK(S(bad.text) == "あ〓い");
  REQUIRE(bad.warnings.size() == 1);
  CHECK(bad.warnings[0].issue == t::NormalizeIssue::InvalidUtf8);
  CHECK(bad.warnings[0].byte_offset == 3);
  CHECK(norm("a\r\nb\rc\u2028d\u2029e\fg\u0085h") == "a\nb\nc\nd\ne\ng\nh");  // N3
  CHECK(norm("a\tb") == "a b");                                           // N4
  CHECK(norm("ハ\u309Aウ\u3099ワ\u3099ゝ\u3099ほ\u309A") == "パヴヷゞぽ");  // N5
  const t::Normalized kept = t::normalize("ㇷ\u309A");  // no precomposed form
  CHECK(S(kept.text) == "ㇷ\u309A");
  REQUIRE(kept.warnings.size() == 1);
  CHECK(kept.warnings[0].issue == t::NormalizeIssue::CombiningMarkKept);
  CHECK(kept.warnings[0].byte_offset == 3);
  CHECK(norm("a\u200Db\u202Ac\u00ADd\uFE0F") == "abcd");  // N6
  CHECK(norm("\u2E9F\u2F08") == "母人");                   // N7
  CHECK(norm("〜～") == "〜～");                           // kept as written
  CHECK(norm("a\u200Bb\u2060c\uFEFFd") == "a\u200Bb\u2060c\uFEFFd");  // N9: kept for breaking
  CHECK(S(t::strip_invisible(U"a\u200Bb\u2060c\uFEFFd")) == "abcd");
  CHECK(t::normalize("x\U0001F600").offsets == std::vector<std::size_t>{0, 1});
}
