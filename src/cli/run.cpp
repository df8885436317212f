#include "cli/run.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/diff_command.hpp"
#include "cli/exit_code.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/versions.hpp"

namespace plandeck::cli {

namespace {

// SOURCE_DATE_EPOCH (reproducible-builds.org): a non-negative decimal count of seconds.
// An unparsable value is an environment error rather than silently ignored.
bool read_source_date_epoch(std::optional<long long>& out, std::string& error) {
  const char* raw = std::getenv("SOURCE_DATE_EPOCH");
  if (raw == nullptr || *raw == '\0') return true;
  std::string s(raw);
  if (s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos) {
    error = "SOURCE_DATE_EPOCH \"" + s + "\" is not a number of seconds";
    return false;
  }
  out = std::stoll(s);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"plandeck: 行政デジタル化アクションプランの報告資料（PDF スライド・Excel）を YAML から作ります"};
  app.set_version_flag("--version", version_text());
  app.require_subcommand(1);
  app.fallthrough();

  std::string lang = "ja";
  app.add_option("--lang", lang, "Language of messages: ja (default) or en")
      ->check(CLI::IsMember({"ja", "en"}));

  CLI::App* build = app.add_subcommand("build", "Write the PDF deck and the Excel workbook of each plan");
  build->add_option("plans", options.plans, "Plan files (YAML)")->required();
  build->add_option("-o,--output", options.output_dir, "Output directory (default: out)");
  build->add_option("--layout", options.layout, "Layout file (YAML); default: the built-in layout");
  std::string only;
  build->add_option("--only", only, "Write only one output: pdf or xlsx")
      ->check(CLI::IsMember({"pdf", "xlsx"}));
  build->add_flag("--werror", options.werror, "Treat warnings as errors (exit 1, nothing written)");

  CLI::App* check = app.add_subcommand("check", "Validate plans (and lay them out) without writing anything");
  check->add_option("plans", options.plans, "Plan files (YAML)")->required();
  check->add_option("--layout", options.layout, "Layout file (YAML); default: the built-in layout");
  check->add_flag("--werror", options.werror, "Treat warnings as errors (exit 1)");
  check->add_flag("--summary", options.summary, "Also print how many rows have each 達成区分");

  DiffOptions diff_options;
  CLI::App* diff = add_diff_command(app, diff_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11's own codes (105 validation, 106 required, 109 extras …) all mean "usage".
    int code = app.exit(e);
    return code == 0 ? kSuccess : kUsage;
  }

  options.lang = lang == "en" ? diag::Lang::En : diag::Lang::Ja;
  if (diff->parsed()) return run_diff(diff_options, options.lang, std::cout, std::cerr);
  options.command = build->parsed() ? Command::Build : Command::Check;
  if (only == "pdf") options.outputs = Outputs::PdfOnly;
  if (only == "xlsx") options.outputs = Outputs::XlsxOnly;

  std::string epoch_error;
  if (!read_source_date_epoch(options.source_date_epoch, epoch_error)) {
    std::cerr << "plandeck: error: " << epoch_error << '\n';
    return kEnvironment;
  }
  return run(options, std::cout, std::cerr);
}

}  // namespace plandeck::cli
