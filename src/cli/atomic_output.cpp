#include "cli/atomic_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace fs = std::filesystem;

namespace plandeck::cli {

namespace {

std::string temp_prefix(const fs::path& final_path) {
  return "." + final_path.filename().string() + ".tmp-";
}

void fsync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  // Some file systems cannot fsync a directory (EINVAL); the rename is still atomic there.
  if (rc != 0 && err != EINVAL) throw std::runtime_error(path + ": " + std::strerror(err));
}

}  // namespace

AtomicOutput::AtomicOutput(std::string final_path) : final_path_(std::move(final_path)) {
  fs::path p(final_path_);
  temp_path_ = (p.parent_path() / (temp_prefix(p) + std::to_string(::getpid()))).string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) ::unlink(temp_path_.c_str());
}

void AtomicOutput::commit() {
  fsync_path(temp_path_, O_RDONLY);
  if (::rename(temp_path_.c_str(), final_path_.c_str()) != 0) {
    throw std::runtime_error(final_path_ + ": " + std::strerror(errno));
  }
  committed_ = true;
  fs::path dir = fs::path(final_path_).parent_path();
  fsync_path(dir.empty() ? std::string(".") : dir.string(), O_RDONLY | O_DIRECTORY);
}

void remove_stale_temporaries(const std::string& final_path) {
  fs::path p(final_path);
  fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  std::string prefix = temp_prefix(p);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    long pid = std::strtol(pid_text.c_str(), nullptr, 10);
    bool alive = pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
    if (!alive || pid == ::getpid()) fs::remove(entry.path(), ec);
  }
}

}  // namespace plandeck::cli
