// The serialisation steps of render_pdf that make the file small: object streams with a
// cross-reference stream (object_streams.hpp) and /W arrays without the /DW widths
// (font_objects.hpp). The packed file is checked with qpdf, an independent reader.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "render_pdf/font_objects.hpp"
#include "render_pdf/object_streams.hpp"
#include "support/process.hpp"

using namespace plandeck;
using render_pdf::detail::Deflater;
using render_pdf::detail::pack_object_streams;

namespace {

// A classic PDF as libharu lays one out: a header with a binary comment, "N 0 obj" ...
// "endobj", a page content stream whose /Length is an object of its own, an xref table.
std::string classic_pdf() {
  const std::string content = "BT /F1 12 Tf 72 720 Td (endobj stream) Tj ET";
  const std::vector<std::string> bodies = {
      "<<\n/Type /Catalog\n/Pages 2 0 R\n>>",
      "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>",
      "<<\n/Type /Page\n/MediaBox [ 0 0 612 792 ]\n/Contents 4 0 R\n/Resources <<\n/Font <<\n/F1 6 0 R\n>>\n>>\n"
      "/Parent 2 0 R\n>>",
      "<<\n/Length 5 0 R\n>>\nstream\r\n" + content + "\nendstream",
      std::to_string(content.size()),
      "<<\n/Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n>>",
      "<<\n/Title (packed)\n>>"};
  std::string pdf = "%PDF-1.3\n%\xB7\xBE\xAD\xAA\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f\r\n";
  for (std::size_t off : offsets) {
    std::string o = std::to_string(off);
    pdf += std::string(10 - o.size(), '0') + o + " 00000 n\r\n";
  }
  pdf += "trailer\n<<\n/Root 1 0 R\n/Info 7 0 R\n/Size " + std::to_string(bodies.size() + 1) +
         "\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string qpdf(const std::vector<std::string>& args, const std::string& path) {
  std::vector<std::string> argv = {"/usr/bin/qpdf"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(path);
  testing::ProcessResult r = testing::run_process(argv);
  INFO("qpdf must be installed; it said: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("objects that are not streams go into an object stream, and qpdf reads the same objects",
          "[render_pdf][packing]") {
  const std::string dir = testing::scratch_dir("pdf_packing");
  const std::string before = dir + "/classic.pdf", after = dir + "/packed.pdf";
  testing::write_file(before, classic_pdf());
  REQUIRE(qpdf({"--check"}, before).find("No syntax or stream encoding errors") != std::string::npos);

  Deflater deflater;
  const std::string packed = pack_object_streams(classic_pdf(), deflater);
  testing::write_file(after, packed);
  CHECK(packed.rfind("%PDF-1.5\n", 0) == 0);
  CHECK(packed.find("\nxref\n") == std::string::npos);  // no table: a cross-reference stream
  CHECK(packed.find("/Type /XRef") != std::string::npos);
  CHECK(packed.find("/Type /ObjStm") != std::string::npos);
  const std::string check = qpdf({"--check"}, after);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.find("WARNING") == std::string::npos);

  // Where each object is now: the stream at an offset, the dictionaries compressed, the
  // stream's length object gone (its value is written in the stream's dictionary).
  const std::string xref = qpdf({"--show-xref"}, after);
  CHECK(xref.find("4/0: uncompressed") != std::string::npos);
  for (const char* n : {"1/0", "2/0", "3/0", "6/0", "7/0"}) {
    INFO(n);
    CHECK(xref.find(std::string(n) + ": compressed") != std::string::npos);
  }
  CHECK(xref.find("5/0:") == std::string::npos);

  // The same objects, read back: the page's content (which holds the words endobj and
  // stream), the font, the info dictionary through the trailer.
  CHECK(qpdf({"--show-object=4", "--filtered-stream-data"}, after) ==
        "BT /F1 12 Tf 72 720 Td (endobj stream) Tj ET");
  CHECK(qpdf({"--show-object=6"}, after).find("/BaseFont /Helvetica") != std::string::npos);
  CHECK(qpdf({"--show-object=trailer"}, after).find("/Info 7 0 R") != std::string::npos);
  CHECK(qpdf({"--show-object=7"}, after).find("(packed)") != std::string::npos);

  // Deterministic: the same input gives the same bytes.
  Deflater other;
  CHECK(pack_object_streams(classic_pdf(), other) == packed);
}

TEST_CASE("added objects replace a placeholder and are numbered after libharu's", "[render_pdf][packing]") {
  // The info dictionary (7) is the placeholder; two objects follow libharu's seven, the
  // first referring to the second and to the page.
  std::uint32_t asked = 0;
  const render_pdf::detail::AddedObjects added = [&asked](std::uint32_t first) {
    asked = first;
    render_pdf::detail::TextObjects t;
    std::size_t at = t.text.size();
    t.text += "<</Title(replaced)/Extra " + std::to_string(first) + " 0 R>>";
    t.add(7, at);
    at = t.text.size();
    t.text += "<</Next " + std::to_string(first + 1) + " 0 R/Pg 3 0 R>>";
    t.add(first, at);
    at = t.text.size();
    t.text += "(last)";
    t.add(first + 1, at);
    return t;
  };
  Deflater deflater;
  const std::string packed = pack_object_streams(classic_pdf(), deflater, added);
  CHECK(asked == 8);  // the classic file's /Size
  const std::string dir = testing::scratch_dir("pdf_packing_added");
  const std::string path = dir + "/added.pdf";
  testing::write_file(path, packed);
  const std::string check = qpdf({"--check"}, path);
  CHECK(check.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.find("WARNING") == std::string::npos);
  CHECK(qpdf({"--show-object=7"}, path).find("(replaced)") != std::string::npos);
  CHECK(qpdf({"--show-object=8"}, path).find("/Pg 3 0 R") != std::string::npos);
  CHECK(qpdf({"--show-object=9"}, path) == "(last)\n");
  const std::string xref = qpdf({"--show-xref"}, path);
  for (const char* n : {"7/0", "8/0", "9/0"}) {
    INFO(n);
    CHECK(xref.find(std::string(n) + ": compressed") != std::string::npos);
  }

  // Out of sequence, or replacing a stream: an internal error, never a silently wrong file.
  const render_pdf::detail::AddedObjects gap = [](std::uint32_t first) {
    render_pdf::detail::TextObjects t;
    t.text = "1";
    t.add(first + 1, 0);
    return t;
  };
  CHECK_THROWS(pack_object_streams(classic_pdf(), deflater, gap));
  const render_pdf::detail::AddedObjects stream = [](std::uint32_t) {
    render_pdf::detail::TextObjects t;
    t.text = "1";
    t.add(4, 0);
    return t;
  };
  CHECK_THROWS(pack_object_streams(classic_pdf(), deflater, stream));
  // A file it cannot read while objects are to be added: an error too.
  CHECK_THROWS(pack_object_streams("not a pdf", deflater, added));
}

TEST_CASE("a file not laid out as libharu saves is returned unchanged", "[render_pdf][packing]") {
  Deflater deflater;
  for (const std::string& odd :
       {std::string("not a pdf"), std::string("%PDF-1.4\n%x\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n"),
        classic_pdf().replace(classic_pdf().find("/Root"), 5, "/Rooz"),
        classic_pdf().replace(classic_pdf().find("trailer\n<<\n"), 11, "trailer\n<<\n/Encrypt 9 0 R\n")}) {
    CHECK(pack_object_streams(odd, deflater) == odd);
  }
}

TEST_CASE("the /W array leaves out the glyphs whose width is /DW", "[render_pdf][packing]") {
  using render_pdf::detail::default_width;
  using render_pdf::detail::width_runs;
  //                                       gid: 0    1     2    3     4    5     6    7
  const std::vector<std::uint16_t> widths = {500, 1000, 1000, 759, 1000, 500, 1000, 333};
  const std::vector<std::uint16_t> used = {1, 2, 3, 4, 5, 6, 7};
  CHECK(default_width(widths, used) == 1000);
  const auto runs = width_runs(widths, used, 1000);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0] == std::pair<std::uint16_t, std::vector<std::uint16_t>>{3, {759}});
  CHECK(runs[1] == std::pair<std::uint16_t, std::vector<std::uint16_t>>{5, {500}});
  CHECK(runs[2] == std::pair<std::uint16_t, std::vector<std::uint16_t>>{7, {333}});
  // A tie keeps the smaller width; nothing used gives the PDF's default.
  CHECK(default_width(widths, {0, 3}) == 500);
  CHECK(default_width(widths, {}) == 1000);
  CHECK(width_runs(widths, {5, 0}, 500).empty());
}
