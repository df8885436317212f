// Removing the private temporary directories of a run that is interrupted (SIGINT, SIGTERM,
// SIGHUP, SIGPIPE), so that Ctrl-C or a `kill` leaves no `.plandeck-*` folder behind.
//
// The signal handler may run on any thread, at any point, including inside malloc: it may
// only call async-signal-safe functions. So the directories to remove are kept in a fixed
// table of slots (no allocation, no locks), filled by ordinary code, and each slot is
// guarded by lock-free atomics that both sides change by compare-and-swap. For each armed
// slot the handler removes every entry of the directory (read with the getdents64 system
// call on a descriptor it opens with openat, because libxlsxwriter names its own temporary
// files) and then the directory, all with *at() calls relative to descriptors held open for
// this purpose. It then restores the default action and raises the signal again, so that
// the run still ends "killed by SIGTERM". This table is the only process-wide state: what a
// signal handler needs.
//
// The other threads keep running while the handler works. A directory being made when the
// signal comes is removed by its maker (create_directory), and a file created in a directory
// while the handler empties it is caught by emptying again; once the directory is gone,
// nothing can be created in it. What remains possible (a full table, a kill -9) is removed
// by the next run in the same folder (remove_stale_temporaries in atomic_output.hpp).
#pragma once

namespace plandeck::cli::interrupt_cleanup {

// Makes the directory `leaf` (mode 0700) inside the folder open as `parent_fd`, registered
// for removal on a signal. Installs the handlers on first use (a signal the process
// ignores, e.g. SIGHUP under nohup, stays ignored). Returns 0 and the slot (-1 when the
// table is full: the directory is then left to the next run), or the errno of mkdirat.
int create_directory(int parent_fd, const char* leaf, int& slot);

// Gives the handler the directory's own descriptor, once it is open: from then on the
// handler removes it only while `leaf` still names that very directory.
void set_directory(int slot, int dir_fd);

// Forgets a slot, before its descriptors are closed. When the handler is removing that
// directory at this moment the process is about to die by the signal: forget() then never
// returns, so that no descriptor the handler uses is closed or reused under it.
void forget(int slot);

// Holds SIGINT, SIGTERM, SIGHUP and SIGPIPE back while it lives, on every thread: the
// handler only notes the signal, and the destructor of the last guard then handles it as
// it would have (temporaries removed, the run ended by that signal). For a short step
// that must not be cut in two: publishing the deck and the workbook, so that Ctrl-C never
// leaves a new deck beside the previous workbook. A kill -9 cannot be held back.
class DeferInterrupts {
 public:
  DeferInterrupts() noexcept;
  ~DeferInterrupts();
  DeferInterrupts(const DeferInterrupts&) = delete;
  DeferInterrupts& operator=(const DeferInterrupts&) = delete;
};

}  // namespace plandeck::cli::interrupt_cleanup
