// Dense 取組結果 slides and the layout audit, through the real CLI, read back with poppler.
//
// A generated plan holds one 取組結果 slide for every count of 3…12 copies of the seed's long
// Ⅱ-1 result and 1…4 panels. It must build (exit 0) with the default layout and with a
// layout whose minimum body size is 11 pt (where most of them have to continue on
// …（続き） pages); pdftotext -bbox-layout's word boxes must lie on the paper, inside the side
// margins and above the footer (only the page number below it); the 目次's numbers must be
// the pages where the chapters start. A layout that puts a box into the footer is refused
// with a located error and no output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <sstream>

#include "pdf_readers.hpp"
#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

const std::string kLong =
    "申請件数の多い手続のほとんどがオンラインでいつでも申請可能な状態となったことに加え、電子納付も開始するなど、"
    "いつでもどこでも手続ができる状態となり、手続における県民負担の軽減につながっている。";

// The panels of the seed's Ⅱ-1 slide (the fourth repeats the first with another title).
std::string panel_yaml(int k) {
  static const char* titles[] = {"主要行政手続のオンライン化等", "オンライン申請サポートの充実",
                                 "キャッシュレス決済の推進等", "主要行政手続のオンライン化等（再掲）"};
  static const char* items[][2] = {
      {"申請書等の押印の廃止", "1,742/1,874手続の押印を廃止"},
      {"電子申請システム機能の改善", "スマートフォン対応、前回申請内容の利用"},
      {"県立施設におけるキャッシュレス決済推進", "14の県立施設入館料等において、キャッシュレス決済を導入"},
      {"主要行政手続のオンライン化", "107手続のうち、国のシステムを活用する手続を除く103手続をオンライン化"}};
  std::ostringstream y;
  y << "              - title: " << titles[k] << "\n                items:\n";
  for (int i = 0; i < 3; ++i) {
    y << "                  - text: " << items[(k + i) % 4][0] << "\n                    items:\n"
      << "                      - " << items[(k + i) % 4][1] << "\n";
  }
  y << "                effects_label: 【効果】\n                effects:\n"
    << "                  - 手続等における利便性向上（オンライン）\n"
    << "                  - 手数料等の納付に要する負担の軽減\n";
  return y.str();
}

struct Dense {
  std::string yaml;
  std::vector<std::string> titles;  // chapter titles, in order
  std::size_t bullets = 0;          // in the whole plan
};

Dense dense_plan() {
  Dense d;
  std::ostringstream y;
  y << "plandeck: 1\ndocument:\n  title: 取組結果が多い資料\n  organisation: 総務局\nsections:\n"
    << "  - title: 取組結果\n    title_slide: false\n    chapters:\n";
  for (int n = 3; n <= 12; ++n) {
    for (int p = 1; p <= 4; ++p) {
      const std::string title = "結果" + std::to_string(n) + "件とパネル" + std::to_string(p) + "枚";
      d.titles.push_back(title);
      d.bullets += static_cast<std::size_t>(n);
      y << "      - title: " << title << "\n        slides:\n          - kind: results\n"
        << "            label: 取組結果\n            direction_label: 取組の方向性\n"
        << "            direction: 県民等が必要な手続等を、時間や場所に関わらず、いつでもどこでも誰でも簡単に実施できる環境を構築し、県民利便性の向上につなげる。\n"
        << "            summary: ➤ 主要行政手続（年間申請件数200件以上）のオンライン化、電子納付の推進、申請サポート等\n"
        << "            results_label: 取組結果（R3～R5）\n            results:\n";
      for (int i = 0; i < n; ++i) y << "              - " << kLong << "\n";
      y << "            panels:\n";
      for (int k = 0; k < p; ++k) y << panel_yaml(k);
    }
  }
  d.yaml = y.str();
  return d;
}

std::string tool(const std::string& name) {
  std::string path = deck::find_tool(name);
  INFO(name << " (poppler-utils) is not installed: the deck cannot be checked without it");
  REQUIRE_FALSE(path.empty());
  return path;
}

std::string read_pdf(const std::vector<std::string>& argv) {
  ProcessResult r = run_process(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Word boxes against the default layout's frame: paper 842 × 595, side margins 28, content
// down to 595 - 26 = 569; below that only the page number, at the right.
std::vector<std::string> frame_problems(const std::vector<deck::Page>& pages) {
  const double slack = 0.5;
  std::vector<std::string> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const deck::Line& l : pages[p].lines) {
      for (const deck::Word& w : l.words) {
        std::ostringstream where;
        where << "page " << p + 1 << " \"" << w.text << "\" (" << w.x0 << ", " << w.y0 << ", " << w.x1 << ", "
              << w.y1 << ")";
        // Ⅰ is drawn from before its box (its ink starts 0.31 em into its advance, and
        // compose trims that side bearing): its ink, not its advance, must be inside.
        const double lead = w.text.rfind("Ⅰ", 0) == 0 ? 0.31 * (w.y1 - w.y0) : 0;
        if (w.x0 + lead < 28 - slack || w.x1 > 842 - 28 + slack || w.y0 < -slack || w.y1 > 595 + slack)
          out.push_back(where.str() + " outside the margins or the paper");
        const bool number = !w.text.empty() && std::all_of(w.text.begin(), w.text.end(), ::isdigit);
        if (w.y1 > 569 + slack && !(number && w.y0 >= 569 - slack && w.x0 > 700))
          out.push_back(where.str() + " runs into the footer");
      }
    }
  }
  return out;
}

// The text of each page (pdftotext separates pages with a form feed).
std::vector<std::string> page_texts(const std::string& all) {
  std::vector<std::string> out(1);
  for (char c : all) {
    if (c == '\f') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void check_dense_deck(const std::string& pdf, const Dense& d, bool expect_continuations) {
  const std::vector<deck::Page> pages = deck::parse_bbox(read_pdf({tool("pdftotext"), "-bbox-layout", pdf, "-"}));
  REQUIRE(pages.size() >= d.titles.size() + 2);
  for (const std::string& problem : frame_problems(pages)) FAIL_CHECK(problem);

  const std::vector<std::string> texts = page_texts(read_pdf({tool("pdftotext"), "-raw", pdf, "-"}));
  const std::string squeezed_all = deck::squeeze(read_pdf({tool("pdftotext"), "-raw", pdf, "-"}));
  CHECK(occurrences(squeezed_all, deck::squeeze(kLong)) == d.bullets);  // every result once

  // Where each chapter starts (its title bar without （続き）), and its continuations.
  std::map<std::string, std::size_t> first_page;  // title -> 0-based page index
  std::size_t continued = 0;
  for (std::size_t p = 0; p < texts.size(); ++p) {
    // The title bar is drawn first; pdftotext may put the trimmed Ⅰ on a line of its own,
    // so the page's text is compared without whitespace.
    const std::string page = deck::squeeze(texts[p]);
    for (std::size_t k = 0; k < d.titles.size(); ++k) {
      const std::string bar = deck::squeeze("Ⅰ-" + std::to_string(k + 1) + " " + d.titles[k] + "（取組結果）");
      if (page.rfind(bar + "（続き）", 0) == 0) {
        REQUIRE(first_page.count(d.titles[k]) == 1);  // after its first page
        ++continued;
      } else if (page.rfind(bar, 0) == 0) {
        CHECK(first_page.count(d.titles[k]) == 0);
        first_page[d.titles[k]] = p;
      }
    }
  }
  CHECK(first_page.size() == d.titles.size());
  if (expect_continuations) {
    CHECK(continued > 0);
  }
  // The 目次: each entry's number is the printed number of its chapter's first page (the
  // cover is page 0, so the printed number is the 0-based index).
  std::string toc;
  for (std::size_t p = 1; p < texts.size() && texts[p].find("目次") != std::string::npos; ++p) toc += texts[p];
  {
    // Each line without whitespace (a trimmed Ⅰ read as a line of its own joins the next).
    std::string lines, line;
    for (char ch : toc + "\n") {
      if (ch != '\n') {
        line += ch;
        continue;
      }
      line = deck::squeeze(line);
      lines += line;
      if (line != "Ⅰ") lines += '\n';
      line.clear();
    }
    toc = lines;
  }
  for (std::size_t k = 0; k < d.titles.size(); ++k) {
    const std::string entry = deck::squeeze("Ⅰ-" + std::to_string(k + 1) + " " + d.titles[k]);
    std::size_t at = toc.find(entry);
    INFO(entry);
    REQUIRE(at != std::string::npos);
    at += entry.size();
    const std::string leader = "・";
    while (toc.compare(at, leader.size(), leader) == 0) at += leader.size();
    std::size_t end = at;
    while (end < toc.size() && std::isdigit(static_cast<unsigned char>(toc[end]))) ++end;
    CHECK(toc.substr(at, end - at) == std::to_string(first_page[d.titles[k]]));
  }
}

}  // namespace

TEST_CASE("dense results slides: every count builds, the audit passes, words stay above the footer", "[deck][dense]") {
  const std::string dir = scratch_dir("deck-dense");
  const Dense d = dense_plan();
  const std::string plan = dir + "/dense.yaml";
  write_file(plan, d.yaml);
  SECTION("default layout: 3…12 results fit one page each, at sizes that never grow") {
    ProcessResult r = run_process({plandeck_bin(), "build", plan, "-o", dir + "/default", "--only", "pdf"});
    INFO(r.err.substr(0, 3000));
    REQUIRE(r.exit_code == 0);
    check_dense_deck(dir + "/default/dense.pdf", d, false);
  }
  SECTION("minimum body size 11 pt: the slides that need it continue on （続き） pages") {
    const std::string layout = dir + "/large.yaml";
    write_file(layout, "plandeck_layout: 1\nsizes:\n  body: {max: 16, min: 11}\n");
    ProcessResult c = run_process({plandeck_bin(), "check", plan, "--layout", layout});
    INFO(c.err.substr(0, 3000));
    CHECK(c.exit_code == 0);
    ProcessResult r = run_process({plandeck_bin(), "build", plan, "-o", dir + "/large", "--only", "pdf", "--layout", layout});
    INFO(r.err.substr(0, 3000));
    REQUIRE(r.exit_code == 0);
    check_dense_deck(dir + "/large/dense.pdf", d, true);
  }
}

TEST_CASE("the default deck's words lie inside the margins and above the footer", "[deck][dense]") {
  const std::string dir = scratch_dir("deck-frame");
  ProcessResult r = run_process({plandeck_bin(), "build", source_dir() + "/data/hiroshima-dx-r3-r5.yaml", "-o", dir,
                                 "--only", "pdf"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::vector<deck::Page> pages =
      deck::parse_bbox(read_pdf({tool("pdftotext"), "-bbox-layout", dir + "/hiroshima-dx-r3-r5.pdf", "-"}));
  REQUIRE(pages.size() == 18);
  for (const std::string& problem : frame_problems(pages)) FAIL_CHECK(problem);
}

TEST_CASE("frame check: a word in the footer or off the paper is flagged", "[deck][dense]") {
  deck::Page page;
  page.width = 842;
  page.height = 595;
  deck::Line line;
  line.words.push_back({40, 556, 80, 568, "収まる"});
  line.words.push_back({760, 572, 775, 582, "12"});    // the page number
  line.words.push_back({40, 564, 80, 576, "はみ出す"});  // into the footer
  line.words.push_back({800, 100, 830, 110, "右端"});    // past the right margin
  page.lines.push_back(line);
  std::vector<std::string> problems = frame_problems({page});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].find("はみ出す") != std::string::npos);
  CHECK(problems[1].find("右端") != std::string::npos);
}

TEST_CASE("a layout that puts a box into the footer is refused with a located error", "[deck][dense][errors]") {
  const std::string dir = scratch_dir("deck-broken-layout");
  const std::string plan = dir + "/plan.yaml";
  write_file(plan, "plandeck: 1\ndocument:\n  title: 試験\n  organisation: 総務局デジタル県庁推進担当\nsections:\n"
                   "  - title: 概要\n    slides:\n      - kind: overview\n        blocks:\n"
                   "          - heading: 計画期間\n            body: 令和3年度～令和5年度\n");
  const std::string layout = dir + "/broken.yaml";
  // The organisation line of the cover, 30 pt tall, from 560 pt: 21 pt into the footer.
  write_file(layout, "plandeck_layout: 1\ncover:\n  text_top: 560\n");
  for (const std::string command : {"check", "build"}) {
    INFO(command);
    std::vector<std::string> argv = {plandeck_bin(), "--lang", "en", command, plan, "--layout", layout};
    if (command == "build") argv.insert(argv.end(), {"-o", dir + "/out"});
    ProcessResult r = run_process(argv);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(plan + ":4:17: error: layout audit") != std::string::npos);  // the organisation
    CHECK(r.err.find("slide \"表紙\"") != std::string::npos);
    CHECK(r.err.find("cover organisation lies outside the content area") != std::string::npos);
    CHECK(r.err.find("21 pt below") != std::string::npos);
    CHECK(r.err.find("broken.yaml") != std::string::npos);  // the hint names the layout
    CHECK_FALSE(fs::exists(dir + "/out"));
  }
}

TEST_CASE("a goal and an overview block of 1,500 items flow on in linear time", "[deck][dense]") {
  // Splitting used to lay each candidate run of items out again (quadratic: 16 s for 1,000
  // items in a debug build); the bound only catches that kind of unbounded work.
  const std::string dir = scratch_dir("deck-many-items");
  std::string plan = "plandeck: 1\ndocument:\n  title: 大量の項目\n  organisation: 総務局\nsections:\n"
                     "  - title: 到達目標\n    slides:\n      - kind: goal_status\n        results_label: 実績\n"
                     "        challenges_label: 今後の課題\n        goals:\n          - label: 【到達目標1】\n"
                     "            statement: 多くの手続がデジタル化された状態。\n            challenges: [添付書類の見直し]\n"
                     "            results:\n";
  for (int i = 0; i < 1500; ++i) plan += "              - 年間申請件数ベースで約9割を超える手続がオンライン申請可能な状態となっている。\n";
  plan += "    chapters:\n      - title: 概要\n        slides:\n          - kind: overview\n            blocks:\n"
          "              - heading: 目指す姿\n                items:\n";
  for (int i = 0; i < 1500; ++i) plan += "                  - 県民や企業が、行政手続を意識することなく、必要なサービスを受けられる状態。\n";
  write_file(dir + "/many.yaml", plan);
  ProcessOptions o;
  o.timeout = time_bound(std::chrono::seconds(60));
  ProcessResult r = run_process({plandeck_bin(), "check", dir + "/many.yaml"}, o);
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 0);
  CHECK(r.elapsed < time_bound(std::chrono::seconds(20)));
}
