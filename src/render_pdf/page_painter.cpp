#include "render_pdf/page_painter.hpp"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <utility>

#include "render_pdf/pdf_numbers.hpp"
#include "text/utf8.hpp"

namespace plandeck::render_pdf::detail {

namespace utf8 = text::utf8;
using compose::Color;

void FontSlot::index_glyphs() {
  bmp_blocks.assign(256, {});
  for (const auto& [cp, gid] : glyph_of) {
    if (cp >= 0x10000) break;  // ascending: the rest is above the BMP too
    auto& block = bmp_blocks[cp >> 8];
    if (block.empty()) block.assign(256, 0);
    block[cp & 0xFF] = gid;
  }
}

std::string page_name(std::size_t page) {
  return "page " + std::to_string(page + 1);
}

std::string excerpt(const std::string& text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

namespace {

const char* shape_kind(const compose::Shape& s) {
  switch (s.index()) {
    case 0:
      return "rect";
    case 1:
      return "line";
    case 2:
      return "polygon";
    default:
      return "text run";
  }
}

HPDF_REAL r(double v) {
  return static_cast<HPDF_REAL>(v);
}

// A shape that puts no mark on the page (it needs no marked-content sequence).
bool draws_nothing(const compose::Shape& shape) {
  if (const auto* rc = std::get_if<compose::Rect>(&shape)) return !rc->fill && !rc->stroke;
  if (const auto* t = std::get_if<compose::TextRun>(&shape)) return t->text.empty();
  return false;
}

}  // namespace

std::string shape_name(std::size_t page, std::size_t shape, const compose::Shape& s) {
  std::string out = page_name(page) + ", shape " + std::to_string(shape + 1) + " (" + shape_kind(s);
  if (const auto* run = std::get_if<compose::TextRun>(&s)) {
    out += " \"" + excerpt(run->text) + "\"";
  }
  return out + ")";
}

void Painter::draw(const compose::Shape& shape, const Mark& mark, std::size_t page_index,
                   std::size_t shape_index) {
  shape_ = &shape;
  page_index_ = page_index;
  shape_index_ = shape_index;
  if (draws_nothing(shape)) return;
  open_mark(mark);
  std::visit([this](const auto& s) { this->draw_one(s); }, shape);
}

void Painter::finish() {
  if (open_) ops_ += "EMC\n";
  open_.reset();
}

// The element named in an error; built only when there is one (most shapes never fail).
std::string Painter::where() const {
  return "drawing " + shape_name(page_index_, shape_index_, *shape_);
}

// A number as libharu's drawing calls write it (pdf_numbers.hpp), from the value as an
// HPDF_REAL (float) like their parameters.
void Painter::number(double v) {
  append_hpdf_real(ops_, r(v));
}

void Painter::open_mark(const Mark& mark) {
  if (open_ && *open_ == mark.node) return;
  if (open_) ops_ += "EMC\n";
  if (mark.node >= 0) {
    ops_ += '/';
    ops_ += mark.tag;
    ops_ += " <</MCID ";
    ops_ += std::to_string(mcid_nodes_.size());
    ops_ += ">> BDC\n";
    mcid_nodes_.push_back(mark.node);
  } else if (mark.node == compose::kPagination) {
    ops_ += "/Artifact <</Type /Pagination>> BDC\n";
  } else {
    ops_ += "/Artifact BMC\n";
  }
  open_ = mark.node;
}

// Colours are 0..1 and line widths 0..100 (validate_and_collect checked them), the ranges
// HPDF_Page_SetRGBFill / SetRGBStroke / SetLineWidth accept.
void Painter::fill_color(const Color& c) {
  if (fill_ && *fill_ == c) return;
  color_operator(c, " rg\n");
  fill_ = c;
}

void Painter::stroke_color(const Color& c) {
  if (stroke_ && *stroke_ == c) return;
  color_operator(c, " RG\n");
  stroke_ = c;
}

void Painter::color_operator(const Color& c, const char* op) {
  number(c.r);
  ops_ += ' ';
  number(c.g);
  ops_ += ' ';
  number(c.b);
  ops_ += op;
}

void Painter::line_width(double w) {
  if (width_ && *width_ == w) return;
  // HPDF_Page_SetLineWidth writes through HPDF_Stream_WriteReal, whose buffer holds 12
  // characters: the longest number HPDF_FToA writes ("-32767.99999"), so none is cut.
  number(w);
  ops_ += " w\n";
  width_ = w;
}

// libharu's dash pattern is integers (HPDF_UINT16): lengths are rounded to whole points.
void Painter::dash(double d) {
  const auto len = static_cast<HPDF_UINT16>(d > 0 ? std::max(1L, std::lround(d)) : 0);
  if (dash_ && *dash_ == len) return;
  if (len > HPDF_MAX_DASH_PATTERN) {
    // Refused by libharu: let it raise its own error ("value out of range"), as it always has.
    const HPDF_UINT16 pattern[1] = {len};
    ok(HPDF_Page_SetDash(page_, pattern, 1, 0));
    doc_.check(false, where());
  }
  if (len == 0) {
    ops_ += "[] 0 d\n";
  } else {
    ops_ += '[';
    ops_ += std::to_string(len);
    ops_ += "] 0 d\n";
  }
  dash_ = len;
}

// Path operators: "x y m", "x y l", "x1 y1 x2 y2 x3 y3 c", "x y w h re" as libharu writes them.
void Painter::point(double x, double y) {
  number(x);
  ops_ += ' ';
  number(y);
}

void Painter::move_to(double x, double y) {
  point(x, y);
  ops_ += " m\n";
}

void Painter::line_to(double x, double y) {
  point(x, y);
  ops_ += " l\n";
}

void Painter::curve_to(double x1, double y1, double x2, double y2, double x3, double y3) {
  point(x1, y1);
  ops_ += ' ';
  point(x2, y2);
  ops_ += ' ';
  point(x3, y3);
  ops_ += " c\n";
}

void Painter::draw_one(const compose::Rect& rc) {
  double x0 = std::min(rc.x, rc.x + rc.w), x1 = std::max(rc.x, rc.x + rc.w);
  double top = std::min(rc.y, rc.y + rc.h), bottom = std::max(rc.y, rc.y + rc.h);
  const double y0 = h_ - bottom, y1 = h_ - top;  // PDF: y up
  if (rc.fill) fill_color(*rc.fill);
  if (rc.stroke) {
    stroke_color(*rc.stroke);
    line_width(rc.line_width);
    dash(0);
  }
  const double rad = std::min({rc.radius, (x1 - x0) / 2, (y1 - y0) / 2});
  if (rad <= 0) {
    point(x0, y0);
    ops_ += ' ';
    point(x1 - x0, y1 - y0);
    ops_ += " re\n";
  } else {
    // Quarter circles as cubic Béziers: control points at k*rad from the corner tangents.
    const double k = 0.5522847498 * rad;
    move_to(x0 + rad, y0);
    line_to(x1 - rad, y0);
    curve_to(x1 - rad + k, y0, x1, y0 + rad - k, x1, y0 + rad);
    line_to(x1, y1 - rad);
    curve_to(x1, y1 - rad + k, x1 - rad + k, y1, x1 - rad, y1);
    line_to(x0 + rad, y1);
    curve_to(x0 + rad - k, y1, x0, y1 - rad + k, x0, y1 - rad);
    line_to(x0, y0 + rad);
    curve_to(x0, y0 + rad - k, x0 + rad - k, y0, x0 + rad, y0);
    ops_ += "h\n";
  }
  if (rc.fill && rc.stroke) {
    ops_ += "B\n";
  } else if (rc.fill) {
    ops_ += "f\n";
  } else {
    ops_ += "S\n";
  }
}

void Painter::draw_one(const compose::Line& ln) {
  stroke_color(ln.color);
  line_width(ln.width);
  dash(ln.dash);
  move_to(ln.x1, h_ - ln.y1);
  line_to(ln.x2, h_ - ln.y2);
  ops_ += "S\n";
}

void Painter::draw_one(const compose::Polygon& pg) {
  fill_color(pg.fill);
  move_to(pg.points[0].first, h_ - pg.points[0].second);
  for (std::size_t i = 1; i < pg.points.size(); ++i) {
    line_to(pg.points[i].first, h_ - pg.points[i].second);
  }
  ops_ += "h\nf\n";
}

// Not HPDF_Page_ShowText: ShowText needs a font built by libharu's font layer and converts
// UTF-8 through its encoder, which knows only UTF-16 code units. Our fonts are shown by glyph
// id (2-byte hex strings, Identity-H), which covers every plane.
void Painter::draw_one(const compose::TextRun& t) {
  fill_color(t.color);
  const FontSlot* font = t.font < fonts_.size() ? fonts_[t.font] : nullptr;
  if (font == nullptr || font->font == nullptr) doc_.check(false, where() + ": font not embedded");
  ops_ += "BT\n";
  // Tf is graphics state: it outlives the text object, so an unchanged font is not repeated.
  if (font_index_ != t.font || font_size_ != t.size) {
    const char* name = HPDF_Page_GetLocalFontName(page_, font->font);
    if (name == nullptr) doc_.check(false, where());
    ops_ += '/';
    ops_ += name;
    ops_ += ' ';
    append_fixed3(ops_, t.size);
    ops_ += " Tf\n";
    font_index_ = t.font;
    font_size_ = t.size;
  }
  append_fixed3(ops_, t.x);
  ops_ += ' ';
  append_fixed3(ops_, h_ - t.y);
  ops_ += " Td\n<";
  // Four hex digits per character, written in place: room for the most characters the
  // text's bytes can hold, cut back to what was written.
  static constexpr char kDigits[] = "0123456789ABCDEF";
  const std::size_t start = ops_.size();
  ops_.resize(start + 4 * t.text.size());
  char* out = ops_.data() + start;
  for (std::size_t i = 0; i < t.text.size();) {
    const char32_t cp = utf8::next(t.text, i);
    const std::uint16_t gid = font->glyph(cp);
    if (gid == 0) doc_.check(false, where() + ": " + utf8::describe(cp) + " not in font");
    out[0] = kDigits[gid >> 12];
    out[1] = kDigits[(gid >> 8) & 0xF];
    out[2] = kDigits[(gid >> 4) & 0xF];
    out[3] = kDigits[gid & 0xF];
    out += 4;
  }
  ops_.resize(static_cast<std::size_t>(out - ops_.data()));
  ops_ += "> Tj\nET\n";
}

}  // namespace plandeck::render_pdf::detail
