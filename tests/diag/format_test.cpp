#include <catch2/catch.hpp>

#include "diag/diagnostics.hpp"
#include "diag/printable.hpp"
#include "diag/source_map.hpp"

using namespace plandeck::diag;

TEST_CASE("a located error quotes the line and puts the caret under a wide character",
          "[diag]") {
  SourceMap sources;
  sources.add("plan.yaml", "document:\n  title: 概要の\tタイトル\n");
  Diagnostic d{Severity::Error, {"plan.yaml", 2, 14}, {"未知の文字", "unknown character"},
               Message{"ヒント", "a hint"}};
  CHECK(format(d, Lang::Ja, &sources) ==
        "plan.yaml:2:14: error: 未知の文字\n"
        " 2 |   title: 概要の\tタイトル\n"
        "   |          " "      \t^\n"
        "  hint: ヒント\n");
  CHECK(format(d, Lang::En, nullptr) == "plan.yaml:2:14: error: unknown character\n  hint: a hint\n");
}

TEST_CASE("byte columns from yaml-cpp become code-point columns", "[diag]") {
  std::string text = "a: 1\nタイトル: x\n";
  SourceLoc loc = from_byte_column("f", text, 1, 12);  // byte 12 of line 2 is after "タイトル"
  CHECK(loc.line == 2);
  CHECK(loc.col == 5);
  CHECK(locate("f", text, 0).col == 1);
}

TEST_CASE("a file-level error has no line", "[diag]") {
  Diagnostic d{Severity::Error, {"missing.yaml", 0, 0}, {"ファイルを開けません", "cannot open"}, {}};
  CHECK(format(d, Lang::Ja, nullptr) == "missing.yaml: error: ファイルを開けません\n");
}

TEST_CASE("a very long source line is quoted as a window around the column", "[diag]") {
  SourceMap sources;
  std::string line = std::string(5000, '[') + "x" + std::string(5000, ']');
  sources.add("deep.yaml", line + "\n");
  Diagnostic d{Severity::Error, {"deep.yaml", 1, 5001}, {"深すぎます", "too deep"}, {}};
  std::string out = format(d, Lang::Ja, &sources);
  CHECK(out.size() < 400);
  // 30 characters before the column are kept, then "…" marks the cut on both sides.
  std::string expected_line = " 1 | \u2026" + std::string(30, '[') + "x" + std::string(49, ']') + "\u2026\n";
  CHECK(out.find(expected_line) != std::string::npos);
  CHECK(out.find(std::string("   | ") + std::string(31, ' ') + "^\n") != std::string::npos);
}

TEST_CASE("the line index locates like a scan from the top", "[diag][index]") {
  // Lines of mixed widths (ASCII, kana, a 4-byte character), CRLF, an empty line, long lines
  // that cross the index's 1 KB blocks.
  std::string wide;
  for (int i = 0; i < 1500; ++i) wide += "い";
  std::string text = "a: 1\r\nタイトル: x\n\n" + std::string(3000, 'x') + "あ😀" + wide + "\nend";
  LineIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
    SourceLoc want = locate("f", text, offset);
    SourceLoc got = index.locate("f", offset);
    INFO("offset " << offset);
    REQUIRE(got.line == want.line);
    REQUIRE(got.col == want.col);
    if (offset < text.size() && text[offset] != '\n' && text[offset] != '\r') {
      REQUIRE(index.column_offset(static_cast<std::size_t>(got.line - 1), got.col) == offset);
    }
  }
  CHECK(index.line(0) == "a: 1");  // without its CR
  CHECK(index.line(2).empty());
  CHECK(index.line(4) == "end");
  CHECK(index.line(5).empty());
}

TEST_CASE("plan text in a message never reaches the terminal raw", "[diag][printable]") {
  CHECK(printable("a\x1b[31mb") == "a<U+001B>[31mb");
  CHECK(printable(std::string("x\0y", 3)) == "x<U+0000>y");  // a NUL does not end the message
  CHECK(printable("\a\t\r\x7f") == "<U+0007><U+0009><U+000D><U+007F>");
  CHECK(printable("\u202Eabc\u2066") == "<U+202E>abc<U+2066>");
  CHECK(printable("\uFFFE\uFFFF\uFDD0") == "<U+FFFE><U+FFFF><U+FDD0>");
  CHECK(printable("\xC2\x85") == "<U+0085>");
  CHECK(printable("caf\xE9") == "caf<0xE9>");
  CHECK(printable("概要\n次") == "概要<U+000A>次");
  PrintableOptions keep;
  keep.keep_line_feeds = true;
  CHECK(printable("概要\n次", keep) == "概要\n次");
  CHECK(quote(std::string(100, 'k')) == "\"" + std::string(64, 'k') + "\u2026\"");
  CHECK(quote("見出し", 2) == "\"見出\u2026\"");
}

TEST_CASE("a message with control characters and a huge value is printed escaped and cut", "[diag][printable]") {
  SourceMap sources;
  sources.add("p.yaml", std::string("title: \"\x1b]0;owned\x07\"\n"));
  Diagnostic d{Severity::Error, {"p.yaml", 1, 8}, {std::string("bad \x1b[2J") + std::string(5000, 'z'), "bad"}, {}};
  std::string out = format(d, Lang::Ja, &sources);
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find('\x07') == std::string::npos);
  CHECK(out.find("bad <U+001B>[2J") != std::string::npos);
  CHECK(out.size() < 1400);
  // The caret still points at the opening quote, after the escaped characters' width.
  CHECK(out.find(" 1 | title: \"<U+001B>]0;owned<U+0007>\"\n   |        ^\n") != std::string::npos);
}

TEST_CASE("at most 100 diagnostics are printed, then how many more", "[diag][cap]") {
  Diagnostics ds;
  for (int i = 0; i < 45000; ++i) ds.error({"p.yaml", i + 1, 1}, {"未知のキー", "unknown key"});
  std::string ja = format_all(ds, Lang::Ja, nullptr);
  std::string en = format_all(ds, Lang::En, nullptr);
  CHECK(ja.find("p.yaml:100:1: error:") != std::string::npos);
  CHECK(ja.find("p.yaml:101:1: error:") == std::string::npos);
  CHECK(ja.substr(ja.size() - 60).find("…ほか 44,900 件（表示は最初の 100 件まで）\n") != std::string::npos);
  CHECK(en.substr(en.size() - 60).find("… and 44,900 more (only the first 100 are shown)\n") != std::string::npos);
  CHECK(ja.size() < 64 * 1024);
}

TEST_CASE("a note is formatted as a note and is no error", "[diag]") {
  Diagnostics ds;
  ds.note({"plan.yaml", 3, 5}, {"小さく組みました", "set smaller"});
  REQUIRE(ds.items().size() == 1);
  CHECK(ds.items()[0].severity == Severity::Note);
  CHECK_FALSE(ds.has_errors());
  CHECK(ds.error_count() == 0);
  CHECK(format(ds.items()[0], Lang::En, nullptr) == "plan.yaml:3:5: note: set smaller\n");
  ds.warning({"plan.yaml", 4, 1}, {"注意", "careful"});
  CHECK(format(ds.items()[1], Lang::Ja, nullptr) == "plan.yaml:4:1: warning: 注意\n");
}
