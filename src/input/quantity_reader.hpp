// A quantity cell of a table ({number, prefix, unit, scale, sign}; data/SCHEMA.md) read into
// a model::Quantity, every problem reported at its key.
#pragma once

#include <optional>
#include <string_view>

#include "input/reader.hpp"
#include "model/plan.hpp"

namespace plandeck::input {

// `node` is the cell's mapping, `key` its name in the row (baseline, result …). nullopt
// when something was wrong (and reported).
std::optional<model::Quantity> read_quantity(const Reader& reader, const Node& node, std::string_view key);

}  // namespace plandeck::input
