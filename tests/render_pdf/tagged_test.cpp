// render_pdf: the structure hints of a hand-built deck written as a tagged PDF, read back with
// poppler (pdfinfo -struct-text) and qpdf (the content streams' marked content).
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "render_pdf/render_pdf.hpp"
#include "support/process.hpp"

using namespace plandeck;
using compose::StructKind;
using plandeck::testing::run_process;

namespace {

const std::string kRegular = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

compose::TextRun run(const std::string& text, double y, int node) {
  compose::TextRun r;
  r.x = 40;
  r.y = y;
  r.size = 12;
  r.text = text;
  r.width = 12;
  r.node = node;
  return r;
}

compose::StructNode make(StructKind kind, int parent, compose::HeaderScope scope = compose::HeaderScope::None,
                         int row_span = 1) {
  compose::StructNode n;
  n.kind = kind;
  n.parent = parent;
  n.scope = scope;
  n.row_span = row_span;
  return n;
}

// Page 1 and 2: one slide (same name and place); page 3 another.
compose::Deck tagged_deck() {
  compose::Deck d;
  d.fonts = {{kRegular}};
  compose::Page p1;
  p1.slide = "概要";
  p1.loc = diag::SourceLoc{"plan.yaml", 3, 1};
  p1.structure = {make(StructKind::H1, -1), make(StructKind::P, -1), make(StructKind::Link, -1)};
  compose::Rect band;
  band.w = 842;
  band.h = 40;
  band.fill = compose::Color{0, 0, 1};
  p1.shapes = {band, run("概要", 30, 0),
               run("計画は", 80, 1), run("重要", 80, 1), run("です", 80, 1),
               run("補足", 120, compose::kUntagged), run("2", 580, compose::kPagination),
               run("次へ", 150, 2), run("3", 150, 2)};
  p1.shapes.push_back(run("・・・", 150, compose::kArtifact));
  std::get<compose::TextRun>(p1.shapes.back()).x = 60;
  std::get<compose::TextRun>(p1.shapes[p1.shapes.size() - 2]).x = 100;  // the number, after a gap
  compose::Link next;
  next.x = 40;
  next.y = 140;
  next.w = 80;
  next.h = 14;
  next.target_page = 2;
  next.node = 2;
  p1.links = {next};
  compose::Page p2;
  p2.slide = "概要";
  p2.loc = p1.loc;
  using compose::HeaderScope;
  p2.structure = {make(StructKind::Table, -1),
                  make(StructKind::TR, 0),
                  make(StructKind::TH, 1, HeaderScope::Column),
                  make(StructKind::TH, 1, HeaderScope::Column),
                  make(StructKind::TR, 0),
                  make(StructKind::TH, 4, HeaderScope::Row, 2),
                  make(StructKind::TD, 4),
                  make(StructKind::TR, 0),
                  make(StructKind::TD, 7)};
  p2.shapes = {run("項目", 30, 2), run("件数", 30, 3), run("申請", 60, 5),
               compose::Line{0, 70, 800, 70, {}, 1, 0}, run("113,600件", 60, 6), run("196,000件", 90, 8)};
  compose::Page p3;
  p3.slide = "結果";
  p3.loc = diag::SourceLoc{"plan.yaml", 9, 1};
  p3.structure = {make(StructKind::L, -1), make(StructKind::LI, 0), make(StructKind::Lbl, 1),
                  make(StructKind::LBody, 1)};
  p3.shapes = {run("・", 30, 2), run("手続", 30, 3), run("・・・・", 60, compose::kArtifact)};
  d.pages = {p1, p2, p3};
  d.info.title = "計画 & 実績 <R5>";
  d.info.author = "県庁";
  return d;
}

std::string tool_output(const std::vector<std::string>& argv) {
  auto r = run_process(argv);
  INFO(argv[0] << ": " << r.err << " (poppler-utils and qpdf must be installed)");
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("structure hints become a structure tree with marked content", "[render_pdf][tagged]") {
  const std::string dir = plandeck::testing::scratch_dir("render_pdf-tagged");
  const std::string pdf = dir + "/tagged.pdf";
  render_pdf::write_pdf(tagged_deck(), pdf, {});
  CHECK(tool_output({"/usr/bin/pdfinfo", pdf}).find("Tagged:          yes") != std::string::npos);
  CHECK(tool_output({"/usr/bin/qpdf", "--check", pdf}).find("No syntax or stream encoding errors") !=
        std::string::npos);
  // Reading order (the untagged run a P of its own, after the page's nodes); the page number
  // and leader dots left out; the link's text and its annotation (OBJR) in a Link;
  // pages 1 and 2 one Sect; the row header's span and scopes as Table attributes.
  const std::string expected =
      "Document\n"
      "  Sect\n"
      "    H1 (block)\n"
      "      \"概要\"\n"
      "    P (block)\n"
      "      \"計画は重要です\"\n"
      "    Link (inline)\n"
      "      \"次へ3\"\n"
      "      Object N\n"
      "    P (block)\n"
      "      \"補足\"\n"
      "    Table (block)\n"
      "      TR\n"
      "        TH:\n"
      "           /Scope /Column\n"
      "          \"項目\"\n"
      "        TH:\n"
      "           /Scope /Column\n"
      "          \"件数\"\n"
      "      TR\n"
      "        TH:\n"
      "           /Scope /Row\n"
      "           /RowSpan 2\n"
      "          \"申請\"\n"
      "        TD\n"
      "          \"113,600件\"\n"
      "      TR\n"
      "        TD\n"
      "          \"196,000件\"\n"
      "  Sect\n"
      "    L (block)\n"
      "      LI (block)\n"
      "        Lbl (block)\n"
      "          \"・\"\n"
      "        LBody (block)\n"
      "          \"手続\"\n";
  const std::string tree = tool_output({"/usr/bin/pdfinfo", "-struct-text", pdf});
  CHECK(std::regex_replace(tree, std::regex("Object [0-9]+ 0"), "Object N") == expected);

  // The content streams: consecutive runs of one element share one marked-content sequence,
  // decorations are artifacts, the page number a pagination artifact.
  const std::string qdf = dir + "/tagged-qdf.pdf";
  tool_output({"/usr/bin/qpdf", "--qdf", "--object-streams=disable", pdf, qdf});
  const std::string text = plandeck::testing::read_file(qdf);
  CHECK(text.find("/Artifact BMC") != std::string::npos);
  CHECK(text.find("/Artifact <</Type /Pagination>> BDC") != std::string::npos);
  CHECK(text.find("/H1 <</MCID 0>> BDC") != std::string::npos);
  CHECK(text.find("/P <</MCID 1>> BDC") != std::string::npos);
  CHECK(text.find("/P <</MCID 2>> BDC") != std::string::npos);  // the untagged run
  CHECK(text.find("/Link <</MCID 3>> BDC") != std::string::npos);  // "次へ" and "3": one sequence
  // The link annotation: in the tree (its key after the three pages') with its text.
  CHECK(text.find("/StructParent 3") != std::string::npos);
  CHECK(text.find("/ParentTreeNextKey 4") != std::string::npos);
  CHECK(text.find("/Type /OBJR") != std::string::npos);
  CHECK(text.find("/Contents <feff6b21307800200033>") != std::string::npos);  // "次へ 3"
  CHECK(text.find("/Lang (ja)") != std::string::npos);
  CHECK(text.find("/Tabs /S") != std::string::npos);
  CHECK(text.find("/StructParents 2") != std::string::npos);
}

TEST_CASE("the XMP metadata names the document and identifies PDF/UA-1", "[render_pdf][tagged]") {
  const std::string pdf = plandeck::testing::scratch_dir("render_pdf-xmp") + "/xmp.pdf";
  render_pdf::write_pdf(tagged_deck(), pdf, {});
  CHECK(tool_output({"/usr/bin/pdfinfo", pdf}).find("Metadata Stream: yes") != std::string::npos);
  const std::string xmp = tool_output({"/usr/bin/pdfinfo", "-meta", pdf});
  CHECK(xmp.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(xmp.find("<rdf:li xml:lang=\"x-default\">計画 &amp; 実績 &lt;R5&gt;</rdf:li>") != std::string::npos);
  CHECK(xmp.find("<rdf:li>県庁</rdf:li>") != std::string::npos);
}

TEST_CASE("bad structure hints are refused naming page and shape", "[render_pdf][tagged]") {
  using Catch::Matchers::Contains;
  const std::string pdf = plandeck::testing::scratch_dir("render_pdf-tagged-bad") + "/bad.pdf";
  SECTION("a node whose parent comes after it") {
    compose::Deck d = tagged_deck();
    d.pages[2].structure[1].parent = 3;
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("page 3, structure node 2"));
  }
  SECTION("a run in a node that does not exist") {
    compose::Deck d = tagged_deck();
    std::get<compose::TextRun>(d.pages[1].shapes[1]).node = 9;
    CHECK_THROWS_WITH(render_pdf::write_pdf(d, pdf, {}), Contains("page 2, shape 2") && Contains("structure node 9"));
  }
}
