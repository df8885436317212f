// Where the results of a run go: as text for people (diagnostics with source excerpts on
// stderr, one line per checked plan or written file on stdout), or as one JSON document on
// stdout for scripts (`--format json`). The pipeline says what happened; the report decides
// how it is shown.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "cli/options.hpp"
#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "figures/summary.hpp"

namespace plandeck::cli {

class Report {
 public:
  virtual ~Report() = default;
  // Problems found (errors and warnings), in the order found.
  virtual void diagnostics(const diag::Diagnostics& ds, const diag::SourceMap* sources) = 0;
  // A plan passed `check`: it lays out as `slides` slides, with `warnings` warnings (notes
  // are not counted).
  virtual void checked(const std::string& plan, std::size_t slides, std::size_t warnings) = 0;
  // `check --summary`: the rows of the plan just checked, per 達成区分.
  virtual void summary(const figures::VerdictCounts& counts) = 0;
  // An output file was written (and renamed into place).
  virtual void wrote(const std::string& file) = 0;
  // The run is over; `exit_code` is what the process returns.
  virtual void finish(int exit_code) = 0;
};

std::unique_ptr<Report> make_report(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace plandeck::cli
