// The workbook's limits checked on the plan, with the plan's locations, before anything is
// written: `check` and `build` run it alike, so that a plan `check` accepts never fails in
// the workbook writer (whose own checks, check_workbook_spec(), only guard the library).
#pragma once

#include "diag/diagnostics.hpp"
#include "model/plan.hpp"

namespace plandeck::render_xlsx {

// Reports, at the quantity, a number format (number_format.hpp) that cannot be written: a
// long prefix or unit makes it longer than Excel's 255 characters or, sooner, than the 127
// bytes of UTF-8 libxlsxwriter keeps.
void check_plan(const model::Plan& plan, diag::Diagnostics& diags);

}  // namespace plandeck::render_xlsx
