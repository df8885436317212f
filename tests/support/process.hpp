// Runs a program the way a user would and captures what it says, for CLI-level tests.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace plandeck::testing {

struct ProcessResult {
  int exit_code = -1;     // -1 when killed by a signal
  int signal = 0;         // the signal that ended it, if any
  bool timed_out = false; // killed because it ran past the time limit
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
};

struct ProcessOptions {
  std::map<std::string, std::string> env;  // added to (or replacing in) the environment
  std::vector<std::string> unset_env;
  std::string working_dir;
  std::chrono::milliseconds timeout{20000};
  long file_size_limit = -1;  // RLIMIT_FSIZE in bytes, -1 = unchanged
  long address_space_limit = -1;  // RLIMIT_AS in bytes, -1 = unchanged (memory bounds)
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// The plandeck binary under test (PLANDECK_BIN, set by ctest) and the source tree.
std::string plandeck_bin();
std::string source_dir();

// A fresh empty directory under the build tree, removed and recreated on each call.
std::string scratch_dir(const std::string& name);

// An upper bound on run time for a test: `base` in normal builds, scaled in sanitizer
// builds. Such bounds catch hangs and unbounded work; speed targets live in bench/.
inline std::chrono::milliseconds time_bound(std::chrono::milliseconds base) {
  return base * PLANDECK_TIME_FACTOR;
}

// The default plan (data/hiroshima-dx-r3-r5.yaml), the plan most CLI-level tests build.
std::string default_plan();

// Options that fix SOURCE_DATE_EPOCH, so that two builds can be compared byte for byte.
ProcessOptions with_epoch();

// The names in `dir`, sorted (empty when it does not exist): what a run left behind.
std::vector<std::string> listing(const std::string& dir);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

}  // namespace plandeck::testing
