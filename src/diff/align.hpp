// Pairs the elements of two lists (slides, rows, bullets): the same identity in order
// stays, the same identity out of order has moved, and what is left between two elements
// that stayed is paired by position as "changed" (a bullet reworded in place). Everything
// else was removed or added.
#pragma once

#include <vector>

#include "diff/outline.hpp"

namespace plandeck::diff {

enum class Match { Same, Moved, Changed };

struct Alignment {
  std::vector<int> old_to_new;  // -1: removed
  std::vector<int> new_to_old;  // -1: added
  std::vector<Match> how;       // per new element that has an old one
};

Alignment align(const std::vector<Node>& old_nodes, const std::vector<Node>& new_nodes);

}  // namespace plandeck::diff
