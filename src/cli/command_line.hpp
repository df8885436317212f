// plandeck's command line, in the user's language: CLI11 parses it, with Japanese help
// (labels and descriptions) by default and English with `--lang en`; usage errors are our
// own bilingual messages (an unknown subcommand or option is named, with a did-you-mean).
#pragma once

#include <optional>
#include <ostream>

#include "cli/options.hpp"
#include "diag/diagnostics.hpp"

namespace plandeck::cli {

// The language asked for by `--lang en` / `--lang=en` anywhere on the command line. It must
// be known before parsing, since the help and the parser's own errors are worded in it.
diag::Lang language_from_argv(int argc, const char* const* argv);

// Fills `options` from the command line. Returns the exit code when the program should stop
// here: 0 after --help or --version (printed to `out`), kUsage after a usage error (printed
// to `err`). Returns nullopt when the command should run.
std::optional<int> parse_command_line(int argc, const char* const* argv, Options& options,
                                      std::ostream& out, std::ostream& err);

}  // namespace plandeck::cli
