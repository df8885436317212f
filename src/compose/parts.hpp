// Internal to compose: what the slide kinds share — plan text with the location of each
// paragraph, label cells, captions, the single-page size search, and recording the boxes
// that the layout audit checks (audit.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/painter.hpp"

namespace plandeck::compose::detail {

constexpr double kEps = 1e-6;

// Paragraphs and, for each, the plan location of its text (for blaming a box's overflow).
// The locations point into the plan, which outlives every Content (a search builds many:
// copying a location would copy its file name).
struct Content {
  std::vector<text::BoxParagraph> ps;
  std::vector<const diag::SourceLoc*> locs;
  bool empty() const { return ps.empty(); }
};

void add_text(const Ctx& c, Content& ct, const model::RichText& t, bool strong = false);
void add_list(const Ctx& c, Content& ct, const std::vector<model::Item>& items,
              const std::vector<std::string>* markers = nullptr);
Content text_content(const Ctx& c, const model::RichText& t, bool strong = false);
Content list_content(const Ctx& c, const std::vector<model::Item>& items,
                     const std::vector<std::string>* markers = nullptr);
// Items [i, j) of a list of the plan.
Content list_content(const Ctx& c, const std::vector<model::Item>& items, std::size_t i, std::size_t j);

// The location of the paragraph that takes the most lines (the likeliest culprit).
diag::SourceLoc tallest(const text::FitResult& r, const Content& ct, const diag::SourceLoc& fallback);
// The emergency breaks of `r` (r.forced_count > 0) as an Overflow of box `name`, located at
// the first paragraph with a forced line (the word too wide), else at `fallback`.
Overflow forced_overflow(const text::FitResult& r, const std::string& name, const Content& ct,
                         const diag::SourceLoc& fallback);

text::FitResult measure(const Ctx& c, const Content& ct, double w, double size);

// A label cell's text and the width it has.
struct LabelBox {
  const Content* text = nullptr;
  double w = 0;
};

// The size of a slide's label cells (取組の方向性, 取組結果（R3～R5）, 【到達目標1】): one size for
// all of them, the largest (up to the deck's label size) at which every label stays on one
// line, down to the body minimum; when one wraps even there, the labels take the largest
// size allowed and wrap. Labels are display type, like headings: a dense slide whose body
// shrinks keeps its labels at the deck's size.
double label_size(const Ctx& c, const std::vector<LabelBox>& labels);

// The summary's ➤ comes from a symbol face (DejaVu) whose solid arrow is far heavier than
// the text beside it: it is drawn at `scale` of the text size, centred where it was (on the
// text's em box horizontally, on its middle vertically), so that its weight matches.
void scale_marker(Page& page, std::size_t from, const std::string& marker, double scale);

// Line pitches looser than the layout's, loosest first: text.line_height_max down to just
// above text.line_height, in steps of 0.05 em.
std::vector<double> loose_pitches(const Ctx& c);

// "panel[2]" (1-based, as people count).
std::string idx(const char* what, std::size_t i);

// ---- boxes for the audit ------------------------------------------------------------------

// Records a box on `page` and returns its index (for children's `parent`).
int add_box(Page& page, double x, double y, double w, double h, diag::Message name,
            const diag::SourceLoc& loc, int parent = -1, bool text = true);
// Gives the text runs drawn on `page` since shape index `from` that have no box yet to `box`.
void claim(Page& page, int box, std::size_t from);
// add_box + claim in one: the runs drawn since `from` belong to the new box.
int boxed(Page& page, std::size_t from, double x, double y, double w, double h, diag::Message name,
          const diag::SourceLoc& loc, int parent = -1);

// A name in both languages: {"「取組結果」パネル2", "results panel 2"}.
diag::Message name(std::string ja, std::string en);
// "「取組結果」" + what / "results " + what.
diag::Message part_name(const diag::Message& slide_kind, const diag::Message& what);

// ---- drawing helpers ----------------------------------------------------------------------

// A solid label cell (取組の方向性, 【到達目標1】): white bold text centred both ways.
// Recorded as a box named `n`.
void label_cell(Page& page, const Ctx& c, const text::FitResult& r, double x, double y, double w,
                double h, const diag::Message& n, const diag::SourceLoc& loc);

// A table caption: a short bar in the label colour and bold text (a box of its own).
void caption(Page& page, const Ctx& c, const model::RichText& t, double x, double y, double w,
             double h, const std::string& slide);

// Vertical stacking with blame: the first box whose bottom passes the limit is named, with
// the total amount by which the stack overruns. Words too wide are collected as well.
struct Flow {
  double y = 0;
  double bottom = 0;
  double end = 0;
  std::optional<Overflow> blame;
  std::vector<Overflow> forced;

  Flow(double top, double limit) : y(top), bottom(limit), end(top) {}
  void box(double h, const std::string& name, const diag::SourceLoc& loc) {
    y += h;
    end = std::max(end, y);
    if (!blame && y > bottom + kEps) blame = Overflow{name, loc, 0, 0};
  }
  void gap(double g) { y += g; }
  void check(const text::FitResult& r, const std::string& name, const Content& ct,
             const diag::SourceLoc& fallback) {
    if (r.forced_count > 0) forced.push_back(forced_overflow(r, name, ct, fallback));
  }
  std::vector<Overflow> result() const {
    std::vector<Overflow> out = forced;
    if (blame) {
      Overflow o = *blame;
      o.over = end - bottom;
      out.push_back(o);
    }
    return out;
  }
};

// Whether build(page, size) reports no overflow, tried on a copy of `base` that is thrown
// away (so nothing is drawn): a build's overflows are decided by measuring alone, and a
// build run again (for the page that is kept) makes the same decisions from the same
// memoised measurements.
template <class Build>
bool fits_without_drawing(const Ctx& c, const Page& base, double size, Build& build) {
  DiscardScope trial(c);
  Page p = base;
  return build(p, size).empty();
}

// A slide that fits at `size` with room to spare is set with the loosest pitch (up to
// text.line_height_max) at which it still fits: the size never changes, only the leading.
// Returns the page built at that pitch and leaves Ctx::pitch at it (the caller's scope).
template <class Build>
std::optional<Page> loosen(const Ctx& c, const Page& base, double size, Build build) {
  if (c.scale && !c.scale->settled()) return std::nullopt;  // probing sizes: the pitch is moot
  for (double pitch : loose_pitches(c)) {
    c.pitch = pitch;
    if (!fits_without_drawing(c, base, size, build)) continue;
    Page p = base;
    build(p, size);
    return p;
  }
  c.pitch = 0;
  return std::nullopt;
}

// Tries body sizes from the largest down; the first build without overflow wins. When none
// fits, the build at the minimum size is kept and its overflows are reported. The sizes of
// `role` start at the deck's size for it (scale.hpp), and the size taken is recorded there.
template <class Build>
Page search_size(const Ctx& c, const Page& base, Role role, const std::string& name, Build build) {
  PitchScope scope(c, 0);
  const std::vector<double> cand = sizes(c.range(role, c.layout.sizes.body), c.layout.text.step);
  for (double s : cand) {
    if (fits_without_drawing(c, base, s, build)) {
      c.took(role, s);
      if (std::optional<Page> loose = loosen(c, base, s, build)) return *loose;
      Page p = base;
      build(p, s);
      return p;
    }
  }
  Page p = base;
  for (const Overflow& o : build(p, cand.back())) report(c, name, o, cand.back());
  c.took(role, cand.back());
  return p;
}

}  // namespace plandeck::compose::detail
