// Signals while a run publishes its outputs: held back until every output is in place, then
// handled as usual (temporaries removed, the run ended by the signal).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "cli/interrupt_cleanup.hpp"
#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;
namespace ic = plandeck::cli::interrupt_cleanup;

namespace {

// In a child process: makes a private directory as a build does, then raises `sig` inside a
// DeferInterrupts guard and, still inside it, creates `published` (what the publishing step
// would do). Ends with exit code 0 only if the held-back signal did not end it.
[[noreturn]] void publish_under_signal(const std::string& dir, int sig) {
  const int parent = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent < 0) ::_exit(10);
  int slot = -1;
  if (ic::create_directory(parent, ".plandeck-test", slot) != 0 || slot < 0) ::_exit(11);
  const int private_dir = ::openat(parent, ".plandeck-test", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (private_dir < 0) ::_exit(12);
  ic::set_directory(slot, private_dir);
  {
    const ic::DeferInterrupts publishing;
    ::raise(sig);
    const int fd = ::openat(parent, "published", O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) ::_exit(13);
    ::close(fd);
  }
  ::_exit(0);
}

}  // namespace

TEST_CASE("a signal while publishing ends the run only once the outputs are in place", "[cli][outputs]") {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    INFO("signal " << sig);
    const std::string dir = scratch_dir("defer-interrupts-" + std::to_string(sig));
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) publish_under_signal(dir, sig);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    // Published despite the signal raised before, and then ended by that very signal.
    CHECK(fs::exists(dir + "/published"));
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    // The private directory is gone, as after any interrupted run.
    CHECK_FALSE(fs::exists(dir + "/.plandeck-test"));
  }
}
