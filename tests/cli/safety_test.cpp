// What `build` refuses before writing anything (an output that is an input, two plans with
// one output, a date the outputs cannot carry), and failures of the run's own streams
// (a full stdout, a closed stderr) and of its fonts (a FIFO given as a font).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

}  // namespace

TEST_CASE("two plans with the same stem are refused before anything is written", "[cli][safety]") {
  const std::string dir = scratch_dir("safety-same-stem");
  fs::create_directories(dir + "/a");
  fs::create_directories(dir + "/b");
  const std::string a = dir + "/a/plan.yaml", b = dir + "/b/plan.yaml", out = dir + "/o";
  fs::copy_file(default_plan(), a);
  fs::copy_file(default_plan(), b);
  for (const char* lang : {"ja", "en"}) {
    auto r = run_process({plandeck_bin(), "--lang", lang, "build", a, b, "-o", out});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    // Located at the second plan, naming the first and the shared outputs.
    CHECK(r.err.rfind(b + ": error: ", 0) == 0);
    CHECK(r.err.find(a) != std::string::npos);
    CHECK(r.err.find(out + "/plan.pdf") != std::string::npos);
    CHECK(r.err.find(std::string(lang) == "en" ? "same name" : "同じ名前") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  // The same plan twice is the same collision; with --only, only that output is named.
  auto twice = run_process({plandeck_bin(), "--lang", "en", "build", a, a, "-o", out, "--only", "xlsx"});
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find(out + "/plan.xlsx") != std::string::npos);
  CHECK(twice.err.find(out + "/plan.pdf") == std::string::npos);
  CHECK_FALSE(fs::exists(out));
  // Different stems in one invocation are fine.
  const std::string c = dir + "/b/other.yaml";
  fs::copy_file(default_plan(), c);
  auto fine = run_process({plandeck_bin(), "build", a, c, "-o", out});
  INFO(fine.err);
  CHECK(fine.exit_code == 0);
  CHECK(listing(out) == std::vector<std::string>{"other.pdf", "other.xlsx", "plan.pdf", "plan.xlsx"});
}

TEST_CASE("an output that is one of the inputs is refused", "[cli][safety]") {
  const std::string dir = scratch_dir("safety-output-is-input");
  const std::string s = dir + "/s";
  fs::create_directories(s);
  // The plan is named like the workbook its build would write (`build s/plan.xlsx -o s`).
  const std::string plan = s + "/plan.xlsx";
  fs::copy_file(default_plan(), plan);
  const std::string before = read_file(plan);
  auto r = run_process({plandeck_bin(), "--lang", "en", "build", plan, "-o", s});
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind(plan + ": error: this input is the output " + plan + " itself", 0) == 0);
  CHECK(read_file(plan) == before);
  CHECK(listing(s) == std::vector<std::string>{"plan.xlsx"});

  // The same file through another spelling of the folder, and through a symbolic link.
  auto spelled = run_process({plandeck_bin(), "build", plan, "-o", s + "/./"});
  CHECK(spelled.exit_code == 2);
  const std::string link = dir + "/plan.yaml";  // same stem: its PDF is s/plan.pdf, the link's target
  fs::create_symlink(s + "/plan.pdf", link);
  fs::rename(plan, s + "/plan.pdf");
  auto through_link = run_process({plandeck_bin(), "build", link, "-o", s, "--only", "pdf"});
  INFO(through_link.err);
  CHECK(through_link.exit_code == 2);
  CHECK(read_file(s + "/plan.pdf") == before);

  // A layout file is an input too.
  const std::string layout = dir + "/o/hiroshima-dx-r3-r5.pdf";
  fs::create_directories(dir + "/o");
  fs::copy_file(source_dir() + "/layouts/default.yaml", layout);
  auto lay = run_process({plandeck_bin(), "build", default_plan(), "--layout", layout, "-o", dir + "/o"});
  CHECK(lay.exit_code == 2);
  CHECK(lay.err.rfind(layout + ": error: ", 0) == 0);
  CHECK(read_file(layout) == read_file(source_dir() + "/layouts/default.yaml"));
  // check writes nothing, so it has nothing to refuse.
  CHECK(run_process({plandeck_bin(), "check", default_plan(), "--layout", layout}).exit_code == 0);
}

TEST_CASE("a SOURCE_DATE_EPOCH beyond year 9999 is an environment error for both outputs", "[cli][safety]") {
  const std::string dir = scratch_dir("safety-epoch");
  ProcessOptions o;
  o.env["SOURCE_DATE_EPOCH"] = "999999999999";  // the year 33658
  const std::vector<std::vector<std::string>> runs = {
      {"check", default_plan()},
      {"build", default_plan(), "-o", dir + "/both"},
      {"build", default_plan(), "-o", dir + "/xlsx", "--only", "xlsx"},
      {"build", default_plan(), "-o", dir + "/pdf", "--only", "pdf"}};
  for (const auto& args : runs) {
    std::vector<std::string> argv = {plandeck_bin(), "--lang", "en"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = run_process(argv, o);
    INFO(args[0] << " " << (args.size() > 4 ? args.back() : "") << "\n" << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.rfind("SOURCE_DATE_EPOCH: error: the value 999999999999 is out of range", 0) == 0);
    CHECK(r.out.empty());
  }
  CHECK(listing(dir).empty());
  // Japanese by default.
  auto ja = run_process({plandeck_bin(), "check", default_plan()}, o);
  CHECK(ja.exit_code == 3);
  CHECK(ja.err.find("範囲外") != std::string::npos);

  // The last second of 9999 is accepted, and the workbook says so (read by openpyxl).
  o.env["SOURCE_DATE_EPOCH"] = "253402300799";
  auto last = run_process({plandeck_bin(), "build", default_plan(), "-o", dir + "/last"}, o);
  INFO(last.err);
  REQUIRE(last.exit_code == 0);
  auto created = run_process({"/usr/bin/python3", "-c",
                              "import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).properties.created)",
                              dir + "/last/hiroshima-dx-r3-r5.xlsx"});
  INFO(created.err);
  CHECK(created.out == "9999-12-31 23:59:59\n");
  auto info = run_process({"/usr/bin/pdfinfo", "-isodates", dir + "/last/hiroshima-dx-r3-r5.pdf"});
  CHECK(info.out.find("9999-12-31T23:59:59") != std::string::npos);
}

TEST_CASE("a full stdout is a failure, not exit 0", "[cli][safety]") {
  const std::string dir = scratch_dir("safety-dev-full");
  for (const std::string command : {"build", "check"}) {
    std::string line = "exec \"$0\" --lang en " + command + " \"$1\"" + (command == "build" ? " -o \"$2\"" : "") +
                       " >/dev/full";
    auto r = run_process({"/bin/sh", "-c", line, plandeck_bin(), default_plan(), dir + "/out"});
    INFO(command << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("stdout: error: cannot write to standard output") != std::string::npos);
  }
}

TEST_CASE("a build with stderr closed succeeds every time", "[cli][safety]") {
  // Nothing in plandeck touches file descriptor 2 any more (the workbook thread used to
  // swap it around libxlsxwriter's close): with `2>&-` every build must simply work.
  const std::string dir = scratch_dir("safety-stderr-closed");
  for (int i = 0; i < 8; ++i) {
    auto r = run_process({"/bin/sh", "-c", "exec \"$0\" build \"$1\" -o \"$2\" 2>&-", plandeck_bin(),
                          default_plan(), dir + "/out"});
    INFO("run " << i << ": " << r.out);
    REQUIRE(r.exit_code == 0);
  }
  CHECK(listing(dir + "/out") == std::vector<std::string>{"hiroshima-dx-r3-r5.pdf", "hiroshima-dx-r3-r5.xlsx"});
}

TEST_CASE("a FIFO or a device given as a font says what it is", "[cli][safety]") {
  const std::string dir = scratch_dir("safety-font-fifo");
  const std::string fifo = dir + "/font.ttf";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string layout = read_file(source_dir() + "/layouts/default.yaml");
  const std::string from = "regular: [BIZUDPGothic-Regular.ttf,";
  for (const auto& [font, what] : {std::pair{fifo, "a FIFO (named pipe)"}, std::pair{std::string("/dev/zero"), "a character device"}}) {
    std::string text = layout;
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "regular: [\"" + font + "\",");
    write_file(dir + "/layout.yaml", text);
    ProcessOptions o;
    o.timeout = time_bound(10s);  // opening a FIFO would block: a hang shows as a time-out
    auto r = run_process({plandeck_bin(), "--lang", "en", "check", default_plan(), "--layout", dir + "/layout.yaml"}, o);
    INFO(r.err);
    CHECK_FALSE(r.timed_out);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("font " + font + " is " + what + ", not a font file") != std::string::npos);
    CHECK(r.err.find("not found") == std::string::npos);
  }
}
