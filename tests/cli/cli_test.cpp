// The CLI contract of the README: subcommands, exit codes, messages naming the file.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

}  // namespace

TEST_CASE("usage errors exit 2", "[cli]") {
  auto none = run_process({plandeck_bin()});
  CHECK(none.exit_code == 2);
  auto unknown = run_process({plandeck_bin(), "frobnicate", default_plan()});
  CHECK(unknown.exit_code == 2);
  auto bad_only = run_process({plandeck_bin(), "build", default_plan(), "--only", "docx"});
  CHECK(bad_only.exit_code == 2);
  auto no_plan = run_process({plandeck_bin(), "check"});
  CHECK(no_plan.exit_code == 2);
}

TEST_CASE("the version flag names plandeck and every library", "[cli]") {
  auto r = run_process({plandeck_bin(), "--version"});
  REQUIRE(r.exit_code == 0);
  for (const char* name : {"plandeck", "libharu", "libxlsxwriter", "yaml-cpp", "CLI11", "HarfBuzz"}) {
    CHECK(r.out.find(name) != std::string::npos);
  }
}

TEST_CASE("check accepts the default plan and writes nothing", "[cli]") {
  std::string dir = scratch_dir("cli-check");
  auto r = run_process({plandeck_bin(), "check", default_plan()}, {{}, {}, dir});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::is_empty(dir));
}

TEST_CASE("a missing plan file is named and exits 1", "[cli]") {
  auto r = run_process({plandeck_bin(), "check", "no-such-plan.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no-such-plan.yaml") != std::string::npos);
}

TEST_CASE("an invalid plan exits 1 with a located message in Japanese or English", "[cli]") {
  std::string dir = scratch_dir("cli-invalid");
  std::string plan = dir + "/bad.yaml";
  write_file(plan,
             "plandeck: 1\n"
             "document:\n"
             "  titel: 題名\n"
             "  organisation: 総務局\n"
             "sections: []\n");
  auto ja = run_process({plandeck_bin(), "check", plan});
  CHECK(ja.exit_code == 1);
  CHECK(ja.err.find(plan + ":3:3: error: ") != std::string::npos);
  CHECK(ja.err.find("titel") != std::string::npos);
  CHECK(ja.err.find(" 3 |   titel: 題名\n") != std::string::npos);
  auto en = run_process({plandeck_bin(), "--lang", "en", "check", plan});
  CHECK(en.exit_code == 1);
  CHECK(en.err.find("unknown key") != std::string::npos);
}

TEST_CASE("a bad SOURCE_DATE_EPOCH is an environment error", "[cli]") {
  ProcessOptions o;
  o.env["SOURCE_DATE_EPOCH"] = "yesterday";
  auto r = run_process({plandeck_bin(), "check", default_plan()}, o);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("SOURCE_DATE_EPOCH") != std::string::npos);
}
