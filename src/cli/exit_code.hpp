// The documented exit codes of plandeck (README "Exit codes").
#pragma once

namespace plandeck::cli {

enum ExitCode : int {
  kSuccess = 0,      // everything written (build) or valid (check)
  kInvalidInput = 1, // a plan or layout is invalid: located diagnostics were printed
  kUsage = 2,        // the command line is wrong
  kEnvironment = 3,  // a font is missing, the output cannot be written, SOURCE_DATE_EPOCH bad
  kDiffers = 4,      // `diff`: the two plans differ (not an error; no other outcome uses 4)
};

// When several plans are processed, the most serious outcome wins.
inline int worst(int a, int b) {
  auto rank = [](int c) { return c == kEnvironment ? 3 : c == kInvalidInput ? 2 : c == kUsage ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace plandeck::cli
