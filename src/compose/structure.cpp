#include "compose/structure.hpp"

namespace plandeck::compose::detail {

bool holds_text(const Page& page) {
  if (page.cursor < 0) return page.cursor != kUntagged;  // artifacts hold their text
  switch (page.structure[static_cast<std::size_t>(page.cursor)].kind) {
    case StructKind::L:
    case StructKind::LI:
    case StructKind::Table:
    case StructKind::TR:
    case StructKind::TOC:
    case StructKind::TOCI:
    case StructKind::Reference:
      return false;
    default:
      return true;
  }
}

int add_node(Page& page, StructKind kind, int parent, HeaderScope scope, int row_span, int col_span) {
  StructNode n;
  n.kind = kind;
  n.parent = parent;
  n.scope = scope;
  n.row_span = row_span;
  n.col_span = col_span;
  page.structure.push_back(n);
  return static_cast<int>(page.structure.size() - 1);
}

StructScope::StructScope(Page& page, StructKind kind, HeaderScope scope, int row_span, int col_span)
    : page_(page), previous_(page.cursor) {
  page.cursor = add_node(page, kind, previous_ < 0 ? kUntagged : previous_, scope, row_span, col_span);
}

StructScope::StructScope(Page& page, int artifact) : page_(page), previous_(page.cursor) {
  page.cursor = artifact;
}

}  // namespace plandeck::compose::detail
