// Loads a layout file (layouts/*.yaml) into a spec::Layout. Every key is optional: a file
// overrides the built-in defaults (spec::Layout{}), so a layout can be as short as the
// colours it changes. Problems are reported like plan problems: unknown keys with a
// "did you mean", wrong types, out-of-range numbers, min > max, bad colours — each with its
// file:line:col. layouts/default.yaml spells out every key with the default values.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "spec/layout.hpp"

namespace plandeck::input {

// Returns the layout only when no error was reported. The file's text goes to `sources`.
std::optional<spec::Layout> load_layout(const std::string& path, diag::SourceMap& sources,
                                        diag::Diagnostics& diags);

// The same for text in memory; `path` only names the file in diagnostics.
std::optional<spec::Layout> load_layout_text(const std::string& path, std::string text,
                                             diag::SourceMap& sources, diag::Diagnostics& diags);

}  // namespace plandeck::input
