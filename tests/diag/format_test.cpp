#include <catch2/catch.hpp>

#include "diag/diagnostics.hpp"
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
