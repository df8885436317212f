// Diagnostics as JSON (--format json) and their stable codes.
#include <catch2/catch.hpp>

#include "diag/diagnostics.hpp"
#include "diag/json.hpp"

using namespace plandeck::diag;

TEST_CASE("a diagnostic becomes one JSON object with every field", "[diag][json]") {
  Diagnostic d(Severity::Warning, {"plan.yaml", 14, 5}, {"未知のキー \"titel\"", "unknown key \"titel\""},
               Message{"\"title\" ではありませんか", "did you mean \"title\"?"}, "plan-unknown-key");
  CHECK(to_json(d, Lang::Ja) ==
        "{\"file\": \"plan.yaml\", \"line\": 14, \"column\": 5, \"severity\": \"warning\", "
        "\"code\": \"plan-unknown-key\", \"message\": \"未知のキー \\\"titel\\\"\", "
        "\"hint\": \"\\\"title\\\" ではありませんか\"}");
  CHECK(to_json(d, Lang::En).find("\"message\": \"unknown key \\\"titel\\\"\"") != std::string::npos);
}

TEST_CASE("a whole-file diagnostic has null line, column and hint", "[diag][json]") {
  Diagnostic d(Severity::Error, {"missing.yaml", 0, 0}, {"見つかりません", "not found"});
  std::string j = to_json(d, Lang::Ja);
  CHECK(j.find("\"line\": null, \"column\": null") != std::string::npos);
  CHECK(j.find("\"hint\": null") != std::string::npos);
  CHECK(j.find("\"severity\": \"error\"") != std::string::npos);
  Diagnostic note(Severity::Note, {"plan.yaml", 3, 1}, {"小さく組みました", "set smaller"});
  CHECK(to_json(note, Lang::En).find("\"severity\": \"note\"") != std::string::npos);
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[diag][json]") {
  CHECK(json_string("a\"b\\c\nd\te\x01") == "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  CHECK(json_string("全角") == "\"全角\"");
}

TEST_CASE("codes are explicit, or derived from the kind of problem without its particulars", "[diag][json]") {
  Diagnostic set(Severity::Error, {}, {"x", "unknown key \"titel\""}, std::nullopt, "plan-unknown-key");
  CHECK(code_of(set) == "plan-unknown-key");
  Diagnostic a(Severity::Error, {}, {"x", "unknown key \"titel\""});
  Diagnostic b(Severity::Error, {}, {"x", "unknown key \"colour\""});
  CHECK(code_of(a) == "unknown-key");
  CHECK(code_of(b) == code_of(a));
  Diagnostic font(Severity::Error, {}, {"x", "cannot load a font: BIZUDPGothic-Regular.ttf not found"});
  CHECK(code_of(font) == "cannot-load-a-font");
  Diagnostic dup(Severity::Error, {}, {"x", "duplicate key \"title\" (first on line 5)"});
  CHECK(code_of(dup) == "duplicate-key");
  Diagnostic none(Severity::Error, {}, {"x", ""});
  CHECK(code_of(none) == "plandeck");
}

TEST_CASE("a list of diagnostics is a JSON array", "[diag][json]") {
  Diagnostics ds;
  CHECK(to_json(ds, Lang::Ja) == "[]");
  ds.error({"a.yaml", 1, 1}, {"一", "one"});
  ds.warning({"a.yaml", 2, 1}, {"二", "two"});
  std::string j = to_json(ds, Lang::En, 0);
  CHECK(j.rfind("[\n  {", 0) == 0);
  CHECK(j.find("},\n  {") != std::string::npos);
  CHECK(j.substr(j.size() - 3) == "}\n]");
}
