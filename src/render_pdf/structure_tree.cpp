#include "render_pdf/structure_tree.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <optional>

#include "render_pdf/pdf_numbers.hpp"
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
  // Only the nodes that links cover need it (it becomes the annotation's /Contents).
  out.texts.resize(out.nodes.size());
  std::vector<bool> linked(out.nodes.size(), false);
  for (const compose::Link& link : page.links) {
    if (link.node >= 0 && static_cast<std::size_t>(link.node) < linked.size()) linked[static_cast<std::size_t>(link.node)] = true;
  }
  std::vector<const compose::TextRun*> last(out.nodes.size(), nullptr);
  for (std::size_t s = 0; s < page.shapes.size(); ++s) {
    const auto* run = std::get_if<compose::TextRun>(&page.shapes[s]);
    if (run == nullptr || out.marks[s].node < 0 || !linked[static_cast<std::size_t>(out.marks[s].node)]) continue;
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

constexpr const char* kWhat = "writing the structure tree";

// The object number of a libharu object that is in the cross-reference table.
std::uint32_t object_number(Doc& doc, const void* obj) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(obj);
  doc.check(header != nullptr && (header->obj_id & HPDF_OTYPE_INDIRECT) != 0, kWhat);
  return header->obj_id & 0x00FFFFFF;
}

void append_uint(std::string& out, std::uint64_t v) {
  append_decimal(out, v);
}

// " 12 0 R" style reference, without the leading space.
void append_ref(std::string& out, std::uint64_t number) {
  append_uint(out, number);
  out += " 0 R";
}

// /A for table cells: header scope and spans (Table attribute owner); empty when none.
std::string cell_attributes(const compose::StructNode& n) {
  if (n.scope == HeaderScope::None && n.row_span == 1 && n.col_span == 1) return {};
  std::string a = "/A<</O/Table";
  if (n.scope != HeaderScope::None) a += n.scope == HeaderScope::Column ? "/Scope/Column" : "/Scope/Row";
  if (n.row_span > 1) {
    a += "/RowSpan ";
    append_uint(a, static_cast<std::uint64_t>(n.row_span));
  }
  if (n.col_span > 1) {
    a += "/ColSpan ";
    append_uint(a, static_cast<std::uint64_t>(n.col_span));
  }
  return a + ">>";
}

// One page's elements under `sect`: each node's /K is its MCIDs (in drawing order), its link
// annotations (OBJRs) and then its children (in the order compose made them, the reading order).
void add_page(Doc& doc, StructureTree& tree, const TaggedPage& tp, std::size_t sect, int struct_parents,
              std::vector<std::pair<HPDF_Dict, std::size_t>>& annots) {
  const auto& nodes = tp.structure->nodes;
  const std::uint32_t page_number = object_number(doc, tp.page);
  // Parents come before their children, so one pass in order makes every element's parent
  // first; /K entries are filled in the same order as before: MCIDs, OBJRs, children.
  const std::size_t base = tree.elements.size();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const compose::StructNode& n = nodes[i];
    StructureTree::Element e;
    e.type = struct_type(n.kind);
    e.parent = n.parent < 0 ? sect : base + static_cast<std::size_t>(n.parent);
    e.attributes = cell_attributes(n);
    tree.elements.push_back(std::move(e));
    if (n.parent < 0) tree.elements[sect].kids.push_back({StructureTree::Kid::Element, base + i});
  }
  for (std::size_t m = 0; m < tp.mcid_nodes.size(); ++m) {
    StructureTree::Element& e = tree.elements[base + static_cast<std::size_t>(tp.mcid_nodes[m])];
    e.page = page_number;
    e.mcids.push_back(static_cast<std::uint32_t>(m));
  }
  std::vector<std::vector<HPDF_Dict>> links(nodes.size());  // by node, in link order
  for (const auto& [annot, node] : tp.links) {
    if (node >= 0) links[static_cast<std::size_t>(node)].push_back(annot);
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (HPDF_Dict annot : links[i]) {
      tree.elements[base + i].kids.push_back({StructureTree::Kid::Annotation, object_number(doc, annot)});
      annots.emplace_back(annot, base + i);
      doc.check(HPDF_Dict_Add(annot, "Contents", utf16_text_string(doc, tp.structure->texts[i], kWhat)), kWhat);
    }
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].parent >= 0) {
      tree.elements[base + static_cast<std::size_t>(nodes[i].parent)].kids.push_back(
          {StructureTree::Kid::Element, base + i});
    }
  }
  // The parent tree's entry for this page: by MCID, the element it belongs to.
  std::vector<std::size_t> by_mcid;
  by_mcid.reserve(tp.mcid_nodes.size());
  for (int node : tp.mcid_nodes) by_mcid.push_back(base + static_cast<std::size_t>(node));
  tree.page_entries.push_back({struct_parents, std::move(by_mcid)});
  doc.check(HPDF_Dict_AddNumber(tp.page, "StructParents", struct_parents), kWhat);
  doc.check(HPDF_Dict_AddName(tp.page, "Tabs", "S"), kWhat);  // tab order follows the structure
}

}  // namespace

StructureTree write_structure_tree(Doc& doc, const std::vector<TaggedPage>& pages, const std::string& lang) {
  HPDF_Doc pdf = doc.get();
  StructureTree tree;
  // The root is a libharu object (the catalog refers to it); packing replaces its body.
  HPDF_Dict root = indirect(doc, HPDF_Dict_New(pdf->mmgr), kWhat);
  tree.root = object_number(doc, root);
  std::size_t node_count = 1;
  for (const TaggedPage& tp : pages) node_count += tp.structure->nodes.size() + 1;
  tree.elements.reserve(node_count);  // at most a Sect per page
  tree.elements.push_back({"Document", StructureTree::kRoot, 0, {}, {}, {}, true});

  std::optional<std::size_t> sect;
  std::vector<std::pair<HPDF_Dict, std::size_t>> annots;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (!sect || !pages[p].continues_slide) {
      sect = tree.elements.size();
      tree.elements.push_back({"Sect", 0, 0, {}, {}, {}, true});
      tree.elements[0].kids.push_back({StructureTree::Kid::Element, *sect});
    }
    add_page(doc, tree, pages[p], *sect, static_cast<int>(p), annots);
  }
  // Keys 0 … pages-1 are the pages'; the annotations follow.
  int key = static_cast<int>(pages.size());
  for (const auto& [annot, element] : annots) {
    doc.check(HPDF_Dict_AddNumber(annot, "StructParent", key), kWhat);
    tree.annotation_entries.push_back({key, element});
    ++key;
  }
  tree.next_key = key;

  HPDF_Dict catalog = pdf->catalog;
  HPDF_MMgr mmgr = pdf->mmgr;
  doc.check(HPDF_Dict_Add(catalog, "StructTreeRoot", root), kWhat);
  HPDF_Dict mark_info = doc.check_ptr(HPDF_Dict_New(mmgr), kWhat);
  doc.check(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE), kWhat);
  doc.check(HPDF_Dict_Add(catalog, "MarkInfo", mark_info), kWhat);
  doc.check(HPDF_Dict_Add(catalog, "Lang", doc.check_ptr(HPDF_String_New(mmgr, lang.c_str(), nullptr), kWhat)),
            kWhat);
  HPDF_Dict viewer = doc.check_ptr(HPDF_Dict_New(mmgr), kWhat);
  doc.check(HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE), kWhat);
  doc.check(HPDF_Dict_Add(catalog, "ViewerPreferences", viewer), kWhat);
  // Structure trees and /MarkInfo are PDF 1.3–1.4, /Tabs 1.5; PDF/UA-1 is built on 1.7.
  pdf->pdf_version = HPDF_VER_17;
  return tree;
}

TextObjects StructureTree::objects(std::uint32_t first) const {
  auto number = [&](std::size_t element) { return first + static_cast<std::uint64_t>(element); };
  TextObjects out;
  out.entries.reserve(elements.size() + 1);
  out.text.reserve(64 * (elements.size() + 1));
  std::string& body = out.text;
  std::size_t start = 0;

  body += "<</Type/StructTreeRoot/K ";
  append_ref(body, number(0));
  body += "/ParentTree<</Nums[";
  for (const auto& [key, by_mcid] : page_entries) {
    append_uint(body, static_cast<std::uint64_t>(key));
    body += '[';
    for (std::size_t k = 0; k < by_mcid.size(); ++k) {
      if (k > 0) body += ' ';
      append_ref(body, number(by_mcid[k]));
    }
    body += "]\n";
  }
  for (const auto& [key, element] : annotation_entries) {
    append_uint(body, static_cast<std::uint64_t>(key));
    body += ' ';
    append_ref(body, number(element));
    body += '\n';
  }
  body += "]>>/ParentTreeNextKey ";
  append_uint(body, static_cast<std::uint64_t>(next_key));
  body += ">>";
  out.add(root, start);

  for (std::size_t i = 0; i < elements.size(); ++i) {
    const Element& e = elements[i];
    start = body.size();
    body += "<</S/";
    body += e.type;
    body += "/P ";
    append_ref(body, e.parent == kRoot ? root : number(e.parent));
    body += e.attributes;
    if (!e.mcids.empty()) {
      body += "/Pg ";
      append_ref(body, e.page);
    }
    const std::size_t count = e.mcids.size() + e.kids.size();
    if (count == 1 && !e.mcids.empty()) {
      body += "/K ";
      append_uint(body, e.mcids.front());
    } else if (count > 0 || e.k_array) {
      body += "/K[";
      bool space = false;
      for (std::uint32_t m : e.mcids) {
        if (space) body += ' ';
        append_uint(body, m);
        space = true;
      }
      for (const Kid& kid : e.kids) {
        if (space) body += ' ';
        if (kid.kind == Kid::Element) {
          append_ref(body, number(kid.value));
        } else {
          body += "<</Type/OBJR/Obj ";
          append_ref(body, kid.value);
          body += ">>";
        }
        space = true;
      }
      body += ']';
    }
    body += ">>";
    out.add(static_cast<std::uint32_t>(number(i)), start);
  }
  return out;
}

}  // namespace plandeck::render_pdf::detail
