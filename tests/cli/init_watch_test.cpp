// `plandeck init` writes a starter plan that `check` accepts and never overwrites a file;
// `plandeck watch` rebuilds when the plan is saved (in place or by rename) and stops
// cleanly on SIGINT.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST_CASE("init writes a starter plan that check accepts", "[cli][init]") {
  std::string dir = scratch_dir("cli-init");
  std::string plan = dir + "/plan.yaml";
  auto init = run_process({plandeck_bin(), "init", plan});
  INFO(init.err);
  CHECK(init.exit_code == 0);
  CHECK(init.out.find(plan) != std::string::npos);
  std::string text = read_file(plan);
  for (const char* kind : {"kind: overview", "kind: projects", "kind: goal_status", "kind: results", "kind: details"}) {
    CHECK(text.find(kind) != std::string::npos);
  }
  auto check = run_process({plandeck_bin(), "check", plan});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.err.empty());  // not even a warning
}

TEST_CASE("init refuses to overwrite an existing file", "[cli][init]") {
  std::string dir = scratch_dir("cli-init-exists");
  std::string plan = dir + "/plan.yaml";
  write_file(plan, "mine\n");
  auto r = run_process({plandeck_bin(), "init", plan});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("はもうあります。上書きはしません") != std::string::npos);
  CHECK(read_file(plan) == "mine\n");
}

namespace {

// A plandeck process running in the background, its output going to files.
class Background {
 public:
  Background(const std::vector<std::string>& argv, const std::string& out_file) {
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      int fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
  }
  ~Background() {
    if (pid_ > 0 && !done_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  // Sends `sig` and waits (bounded) for the exit; returns the exit status, -1 on timeout.
  int stop(int sig, std::chrono::milliseconds bound) {
    ::kill(pid_, sig);
    auto until = std::chrono::steady_clock::now() + bound;
    while (std::chrono::steady_clock::now() < until) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        done_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  bool done_ = false;
};

// Waits (bounded) until `ready` is true; the bound only catches a hang.
template <class F>
bool wait_for(F ready, std::chrono::milliseconds bound) {
  auto until = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < until) {
    if (ready()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return ready();
}

std::string pdf_text(const std::string& pdf) {
  auto r = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"});
  return r.exit_code == 0 ? r.out : std::string();
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("watch rebuilds after each save and stops on SIGINT", "[cli][watch]") {
  std::string dir = scratch_dir("cli-watch");
  std::string plan = dir + "/plan.yaml";
  std::string log = dir + "/watch.log";
  std::string pdf = dir + "/out/plan.pdf";
  REQUIRE(run_process({plandeck_bin(), "init", plan}).exit_code == 0);
  Background watch({plandeck_bin(), "watch", plan, "-o", dir + "/out", "--only", "pdf"}, log);
  const auto bound = time_bound(60s);
  REQUIRE(wait_for([&] { return count(read_file(log), "の保存を待っています") >= 1; }, bound));
  CHECK(pdf_text(pdf).find("総務局デジタル推進課") != std::string::npos);

  // Saved in place (close_write).
  std::string text = read_file(plan);
  std::string edited = text;
  edited.replace(edited.find("総務局デジタル推進課"), std::string("総務局デジタル推進課").size(), "総務局情報政策課");
  write_file(plan, edited);
  CHECK(wait_for([&] { return count(read_file(log), "の保存を待っています") >= 2; }, bound));
  CHECK(pdf_text(pdf).find("総務局情報政策課") != std::string::npos);

  // Saved by writing a new file and renaming it over the plan (moved_to), as editors do.
  std::string renamed = edited;
  renamed.replace(renamed.find("総務局情報政策課"), std::string("総務局情報政策課").size(), "企画振興局");
  write_file(dir + "/.plan.yaml.swp", renamed);
  fs::rename(dir + "/.plan.yaml.swp", plan);
  CHECK(wait_for([&] { return count(read_file(log), "の保存を待っています") >= 3; }, bound));
  CHECK(pdf_text(pdf).find("企画振興局") != std::string::npos);

  // A save that breaks the plan prints its diagnostics and keeps watching.
  write_file(plan, renamed + "oops: [\n");
  CHECK(wait_for([&] { return count(read_file(log), "の保存を待っています") >= 4; }, bound));
  CHECK(read_file(log).find(plan + ":") != std::string::npos);

  CHECK(watch.stop(SIGINT, time_bound(20s)) == 0);
  CHECK(read_file(log).find("見張りを終えました") != std::string::npos);
}
