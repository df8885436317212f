// `plandeck diff OLD.yaml NEW.yaml [--format text|json]`: what changed between two plans.
// Exit 0 when they say the same, kDiffers (4) when they differ, 1 when a plan is invalid.
#pragma once

#include <ostream>
#include <string>

#include "diag/diagnostics.hpp"

namespace plandeck::cli {

struct DiffOptions {
  std::string old_path;
  std::string new_path;
  std::string format = "text";  // or "json"
};

int run_diff(const DiffOptions& options, diag::Lang lang, std::ostream& out, std::ostream& err);

}  // namespace plandeck::cli
