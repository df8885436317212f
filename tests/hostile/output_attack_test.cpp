// Attacks on the outputs while a build runs: a full /tmp, symbolic links planted at every
// name a neighbour can guess or see, and SIGTERM/SIGINT in the middle of the writing.
// Whatever happens, the previous outputs are either kept byte for byte or replaced by
// complete new ones, nothing outside the outputs is ever written, and no temporary is left.
#include <catch2/catch.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

const std::string kStem = "hiroshima-dx-r3-r5";

// Entries of `dir` that are private temporary directories of plandeck (not symbolic links).
std::vector<std::string> leftover_temporaries(const std::string& dir) {
  std::vector<std::string> found;
  for (const std::string& name : listing(dir)) {
    struct stat st {};
    if (name.rfind(".plandeck-", 0) == 0 && ::lstat((dir + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      found.push_back(name);
    }
    if (name.find(".tmp-") != std::string::npos && ::lstat((dir + "/" + name).c_str(), &st) == 0 &&
        S_ISREG(st.st_mode)) {
      found.push_back(name);  // the temporary files of earlier versions (not links planted there)
    }
  }
  return found;
}

// The pids of running plandeck processes (from /proc/<pid>/comm).
std::vector<std::string> plandeck_pids() {
  std::vector<std::string> pids;
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return pids;
  while (const dirent* e = ::readdir(proc)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    const std::string comm = read_file(std::string("/proc/") + e->d_name + "/comm");
    if (comm == "plandeck\n") pids.emplace_back(e->d_name);
  }
  ::closedir(proc);
  return pids;
}

// The attacker: someone who may create and rename entries of the output folder (but not
// write inside another user's private directory). Forever: plants symbolic links to
// `victim_file` at the temporary names earlier versions used (`.<name>.tmp-<pid>` for
// every running plandeck) and at the final names, and renames every private directory
// that appears away, putting a link to `victim_dir` in its place.
[[noreturn]] void plant_forever(const std::string& out, const std::string& victim_file, const std::string& victim_dir) {
  unsigned long moved = 0;
  for (;;) {
    for (const std::string& pid : plandeck_pids()) {
      for (const char* ext : {".pdf", ".xlsx"}) {
        ::symlink(victim_file.c_str(), (out + "/." + kStem + ext + ".tmp-" + pid).c_str());
      }
    }
    for (const char* ext : {".pdf", ".xlsx"}) ::symlink(victim_file.c_str(), (out + "/" + kStem + ext).c_str());
    if (DIR* d = ::opendir(out.c_str())) {
      std::vector<std::string> dirs;
      while (const dirent* e = ::readdir(d)) {
        if (std::string(e->d_name).rfind(".plandeck-", 0) == 0) dirs.emplace_back(e->d_name);
      }
      ::closedir(d);
      for (const std::string& name : dirs) {
        const std::string path = out + "/" + name;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        if (::rename(path.c_str(), (out + "/moved-" + std::to_string(moved++)).c_str()) == 0) {
          ::symlink(victim_dir.c_str(), path.c_str());
        }
      }
    }
    ::sched_yield();
  }
}

}  // namespace

TEST_CASE("hostile full /tmp leaves the previous workbook or publishes a complete one", "[hostile][environment]") {
  // libxlsxwriter used to write every part to /tmp and not notice when /tmp was full: an
  // empty workbook replaced the good one, with exit 0. Here /tmp is a 16 KB tmpfs, full,
  // in a private mount namespace (unshare -m: nothing leaks out of the test).
  if (!fs::exists("/usr/bin/unshare") || ::geteuid() != 0) {
    WARN("SKIPPED: the full-/tmp test needs /usr/bin/unshare and root (a private mount namespace)");
    return;
  }
  const std::string dir = scratch_dir("hostile-full-tmp");
  const std::string out = dir + "/out", reference = dir + "/reference";
  // The previous outputs: an older build (another date), so that a replacement shows.
  ProcessOptions older;
  older.env["SOURCE_DATE_EPOCH"] = "1600000000";
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", out}, older).exit_code == 0);
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", reference}, with_epoch()).exit_code == 0);
  const std::string old_pdf = read_file(out + "/" + kStem + ".pdf"), old_xlsx = read_file(out + "/" + kStem + ".xlsx");
  const std::string new_pdf = read_file(reference + "/" + kStem + ".pdf");
  const std::string new_xlsx = read_file(reference + "/" + kStem + ".xlsx");
  REQUIRE(old_xlsx != new_xlsx);

  // The checkout itself may live under /tmp (CI clones wherever it likes): the real /tmp is
  // bound to /mnt first, and paths under /tmp are reached through it once the full tmpfs
  // hides them.
  const std::string script = R"sh(
mkdir -p /mnt && mount --bind /tmp /mnt || exit 99
mount -t tmpfs -o size=16k tmpfs /tmp || exit 99
dd if=/dev/zero of=/tmp/filler bs=4k 2>/dev/null
[ "$(df --output=avail /tmp | tail -1 | tr -d ' ')" = 0 ] || { echo "tmp not full"; exit 98; }
real() { case "$1" in /tmp/*) echo "/mnt${1#/tmp}" ;; *) echo "$1" ;; esac; }
SOURCE_DATE_EPOCH=1700000000 "$(real "$1")" --lang en build "$(real "$2")" -o "$(real "$3")"
echo "exit=$?"
echo "tmp:" $(ls -A /tmp)
)sh";
  ProcessResult r = run_process({"/usr/bin/unshare", "-m", "/bin/sh", "-c", script, "sh", plandeck_bin(), default_plan(), out});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  if (r.exit_code == 99 || (r.out.empty() && r.err.find("unshare") != std::string::npos)) {
    WARN("SKIPPED: cannot make a mount namespace or mount a tmpfs here: " << r.err);
    return;
  }
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("tmp: filler\n") != std::string::npos);  // nothing written to /tmp, nothing left there
  const std::string pdf = read_file(out + "/" + kStem + ".pdf"), xlsx = read_file(out + "/" + kStem + ".xlsx");
  if (r.out.find("exit=0\n") != std::string::npos) {
    // Published: then complete, byte for byte what a build with room everywhere writes.
    CHECK(xlsx == new_xlsx);
    CHECK(pdf == new_pdf);
  } else {
    CHECK(r.out.find("exit=3\n") != std::string::npos);
    CHECK(xlsx == old_xlsx);
    CHECK(pdf == old_pdf);
  }
  CHECK(leftover_temporaries(out).empty());
}

TEST_CASE("hostile symbolic links planted at every guessable name never redirect a write", "[hostile][environment]") {
  const std::string dir = scratch_dir("hostile-planted-links");
  const std::string out = dir + "/out", reference = dir + "/reference";
  const std::string victim_file = dir + "/victim.txt", victim_dir = dir + "/victim";
  fs::create_directories(out);
  fs::create_directories(victim_dir);
  write_file(victim_file, "precious\n");
  write_file(victim_dir + "/" + kStem + ".pdf", "precious pdf\n");
  write_file(victim_dir + "/" + kStem + ".xlsx", "precious xlsx\n");
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", reference}, with_epoch()).exit_code == 0);
  const std::string new_pdf = read_file(reference + "/" + kStem + ".pdf");
  const std::string new_xlsx = read_file(reference + "/" + kStem + ".xlsx");

  const pid_t attacker = ::fork();
  REQUIRE(attacker >= 0);
  if (attacker == 0) plant_forever(out, victim_file, victim_dir);

  int published = 0;
  for (int round = 0; round < 6; ++round) {
    // Clear the final names, so that the attacker can plant links there too.
    for (const char* ext : {".pdf", ".xlsx"}) ::unlink((out + "/" + kStem + ext).c_str());
    std::this_thread::sleep_for(5ms);
    ProcessResult r = run_process({plandeck_bin(), "--lang", "en", "build", default_plan(), "-o", out}, with_epoch());
    INFO("round " << round << ": " << r.err);
    CHECK(r.signal == 0);
    CHECK((r.exit_code == 0 || r.exit_code == 3));
    if (r.exit_code == 0) {
      ++published;
      // What was published is this run's complete output, as regular files, not links.
      for (const char* ext : {".pdf", ".xlsx"}) {
        struct stat st {};
        REQUIRE(::lstat((out + "/" + kStem + ext).c_str(), &st) == 0);
        CHECK(S_ISREG(st.st_mode));
      }
      CHECK(read_file(out + "/" + kStem + ".pdf") == new_pdf);
      CHECK(read_file(out + "/" + kStem + ".xlsx") == new_xlsx);
    }
  }
  ::kill(attacker, SIGKILL);
  ::waitpid(attacker, nullptr, 0);

  CHECK(published > 0);
  // The links' targets never changed, and nothing was added next to them.
  CHECK(read_file(victim_file) == "precious\n");
  CHECK(listing(victim_dir) == std::vector<std::string>{kStem + ".pdf", kStem + ".xlsx"});
  CHECK(read_file(victim_dir + "/" + kStem + ".pdf") == "precious pdf\n");
  CHECK(read_file(victim_dir + "/" + kStem + ".xlsx") == "precious xlsx\n");
  CHECK(leftover_temporaries(out).empty());
}

TEST_CASE("hostile SIGTERM or SIGINT during a build leaves no temporary files", "[hostile][environment]") {
  const std::string dir = scratch_dir("hostile-interrupted");
  const std::string out = dir + "/out";
  ProcessOptions older;
  older.env["SOURCE_DATE_EPOCH"] = "1600000000";
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", out}, older).exit_code == 0);
  REQUIRE(run_process({plandeck_bin(), "build", default_plan(), "-o", dir + "/new"}, with_epoch()).exit_code == 0);
  const std::string old_pdf = read_file(out + "/" + kStem + ".pdf"), old_xlsx = read_file(out + "/" + kStem + ".xlsx");
  const std::string new_pdf = read_file(dir + "/new/" + kStem + ".pdf");
  const std::string new_xlsx = read_file(dir + "/new/" + kStem + ".xlsx");

  int interrupted = 0;
  int round = 0;
  for (int delay_ms : {0, 3, 8, 15, 25, 40, 60, 90, 130, 180, 250, 350}) {
    const int sig = round++ % 2 == 0 ? SIGTERM : SIGINT;
    // The child must meet the signal with the default action (not this test's own
    // handlers) even before it runs plandeck: blocked across fork, reset, then unblocked.
    sigset_t both, previous;
    ::sigemptyset(&both);
    ::sigaddset(&both, SIGTERM);
    ::sigaddset(&both, SIGINT);
    ::sigprocmask(SIG_BLOCK, &both, &previous);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::signal(SIGTERM, SIG_DFL);
      ::signal(SIGINT, SIG_DFL);
      ::sigprocmask(SIG_SETMASK, &previous, nullptr);
      int null_fd = ::open("/dev/null", O_RDWR);
      ::dup2(null_fd, 0);
      ::dup2(null_fd, 1);
      ::dup2(null_fd, 2);
      ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
      const std::string bin = plandeck_bin();
      ::execl(bin.c_str(), bin.c_str(), "build", default_plan().c_str(), "-o", out.c_str(), nullptr);
      ::_exit(127);
    }
    ::sigprocmask(SIG_SETMASK, &previous, nullptr);
    REQUIRE(pid >= 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, sig);
    // A bounded wait: the run must end promptly after the signal.
    int status = 0;
    const auto start = std::chrono::steady_clock::now();
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() - start > time_bound(10s)) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        FAIL("the build did not end within the bound after signal " << sig);
      }
      std::this_thread::sleep_for(2ms);
    }
    INFO("signal " << sig << " after " << delay_ms << " ms");
    const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == sig;
    CHECK((killed || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
    if (killed) ++interrupted;
    CHECK(leftover_temporaries(out).empty());
    CHECK(listing(out) == std::vector<std::string>{kStem + ".pdf", kStem + ".xlsx"});
    const std::string pdf = read_file(out + "/" + kStem + ".pdf"), xlsx = read_file(out + "/" + kStem + ".xlsx");
    CHECK((pdf == old_pdf || pdf == new_pdf));
    CHECK((xlsx == old_xlsx || xlsx == new_xlsx));
    write_file(out + "/" + kStem + ".pdf", old_pdf);
    write_file(out + "/" + kStem + ".xlsx", old_xlsx);
  }
  CHECK(interrupted > 0);
}
