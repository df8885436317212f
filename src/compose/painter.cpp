#include "compose/painter.hpp"

#include "compose/table.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "text/coverage.hpp"
#include "text/font.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace plandeck::compose::detail {

Ctx::Ctx(const spec::Layout& l, const text::FontChainMeasurer& f, diag::Diagnostics& d,
         const diag::SourceMap* s)
    : layout(l), fonts(f), diags(d), sources(s),
      tables(make_table_cache()), paragraphs(std::make_shared<text::ParagraphCache>(f)),
      normalized(std::make_shared<std::unordered_map<const std::string*, NormalizedRun>>()) {
  // Deck::fonts: the regular chain, then the strong chain, each file once, in layout order.
  file_of.resize(2);
  for (int style = 0; style < 2; ++style) {
    for (const text::Font* font : fonts.chain(style)) {
      std::size_t index = files.size();
      for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].path == font->path()) index = i;
      }
      if (index == files.size()) files.push_back(FontFile{font->path()});
      file_of[static_cast<std::size_t>(style)].push_back(index);
    }
  }
}

Ctx::Ctx(const Ctx& other, diag::Diagnostics& d)
    : layout(other.layout), fonts(other.fonts), diags(d), sources(other.sources), files(other.files),
      file_of(other.file_of), tables(other.tables), paragraphs(other.paragraphs),
      normalized(other.normalized), scale(other.scale), pages_discarded(other.pages_discarded) {}

std::vector<text::StyledRun> runs(const model::RichText& t, bool all_strong) {
  std::vector<text::StyledRun> out;
  for (const model::Run& r : t.runs) {
    if (r.text.empty()) continue;
    out.push_back({text::normalize(r.text).text, (r.strong || all_strong) ? text::kStrong : text::kRegular});
  }
  return out;
}

std::vector<text::StyledRun> runs(const Ctx& c, const model::RichText& t, bool all_strong) {
  std::vector<text::StyledRun> out;
  out.reserve(t.runs.size());
  for (const model::Run& r : t.runs) {
    if (r.text.empty()) continue;
    Ctx::NormalizedRun& known = (*c.normalized)[&r.text];
    if (known.source != r.text) known = {r.text, text::normalize(r.text).text};  // new (r.text is not empty)
    out.push_back({known.text, (r.strong || all_strong) ? text::kStrong : text::kRegular});
  }
  return out;
}

std::vector<text::StyledRun> runs(const std::string& utf8, int style) {
  if (utf8.empty()) return {};
  return {text::StyledRun{text::normalize(utf8).text, style}};
}

std::vector<text::StyledRun> concat(std::vector<text::StyledRun> a,
                                    const std::vector<text::StyledRun>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

text::BoxParagraph para(std::vector<text::StyledRun> r, double indent_em) {
  text::BoxParagraph p;
  p.runs = std::move(r);
  p.indent_em = indent_em;
  return p;
}

void add_items(const Ctx& c, std::vector<text::BoxParagraph>& out,
               const std::vector<model::Item>& items, int depth, double base_indent_em,
               const std::vector<std::string>* marker_list) {
  add_items(c, out, items.data(), items.data() + items.size(), depth, base_indent_em, marker_list);
}

void add_items(const Ctx& c, std::vector<text::BoxParagraph>& out, const model::Item* first,
               const model::Item* last, int depth, double base_indent_em,
               const std::vector<std::string>* marker_list) {
  const auto& markers = marker_list ? *marker_list : c.layout.text.markers;
  for (const model::Item* it = first; it != last; ++it) {
    const model::Item& item = *it;
    text::BoxParagraph p = para(runs(c, item.text), base_indent_em + depth * c.layout.text.indent_em);
    std::string marker;
    if (item.marker) {
      marker = *item.marker;
    } else if (!markers.empty()) {
      marker = markers[std::min(static_cast<std::size_t>(depth), markers.size() - 1)];
    }
    p.marker = text::utf8::to_u32(marker);
    out.push_back(std::move(p));
    add_items(c, out, item.items, depth + 1, base_indent_em, &markers);
  }
}

Paint body_paint(const Ctx& c) {
  return Paint{color(c.layout.palette.text), color(c.layout.palette.accent)};
}

Paint plain_paint(const Color& all) { return Paint{all, all}; }

namespace {

text::BoxSpec box_spec(const Ctx& c, double w, double h, bool spaced) {
  text::BoxSpec spec;
  spec.width_pt = w;
  spec.height_pt = h;
  spec.line_height = c.line_height();
  spec.step = c.layout.text.step;
  spec.paragraph_spacing_em = spaced ? c.layout.text.paragraph_spacing_em : 0;
  spec.marker_gap_em = c.layout.text.marker_gap_em;
  spec.hanging = false;
  spec.balance = c.layout.text.balance;
  spec.balance_floor = c.layout.text.balance_floor;
  return spec;
}

}  // namespace

text::FitResult measure(const Ctx& c, const std::vector<text::BoxParagraph>& ps, double w,
                        double size, bool spaced, bool balance) {
  text::BoxSpec spec = box_spec(c, w, 1e9, spaced);
  spec.balance = spec.balance && balance;
  spec.max_size = size;
  spec.min_size = size;
  return text::layout_box(text::PreparedBox(ps, *c.paragraphs), spec, size);
}

text::FitResult measure(const Ctx& c, const text::PreparedBox& ps, double w, double size,
                        bool spaced, bool balance) {
  text::BoxSpec spec = box_spec(c, w, 1e9, spaced);
  spec.balance = spec.balance && balance;
  spec.max_size = size;
  spec.min_size = size;
  return text::layout_box(ps, spec, size);
}

text::BoxCount count(const Ctx& c, const text::PreparedBox& ps, double w, double size, bool spaced) {
  text::BoxSpec spec = box_spec(c, w, 1e9, spaced);
  spec.balance = false;
  spec.max_size = size;
  spec.min_size = size;
  return text::count_box(ps, spec, size);
}

text::BreakTally tally(const Ctx& c, const text::PreparedBox& ps, double w, double size, bool spaced) {
  text::BoxSpec spec = box_spec(c, w, 1e9, spaced);
  spec.balance = false;
  spec.max_size = size;
  spec.min_size = size;
  return text::tally_breaks(ps, spec, size);
}

text::FitResult fit(const Ctx& c, const std::vector<text::BoxParagraph>& ps, double w, double h,
                    const spec::SizeRange& range, bool spaced) {
  text::BoxSpec spec = box_spec(c, w, h, spaced);
  spec.max_size = range.max;
  spec.min_size = range.min;
  return text::fit_box(text::PreparedBox(ps, *c.paragraphs), spec);
}

double first_baseline(const Ctx& c, double size) {
  return ((c.line_height() - 1) / 2 + c.layout.text.ascent) * size;
}

double text_width(const Ctx& c, const std::u32string& s, int style, double size) {
  long units = 0;
  for (char32_t cp : s) units += c.fonts.width(cp, style);
  return static_cast<double>(units) * size / 1000.0;
}

namespace {

// Ⅰ (U+2160) sits in a full em in BIZ UDPGothic, its one stroke in the middle: beside Ⅱ or
// a figure it reads as "Ⅰ -1". With text.trim_numeral_one it is drawn like a proportional
// letter: its box starts kLead em later and ends kTail em after its stroke.
constexpr char32_t kNumeralOne = U'\u2160';
constexpr double kInkFrom = 0.31, kInkTo = 0.60;  // its stroke, in em of its advance
constexpr double kLead = 0.08, kTail = 0.08;      // side bearings it is given instead

}  // namespace

double draw_line(Page& page, const Ctx& c, const std::u32string& s, int style, double size,
                 double x, double baseline, const Color& col) {
  const auto& files = c.file_of[static_cast<std::size_t>(style == text::kStrong ? 1 : 0)];
  const bool trim_one = c.layout.text.trim_numeral_one;
  double start = x;
  std::size_t i = 0;
  std::u32string piece;
  while (i < s.size()) {
    text::FontChainMeasurer::Glyph g = c.fonts.glyph(s[i], style);
    const int font = g.font;
    const bool one = trim_one && s[i] == kNumeralOne && g.width == 1000;
    std::size_t j = i;
    piece.clear();
    long units = 0;
    while (true) {
      piece += g.drawn;
      units += g.width;
      if (++j == s.size() || one) break;
      g = c.fonts.glyph(s[j], style);
      if (g.font != font || (trim_one && s[j] == kNumeralOne)) break;
    }
    double width = static_cast<double>(units) * size / 1000.0;
    double origin = x;
    if (one) {  // drawn kInkFrom - kLead em earlier; the next character follows kTail after
      origin = x - (kInkFrom - kLead) * size;
      width = (kInkTo + kTail - kInkFrom + kLead) * size;
    }
    // A run of blanks draws nothing; keep the page free of invisible runs.
    if (piece.find_first_not_of(U" \u3000") != std::u32string::npos) {
      std::size_t file = files.empty() ? 0 : files[static_cast<std::size_t>(std::max(font, 0))];
      TextRun run;
      run.x = origin;
      run.y = baseline;
      run.font = file;
      run.size = size;
      run.color = col;
      run.text = text::utf8::encode(piece);
      run.width = one ? (kInkTo + kTail) * size : width;
      run.node = page.cursor;
      page.shapes.push_back(std::move(run));
    }
    x += width;
    i = j;
  }
  return x - start;
}

void draw(Page& page, const Ctx& c, const text::FitResult& r, double x, double y, double w,
          const Paint& paint, Align align) {
  if (c.pages_discarded) return;
  const double base = first_baseline(c, r.size);
  const bool direct = holds_text(page);
  const int outer = page.cursor;  // when not `direct`: the section (kUntagged) or a grouping node
  struct OpenList {
    double marker_x;
    int list;
    int body = -1;  // the LBody of its last item: a deeper list nests there
  };
  std::vector<OpenList> lists;  // nested lists open at this point, outermost first
  for (const text::PlacedParagraph& p : r.paragraphs) {
    if (p.lines.empty()) continue;  // draws nothing
    const bool item = !p.marker.empty();
    int body = outer;
    if (!direct && item) {
      while (!lists.empty() && lists.back().marker_x > p.marker_x + 1e-6) lists.pop_back();
      if (lists.empty() || lists.back().marker_x < p.marker_x - 1e-6) {
        const int parent = lists.empty() ? outer : lists.back().body;
        lists.push_back({p.marker_x, add_node(page, StructKind::L, parent)});
      }
      const int li = add_node(page, StructKind::LI, lists.back().list);
      page.cursor = add_node(page, StructKind::Lbl, li);
      body = add_node(page, StructKind::LBody, li);
      lists.back().body = body;
    } else if (!direct) {
      lists.clear();
      body = add_node(page, StructKind::P, outer);
    }
    if (item) {
      draw_line(page, c, p.marker, p.marker_style, r.size, x + p.marker_x, y + p.lines[0].y + base,
                p.marker_style == text::kStrong ? paint.strong : paint.text);
    }
    page.cursor = body;
    for (const text::PlacedLine& pl : p.lines) {
      double lx = x + pl.x;
      if (align == Align::Center) lx = x + std::max(0.0, (w - pl.line->width) / 2);
      if (align == Align::Right) lx = x + std::max(0.0, w - pl.line->width);
      for (const text::Fragment& f : pl.line->fragments) {
        draw_line(page, c, f.text, f.style, r.size, lx, y + pl.y + base,
                  f.style == text::kStrong ? paint.strong : paint.text);
        lx += f.width;
      }
    }
    page.cursor = outer;
  }
}

void rect(Page& page, double x, double y, double w, double h, std::optional<Color> fill,
          std::optional<Color> stroke, double line_width) {
  Rect r;
  r.x = x;
  r.y = y;
  r.w = w;
  r.h = h;
  r.fill = fill;
  r.stroke = stroke;
  r.line_width = line_width;
  page.shapes.push_back(r);
}

void line(Page& page, double x1, double y1, double x2, double y2, const Color& col, double width) {
  Line l;
  l.x1 = x1;
  l.y1 = y1;
  l.x2 = x2;
  l.y2 = y2;
  l.color = col;
  l.width = width;
  page.shapes.push_back(l);
}

void report(const Ctx& c, const std::string& slide, const Overflow& o, double size) {
  std::string sz = diag::points(size);
  if (o.over <= 0.05 && o.forced > 0 && o.link_forced >= o.forced) {
    // Only addresses are cut: they are printed whole across the break (the reader joins the
    // parts), so the deck is published, with a warning (--werror refuses it).
    // A code of its own: the one derived from the wording would be "slide", as for overflows.
    c.diags.add(diag::Diagnostic(
        diag::Severity::Warning, o.loc,
        {"スライド「" + slide + "」の " + o.box +
             " の URL またはメールアドレスが枠の幅に収まらないため、途中で改行して表示します（最小 " + sz + "pt）",
         "slide \"" + slide + "\": a URL or e-mail address in " + o.box +
             " is wider than its box and is broken across lines (at the minimum size " + sz + " pt)"},
        diag::Message{"短い URL を使うか、列や枠を広くしてください", "use a shorter URL, or widen the column or box"},
        "address-broken-across-lines"));
    return;
  }
  diag::Message msg;
  if (o.over > 0.05) {
    std::string over = diag::points(o.over);
    msg.ja = "スライド「" + slide + "」の " + o.box + " が枠に収まりません（最小 " + sz +
             "pt でも高さが " + over + "pt 超過）";
    msg.en = "slide \"" + slide + "\": " + o.box + " does not fit its box (" + over +
             " pt too tall at the minimum size " + sz + " pt)";
  } else {
    msg.ja = "スライド「" + slide + "」の " + o.box + " に枠の幅に収まらない語があります（最小 " +
             sz + "pt）";
    msg.en = "slide \"" + slide + "\": " + o.box + " has a word wider than its box (at the minimum size " +
             sz + " pt)";
  }
  diag::Message hint{"文を短くするか、項目を分けるか、スライドを分けてください",
                     "shorten the text, split the item, or split the slide"};
  c.diags.error(o.loc, msg, hint);
}

namespace {

diag::SourceLoc locate_char(const Ctx& c, const diag::SourceLoc& scalar, char32_t cp) {
  if (!c.sources || !scalar.known()) return scalar;
  // Through the file's line index, and within a window: many missing characters in a
  // large file must not each rescan it.
  const diag::LineIndex* lines = c.sources->index(scalar.file);
  if (!lines || static_cast<std::size_t>(scalar.line) > lines->line_count()) return scalar;
  std::size_t from = lines->column_offset(static_cast<std::size_t>(scalar.line - 1), scalar.col);
  std::string needle;
  text::utf8::append(needle, cp);
  std::string_view window = lines->text().substr(from, 100000);
  std::size_t at = window.find(needle);
  if (at == std::string_view::npos) return scalar;
  return lines->locate(scalar.file, from + at);
}

std::string chain_names(const Ctx& c, int style) {
  std::string s;
  for (const text::Font* f : c.fonts.chain(style)) {
    std::string p = f->path();
    std::size_t slash = p.find_last_of('/');
    s += (s.empty() ? "" : ", ") + (slash == std::string::npos ? p : p.substr(slash + 1));
  }
  return s;
}

void report_missing(const Ctx& c, const text::MissingGlyph& m, const diag::SourceLoc& loc,
                    int style) {
  std::string what = text::describe_missing(m);
  std::string names = chain_names(c, style);
  c.diags.error(loc,
                {what + " を描けるフォントがありません（" + names + "）",
                 "no font of the layout can draw " + what + " (" + names + ")"},
                diag::Message{"文字を置き換えるか、その文字を含むフォントをレイアウトの fonts に加えてください",
                              "replace the character, or add a font that has it to the layout's fonts"});
}

}  // namespace

void check_coverage(const Ctx& c, const model::Plan& plan) {
  for (const model::RichText* t : model::all_texts(plan)) {
    std::set<char32_t> seen;
    for (const model::Run& r : t->runs) {
      int style = r.strong ? text::kStrong : text::kRegular;
      for (const text::MissingGlyph& m :
           text::missing_glyphs(c.fonts, text::utf8::to_u32(r.text), style)) {
        if (!seen.insert(m.code_point).second) continue;
        report_missing(c, m, locate_char(c, t->loc, m.code_point), style);
      }
    }
  }
  std::set<char32_t> seen;
  std::vector<std::string> layout_texts = c.layout.text.markers;
  for (const auto& m : c.layout.results.panel_markers) layout_texts.push_back(m);
  layout_texts.push_back(c.layout.text.summary_marker);
  layout_texts.push_back(c.layout.toc.leader);
  for (const std::string& s : layout_texts) {
    for (const text::MissingGlyph& m : text::missing_glyphs(c.fonts, text::utf8::to_u32(s), 0)) {
      if (seen.insert(m.code_point).second) report_missing(c, m, c.layout.loc, 0);
    }
  }
}

std::vector<double> sizes(const spec::SizeRange& r, double step) {
  std::vector<double> out;
  if (step <= 0) step = 0.5;
  double hi = std::max(r.max, r.min);
  int n = static_cast<int>(std::floor((hi - r.min) / step + 1e-9));
  for (int k = 0; k <= n; ++k) out.push_back(hi - k * step);
  if (out.empty() || out.back() > r.min + 1e-9) out.push_back(r.min);
  return out;
}

}  // namespace plandeck::compose::detail
