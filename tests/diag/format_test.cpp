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
