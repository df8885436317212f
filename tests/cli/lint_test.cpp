// Warnings for pasted or typed structure (src/lint), and YAML's slips (src/input), through
// the real `plandeck check`.
// Each file in tests/fixtures/plans/warn/ is a valid plan holding one kind of slip, with
// the warnings it must give in its leading comment lines, in order:
//   # expect: 12:19: warning: HTML のタグ "<p>" がそのまま表示されます
//   # hint: 古い資料から貼り付けたタグです。…
// A warning never fails a plan: check exits 0 and build writes the outputs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

struct Said {
  std::string line;  // "12:19: warning: message"
  std::string hint;  // empty when none was given
};

std::vector<Said> expected_in(const std::string& text) {
  std::vector<Said> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line) && line.rfind("#", 0) == 0) {
    if (line.rfind("# expect: ", 0) == 0) out.push_back({line.substr(10), ""});
    if (line.rfind("# hint: ", 0) == 0 && !out.empty()) out.back().hint = line.substr(8);
  }
  return out;
}

// The diagnostics printed for `file`, without its name, with the hint that follows each.
std::vector<Said> printed(const std::string& err, const std::string& file) {
  std::vector<Said> out;
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(file + ":", 0) == 0) out.push_back({line.substr(file.size() + 1), ""});
    if (line.rfind("  hint: ", 0) == 0 && !out.empty()) out.back().hint = line.substr(8);
  }
  return out;
}

}  // namespace

TEST_CASE("every warn fixture gives exactly the located warnings written in it", "[cli][lint]") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / "tests/fixtures/plans/warn")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 3);
  for (const auto& file : files) {
    INFO("fixture " << file.filename().string());
    std::vector<Said> want = expected_in(read_file(file.string()));
    REQUIRE(!want.empty());
    auto r = run_process({plandeck_bin(), "check", file.string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    std::vector<Said> got = printed(r.err, file.string());
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CHECK(got[i].line == want[i].line);
      if (!want[i].hint.empty()) CHECK(got[i].hint == want[i].hint);
    }
  }
}

TEST_CASE("the default plan and the valid fixtures give no lint warning", "[cli][lint]") {
  for (const std::string& plan : {source_dir() + "/data/hiroshima-dx-r3-r5.yaml",
                                  source_dir() + "/tests/fixtures/plans/ok/features.yaml",
                                  source_dir() + "/tests/fixtures/plans/ok/minimal.yaml"}) {
    auto r = run_process({plandeck_bin(), "check", plan});
    INFO(plan << "\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning:") == std::string::npos);
  }
}

TEST_CASE("every bad fixture prints exactly its expected errors through the CLI", "[cli][lint]") {
  // The loader's own test (tests/input) holds the diagnostics; this one holds what a user
  // sees: the same lines, located, after "file:", and exit 1.
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(source_dir()) / "tests/fixtures/plans/bad")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 30);
  for (const auto& file : files) {
    INFO("fixture " << file.filename().string());
    fs::path sidecar = file;
    sidecar.replace_extension(".expect");
    std::vector<Said> want = expected_in(read_file((fs::exists(sidecar) ? sidecar : file).string()));
    auto r = run_process({plandeck_bin(), "check", file.string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    std::vector<Said> got = printed(r.err, file.string());
    for (auto& g : got) {
      if (g.line.rfind(" ", 0) == 0) g.line.erase(0, 1);  // "file: error: …" (no line)
    }
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CHECK(got[i].line == want[i].line);
      if (!want[i].hint.empty()) CHECK(got[i].hint == want[i].hint);
    }
  }
}
