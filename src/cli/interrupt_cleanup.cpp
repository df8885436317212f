#include "cli/interrupt_cleanup.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstring>
#include <mutex>

namespace plandeck::cli::interrupt_cleanup {

namespace {

// A plan has at most two outputs in flight (deck and workbook) and plans are written one
// after the other, so a few slots are plenty.
constexpr int kSlots = 16;

// A slot's life: Free -> Filling (its owner writes the fields) -> Armed (the handler may
// take it) -> Free (forget) or Cleaning (the handler took it; the process is about to die).
enum State : int { kFree = 0, kFilling = 1, kArmed = 2, kCleaning = 3 };

struct Slot {
  std::atomic<int> state{kFree};
  std::atomic<int> dir_fd{-1};  // -1 until set_directory
  int parent_fd = -1;
  char leaf[NAME_MAX + 1] = {};
};

// Only lock-free atomics may be touched from a signal handler.
static_assert(std::atomic<int>::is_always_lock_free, "the slot state must be lock-free");

// The fixed table the handler reads (see the header: the only process-wide state here).
Slot g_slots[kSlots];

// While a DeferInterrupts guard lives (count > 0), a signal is only noted here, to be
// handled when the last guard goes (lock-free atomics: the handler reads them too).
std::atomic<int> g_deferring{0};
std::atomic<int> g_pending_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the deferral state must be lock-free");

// SIGPIPE too: a reader of stdout that goes away ends the run like a kill.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

// Removes every entry of the directory open as `dir_fd`. Async-signal-safe: openat,
// getdents64 (the raw system call: readdir may allocate), unlinkat and close only.
void empty_directory(int dir_fd) {
  const int fd = ::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  alignas(8) char buffer[4096];
  for (;;) {
    const long n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
    if (n <= 0) break;
    for (long at = 0; at < n;) {
      // struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, char name[]
      unsigned short reclen = 0;
      std::memcpy(&reclen, buffer + at + 16, sizeof reclen);
      const char* name = buffer + at + 19;
      if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) ::unlinkat(dir_fd, name, 0);
      if (reclen == 0) break;
      at += reclen;
    }
  }
  ::close(fd);
}

void remove_slot(const Slot& s) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    // -1: just made and not open yet, so nothing is in it (if a file appeared meanwhile,
    // the next attempt finds the descriptor set).
    const int dir_fd = s.dir_fd.load();
    if (dir_fd >= 0) {
      empty_directory(dir_fd);
      // Only while the name still refers to this run's directory: someone may have renamed
      // it away and put something else in its place.
      struct stat mine {}, named {};
      if (::fstat(dir_fd, &mine) != 0) return;
      if (::fstatat(s.parent_fd, s.leaf, &named, AT_SYMLINK_NOFOLLOW) != 0) return;
      if (named.st_dev != mine.st_dev || named.st_ino != mine.st_ino) return;
    }
    if (::unlinkat(s.parent_fd, s.leaf, AT_REMOVEDIR) == 0 || errno != ENOTEMPTY) return;
  }
}

extern "C" void on_interrupt(int sig) {
  // Noted first, then the guard count read: whichever of this handler and the last guard's
  // destructor takes the note back handles it, so a guard ending on another thread at this
  // moment cannot lose it.
  int none = 0;
  g_pending_signal.compare_exchange_strong(none, sig);  // the first one is the one to end by
  if (g_deferring.load() > 0) return;
  sig = g_pending_signal.exchange(0);
  if (sig == 0) return;  // the destructor took it and handles it
  const int saved_errno = errno;
  for (Slot& s : g_slots) {
    int expected = kArmed;
    if (s.state.compare_exchange_strong(expected, kCleaning)) remove_slot(s);
  }
  // End the way the signal would have ended the run: default action, raised again. The
  // signal is blocked while its handler runs, so it is delivered as soon as this returns.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
  errno = saved_errno;
}

void install_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  ::sigemptyset(&action.sa_mask);
  for (int sig : kSignals) ::sigaddset(&action.sa_mask, sig);  // never nested
  action.sa_flags = SA_RESTART;
  for (int sig : kSignals) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0) continue;
    if (old.sa_handler == SIG_IGN) continue;  // e.g. SIGHUP under nohup stays ignored
    ::sigaction(sig, &action, nullptr);
  }
}

[[noreturn]] void wait_for_the_end() {
  // The handler has taken the slot on another thread and will end the process.
  for (;;) ::pause();
}

}  // namespace

int create_directory(int parent_fd, const char* leaf, int& slot) {
  static std::once_flag installed;
  std::call_once(installed, install_handlers);
  slot = -1;
  if (std::strlen(leaf) <= NAME_MAX) {
    for (int i = 0; i < kSlots && slot < 0; ++i) {
      int expected = kFree;
      if (g_slots[i].state.compare_exchange_strong(expected, kFilling)) slot = i;
    }
  }
  if (slot >= 0) {
    Slot& s = g_slots[slot];
    s.parent_fd = parent_fd;
    s.dir_fd.store(-1);
    std::strcpy(s.leaf, leaf);
    s.state.store(kArmed);  // armed before the directory exists: no moment unprotected
  }
  if (::mkdirat(parent_fd, leaf, 0700) != 0) {
    const int err = errno;
    forget(slot);
    slot = -1;
    return err;
  }
  // The handler may have taken the slot just before mkdirat, and found nothing to remove.
  if (slot >= 0 && g_slots[slot].state.load() == kCleaning) {
    ::unlinkat(parent_fd, leaf, AT_REMOVEDIR);
    wait_for_the_end();
  }
  return 0;
}

void set_directory(int slot, int dir_fd) {
  if (slot >= 0 && slot < kSlots) g_slots[slot].dir_fd.store(dir_fd);
}

void forget(int slot) {
  if (slot < 0 || slot >= kSlots) return;
  int expected = kArmed;
  if (!g_slots[slot].state.compare_exchange_strong(expected, kFree)) wait_for_the_end();
}

DeferInterrupts::DeferInterrupts() noexcept { g_deferring.fetch_add(1); }

DeferInterrupts::~DeferInterrupts() {
  if (g_deferring.fetch_sub(1) != 1) return;
  // A signal that comes from here on is handled at once by the handler; one noted while
  // deferred is handled now, the same way (this does not return).
  if (const int sig = g_pending_signal.exchange(0); sig != 0) on_interrupt(sig);
}

}  // namespace plandeck::cli::interrupt_cleanup
