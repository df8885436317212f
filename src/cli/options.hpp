// What the command line asked for, independent of CLI11.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"

namespace plandeck::cli {

enum class Command { Build, Check, Init, Watch, Diff };
enum class Outputs { Both, PdfOnly, XlsxOnly };
// How results are reported: text for people (the default), JSON for scripts.
enum class Format { Text, Json };

struct Options {
  Command command = Command::Check;
  std::vector<std::string> plans;  // build, check; watch: exactly one
  std::string init_file;           // init: the starter plan to write
  std::string diff_old, diff_new;  // diff: the earlier and the later plan
  std::string output_dir = "out";
  std::optional<std::string> layout;  // default: the built-in default layout
  Outputs outputs = Outputs::Both;
  Format format = Format::Text;
  diag::Lang lang = diag::Lang::Ja;
  std::optional<long long> source_date_epoch;  // from the environment
  bool werror = false;   // --werror: warnings count as errors (exit 1, nothing written)
  bool summary = false;  // check --summary: counts per 達成区分
};

}  // namespace plandeck::cli
