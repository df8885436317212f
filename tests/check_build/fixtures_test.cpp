// Every bad fixture (tests/fixtures/plans/bad) through the real command line: `check` and
// `build` end with the same exit code (1: the plan is invalid), print the same located
// diagnostics, and `build` writes nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST_CASE("check and build give the same exit and messages for every bad fixture", "[check_build][fixtures]") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(source_dir() + "/tests/fixtures/plans/bad")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 40);
  ProcessOptions o;
  o.timeout = time_bound(60s);
  for (const auto& file : files) {
    INFO("fixture " << file.filename().string());
    std::string out = scratch_dir("check-build-" + file.stem().string());
    ProcessResult check = run_process({plandeck_bin(), "check", file.string()}, o);
    ProcessResult build = run_process({plandeck_bin(), "build", file.string(), "-o", out}, o);
    INFO("check: " << check.err.substr(0, 600));
    INFO("build: " << build.err.substr(0, 600));
    CHECK(check.exit_code == 1);
    CHECK(build.exit_code == check.exit_code);
    CHECK(build.err == check.err);
    CHECK(build.err.find(file.string() + ":") != std::string::npos);  // located, in the file
    CHECK(fs::is_empty(out));
    // Nothing raw from the plan reaches the terminal: no control character but line feed
    // and the tab of a quoted source line's caret.
    for (const std::string* err : {&check.err, &build.err}) {
      bool clean = std::none_of(err->begin(), err->end(), [](char c) {
        auto b = static_cast<unsigned char>(c);
        return (b < 0x20 && c != '\n' && c != '\t') || b == 0x7F;
      });
      CHECK(clean);
    }
  }
}
