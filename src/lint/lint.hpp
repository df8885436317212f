// Warnings for structure pasted or typed into a plan's texts, which the layout would print
// literally or twice: HTML tags from an old deck (<p>, <ul style=…>), a typed number in a
// title the layout numbers itself (Ⅱ-1), a typed bullet in an item the layout bullets
// itself (・, ○, ➤). (A tab, from a pasted table row, is an error of the loader's text
// rules: model/text_rules.cpp.) Pure: reads the plan and the layout, adds
// located warnings with the fix; never changes the plan and never fails it.
#pragma once

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "model/plan.hpp"
#include "spec/layout.hpp"

namespace plandeck::lint {

// Adds one warning per problem to `diags`. With `sources`, each warning points at the
// offending characters in the file; without, at the start of the text that holds them.
void check(const model::Plan& plan, const spec::Layout& layout, diag::Diagnostics& diags,
           const diag::SourceMap* sources = nullptr);

}  // namespace plandeck::lint
