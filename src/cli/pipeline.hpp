// The stages of one run, per plan: load → validate → lay out → write (build only).
// Reported as options.format asks (report.hpp): as text, diagnostics go to `err` and
// progress lines to `out`; as JSON, one document goes to `out`. Returns the exit code.
#pragma once

#include <ostream>

#include "cli/options.hpp"

namespace plandeck::cli {

int run(const Options& options, std::ostream& out, std::ostream& err);

class Report;
// The same, reporting to `report` (which is not finished: the caller may add more).
int run(const Options& options, Report& report);

}  // namespace plandeck::cli
