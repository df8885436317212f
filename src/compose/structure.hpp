// Internal to compose: the structure hints (deck.hpp StructNode, TextRun::node) that say what
// each text run is, made while drawing: a scope opens a node, and the runs drawn inside it
// belong to it. Not a public interface.
#pragma once

#include "compose/deck.hpp"

namespace plandeck::compose::detail {

// Text runs drawn while a StructScope lives belong to a new structure node (deck.hpp), a
// child of the node open when it was made; the previous node is open again when it ends.
// The scope made for an artifact (kArtifact, kPagination) makes no node.
class StructScope {
 public:
  StructScope(Page& page, StructKind kind, HeaderScope scope = HeaderScope::None, int row_span = 1,
              int col_span = 1);
  StructScope(Page& page, int artifact);
  ~StructScope() { page_.cursor = previous_; }
  StructScope(const StructScope&) = delete;
  StructScope& operator=(const StructScope&) = delete;

 private:
  Page& page_;
  int previous_;
};

// Adds a node under `parent` (kUntagged: the slide's section itself); returns its index.
int add_node(Page& page, StructKind kind, int parent, HeaderScope scope = HeaderScope::None,
             int row_span = 1, int col_span = 1);

// True when text drawn now goes straight into the open node (P, H1, H2, Lbl, LBody, TH, TD,
// Link) or an artifact; false inside a node that only groups others (the section, L, LI,
// Table, TR, TOC, TOCI, Reference), where draw() makes a paragraph or list item first.
bool holds_text(const Page& page);

}  // namespace plandeck::compose::detail
