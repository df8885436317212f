// Writes an output file so that a failed or killed run never leaves a half-written file
// under the final name, never destroys the previous good one, and cannot be redirected.
//
// Each output is written inside a private directory that this run creates in the output
// folder the way mkdtemp(3) does (mkdirat with a random name, failing if anything exists
// there): `.plandeck-<pid>-XXXXXX`, mode 0700, a name nobody can predict or plant in
// advance, a place nobody else can create anything in. The writers (and
// libxlsxwriter's own temporary files, through temp_dir()) reach it through a descriptor
// held open on it (`/proc/self/fd/N/...`), so even someone who may rename entries of the
// output folder cannot swap the directory for a symbolic link under a running build. Only
// when the file is complete is it fsynced and renamed over the final name (renameat(2),
// which replaces whatever entry is there, a planted symbolic link included, without
// following it). The directory is then removed; on SIGINT/SIGTERM/SIGHUP/SIGPIPE the signal
// handler of interrupt_cleanup.hpp removes it; after SIGKILL the next run in that folder does.
#pragma once

#include <sys/stat.h>

#include <string>

namespace plandeck::cli {

class AtomicOutput {
 public:
  // Creates the private directory next to `final_path`. Throws std::runtime_error (with the
  // system's reason) when it cannot.
  explicit AtomicOutput(std::string final_path);
  ~AtomicOutput();  // removes the temporary file (unless committed) and the directory
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Where the writer writes the file, and a directory for a library's own temporary files.
  const std::string& temp_path() const { return temp_path_; }
  const std::string& temp_dir() const { return temp_dir_; }
  const std::string& final_path() const { return final_path_; }

  // `message` with temp_dir() (a /proc/self/fd path) replaced by the directory's name in
  // the output folder, which is what a user can look for.
  std::string readable(std::string message) const;

  // fsyncs the temporary file, renames it over the final path and fsyncs the folder.
  // Throws std::runtime_error (with errno text) on failure; the old file is then untouched.
  // The file it replaces is kept (a hard link in the private directory) until this object
  // is destroyed, for roll_back().
  void commit();

  // Undoes commit() when an output committed after this one failed, so that a run
  // publishes all of its outputs or none: the replaced file is renamed back over the final
  // name, or, when there was none, the committed file is removed (only if the final name
  // still holds it). Best effort, never throws: a replaced file that could not be linked
  // (fs.protected_hardlinks, another user's file) cannot be put back.
  void roll_back() noexcept;

 private:
  void remove_directory();

  std::string final_path_;
  std::string leaf_;       // the private directory's name inside the output folder
  std::string file_name_;  // the file's name, the same inside the directory and outside
  std::string temp_dir_;
  std::string temp_path_;
  std::string dir_path_;  // the private directory by name
  int parent_fd_ = -1;  // the output folder
  int dir_fd_ = -1;     // the private directory
  int slot_ = -1;       // interrupt_cleanup
  bool committed_ = false;
  bool replaced_ = false;       // the final name held something when commit() renamed over it
  bool kept_previous_ = false;  // ... and it is linked in the private directory
  struct stat committed_file_ {};  // the published file, to recognise it in roll_back()
};

// Removes what killed runs left in `output_dir`: private directories `.plandeck-<pid>-*`
// owned by this user whose process no longer exists.
void remove_stale_temporaries(const std::string& output_dir);

}  // namespace plandeck::cli
