#include "cli/atomic_output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "cli/interrupt_cleanup.hpp"

namespace fs = std::filesystem;

namespace plandeck::cli {

namespace {

const std::string kPrefix = ".plandeck-";
// The name, inside the private directory, of the file an output replaced (commit()).
const std::string kPreviousPrefix = "previous-";

std::runtime_error system_failure(const std::string& what, int err) {
  return std::runtime_error(what + ": " + std::strerror(err));
}

bool same_file(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// Removes every entry of the directory open as `dir_fd` (only files: nothing here makes
// subdirectories). Used on private directories only, whose every entry this user made.
void empty_directory(int dir_fd) {
  int fd = ::dup(dir_fd);
  if (fd < 0) return;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return;
  }
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(dir)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) names.emplace_back(e->d_name);
  }
  ::closedir(dir);
  for (const std::string& name : names) ::unlinkat(dir_fd, name.c_str(), 0);
}

// Removes the directory `leaf` of `parent_fd`, open as `dir_fd`, with what is in it, but
// only while that name still refers to that directory: someone may have renamed it away and
// put something else in its place.
void remove_private_directory(int parent_fd, const std::string& leaf, int dir_fd) {
  empty_directory(dir_fd);
  struct stat mine {}, named {};
  if (::fstat(dir_fd, &mine) != 0) return;
  if (::fstatat(parent_fd, leaf.c_str(), &named, AT_SYMLINK_NOFOLLOW) != 0) return;
  if (same_file(mine, named)) ::unlinkat(parent_fd, leaf.c_str(), AT_REMOVEDIR);
}

// Six characters of [A-Za-z0-9] from the kernel's random source: 62^6 names, not guessable.
// (Should getrandom fail, the clock stands in: the name is then guessable, but the directory
// is still made only where nothing exists, so nothing can be planted in it.)
std::string random_suffix() {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[6] = {};
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got < sizeof bytes) {
    auto t = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count());
    for (unsigned char& b : bytes) {
      b = static_cast<unsigned char>(t);
      t = t * 6364136223846793005ULL + 1442695040888963407ULL;
    }
  }
  std::string out;
  for (unsigned char b : bytes) out += kChars[b % 62];
  return out;
}

// A path that reaches the directory open as `dir_fd` through that descriptor, not through
// names someone else may change. Without /proc (an unusual system) the directory's own path
// is the fallback: then only the private directory's 0700 mode protects the writes.
std::string path_through(int dir_fd, const std::string& by_name) {
  const std::string proc = "/proc/self/fd/" + std::to_string(dir_fd);
  struct stat via {}, held {};
  if (::stat(proc.c_str(), &via) == 0 && ::fstat(dir_fd, &held) == 0 && same_file(via, held)) {
    return proc;
  }
  return by_name;
}

}  // namespace

AtomicOutput::AtomicOutput(std::string final_path) : final_path_(std::move(final_path)) {
  const fs::path p(final_path_);
  file_name_ = p.filename().string();
  const std::string folder = p.parent_path().empty() ? std::string(".") : p.parent_path().string();
  parent_fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent_fd_ < 0) throw system_failure(folder, errno);

  // What mkdtemp(3) does, but relative to the folder's descriptor and registered for
  // removal on a signal before the directory exists (interrupt_cleanup.hpp).
  int err = EEXIST;
  for (int attempt = 0; attempt < 100 && err == EEXIST; ++attempt) {
    leaf_ = kPrefix + std::to_string(::getpid()) + "-" + random_suffix();
    err = interrupt_cleanup::create_directory(parent_fd_, leaf_.c_str(), slot_);
  }
  if (err != 0) {
    ::close(parent_fd_);
    throw system_failure(folder, err);
  }
  dir_path_ = (fs::path(folder) / leaf_).string();
  const std::string& dir_path = dir_path_;
  dir_fd_ = ::openat(parent_fd_, leaf_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st {};
  if (dir_fd_ < 0 || ::fstat(dir_fd_, &st) != 0 || st.st_uid != ::geteuid() ||
      ::fchmod(dir_fd_, 0700) != 0) {  // 0700 whatever the umask took from the owner
    // Replaced between mkdirat and open: not ours any more, so nothing of it is removed.
    interrupt_cleanup::forget(slot_);
    if (dir_fd_ >= 0) ::close(dir_fd_);
    ::close(parent_fd_);
    throw std::runtime_error(dir_path + ": the private temporary folder was replaced by someone else");
  }
  interrupt_cleanup::set_directory(slot_, dir_fd_);
  temp_dir_ = path_through(dir_fd_, dir_path);
  temp_path_ = temp_dir_ + "/" + file_name_;
}

AtomicOutput::~AtomicOutput() { remove_directory(); }

std::string AtomicOutput::readable(std::string message) const {
  if (temp_dir_.empty() || temp_dir_ == dir_path_) return message;
  for (std::size_t at = message.find(temp_dir_); at != std::string::npos;
       at = message.find(temp_dir_, at + dir_path_.size())) {
    message.replace(at, temp_dir_.size(), dir_path_);
  }
  return message;
}

void AtomicOutput::remove_directory() {
  if (dir_fd_ < 0) return;
  if (!committed_) ::unlinkat(dir_fd_, file_name_.c_str(), 0);
  remove_private_directory(parent_fd_, leaf_, dir_fd_);
  // Only now: the handler must be able to use both descriptors until they are closed.
  interrupt_cleanup::forget(slot_);
  ::close(dir_fd_);
  ::close(parent_fd_);
  dir_fd_ = parent_fd_ = -1;
}

void AtomicOutput::commit() {
  int fd = ::openat(dir_fd_, file_name_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) throw system_failure(final_path_, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw std::runtime_error(final_path_ + ": the temporary file is not a regular file");
  }
  // Some file systems cannot fsync (EINVAL); the rename is still atomic there.
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const int err = errno;
    ::close(fd);
    throw system_failure(final_path_, err);
  }
  // Keep what the final name holds now (a link to the entry itself, never followed), so
  // that roll_back() can put it back. A name that cannot be linked (a directory in the way,
  // nothing there) is simply not kept: the rename below then fails or replaces nothing.
  const std::string previous = kPreviousPrefix + file_name_;
  struct stat there {};
  replaced_ = ::fstatat(parent_fd_, file_name_.c_str(), &there, AT_SYMLINK_NOFOLLOW) == 0;
  kept_previous_ = ::linkat(parent_fd_, file_name_.c_str(), dir_fd_, previous.c_str(), 0) == 0;
  if (::renameat(dir_fd_, file_name_.c_str(), parent_fd_, file_name_.c_str()) != 0) {
    throw system_failure(final_path_, errno);
  }
  committed_ = true;
  committed_file_ = st;
  if (::fsync(parent_fd_) != 0 && errno != EINVAL) throw system_failure(final_path_, errno);
}

void AtomicOutput::roll_back() noexcept {
  if (!committed_ || dir_fd_ < 0) return;
  if (kept_previous_) {
    const std::string previous = kPreviousPrefix + file_name_;
    if (::renameat(dir_fd_, previous.c_str(), parent_fd_, file_name_.c_str()) != 0) return;
  } else if (!replaced_) {
    // Nothing was replaced: remove what this run published, unless the name was reused since.
    struct stat named {};
    if (::fstatat(parent_fd_, file_name_.c_str(), &named, AT_SYMLINK_NOFOLLOW) != 0) return;
    if (!same_file(committed_file_, named) || ::unlinkat(parent_fd_, file_name_.c_str(), 0) != 0) return;
  } else {
    return;  // a file was replaced that could not be kept (not ours to link): nothing to put back
  }
  committed_ = false;
  ::fsync(parent_fd_);
}

void remove_stale_temporaries(const std::string& output_dir) {
  int parent_fd = ::open(output_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent_fd < 0) return;
  std::vector<std::string> stale;
  if (int fd = ::dup(parent_fd); fd >= 0) {
    if (DIR* dir = ::fdopendir(fd)) {
      while (const dirent* e = ::readdir(dir)) {
        const std::string name = e->d_name;
        if (name.rfind(kPrefix, 0) != 0) continue;
        const std::string rest = name.substr(kPrefix.size());
        const std::size_t dash = rest.find('-');
        const std::string pid_text = rest.substr(0, dash);
        if (dash == std::string::npos || pid_text.empty() ||
            pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) {
          continue;
        }
        const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
        if (pid == ::getpid()) continue;  // this run's own, in use
        const bool alive = pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
        if (!alive) stale.push_back(name);
      }
      ::closedir(dir);
    } else {
      ::close(fd);
    }
  }
  for (const std::string& name : stale) {
    int dir_fd = ::openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir_fd < 0) continue;
    struct stat st {};
    // Only this user's own directories: another user's look-alike is left alone.
    if (::fstat(dir_fd, &st) == 0 && st.st_uid == ::geteuid()) {
      remove_private_directory(parent_fd, name, dir_fd);
    }
    ::close(dir_fd);
  }
  ::close(parent_fd);
}

}  // namespace plandeck::cli
