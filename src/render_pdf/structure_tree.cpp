#include "render_pdf/structure_tree.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "render_pdf/pdf_objects.hpp"

namespace plandeck::render_pdf::detail {

using compose::HeaderScope;
using compose::StructKind;

const char* struct_type(StructKind kind) {
  switch (kind) {
    case StructKind::P:
      return "P";
    case StructKind::H1:
      return "H1";
    case StructKind::H2:
      return "H2";
    case StructKind::L:
      return "L";
    case StructKind::LI:
      return "LI";
    case StructKind::Lbl:
      return "Lbl";
    case StructKind::LBody:
      return "LBody";
    case StructKind::Table:
      return "Table";
    case StructKind::TR:
      return "TR";
    case StructKind::TH:
      return "TH";
    case StructKind::TD:
      return "TD";
    case StructKind::TOC:
      return "TOC";
    case StructKind::TOCI:
      return "TOCI";
    case StructKind::Reference:
      return "Reference";
    case StructKind::Link:
      return "Link";
  }
  return "P";
}

PageStructure page_structure(const compose::Page& page, std::size_t page_index) {
  PageStructure out;
  out.nodes = page.structure;
  for (std::size_t i = 0; i < out.nodes.size(); ++i) {
    const compose::StructNode& n = out.nodes[i];
    if (n.parent < -1 || n.parent >= static_cast<int>(i)) {
      throw Error(page_name(page_index) + ", structure node " + std::to_string(i + 1) +
                  ": its parent must be a node listed before it");
    }
    if (n.row_span < 1 || n.col_span < 1) {
      throw Error(page_name(page_index) + ", structure node " + std::to_string(i + 1) +
                  ": a cell spans at least one row and one column");
    }
  }
  out.marks.resize(page.shapes.size());
  int loose = -1;  // the P made for the current run of text without a node
  for (std::size_t s = 0; s < page.shapes.size(); ++s) {
    const auto* run = std::get_if<compose::TextRun>(&page.shapes[s]);
    if (run == nullptr) continue;  // decoration: Mark's default, an artifact
    int node = run->node;
    if (node == compose::kUntagged) {
      if (loose < 0) {
        out.nodes.push_back(compose::StructNode{});  // a P of the section
        loose = static_cast<int>(out.nodes.size() - 1);
      }
      node = loose;
    } else {
      loose = -1;
      if (node < compose::kPagination || node >= static_cast<int>(page.structure.size())) {
        throw Error("drawing " + shape_name(page_index, s, page.shapes[s]) + ": structure node " +
                    std::to_string(node) + " but the page has " +
                    std::to_string(page.structure.size()));
      }
    }
    out.marks[s].node = node;
    if (node >= 0) out.marks[s].tag = struct_type(out.nodes[static_cast<std::size_t>(node)].kind);
  }
  // A node's text: its runs, with a space where one run ends well before the next begins
  // (a 目次 title and its page number) or the next starts a new line.
  out.texts.resize(out.nodes.size());
  std::vector<const compose::TextRun*> last(out.nodes.size(), nullptr);
  for (std::size_t s = 0; s < page.shapes.size(); ++s) {
    const auto* run = std::get_if<compose::TextRun>(&page.shapes[s]);
    if (run == nullptr || out.marks[s].node < 0) continue;
    const auto node = static_cast<std::size_t>(out.marks[s].node);
    const compose::TextRun* before = last[node];
    if (before != nullptr && (before->y != run->y || run->x > before->x + before->width + run->size / 2)) {
      out.texts[node] += ' ';
    }
    out.texts[node] += run->text;
    last[node] = run;
  }
  for (std::size_t k = 0; k < page.links.size(); ++k) {
    const int node = page.links[k].node;
    if (node < compose::kUntagged || node >= static_cast<int>(page.structure.size())) {
      throw Error(page_name(page_index) + ", link " + std::to_string(k + 1) + ": structure node " +
                  std::to_string(node) + " but the page has " + std::to_string(page.structure.size()));
    }
  }
  return out;
}

namespace {

class TreeWriter {
 public:
  explicit TreeWriter(Doc& doc) : doc_(doc), mmgr_(doc.get()->mmgr) {}

  HPDF_Dict element(const char* type, HPDF_Dict parent) {
    HPDF_Dict e = indirect(doc_, HPDF_Dict_New(mmgr_), kWhat);
    ok(HPDF_Dict_AddName(e, "S", type));
    ok(HPDF_Dict_Add(e, "P", parent));
    return e;
  }
  HPDF_Array array() { return doc_.check_ptr(HPDF_Array_New(mmgr_), kWhat); }
  HPDF_Dict dict() { return doc_.check_ptr(HPDF_Dict_New(mmgr_), kWhat); }
  void ok(HPDF_STATUS st) { doc_.check(st, kWhat); }
  HPDF_MMgr mmgr() const { return mmgr_; }

  // /A for table cells: header scope and spans (Table attribute owner).
  void cell_attributes(HPDF_Dict e, const compose::StructNode& n) {
    if (n.scope == HeaderScope::None && n.row_span == 1 && n.col_span == 1) return;
    HPDF_Dict a = dict();
    ok(HPDF_Dict_AddName(a, "O", "Table"));
    if (n.scope != HeaderScope::None) {
      ok(HPDF_Dict_AddName(a, "Scope", n.scope == HeaderScope::Column ? "Column" : "Row"));
    }
    if (n.row_span > 1) ok(HPDF_Dict_AddNumber(a, "RowSpan", n.row_span));
    if (n.col_span > 1) ok(HPDF_Dict_AddNumber(a, "ColSpan", n.col_span));
    ok(HPDF_Dict_Add(e, "A", a));
  }

  static constexpr const char* kWhat = "writing the structure tree";

 private:
  Doc& doc_;
  HPDF_MMgr mmgr_;
};

// One page's elements under `sect`: each node's /K is its MCIDs (in drawing order) and then
// its children (in the order compose made them, the reading order).
// An annotation's entry in the parent tree, written after the pages' (keys ascending).
struct AnnotEntry {
  HPDF_Dict annot;
  HPDF_Dict element;  // the Link element holding it
};

void write_page(Doc& doc, TreeWriter& w, const TaggedPage& tp, HPDF_Dict sect, HPDF_Array sect_kids,
                HPDF_Array parent_tree_nums, int struct_parents, std::vector<AnnotEntry>& annots) {
  const auto& nodes = tp.structure->nodes;
  std::vector<std::vector<int>> mcids(nodes.size());
  for (std::size_t m = 0; m < tp.mcid_nodes.size(); ++m) {
    mcids[static_cast<std::size_t>(tp.mcid_nodes[m])].push_back(static_cast<int>(m));
  }
  std::vector<std::vector<HPDF_Dict>> objects(nodes.size());  // annotations, as OBJRs
  for (const auto& [annot, node] : tp.links) {
    if (node >= 0) objects[static_cast<std::size_t>(node)].push_back(annot);
  }
  std::vector<std::vector<std::size_t>> children(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].parent >= 0) children[static_cast<std::size_t>(nodes[i].parent)].push_back(i);
  }
  // Parents come before their children, so one pass in order makes every element's parent
  // first; the /K arrays are filled afterwards.
  std::vector<HPDF_Dict> elems(nodes.size(), nullptr);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const compose::StructNode& n = nodes[i];
    HPDF_Dict parent = n.parent < 0 ? sect : elems[static_cast<std::size_t>(n.parent)];
    elems[i] = w.element(struct_type(n.kind), parent);
    w.cell_attributes(elems[i], n);
    if (n.parent < 0) w.ok(HPDF_Array_Add(sect_kids, elems[i]));
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!mcids[i].empty()) w.ok(HPDF_Dict_Add(elems[i], "Pg", tp.page));
    const std::size_t count = mcids[i].size() + objects[i].size() + children[i].size();
    if (count == 0) continue;
    if (count == 1 && !mcids[i].empty()) {
      w.ok(HPDF_Dict_AddNumber(elems[i], "K", mcids[i].front()));
      continue;
    }
    HPDF_Array k = w.array();
    for (int m : mcids[i]) w.ok(HPDF_Array_AddNumber(k, m));
    for (HPDF_Dict annot : objects[i]) {
      HPDF_Dict objr = w.dict();
      w.ok(HPDF_Dict_AddName(objr, "Type", "OBJR"));
      w.ok(HPDF_Dict_Add(objr, "Obj", annot));
      w.ok(HPDF_Array_Add(k, objr));
      annots.push_back({annot, elems[i]});
      w.ok(HPDF_Dict_Add(annot, "Contents", utf16_text_string(doc, tp.structure->texts[i], TreeWriter::kWhat)));
    }
    for (std::size_t ch : children[i]) w.ok(HPDF_Array_Add(k, elems[ch]));
    w.ok(HPDF_Dict_Add(elems[i], "K", k));
  }
  // The parent tree's entry for this page: by MCID, the element it belongs to.
  HPDF_Array by_mcid = w.array();
  for (int node : tp.mcid_nodes) w.ok(HPDF_Array_Add(by_mcid, elems[static_cast<std::size_t>(node)]));
  w.ok(HPDF_Array_AddNumber(parent_tree_nums, struct_parents));
  w.ok(HPDF_Array_Add(parent_tree_nums, by_mcid));
  w.ok(HPDF_Dict_AddNumber(tp.page, "StructParents", struct_parents));
  w.ok(HPDF_Dict_AddName(tp.page, "Tabs", "S"));  // tab order follows the structure
}

}  // namespace

void write_structure_tree(Doc& doc, const std::vector<TaggedPage>& pages, const std::string& lang) {
  TreeWriter w(doc);
  HPDF_Doc pdf = doc.get();
  HPDF_Dict root = indirect(doc, HPDF_Dict_New(w.mmgr()), TreeWriter::kWhat);
  w.ok(HPDF_Dict_AddName(root, "Type", "StructTreeRoot"));
  HPDF_Dict document = w.element("Document", root);
  w.ok(HPDF_Dict_Add(root, "K", document));
  HPDF_Array sects = w.array();
  w.ok(HPDF_Dict_Add(document, "K", sects));
  HPDF_Dict parent_tree = w.dict();
  HPDF_Array nums = w.array();
  w.ok(HPDF_Dict_Add(parent_tree, "Nums", nums));

  HPDF_Dict sect = nullptr;
  HPDF_Array sect_kids = nullptr;
  std::vector<AnnotEntry> annots;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (sect == nullptr || !pages[p].continues_slide) {
      sect = w.element("Sect", document);
      w.ok(HPDF_Array_Add(sects, sect));
      sect_kids = w.array();
      w.ok(HPDF_Dict_Add(sect, "K", sect_kids));
    }
    write_page(doc, w, pages[p], sect, sect_kids, nums, static_cast<int>(p), annots);
  }
  // Keys 0 … pages-1 are the pages'; the annotations follow.
  int key = static_cast<int>(pages.size());
  for (const AnnotEntry& a : annots) {
    w.ok(HPDF_Dict_AddNumber(a.annot, "StructParent", key));
    w.ok(HPDF_Array_AddNumber(nums, key));
    w.ok(HPDF_Array_Add(nums, a.element));
    ++key;
  }
  w.ok(HPDF_Dict_Add(root, "ParentTree", parent_tree));
  w.ok(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key));

  HPDF_Dict catalog = pdf->catalog;
  w.ok(HPDF_Dict_Add(catalog, "StructTreeRoot", root));
  HPDF_Dict mark_info = w.dict();
  w.ok(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
  w.ok(HPDF_Dict_Add(catalog, "MarkInfo", mark_info));
  w.ok(HPDF_Dict_Add(catalog, "Lang",
                     doc.check_ptr(HPDF_String_New(w.mmgr(), lang.c_str(), nullptr), TreeWriter::kWhat)));
  HPDF_Dict viewer = w.dict();
  w.ok(HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE));
  w.ok(HPDF_Dict_Add(catalog, "ViewerPreferences", viewer));
  // Structure trees and /MarkInfo are PDF 1.3–1.4, /Tabs 1.5; PDF/UA-1 is built on 1.7.
  pdf->pdf_version = HPDF_VER_17;
}

}  // namespace plandeck::render_pdf::detail
