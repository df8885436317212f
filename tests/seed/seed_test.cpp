// The default plan carries the whole seed deck.
//
// The seed (shared/seeds/000_181b45f03200ae7b.txt, next to the repository) is a text
// extraction of the original report deck. data/hiroshima-dx-r3-r5.yaml is that deck as data;
// this test checks that every sentence, bullet and table cell of the seed is found in the
// plan's texts (model::all_texts), so that nothing was lost or altered on the way.
//
// Normalisation, applied to the seed and to the plan's texts alike:
//   - `**` is dropped (emphasis markup);
//   - at the start of each line, list markers are dropped: `- ` (the extraction's list
//     marker), `・` and `○` (bullets the layout draws; the seed sometimes types them);
//   - all whitespace is dropped (the extraction flattened the original's line breaks into
//     spaces, which the plan writes as real line breaks again).
// Each seed line is cut into fragments that are checked one by one: at tabs (table cells),
// at HTML tags (`<p>`, `<ul …>`: cell formatting left in the extraction) and before a `・`
// that follows a space (one line of a list inside a cell). A fragment must lie inside ONE
// text of the plan: texts are kept apart, so a fragment cannot match across two of them.
//
// Computed lines. The 目次 and the slide title bars are made by plandeck from numbers,
// titles and labels, so they are not texts of the plan. A seed line that starts with a
// section number (`I `, `II `, `Ⅱ `) or a chapter number (`-1 `, `- 4 `, `-1【`) is
// checked against those computed forms instead, after dropping the 目次's dot leaders and
// page number: a section line must be the title of the section with that number; a chapter
// line must be `<title>`, `<title>：<toc_note>` (目次) or `<title>（<label>）` (title bar) of a
// chapter with that number (the extraction lost the section numeral in front of `-1`).
// The title bars also give the page count: each `<title>（<label>）` must occur in the seed
// as often as the plan draws it (one page, plus one per table group with `new_page`).
//
// kKnownDifferences lists the seed lines the plan cannot reproduce, each with its reason.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "model/plan.hpp"

namespace model = plandeck::model;
namespace diag = plandeck::diag;

namespace {

const std::string kSeedPath = PLANDECK_SOURCE_DIR "/../shared/seeds/000_181b45f03200ae7b.txt";
const std::string kPlanPath = PLANDECK_SOURCE_DIR "/data/hiroshima-dx-r3-r5.yaml";

constexpr std::string_view kNakaguro = "\u30FB";    // ・
constexpr std::string_view kCircle = "\u25CB";      // ○
constexpr std::string_view kIdeoSpace = "\u3000";   // full-width space
constexpr std::string_view kTocColon = "\uFF1A";    // ： between a 目次 title and its note
constexpr std::string_view kOpenParen = "\uFF08";   // （ around a title bar's label
constexpr std::string_view kCloseParen = "\uFF09";  // ）

// Seed lines that the plan cannot reproduce as they are. Each maps the seed's normalised
// line to what plandeck computes instead; the test checks that replacement, so it still
// fails when the plan changes. Keep this list minimal and give every entry its reason.
struct KnownDifference {
  std::string seed;  // normalised body of the seed line (numbers and leaders dropped)
  std::string plan;  // the computed form that stands for it
  const char* reason;
};
// Empty since chapters may carry a 目次 wording of their own (toc_title).
const std::vector<KnownDifference> kKnownDifferences = {};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_space(std::string_view s, std::size_t i) {
  char c = s[i];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
         s.substr(i, kIdeoSpace.size()) == kIdeoSpace;
}

// Drops leading whitespace and list markers (`- `, `・`, `○`) of one line.
std::string_view strip_markers(std::string_view line) {
  for (;;) {
    std::size_t before = line.size();
    while (!line.empty() && is_space(line, 0)) {
      line.remove_prefix(starts_with(line, kIdeoSpace) ? kIdeoSpace.size() : 1);
    }
    if (starts_with(line, "- ") || starts_with(line, "-\t")) {
      line.remove_prefix(2);
    } else if (starts_with(line, kNakaguro)) {
      line.remove_prefix(kNakaguro.size());
    } else if (starts_with(line, kCircle)) {
      line.remove_prefix(kCircle.size());
    }
    if (line.size() == before) return line;
  }
}

std::string normalise(std::string_view text) {
  std::string unstarred;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "**") {
      ++i;
      continue;
    }
    unstarred += text[i];
  }
  std::string out;
  std::string_view rest = unstarred;
  while (true) {
    std::size_t nl = rest.find('\n');
    std::string_view line = strip_markers(rest.substr(0, nl));
    for (std::size_t i = 0; i < line.size();) {
      if (is_space(line, i)) {
        i += starts_with(line.substr(i), kIdeoSpace) ? kIdeoSpace.size() : 1;
      } else {
        out += line[i++];
      }
    }
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return out;
}

// Cuts a seed line into the pieces checked one by one (see the top of the file).
std::vector<std::string> fragments(std::string_view line) {
  line = strip_markers(line);
  std::string cut;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == '<') {
      std::size_t end = line.find('>', i);
      if (end != std::string_view::npos) {
        cut += '\t';
        i = end + 1;
        continue;
      }
    }
    if (line[i] == ' ' && line.substr(i + 1, kNakaguro.size()) == kNakaguro) {
      cut += '\t';
      ++i;
      continue;
    }
    cut += line[i++];
  }
  std::vector<std::string> out;
  std::istringstream in(cut);
  for (std::string piece; std::getline(in, piece, '\t');) {
    if (!normalise(piece).empty()) out.push_back(piece);
  }
  return out;
}

// A seed line that begins with a computed number: `Ⅱ 広島県…` or `-1 【プロジェクト1】…`.
struct Numbered {
  bool section = false;  // section number, else chapter number
  int number = 0;        // 1-based
  std::string body;      // the rest, normalised, without the 目次's leader and page number
};

std::string ascii_roman(int n) {
  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI"};
  return n >= 1 && n <= 6 ? kRoman[n - 1] : "";
}

// Drops a trailing dot leader and page number (`\t・・・・・・・・・・14`).
std::string_view drop_leader(std::string_view s) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
      v.remove_suffix(1);
    return v;
  };
  std::string_view t = trim(s);
  std::size_t digits = 0;
  while (digits < t.size() && t[t.size() - 1 - digits] >= '0' && t[t.size() - 1 - digits] <= '9')
    ++digits;
  if (digits == 0) return t;
  std::string_view lead = t.substr(0, t.size() - digits);
  int dots = 0;
  while (lead.size() >= kNakaguro.size() &&
         lead.substr(lead.size() - kNakaguro.size()) == kNakaguro) {
    lead.remove_suffix(kNakaguro.size());
    ++dots;
  }
  return dots >= 2 ? trim(lead) : t;
}

std::optional<Numbered> numbered(std::string_view line) {
  auto followed_by_space = [&](std::size_t n) {
    return line.size() > n && (line[n] == ' ' || line[n] == '\t');
  };
  for (int n = 12; n >= 1; --n) {
    for (const std::string& mark :
         {model::section_number(static_cast<std::size_t>(n - 1)), ascii_roman(n)}) {
      if (!mark.empty() && starts_with(line, mark) && followed_by_space(mark.size())) {
        return Numbered{true, n, normalise(drop_leader(line.substr(mark.size())))};
      }
    }
  }
  if (!starts_with(line, "-")) return std::nullopt;
  std::size_t i = 1;
  if (i < line.size() && line[i] == ' ') ++i;
  std::size_t first = i;
  int number = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9')
    number = number * 10 + (line[i++] - '0');
  // The number must end the token: `-1 概要`, `-1【…`, but not `- 1,742/…`.
  if (i == first || i >= line.size()) return std::nullopt;
  unsigned char next = static_cast<unsigned char>(line[i]);
  if (!(next == ' ' || next == '\t' || next >= 0x80)) return std::nullopt;
  return Numbered{false, number, normalise(drop_leader(line.substr(i)))};
}

struct Comparison {
  std::vector<std::string> problems;  // empty when the plan carries the whole seed
  int fragments = 0;                  // seed fragments found among the plan's texts
  int computed = 0;                   // seed lines matched to computed numbers and titles
  std::set<std::string> differences_used;
};

Comparison compare(const std::string& seed, const model::Plan& plan) {
  Comparison result;

  // The plan's texts, each normalised on its own and kept apart by a separator.
  std::string corpus = "\x1F";
  for (const model::RichText* t : model::all_texts(plan)) corpus += normalise(t->plain()) + "\x1F";
  // A 取組内容 row's number is a plain string, not a text: the seed shows it before the name.
  for (const auto& section : plan.sections) {
    auto rows = [&](const std::vector<model::Slide>& slides) {
      for (const auto& slide : slides) {
        if (const auto* p = std::get_if<model::ProjectsSlide>(&slide.body)) {
          for (const auto& g : p->groups) {
            for (const auto& r : g.rows)
              corpus += normalise(r.number + " " + r.name.plain()) + "\x1F";
          }
        }
      }
    };
    rows(section.slides);
    for (const auto& chapter : section.chapters) rows(chapter.slides);
  }

  // Computed forms: normalised text -> the (is section, number) pairs that produce it.
  std::map<std::string, std::set<std::pair<bool, int>>> computed;
  std::map<std::string, int> title_bar_pages;  // `<title>（<label>）` -> pages the plan draws
  for (std::size_t s = 0; s < plan.sections.size(); ++s) {
    const model::Section& section = plan.sections[s];
    computed[normalise(section.title.plain())].insert({true, static_cast<int>(s + 1)});
    for (std::size_t c = 0; c < section.chapters.size(); ++c) {
      const model::Chapter& chapter = section.chapters[c];
      const std::pair<bool, int> key{false, static_cast<int>(c + 1)};
      const std::string title = chapter.title.plain();
      computed[normalise(title)].insert(key);
      const std::string toc_title = chapter.toc_title.empty() ? title : chapter.toc_title.plain();
      computed[normalise(toc_title)].insert(key);
      if (!chapter.toc_note.empty()) {
        computed[normalise(toc_title + std::string(kTocColon) + chapter.toc_note.plain())].insert(key);
      }
      for (const model::Slide& slide : chapter.slides) {
        if (slide.label.empty()) continue;
        std::string bar = normalise(title + std::string(kOpenParen) + slide.label.plain() +
                                    std::string(kCloseParen));
        computed[bar].insert(key);
        int pages = 1;
        const model::DetailTable* table = nullptr;
        if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) table = &d->table;
        if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body)) {
          if (r->table) table = &*r->table;
        }
        if (table) {
          for (const auto& g : table->groups) pages += g.new_page ? 1 : 0;
        }
        title_bar_pages[bar] += pages;
      }
    }
  }

  std::map<std::string, int> title_bars_in_seed;
  std::istringstream in(seed);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const std::string where = "seed line " + std::to_string(line_no) + ": ";
    if (auto n = numbered(line)) {
      std::string body = n->body;
      for (const KnownDifference& k : kKnownDifferences) {
        if (body == k.seed) {
          body = k.plan;
          result.differences_used.insert(k.seed);
        }
      }
      auto it = computed.find(body);
      if (it == computed.end() || !it->second.count({n->section, n->number})) {
        result.problems.push_back(where + "no " + (n->section ? "section " : "chapter ") +
                                  std::to_string(n->number) + " computes \"" + body + "\"  (" +
                                  line + ")");
      } else {
        ++result.computed;
        if (title_bar_pages.count(body)) ++title_bars_in_seed[body];
      }
      continue;
    }
    for (const std::string& piece : fragments(line)) {
      std::string needle = normalise(piece);
      if (corpus.find(needle) == std::string::npos) {
        result.problems.push_back(where + "not in the plan: \"" + piece + "\"");
      } else {
        ++result.fragments;
      }
    }
  }

  for (const auto& [bar, pages] : title_bar_pages) {
    int seen = title_bars_in_seed.count(bar) ? title_bars_in_seed.at(bar) : 0;
    if (seen != pages) {
      result.problems.push_back("title bar \"" + bar + "\": the plan draws " +
                                std::to_string(pages) + " page(s), the seed has " +
                                std::to_string(seen));
    }
  }
  return result;
}

// The seed, or nothing (after a loud warning) when it is not next to the repository.
// In CI a missing seed is a failure: the test must not pass by not running.
std::optional<std::string> read_seed() {
  std::ifstream f(kSeedPath, std::ios::binary);
  if (!f) {
    if (std::getenv("CI") != nullptr) {
      FAIL("the seed deck is missing: " << kSeedPath << " (CI is set, so this is an error)");
    }
    WARN("SKIPPED: the seed deck is missing: "
         << kSeedPath
         << " -- the default plan was NOT compared with it (set CI to make this an error)");
    return std::nullopt;
  }
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

struct Loaded {
  std::optional<model::Plan> plan;
  std::string messages;
};

Loaded load(const std::string& text) {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  Loaded out;
  out.plan = plandeck::input::load_plan_text(kPlanPath, text, sources, diags);
  out.messages = diag::format_all(diags, diag::Lang::En, &sources);
  return out;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

bool mentions(const Comparison& c, const std::string& what) {
  for (const auto& p : c.problems) {
    if (p.find(what) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the normalisation drops markers, markup and whitespace only", "[seed]") {
  CHECK(normalise("- **申請書等**の押印の廃止") == "申請書等の押印の廃止");
  CHECK(normalise(" - ・ みんなのDX研修") == "みんなのDX研修");
  CHECK(normalise("○情報セキュリティ\n・広島県内全体で") == "情報セキュリティ広島県内全体で");
  CHECK(normalise("-（取得不能）") == "-（取得不能）");  // a dash that is content stays
  CHECK(normalise("ノーコード・ローコード") == "ノーコード・ローコード");
  CHECK(fragments("約79% ・WEB会議等の活用\t達成") ==
        std::vector<std::string>{"約79%", "・WEB会議等の活用", "達成"});
  CHECK(fragments("<p>〈機能〉</p> <ul style=\"list-style-type: none\"> ・県") ==
        std::vector<std::string>{"〈機能〉", "・県"});
  auto toc = numbered("-4 【下支えプロジェクト1】県 ：取組結果\t・・・・・・・・・・14");
  REQUIRE(toc);
  CHECK_FALSE(toc->section);
  CHECK(toc->number == 4);
  CHECK(toc->body == "【下支えプロジェクト1】県：取組結果");
  auto bar = numbered("- 4 【下支えプロジェクト1】県（結果詳細）");
  REQUIRE(bar);
  CHECK(bar->number == 4);
  auto section = numbered("II 広島県\t・・・・・4");
  REQUIRE(section);
  CHECK(section->section);
  CHECK(section->number == 2);
  CHECK(section->body == "広島県");
  CHECK_FALSE(numbered("- 申請書等の押印の廃止"));
  CHECK_FALSE(numbered("-（取得不能）"));
}

TEST_CASE("the default plan carries every line of the seed deck", "[seed]") {
  std::optional<std::string> seed = read_seed();
  if (!seed) return;
  Loaded loaded = load(read_text(kPlanPath));
  INFO(loaded.messages);
  REQUIRE(loaded.plan);

  Comparison c = compare(*seed, *loaded.plan);
  for (const std::string& p : c.problems) FAIL_CHECK(p);
  // Not vacuous: the seed has some 380 fragments and 26 numbered lines.
  CHECK(c.fragments > 350);
  CHECK(c.computed >= 25);
  for (const KnownDifference& k : kKnownDifferences) {
    INFO("a known difference no longer occurs in the seed, remove it: " << k.seed << " ("
                                                                        << k.reason << ")");
    CHECK(c.differences_used.count(k.seed) == 1);
  }
}

TEST_CASE("the comparison notices a lost sentence, a changed figure and a lost page break",
          "[seed]") {
  std::optional<std::string> seed = read_seed();
  if (!seed) return;
  std::string text = read_text(kPlanPath);

  SECTION("a bullet removed") {
    Loaded l = load(replace_once(text, "                  - 誰もがデジタル化の恩恵を享受\n", ""));
    INFO(l.messages);
    REQUIRE(l.plan);
    Comparison c = compare(*seed, *l.plan);
    CHECK(c.problems.size() == 1);
    CHECK(mentions(c, "誰もがデジタル化の恩恵を享受"));
  }
  SECTION("a quantity changed") {
    Loaded l = load(replace_once(text, "{number: 196000, unit: 件}", "{number: 196001, unit: 件}"));
    INFO(l.messages);
    REQUIRE(l.plan);
    Comparison c = compare(*seed, *l.plan);
    CHECK(c.problems.size() == 1);
    CHECK(mentions(c, "196,000件"));
  }
  SECTION("a page break dropped") {
    Loaded l =
        load(replace_once(text, "- item: 県内市町との連携\n                  new_page: true\n",
                          "- item: 県内市町との連携\n"));
    INFO(l.messages);
    REQUIRE(l.plan);
    Comparison c = compare(*seed, *l.plan);
    CHECK(c.problems.size() == 1);
    CHECK(mentions(c, "the plan draws 1 page(s), the seed has 2"));
  }
  SECTION("a chapter title changed") {
    Loaded l = load(replace_once(text, "title: 【プロジェクト2】データをより身近に",
                                 "title: 【プロジェクト2】データをもっと身近に"));
    INFO(l.messages);
    REQUIRE(l.plan);
    Comparison c = compare(*seed, *l.plan);
    CHECK(mentions(c, "no chapter 2 computes \"【プロジェクト2】データをより身近に（取組結果）\""));
  }
}
