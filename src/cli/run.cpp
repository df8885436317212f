#include "cli/run.hpp"

#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/command_line.hpp"
#include "cli/diff_command.hpp"
#include "cli/exit_code.hpp"
#include "cli/init.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/report.hpp"
#include "cli/watch.hpp"

namespace plandeck::cli {

namespace {

// SOURCE_DATE_EPOCH (reproducible-builds.org): a non-negative decimal count of seconds.
// An unparsable value is an environment error rather than silently ignored.
bool read_source_date_epoch(std::optional<long long>& out, std::string& value) {
  const char* raw = std::getenv("SOURCE_DATE_EPOCH");
  if (raw == nullptr || *raw == '\0') return true;
  value = raw;
  if (value.size() > 12 || value.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoll(value);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (std::optional<int> stop = parse_command_line(argc, argv, options, std::cout, std::cerr)) return *stop;
  if (options.command == Command::Init) return write_starter_plan(options.init_file, options.lang, std::cout, std::cerr);
  if (options.command == Command::Diff) {
    DiffOptions diff{options.diff_old, options.diff_new, options.format == Format::Json ? "json" : "text"};
    return run_diff(diff, options.lang, std::cout, std::cerr);
  }

  std::string epoch;
  if (!read_source_date_epoch(options.source_date_epoch, epoch)) {
    std::unique_ptr<Report> report = make_report(options, std::cout, std::cerr);
    diag::Diagnostics one;
    one.add(diag::Diagnostic(diag::Severity::Error, {"plandeck", 0, 0},
                             {"SOURCE_DATE_EPOCH \"" + epoch + "\" は秒数ではありません",
                              "SOURCE_DATE_EPOCH \"" + epoch + "\" is not a number of seconds"},
                             diag::Message{"1970-01-01 からの秒数（例: 1717200000）にするか、設定を外してください",
                                           "set it to seconds since 1970-01-01 (e.g. 1717200000), or unset it"},
                             "source-date-epoch"));
    report->diagnostics(one, nullptr);
    report->finish(kEnvironment);
    return kEnvironment;
  }
  if (options.command == Command::Watch) return watch(options, std::cout, std::cerr);
  return run(options, std::cout, std::cerr);
}

}  // namespace plandeck::cli
