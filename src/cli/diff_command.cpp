#include "cli/diff_command.hpp"

#include <CLI/CLI.hpp>
#include <optional>

#include "cli/exit_code.hpp"
#include "diag/source_map.hpp"
#include "diff/diff.hpp"
#include "diff/report.hpp"
#include "input/plan_loader.hpp"

namespace plandeck::cli {

CLI::App* add_diff_command(CLI::App& app, DiffOptions& options) {
  CLI::App* diff = app.add_subcommand("diff", "Show what changed between two plans (exit 4 when they differ)");
  diff->add_option("old", options.old_path, "The earlier plan (YAML)")->required();
  diff->add_option("new", options.new_path, "The later plan (YAML)")->required();
  diff->add_option("--format", options.format, "Output: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  return diff;
}

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
