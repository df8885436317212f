#include "cli/diff_command.hpp"

#include <optional>

#include "cli/exit_code.hpp"
#include "diag/source_map.hpp"
#include "diff/diff.hpp"
#include "diff/report.hpp"
#include "input/plan_loader.hpp"

namespace plandeck::cli {

int run_diff(const DiffOptions& options, diag::Lang lang, std::ostream& out, std::ostream& err) {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  // Both plans are read, so that every problem of both is reported in one run.
  std::optional<model::Plan> old_plan = input::load_plan(options.old_path, sources, diags);
  std::optional<model::Plan> new_plan = input::load_plan(options.new_path, sources, diags);
  err << diag::format_all(diags, lang, &sources);
  if (!old_plan || !new_plan) return kInvalidInput;
  std::vector<diff::Change> changes = diff::compare(*old_plan, *new_plan);
  if (options.format == "json") {
    out << diff::format_json(changes, options.old_path, options.new_path, lang);
  } else {
    out << diff::format_text(changes, options.old_path, options.new_path, lang);
  }
  return changes.empty() ? kSuccess : kDiffers;
}

}  // namespace plandeck::cli
