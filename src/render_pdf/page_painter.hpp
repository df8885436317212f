// Internal: drawing one composed page into its libharu page, inside marked content.
//
// The page's operators are written by us into one buffer (libharu's drawing calls format each
// number in a zeroed 512-byte buffer and copy it into the page stream byte by byte); numbers are
// formatted by libharu's own HPDF_FToA, so the operators are byte for byte what its drawing
// calls write. Text is shown as glyph ids of our own fonts.
// Every shape is drawn inside a marked-content sequence: text of a structure element as
// `/P <</MCID n>> BDC … EMC` (n counted per page), everything else as `/Artifact BMC … EMC`.
// Consecutive shapes with the same mark share one sequence.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compose/deck.hpp"
#include "render_pdf/hpdf_session.hpp"

namespace plandeck::render_pdf::detail {

// "page 3", and a shape named for an error: `page 3, shape 12 (text run "…")`.
std::string page_name(std::size_t page);
std::string excerpt(const std::string& text);
std::string shape_name(std::size_t page, std::size_t shape, const compose::Shape& s);

// One font file as loaded into the PDF (deck fonts with the same path share one).
struct FontSlot {
  std::string path;
  std::vector<char32_t> code_points;  // drawn with this font: ascending, each once
  // By code point (parallel to code_points): the shape that first draws it (page index,
  // shape index), named with shape_name only for an error.
  std::vector<std::pair<std::size_t, std::size_t>> first_use;
  HPDF_Dict font = nullptr;                    // the Type0 font dictionary
  std::map<char32_t, std::uint16_t> glyph_of;  // code point -> glyph id (= CID) in the subset
  // glyph_of for the Basic Multilingual Plane as a two-level table (blocks of 256 code points,
  // only those used; 0: not in the font, glyph 0 is never used): the painter looks up every
  // character drawn.
  std::vector<std::vector<std::uint16_t>> bmp_blocks;

  // The glyph of `cp`, or 0 when the font does not have it.
  std::uint16_t glyph(char32_t cp) const {
    if (cp < 0x10000) {
      const std::size_t block = cp >> 8;
      return block < bmp_blocks.size() && !bmp_blocks[block].empty() ? bmp_blocks[block][cp & 0xFF] : 0;
    }
    const auto it = glyph_of.find(cp);
    return it == glyph_of.end() ? 0 : it->second;
  }
  // Fills bmp_blocks from glyph_of.
  void index_glyphs();
};

// How a shape is marked: the structure element its text belongs to, or an artifact.
struct Mark {
  int node = compose::kArtifact;  // a node index (>= 0), compose::kArtifact or kPagination
  const char* tag = nullptr;      // the element's structure type (e.g. "TD") for node >= 0
};

// Tracks the graphics state written so far on one page so that unchanged colours and widths
// are not repeated for every shape, and the marked-content sequence that is open.
class Painter {
 public:
  // `fonts`: by deck font index, the slot it is drawn with (nullptr when it draws nothing).
  Painter(Doc& doc, HPDF_Page page, double page_height, std::vector<const FontSlot*> fonts)
      : doc_(doc), page_(page), h_(page_height), fonts_(std::move(fonts)) {
    ops_.reserve(16384);
  }

  void draw(const compose::Shape& shape, const Mark& mark, std::size_t page_index,
            std::size_t shape_index);
  // Closes the open marked-content sequence; call once after the page's last shape.
  void finish();
  // The page's content stream (complete after finish()).
  const std::string& contents() const { return ops_; }
  // By MCID: the node whose text it marks (the page's entries of the parent tree).
  const std::vector<int>& mcid_nodes() const { return mcid_nodes_; }

 private:
  std::string where() const;
  void ok(HPDF_STATUS st) {
    if (st != HPDF_OK || doc_.failed()) doc_.check(st, where());
  }
  void number(double v);
  void open_mark(const Mark& mark);

  void fill_color(const compose::Color& c);
  void stroke_color(const compose::Color& c);
  void color_operator(const compose::Color& c, const char* op);  // "r g b" and the operator
  void line_width(double w);
  void dash(double d);
  void point(double x, double y);
  void move_to(double x, double y);
  void line_to(double x, double y);
  void curve_to(double x1, double y1, double x2, double y2, double x3, double y3);

  void draw_one(const compose::Rect& rc);
  void draw_one(const compose::Line& ln);
  void draw_one(const compose::Polygon& pg);
  void draw_one(const compose::TextRun& t);

  Doc& doc_;
  HPDF_Page page_;
  double h_;
  std::vector<const FontSlot*> fonts_;
  std::string ops_;  // the page's operators
  const compose::Shape* shape_ = nullptr;
  std::size_t page_index_ = 0, shape_index_ = 0;
  std::optional<compose::Color> fill_, stroke_;
  std::optional<double> width_;
  std::optional<HPDF_UINT16> dash_;
  std::optional<std::size_t> font_index_;
  double font_size_ = 0;
  std::optional<int> open_;        // the node (or artifact kind) of the open sequence
  std::vector<int> mcid_nodes_;
};

}  // namespace plandeck::render_pdf::detail
