// Where the deck's lines wrap, read back from the PDF (pdftotext -bbox-layout) and judged
// against the plan's paragraphs with ICU's Japanese phrase boundaries computed here, on the
// source text: independent of the decisions plandeck's line breaker made.
//
// On the default plan, on tests/fixtures/plans/ok/other-office.yaml (another office, four
// projects, long cells, a URL, katakana-heavy wording, numbers with units) and on
// four-projects.yaml (another prefecture, four projects, a URL in a cell):
//   - no katakana word is cut across two lines (サービ|ス) unless it alone fills a line;
//   - no number is cut from its unit (4,500|人) or its prefix (約|27,000);
//   - at most 5 % of the automatic breaks fall inside an ICU phrase (the figure);
//   - no paragraph ends in a line of one or two characters.
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "line_breaks.hpp"
#include "model/plan.hpp"
#include "pdf_readers.hpp"
#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

// ICU 72's phrase boundaries (ja@lw=phrase) of `text`, by code point.
std::vector<bool> icu_phrase_starts(const std::u32string& text) {
  static std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createLineInstance(icu::Locale("ja@lw=phrase"), status));
    return U_SUCCESS(status) ? std::move(b) : nullptr;
  }();
  REQUIRE(it);
  icu::UnicodeString u;
  std::vector<std::size_t> cp;  // UTF-16 unit -> code point
  for (std::size_t k = 0; k < text.size(); ++k) {
    const int32_t before = u.length();
    u.append(static_cast<UChar32>(text[k]));
    for (int32_t i = before; i < u.length(); ++i) cp.push_back(k);
  }
  cp.push_back(text.size());
  std::vector<bool> out(text.size() + 1, false);
  it->setText(u);
  for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next())
    out[cp[static_cast<std::size_t>(p)]] = true;
  return out;
}

std::vector<std::u32string> paragraphs_of(const std::string& plan_path) {
  plandeck::diag::SourceMap sources;
  plandeck::diag::Diagnostics diags;
  std::optional<plandeck::model::Plan> plan = plandeck::input::load_plan(plan_path, sources, diags);
  REQUIRE(plan);
  std::vector<std::u32string> out;
  for (const plandeck::model::RichText* t : plandeck::model::all_texts(*plan)) {
    std::u32string cur;
    for (char32_t c : deck::code_points(t->plain())) {
      if (c == U'\n') {
        out.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    out.push_back(cur);
  }
  return out;
}

deck::WrapAudit audit_plan(const std::string& plan_path, const std::string& scratch) {
  const std::string dir = scratch_dir(scratch);
  ProcessOptions o;
  o.env["SOURCE_DATE_EPOCH"] = "1700000000";
  ProcessResult r = run_process({plandeck_bin(), "build", plan_path, "-o", dir, "--only", "pdf"}, o);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pdf = dir + "/" + fs::path(plan_path).stem().string() + ".pdf";
  const std::string tool = deck::find_tool("pdftotext");
  INFO("pdftotext (poppler-utils) is not installed: the deck cannot be read");
  REQUIRE_FALSE(tool.empty());
  ProcessResult x = run_process({tool, "-bbox-layout", pdf, "-"});
  REQUIRE(x.exit_code == 0);
  return deck::audit_wraps(deck::text_runs(deck::parse_bbox(x.out)), paragraphs_of(plan_path), icu_phrase_starts);
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

// `phrase_percent`: the most breaks inside an ICU phrase allowed, in % of all breaks.
void check_wraps(const deck::WrapAudit& a, int min_breaks, std::size_t phrase_percent) {
  WARN(a.breaks << " automatic breaks, " << a.inside_phrase.size() << " inside a phrase, "
                << a.katakana_cut.size() << " katakana cuts, " << a.unit_cut.size() << " unit cuts, "
                << a.lonely_last_line.size() << " lonely last lines");
  INFO("every automatic break found:\n" << joined(a.all));
  CHECK(a.breaks >= min_breaks);  // the reader does see the deck's wrapped lines
  {
    INFO("katakana words cut across lines:\n" << joined(a.katakana_cut));
    CHECK(a.katakana_cut.empty());
  }
  {
    INFO("numbers cut from their unit or prefix:\n" << joined(a.unit_cut));
    CHECK(a.unit_cut.empty());
  }
  {
    INFO("last lines of one or two characters:\n" << joined(a.lonely_last_line));
    CHECK(a.lonely_last_line.empty());
  }
  {
    INFO("breaks inside an ICU phrase (" << a.inside_phrase.size() << " of " << a.breaks << "):\n"
                                         << joined(a.inside_phrase));
    CHECK(a.inside_phrase.size() * 100 <= phrase_percent * static_cast<std::size_t>(a.breaks));
    if (!a.inside_phrase.empty()) WARN(joined(a.inside_phrase));
  }
}

deck::TextRun line_at(double y, const std::string& text, double x = 10) {
  deck::TextRun r;
  r.page = 1;
  r.words.push_back({x, y, x + 100, y + 10, text});
  return r;
}

}  // namespace

TEST_CASE("deck wrap audit sees cut words, cut units, phrases and lonely lines", "[deck][wrap]") {
  const std::vector<std::u32string> paragraphs = {U"ワークスタイル変革で充実のサービス提供",
                                                  U"参加者は4,500人を超えた"};
  SECTION("a good wrap passes") {
    const deck::WrapAudit a = deck::audit_wraps({line_at(0, "ワークスタイル変革で"), line_at(13, "充実のサービス提供")},
                                                paragraphs, icu_phrase_starts);
    CHECK(a.breaks == 1);
    CHECK(a.inside_phrase.empty());
    CHECK(a.katakana_cut.empty());
    CHECK(a.lonely_last_line.empty());
  }
  SECTION("a katakana cut, a phrase cut and a lonely last line are seen") {
    const deck::WrapAudit a = deck::audit_wraps(
        {line_at(0, "ワークスタイル変革で充実のサービ"), line_at(13, "ス提供")}, paragraphs, icu_phrase_starts);
    CHECK(a.breaks == 1);
    CHECK(a.katakana_cut.size() == 1);
    CHECK(a.inside_phrase.size() == 1);
    CHECK(a.lonely_last_line.empty());  // three characters
    const deck::WrapAudit b = deck::audit_wraps(
        {line_at(0, "ワークスタイル変革で充実のサービス"), line_at(13, "提供")}, paragraphs, icu_phrase_starts);
    CHECK(b.lonely_last_line.size() == 1);
    CHECK(b.inside_phrase.empty());
  }
  SECTION("a number cut from its unit is seen; unrelated or misplaced lines are not pairs") {
    const deck::WrapAudit a = deck::audit_wraps({line_at(0, "参加者は4,500"), line_at(13, "人を超えた")},
                                                paragraphs, icu_phrase_starts);
    CHECK(a.unit_cut.size() == 1);
    CHECK(deck::audit_wraps({line_at(0, "参加者は4,500"), line_at(40, "人を超えた")}, paragraphs, icu_phrase_starts)
              .breaks == 0);
    CHECK(deck::audit_wraps({line_at(0, "参加者は4,500"), line_at(13, "人を超えた", 80)}, paragraphs,
                            icu_phrase_starts)
              .breaks == 0);
    CHECK(deck::audit_wraps({line_at(0, "参加者は"), line_at(13, "充実の")}, paragraphs, icu_phrase_starts).breaks == 0);
  }
  SECTION("a sign cut from its number is seen") {
    const std::vector<std::u32string> signed_ = {U"実施率は38.2%（前年度比＋12.4ポイント）"};
    CHECK(deck::audit_wraps({line_at(0, "実施率は38.2%（前年度比＋"), line_at(13, "12.4ポイント）")}, signed_,
                            icu_phrase_starts)
              .unit_cut.size() == 1);
    CHECK(deck::audit_wraps({line_at(0, "実施率は38.2%（前年度比"), line_at(13, "＋12.4ポイント）")}, signed_,
                            icu_phrase_starts)
              .unit_cut.empty());
  }
}

TEST_CASE("deck wraps keep words, units and phrases whole and leave no lonely last line", "[deck][wrap]") {
  const deck::WrapAudit a = audit_plan(source_dir() + "/data/hiroshima-dx-r3-r5.yaml", "deck-wraps-default");
  // 6 of 132 (4.5 %) when this was written, down from 13 of 138 (9.4 %) before table columns
  // weighed their breaks: the rest are body lines where keeping the phrase would cost a line
  // (手続|が多く, デジタル|の効果; PreparedParagraph::breaks keeps the plain line count) and
  // one table cell whose katakana compound needs more width than the other columns can give
  // at 13 pt without changing their headers' line breaks (セキュリティクラウド|アップデート, Ⅱ-5).
  check_wraps(a, 100, 5);
  INFO(joined(a.all));
  // The cover title breaks at the author's space (推進 アクションプランの取組), and the typed
  // space inside the name 「DX Ship(デジシップ)ひろしま」 does not break.
  CHECK(std::count(a.all.begin(), a.all.end(), "page 1: 広島県行政デジタル化推進|アクションプランの取組（R3～R5）") == 1);
  CHECK(std::none_of(a.all.begin(), a.all.end(),
                     [](const std::string& s) { return s.find("DX|Ship") != std::string::npos; }));
}

// The second plans are held to the default deck's 5 %. They have fewer breaks (about 50 and
// 25), so one more break inside a phrase fails them: a regression shows at once. When this
// was written: other-office 2 of 52 (3.8 %; 3 of 47 before table columns weighed their
// breaks), four-projects 0 of 23 (1 of 22 before).
TEST_CASE("another office's plan wraps as well", "[deck][wrap]") {
  // Its 項目 and 目標 columns are narrower than カスタマーサポートの and セルフサービス at the
  // table's size, with every column that could give width held at its header's line breaks:
  // those two cuts remain.
  check_wraps(audit_plan(source_dir() + "/tests/fixtures/plans/ok/other-office.yaml", "deck-wraps-other"), 40, 5);
}

// A city office's plan written by someone who had not seen the layout: a goal status of five
// goals of different lengths, Latin names, URLs, e-mail addresses and signed figures in
// narrow columns (前年度比＋12.4ポイント once wrapped after ＋).
TEST_CASE("a city office's plan wraps as well", "[deck][wrap]") {
  check_wraps(audit_plan(source_dir() + "/tests/fixtures/plans/ok/city-office.yaml", "deck-wraps-city"), 20, 5);
}

TEST_CASE("a four-project plan wraps as well", "[deck][wrap]") {
  check_wraps(audit_plan(source_dir() + "/tests/fixtures/plans/ok/four-projects.yaml", "deck-wraps-four"), 20, 5);
}

// Six projects, six goals that continue on a （続き） page, money in 円 up to 310,000,000,
// URLs in panels and results: a plan the layout was not tuned for.
TEST_CASE("a six-project plan wraps as well", "[deck][wrap]") {
  check_wraps(audit_plan(source_dir() + "/tests/fixtures/plans/ok/six-projects.yaml", "deck-wraps-six"), 40, 5);
}
