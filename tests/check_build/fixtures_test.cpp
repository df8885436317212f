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

namespace {

// The warning and error lines of a command's messages, in order.
std::vector<std::string> warnings_in(const std::string& err) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < err.size()) {
    std::size_t end = err.find('\n', at);
    if (end == std::string::npos) end = err.size();
    const std::string line = err.substr(at, end - at);
    if (line.find(": warning: ") != std::string::npos || line.find(": error: ") != std::string::npos)
      out.push_back(line);
    at = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("every warn fixture is checked and built alike, and --werror refuses it", "[check_build][fixtures]") {
  // A warning never stops a plan: `check` and `build` exit 0 with the same warnings and
  // `build` writes the deck and the workbook; with --werror both exit 1 and nothing is written.
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(source_dir() + "/tests/fixtures/plans/warn")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 4);
  ProcessOptions o;
  o.timeout = time_bound(60s);
  for (const auto& file : files) {
    INFO("fixture " << file.filename().string());
    std::string out = scratch_dir("check-build-warn-" + file.stem().string());
    ProcessResult check = run_process({plandeck_bin(), "check", file.string()}, o);
    ProcessResult build = run_process({plandeck_bin(), "build", file.string(), "-o", out}, o);
    INFO("check: " << check.err.substr(0, 600));
    INFO("build: " << build.err.substr(0, 600));
    CHECK(check.exit_code == 0);
    CHECK(build.exit_code == 0);
    CHECK(warnings_in(build.err) == warnings_in(check.err));  // notes are check's alone
    CHECK(!warnings_in(check.err).empty());
    CHECK(check.err.find(file.string() + ":") != std::string::npos);  // located, in the file
    const std::string stem = file.stem().string();
    CHECK(fs::exists(fs::path(out) / (stem + ".pdf")));
    CHECK(fs::exists(fs::path(out) / (stem + ".xlsx")));

    std::string strict = scratch_dir("check-build-werror-" + stem);
    ProcessResult check_w = run_process({plandeck_bin(), "check", "--werror", file.string()}, o);
    ProcessResult build_w = run_process({plandeck_bin(), "build", "--werror", file.string(), "-o", strict}, o);
    CHECK(check_w.exit_code == 1);
    CHECK(build_w.exit_code == 1);
    CHECK(fs::is_empty(strict));
  }
}
