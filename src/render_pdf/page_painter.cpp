#include "render_pdf/page_painter.hpp"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <utility>

#include "text/utf8.hpp"

namespace plandeck::render_pdf::detail {

namespace utf8 = text::utf8;
using compose::Color;

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

// A coordinate or size in content-stream syntax: at most 3 decimals (1/1000 pt), no exponent,
// no trailing zeros, independent of the locale.
void append_number(std::string& out, double v) {
  char buf[48];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  char* end = res.ec == std::errc() ? res.ptr : buf;
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s.empty() || s == "-0") s = "0";
  out += s;
}

void append_hex4(std::string& out, std::uint16_t v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(v >> shift) & 0xF];
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
  if (open_) write("EMC\n");
  open_.reset();
}

// The element named in an error; built only when there is one (most shapes never fail).
std::string Painter::where() const {
  return "drawing " + shape_name(page_index_, shape_index_, *shape_);
}

// Operators written into the page's content stream directly (libharu's page object API:
// attr->stream). Marked content and text objects are opened and closed by us, so libharu's
// graphics-mode bookkeeping stays in "page description" and its drawing calls remain valid.
void Painter::write(const std::string& ops) {
  auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
  ok(HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                       static_cast<HPDF_UINT>(ops.size())));
}

void Painter::open_mark(const Mark& mark) {
  if (open_ && *open_ == mark.node) return;
  std::string ops = open_ ? "EMC\n" : "";
  if (mark.node >= 0) {
    ops += '/';
    ops += mark.tag;
    ops += " <</MCID " + std::to_string(mcid_nodes_.size()) + ">> BDC\n";
    mcid_nodes_.push_back(mark.node);
  } else if (mark.node == compose::kPagination) {
    ops += "/Artifact <</Type /Pagination>> BDC\n";
  } else {
    ops += "/Artifact BMC\n";
  }
  write(ops);
  open_ = mark.node;
}

void Painter::fill_color(const Color& c) {
  if (fill_ && *fill_ == c) return;
  ok(HPDF_Page_SetRGBFill(page_, r(c.r), r(c.g), r(c.b)));
  fill_ = c;
}

void Painter::stroke_color(const Color& c) {
  if (stroke_ && *stroke_ == c) return;
  ok(HPDF_Page_SetRGBStroke(page_, r(c.r), r(c.g), r(c.b)));
  stroke_ = c;
}

void Painter::line_width(double w) {
  if (width_ && *width_ == w) return;
  ok(HPDF_Page_SetLineWidth(page_, r(w)));
  width_ = w;
}

// libharu's dash pattern is integers (HPDF_UINT16): lengths are rounded to whole points.
void Painter::dash(double d) {
  const auto len = static_cast<HPDF_UINT16>(d > 0 ? std::max(1L, std::lround(d)) : 0);
  if (dash_ && *dash_ == len) return;
  if (len == 0) {
    ok(HPDF_Page_SetDash(page_, nullptr, 0, 0));
  } else {
    const HPDF_UINT16 pattern[1] = {len};
    ok(HPDF_Page_SetDash(page_, pattern, 1, 0));
  }
  dash_ = len;
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
    ok(HPDF_Page_Rectangle(page_, r(x0), r(y0), r(x1 - x0), r(y1 - y0)));
  } else {
    // Quarter circles as cubic Béziers: control points at k*rad from the corner tangents.
    const double k = 0.5522847498 * rad;
    ok(HPDF_Page_MoveTo(page_, r(x0 + rad), r(y0)));
    ok(HPDF_Page_LineTo(page_, r(x1 - rad), r(y0)));
    ok(HPDF_Page_CurveTo(page_, r(x1 - rad + k), r(y0), r(x1), r(y0 + rad - k), r(x1),
                         r(y0 + rad)));
    ok(HPDF_Page_LineTo(page_, r(x1), r(y1 - rad)));
    ok(HPDF_Page_CurveTo(page_, r(x1), r(y1 - rad + k), r(x1 - rad + k), r(y1), r(x1 - rad),
                         r(y1)));
    ok(HPDF_Page_LineTo(page_, r(x0 + rad), r(y1)));
    ok(HPDF_Page_CurveTo(page_, r(x0 + rad - k), r(y1), r(x0), r(y1 - rad + k), r(x0),
                         r(y1 - rad)));
    ok(HPDF_Page_LineTo(page_, r(x0), r(y0 + rad)));
    ok(HPDF_Page_CurveTo(page_, r(x0), r(y0 + rad - k), r(x0 + rad - k), r(y0), r(x0 + rad),
                         r(y0)));
    ok(HPDF_Page_ClosePath(page_));
  }
  if (rc.fill && rc.stroke) {
    ok(HPDF_Page_FillStroke(page_));
  } else if (rc.fill) {
    ok(HPDF_Page_Fill(page_));
  } else {
    ok(HPDF_Page_Stroke(page_));
  }
}

void Painter::draw_one(const compose::Line& ln) {
  stroke_color(ln.color);
  line_width(ln.width);
  dash(ln.dash);
  ok(HPDF_Page_MoveTo(page_, r(ln.x1), r(h_ - ln.y1)));
  ok(HPDF_Page_LineTo(page_, r(ln.x2), r(h_ - ln.y2)));
  ok(HPDF_Page_Stroke(page_));
}

void Painter::draw_one(const compose::Polygon& pg) {
  fill_color(pg.fill);
  ok(HPDF_Page_MoveTo(page_, r(pg.points[0].first), r(h_ - pg.points[0].second)));
  for (std::size_t i = 1; i < pg.points.size(); ++i) {
    ok(HPDF_Page_LineTo(page_, r(pg.points[i].first), r(h_ - pg.points[i].second)));
  }
  ok(HPDF_Page_ClosePath(page_));
  ok(HPDF_Page_Fill(page_));
}

// Not HPDF_Page_ShowText: ShowText needs a font built by libharu's font layer and converts
// UTF-8 through its encoder, which knows only UTF-16 code units. Our fonts are shown by glyph
// id (2-byte hex strings, Identity-H), which covers every plane.
void Painter::draw_one(const compose::TextRun& t) {
  fill_color(t.color);
  const FontSlot* font = t.font < fonts_.size() ? fonts_[t.font] : nullptr;
  if (font == nullptr || font->font == nullptr) doc_.check(false, where() + ": font not embedded");
  ops_.clear();
  ops_ += "BT\n";
  // Tf is graphics state: it outlives the text object, so an unchanged font is not repeated.
  if (font_index_ != t.font || font_size_ != t.size) {
    const char* name = HPDF_Page_GetLocalFontName(page_, font->font);
    if (name == nullptr) doc_.check(false, where());
    ops_ += '/';
    ops_ += name;
    ops_ += ' ';
    append_number(ops_, t.size);
    ops_ += " Tf\n";
    font_index_ = t.font;
    font_size_ = t.size;
  }
  append_number(ops_, t.x);
  ops_ += ' ';
  append_number(ops_, h_ - t.y);
  ops_ += " Td\n<";
  for (std::size_t i = 0; i < t.text.size();) {
    const char32_t cp = utf8::next(t.text, i);
    const auto it = font->glyph_of.find(cp);
    if (it == font->glyph_of.end()) {
      doc_.check(false, where() + ": " + utf8::describe(cp) + " not in font");
    }
    append_hex4(ops_, it->second);
  }
  ops_ += "> Tj\nET\n";
  write(ops_);
}

}  // namespace plandeck::render_pdf::detail
