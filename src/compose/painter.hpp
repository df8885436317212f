// Internal to compose: turning plan text into text-engine input, drawing fitted boxes as
// font-split text runs, and reporting what does not fit. Not a public interface.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compose/deck.hpp"
#include "compose/structure.hpp"
#include "compose/scale.hpp"
#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "model/plan.hpp"
#include "spec/layout.hpp"
#include "text/fit.hpp"
#include "text/measurer.hpp"

namespace plandeck::compose::detail {

inline Color color(const spec::Color& c) { return Color{c.r, c.g, c.b}; }

struct TableCache;  // table.cpp: prepared cell texts and measured tables, per compose() call

// What every part of compose needs.
struct Ctx {
  const spec::Layout& layout;
  const text::FontChainMeasurer& fonts;
  diag::Diagnostics& diags;
  const diag::SourceMap* sources = nullptr;
  std::vector<FontFile> files;                    // Deck::fonts
  std::vector<std::vector<std::size_t>> file_of;  // [style][chain index] -> index in files
  // Memoised table work (table.cpp). Keys are addresses of plan objects, which outlive the
  // Ctx; results depend only on the plan, the layout and the fonts, so a cache hit gives
  // exactly what recomputing would. Not shared between threads (one Ctx per compose call).
  mutable std::shared_ptr<TableCache> tables;
  // Paragraphs prepared for layout (normalised runs → clusters, advances, break
  // opportunities, phrase ranks), by content: the size searches lay the same texts out many
  // times. Shared with the contexts of probes (same thread, same fonts), so that ICU ranks
  // each paragraph once per compose call.
  std::shared_ptr<text::ParagraphCache> paragraphs;
  // text::normalize(utf8).text of plan runs (runs(c, ...)), by the address of the run's
  // text, with a copy of the text it was made from: a look-up hashes a pointer and compares
  // the text instead of hashing it, and an address that holds other text since is simply
  // normalised again. Shared with the contexts of probes and quiet passes like `paragraphs`
  // (copying it for each was a cost of its own).
  struct NormalizedRun {
    std::string source;
    std::u32string text;
  };
  std::shared_ptr<std::unordered_map<const std::string*, NormalizedRun>> normalized;

  // The deck's type scale (scale.hpp), owned by compose(); null: every box sizes itself.
  TypeScale* scale = nullptr;
  // The pages laid out with this context are thrown away (the type scale's probe pass only
  // records sizes, a size search tries a size): draw() sets no text. Sizes, overflows and
  // every other decision are made before drawing and do not depend on it. Copied into
  // derived contexts; mutable for DiscardScope.
  mutable bool pages_discarded = false;
  // The line pitch of the slide being laid out, in em (0: the layout's text.line_height). A
  // slide with room sets its lines looser, up to text.line_height_max (LoosePitch).
  mutable double pitch = 0;
  double line_height() const { return pitch > 0 ? pitch : layout.text.line_height; }

  Ctx(const spec::Layout& l, const text::FontChainMeasurer& f, diag::Diagnostics& d,
      const diag::SourceMap* s);
  // The same context reporting to `d` instead: shares the caches and the type scale (for
  // passes whose messages are thrown away).
  Ctx(const Ctx& other, diag::Diagnostics& d);

  // The range a box of `role` searches (the deck's size as its max, once settled), and the
  // record of the size it took.
  spec::SizeRange range(Role role, const spec::SizeRange& r) const {
    return scale ? scale->range(role, r) : r;
  }
  void took(Role role, double size) const {
    if (scale) scale->took(role, size);
  }
};

// Sets one of the context's mutable settings for a scope, and puts the previous value back.
template <class T>
class ScopedSetting {
 public:
  ScopedSetting(T& slot, T value) : slot_(slot), old_(slot) { slot = value; }
  ~ScopedSetting() { slot_ = old_; }
  ScopedSetting(const ScopedSetting&) = delete;
  ScopedSetting& operator=(const ScopedSetting&) = delete;

 private:
  T& slot_;
  T old_;
};

// Ctx::pages_discarded for a scope (a trial whose page is thrown away).
struct DiscardScope : ScopedSetting<bool> {
  explicit DiscardScope(const Ctx& c) : ScopedSetting(c.pages_discarded, true) {}
};

// Ctx::pitch for a scope (0: the layout's).
struct PitchScope : ScopedSetting<double> {
  PitchScope(const Ctx& c, double pitch) : ScopedSetting(c.pitch, pitch) {}
};

// Text to lay out. Plan runs keep their strong flag; `all_strong` makes everything bold.
std::vector<text::StyledRun> runs(const model::RichText& t, bool all_strong = false);
// The same, normalising each distinct run text once per Ctx.
std::vector<text::StyledRun> runs(const Ctx& c, const model::RichText& t, bool all_strong = false);
std::vector<text::StyledRun> runs(const std::string& utf8, int style = text::kRegular);
std::vector<text::StyledRun> concat(std::vector<text::StyledRun> a,
                                    const std::vector<text::StyledRun>& b);

// One paragraph without marker.
text::BoxParagraph para(std::vector<text::StyledRun> r, double indent_em = 0);
// Items as bulleted paragraphs; depth 0 starts at `base_indent_em`. `markers` per depth
// (the last repeats); nullptr = the layout's list markers.
void add_items(const Ctx& c, std::vector<text::BoxParagraph>& out,
               const std::vector<model::Item>& items, int depth = 0, double base_indent_em = 0,
               const std::vector<std::string>* markers = nullptr);
// The same for the items [first, last) of a list (a part of it, without copying the items).
void add_items(const Ctx& c, std::vector<text::BoxParagraph>& out, const model::Item* first,
               const model::Item* last, int depth = 0, double base_indent_em = 0,
               const std::vector<std::string>* markers = nullptr);

// The colours of a box: regular text and strong (emphasis) text.
struct Paint {
  Color text;
  Color strong;
};
Paint body_paint(const Ctx& c);               // text + accent for emphasis
Paint plain_paint(const Color& all);          // one colour for both

enum class Align { Left, Center, Right };

// Lays paragraphs out at `size` in width `w` with unlimited height (natural height).
// Lonely last lines are balanced as the layout says (text.balance); balancing never changes
// a height, so code that only needs heights passes balance = false to save the retries.
text::FitResult measure(const Ctx& c, const std::vector<text::BoxParagraph>& ps, double w,
                        double size, bool spaced = true, bool balance = true);
// The same, for paragraphs prepared once (text::PreparedBox) and measured several times.
text::FitResult measure(const Ctx& c, const text::PreparedBox& ps, double w, double size,
                        bool spaced = true, bool balance = true);
// Line count, forced breaks and height of measure(c, ps, w, size, spaced, false), without
// building the lines.
text::BoxCount count(const Ctx& c, const text::PreparedBox& ps, double w, double size,
                     bool spaced = true);
// The same with where its lines break (text::tally_breaks).
text::BreakTally tally(const Ctx& c, const text::PreparedBox& ps, double w, double size, bool spaced = true);
// Fits paragraphs into w × h searching `range`.
text::FitResult fit(const Ctx& c, const std::vector<text::BoxParagraph>& ps, double w, double h,
                    const spec::SizeRange& range, bool spaced = true);

// Draws a laid-out box whose top-left corner is (x, y) and width w. Inside a node that holds
// text (P, H1, H2, Lbl, LBody, TH, TD) or an artifact, every line goes to it; elsewhere each
// paragraph becomes a P, and paragraphs with a marker list items (L, LI, Lbl, LBody; a deeper
// marker nests a list in the body of the item before it).
void draw(Page& page, const Ctx& c, const text::FitResult& r, double x, double y, double w,
          const Paint& paint, Align align = Align::Left);

// Draws one line of text (no wrapping) with its baseline at y; returns its width.
double draw_line(Page& page, const Ctx& c, const std::u32string& s, int style, double size,
                 double x, double baseline, const Color& color);
double text_width(const Ctx& c, const std::u32string& s, int style, double size);

// Baseline of the first line of a box laid out at `size`, relative to the box top.
double first_baseline(const Ctx& c, double size);

// Shapes.
void rect(Page& page, double x, double y, double w, double h, std::optional<Color> fill,
          std::optional<Color> stroke = std::nullopt, double line_width = 0.75);
void line(Page& page, double x1, double y1, double x2, double y2, const Color& color,
          double width = 0.75);

// A box that did not fit.
struct Overflow {
  std::string box;       // e.g. "panel[2].items"
  diag::SourceLoc loc;   // the plan text
  double over = 0;       // points too tall
  int forced = 0;        // words too wide for the box
  // Of `forced`, cuts inside a URL or an e-mail address: printed whole across the break and
  // warned about, not refused, when nothing else is wrong with the box.
  int link_forced = 0;
};
void report(const Ctx& c, const std::string& slide, const Overflow& o, double size);

// Checks every text of the plan for characters no font can draw (errors, located).
void check_coverage(const Ctx& c, const model::Plan& plan);

// Sizes to try, largest first: max, max - step, …, min.
std::vector<double> sizes(const spec::SizeRange& r, double step);

}  // namespace plandeck::compose::detail
