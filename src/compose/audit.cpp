#include "compose/audit.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <tuple>

#include "text/font.hpp"
#include "text/measurer.hpp"
#include "text/utf8.hpp"

namespace plandeck::compose {

namespace {

// Rounding slack: positions are sums of decimals, and a run set flush with its box edge
// must pass. A hundredth of a point is far below anything visible.
constexpr double kSlack = 0.01;

AuditRect rect_of(const LaidBox& b) { return {b.x, b.y, b.x + b.w, b.y + b.h}; }

// How far `inner` reaches out of `outer` and on which side (0: inside).
struct Excess {
  double amount = 0;
  int side = -1;  // 0 left, 1 top, 2 right, 3 bottom
};
Excess excess(const AuditRect& inner, const AuditRect& outer) {
  const double by[4] = {outer.x0 - inner.x0, outer.y0 - inner.y0, inner.x1 - outer.x1, inner.y1 - outer.y1};
  Excess e;
  for (int s = 0; s < 4; ++s) {
    if (by[s] > kSlack && by[s] > e.amount) e = {by[s], s};
  }
  return e;
}

bool overlap(const AuditRect& a, const AuditRect& b) {
  return a.x0 < b.x1 - kSlack && b.x0 < a.x1 - kSlack && a.y0 < b.y1 - kSlack && b.y0 < a.y1 - kSlack;
}

diag::Message side_of(const Excess& e) {
  static const diag::Message sides[4] = {{"左", "left"}, {"上", "above"}, {"右", "right"}, {"下", "below"}};
  const diag::Message& s = sides[e.side < 0 ? 3 : e.side];
  return {s.ja + "に " + diag::points(e.amount) + "pt", diag::points(e.amount) + " pt " + s.en};
}

// A short quote of a run's text for messages (the first 12 characters).
std::string quote(const std::string& utf8) {
  std::u32string s = text::utf8::to_u32(utf8);
  if (s.size() <= 12) return utf8;
  return text::utf8::encode(s.substr(0, 12)) + "…";
}

class Auditor {
 public:
  Auditor(const Deck& deck, const AuditFrame& frame, const std::vector<const text::Font*>& fonts,
          diag::Diagnostics& diags)
      : deck_(deck), frame_(frame), fonts_(fonts), diags_(diags) {}

  std::size_t run() {
    for (std::size_t p = 0; p < deck_.pages.size(); ++p) page(p);
    return found_;
  }

 private:
  struct Placed {
    AuditRect r;
    int box;
    const TextRun* run;
  };

  void page(std::size_t index) {
    const Page& pg = deck_.pages[index];
    page_ = index;
    // Boxes: inside their parent, the content area or the footer.
    for (std::size_t i = 0; i < pg.boxes.size(); ++i) {
      const LaidBox& b = pg.boxes[i];
      AuditRect outer;
      diag::Message outer_name;
      if (b.parent >= 0 && static_cast<std::size_t>(b.parent) < i) {
        outer = rect_of(pg.boxes[static_cast<std::size_t>(b.parent)]);
        outer_name = pg.boxes[static_cast<std::size_t>(b.parent)].name;
      } else if (b.parent >= 0) {
        violation(pg, static_cast<int>(i), 0, {"の親の枠が記録されていません", ": its parent box was not recorded"});
        continue;
      } else if (b.footer) {
        outer = frame_.footer;
        outer_name = {"フッター", "the footer"};
      } else {
        outer = frame_.content;
        outer_name = {"本文領域（余白とフッターの内側）", "the content area (inside the margins, above the footer)"};
      }
      Excess e = excess(rect_of(b), outer);
      if (e.amount > 0) {
        diag::Message s = side_of(e);
        violation(pg, static_cast<int>(i), 1,
                  {"が" + outer_name.ja + "からはみ出しています（" + s.ja + "）",
                   " lies outside " + outer_name.en + " (" + s.en + ")"});
      }
    }
    // Boxes of text must not overlap unless one holds the other.
    for (std::size_t i = 0; i < pg.boxes.size(); ++i) {
      if (!pg.boxes[i].text) continue;
      for (std::size_t j = i + 1; j < pg.boxes.size(); ++j) {
        if (!pg.boxes[j].text || nested(pg, i, j)) continue;
        if (overlap(rect_of(pg.boxes[i]), rect_of(pg.boxes[j]))) {
          violation(pg, static_cast<int>(j), 2,
                    {"が" + pg.boxes[i].name.ja + "と重なっています", " overlaps " + pg.boxes[i].name.en});
        }
      }
    }
    // Runs: inside their box (and the paper), and clear of the runs of every other box.
    std::vector<Placed> placed;
    for (const Shape& s : pg.shapes) {
      const TextRun* r = std::get_if<TextRun>(&s);
      if (!r) continue;
      const text::Font* font = r->font < fonts_.size() ? fonts_[r->font] : nullptr;
      if (!font) {
        violation(pg, r->box, 3, {"の文字「" + quote(r->text) + "」のフォントが不明です",
                                  ": the font of the text \"" + quote(r->text) + "\" is unknown"});
        continue;
      }
      const AuditRect ext = run_extent(*r, *font);
      placed.push_back({ext, r->box, r});
      if (r->box < 0 || static_cast<std::size_t>(r->box) >= pg.boxes.size()) {
        violation(pg, -1, 4, {"文字「" + quote(r->text) + "」がどの枠にも属していません",
                              "the text \"" + quote(r->text) + "\" belongs to no box"});
        continue;
      }
      Excess e = excess(ext, rect_of(pg.boxes[static_cast<std::size_t>(r->box)]));
      if (e.amount > 0) {
        diag::Message where = side_of(e);
        violation(pg, r->box, 5,
                  {"の文字「" + quote(r->text) + "」が枠からはみ出しています（" + where.ja + "）",
                   ": the text \"" + quote(r->text) + "\" runs out of its box (" + where.en + ")"});
      }
      Excess paper = excess(ext, AuditRect{0, 0, frame_.width, frame_.height});
      if (paper.amount > 0) {
        violation(pg, r->box, 6, {"の文字「" + quote(r->text) + "」が用紙の外にあります",
                                  ": the text \"" + quote(r->text) + "\" lies off the paper"});
      }
    }
    // Sweep in y: only runs whose vertical extents meet can overlap.
    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
      return std::tie(a.r.y0, a.r.x0) < std::tie(b.r.y0, b.r.x0);
    });
    for (std::size_t i = 0; i < placed.size(); ++i) {
      for (std::size_t j = i + 1; j < placed.size() && placed[j].r.y0 < placed[i].r.y1 - kSlack; ++j) {
        if (placed[i].box == placed[j].box) continue;
        if (!overlap(placed[i].r, placed[j].r)) continue;
        const std::string other = placed[i].box >= 0 && static_cast<std::size_t>(placed[i].box) < pg.boxes.size()
                                      ? pg.boxes[static_cast<std::size_t>(placed[i].box)].name.ja
                                      : std::string("枠外の文字");
        const std::string other_en = placed[i].box >= 0 && static_cast<std::size_t>(placed[i].box) < pg.boxes.size()
                                         ? pg.boxes[static_cast<std::size_t>(placed[i].box)].name.en
                                         : std::string("text outside any box");
        violation(pg, placed[j].box, 7,
                  {"の文字「" + quote(placed[j].run->text) + "」が" + other + "の文字「" +
                       quote(placed[i].run->text) + "」と重なっています",
                   ": the text \"" + quote(placed[j].run->text) + "\" overlaps the text \"" +
                       quote(placed[i].run->text) + "\" of " + other_en});
      }
    }
  }

  // Whether one of boxes i and j contains the other in the tree.
  static bool nested(const Page& pg, std::size_t i, std::size_t j) {
    auto ancestor = [&](std::size_t a, std::size_t d) {
      for (int p = pg.boxes[d].parent; p >= 0 && static_cast<std::size_t>(p) < pg.boxes.size();
           p = pg.boxes[static_cast<std::size_t>(p)].parent) {
        if (static_cast<std::size_t>(p) == a) return true;
        if (static_cast<std::size_t>(p) >= d) break;  // parents come first: no cycle
      }
      return false;
    };
    return ancestor(i, j) || ancestor(j, i);
  }

  // One error per (page, box, rule).
  void violation(const Page& pg, int box, int rule, const diag::Message& what) {
    if (!reported_.insert({page_, box, rule}).second) return;
    ++found_;
    const bool known = box >= 0 && static_cast<std::size_t>(box) < pg.boxes.size();
    const LaidBox* b = known ? &pg.boxes[static_cast<std::size_t>(box)] : nullptr;
    diag::SourceLoc loc = b && b->loc.known() ? b->loc : pg.loc;
    const std::string slide = pg.slide.empty() ? std::string("?") : pg.slide;
    const std::string page_no = std::to_string(page_ + 1);
    diag::Message m;
    m.ja = "レイアウト検査: スライド「" + slide + "」（PDF の " + page_no + " ページ目）の" +
           (b ? b->name.ja : std::string()) + what.ja;
    m.en = "layout audit: slide \"" + slide + "\" (page " + page_no + " of the PDF): " +
           (b ? b->name.en : std::string()) + what.en;
    const std::string layout = frame_.layout_file.empty() ? std::string() : " (" + frame_.layout_file + ")";
    const std::string layout_ja = frame_.layout_file.empty() ? std::string() : "（" + frame_.layout_file + "）";
    diags_.error(loc, m,
                 diag::Message{"文を短くするか、項目を分けるか、レイアウト" + layout_ja + "の寸法を見直してください",
                               "shorten the text, split the item, or correct the dimensions of the layout" + layout});
  }

  const Deck& deck_;
  const AuditFrame& frame_;
  const std::vector<const text::Font*>& fonts_;
  diag::Diagnostics& diags_;
  std::size_t page_ = 0;
  std::size_t found_ = 0;
  std::set<std::tuple<std::size_t, int, int>> reported_;
};

}  // namespace

AuditFrame audit_frame(const spec::Layout& layout) {
  const spec::Frame& F = layout.frame;
  AuditFrame f;
  f.width = F.width;
  f.height = F.height;
  f.content = {F.margins.left, F.margins.top, F.width - F.margins.right, F.height - F.margins.bottom};
  f.footer = {F.margins.left, F.height - F.margins.bottom, F.width - F.margins.right, F.height};
  f.layout_file = layout.loc.file;
  return f;
}

std::vector<const text::Font*> audit_fonts(const Deck& deck, const text::FontChainMeasurer& fonts) {
  std::vector<const text::Font*> out(deck.fonts.size(), nullptr);
  for (int style = 0; style < 2; ++style) {
    for (const text::Font* f : fonts.chain(style)) {
      for (std::size_t i = 0; i < deck.fonts.size(); ++i) {
        if (!out[i] && deck.fonts[i].path == f->path()) out[i] = f;
      }
    }
  }
  return out;
}

AuditRect run_extent(const TextRun& run, const text::Font& font) {
  const std::u32string text = text::utf8::to_u32(run.text);
  long units = 0;
  for (char32_t cp : text) units += font.advance(cp);
  const double em = run.size / 1000.0;
  // From the first glyph's ink (its left side bearing: compose may set a glyph's origin
  // before the box when its ink starts late, as it does for Ⅰ) to the end of the last advance.
  const double lead = text.empty() ? 0 : font.left_bearing(text.front()) * em;
  return {run.x + lead, run.y - font.ascender() * em, run.x + static_cast<double>(units) * em,
          run.y - font.descender() * em};
}

std::size_t audit(const Deck& deck, const AuditFrame& frame, const std::vector<const text::Font*>& fonts,
                  diag::Diagnostics& diags) {
  return Auditor(deck, frame, fonts, diags).run();
}

}  // namespace plandeck::compose
