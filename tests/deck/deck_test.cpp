// Acceptance checks of the PDF deck, read back with independent tools.
//
// Each TEST_CASE builds the default plan (data/hiroshima-dx-r3-r5.yaml) with the real binary
// into a scratch directory of its own, with SOURCE_DATE_EPOCH=1700000000, then reads the PDF
// with poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf. A missing reader is a failure,
// never a skip: a test that cannot look must not pass.
//
// The seed comparison. The seed (shared/seeds/000_181b45f03200ae7b.txt, next to the
// repository) is a text extraction of the original deck. Every piece of it must be found in
// the text pdftotext -raw reads from the deck. Normalisation, applied to the seed line:
//   - the 目次's dot leader and page number at the end of a line are dropped;
//   - a leading ASCII section number `I` / `II` is read as `Ⅰ` / `Ⅱ` (the deck's numerals);
//   - the line is cut at tabs (table cells), HTML tags (`<p>`, `<ul …>` left in cells) and
//     before a `・` that follows a space (one line of a list inside a cell);
//   - each piece loses the list markers at its start (`- `, `・`, `○`: the layout draws
//     bullets itself) and `**` (emphasis);
//   - all whitespace (U+3000 included, line breaks included) is removed from the piece and
//     from the deck's text alike, since the deck wraps where the seed does not.
// A piece must be a substring of the deck's whole text. A table cell whose lines were wrapped
// in the original (the seed flattened them into spaces) may be read by pdftotext with its
// neighbour cells' lines in between: such a piece is then cut at its spaces, and each part
// must be found on its own. Chapter numbers (`-1`) stay as they are: `-1概要` is in `Ⅰ-1概要`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "model/plan.hpp"
#include "deck_runs.hpp"
#include "pdf_readers.hpp"
#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;
namespace model = plandeck::model;
namespace diag = plandeck::diag;

namespace {

using deck::build_default;
using deck::read_with;

const std::string kSeedPath = PLANDECK_SOURCE_DIR "/../shared/seeds/000_181b45f03200ae7b.txt";
const std::string kStem = "hiroshima-dx-r3-r5";

model::Plan load_default_plan() {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  std::optional<model::Plan> plan = plandeck::input::load_plan(default_plan(), sources, diags);
  INFO(diag::format_all(diags, diag::Lang::En, &sources));
  REQUIRE(plan);
  return *plan;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// The text of each page (pdftotext separates pages with a form feed).
std::vector<std::string> page_texts(const std::string& pdf) {
  std::vector<std::string> pages = split(read_with({"pdftotext", "-raw", pdf, "-"}), '\f');
  if (!pages.empty() && deck::squeeze(pages.back()).empty()) pages.pop_back();
  return pages;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r')) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\n')) ++b;
  return s.substr(b);
}

// The footer page number of page `n` (1-based), read on its own with pdftotext -f n -l n:
// the last line of the page's text.
std::string footer_number(const std::string& pdf, int n) {
  std::string text = read_with({"pdftotext", "-raw", "-f", std::to_string(n), "-l", std::to_string(n), pdf, "-"});
  std::vector<std::string> lines;
  for (const std::string& l : split(text, '\n')) {
    std::string t = trim(l);
    if (!t.empty() && t != "\f") lines.push_back(t);
  }
  return lines.empty() ? "" : trim(split(lines.back(), '\f').back());
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string slide_bookmark(const model::Slide& s, const std::string& fallback) {
  if (!s.label.empty()) return s.label.plain();
  if (!s.heading.empty()) return s.heading.plain();
  return fallback;
}

// Every paragraph of the plan (texts split at their hard line breaks), squeezed.
std::vector<std::string> plan_paragraphs(const model::Plan& plan) {
  std::vector<std::string> out;
  for (const model::RichText* t : model::all_texts(plan)) {
    for (const std::string& p : split(t->plain(), '\n')) {
      std::string s = deck::squeeze(p);
      if (!s.empty()) out.push_back(s);
    }
  }
  return out;
}

deck::TextRun fake_run(std::vector<std::string> words) {
  deck::TextRun r;
  r.page = 1;
  double x = 0;
  for (auto& w : words) {
    r.words.push_back({x, 0, x + 10, 10, w});
    x += 12;
  }
  return r;
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

// ---- 1. the seed --------------------------------------------------------------------------

TEST_CASE("deck seed normalisation cuts and cleans seed lines as documented", "[deck][seed]") {
  using V = std::vector<std::string>;
  CHECK(deck::seed_pieces("- **申請書等**の押印の廃止") == V{"申請書等の押印の廃止"});
  CHECK(deck::seed_pieces(" - ・ みんなのDX研修") == V{"みんなのDX研修"});
  CHECK(deck::seed_pieces("-4 【下支え】県 ：取組結果\t・・・・・・・・・・14") == V{"-4 【下支え】県 ：取組結果"});
  CHECK(deck::seed_pieces("II 広島県\t・・・・・4") == V{"\u2161 広島県"});
  CHECK(deck::seed_pieces("I 概要\t") == V{"\u2160 概要"});
  CHECK(deck::seed_pieces("約79% ・WEB会議等の活用\t達成") == V{"約79%", "WEB会議等の活用", "達成"});
  CHECK(deck::seed_pieces("<p>〈機能〉</p> <ul style=\"x\"> ・県") == V{"〈機能〉", "県"});
  CHECK(deck::seed_pieces("ノーコード・ローコード") == V{"ノーコード・ローコード"});
  CHECK(deck::squeeze("a b\u3000c\nd") == "abcd");
}

TEST_CASE("deck seed comparison reports a missing or altered line", "[deck][seed]") {
  const std::string seed = "表題\n- 申請書等の押印の廃止\n項目\t【目標】 107手続全て\t13手続\n";
  std::vector<deck::TextRun> runs;
  SECTION("all there, one cell wrapped and read between its neighbours") {
    auto c = deck::compare_seed(seed, "表題\n・申請書等の押印\nの廃止\n項目 【目標】 13手続\n107手続全て\n", runs);
    CHECK(c.missing.empty());
    CHECK(c.pieces == 5);
    CHECK(c.found_by_line == 1);
  }
  SECTION("a sentence lost") {
    auto c = deck::compare_seed(seed, "表題\n項目 【目標】 107手続全て 13手続\n", runs);
    REQUIRE(c.missing.size() == 1);
    CHECK(c.missing[0] == "seed line 2: 申請書等の押印の廃止");
  }
  SECTION("a figure changed") {
    auto c = deck::compare_seed(seed, "表題 申請書等の押印の廃止 項目 【目標】 108手続全て 13手続", runs);
    REQUIRE(c.missing.size() == 1);
    CHECK(c.missing[0] == "seed line 3: 【目標】 107手続全て");
  }
}

TEST_CASE("deck text carries every line of the seed deck", "[deck][seed]") {
  std::ifstream f(kSeedPath, std::ios::binary);
  if (!f) {
    if (std::getenv("CI") != nullptr) FAIL("the seed deck is missing: " << kSeedPath << " (CI is set)");
    WARN("SKIPPED: the seed deck is missing: " << kSeedPath
                                               << " -- the deck was NOT compared with it (set CI to make this an error)");
    return;
  }
  std::ostringstream s;
  s << f.rdbuf();
  std::string pdf = build_default("deck-seed");
  std::string text = read_with({"pdftotext", "-raw", pdf, "-"});
  auto runs = deck::text_runs(deck::parse_bbox(read_with({"pdftotext", "-bbox-layout", pdf, "-"})));

  deck::SeedComparison c = deck::compare_seed(s.str(), text, runs);
  for (const std::string& m : c.missing) FAIL_CHECK("not in the deck: " << m);
  // Not vacuous: the seed has some 410 pieces.
  CHECK(c.pieces > 400);
  CHECK(c.found_whole + c.found_by_line + static_cast<int>(c.missing.size()) == c.pieces);
  // Emphasis markup is for the layout, never printed.
  CHECK(text.find("**") == std::string::npos);
}

// ---- 2. kinsoku ---------------------------------------------------------------------------

TEST_CASE("deck kinsoku checker flags forbidden line starts and ends", "[deck][kinsoku]") {
  const std::vector<std::string> paragraphs = {"ノーコード・ローコードツール活用等", "・WEB会議促進", "データ活用"};
  SECTION("good lines pass") {
    std::vector<deck::TextRun> runs = {fake_run({"ノーコード・ロー"}), fake_run({"コードツール活用等"}),
                                       fake_run({"・WEB会議促進"}),  // a typed list line in a cell
                                       fake_run({"\u30FB", "データ活用"}),  // a drawn bullet
                                       fake_run({"\u25CB", "データ活用"}),  // a drawn circle
                                       fake_run({"・・・・・・・・"}), fake_run({"・・・・", "14"})};  // 目次 leaders
    CHECK(deck::kinsoku_problems(runs, paragraphs).empty());
  }
  SECTION("a middle dot, a small kana, a prolonged sound mark, a closing bracket at a line start") {
    for (const char* bad : {"・ローコード", "・・", "・・・ローコード", "ょう", "ーコード", "）です", "、また", "。", "％増", "～R5"}) {
      INFO(bad);
      auto p = deck::kinsoku_problems({fake_run({bad})}, paragraphs);
      REQUIRE(p.size() == 1);
      CHECK(p[0].find("may not begin a line") != std::string::npos);
    }
  }
  SECTION("an opening bracket or a prefix at a line end") {
    for (const char* bad : {"申請サポート（", "「フレンドリー県庁", "「", "価格は¥", "【"}) {
      INFO(bad);
      auto p = deck::kinsoku_problems({fake_run({bad})}, paragraphs);
      bool ends = std::string(bad) != "「フレンドリー県庁";
      CHECK(p.size() == (ends ? 1u : 0u));
    }
  }
  SECTION("Latin tokens") {
    CHECK(deck::latin_tokens("1,742/1,874手続の押印、AI,RPA等とDoBoXを R3～R5 (▲96%) a") ==
          std::vector<std::string>{"1,742/1,874", "AI,RPA", "DoBoX", "R3", "R5", "96"});
  }
}

TEST_CASE("deck lines respect kinsoku and keep Latin words whole", "[deck][kinsoku]") {
  std::string pdf = build_default("deck-kinsoku");
  model::Plan plan = load_default_plan();
  auto pages = deck::parse_bbox(read_with({"pdftotext", "-bbox-layout", pdf, "-"}));
  auto runs = deck::text_runs(pages);
  REQUIRE(runs.size() > 300);

  for (const std::string& p : deck::kinsoku_problems(runs, plan_paragraphs(plan))) FAIL_CHECK(p);

  std::vector<std::string> run_texts;
  for (const auto& r : runs) run_texts.push_back(deck::squeeze(r.text()));
  auto in_one_run = [&](const std::string& needle) {
    return std::any_of(run_texts.begin(), run_texts.end(),
                       [&](const std::string& t) { return t.find(needle) != std::string::npos; });
  };
  for (const char* word : {"1,742/1,874手続", "DoBoX", "R3～R5", "AI,RPA", "(▲96%)"}) {
    INFO("split across lines, or missing: " << word);
    CHECK(in_one_run(word));
  }
  std::set<std::string> tokens;
  for (const model::RichText* t : model::all_texts(plan)) {
    for (const std::string& tok : deck::latin_tokens(t->plain())) tokens.insert(tok);
  }
  CHECK(tokens.size() > 30);
  for (const std::string& tok : tokens) {
    INFO("a Latin word or number is split across two lines: " << tok);
    CHECK(in_one_run(tok));
  }
}

// ---- 3. the file --------------------------------------------------------------------------

TEST_CASE("deck fonts are embedded subset Unicode and Japanese for Japanese text", "[deck][file]") {
  std::string pdf = build_default("deck-fonts");
  std::string fonts = read_with({"pdffonts", pdf});
  std::vector<std::string> rows = split(fonts, '\n');
  REQUIRE(rows.size() > 2);
  REQUIRE(rows[0].rfind("name", 0) == 0);

  deck::Json objects = deck::parse_json(read_with({"qpdf", "--json=2", "--json-key=qpdf", pdf}))
                           .at("qpdf")
                           .items.at(1);
  int fonts_seen = 0, japanese_fonts = 0;
  for (std::size_t i = 2; i < rows.size(); ++i) {
    std::istringstream in(rows[i]);
    std::vector<std::string> cols;
    for (std::string c; in >> c;) cols.push_back(c);
    if (cols.empty()) continue;
    ++fonts_seen;
    REQUIRE(cols.size() >= 7);
    const std::string& name = cols[0];
    std::size_t n = cols.size();
    INFO("font " << name << ": " << rows[i]);
    CHECK(cols[n - 5] == "yes");  // embedded
    CHECK(cols[n - 4] == "yes");  // subset
    CHECK(cols[n - 3] == "yes");  // ToUnicode
    CHECK(name.find('+') == 6);   // the subset tag ABCDEF+

    // What the font is used for: its ToUnicode map, read with qpdf.
    const deck::Json& font = objects.at("obj:" + cols[n - 2] + " " + cols[n - 1] + " R").at("value");
    const deck::Json* to_unicode = font.find("/ToUnicode");
    REQUIRE(to_unicode != nullptr);
    std::string ref = to_unicode->string;
    std::string cmap = read_with({"qpdf", "--show-object=" + ref.substr(0, ref.find(' ')),
                                  "--filtered-stream-data", pdf});
    std::set<char32_t> mapped;
    std::istringstream cm(cmap);
    bool in_char = false, in_range = false;
    auto hex_text = [](const std::string& tok) {  // <00410042> -> the UTF-16BE text
      std::u32string out;
      std::string h = tok.substr(1, tok.size() - 2);
      std::vector<char32_t> units;
      for (std::size_t k = 0; k + 4 <= h.size(); k += 4)
        units.push_back(static_cast<char32_t>(std::stoul(h.substr(k, 4), nullptr, 16)));
      for (std::size_t k = 0; k < units.size(); ++k) {
        if (units[k] >= 0xD800 && units[k] <= 0xDBFF && k + 1 < units.size()) {
          out += 0x10000 + ((units[k] - 0xD800) << 10) + (units[k + 1] - 0xDC00);
          ++k;
        } else {
          out += units[k];
        }
      }
      return out;
    };
    for (std::string l; std::getline(cm, l);) {
      if (l.find("beginbfchar") != std::string::npos) { in_char = true; continue; }
      if (l.find("endbfchar") != std::string::npos) { in_char = false; continue; }
      if (l.find("beginbfrange") != std::string::npos) { in_range = true; continue; }
      if (l.find("endbfrange") != std::string::npos) { in_range = false; continue; }
      std::istringstream t(l);
      std::vector<std::string> toks;
      for (std::string tok; t >> tok;) toks.push_back(tok);
      if (in_char && toks.size() == 2) {
        for (char32_t c : hex_text(toks[1])) mapped.insert(c);
      } else if (in_range && toks.size() == 3 && toks[2][0] == '<') {
        auto lo = hex_text(toks[0]), hi = hex_text(toks[1]), dst = hex_text(toks[2]);
        if (!lo.empty() && !hi.empty() && !dst.empty()) {
          for (char32_t k = 0; k <= hi[0] - lo[0]; ++k) mapped.insert(dst.back() + k);
        }
      }
    }
    CHECK_FALSE(mapped.empty());
    auto japanese = [](char32_t c) {
      return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
             (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
             (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
    };
    std::size_t jp = static_cast<std::size_t>(std::count_if(mapped.begin(), mapped.end(), japanese));
    static const std::vector<std::string> kJapaneseFamilies = {
        "BIZUD", "NotoSansCJK", "NotoSansJP", "NotoSerifCJK", "SourceHan", "IPAex", "IPAGothic", "IPAMincho"};
    bool japanese_font = std::any_of(kJapaneseFamilies.begin(), kJapaneseFamilies.end(),
                                     [&](const std::string& f) { return name.find(f) != std::string::npos; });
    if (japanese_font) ++japanese_fonts;
    INFO(jp << " Japanese characters are drawn with this font");
    if (!japanese_font) CHECK(jp == 0);  // a Latin font standing in for Japanese text
  }
  CHECK(fonts_seen >= 2);
  CHECK(japanese_fonts >= 1);
}

TEST_CASE("deck file passes qpdf check with A4 landscape pages and a small size", "[deck][file]") {
  std::string pdf = build_default("deck-file");
  std::string check = read_with({"qpdf", "--check", pdf});
  CHECK(check.find("No syntax or stream encoding errors found") != std::string::npos);

  std::string info = read_with({"pdfinfo", "-f", "1", "-l", "9999", pdf});
  int pages = 0;
  for (const std::string& l : split(info, '\n')) {
    if (l.rfind("Pages:", 0) == 0) pages = std::atoi(l.substr(6).c_str());
  }
  CHECK(pages >= 17);
  std::size_t sized = 0;
  for (const std::string& l : split(info, '\n')) {
    if (l.rfind("Page ", 0) == 0 && l.find(" size: ") != std::string::npos) {
      ++sized;
      std::istringstream in(l.substr(l.find(" size: ") + 7));
      double w = 0, h = 0;
      std::string x, unit;
      in >> w >> x >> h >> unit;
      INFO(l);
      CHECK(w == 842);
      CHECK(h == 595);
      CHECK(unit == "pts");
    }
  }
  CHECK(sized == static_cast<std::size_t>(pages));
  read_with({"pdftotext", pdf, "-"});  // says nothing on stderr (checked in read_with)
  auto bytes = fs::file_size(pdf);
  INFO(bytes << " bytes");
  CHECK(bytes <= 160u * 1000u);  // issue 13's budget for the default deck (it was 160,472 bytes)
  // The dictionaries are packed into object streams (what keeps it small), as qpdf reads it.
  std::string xref = read_with({"qpdf", "--show-xref", pdf});
  CHECK(xref.find(": compressed; stream = ") != std::string::npos);
}

// ---- 4. navigation ------------------------------------------------------------------------

TEST_CASE("deck bookmarks name every section chapter and slide and land on its page", "[deck][navigation]") {
  std::string pdf = build_default("deck-bookmarks");
  model::Plan plan = load_default_plan();
  deck::Json outlines =
      deck::parse_json(read_with({"qpdf", "--json=2", "--json-key=outlines", pdf})).at("outlines");
  std::vector<std::string> pages = page_texts(pdf);

  auto title = [](const deck::Json& o) { return o.at("title").string; };
  auto page_of = [](const deck::Json& o) { return static_cast<int>(o.at("destpageposfrom1").number); };
  auto shows = [&](int page, const std::string& text) {
    return page >= 1 && page <= static_cast<int>(pages.size()) &&
           deck::squeeze(pages[static_cast<std::size_t>(page - 1)]).find(deck::squeeze(text)) != std::string::npos;
  };
  auto check_slides = [&](const std::vector<model::Slide>& slides, const deck::Json& kids, std::size_t first,
                          const std::string& bar, const std::string& fallback) {
    for (std::size_t k = 0; k < slides.size(); ++k) {
      const model::Slide& s = slides[k];
      INFO("slide " << k + 1 << " under " << bar);
      REQUIRE(first + k < kids.items.size());
      const deck::Json& o = kids.items[first + k];
      CHECK(title(o) == slide_bookmark(s, fallback));
      std::string shown = s.label.empty() ? bar : bar + "（" + s.label.plain() + "）";
      INFO("the bookmark's page " << page_of(o) << " should show the title bar " << shown);
      CHECK(shows(page_of(o), shown));
    }
  };

  REQUIRE(outlines.items.size() == plan.sections.size() + 1);
  std::string toc = plan.document.toc_title.empty() ? "目次" : plan.document.toc_title.plain();
  CHECK(title(outlines.items[0]) == toc);
  CHECK(shows(page_of(outlines.items[0]), toc));
  for (std::size_t si = 0; si < plan.sections.size(); ++si) {
    const model::Section& sec = plan.sections[si];
    const deck::Json& so = outlines.items[si + 1];
    const std::string snum = model::section_number(si);
    INFO("section " << snum);
    CHECK(title(so) == snum + " " + sec.title.plain());
    const deck::Json& kids = so.at("kids");
    REQUIRE(kids.items.size() == sec.slides.size() + sec.chapters.size());
    if (sec.title_slide) {
      CHECK(shows(page_of(so), snum + sec.title.plain()));
    } else {
      CHECK(page_of(so) == page_of(kids.items[0]));
    }
    check_slides(sec.slides, kids, 0, snum + " " + sec.title.plain(), sec.title.plain());
    for (std::size_t ci = 0; ci < sec.chapters.size(); ++ci) {
      const model::Chapter& ch = sec.chapters[ci];
      const deck::Json& co = kids.items[sec.slides.size() + ci];
      const std::string cnum = model::chapter_number(si, ci);
      INFO("chapter " << cnum);
      CHECK(title(co) == cnum + " " + ch.title.plain());
      const deck::Json& ckids = co.at("kids");
      REQUIRE(ckids.items.size() == ch.slides.size());
      CHECK(page_of(co) == page_of(ckids.items[0]));
      check_slides(ch.slides, ckids, 0, cnum + " " + ch.title.plain(), ch.title.plain());
    }
  }
}

TEST_CASE("deck contents page links land on the pages numbered in its entries", "[deck][navigation]") {
  std::string pdf = build_default("deck-toc-links");
  model::Plan plan = load_default_plan();
  std::size_t entries_expected = plan.sections.size();
  for (const auto& s : plan.sections) entries_expected += s.chapters.size();

  deck::Json j = deck::parse_json(read_with({"qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", pdf}));
  const deck::Json& objects = j.at("qpdf").items.at(1);
  std::map<std::string, int> page_index;  // "25 0 R" -> 1-based page
  for (const deck::Json& p : j.at("pages").items) {
    page_index[p.at("object").string] = static_cast<int>(p.at("pageposfrom1").number);
  }
  auto deref = [&](const deck::Json& v) -> const deck::Json& {
    if (v.kind == deck::Json::Kind::String && v.string.size() > 2 &&
        v.string.compare(v.string.size() - 2, 2, " R") == 0) {
      return objects.at("obj:" + v.string).at("value");
    }
    return v;
  };

  std::vector<std::string> texts = page_texts(pdf);
  auto bbox = deck::parse_bbox(read_with({"pdftotext", "-bbox-layout", pdf, "-"}));
  REQUIRE(bbox.size() == texts.size());
  std::string toc_title = plan.document.toc_title.empty() ? "目次" : plan.document.toc_title.plain();

  std::size_t links_checked = 0, toc_pages = 0;
  for (const deck::Json& p : j.at("pages").items) {
    int n = static_cast<int>(p.at("pageposfrom1").number);
    if (trim(split(texts[static_cast<std::size_t>(n - 1)], '\n')[0]) != toc_title) continue;
    ++toc_pages;
    const deck::Page& page = bbox[static_cast<std::size_t>(n - 1)];
    const deck::Json& page_obj = objects.at("obj:" + p.at("object").string).at("value");
    const deck::Json* annots = page_obj.find("/Annots");
    REQUIRE(annots != nullptr);
    std::vector<std::pair<double, double>> link_spans;  // top-down y ranges of the links
    for (const deck::Json& a_ref : deref(*annots).items) {
      const deck::Json& a = deref(a_ref);
      if (a.at("/Subtype").string != "/Link") continue;
      const deck::Json* dest = a.find("/Dest");
      if (dest == nullptr && a.find("/A") != nullptr) dest = deref(a.at("/A")).find("/D");
      REQUIRE(dest != nullptr);
      const deck::Json& target_arr = deref(*dest);
      REQUIRE(target_arr.kind == deck::Json::Kind::Array);
      REQUIRE(page_index.count(target_arr.items.at(0).string) == 1);
      int target = page_index[target_arr.items.at(0).string];

      const auto& rect = deref(a.at("/Rect")).items;
      REQUIRE(rect.size() == 4);
      double x0 = std::min(rect[0].number, rect[2].number), x1 = std::max(rect[0].number, rect[2].number);
      double top = page.height - std::max(rect[1].number, rect[3].number);
      double bottom = page.height - std::min(rect[1].number, rect[3].number);
      link_spans.push_back({top, bottom});
      // The entry under the link: the words whose centre lies in its rectangle.
      std::vector<deck::Word> under;
      for (const auto& line : page.lines) {
        for (const auto& w : line.words) {
          double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
          if (cx >= x0 && cx <= x1 && cy >= top && cy <= bottom) under.push_back(w);
        }
      }
      std::sort(under.begin(), under.end(), [](const deck::Word& a1, const deck::Word& b1) { return a1.x0 < b1.x0; });
      std::string entry;
      for (const auto& w : under) entry += w.text + " ";
      INFO("contents entry under the link: " << entry << "-> page " << target);
      REQUIRE_FALSE(under.empty());
      std::string printed = under.back().text;
      CHECK(all_digits(printed));
      CHECK(footer_number(pdf, target) == printed);
      ++links_checked;
    }
    // Every entry with a leader has a link over it.
    for (const auto& line : page.lines) {
      std::string text;
      for (const auto& w : line.words) text += w.text;
      if (text.find("・・・") == std::string::npos) continue;
      double cy = (line.words.front().y0 + line.words.front().y1) / 2;
      bool covered = std::any_of(link_spans.begin(), link_spans.end(),
                                 [&](const auto& sp) { return cy >= sp.first && cy <= sp.second; });
      INFO("a contents entry without a link: " << text);
      CHECK(covered);
    }
  }
  CHECK(toc_pages >= 1);
  CHECK(links_checked == entries_expected);
}

TEST_CASE("deck JSON reader reads what qpdf writes", "[deck][navigation]") {
  deck::Json j = deck::parse_json(R"({"a": [1, -2.5e1, true, null, "x\u00e9\ud842\udfb7\"y"], "b": {}})");
  CHECK(j.at("a").items.size() == 5);
  CHECK(j.at("a").items[1].number == -25);
  CHECK(j.at("a").items[4].string == "x\u00e9\U00020BB7\"y");
  CHECK(j.at("b").keys.empty());
  CHECK_THROWS(deck::parse_json("{\"a\": }"));
  CHECK_THROWS(j.at("c"));
}

// ---- 5. reproducibility -------------------------------------------------------------------

TEST_CASE("deck builds are byte-identical with and without SOURCE_DATE_EPOCH", "[deck][reproducible]") {
  std::string a = build_default("deck-repro-a");
  std::string b = build_default("deck-repro-b");
  CHECK(read_file(a) == read_file(b));
  CHECK(read_file(fs::path(a).replace_extension(".xlsx").string()) ==
        read_file(fs::path(b).replace_extension(".xlsx").string()));
  std::string info = read_with({"pdfinfo", a});
  CHECK(info.find("CreationDate:    Tue Nov 14 22:13:20 2023 UTC") != std::string::npos);

  ProcessOptions no_epoch;
  no_epoch.unset_env.push_back("SOURCE_DATE_EPOCH");
  std::string c = scratch_dir("deck-repro-c"), d = scratch_dir("deck-repro-d");
  ProcessResult rc = run_process({plandeck_bin(), "build", default_plan(), "-o", c}, no_epoch);
  REQUIRE(rc.exit_code == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a clock would now differ
  ProcessResult rd = run_process({plandeck_bin(), "build", default_plan(), "-o", d}, no_epoch);
  REQUIRE(rd.exit_code == 0);
  std::string pc = c + "/" + kStem + ".pdf", pd = d + "/" + kStem + ".pdf";
  CHECK(read_file(pc) == read_file(pd));
  CHECK(read_file(c + "/" + kStem + ".xlsx") == read_file(d + "/" + kStem + ".xlsx"));
  std::string undated = read_with({"pdfinfo", pc});
  INFO(undated);
  CHECK(undated.find("CreationDate") == std::string::npos);
  CHECK(undated.find("ModDate") == std::string::npos);
}

// ---- 6. errors at the CLI -----------------------------------------------------------------

namespace {

struct Planted {
  std::string plan;  // path of the changed copy (same file name as the default plan)
  int line = 0;      // where the planted text starts, 1-based
  int col = 0;       // in code points, 1-based
};

// A copy of the default plan with `insert` placed right after the first `anchor`.
Planted plant(const std::string& dir, const std::string& anchor, const std::string& insert) {
  std::string text = read_file(default_plan());
  std::size_t at = text.find(anchor);
  REQUIRE(at != std::string::npos);
  at += anchor.size();
  text.insert(at, insert);
  Planted p;
  fs::create_directories(dir + "/in");
  p.plan = dir + "/in/" + kStem + ".yaml";
  write_file(p.plan, text);
  std::size_t line_start = text.rfind('\n', at - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  p.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(line_start), '\n'));
  p.col = 1 + static_cast<int>(deck::code_points(std::string_view(text).substr(line_start, at - line_start)).size());
  return p;
}

// A good build in `dir/out`, then the planted plan built into the same directory: it must
// fail with exit 1 and leave the good outputs exactly as they were, with nothing beside them.
ProcessResult build_over_good_outputs(const std::string& dir, const Planted& p) {
  std::string out = dir + "/out";
  ProcessResult good = run_process({plandeck_bin(), "build", default_plan(), "-o", out}, with_epoch());
  REQUIRE(good.exit_code == 0);
  std::string pdf = read_file(out + "/" + kStem + ".pdf");
  std::string xlsx = read_file(out + "/" + kStem + ".xlsx");
  ProcessResult r = run_process({plandeck_bin(), "build", p.plan, "-o", out}, with_epoch());
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.signal == 0);
  CHECK(listing(out) == std::vector<std::string>{kStem + ".pdf", kStem + ".xlsx"});
  CHECK(read_file(out + "/" + kStem + ".pdf") == pdf);
  CHECK(read_file(out + "/" + kStem + ".xlsx") == xlsx);
  return r;
}

}  // namespace

TEST_CASE("deck build refuses a Thai character no font has and writes nothing", "[deck][errors]") {
  std::string dir = scratch_dir("deck-err-thai");
  Planted p = plant(dir, "heading: 取組", "\u0E01");
  ProcessResult r = build_over_good_outputs(dir, p);
  std::string where = p.plan + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ":";
  INFO(r.err);
  CHECK(r.err.find(where) != std::string::npos);
  CHECK(r.err.find("U+0E01") != std::string::npos);
  CHECK(r.err.find("\u0E01") != std::string::npos);
}

TEST_CASE("deck build prints a character beyond the BMP that a font has", "[deck][file]") {
  // 𠮟 (U+20B9F, a jōyō kanji) is in BIZ UDPGothic: it is drawn and reads back.
  std::string dir = scratch_dir("deck-astral");
  Planted p = plant(dir, "heading: 取組", "\U00020B9F");
  std::string out = dir + "/out";
  ProcessResult r = run_process({plandeck_bin(), "build", p.plan, "-o", out}, with_epoch());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pdf = out + "/" + kStem + ".pdf";
  CHECK(read_with({"pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"}).find("取組\U00020B9F") !=
        std::string::npos);
  std::string fonts = read_with({"pdffonts", pdf});
  INFO(fonts);
  std::vector<std::string> rows = split(fonts, '\n');
  REQUIRE(rows.size() > 2);
  for (std::size_t i = 2; i < rows.size(); ++i) {
    if (rows[i].empty()) continue;
    CHECK(rows[i].find("yes yes yes") != std::string::npos);  // emb sub uni
  }
  std::string check = read_with({"qpdf", "--check", pdf});
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("deck build refuses a character beyond the BMP that no font has and writes nothing",
          "[deck][errors]") {
  // U+1F9FF (nazar amulet) is in neither BIZ UDPGothic nor DejaVu Sans.
  std::string dir = scratch_dir("deck-err-astral");
  Planted p = plant(dir, "heading: 取組", "\U0001F9FF");
  ProcessResult r = build_over_good_outputs(dir, p);
  std::string where = p.plan + ":" + std::to_string(p.line) + ":" + std::to_string(p.col) + ":";
  INFO(r.err);
  CHECK(r.err.find(where) != std::string::npos);
  CHECK(r.err.find("U+1F9FF") != std::string::npos);
  CHECK(r.err.find("\U0001F9FF") != std::string::npos);
}

TEST_CASE("deck build refuses a bullet too long for its box and names slide and box", "[deck][errors]") {
  std::string dir = scratch_dir("deck-err-overflow");
  std::string more;
  for (int i = 0; i < 300; ++i) more += "バーチャルな空間でも望むサービスを楽しむ";
  Planted p = plant(dir, "- 場所・時間の制約なく、", more);
  ProcessResult r = build_over_good_outputs(dir, p);
  INFO(r.err.substr(0, 2000));
  // The item starts two columns before the planted text ("- " then the item).
  std::string where = p.plan + ":" + std::to_string(p.line) + ":";
  CHECK(r.err.find(where) != std::string::npos);
  CHECK(r.err.find("Ⅰ-1 概要") != std::string::npos);        // the slide
  CHECK(r.err.find("blocks[2].items") != std::string::npos);  // the box: 2nd block's items
  CHECK(count_of(r.err, ": error: ") == 1);

  ProcessResult en = run_process({plandeck_bin(), "--lang", "en", "check", p.plan});
  CHECK(en.exit_code == 1);
  CHECK(en.err.find("does not fit its box") != std::string::npos);
  CHECK(en.err.find("minimum size") != std::string::npos);
}
