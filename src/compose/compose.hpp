// Lays a plan out on pages: plan × layout → Deck (pages of positioned shapes and text runs).
//
// Pure and deterministic: no clock, no environment, no file access (the fonts come in
// already loaded, see fonts.hpp). Every text box is fitted by the text engine; text that
// does not fit at the layout's minimum size, and characters no font can draw, are ERROR
// diagnostics naming the slide, the box and the plan location. The deck is returned even
// then (drawn at the minimum size) so that tests and `check` can inspect it, but callers
// must not render it when diags has errors.
#pragma once

#include <string>

#include "compose/deck.hpp"
#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "model/plan.hpp"
#include "spec/layout.hpp"

namespace plandeck::text {
class FontChainMeasurer;
}

namespace plandeck::compose {

struct ComposeOptions {
  std::string creator = "plandeck";  // DocInfo::creator, e.g. "plandeck 0.1.0"
};

// `fonts` measures with the layout's font chains (regular = style 0, strong = style 1);
// Deck::fonts lists the chains' files, regular chain first. `sources` (optional) lets
// coverage errors point at the exact line:col of the character instead of the scalar.
Deck compose(const model::Plan& plan, const spec::Layout& layout,
             const text::FontChainMeasurer& fonts, diag::Diagnostics& diags,
             const diag::SourceMap* sources = nullptr, const ComposeOptions& options = {});

}  // namespace plandeck::compose
