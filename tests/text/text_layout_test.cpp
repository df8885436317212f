// Real fonts, font chains, coverage, styled runs, bullets and shrink-to-fit (spec §6, §7).
// Font tests fail (not skip) when a font is missing: the project installs them.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "text/coverage.hpp"
#include "text/fit.hpp"
#include "text/font.hpp"
#include "text/measurer.hpp"
#include "text/normalize.hpp"
#include "text/paragraph.hpp"
#include "text/utf8.hpp"
#include "break_cases.hpp"

namespace t = plandeck::text;

namespace {

std::u32string U(const std::string& s) { return t::utf8::to_u32(s); }

// Fonts are loaded once for the whole binary (each load reads the tables of a 4 MB file).
const t::Font& font(const std::string& file) {
  static std::vector<std::pair<std::string, std::unique_ptr<t::Font>>> loaded;
  for (const auto& [name, f] : loaded)
    if (name == file) return *f;
  const auto path = t::find_font(file, t::font_search_dirs(std::string(PLANDECK_SOURCE_DIR) + "/fonts"));
  INFO("font file " << file);
  REQUIRE(path.has_value());
  std::string error;
  auto f = t::Font::load(*path, &error);
  INFO(error);
  REQUIRE(f.has_value());
  loaded.emplace_back(file, std::make_unique<t::Font>(std::move(*f)));
  return *loaded.back().second;
}

const t::Font& biz() { return font("BIZUDPGothic-Regular.ttf"); }
const t::Font& biz_bold() { return font("BIZUDPGothic-Bold.ttf"); }
const t::Font& dejavu() { return font("DejaVuSans.ttf"); }
const t::Font& dejavu_bold() { return font("DejaVuSans-Bold.ttf"); }

const t::FontChainMeasurer& chain() {
  static const t::FontChainMeasurer m({&biz(), &dejavu()}, {&biz_bold(), &dejavu_bold()});
  return m;
}

std::vector<std::string> texts(const t::PlacedParagraph& p) {
  std::vector<std::string> out;
  for (const t::PlacedLine& l : p.lines) out.push_back(l.line->utf8());
  return out;
}

t::BoxParagraph para(const std::string& s) { return t::BoxParagraph{{{U(s), 0}}, {}, 0, 0, 0}; }

}  // namespace

TEST_CASE("BIZ UDPGothic widths match libharu's truncated advances", "[text][font]") {
  const t::Font& f = biz();
  CHECK(f.family_name() == "BIZ UDPGothic");
  CHECK(f.postscript_name() == "BIZUDPGothic-Regular");
  CHECK(f.units_per_em() == 2048);
  CHECK(f.advance(U'あ') == 979);
  CHECK(f.advance(U'ア') == 890);
  CHECK(f.advance(U'A') == 759);
  CHECK(f.advance(U'漢') == 1000);
  CHECK(f.advance(U'。') == 600);
  // U+3000: hmtx advance 1365/2048 = 666.5, truncated to 666 as libharu writes it
  // (the spec's "0.667 em" is the rounded value).
  CHECK(f.advance(U'\u3000') == 666);
  CHECK(f.ascender() == 879);
  CHECK(f.descender() == -120);
  CHECK(f.has_glyph(U'〓'));
  CHECK_FALSE(f.has_glyph(U'➤'));
  CHECK_FALSE(f.has_glyph(U'\u2011'));
  CHECK(f.advance(U'➤') == 1000);  // .notdef width, like HPDF_Font_GetUnicodeWidth
  CHECK(dejavu().has_glyph(U'➤'));
  CHECK(dejavu().family_name() == "DejaVu Sans");
  CHECK(biz_bold().advance(U'あ') == 1000);  // bold differs from regular

  std::string error;
  CHECK_FALSE(t::Font::load("/nonexistent/x.ttf", &error).has_value());
  CHECK(error.find("/nonexistent/x.ttf") == 0);
  CHECK_FALSE(t::Font::load(std::string(PLANDECK_SOURCE_DIR) + "/CMakeLists.txt", &error));
  CHECK(error.find("not a TrueType font") != std::string::npos);
  CHECK_FALSE(t::find_font("no-such-font.ttf", t::system_font_dirs()).has_value());
}

TEST_CASE("font chain: first font with the glyph measures and draws it", "[text][font]") {
  const t::FontChainMeasurer& m = chain();
  CHECK(m.font_for(U'あ', t::kRegular) == 0);
  CHECK(m.font_for(U'➤', t::kRegular) == 1);
  CHECK(m.width(U'➤', t::kRegular) == dejavu().advance(U'➤'));
  CHECK(m.width(U'あ', t::kStrong) == 1000);
  CHECK(m.width(U'あ', t::kRegular) == 979);
  CHECK(m.font_for(U'\u0E01', t::kRegular) == 0);  // Thai: nowhere, drawn as 〓 from font 0
  CHECK_FALSE(m.covered(U'\u0E01', t::kRegular));
  CHECK(m.draw_char(U'\u0E01', t::kRegular) == U'〓');
  // P6: U+2011 breaks as GL (one unit) but is drawn and measured as BIZ's U+2010 — even
  // though DejaVu has U+2011, a look-alike in the first font beats a font change mid-word.
  CHECK(m.draw_char(U'\u2011', t::kRegular) == U'\u2010');
  CHECK(m.font_for(U'\u2011', t::kRegular) == 0);
  CHECK(m.covered(U'\u2011', t::kRegular));
  CHECK(m.draw_char(U'\u2003', t::kRegular) == U' ');  // em space: BIZ lacks it
  const t::FontChainMeasurer biz_only({&biz()}, {&biz_bold()});
  CHECK(biz_only.draw_char(U'\u2011', t::kRegular) == U'\u2010');
  CHECK(biz_only.width(U'\u2011', t::kRegular) == biz().advance(U'\u2010'));
  t::LayoutOptions o;
  o.size_pt = 10;
  o.width_pt = 15;  // "A‐" fits (12.38 pt), "A‐B" does not: the unit is cut once
  const auto l = t::layout_paragraph(U"A\u2011B", biz_only, o);
  CHECK(l.forced_count == 1);
  CHECK(l.lines[0].width_units == biz().advance(U'A') + biz().advance(U'\u2010'));
  o.width_pt = 100;
  const auto wide = t::layout_paragraph(U"あA\u2011B", biz_only, o);
  REQUIRE(wide.lines.size() == 1);
  CHECK(wide.lines[0].utf8() == "あA\u2010B");
}

TEST_CASE("glyph coverage lists what no font can draw", "[text][coverage]") {
  // 𠮟 (U+20B9F) is beyond the BMP but in BIZ UDPGothic: covered like any character.
  CHECK(t::missing_glyphs(chain(), U"\U00020B9Fる").empty());
  const std::u32string s = U"あ\u0E01\u2011\u200B\u2F00➤\U00020BB7";
  const auto missing = t::missing_glyphs(chain(), s);
  REQUIRE(missing.size() == 3);
  CHECK(missing[0].index == 1);
  CHECK(t::describe_missing(missing[0]) == "U+0E01 'ก'");
  CHECK(missing[0].substitute == U'〓');
  CHECK(missing[1].code_point == 0x2F00);  // radical (normally N7 fixes it first)
  CHECK(missing[2].code_point == 0x20BB7);  // beyond the BMP and in no font of the chain
  CHECK(missing[2].index == 6);
  // With BIZ alone, ➤ is missing too and U+2011 is a silent substitute.
  const t::FontChainMeasurer biz_only({&biz()}, {&biz_bold()});
  const auto m2 = t::missing_glyphs(biz_only, U"➤\u2011");
  REQUIRE(m2.size() == 1);
  CHECK(m2[0].code_point == U'➤');
}

TEST_CASE("a strong run inside regular text measures with the bold font", "[text][runs]") {
  const t::FontChainMeasurer& m = chain();
  // "ああ" + strong "あああ" + "ああ": regular あ = 979, bold あ = 1000. At 10 pt the whole
  // text is 4 x 9.79 + 3 x 10 = 69.16 pt. Box 69.16 pt: fits on one line only if the
  // bold run is measured with the bold font (all-regular would be 68.53 pt).
  const std::vector<t::StyledRun> runs{{U"ああ", 0}, {U"あああ", 1}, {U"ああ", 0}};
  t::LayoutOptions o;
  o.size_pt = 10;
  o.width_pt = 69.16;
  auto l = t::layout_paragraph(runs, m, o);
  REQUIRE(l.lines.size() == 1);
  REQUIRE(l.lines[0].fragments.size() == 3);
  CHECK(l.lines[0].fragments[1].style == 1);
  CHECK(l.lines[0].fragments[1].width == Approx(30.0));
  CHECK(l.lines[0].fragments[0].width == Approx(19.58));
  CHECK(l.lines[0].width_units == 6916);
  o.width_pt = 69.15;  // one hundredth too narrow: the last あ moves down
  l = t::layout_paragraph(runs, m, o);
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[0].utf8() == "ああああああ");
  CHECK(l.lines[1].utf8() == "あ");
  // Breaking sees across run boundaries: the strong "ー" may not start a line, so "パ"
  // (regular) travels with it although "ペーパ" alone would fill the first line.
  const std::vector<t::StyledRun> kinsoku{{U"ペーパ", 0}, {U"ー", 1}};
  const t::FixedPitchMeasurer fixed;
  o.size_pt = 1;
  o.width_pt = 3;
  l = t::layout_paragraph(kinsoku, fixed, o);
  REQUIRE(l.lines.size() == 2);
  CHECK(l.lines[0].utf8() == "ペー");
  REQUIRE(l.lines[1].fragments.size() == 2);
  CHECK(l.lines[1].fragments[0].utf8() == "パ");
  CHECK(l.lines[1].fragments[0].style == 0);
  CHECK(l.lines[1].fragments[1].utf8() == "ー");
  CHECK(l.lines[1].fragments[1].style == 1);
}

TEST_CASE("the six fitting cases of the spec", "[text][fit]") {
  const t::FixedPitchMeasurer metric;
  struct Case {
    const char* id;
    const char* text;
    double w, h, max, min, size;
    bool fitted;
    std::vector<std::string> lines;
    int forced;
    double overflow;
  };
  const std::vector<Case> cases{
      {"F1", "年間申請件数ベースで約9割を超える手続がオンライン申請可能な状態となっている。",
       200, 100, 28, 10, 20.0, true,
       {"年間申請件数ベースで", "約9割を超える手続が", "オンライン申請可能な", "状態となっている。"}, 0, 0},
      {"F2", "「DX Ship(デジシップ)ひろしま」を構築", 120, 40, 24, 10, 12.5, true,
       {"「DX Ship(デジシッ", "プ)ひろしま」を構築"}, 0, 0},
      {"F3", "1,742/1,874手続の押印を廃止", 90, 30, 20, 8, 12.0, true,
       {"1,742/1,874手続", "の押印を廃止"}, 0, 0},
      {"F4", "県内の全市町と連携し、行政手続のオンライン化や押印廃止（1,742/1,874手続）を進めた。",
       150, 36, 18, 9, 9.5, true,
       {"県内の全市町と連携し、行政手続", "のオンライン化や押印廃止", "（1,742/1,874手続）を進めた。"},
       0, 0},
      {"F5", "DoBoX", 20, 20, 24, 8, 8.0, true, {"DoBoX"}, 0, 0},
      {"F6", "DoBoX", 20, 20, 24, 9, 9.0, false, {"DoBo", "X"}, 1, 2.5},
  };
  for (const Case& c : cases) {
    INFO(c.id);
    t::BoxSpec box;
    box.width_pt = c.w;
    box.height_pt = c.h;
    box.max_size = c.max;
    box.min_size = c.min;
    box.line_height = 1.25;
    const t::FitResult r = t::fit_box({para(c.text)}, metric, box);
    CHECK(r.fitted == c.fitted);
    CHECK(r.size == c.size);
    REQUIRE(r.paragraphs.size() == 1);
    CHECK(texts(r.paragraphs[0]) == c.lines);
    CHECK(r.forced_count == c.forced);
    CHECK(r.overflow_height == Approx(c.overflow));
    CHECK(r.height == Approx(static_cast<double>(c.lines.size()) * 1.25 * c.size));
    // The next size up must not fit (largest fitting size on the grid).
    if (c.fitted && c.size < c.max) CHECK_FALSE(t::layout_box({para(c.text)}, metric, box, c.size + 0.5).fitted);
  }
}

TEST_CASE("bullets wrap under their text, not under the marker", "[text][fit]") {
  const t::FixedPitchMeasurer metric;
  t::BoxSpec box;
  box.width_pt = 105;
  box.height_pt = 200;
  box.max_size = 10;
  box.min_size = 10;
  box.marker_gap_em = 0.5;
  box.paragraph_spacing_em = 0.5;
  t::BoxParagraph first = para("年間申請件数ベースで約9割を超える手続がオンライン申請可能な状態となっている。");
  first.marker = U"・";
  t::BoxParagraph second = para("押印の廃止");
  second.marker = U"○";
  second.indent_em = 1;  // nested level
  const t::FitResult r = t::fit_box({first, second}, metric, box);
  REQUIRE(r.fitted);
  REQUIRE(r.paragraphs.size() == 2);
  const t::PlacedParagraph& p = r.paragraphs[0];
  CHECK(p.marker_x == 0);
  CHECK(p.marker_width == Approx(10));
  CHECK(p.text_x == Approx(15));  // marker 1 em + gap 0.5 em
  // The text column is 90 pt = 9 em wide (not 10.5): the T02 lines, all at x = 15.
  CHECK(texts(p) == std::vector<std::string>{"年間申請件数ベース", "で約9割を超える手",
                                              "続がオンライン申請", "可能な状態となって", "いる。"});
  for (std::size_t k = 0; k < p.lines.size(); ++k) {
    CHECK(p.lines[k].x == Approx(15));
    CHECK(p.lines[k].y == Approx(12.5 * static_cast<double>(k)));
  }
  const t::PlacedParagraph& q = r.paragraphs[1];
  CHECK(q.marker_x == Approx(10));
  CHECK(q.text_x == Approx(25));
  REQUIRE(q.lines.size() == 1);
  CHECK(q.lines[0].y == Approx(5 * 12.5 + 5));  // after 5 lines and 0.5 em spacing
  CHECK(r.height == Approx(6 * 12.5 + 5));
  CHECK(r.line_count == 6);
}

TEST_CASE("a box with real fonts at a realistic size is consistent", "[text][fit]") {
  // Shrinks from 24 pt: the result must be the largest size whose layout fits.
  t::BoxSpec box;
  box.width_pt = 300;
  box.height_pt = 60;
  box.max_size = 24;
  box.min_size = 8;
  t::BoxParagraph p = para("県内の全市町と連携し、行政手続のオンライン化や押印廃止（1,742/1,874手続）を進めた。");
  p.marker = U"➤";
  const t::FitResult r = t::fit_box({p}, chain(), box);
  REQUIRE(r.fitted);
  CHECK(r.height <= 60);
  CHECK_FALSE(t::layout_box({p}, chain(), box, r.size + 0.5).fitted);
  CHECK(r.paragraphs[0].marker_width == Approx(dejavu().advance(U'➤') * r.size / 1000.0));
}

TEST_CASE("the 59 cases with BIZ UDGothic's real widths differ only in T26 and T27", "[text][cases]") {
  // §8.1: the test metric equals this fixed-pitch font except for ¥ and — (0.5 em there),
  // and only the two —— cases change.
  const t::Font& gothic = font("BIZUDGothic-Regular.ttf");
  CHECK(gothic.advance(U'—') == 500);
  const t::FontChainMeasurer m({&gothic}, {&gothic});
  const t::FixedPitchMeasurer metric;
  const std::vector<BreakCase> cases = load_cases();
  REQUIRE(cases.size() == 59);
  std::vector<std::string> differing;
  for (const BreakCase& c : cases) {
    t::LayoutOptions o;
    o.width_pt = c.width_em;
    o.size_pt = 1.0;
    o.hanging = c.hang;
    const std::u32string text = t::normalize(c.text).text;
    std::vector<std::string> real, fixed;
    for (const t::Line& l : t::layout_paragraph(text, m, o).lines) real.push_back(l.utf8());
    for (const t::Line& l : t::layout_paragraph(text, metric, o).lines) fixed.push_back(l.utf8());
    if (real != fixed) differing.push_back(c.id);
  }
  CHECK(differing == std::vector<std::string>{"T26", "T27"});
}

TEST_CASE("balancing fills a lonely last line without changing the line count", "[text][fit][balance]") {
  const t::FixedPitchMeasurer metric;  // CJK = size, ASCII = size / 2
  t::BoxSpec box;
  box.width_pt = 130;
  box.height_pt = 100;
  box.max_size = 10;
  box.min_size = 10;
  const std::string text = "オンライン申請サポートの充実";
  SECTION("off by default: the greedy layout leaves 実 alone") {
    const t::FitResult r = t::fit_box({para(text)}, metric, box);
    CHECK(texts(r.paragraphs[0]) == std::vector<std::string>{"オンライン申請サポートの充", "実"});
  }
  SECTION("on: lines before the end give up text until the last holds more than two clusters") {
    box.balance = true;
    const t::FitResult r = t::fit_box({para(text)}, metric, box);
    // "の充" (2) would still be lonely: three clusters move down.
    CHECK(texts(r.paragraphs[0]) == std::vector<std::string>{"オンライン申請サポート", "の充実"});
    CHECK(r.size == 10);
    CHECK(r.line_count == 2);
    CHECK(r.height == Approx(2 * 1.25 * 10));
  }
  SECTION("closing brackets and 、。 do not count: 「る。」 is lonely") {
    box.width_pt = 150;
    const std::string s = "県民負担の軽減につながっている。";
    CHECK(texts(t::layout_box({para(s)}, metric, box, 10).paragraphs[0]).back() == "る。");
    box.balance = true;
    const std::vector<std::string> got = texts(t::fit_box({para(s)}, metric, box).paragraphs[0]);
    REQUIRE(got.size() == 2);
    // "いる。" (two) is still lonely; 0.88 x 150 = 132 pt puts 13 em on the first line.
    CHECK(got == std::vector<std::string>{"県民負担の軽減につながっ", "ている。"});
  }
  SECTION("three lines: the lines before the last share what it needs, none wraps early") {
    box.balance = true;
    box.width_pt = 100;
    std::string kanji;
    for (int i = 0; i < 21; ++i) kanji += "漢";
    const t::FitResult r = t::fit_box({para(kanji)}, metric, box);
    REQUIRE(r.paragraphs[0].lines.size() == 3);
    // Greedy: 10 / 10 / 1. 10 / 8 / 3 would leave the second line 80 % of its width, under
    // the floor (82 %): each line gives up one instead.
    CHECK(r.paragraphs[0].lines[0].line->text().size() == 9);
    CHECK(r.paragraphs[0].lines[1].line->text().size() == 9);
    CHECK(r.paragraphs[0].lines[2].line->text().size() == 3);
    box.balance_floor = 0;  // without the floor, the first line stays full
    const t::FitResult any = t::fit_box({para(kanji)}, metric, box);
    CHECK(any.paragraphs[0].lines[0].line->text().size() == 10);
    CHECK(any.paragraphs[0].lines[1].line->text().size() == 8);
  }
  SECTION("no layout without a forced break: the layout is kept") {
    box.balance = true;
    box.width_pt = 100;
    const t::FitResult r = t::fit_box({para("ABCDEFGHIJKLMNOPQRST漢")}, metric, box);
    CHECK(texts(r.paragraphs[0]) == std::vector<std::string>{"ABCDEFGHIJKLMNOPQRST", "漢"});
    CHECK(r.forced_count == 0);
  }
  SECTION("when no layout fills the last line, the one that leaves it longest wins") {
    box.balance = true;
    box.width_pt = 100;
    // 漢 can move down ("漢字": still two); the Latin word cannot be cut.
    const t::FitResult r = t::fit_box({para("ABCDEFGHIJKLMNOPQR漢字")}, metric, box);
    CHECK(texts(r.paragraphs[0]) == std::vector<std::string>{"ABCDEFGHIJKLMNOPQR", "漢字"});
    box.balance = false;
    CHECK(texts(t::fit_box({para("ABCDEFGHIJKLMNOPQR漢字")}, metric, box).paragraphs[0]) ==
          std::vector<std::string>{"ABCDEFGHIJKLMNOPQR漢", "字"});
  }
  SECTION("each LF-separated part is balanced on its own: a full first part does not block") {
    box.balance = true;
    box.width_pt = 100;
    // The first part keeps its one line; the second part's first line gives up two.
    const t::FitResult r = t::fit_box({para("あいうえおかきくけこ\nさしすせそたちつてとな")}, metric, box);
    CHECK(texts(r.paragraphs[0]) == std::vector<std::string>{"あいうえおかきくけこ", "さしすせそたちつ", "てとな"});
    REQUIRE(r.paragraphs[0].lines.size() == 3);
    CHECK(r.paragraphs[0].lines[1].line->begin == 11);  // offsets stay those of the whole text
    CHECK(r.paragraphs[0].lines[2].line->begin == 19);
    CHECK(r.paragraphs[0].lines[2].line->end == 22);
  }
  SECTION("each LF-separated part is judged on its own; one-line parts are never lonely") {
    box.balance = true;
    box.width_pt = 130;
    const t::FitResult r = t::fit_box({para("【目標】\nオンライン申請サポートの充実")}, metric, box);
    CHECK(texts(r.paragraphs[0]) ==
          std::vector<std::string>{"【目標】", "オンライン申請サポート", "の充実"});
  }
}

TEST_CASE("lonely_last_lines counts short last lines per LF part", "[text][fit][balance]") {
  const t::FixedPitchMeasurer metric;
  t::LayoutOptions o;
  o.width_pt = 50;
  o.size_pt = 10;
  auto count = [&](const std::string& s) {
    return t::lonely_last_lines(U(s), t::layout_paragraph(U(s), metric, o).lines, 2);
  };
  CHECK(count("あいうえおか") == 1);          // "か"
  CHECK(count("あいうえおかき。") == 1);      // "かき。": 。 does not count
  CHECK(count("あいうえおかきく") == 0);      // three characters
  CHECK(count("あい") == 0);                  // one line
  CHECK(count("あいうえおか\nあいうえおか") == 2);
  CHECK(count("あいうえおか\nあ") == 1);      // the one-line part is fine
}
