#include "compose/parts.hpp"

#include <algorithm>

namespace plandeck::compose::detail {

void add_text(const Ctx& c, Content& ct, const model::RichText& t, bool strong) {
  if (t.empty()) return;
  ct.ps.push_back(para(runs(c, t, strong)));
  ct.locs.push_back(&t.loc);
}

namespace {

void add_item_locs(std::vector<const diag::SourceLoc*>& out, const model::Item* first, const model::Item* last) {
  for (const model::Item* it = first; it != last; ++it) {
    out.push_back(it->text.loc.known() ? &it->text.loc : &it->loc);
    add_item_locs(out, it->items.data(), it->items.data() + it->items.size());
  }
}

}  // namespace

void add_list(const Ctx& c, Content& ct, const std::vector<model::Item>& items,
              const std::vector<std::string>* markers) {
  add_items(c, ct.ps, items, 0, 0, markers);
  add_item_locs(ct.locs, items.data(), items.data() + items.size());
}

Content text_content(const Ctx& c, const model::RichText& t, bool strong) {
  Content ct;
  add_text(c, ct, t, strong);
  return ct;
}

Content list_content(const Ctx& c, const std::vector<model::Item>& items,
                     const std::vector<std::string>* markers) {
  Content ct;
  add_list(c, ct, items, markers);
  return ct;
}

Content list_content(const Ctx& c, const std::vector<model::Item>& items, std::size_t i, std::size_t j) {
  Content ct;
  add_items(c, ct.ps, items.data() + i, items.data() + j);
  add_item_locs(ct.locs, items.data() + i, items.data() + j);
  return ct;
}

diag::SourceLoc tallest(const text::FitResult& r, const Content& ct, const diag::SourceLoc& fallback) {
  const diag::SourceLoc* best = &fallback;
  std::size_t most = 0;
  for (std::size_t i = 0; i < r.paragraphs.size() && i < ct.locs.size(); ++i) {
    if (r.paragraphs[i].lines.size() > most) {
      most = r.paragraphs[i].lines.size();
      best = ct.locs[i];
    }
  }
  return *best;
}

Overflow forced_overflow(const text::FitResult& r, const std::string& name, const Content& ct,
                         const diag::SourceLoc& fallback) {
  for (std::size_t i = 0; i < r.paragraphs.size() && i < ct.locs.size(); ++i) {
    for (const text::PlacedLine& pl : r.paragraphs[i].lines)
      if (pl.line->forced) return {name, *ct.locs[i], 0, r.forced_count, r.link_forced_count};
  }
  return {name, fallback, 0, r.forced_count, r.link_forced_count};
}

text::FitResult measure(const Ctx& c, const Content& ct, double w, double size) {
  return detail::measure(c, ct.ps, std::max(1.0, w), size);
}

namespace {

bool one_line_each(const Ctx& c, const LabelBox& l, double size) {
  text::FitResult r = measure(c, *l.text, l.w, size);
  return r.line_count <= static_cast<int>(l.text->ps.size()) && r.forced_count == 0;
}

}  // namespace

double label_size(const Ctx& c, const std::vector<LabelBox>& labels) {
  const spec::SizeRange range = c.range(Role::Label, c.layout.sizes.body);
  for (double s : sizes(range, c.layout.text.step)) {
    bool all = true;
    for (const LabelBox& l : labels) all = all && (l.text->empty() || one_line_each(c, l, s));
    if (all) return s;
  }
  return range.max;
}

void scale_marker(Page& page, std::size_t from, const std::string& marker, double scale) {
  if (scale >= 1 - kEps) return;
  for (std::size_t i = from; i < page.shapes.size(); ++i) {
    auto* run = std::get_if<TextRun>(&page.shapes[i]);
    if (!run || run->text != marker) continue;
    const double size = run->size;
    run->x += (1 - scale) * run->width / 2;
    run->width *= scale;
    run->size = size * scale;
    // Keep the arrow's middle (about a third of an em above the baseline) on the middle of
    // the text's em box (0.38 em above the baseline in BIZ UDPGothic).
    run->y -= (0.38 - 0.33 * scale) * size;
    return;
  }
}

std::vector<double> loose_pitches(const Ctx& c) {
  std::vector<double> out;
  const double base = c.layout.text.line_height;
  for (int k = 0;; ++k) {
    const double p = c.layout.text.line_height_max - 0.05 * k;
    if (p <= base + kEps) break;
    out.push_back(p);
  }
  return out;
}

std::string idx(const char* what, std::size_t i) {
  return std::string(what) + "[" + std::to_string(i + 1) + "]";
}

int add_box(Page& page, double x, double y, double w, double h, diag::Message n,
            const diag::SourceLoc& loc, int parent, bool text) {
  LaidBox b;
  b.x = x;
  b.y = y;
  b.w = w;
  b.h = h;
  b.name = std::move(n);
  b.loc = loc;
  b.parent = parent;
  b.text = text;
  page.boxes.push_back(std::move(b));
  return static_cast<int>(page.boxes.size() - 1);
}

void claim(Page& page, int box, std::size_t from) {
  for (std::size_t i = from; i < page.shapes.size(); ++i) {
    if (auto* r = std::get_if<TextRun>(&page.shapes[i]); r && r->box < 0) r->box = box;
  }
}

int boxed(Page& page, std::size_t from, double x, double y, double w, double h, diag::Message n,
          const diag::SourceLoc& loc, int parent) {
  const int b = add_box(page, x, y, w, h, std::move(n), loc, parent);
  claim(page, b, from);
  return b;
}

diag::Message name(std::string ja, std::string en) { return {std::move(ja), std::move(en)}; }

diag::Message part_name(const diag::Message& kind, const diag::Message& what) {
  return {"「" + kind.ja + "」" + what.ja, kind.en + " " + what.en};
}

void label_cell(Page& page, const Ctx& c, const text::FitResult& r, double x, double y, double w,
                double h, const diag::Message& n, const diag::SourceLoc& loc) {
  const auto& pal = c.layout.palette;
  rect(page, x, y, w, h, color(pal.label), color(pal.label), 0.75);
  const std::size_t from = page.shapes.size();
  draw(page, c, r, x + c.layout.frame.padding, y + (h - r.height) / 2, w - 2 * c.layout.frame.padding,
       plain_paint(color(pal.label_text)), Align::Center);
  boxed(page, from, x, y, w, h, n, loc);
}

void caption(Page& page, const Ctx& c, const model::RichText& t, double x, double y, double w,
             double h, const std::string& slide) {
  const auto& pal = c.layout.palette;
  PitchScope one_line(c, 0);  // a caption is one line: its size never depends on the slide's pitch
  text::FitResult r = fit(c, {para(runs(t, true))}, w - 10, h - 4, c.range(Role::Heading, c.layout.sizes.heading),
                          false);
  if (!r.fitted) report(c, slide, {"caption", t.loc, r.overflow_height, r.forced_count, r.link_forced_count}, r.size);
  c.took(Role::Heading, r.size);
  double ty = y + (h - r.height) / 2;
  rect(page, x, ty + 0.1 * r.size, 4, r.height - 0.2 * r.size, color(pal.label));
  const std::size_t from = page.shapes.size();
  StructScope h2(page, StructKind::H2);
  draw(page, c, r, x + 10, ty, w - 10, plain_paint(color(pal.heading)));
  boxed(page, from, x, y, w, h, name("表の見出し", "table caption"), t.loc);
}

}  // namespace plandeck::compose::detail
