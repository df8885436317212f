#include "compose/compose.hpp"

#include <algorithm>
#include <optional>

#include "compose/audit.hpp"
#include "compose/parts.hpp"
#include "compose/slides.hpp"
#include "text/utf8.hpp"

namespace plandeck::compose {

namespace {

using namespace detail;

// Where a slide, chapter or section starts, as an index into the body pages.
struct TocEntry {
  std::vector<text::StyledRun> text;
  int level = 0;  // 0 section, 1 chapter
  std::size_t body_page = 0;
  diag::SourceLoc loc;  // the section or chapter
};

struct OutlineNode {
  std::string title;
  std::size_t body_page = 0;
  std::vector<OutlineNode> children;
};

Outline to_outline(const OutlineNode& n, std::size_t offset) {
  Outline o{n.title, n.body_page + offset, {}};
  for (const auto& ch : n.children) o.children.push_back(to_outline(ch, offset));
  return o;
}

std::string slide_title(const model::Slide& s, const std::string& fallback) {
  if (!s.label.empty()) return s.label.plain();
  if (!s.heading.empty()) return s.heading.plain();
  return fallback;
}

// The name of a slide in messages: its title bar text, plus its id when it has one.
std::string slide_name(const std::string& title, const model::Slide& s) {
  return s.id.empty() ? title : title + " (id: " + s.id + ")";
}

std::string plain(const std::vector<text::StyledRun>& rs) {
  std::u32string s;
  for (const auto& r : rs) s += r.text;
  return text::utf8::encode(s);
}

// ---- cover and divider ------------------------------------------------------------------

Page cover(const Ctx& c, const model::Document& d) {
  const auto& F = c.layout.frame;
  const auto& C = c.layout.cover;
  const auto& pal = c.layout.palette;
  Page p;
  rect(p, 0, 0, F.width, C.band_height, color(pal.cover_band));
  rect(p, 0, F.height - C.band_height, F.width, C.band_height, color(pal.cover_band));
  const double x = (F.width - C.title_width) / 2;
  text::FitResult r = fit(c, {para(runs(d.title, true))}, C.title_width, C.title_height,
                          c.layout.sizes.cover_title, false);
  if (!r.fitted) report(c, "表紙", {"document.title", d.title.loc, r.overflow_height, r.forced_count, r.link_forced_count}, r.size);
  std::size_t from = p.shapes.size();
  {
    StructScope h1(p, StructKind::H1);
    draw(p, c, r, x, C.title_top + (C.title_height - r.height) / 2, C.title_width, plain_paint(color(pal.heading)),
         Align::Center);
  }
  boxed(p, from, x, C.title_top, C.title_width, C.title_height, name("表紙の題名", "cover title"), d.title.loc);
  line(p, x, C.title_top + C.title_height + 8, x + C.title_width, C.title_top + C.title_height + 8,
       color(pal.rule), 1.5);
  double y = C.text_top;
  for (const auto* t : {&d.date, &d.organisation}) {
    if (t->empty()) continue;
    text::FitResult rt = fit(c, {para(runs(*t))}, C.title_width, C.text_height, c.layout.sizes.cover_text, false);
    if (!rt.fitted) report(c, "表紙", {"document", t->loc, rt.overflow_height, rt.forced_count, rt.link_forced_count}, rt.size);
    from = p.shapes.size();
    draw(p, c, rt, x, y + (C.text_height - rt.height) / 2, C.title_width, plain_paint(color(pal.text)),
         Align::Center);
    boxed(p, from, x, y, C.title_width, C.text_height,
          t == &d.date ? name("表紙の日付", "cover date") : name("表紙の組織名", "cover organisation"), t->loc);
    y += C.text_height + 6;
  }
  return p;
}

Page divider(const Ctx& c, std::size_t index, const model::Section& s) {
  const auto& F = c.layout.frame;
  const auto& D = c.layout.divider;
  const auto& pal = c.layout.palette;
  Page p;
  rect(p, 0, D.band_top, F.width, D.band_height, color(pal.divider_band));
  const Paint white = plain_paint(color(pal.divider_text));
  const double x = F.margins.left;
  text::FitResult rn = fit(c, {para(runs(model::section_number(index), text::kStrong))}, D.number_width,
                           D.band_height - 20, c.layout.sizes.divider, false);
  // The number and the title read as one heading: 「Ⅰ 広島県…」.
  StructScope h1(p, StructKind::H1);
  std::size_t from = p.shapes.size();
  draw(p, c, rn, x, D.band_top + (D.band_height - rn.height) / 2, D.number_width, white, Align::Center);
  boxed(p, from, x, D.band_top, D.number_width, D.band_height, name("扉の番号", "divider number"), s.loc);
  line(p, x + D.number_width + 8, D.band_top + 24, x + D.number_width + 8, D.band_top + D.band_height - 24,
       color(pal.divider_text), 1.0);
  const double tx = x + D.number_width + 24;
  const double tw = F.width - tx - F.margins.right;
  text::FitResult rt = fit(c, {para(runs(s.title, true))}, tw, D.band_height - 20,
                           c.range(Role::Divider, c.layout.sizes.divider), false);
  c.took(Role::Divider, rt.size);
  if (!rt.fitted) {
    report(c, model::section_number(index) + " " + s.title.plain(),
           {"title", s.title.loc, rt.overflow_height, rt.forced_count}, rt.size);
  }
  from = p.shapes.size();
  draw(p, c, rt, tx, D.band_top + (D.band_height - rt.height) / 2, tw, white);
  boxed(p, from, tx, D.band_top, tw, D.band_height, name("扉の題名", "divider title"), s.title.loc);
  return p;
}

// ---- table of contents ------------------------------------------------------------------

// The printed number of the page at `index` (0 = the cover).
std::string page_label(const Ctx& c, std::size_t index) {
  return std::to_string(static_cast<long long>(index) + c.layout.frame.first_page_number);
}

// Lays the TOC out; `offset` is the page index of the first body page. Returns the pages.
std::vector<Page> toc_pages(const Ctx& c, const model::Document& d, const std::vector<TocEntry>& entries,
                            std::size_t offset) {
  const auto& T = c.layout.toc;
  const auto& pal = c.layout.palette;
  std::vector<text::StyledRun> title = runs(d.toc_title.empty() ? std::string("目次") : d.toc_title.plain(),
                                            text::kStrong);
  Page base;
  diag::Diagnostics scratch;
  Ctx quiet(c, scratch);
  quiet.pages_discarded = true;  // only the area is kept
  Area a = draw_frame(base, quiet, title, nullptr, "目次", d.loc);
  a.y += 6;
  a.h -= 6;
  const std::u32string leader = text::utf8::to_u32(T.leader);

  struct Laid {
    text::FitResult r;
    double h = 0;
  };
  auto lay = [&](double S) {
    std::vector<Laid> out;
    for (const TocEntry& e : entries) {
      double indent = e.level == 0 ? 0 : T.indent;
      double tw = a.w - indent - T.number_width - 2 * S;
      Laid l;
      l.r = measure(c, {para(e.text)}, tw, S, false);
      l.h = l.r.height + (e.level == 0 ? T.section_gap_em : T.entry_gap_em) * S;
      out.push_back(std::move(l));
    }
    return out;
  };
  // Pages the entries take, filled in order as the loop below fills them.
  auto pages_needed = [&](const std::vector<Laid>& l) {
    std::size_t n = 1;
    double y = 0;
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (i > 0 && y + l[i].h > a.h + 1e-6) {
        ++n;
        y = 0;
      }
      y += l[i].h;
    }
    return n;
  };
  // One size for the whole TOC: the largest at which it takes no more pages than at the
  // smallest size (one page when it fits one: a long 目次 goes on at a readable size
  // rather than at the smallest with an entry or two left over) and no entry wraps more
  // than it has to (a title broken before its last character looks careless).
  const std::vector<double> cand = sizes(c.layout.sizes.toc, c.layout.text.step);
  double S = cand.back();
  const std::vector<Laid> smallest = lay(cand.back());
  const std::size_t fewest_pages = pages_needed(smallest);
  for (double s : cand) {
    std::vector<Laid> l = lay(s);
    bool extra_lines = false;
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (l[i].r.line_count > smallest[i].r.line_count) extra_lines = true;
    }
    if (pages_needed(l) <= fewest_pages && !extra_lines) {
      S = s;
      break;
    }
  }
  std::vector<Laid> laid = lay(S);
  std::vector<Page> pages;
  // The widest page number of the 目次 sets the number column (right-aligned numbers).
  double widest_number = 0;
  for (const TocEntry& other : entries) {
    widest_number = std::max(widest_number, text_width(c, text::utf8::to_u32(page_label(c, offset + other.body_page)),
                                                       text::kStrong, S));
  }
  Page page;
  std::optional<StructScope> toc;  // the page's entries, after its title bar
  double y = a.y;
  bool fresh = true;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TocEntry& e = entries[i];
    if (!fresh && y + laid[i].h > a.bottom() + 1e-6) {
      toc.reset();
      pages.push_back(std::move(page));
      page = Page{};
      y = a.y;
      fresh = true;
    }
    if (fresh) {
      // A second page is titled like every slide that goes on: 「目次（続き）」.
      draw_frame(page, c, pages.empty() ? title : concat(title, runs(std::string("（続き）"), text::kStrong)), nullptr,
                 "目次", d.loc);
      toc.emplace(page, StructKind::TOC);
      fresh = false;
    }
    y += (e.level == 0 ? T.section_gap_em : T.entry_gap_em) * S;
    const double indent = e.level == 0 ? 0 : T.indent;
    const text::FitResult& r = laid[i].r;
    const Paint paint = e.level == 0 ? plain_paint(color(pal.heading)) : plain_paint(color(pal.text));
    const std::size_t from = page.shapes.size();
    StructScope entry(page, StructKind::TOCI);
    StructScope reference(page, StructKind::Reference);
    StructScope link_text(page, StructKind::Link);  // the title and its page number
    const int link_node = page.cursor;
    draw(page, c, r, a.x + indent, y, a.w - indent, paint);
    // Dot leaders from the end of the last line to the page number.
    const double baseline = y + (r.line_count > 0 ? static_cast<double>(r.line_count - 1) : 0) *
                                c.layout.text.line_height * S + first_baseline(c, S);
    double last_w = 0;
    if (!r.paragraphs.empty() && !r.paragraphs.back().lines.empty()) {
      last_w = r.paragraphs.back().lines.back().line->width;
    }
    const std::size_t target = offset + e.body_page;
    std::u32string num = text::utf8::to_u32(page_label(c, target));
    const int num_style = e.level == 0 ? text::kStrong : text::kRegular;
    const double num_w = text_width(c, num, num_style, S);
    const double lead_from = a.x + indent + last_w + 0.4 * S;
    const double number_col = std::max(num_w, widest_number);
    const double lead_to = a.x + a.w - num_w - 0.4 * S;
    const double lw = text_width(c, leader, 0, S);
    if (lw > 0 && lead_to > lead_from) {
      // Right-aligned to a fixed column, so that every entry's leader ends at the same x
      // (the dots line up down the page) whatever the width of its title and number.
      const double end = a.x + a.w - number_col - 0.4 * S;
      std::size_t count = end > lead_from ? static_cast<std::size_t>((end - lead_from) / lw + 1e-9) : 0;
      std::u32string dots;
      for (std::size_t k = 0; k < count; ++k) dots += leader;
      StructScope decoration(page, kArtifact);
      if (count > 0) draw_line(page, c, dots, text::kRegular, S, end - static_cast<double>(count) * lw, baseline,
                               color(pal.muted));
    }
    draw_line(page, c, num, num_style, S, a.x + a.w - num_w, baseline, paint.text);
    boxed(page, from, a.x + indent, y, a.w - indent, r.height,
          name("目次の" + std::to_string(i + 1) + "番目の項目", "contents entry " + std::to_string(i + 1)), e.loc);
    Link link;
    link.x = a.x + indent;
    link.y = y;
    link.w = a.w - indent;
    link.h = r.height;
    link.target_page = target;
    link.node = link_node;
    page.links.push_back(link);
    y += r.height;
  }
  if (!fresh || pages.empty()) {
    if (fresh) draw_frame(page, c, title, nullptr, "目次", d.loc);
    toc.reset();
    pages.push_back(std::move(page));
  }
  return pages;
}

void page_number(Page& p, const Ctx& c, std::size_t index) {
  const auto& F = c.layout.frame;
  std::u32string n = text::utf8::to_u32(page_label(c, index));
  const double size = c.layout.sizes.page_number;
  const double w = text_width(c, n, text::kRegular, size);
  // Office printers cut 4–5 mm at the paper's edge: the number stands footer_height above it.
  const double baseline = F.height - F.footer_height;
  const std::size_t from = p.shapes.size();
  {
    StructScope pagination(p, kPagination);
    draw_line(p, c, n, text::kRegular, size, F.width - F.margins.right - w, baseline, color(c.layout.palette.muted));
  }
  const int box = add_box(p, F.width - F.margins.right - w, baseline - c.layout.text.ascent * size, w, size,
                          name("ページ番号", "page number"), diag::SourceLoc{});
  p.boxes[static_cast<std::size_t>(box)].footer = true;
  claim(p, box, from);
}

// The body pages of the plan (dividers and slides), with the 目次 entries and bookmarks.
struct Body {
  std::vector<Page> pages;
  std::vector<TocEntry> toc;
  std::vector<OutlineNode> outline;
};

std::vector<Page> slide_pages(const Ctx& c, const model::Slide& s, const std::vector<text::StyledRun>& title) {
  const std::string name = slide_name(plain(title), s);
  if (c.scale) c.scale->begin_slide(name, s.loc);
  return compose_slide(c, s, title, name);
}

Body compose_body(const Ctx& c, const model::Plan& plan) {
  Body b;
  std::vector<Page>& body = b.pages;
  std::vector<TocEntry>& toc = b.toc;
  std::vector<OutlineNode>& outline = b.outline;
  for (std::size_t si = 0; si < plan.sections.size(); ++si) {
    const model::Section& sec = plan.sections[si];
    const std::string snum = model::section_number(si);
    OutlineNode sn{snum + " " + sec.title.plain(), body.size(), {}};
    toc.push_back({concat(runs(snum + "　", text::kStrong), runs(sec.title, true)), 0, body.size(), sec.loc});
    if (sec.title_slide) {
      if (c.scale) c.scale->begin_slide(snum + " " + sec.title.plain(), sec.loc);
      body.push_back(divider(c, si, sec));
      body.back().slide = snum + " " + sec.title.plain();
      body.back().loc = sec.loc;
    }
    std::vector<text::StyledRun> sec_title = concat(runs(snum + " ", text::kStrong), runs(sec.title, true));
    for (const model::Slide& s : sec.slides) {
      std::vector<text::StyledRun> title = sec_title;
      if (!s.label.empty()) {
        title = concat(concat(title, runs(std::string("（"), text::kStrong)),
                       concat(runs(s.label, true), runs(std::string("）"), text::kStrong)));
      }
      sn.children.push_back({slide_title(s, sec.title.plain()), body.size(), {}});
      for (Page& p : slide_pages(c, s, title)) body.push_back(std::move(p));
    }
    for (std::size_t ci = 0; ci < sec.chapters.size(); ++ci) {
      const model::Chapter& ch = sec.chapters[ci];
      const std::string cnum = model::chapter_number(si, ci);
      OutlineNode cn{cnum + " " + ch.title.plain(), body.size(), {}};
      const model::RichText& toc_title = ch.toc_title.empty() ? ch.title : ch.toc_title;
      std::vector<text::StyledRun> entry = concat(runs(cnum + "　"), runs(toc_title));
      if (!ch.toc_note.empty()) entry = concat(concat(entry, runs(std::string(" ："))), runs(ch.toc_note));
      toc.push_back({entry, 1, body.size(), ch.loc});
      std::vector<text::StyledRun> ch_title = concat(runs(cnum + " ", text::kStrong), runs(ch.title, true));
      for (const model::Slide& s : ch.slides) {
        std::vector<text::StyledRun> title = ch_title;
        if (!s.label.empty()) {
          title = concat(concat(title, runs(std::string("（"), text::kStrong)),
                         concat(runs(s.label, true), runs(std::string("）"), text::kStrong)));
        }
        cn.children.push_back({slide_title(s, ch.title.plain()), body.size(), {}});
        for (Page& p : slide_pages(c, s, title)) body.push_back(std::move(p));
      }
      sn.children.push_back(std::move(cn));
    }
    outline.push_back(std::move(sn));
  }
  return b;
}

}  // namespace

Deck compose(const model::Plan& plan, const spec::Layout& layout,
             const text::FontChainMeasurer& fonts, diag::Diagnostics& diags,
             const diag::SourceMap* sources, const ComposeOptions& options) {
  Ctx c(layout, fonts, diags, sources);
  check_coverage(c, plan);

  // One type scale per deck (scale.hpp): a quiet first pass finds the size every slide
  // would take on its own, per role; the real pass sets each role at the deck's size.
  TypeScale scale;
  c.scale = &scale;
  {
    diag::Diagnostics scratch;
    Ctx probe(c, scratch);
    probe.pages_discarded = true;  // only the sizes it takes are kept
    compose_body(probe, plan);
  }
  scale.settle(role_ranges(layout));
  Body b = compose_body(c, plan);
  std::vector<Page>& body = b.pages;
  std::vector<TocEntry>& toc = b.toc;
  std::vector<OutlineNode>& outline = b.outline;
  scale.begin_slide("目次", plan.document.loc);

  // Two passes: the TOC's page numbers depend on how many pages the TOC itself takes.
  std::vector<Page> toc_p;
  std::size_t toc_count = 1;
  bool settled_quietly = false;  // the last pass is the final TOC and reported nothing
  for (int pass = 0; pass < 4; ++pass) {
    diag::Diagnostics scratch;
    Ctx quiet(c, scratch);
    toc_p = toc_pages(quiet, plan.document, toc, 1 + toc_count);
    if (toc_p.size() == toc_count) {
      settled_quietly = scratch.empty();
      break;
    }
    toc_count = toc_p.size();
  }
  // Laid out again for its diagnostics; when the settled pass had none, it is the same TOC.
  if (!settled_quietly) toc_p = toc_pages(c, plan.document, toc, 1 + toc_count);

  Deck deck;
  deck.width = layout.frame.width;
  deck.height = layout.frame.height;
  deck.fonts = c.files;
  deck.pages.push_back(cover(c, plan.document));
  deck.pages.back().slide = "表紙";
  deck.pages.back().loc = plan.document.loc;
  for (Page& p : toc_p) {
    p.slide = plan.document.toc_title.empty() ? std::string("目次") : plan.document.toc_title.plain();
    p.loc = plan.document.loc;
    deck.pages.push_back(std::move(p));
  }
  const std::size_t offset = deck.pages.size();
  for (Page& p : body) deck.pages.push_back(std::move(p));
  for (std::size_t i = 1; i < deck.pages.size(); ++i) page_number(deck.pages[i], c, i);
  scale.note_deviations(diags);

  deck.outline.push_back(Outline{plan.document.toc_title.empty() ? "目次" : plan.document.toc_title.plain(), 1, {}});
  for (const OutlineNode& n : outline) deck.outline.push_back(to_outline(n, offset));

  deck.info.title = plan.document.title.plain();
  deck.info.author = plan.document.organisation.plain();
  deck.info.subject = plan.document.subject.empty() ? deck.info.title : plan.document.subject.plain();
  deck.info.creator = options.creator;
  // The audit checks what compose drew, not what it meant to draw. Where compose already
  // refused the deck, its own located errors say why; the audit would only repeat them.
  if (!diags.has_errors()) audit(deck, audit_frame(layout), audit_fonts(deck, fonts), diags);
  return deck;
}

}  // namespace plandeck::compose
