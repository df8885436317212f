// render_xlsx/package_check: the read-back check of a written workbook. The zip files are
// made by Python's zipfile module (an independent producer), then damaged the ways a full
// disk or a bad write damages them; each damage must be refused, naming the part.
#include <catch2/catch.hpp>

#include <filesystem>

#include "render_xlsx/package_check.hpp"
#include "render_xlsx/workbook.hpp"
#include "support/process.hpp"

using namespace plandeck;
using namespace plandeck::render_xlsx;
namespace fs = std::filesystem;

namespace {

// Writes a zip of the parts every workbook has, plus `sheets` worksheets, to `path`.
// `change` is Python run on the dict `parts` (name -> text) before writing; `method` is
// zipfile.ZIP_DEFLATED or zipfile.ZIP_STORED.
std::string make_zip(const std::string& name, int sheets, const std::string& change,
                     const std::string& method = "zipfile.ZIP_DEFLATED") {
  const std::string dir = testing::scratch_dir("package-check-" + name);
  const std::string path = dir + "/" + name + ".xlsx";
  const std::string script = R"py(
import sys, zipfile
path, sheets = sys.argv[1], int(sys.argv[2])
decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
overrides = ''.join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="x"/>' % n
                    for n in range(1, sheets + 1))
parts = {
  '[Content_Types].xml': decl + '<Types xmlns="t"><Default Extension="xml" ContentType="x"/>'
                         + overrides + '<Override PartName="/xl/sharedStrings.xml" ContentType="x"/></Types>',
  '_rels/.rels': decl + '<Relationships xmlns="r"><Relationship Id="rId1" Target="a &gt; b"/></Relationships>',
  'docProps/app.xml': decl + '<Properties><Application>plandeck test</Application></Properties>',
  'docProps/core.xml': decl + '<cp:coreProperties xmlns:cp="c"><dc:title>題名</dc:title></cp:coreProperties>',
  'xl/workbook.xml': decl + '<workbook><sheets><sheet name="a>b" sheetId="1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': decl + '<Relationships xmlns="r"></Relationships>',
  'xl/styles.xml': decl + '<styleSheet><fonts count="1"><font><sz val="10"/></font></fonts></styleSheet>',
  'xl/theme/theme1.xml': decl + '<a:theme name="Office"><a:themeElements/></a:theme>',
  'xl/sharedStrings.xml': decl + '<sst count="1"><si><t>広島</t></si></sst>',
}
for n in range(1, sheets + 1):
    parts['xl/worksheets/sheet%d.xml' % n] = decl + '<worksheet><sheetData>' + \
        ''.join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(1, 200)) + \
        '</sheetData></worksheet>'
)py" + change + R"py(
with zipfile.ZipFile(path, 'w', )py" + method + R"py() as z:
    for name, text in parts.items():
        z.writestr(name, text.encode('utf-8'))
)py";
  auto r = testing::run_process({"/usr/bin/python3", "-c", script, path, std::to_string(sheets)});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return path;
}

std::string refusal(const std::string& path, std::size_t sheets) {
  try {
    verify_package(path, sheets);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a complete package from another zip writer passes", "[render_xlsx][package]") {
  CHECK(refusal(make_zip("complete", 3, ""), 3).empty());
  CHECK(refusal(make_zip("stored", 2, "", "zipfile.ZIP_STORED"), 2).empty());
}

TEST_CASE("a missing worksheet or declared part is refused", "[render_xlsx][package]") {
  // Three sheets written, four expected.
  std::string missing_sheet = refusal(make_zip("few-sheets", 3, ""), 4);
  CHECK(missing_sheet.find("xl/worksheets/sheet4.xml is missing") != std::string::npos);
  // [Content_Types].xml names the shared strings, which are not there.
  std::string undeclared = refusal(make_zip("no-strings", 1, "del parts['xl/sharedStrings.xml']"), 1);
  CHECK(undeclared.find("xl/sharedStrings.xml is missing") != std::string::npos);
  std::string no_styles = refusal(make_zip("no-styles", 1, "del parts['xl/styles.xml']"), 1);
  CHECK(no_styles.find("xl/styles.xml is missing") != std::string::npos);
}

TEST_CASE("an empty or cut-off part is refused", "[render_xlsx][package]") {
  std::string empty = refusal(make_zip("empty-part", 2, "parts['xl/worksheets/sheet2.xml'] = ''"), 2);
  CHECK(empty.find("xl/worksheets/sheet2.xml is empty") != std::string::npos);
  // Cut the way a full disk cuts a buffered file: at a 4 KB boundary.
  std::string cut = refusal(
      make_zip("cut-part", 2, "parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'][:4096]"), 2);
  CHECK(cut.find("xl/worksheets/sheet1.xml is incomplete") != std::string::npos);
  // A piece missing from the middle.
  std::string hole = refusal(
      make_zip("hole-part", 1,
               "s = parts['xl/worksheets/sheet1.xml']; parts['xl/worksheets/sheet1.xml'] = s[:3000] + s[7096:]"),
      1);
  CHECK(hole.find("xl/worksheets/sheet1.xml is incomplete") != std::string::npos);
}

TEST_CASE("damaged zip bytes are refused", "[render_xlsx][package]") {
  const std::string good = testing::read_file(make_zip("bytes", 2, ""));
  REQUIRE_NOTHROW(verify_package_bytes(good, 2));

  // The file cut short: no end record any more.
  CHECK_THROWS_WITH(verify_package_bytes(good.substr(0, good.size() - 30), 2),
                    Catch::Contains("no zip end record"));
  CHECK_THROWS_AS(verify_package_bytes(good.substr(0, good.size() / 2), 2), Error);
  CHECK_THROWS_AS(verify_package_bytes("", 2), Error);

  // One byte of the compressed data changed: the stream or its CRC-32 no longer agrees.
  const std::string name = "xl/worksheets/sheet1.xml";
  const std::size_t at = good.find(name);  // the first local header's name
  REQUIRE(at != std::string::npos);
  std::string flipped = good;
  flipped[at + name.size() + 40] = static_cast<char>(flipped[at + name.size() + 40] ^ 0x55);
  CHECK_THROWS_AS(verify_package_bytes(flipped, 2), Error);

  // A local header that names another part than the central directory.
  std::string renamed = good;
  renamed[at + name.size() - 5] = '9';  // sheet1.xml -> sheet9.xml in the local header only
  CHECK_THROWS_WITH(verify_package_bytes(renamed, 2), Catch::Contains("local header names another part"));
}

TEST_CASE("the XML structure check", "[render_xlsx][package]") {
  CHECK(xml_structure_problem("<?xml version=\"1.0\"?>\n<a><b x=\"1>2\"/><c>t</c></a>\n").empty());
  CHECK(xml_structure_problem("<a><!-- <b> --><![CDATA[<c>]]></a>").empty());
  CHECK(xml_structure_problem("<a/>").empty());
  CHECK(xml_structure_problem("") == "no element at all");
  CHECK(xml_structure_problem("<?xml version=\"1.0\"?>") == "no element at all");
  CHECK(xml_structure_problem("<a><b></b>") == "cut short: <a> is never closed");
  CHECK(xml_structure_problem("<a><b x=\"1") == "cut short inside a tag");
  CHECK(xml_structure_problem("<a></b></a>") == "</b> closes nothing that is open");
  CHECK(xml_structure_problem("<a></a><a></a>") == "a second root element <a>");
  CHECK(xml_structure_problem("<a></a>tail") == "text after the root element");
  CHECK(xml_structure_problem("<a><b</a>") == "a tag is cut off");
}
