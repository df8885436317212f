// `--format json` on check and build: one JSON document on stdout with every diagnostic
// (file, line, column, severity, code, message in the chosen language, hint). Parsed here by
// Python's json module, an independent reader.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

// Parses `json` with Python and prints what `expression` (over `d`, the document) gives,
// one value per line. Fails the test when the JSON does not parse.
std::string with_python(const std::string& dir, const std::string& json, const std::string& expression) {
  std::string file = dir + "/result.json";
  write_file(file, json);
  auto r = run_process({"/usr/bin/python3", "-c",
                        "import json, sys\n"
                        "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                        "for v in (" + expression + "): print(v)\n",
                        file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

const char* kBadPlan =
    "plandeck: 1\n"
    "document:\n"
    "  titel: 題名\n"
    "  organisation: 総務局\n"
    "sections: []\n";

}  // namespace

TEST_CASE("check --format json reports each problem with all its fields", "[cli][json]") {
  std::string dir = scratch_dir("cli-json-check");
  std::string plan = dir + "/bad.yaml";
  write_file(plan, kBadPlan);
  auto r = run_process({plandeck_bin(), "check", plan, "--format", "json"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  std::string first = with_python(dir, r.out,
                                  "[d['exit_code']] + [d['diagnostics'][0][k] for k in "
                                  "('file', 'line', 'column', 'severity', 'code', 'message', 'hint')]");
  CHECK(first == "1\n" + plan + "\n3\n3\nerror\nunknown-key\n未知のキー \"titel\"\n\"title\" ではありませんか\n");
  std::string all = with_python(dir, r.out, "[len(d['diagnostics']), d['checked'], d['written']]");
  CHECK(all == "3\n[]\n[]\n");  // titel, the missing title, the empty sections
}

TEST_CASE("the JSON messages follow --lang", "[cli][json]") {
  std::string dir = scratch_dir("cli-json-en");
  std::string plan = dir + "/bad.yaml";
  write_file(plan, kBadPlan);
  auto r = run_process({plandeck_bin(), "--lang", "en", "check", "--format", "json", plan});
  CHECK(r.exit_code == 1);
  CHECK(with_python(dir, r.out, "[d['diagnostics'][0]['message'], d['diagnostics'][0]['hint']]") ==
        "unknown key \"titel\"\ndid you mean \"title\"?\n");
}

TEST_CASE("check and build --format json list what passed and what was written", "[cli][json]") {
  std::string dir = scratch_dir("cli-json-ok");
  auto check = run_process({plandeck_bin(), "check", "--format", "json", default_plan()});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(with_python(dir, check.out,
                    "[d['exit_code'], d['checked'][0]['plan'], d['checked'][0]['slides'] > 10, d['diagnostics']]") ==
        "0\n" + default_plan() + "\nTrue\n[]\n");
  auto build = run_process({plandeck_bin(), "build", default_plan(), "-o", dir + "/out", "--format", "json"});
  INFO(build.err);
  CHECK(build.exit_code == 0);
  CHECK(with_python(dir, build.out, "d['written']") ==
        dir + "/out/hiroshima-dx-r3-r5.pdf\n" + dir + "/out/hiroshima-dx-r3-r5.xlsx\n");
  CHECK(fs::exists(dir + "/out/hiroshima-dx-r3-r5.pdf"));
}

TEST_CASE("an environment error is JSON too", "[cli][json]") {
  std::string dir = scratch_dir("cli-json-env");
  ProcessOptions o;
  o.env["SOURCE_DATE_EPOCH"] = "yesterday";
  auto r = run_process({plandeck_bin(), "check", default_plan(), "--format", "json"}, o);
  CHECK(r.exit_code == 3);
  CHECK(with_python(dir, r.out, "[d['exit_code'], d['diagnostics'][0]['code'], d['diagnostics'][0]['line']]") ==
        "3\nsource-date-epoch\nNone\n");
}
