#include "cli/watch.hpp"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>

#include "cli/exit_code.hpp"
#include "cli/pipeline.hpp"

namespace fs = std::filesystem;

namespace plandeck::cli {

namespace {

// Editors save in two ways: writing the file in place (IN_CLOSE_WRITE) or writing a new
// file and renaming it over the old one (IN_MOVED_TO; vim, VS Code, sed -i). A watch on the
// file itself would be lost with the second, so the directory is watched, filtered by name.
constexpr uint32_t kSaveEvents = IN_CLOSE_WRITE | IN_MOVED_TO;

// Saves come in bursts (write, then rename, then an attribute change): one rebuild for them.
constexpr int kSettleMs = 150;

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// SIGINT and SIGTERM are received as data on a descriptor (signalfd) rather than by a
// handler, so that the loop can wait for a save or a stop in one poll(). The signals are
// blocked in this thread (and so in the threads a build starts) while the watch runs, and
// the previous mask is restored when it ends.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    ok_ = pthread_sigmask(SIG_BLOCK, &set_, &previous_) == 0;
    if (ok_) fd_ = ::signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
  }
  ~StopSignals() {
    if (fd_ >= 0) ::close(fd_);
    if (ok_) pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fd_; }

  // Takes the pending signal, so that it is not delivered when the mask is restored.
  void consume() const {
    signalfd_siginfo info{};
    while (::read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
  }

 private:
  sigset_t set_{};
  sigset_t previous_{};
  bool ok_ = false;
  int fd_ = -1;
};

struct Watched {
  std::string dir;
  std::string name;
};

Watched split(const std::string& path) {
  fs::path p(path);
  std::string dir = p.parent_path().string();
  return {dir.empty() ? "." : dir, p.filename().string()};
}

// Reads pending inotify events; true when one of them saved a watched file.
bool saved(int fd, const std::set<std::pair<int, std::string>>& files) {
  alignas(inotify_event) char buf[16 * 1024];
  bool hit = false;
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;  // EAGAIN: nothing more for now
    for (char* p = buf; p < buf + n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(p);
      std::string name = ev->len > 0 ? std::string(ev->name) : std::string();
      if ((ev->mask & kSaveEvents) != 0 && files.count({ev->wd, name}) > 0) hit = true;
      p += sizeof(inotify_event) + ev->len;
    }
  }
  return hit;
}

}  // namespace

int watch(const Options& options, std::ostream& out, std::ostream& err) {
  const bool en = options.lang == diag::Lang::En;
  const std::string& plan = options.plans.front();
  StopSignals stop;
  FileDescriptor inotify(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
  if (stop.fd() < 0 || inotify.get() < 0) {
    std::string why = std::strerror(errno);
    err << "plandeck: error: " << (en ? "cannot watch files (" + why + ")" : "ファイルを見張れません（" + why + "）") << '\n';
    return kEnvironment;
  }
  std::set<std::pair<int, std::string>> files;  // (watch descriptor, file name)
  std::vector<std::string> paths = {plan};
  if (options.layout) paths.push_back(*options.layout);
  for (const std::string& path : paths) {
    Watched w = split(path);
    int wd = ::inotify_add_watch(inotify.get(), w.dir.c_str(), kSaveEvents);
    if (wd < 0) {
      std::string why = std::strerror(errno);
      err << w.dir << ": error: "
          << (en ? "cannot watch this folder (" + why + ")" : "このフォルダを見張れません（" + why + "）") << '\n';
      return kEnvironment;
    }
    files.insert({wd, w.name});
  }

  Options build = options;  // each round is a build of the plan
  build.command = Command::Build;
  run(build, out, err);
  for (;;) {
    out << (en ? "watching " + plan + " (Ctrl+C stops)" : plan + " の保存を待っています（Ctrl+C で終わります）") << std::endl;
    pollfd fds[2] = {{inotify.get(), POLLIN, 0}, {stop.fd(), POLLIN, 0}};
    bool rebuild = false;
    while (!rebuild) {
      int n = ::poll(fds, 2, -1);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        std::string why = std::strerror(errno);
        err << "plandeck: error: " << why << '\n';
        return kEnvironment;
      }
      if ((fds[1].revents & POLLIN) != 0) {
        stop.consume();
        out << (en ? "stopped watching" : "見張りを終えました") << std::endl;
        return kSuccess;
      }
      if ((fds[0].revents & POLLIN) != 0) rebuild = saved(inotify.get(), files);
    }
    // Let the burst of events of one save settle, then build once.
    while (::poll(fds, 1, kSettleMs) > 0) saved(inotify.get(), files);
    out << (en ? plan + " was saved: rebuilding" : plan + " が保存されました。作り直します") << std::endl;
    run(build, out, err);
  }
}

}  // namespace plandeck::cli
