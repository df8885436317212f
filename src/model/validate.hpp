// Semantic checks of a loaded plan: what the plan alone can tell (duplicate ids, sheet
// names, required texts). Per-file YAML facts (types, unknown keys) are checked in input/.
#pragma once

#include "diag/diagnostics.hpp"
#include "model/plan.hpp"

namespace plandeck::model {

void validate(const Plan& plan, diag::Diagnostics& diags);

}  // namespace plandeck::model
