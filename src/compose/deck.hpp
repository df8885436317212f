// The composed deck: pages of positioned drawing primitives, ready to be drawn by a
// renderer that knows nothing of plans or layouts. Produced by compose/, drawn by render_pdf/.
//
// Units are PDF points (1/72 in). The origin is the page's top-left corner and y grows
// downwards (the renderer flips it). A text run's y is its baseline.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostics.hpp"

namespace plandeck::model {
struct TableRow;
}

namespace plandeck::compose {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b; }
};

// A font file used by the deck. Text runs refer to fonts by index into Deck::fonts.
struct FontFile {
  std::string path;  // TrueType file
};

// The logical structure of a page (the tagged PDF's structure tree): what each text run is,
// said by compose, which knows; renderers map it to their own format. Nodes are listed in
// reading order; a node's children follow their parent.
enum class StructKind {
  P,          // a paragraph
  H1,         // the slide's title bar
  H2,         // a heading (the slide's heading, a panel or section title, a table caption)
  L,          // a list
  LI,         // one item of a list: an Lbl and an LBody
  Lbl,        // the item's marker (・, ➤)
  LBody,      // the item's text (and a list nested in it)
  Table,
  TR,
  TH,         // a header cell: see StructNode::scope
  TD,
  TOC,        // the 目次's entries on one page
  TOCI,       // one entry
  Reference,  // a reference to another part of the document (a TOCI's text)
  Link,       // the text of a Link (Page::links names it)
};
enum class HeaderScope { None, Column, Row };

struct StructNode {
  StructKind kind = StructKind::P;
  int parent = -1;  // index in Page::structure; -1: the slide's section itself
  HeaderScope scope = HeaderScope::None;  // TH: the cells it heads
  int row_span = 1;                       // TH, TD: rows the cell spans
  int col_span = 1;                       // TH, TD: columns the cell spans
};

// TextRun::node values that are not nodes.
constexpr int kUntagged = -1;    // no hint (renderers make it a paragraph of the section)
constexpr int kArtifact = -2;    // decoration: not part of the text (leader dots)
constexpr int kPagination = -3;  // a page number, a running footer

// One run of text in one font, size and colour, drawn from (x, baseline y).
// `text` is UTF-8 and holds only characters the font has (compose splits runs by font).
struct TextRun {
  double x = 0, y = 0;
  std::size_t font = 0;
  double size = 10;
  Color color;
  std::string text;
  double width = 0;  // advance width as measured by compose (for checks and links)
  int box = -1;      // index in Page::boxes of the box it was laid out in (-1: none)
  int node = kUntagged;  // index in Page::structure, or kArtifact / kPagination
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double line_width = 0.5;
  double radius = 0;  // rounded corners when > 0
};

struct Line {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color color;
  double width = 0.5;
  double dash = 0;  // dash length, 0 = solid
};

// A filled polygon (arrow heads, chevrons).
struct Polygon {
  std::vector<std::pair<double, double>> points;
  Color fill;
};

using Shape = std::variant<Rect, Line, Polygon, TextRun>;

// A clickable area that jumps to another page (the 目次 entries).
struct Link {
  double x = 0, y = 0, w = 0, h = 0;
  std::size_t target_page = 0;  // 0-based
  int node = kUntagged;  // the structure node (a StructKind::Link) of the text it covers
};

// A box compose laid text out in (a cell, a panel, a list), recorded so that the layout
// audit (audit.hpp) can check the finished page without trusting the code that filled it.
// Boxes form a tree per page: a box must lie inside its parent, a top-level box inside the
// page's content area (or, when `footer`, inside the footer below it).
struct LaidBox {
  double x = 0, y = 0, w = 0, h = 0;
  diag::Message name;    // for people: 「取組結果」パネル2の項目 / results panel 2 items
  diag::SourceLoc loc;   // the plan text it shows
  int parent = -1;       // index in Page::boxes; -1: top level
  bool footer = false;   // a top-level box of the footer (the page number)
  bool text = true;      // holds text of its own: must not overlap another text box
};

struct Page {
  std::vector<Shape> shapes;  // drawn in order
  std::vector<Link> links;
  // Default member initializers keep `Page{shapes, links}` warning-free.
  std::vector<LaidBox> boxes{};  // what the audit checks; renderers ignore it
  std::string slide{};           // the slide's name in messages (title bar text)
  diag::SourceLoc loc{};         // the slide in the plan
  // The plan's result-detail table rows drawn on this page (not drawn by renderers): the
  // workbook's 一覧 names the page where each row can be found in the deck.
  // (A default initializer: pages written as {shapes, links} need not name it.)
  std::vector<const model::TableRow*> table_rows = {};
  // What the text runs are (TextRun::node). Shapes other than text are decoration.
  std::vector<StructNode> structure = {};
  // While compose draws: the node new text runs belong to (StructScope, structure.hpp).
  int cursor = kUntagged;
};

// Bookmark tree: sections, chapters and slides.
struct Outline {
  std::string title;
  std::size_t page = 0;  // 0-based
  std::vector<Outline> children;
};

struct DocInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string creator;  // "plandeck <version>"
};

struct Deck {
  double width = 842, height = 595;  // A4 landscape
  std::vector<FontFile> fonts;
  std::vector<Page> pages;
  std::vector<Outline> outline;
  DocInfo info;
};

}  // namespace plandeck::compose
