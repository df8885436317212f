// Loads a plan file (data/SCHEMA.md, schema version 1) into a model::Plan.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "model/plan.hpp"

namespace plandeck::input {

// Reads, parses and checks the plan at `path`: every YAML and schema problem is added to
// `diags` with its file:line:col, then, when those are clean, model::validate runs too
// (callers need not call it again). The file's text is added to `sources` so that the
// diagnostics can quote it. Returns the plan only when no error was reported (warnings
// are fine). Defaults filled in: document.toc_title = "目次", section.title_slide = true.
std::optional<model::Plan> load_plan(const std::string& path, diag::SourceMap& sources,
                                     diag::Diagnostics& diags);

// The same for text in memory; `path` is only used to name the file in diagnostics.
std::optional<model::Plan> load_plan_text(const std::string& path, std::string text,
                                          diag::SourceMap& sources, diag::Diagnostics& diags);

}  // namespace plandeck::input
