// `plandeck init FILE`: a small commented starter plan with one slide of every kind, which
// `plandeck check` accepts as it is. Never writes over an existing file.
#pragma once

#include <ostream>
#include <string>

#include "diag/diagnostics.hpp"

namespace plandeck::cli {

// The starter plan's text.
const std::string& starter_plan();

// Creates `path` with the starter plan. Returns the exit code: kSuccess, or kEnvironment
// when the file exists already or cannot be written (reported to `err`).
int write_starter_plan(const std::string& path, diag::Lang lang, std::ostream& out, std::ostream& err);

}  // namespace plandeck::cli
