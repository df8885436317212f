// render_pdf: decks built by hand, written to PDF, checked with independent readers
// (qpdf, poppler's pdftotext / pdffonts / pdfinfo / pdftoppm). A missing reader fails the test.
#include <hb.h>
#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "render_pdf/render_pdf.hpp"

namespace fs = std::filesystem;
using namespace plandeck;

namespace {

const std::string kRegular = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";
const std::string kBold = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Bold.ttf";
const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string out_dir() {
  static const std::string dir = [] {
    // One directory per process: ctest runs test cases in parallel processes, and the
    // cases reuse file names (cmd1.out, sample.pdf).
    fs::path p = fs::path(PLANDECK_BINARY_DIR) / "test-scratch" / ("render_pdf-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
  }();
  return dir;
}

std::string out_path(const std::string& name) {
  return out_dir() + "/" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Cmd {
  int status = -1;
  std::string out, err;
};

// Runs a shell command, capturing stdout and stderr separately.
Cmd run(const std::string& command) {
  static int counter = 0;
  const std::string base = out_path("cmd" + std::to_string(++counter));
  const std::string full = "(" + command + ") >" + base + ".out 2>" + base + ".err";
  const int raw = std::system(full.c_str());
  Cmd c;
  c.status = (raw != -1 && WIFEXITED(raw)) ? WEXITSTATUS(raw) : -1;
  c.out = read_file(base + ".out");
  c.err = read_file(base + ".err");
  fs::remove(base + ".out");
  fs::remove(base + ".err");
  return c;
}

void require_tool(const std::string& tool) {
  INFO("reader '" << tool << "' must be installed (qpdf, poppler-utils)");
  REQUIRE(run("command -v " + tool).status == 0);
}

std::vector<char32_t> decode(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string encode(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// The font's own metrics, read with HarfBuzz: independent of libharu and of the subsetter.
class Metrics {
 public:
  explicit Metrics(const std::string& path) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    REQUIRE(blob != nullptr);
    face_ = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    font_ = hb_font_create(face_);
    upem_ = hb_face_get_upem(face_);
  }
  ~Metrics() {
    hb_font_destroy(font_);
    hb_face_destroy(face_);
  }
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  bool has(char32_t cp) const {
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(font_, cp, &g) && g != 0;
  }
  // Advance in points, with libharu's rounding: whole 1/1000 em units, truncated.
  double advance(const std::string& text, double size) const {
    long units = 0;
    for (char32_t cp : decode(text)) {
      hb_codepoint_t g = 0;
      hb_font_get_nominal_glyph(font_, cp, &g);
      units += static_cast<long>(hb_font_get_glyph_h_advance(font_, g)) * 1000 / upem_;
    }
    return static_cast<double>(units) * size / 1000.0;
  }

 private:
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  long upem_ = 1000;
};

const Metrics& regular() {
  static const Metrics m(kRegular);
  return m;
}
const Metrics& bold() {
  static const Metrics m(kBold);
  return m;
}
const Metrics& dejavu() {
  static const Metrics m(kDejaVu);
  return m;
}

compose::TextRun text(double x, double y, std::size_t font, double size, const std::string& s,
                      compose::Color c = {}) {
  const Metrics& m = font == 0 ? regular() : font == 1 ? bold() : dejavu();
  return compose::TextRun{x, y, font, size, c, s, m.advance(s, size)};
}

// Three pages, all three fonts, every kind of shape, two links, a two-level outline.
compose::Deck sample_deck() {
  compose::Deck d;
  d.fonts = {{kRegular}, {kBold}, {kDejaVu}};
  d.info = {"2025年度 行動計画", "企画部 山田", "四半期報告（第2版）", "plandeck 0.1.0"};
  const compose::Color navy{0.1, 0.2, 0.45};

  compose::Page p1;
  p1.shapes.push_back(compose::Rect{0, 0, 842, 60, navy, std::nullopt, 0.5, 0});
  p1.shapes.push_back(text(40, 42, 1, 24, "目次", {1, 1, 1}));
  // One line in three runs: emphasis in Bold between Regular runs, exactly abutting.
  double x = 40;
  for (auto [font, s] :
       {std::pair<std::size_t, std::string>{0, "今期は"}, {1, "重点施策"}, {0, "を実施する。"}}) {
    auto run_ = text(x, 110, font, 18, s);
    x += run_.width;
    p1.shapes.push_back(run_);
  }
  auto arrow = text(40, 150, 2, 18, "➤");
  p1.shapes.push_back(arrow);
  p1.shapes.push_back(text(40 + arrow.width, 150, 0, 18, " 次の手順へ"));
  p1.shapes.push_back(text(40, 190, 0, 18, "1,742/1,874手続"));
  p1.shapes.push_back(text(40, 230, 0, 18, "〜～（）「」"));
  p1.shapes.push_back(
      compose::Rect{40, 260, 300, 80, compose::Color{0.93, 0.95, 1}, navy, 1.5, 10});
  p1.shapes.push_back(text(60, 295, 0, 16, "第1章 現状"));
  p1.shapes.push_back(text(60, 325, 0, 16, "第2章 課題"));
  p1.shapes.push_back(compose::Line{40, 360, 800, 360, {0.5, 0.5, 0.5}, 1, 4});
  p1.shapes.push_back(compose::Line{40, 370, 800, 370, {0.2, 0.2, 0.2}, 0.5, 0});
  p1.shapes.push_back(compose::Polygon{{{700, 400}, {760, 430}, {700, 460}}, {0.8, 0.3, 0.1}});
  p1.shapes.push_back(
      compose::Rect{400, 400, 200, 60, std::nullopt, compose::Color{0.8, 0, 0}, 2, 0});
  p1.links.push_back({60, 278, 200, 24, 1});
  p1.links.push_back({60, 308, 200, 24, 2});
  d.pages.push_back(p1);

  compose::Page p2;
  p2.shapes.push_back(text(40, 60, 1, 28, "第1章 現状"));
  p2.shapes.push_back(text(40, 120, 0, 16, "申請手続のオンライン化率は93%に達した。"));
  d.pages.push_back(p2);

  compose::Page p3;
  p3.shapes.push_back(text(40, 60, 1, 28, "第2章 課題"));
  p3.shapes.push_back(text(40, 120, 0, 16, "残る手続は紙の原本確認が必要なもの。"));
  d.pages.push_back(p3);

  d.outline = {{"目次", 0, {}}, {"本編", 1, {{"第1章 現状", 1, {}}, {"第2章 課題", 2, {}}}}};
  return d;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\f') line.pop_back();
    while (!line.empty() && line.front() == '\f') line.erase(0, 1);
    out.push_back(line);
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void check_qpdf_clean(const std::string& pdf) {
  require_tool("qpdf");
  Cmd c = run("qpdf --check '" + pdf + "'");
  INFO(c.out << c.err);
  CHECK(c.status == 0);
  CHECK(c.err.empty());
  CHECK(c.out.find("No syntax or stream encoding errors found") != std::string::npos);
  CHECK(c.out.find("WARNING") == std::string::npos);
}

// Object number of the object that follows `pos` ("N 0 obj").
long object_number_before(const std::string& qdf, std::size_t pos) {
  const std::size_t obj = qdf.rfind(" 0 obj\n", pos);
  REQUIRE(obj != std::string::npos);
  const std::size_t start = qdf.rfind('\n', obj) + 1;
  return std::stol(qdf.substr(start, obj - start));
}

std::string object_body(const std::string& qdf, long number) {
  const std::string head = "\n" + std::to_string(number) + " 0 obj\n";
  const std::size_t at = qdf.find(head);
  REQUIRE(at != std::string::npos);
  const std::size_t end = qdf.find("\nendobj", at);
  return qdf.substr(at + head.size(), end - at - head.size());
}

// Link annotations as (page number, target page number), 1-based, read from qpdf's QDF form.
std::vector<std::pair<int, int>> link_targets(const std::string& pdf) {
  const std::string qdf_path = pdf + ".qdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf_path + "'").status == 0);
  const std::string qdf = read_file(qdf_path);
  std::map<long, int> page_of_object;
  for (std::size_t at = qdf.find("%% Page "); at != std::string::npos;
       at = qdf.find("%% Page ", at + 1)) {
    const int page = std::stoi(qdf.substr(at + 8));
    const std::size_t obj = qdf.find(" 0 obj\n", at);
    const std::size_t start = qdf.rfind('\n', obj) + 1;
    page_of_object[std::stol(qdf.substr(start, obj - start))] = page;
  }
  std::vector<std::pair<int, int>> links;
  for (std::size_t at = qdf.find("/Subtype /Link"); at != std::string::npos;
       at = qdf.find("/Subtype /Link", at + 1)) {
    const std::string annot = object_body(qdf, object_number_before(qdf, at));
    CHECK(annot.find("/Border [\n    0\n    0\n    0\n  ]") != std::string::npos);
    const long from = std::stol(annot.substr(annot.find("/P ") + 3));
    std::string dest = annot.substr(annot.find("/Dest ") + 6);
    if (dest.rfind("[", 0) != 0) dest = object_body(qdf, std::stol(dest));  // indirect array
    const long target = std::stol(dest.substr(dest.find_first_of("0123456789")));
    CHECK(dest.find("/Fit") != std::string::npos);
    links.emplace_back(page_of_object.at(from), page_of_object.at(target));
  }
  return links;
}

}  // namespace

TEST_CASE("the sample deck is valid and its Japanese text extracts exactly", "[render_pdf]") {
  const std::string pdf = out_path("sample.pdf");
  render_pdf::write_pdf(sample_deck(), pdf, {});

  check_qpdf_clean(pdf);

  require_tool("pdftotext");
  Cmd t = run("pdftotext -raw -enc UTF-8 '" + pdf + "' -");
  INFO(t.out);
  CHECK(t.status == 0);
  CHECK(t.err.empty());  // no "Invalid 'begincidrange' operator in ToUnicode CMap"
  const auto lines = lines_of(t.out);
  for (const char* expected :
       {"目次", "今期は重点施策を実施する。", "➤ 次の手順へ", "1,742/1,874手続", "〜～（）「」",
        "第1章 現状", "第2章 課題", "申請手続のオンライン化率は93%に達した。",
        "残る手続は紙の原本確認が必要なもの。"}) {
    CHECK(contains(lines, expected));
  }

  require_tool("pdffonts");
  Cmd f = run("pdffonts '" + pdf + "'");
  INFO(f.out);
  CHECK(f.status == 0);
  CHECK(f.err.empty());
  const auto font_lines = lines_of(f.out);
  REQUIRE(font_lines.size() == 5);  // header, rule, three fonts
  std::set<std::string> names;
  for (std::size_t i = 2; i < font_lines.size(); ++i) {
    const std::string& line = font_lines[i];
    std::istringstream fields(line);
    std::string name;
    fields >> name;
    names.insert(name.substr(name.find('+') + 1));
    CHECK(name.size() > 7);
    CHECK(name[6] == '+');  // subset tag
    CHECK(line.find("CID TrueType") != std::string::npos);
    CHECK(line.find("Identity-H") != std::string::npos);
    CHECK(line.find("yes yes yes") != std::string::npos);  // emb sub uni
  }
  CHECK(names ==
        std::set<std::string>{"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "DejaVuSans"});

  require_tool("pdfinfo");
  Cmd i = run("pdfinfo '" + pdf + "'");
  INFO(i.out);
  CHECK(i.status == 0);
  CHECK(i.err.empty());
  const auto info = lines_of(i.out);
  CHECK(contains(info, "Title:           2025年度 行動計画"));
  CHECK(contains(info, "Author:          企画部 山田"));
  CHECK(contains(info, "Subject:         四半期報告（第2版）"));
  CHECK(contains(info, "Creator:         plandeck 0.1.0"));
  CHECK(contains(info, "Pages:           3"));
  CHECK(i.out.find("Page size:       842 x 595 pts") != std::string::npos);
  CHECK(i.out.find("CreationDate") == std::string::npos);  // no epoch, no date
  CHECK(i.out.find("ModDate") == std::string::npos);

  CHECK(fs::file_size(pdf) < 40 * 1024);
}

TEST_CASE("outline titles, outline targets and link targets", "[render_pdf]") {
  const std::string pdf = out_path("outline.pdf");
  render_pdf::write_pdf(sample_deck(), pdf, {});
  require_tool("qpdf");
  Cmd j = run("qpdf --json=2 --json-key=outlines '" + pdf + "'");
  INFO(j.out);
  REQUIRE(j.status == 0);
  CHECK(j.err.empty());
  // Titles and targets in document order (qpdf prints kids inside their parent).
  std::vector<std::pair<std::string, int>> entries;
  const std::string& js = j.out;
  std::size_t at = 0;
  std::vector<int> pending;
  while ((at = js.find('"', at)) != std::string::npos) {
    const std::size_t end = js.find('"', at + 1);
    const std::string key = js.substr(at + 1, end - at - 1);
    if (key == "destpageposfrom1") pending.push_back(std::stoi(js.substr(js.find(':', end) + 1)));
    if (key == "title") {
      const std::size_t v = js.find('"', js.find(':', end)) + 1;
      entries.emplace_back(js.substr(v, js.find('"', v) - v), 0);
    }
    at = end + 1;
  }
  // Every entry carries a destination.
  REQUIRE(entries.size() == 4);
  REQUIRE(pending.size() == 4);
  std::set<std::string> titles;
  for (const auto& e : entries) titles.insert(e.first);
  CHECK(titles == std::set<std::string>{"目次", "本編", "第1章 現状", "第2章 課題"});
  // qpdf lists an entry's destpageposfrom1 before its kids: parent pages come first.
  CHECK(pending == std::vector<int>{1, 2, 2, 3});

  CHECK(link_targets(pdf) == std::vector<std::pair<int, int>>{{1, 2}, {1, 3}});
}

TEST_CASE("text runs are as wide as the font says", "[render_pdf]") {
  compose::Deck d;
  d.fonts = {{kRegular}, {kBold}, {kDejaVu}};
  compose::Page p;
  p.shapes.push_back(text(100, 100, 0, 20, "あア漢Ax（「〜"));
  p.shapes.push_back(text(100, 200, 1, 20, "重点施策ABC"));
  p.shapes.push_back(text(100, 300, 2, 20, "➤Wave"));
  d.pages.push_back(p);
  const std::string pdf = out_path("widths.pdf");
  render_pdf::write_pdf(d, pdf, {});

  require_tool("pdftotext");
  Cmd c = run("pdftotext -bbox '" + pdf + "' -");
  REQUIRE(c.status == 0);
  CHECK(c.err.empty());
  INFO(c.out);
  for (const auto& run_ : p.shapes) {
    const auto& t = std::get<compose::TextRun>(run_);
    const std::size_t w = c.out.find(">" + t.text + "</word>");
    REQUIRE(w != std::string::npos);
    const std::size_t tag = c.out.rfind("<word", w);
    const std::string attrs = c.out.substr(tag, w - tag);
    auto attr = [&](const std::string& name) {
      return std::stod(attrs.substr(attrs.find(name + "=\"") + name.size() + 2));
    };
    CHECK(attr("xMin") == Approx(t.x).margin(0.01));
    CHECK(attr("xMax") - attr("xMin") == Approx(t.width).margin(0.05));
  }
}

TEST_CASE("deck fonts sharing a file are embedded once, unused fonts not at all", "[render_pdf]") {
  compose::Deck d;
  d.fonts = {{kRegular}, {kDejaVu}, {kRegular}};
  d.pages.push_back({{text(40, 100, 0, 20, "最初の行"), text(40, 200, 2, 20, "次の行")}, {}});
  const std::string pdf = out_path("shared-font.pdf");
  render_pdf::write_pdf(d, pdf, {});
  require_tool("pdffonts");
  Cmd f = run("pdffonts '" + pdf + "'");
  INFO(f.out);
  CHECK(lines_of(f.out).size() == 3);  // header, rule, one font
  CHECK(f.out.find("BIZUDPGothic-Regular") != std::string::npos);
  Cmd t = run("pdftotext -raw -enc UTF-8 '" + pdf + "' -");
  CHECK(t.err.empty());
  CHECK(contains(lines_of(t.out), "最初の行"));
  CHECK(contains(lines_of(t.out), "次の行"));
  check_qpdf_clean(pdf);
}

TEST_CASE("output is byte-identical run to run, with and without a date", "[render_pdf]") {
  const auto deck = sample_deck();
  for (std::optional<long long> epoch :
       {std::optional<long long>{}, std::optional<long long>{1735689600}}) {
    render_pdf::PdfOptions options;
    options.source_date_epoch = epoch;
    const std::string a = out_path(epoch ? "det-date-a.pdf" : "det-a.pdf");
    const std::string b = out_path(epoch ? "det-date-b.pdf" : "det-b.pdf");
    render_pdf::write_pdf(deck, a, options);
    render_pdf::write_pdf(deck, b, options);
    const std::string bytes = read_file(a);
    CHECK(!bytes.empty());
    CHECK(bytes == read_file(b));
  }
  CHECK(read_file(out_path("det-a.pdf")) != read_file(out_path("det-date-a.pdf")));

  require_tool("pdfinfo");
  Cmd i = run("TZ=UTC pdfinfo -isodates '" + out_path("det-date-a.pdf") + "'");
  INFO(i.out);
  CHECK(i.err.empty());
  CHECK(i.out.find("CreationDate:    2025-01-01T00:00:00Z") != std::string::npos);
  CHECK(i.out.find("ModDate:         2025-01-01T00:00:00Z") != std::string::npos);
  check_qpdf_clean(out_path("det-date-a.pdf"));
}

TEST_CASE("a 20-page deck with three faces stays small and its ToUnicode maps are bfchar blocks",
          "[render_pdf]") {
  // About 700 distinct kanji plus kana in Regular, 250 in Bold, Latin and arrows in DejaVu:
  // more than a real plan deck uses.
  std::vector<std::string> reg_chars, bold_chars;
  for (char32_t cp = 0x3041; cp <= 0x3093; ++cp) reg_chars.push_back(encode(cp));
  for (char32_t cp = 0x30A1; cp <= 0x30F6; ++cp) reg_chars.push_back(encode(cp));
  for (char32_t cp = 0x4E00; cp < 0x9FA0 && reg_chars.size() < 880; cp += 23) {
    if (regular().has(cp)) reg_chars.push_back(encode(cp));
  }
  for (char32_t cp = 0x4E01; cp < 0x9FA0 && bold_chars.size() < 250; cp += 71) {
    if (bold().has(cp)) bold_chars.push_back(encode(cp));
  }
  compose::Deck d;
  d.fonts = {{kRegular}, {kBold}, {kDejaVu}};
  d.info.title = "大きな資料";
  std::size_t ri = 0, bi = 0;
  for (int page = 0; page < 20; ++page) {
    compose::Page p;
    p.shapes.push_back(compose::Rect{20, 20, 802, 555, compose::Color{0.97, 0.97, 1},
                                     compose::Color{0.2, 0.2, 0.5}, 1, 8});
    p.shapes.push_back(text(40, 60, 1, 24, "第" + std::to_string(page + 1) + "章 概要"));
    for (int line = 0; line < 16; ++line) {
      std::string s;
      for (int k = 0; k < 36; ++k) s += reg_chars[ri++ % reg_chars.size()];
      p.shapes.push_back(text(60, 100 + 26.0 * line, 0, 14, s));
    }
    std::string b;
    for (int k = 0; k < 30; ++k) b += bold_chars[bi++ % bold_chars.size()];
    p.shapes.push_back(text(60, 540, 1, 14, b));
    p.shapes.push_back(text(40, 570, 2, 10, "➤ Page " + std::to_string(page + 1) + " — ©2025"));
    if (page > 0) p.links.push_back({40, 30, 100, 30, 0});
    d.pages.push_back(p);
    d.outline.push_back(
        {"第" + std::to_string(page + 1) + "章", static_cast<std::size_t>(page), {}});
  }

  const std::string pdf = out_path("big.pdf");
  const auto t0 = std::chrono::steady_clock::now();
  render_pdf::write_pdf(d, pdf, {});
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const auto size = fs::file_size(pdf);
  std::cout << "render_pdf: 20 pages, " << reg_chars.size() << "+" << bold_chars.size()
            << " distinct CJK chars: " << size << " bytes in " << ms << " ms\n";
  CHECK(size < 300 * 1024);
  CHECK(ms < 10000);  // generous: Debug and sanitizer builds

  check_qpdf_clean(pdf);
  Cmd t = run("pdftotext -raw -enc UTF-8 '" + pdf + "' -");
  CHECK(t.err.empty());
  CHECK(t.out.find(std::get<compose::TextRun>(d.pages[7].shapes[5]).text) != std::string::npos);

  // The ToUnicode maps: bfchar only, blocks of at most 100, every drawn character present.
  const std::string qdf_path = pdf + ".qdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf_path + "'").status == 0);
  const std::string qdf = read_file(qdf_path);
  CHECK(qdf.find("begincidrange") == std::string::npos);
  CHECK(qdf.find("beginbfrange") == std::string::npos);
  std::size_t entries = 0, blocks = 0;
  for (std::size_t at = qdf.find(" beginbfchar\n"); at != std::string::npos;
       at = qdf.find(" beginbfchar\n", at + 1)) {
    const std::size_t start = qdf.rfind('\n', at) + 1;
    const std::size_t n = std::stoul(qdf.substr(start, at - start));
    CHECK(n >= 1);
    CHECK(n <= 100);
    entries += n;
    ++blocks;
  }
  std::set<char32_t> used[3];
  for (const auto& p : d.pages) {
    for (const auto& s : p.shapes) {
      if (const auto* tr = std::get_if<compose::TextRun>(&s)) {
        for (char32_t cp : decode(tr->text)) used[tr->font].insert(cp);
      }
    }
  }
  CHECK(entries == used[0].size() + used[1].size() + used[2].size());
  CHECK(blocks > 3);
}

TEST_CASE("a character beyond the BMP is drawn, extracted, and kept in outline and info",
          "[render_pdf]") {
  // 𠮟 (U+20B9F) is in BIZ UDPGothic. Shown as a glyph id; ToUnicode maps it to a surrogate
  // pair; the outline title and document title are UTF-16BE strings with the same pair.
  compose::Deck d;
  d.fonts = {{kRegular}};
  d.info.title = "\U00020B9F咤激励";
  d.pages.push_back({{text(40, 100, 0, 20, "\U00020B9Fる・叱る")}, {}});
  d.outline.push_back({"\U00020B9F咤", 0, {}});
  const std::string pdf = out_path("astral.pdf");
  render_pdf::write_pdf(d, pdf, {});
  check_qpdf_clean(pdf);
  Cmd t = run("pdftotext -raw -enc UTF-8 '" + pdf + "' -");
  CHECK(t.err.empty());
  CHECK(t.out.find("\U00020B9Fる・叱る") != std::string::npos);
  Cmd i = run("pdfinfo -enc UTF-8 '" + pdf + "'");
  CHECK(i.out.find("Title:           \U00020B9F咤激励") != std::string::npos);
  Cmd f = run("pdffonts '" + pdf + "'");
  CHECK(f.out.find("CID TrueType      Identity-H       yes yes yes") != std::string::npos);
  // The ToUnicode entry is a surrogate pair, and the outline title holds one too.
  const std::string qdf_path = pdf + ".qdf";
  REQUIRE(run("qpdf --qdf --object-streams=disable '" + pdf + "' '" + qdf_path + "'").status == 0);
  const std::string qdf = read_file(qdf_path);
  CHECK(qdf.find("<D842DF9F>") != std::string::npos);             // in the CMap
  CHECK(qdf.find("/Title <feffd842df9f") != std::string::npos);  // the outline entry (qpdf: lower case)
  CHECK(qdf.find("/CIDToGIDMap /Identity") != std::string::npos);
}

TEST_CASE("a rendered page shows glyphs and shapes", "[render_pdf]") {
  const std::string pdf = out_path("render.pdf");
  render_pdf::write_pdf(sample_deck(), pdf, {});
  require_tool("pdftoppm");
  // PNG for people to look at; PGM for the test to count ink.
  Cmd png = run("pdftoppm -r 60 -png -f 1 -l 1 '" + pdf + "' '" + out_path("render") + "'");
  CHECK(png.status == 0);
  CHECK(png.err.empty());
  Cmd pgm = run("pdftoppm -r 60 -gray -f 1 -l 1 '" + pdf + "' '" + out_path("render") + "'");
  REQUIRE(pgm.status == 0);
  CHECK(pgm.err.empty());
  std::string img;
  for (const auto& e : fs::directory_iterator(out_dir())) {
    if (e.path().extension() == ".pgm" && e.path().filename().string().rfind("render", 0) == 0) {
      img = read_file(e.path().string());
    }
  }
  REQUIRE(img.rfind("P5", 0) == 0);
  std::istringstream hdr(img);
  std::string magic;
  int w = 0, h = 0, maxval = 0;
  hdr >> magic >> w >> h >> maxval;
  CHECK(w == 702);  // 842 pt at 60 dpi
  CHECK(h == 496);
  const auto data_start = static_cast<std::size_t>(hdr.tellg()) + 1;
  std::size_t dark = 0;
  // The text band of the page, below the title bar: x 40..400 pt, y 90..240 pt.
  for (int y = 90 * 60 / 72; y < 240 * 60 / 72; ++y) {
    for (int x = 40 * 60 / 72; x < 400 * 60 / 72; ++x) {
      if (static_cast<unsigned char>(img[data_start + static_cast<std::size_t>(y * w + x)]) < 128)
        ++dark;
    }
  }
  CHECK(dark > 500);
}

TEST_CASE("failures are reported with the page, element or font", "[render_pdf]") {
  const std::string pdf = out_path("error.pdf");
  using Catch::Matchers::Contains;

  SECTION("unreadable font file") {
    compose::Deck d;
    d.fonts = {{"/nonexistent/NoSuchFont.ttf"}};
    d.pages.push_back({{compose::TextRun{10, 10, 0, 12, {}, "あ", 12}}, {}});
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("/nonexistent/NoSuchFont.ttf"));
  }
  SECTION("character missing from the font") {
    compose::Deck d;
    d.fonts = {{kRegular}};
    d.pages.push_back({{compose::TextRun{10, 10, 0, 12, {}, "あ\u2011い", 12}}, {}});
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}),
                      Contains("U+2011") && Contains("page 1, shape 1") && Contains(kRegular));
  }
  SECTION("character beyond the BMP missing from the font") {
    compose::Deck d;
    d.fonts = {{kRegular}};
    d.pages.push_back({{}, {}});
    d.pages.push_back({{compose::Rect{}, compose::TextRun{10, 10, 0, 12, {}, "る\U0001F9FF", 12}}, {}});
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}),
                      Contains("U+1F9FF") && Contains("page 2, shape 2"));
  }
  SECTION("link to a page that does not exist") {
    compose::Deck d;
    d.pages.push_back({{}, {compose::Link{0, 0, 10, 10, 5}}});
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("page 1, link 1"));
  }
  SECTION("outline entry to a page that does not exist") {
    compose::Deck d;
    d.pages.push_back({});
    d.outline = {{"章", 0, {{"節", 3, {}}}}};
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("\"節\""));
  }
  SECTION("font index out of range") {
    compose::Deck d;
    d.fonts = {{kRegular}};
    d.pages.push_back({{compose::TextRun{10, 10, 3, 12, {}, "あ", 12}}, {}});
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("font index 3"));
  }
  SECTION("not a number") {
    compose::Deck d;
    d.pages.push_back({{compose::Line{0, 0, std::nan(""), 10, {}, 1, 0}}, {}});
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("page 1, shape 1 (line)"));
  }
  SECTION("unwritable output path") {
    CHECK_THROWS_WITH(render_pdf::write_pdf(sample_deck(), "/nonexistent-dir/x.pdf", {}),
                      Contains("/nonexistent-dir/x.pdf"));
  }
  SECTION("date out of range") {
    render_pdf::PdfOptions o;
    o.source_date_epoch = -5;
    CHECK_THROWS_WITH(render_pdf::write_pdf(sample_deck(), pdf, o), Contains("SOURCE_DATE_EPOCH"));
  }
  SECTION("an error is an std::runtime_error") {
    compose::Deck d;
    CHECK_THROWS_AS(render_pdf::write_pdf(d, pdf, {}), std::runtime_error);
  }
}
