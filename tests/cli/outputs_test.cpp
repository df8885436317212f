// What `build` writes, and that it never leaves a half-written file nor destroys a good one.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

// Files in `dir` other than the expected outputs (temporaries left behind, for example).
}  // namespace

TEST_CASE("build writes the deck and the workbook byte-identical on a rebuild", "[cli][outputs]") {
  std::string a = scratch_dir("build-a");
  std::string b = scratch_dir("build-b");
  auto r1 = run_process({plandeck_bin(), "build", default_plan(), "-o", a}, with_epoch());
  INFO(r1.err);
  REQUIRE(r1.exit_code == 0);
  auto r2 = run_process({plandeck_bin(), "build", default_plan(), "-o", b}, with_epoch());
  REQUIRE(r2.exit_code == 0);
  CHECK(listing(a) == std::vector<std::string>{"hiroshima-dx-r3-r5.pdf", "hiroshima-dx-r3-r5.xlsx"});
  std::string pdf = read_file(a + "/hiroshima-dx-r3-r5.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf == read_file(b + "/hiroshima-dx-r3-r5.pdf"));
  std::string xlsx = read_file(a + "/hiroshima-dx-r3-r5.xlsx");
  CHECK(xlsx.rfind("PK", 0) == 0);
  CHECK(xlsx == read_file(b + "/hiroshima-dx-r3-r5.xlsx"));
}

TEST_CASE("the only option writes one output", "[cli][outputs]") {
  std::string dir = scratch_dir("build-only");
  auto r = run_process({plandeck_bin(), "build", default_plan(), "-o", dir, "--only", "xlsx"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(listing(dir) == std::vector<std::string>{"hiroshima-dx-r3-r5.xlsx"});
}

TEST_CASE("an output directory that cannot be written is an environment error", "[cli][outputs]") {
  std::string dir = scratch_dir("build-unwritable");
  std::string not_a_dir = dir + "/file";
  write_file(not_a_dir, "x");
  auto r = run_process({plandeck_bin(), "build", default_plan(), "-o", not_a_dir + "/out"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(not_a_dir) != std::string::npos);
}

TEST_CASE("one bad plan does not stop the others and the exit code reports it", "[cli][outputs]") {
  std::string dir = scratch_dir("build-several");
  std::string bad = dir + "/bad.yaml";
  write_file(bad, "plandeck: 1\ndocument: [\n");
  std::string out = dir + "/out";
  auto r = run_process({plandeck_bin(), "build", bad, default_plan(), "-o", out});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.yaml") != std::string::npos);
  CHECK(listing(out) == std::vector<std::string>{"hiroshima-dx-r3-r5.pdf", "hiroshima-dx-r3-r5.xlsx"});
}

TEST_CASE("a full disk fails cleanly and keeps the previous outputs", "[cli][outputs]") {
  std::string dir = scratch_dir("build-full-disk");
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", dir}).exit_code == 0);
  std::string pdf = read_file(dir + "/hiroshima-dx-r3-r5.pdf");
  std::string xlsx = read_file(dir + "/hiroshima-dx-r3-r5.xlsx");
  ProcessOptions o;
  o.file_size_limit = 4096;  // like a disk that fills up after 4 KB
  auto r = run_process({plandeck_bin(), "build", default_plan(), "-o", dir}, o);
  CHECK(r.exit_code == 3);
  CHECK(r.signal == 0);
  CHECK(read_file(dir + "/hiroshima-dx-r3-r5.pdf") == pdf);
  CHECK(read_file(dir + "/hiroshima-dx-r3-r5.xlsx") == xlsx);
  CHECK(listing(dir) == std::vector<std::string>{"hiroshima-dx-r3-r5.pdf", "hiroshima-dx-r3-r5.xlsx"});
}

TEST_CASE("an output that cannot be published puts back the ones published before it", "[cli][outputs]") {
  // The deck is published first; the workbook's name is taken by a folder, so its rename
  // fails. The message says the previous outputs are untouched: the deck must be the
  // previous one again (a plan with other text, so a replaced deck would show), and without
  // a previous deck no new one may be left alone.
  std::string dir = scratch_dir("build-half-published");
  std::string other = dir + "/src";
  fs::create_directories(other);
  const std::string plan = source_dir() + "/tests/fixtures/plans/ok/minimal.yaml";
  const std::string changed = other + "/minimal.yaml";
  std::string text = read_file(plan);
  const std::string org = "総務局デジタル県庁推進担当";
  REQUIRE(text.find(org) != std::string::npos);
  text.replace(text.find(org), org.size(), "総務局デジタル推進課");
  write_file(changed, text);

  std::string out = dir + "/out";
  REQUIRE(run_process({plandeck_bin(), "build", plan, "-o", out, "--only", "pdf"}).exit_code == 0);
  const std::string pdf = read_file(out + "/minimal.pdf");
  fs::create_directories(out + "/minimal.xlsx");
  auto r = run_process({plandeck_bin(), "build", changed, "-o", out});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("minimal.xlsx") != std::string::npos);
  CHECK(read_file(out + "/minimal.pdf") == pdf);
  CHECK(listing(out) == std::vector<std::string>{"minimal.pdf", "minimal.xlsx"});

  std::string fresh = dir + "/fresh";
  fs::create_directories(fresh + "/minimal.xlsx");
  auto f = run_process({plandeck_bin(), "build", changed, "-o", fresh});
  CHECK(f.exit_code == 3);
  CHECK(listing(fresh) == std::vector<std::string>{"minimal.xlsx"});
}

TEST_CASE("a build killed while writing leaves the previous outputs intact", "[cli][outputs]") {
  // The previous good outputs come from a different plan than the killed run, so a partly
  // replaced file would show. After each kill the final files must be either the previous
  // bytes or the complete new ones, never anything else.
  std::string dir = scratch_dir("build-killed");
  std::string plan_old = dir + "/plan.yaml";
  std::string text = read_file(default_plan());
  write_file(plan_old, text);
  std::string out = dir + "/out";
  REQUIRE(run_process({plandeck_bin(), "build", plan_old, "-o", out}).exit_code == 0);
  std::string old_pdf = read_file(out + "/plan.pdf");
  std::string old_xlsx = read_file(out + "/plan.xlsx");

  std::string newer_dir = dir + "/newer";
  fs::create_directories(newer_dir);
  std::string plan_new = newer_dir + "/plan.yaml";
  std::string changed = text;
  const std::string from = "organisation: 総務局デジタル県庁推進担当";
  auto pos = changed.find(from);
  REQUIRE(pos != std::string::npos);
  changed.replace(pos, from.size(), "organisation: 総務局デジタル県庁推進課");
  write_file(plan_new, changed);
  std::string complete = dir + "/complete";
  REQUIRE(run_process({plandeck_bin(), "build", plan_new, "-o", complete}).exit_code == 0);
  std::string new_pdf = read_file(complete + "/plan.pdf");
  std::string new_xlsx = read_file(complete + "/plan.xlsx");
  REQUIRE(new_pdf != old_pdf);

  int killed = 0;
  for (int delay_ms : {0, 5, 10, 20, 30, 45, 60, 80, 120}) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int null_fd = ::open("/dev/null", O_WRONLY);
      ::dup2(null_fd, 1);
      ::dup2(null_fd, 2);
      std::string bin = plandeck_bin();
      ::execl(bin.c_str(), bin.c_str(), "build", plan_new.c_str(), "-o", out.c_str(), nullptr);
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (::kill(pid, SIGKILL) == 0) ++killed;
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::string pdf = read_file(out + "/plan.pdf");
    std::string xlsx = read_file(out + "/plan.xlsx");
    INFO("killed after " << delay_ms << " ms");
    CHECK((pdf == old_pdf || pdf == new_pdf));
    CHECK((xlsx == old_xlsx || xlsx == new_xlsx));
    // Put the old outputs back so the next round starts from them again.
    write_file(out + "/plan.pdf", old_pdf);
    write_file(out + "/plan.xlsx", old_xlsx);
  }
  CHECK(killed > 0);
  // A later run cleans up the temporaries that killed runs left behind.
  REQUIRE(run_process({plandeck_bin(), "build", plan_old, "-o", out}).exit_code == 0);
  CHECK(listing(out) == std::vector<std::string>{"plan.pdf", "plan.xlsx"});
}

TEST_CASE("errors are never lost while the workbook is written on its own thread", "[cli][outputs]") {
  // With an existing output directory the workbook starts right after loading, on a second
  // thread (it used to own stderr briefly while libxlsxwriter closed the file). A layout
  // error found meanwhile must still be printed, and the workbook's private temporary
  // directory removed: repeat to cover the timing window.
  std::string dir = scratch_dir("build-error-while-workbook");
  std::string plan = dir + "/plan.yaml";
  std::string text = read_file(default_plan());
  const std::string from = "title: 概要";
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.insert(pos + from.size(), "\u0E01");
  write_file(plan, text);
  std::string out = dir + "/out";
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", out}).exit_code == 0);
  for (int i = 0; i < 20; ++i) {
    auto r = run_process({plandeck_bin(), "build", plan, "-o", out});
    INFO("run " << i);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("U+0E01") != std::string::npos);
  }
  CHECK(listing(out) == std::vector<std::string>{"hiroshima-dx-r3-r5.pdf", "hiroshima-dx-r3-r5.xlsx"});
}
