// Refusals made before a build writes anything, because what the command line asks for
// would lose data: an output that is one of the inputs (`build s/plan.xlsx -o s`), or two
// plans of one invocation that would write the same outputs (`a/plan.yaml b/plan.yaml`,
// same stem). Each refusal names the input concerned and says why; nothing is written.
#pragma once

#include <ostream>
#include <string>

#include "cli/options.hpp"

namespace plandeck::cli {

// Where the outputs of the plan at `plan_path` go, without the extension: DIR/<stem>.
std::string output_base(const Options& options, const std::string& plan_path);

// Prints every refusal to `err`; returns kSuccess or kUsage (exit_code.hpp).
int check_output_targets(const Options& options, std::ostream& err);

}  // namespace plandeck::cli
