// What changed between two plans, in the plan's own terms: slides, tables, rows, columns
// and bullets that were added, removed, moved or changed, with the lines of both files.
// Figures are compared as numbers: "113,600件" and {number: 113600, unit: 件} say the same.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/plan.hpp"

namespace plandeck::diff {

enum class ChangeKind { Added, Removed, Moved, Changed };

// One step of a path: a slide, a row, a column … `type` is one of document, section,
// chapter, slide, block, projects, project, goal, panel, table, group, row, item, list
// (a panel's 効果, a goal's 実績 / 今後の課題), field.
struct Segment {
  std::string type;
  diag::Message name;
};
using Path = std::vector<Segment>;

struct FigureChange {
  std::string old_text;  // as written: "113,600件"
  std::string new_text;
};

struct Change {
  ChangeKind kind = ChangeKind::Changed;
  Path path;                          // the element (for Changed: down to the field)
  std::string old_text, new_text;     // Changed: the field's texts as written
  std::vector<FigureChange> figures;  // Changed, when only figures differ: each old → new
  diag::SourceLoc old_loc, new_loc;   // unknown on the side where the element is absent
  // Moved: the list it was in and its position there (1-based), on each side.
  Path old_parent, new_parent;
  std::size_t old_index = 0, new_index = 0;
};

// Every difference, in the order of the new plan (removals where they were).
std::vector<Change> compare(const model::Plan& old_plan, const model::Plan& new_plan);

// Does `a` say the same as `b`, numbers compared by value ("113,600" = "113600")?
// When not, and only figures differ, `figures` receives each changed figure.
bool same_text(const std::string& a, const std::string& b, std::vector<FigureChange>* figures = nullptr);

}  // namespace plandeck::diff
