// The stages of one run, per plan: load → validate → lay out → write (build only).
// Diagnostics go to `err`; progress lines to `out`. Returns the exit code.
#pragma once

#include <ostream>

#include "cli/options.hpp"

namespace plandeck::cli {

int run(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace plandeck::cli
