// `plandeck watch PLAN`: builds the plan, then again every time it is saved, printing the
// diagnostics of each build, until SIGINT (Ctrl+C) or SIGTERM.
#pragma once

#include <ostream>

#include "cli/options.hpp"

namespace plandeck::cli {

// Returns kSuccess when stopped by a signal, kEnvironment when the file cannot be watched.
int watch(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace plandeck::cli
