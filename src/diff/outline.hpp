// A plan as a tree of the things it says, in its own terms (slides, tables, rows, columns,
// bullets), so that two plans can be compared without knowing each slide kind's shape.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/plan.hpp"

namespace plandeck::diff {

// One text or value of a node: a cell under its column header, a slide's heading.
struct Field {
  diag::Message name;  // the column header (both languages the same), or "見出し"/"heading"
  std::string text;    // as printed, with **…** around emphasis
  diag::SourceLoc loc;
};

struct Node;

// The children of one role (a slide's panels, a group's rows); lists are paired by role.
struct List {
  std::string role;
  std::vector<Node> nodes;
};

struct Node {
  std::string type;        // section, chapter, slide, block, project, goal, panel, table, group, row, item
  std::string key;         // identity when matching two lists: an id, a row's 内容, a bullet's text
  std::string pair_class;  // only nodes of one class may be paired as "changed" (a slide's kind)
  diag::Message name;      // how a reader names it: "Ⅱ-1 結果詳細", "オンライン申請件数"
  diag::SourceLoc loc;
  std::vector<Field> fields;
  std::vector<List> lists;
};

// The root: the document's fields and the list of sections.
Node outline(const model::Plan& plan);

// A rich text as written in the plan: runs joined, emphasis as **…**.
std::string markup(const model::RichText& t);

}  // namespace plandeck::diff
