// Writes an output file so that a failed or killed run never leaves a half-written file
// under the final name and never destroys the previous good one: the writer writes to a
// temporary file in the same directory, which replaces the final file by rename(2) only
// after it has been flushed to disk.
#pragma once

#include <string>

namespace plandeck::cli {

class AtomicOutput {
 public:
  explicit AtomicOutput(std::string final_path);
  ~AtomicOutput();  // removes the temporary file unless committed
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::string& temp_path() const { return temp_path_; }
  const std::string& final_path() const { return final_path_; }

  // fsyncs the temporary file, renames it over the final path and fsyncs the directory.
  // Throws std::runtime_error (with errno text) on failure; the old file is then untouched.
  void commit();

 private:
  std::string final_path_;
  std::string temp_path_;
  bool committed_ = false;
};

// Removes temporary files that killed runs left next to `final_path` (".name.tmp-PID" whose
// process no longer exists).
void remove_stale_temporaries(const std::string& final_path);

}  // namespace plandeck::cli
