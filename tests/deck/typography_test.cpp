// The deck's type scale and its print details, read back from the PDF with poppler's
// pdftotext -bbox-layout (no plandeck code reads the file). A word's box is as tall as its
// font size for BIZ UDPGothic text (ascent 0.88 + descent 0.12 em), so word heights are
// the sizes the deck was set in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "pdf_readers.hpp"
#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

std::vector<deck::Page> bbox_pages(const std::string& pdf) {
  std::string tool = deck::find_tool("pdftotext");
  INFO("pdftotext (poppler-utils) is not installed: the deck cannot be read without it");
  REQUIRE_FALSE(tool.empty());
  ProcessResult r = run_process({tool, "-bbox-layout", pdf, "-"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return deck::parse_bbox(r.out);
}

std::string build(const std::string& plan, const std::string& scratch) {
  const std::string dir = scratch_dir(scratch);
  ProcessResult r = run_process({plandeck_bin(), "build", plan, "-o", dir}, with_epoch());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string pdf = dir + "/" + fs::path(plan).stem().string() + ".pdf";
  REQUIRE(fs::exists(pdf));
  return pdf;
}

std::vector<deck::Word> words(const deck::Page& p) {
  std::vector<deck::Word> out;
  for (const auto& l : p.lines)
    for (const auto& w : l.words) out.push_back(w);
  return out;
}

double height(const deck::Word& w) { return w.y1 - w.y0; }
double middle(const deck::Word& w) { return (w.y0 + w.y1) / 2; }

const deck::Word* find_word(const std::vector<deck::Word>& ws, const std::string& text) {
  for (const auto& w : ws)
    if (w.text == text) return &w;
  return nullptr;
}

// The sizes of the 取組の方向性 text on each page that has the label: the words right of the
// label cell whose middle is within one and a half lines of the label's middle (the text is
// centred on the label; the ➤ line below starts left of the label's right edge).
std::map<int, std::set<double>> direction_sizes(const std::vector<deck::Page>& pages) {
  std::map<int, std::set<double>> out;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::vector<deck::Word> ws = words(pages[i]);
    const deck::Word* label = find_word(ws, "取組の方向性");
    if (!label) continue;
    for (const auto& w : ws) {
      if (w.x0 <= label->x1 + 5 || std::abs(middle(w) - middle(*label)) > 1.5 * height(*label)) continue;
      out[static_cast<int>(i) + 1].insert(std::round(height(w) * 10) / 10);
    }
  }
  return out;
}

std::string describe(const std::map<int, std::set<double>>& sizes) {
  std::ostringstream s;
  for (const auto& [page, set] : sizes) {
    s << "page " << page << ":";
    for (double v : set) s << " " << v;
    s << "\n";
  }
  return s.str();
}

}  // namespace

TEST_CASE("The five 取組結果 slides of the default deck set 取組の方向性 at one size") {
  const auto pages = bbox_pages(build(source_dir() + "/data/hiroshima-dx-r3-r5.yaml", "typography_direction"));
  const auto sizes = direction_sizes(pages);
  INFO(describe(sizes));
  REQUIRE(sizes.size() == 5);
  std::set<double> all;
  for (const auto& [page, set] : sizes) {
    CHECK(set.size() == 1);  // one size inside the box
    all.insert(set.begin(), set.end());
  }
  CHECK(all.size() == 1);  // and the same on every slide
}

TEST_CASE("The reader of the direction sizes sees a slide set at another size") {
  // Made-up pages: the label and its text at 14 pt on one page, 13.5 pt on the other.
  auto page = [](double size) {
    deck::Page p;
    p.width = 842;
    p.height = 595;
    deck::Line l;
    l.words.push_back({51, 80, 135, 80 + 14, "取組の方向性"});
    l.words.push_back({164, 80, 700, 80 + size, "県民等が必要な手続等を"});
    l.words.push_back({34, 130, 300, 130 + size, "➤下の行"});  // left of the label's edge
    p.lines.push_back(l);
    return p;
  };
  const auto sizes = direction_sizes({page(14), page(13.5)});
  REQUIRE(sizes.size() == 2);
  CHECK(*sizes.at(1).begin() == 14);
  CHECK(*sizes.at(2).begin() == 13.5);
}

TEST_CASE("Label cells of one slide share a size") {
  const auto pages = bbox_pages(build(source_dir() + "/data/hiroshima-dx-r3-r5.yaml", "typography_labels"));
  int seen = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::vector<deck::Word> ws = words(pages[i]);
    const deck::Word* direction = find_word(ws, "取組の方向性");
    const deck::Word* results = find_word(ws, "取組結果（R3～R5）");
    if (!direction || !results) continue;
    ++seen;
    INFO("page " << i + 1);
    CHECK(height(*direction) == Approx(height(*results)).margin(0.05));
  }
  CHECK(seen == 5);
}

TEST_CASE("Page numbers stand at least 12 pt above the paper's edge") {
  for (const std::string& plan : {source_dir() + "/data/hiroshima-dx-r3-r5.yaml",
                                 source_dir() + "/tests/fixtures/plans/ok/four-projects.yaml"}) {
    const auto pages = bbox_pages(build(plan, "typography_page_number"));
    REQUIRE(pages.size() > 2);
    for (std::size_t i = 1; i < pages.size(); ++i) {  // the cover has no number
      const deck::Page& p = pages[i];
      const std::vector<deck::Word> ws = words(p);  // `number` points into it below
      const deck::Word* number = nullptr;
      for (const auto& w : ws) {
        const bool digits = !w.text.empty() && std::all_of(w.text.begin(), w.text.end(),
                                                           [](char ch) { return ch >= '0' && ch <= '9'; });
        if (digits && w.x0 > p.width * 0.85 && w.y0 > p.height - 60 && (!number || w.y1 > number->y1)) number = &w;
      }
      INFO(plan << " page " << i + 1);
      REQUIRE(number != nullptr);
      CHECK(number->text == std::to_string(i));
      CHECK(number->y1 <= p.height - 12);
    }
  }
}

TEST_CASE("check lists the slides set below the deck type scale in a note, exit 0") {
  const std::string plan = source_dir() + "/tests/fixtures/plans/notes/one-dense-slide.yaml";
  ProcessResult r = run_process({plandeck_bin(), "check", plan, "--lang", "en"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(": note: ") != std::string::npos);
  CHECK(r.err.find("error") == std::string::npos);
  // The dense slide is named; the two that fit the deck's size are not.
  CHECK(r.err.find("【プロジェクト2】") != std::string::npos);
  CHECK(r.err.find("【プロジェクト1】") == std::string::npos);
  CHECK(r.err.find("【プロジェクト3】") == std::string::npos);
  // In Japanese by default.
  ProcessResult ja = run_process({plandeck_bin(), "check", plan});
  CHECK(ja.exit_code == 0);
  CHECK(ja.err.find("このデッキの基準") != std::string::npos);
  // build writes the deck and keeps the notes for check.
  const std::string dir = scratch_dir("typography_notes");
  ProcessResult b = run_process({plandeck_bin(), "build", plan, "-o", dir, "--only", "pdf"});
  CHECK(b.exit_code == 0);
  CHECK(b.err.empty());
}

TEST_CASE("check says nothing about the type scale when every slide keeps the deck's sizes") {
  ProcessResult r = run_process({plandeck_bin(), "check", source_dir() + "/data/hiroshima-dx-r3-r5.yaml"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}
