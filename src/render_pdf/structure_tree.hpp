// Internal: the tagged PDF. compose says what each text run is (compose::StructNode, deck.hpp);
// this turns it into a structure tree in reading order:
//
//   StructTreeRoot → Document → one Sect per slide (a slide continued on later pages keeps
//   its Sect) → the page's nodes (H1, H2, P, L/LI/Lbl/LBody, Table/TR/TH/TD)
//
// each leaf holding the MCIDs of its text with /Pg, a Link element also its annotation (an
// OBJR; the annotation gets /StructParent and its text as /Contents), a parent tree (page
// /StructParents → the element of each MCID; annotation → its Link), and the catalog entries of a tagged document (/MarkInfo,
// /Lang, /ViewerPreferences /DisplayDocTitle); pages get /StructParents and /Tabs /S.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compose/deck.hpp"
#include "render_pdf/hpdf_session.hpp"
#include "render_pdf/object_streams.hpp"
#include "render_pdf/page_painter.hpp"

namespace plandeck::render_pdf::detail {

// A page's structure as it is drawn: compose's nodes, plus one P for each run of consecutive
// text runs compose gave no node (so no text is left out of the tree), and each shape's mark.
struct PageStructure {
  std::vector<compose::StructNode> nodes;
  std::vector<Mark> marks;         // by shape index
  std::vector<std::string> texts;  // by node a link covers: the text of its runs, joined (its description)
};

// Checks the page's nodes (parents listed before their children, runs and links pointing at
// nodes that exist) and marks its shapes. Throws Error naming the page.
PageStructure page_structure(const compose::Page& page, std::size_t page_index);

// The structure type of a node: "P", "H1", "TD", …
const char* struct_type(compose::StructKind kind);

// What the tree is built from, per page: its object, its structure and, by MCID, the node
// each marked-content sequence belongs to (Painter::mcid_nodes).
struct TaggedPage {
  HPDF_Page page = nullptr;
  const PageStructure* structure = nullptr;
  std::vector<int> mcid_nodes;
  // Link annotations and the node of the text each covers (compose::Link::node; -1: none).
  std::vector<std::pair<HPDF_Dict, int>> links;
  bool continues_slide = false;  // the same slide as the page before: the same Sect
};

// The structure tree's objects, written as text by plandeck, not through libharu: about 700
// small dictionaries that libharu would build, save and free one key at a time, and that
// packing would then read back. Only the root is a libharu object (the catalog refers to it);
// the elements are numbered after libharu's objects at packing time (pack_object_streams).
struct StructureTree {
  static constexpr std::size_t kRoot = static_cast<std::size_t>(-1);
  struct Kid {
    enum Kind { Element, Annotation } kind;
    std::uint64_t value;  // an element index, or an annotation's object number (an OBJR)
  };
  struct Element {
    const char* type = "P";
    std::size_t parent = kRoot;     // an element index, or kRoot
    std::uint32_t page = 0;         // /Pg: the object number of the page of its MCIDs
    std::string attributes;         // "/A<<…>>" (table cells) or empty
    std::vector<std::uint32_t> mcids;
    std::vector<Kid> kids;          // after the MCIDs in /K
    bool k_array = false;           // /K is an array even when empty (Document, Sect)
  };
  std::uint32_t root = 0;  // the object number of the StructTreeRoot (libharu's)
  std::vector<Element> elements;  // [0]: the Document
  std::vector<std::pair<int, std::vector<std::size_t>>> page_entries;  // parent tree: key, by MCID
  std::vector<std::pair<int, std::size_t>> annotation_entries;          // parent tree: key, its Link
  int next_key = 0;

  // The root's body and, numbered from `first`, the elements'.
  TextObjects objects(std::uint32_t first) const;
};

// Writes the structure tree (the root's placeholder, /StructParents of pages, /StructParent and
// /Contents of link annotations) and marks the document as tagged, in language `lang` (BCP 47).
StructureTree write_structure_tree(Doc& doc, const std::vector<TaggedPage>& pages, const std::string& lang);

}  // namespace plandeck::render_pdf::detail
