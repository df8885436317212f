// Internal to compose: content that flows on over several pages of the same body area.
//
// A slide kind measures its content at one size and cuts it into units (a results list
// part, a row of panels, a goal, an overview block); the Pager stacks them top to bottom
// and opens a new page when the next unit does not fit. It only plans: the pages are drawn
// afterwards (draw()), once the size has been chosen, from the same measurements, so what
// is drawn is exactly what was planned (the layout audit then checks it independently).
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

#include "compose/parts.hpp"
#include "compose/slides.hpp"

namespace plandeck::compose::detail {

class Pager {
 public:
  // Draws a unit with its top at y, `h` tall (its planned height plus any stretch).
  using Draw = std::function<void(Page&, double y, double h)>;

  explicit Pager(const Area& area) : area_(area), y_(area.y) { pages_.emplace_back(); }

  const Area& area() const { return area_; }
  bool fresh() const { return pages_.back().empty(); }
  // The room left on the current page for a unit placed next (after the pending gap).
  double room() const { return area_.bottom() - y_ - (fresh() ? 0 : gap_); }
  bool fits(double h) const { return h <= room() + kEps; }
  // Starts a new page unless the current one is still empty.
  void break_page() {
    if (fresh()) return;
    pages_.emplace_back();
    y_ = area_.y;
    gap_ = 0;
  }
  // Places a unit: on this page when it fits, else on a new one. A unit taller than a whole
  // page is placed anyway and recorded in `overflows` (blamed on `blame`).
  // `gap_after` separates it from the next unit on the same page; `stretch` is how much
  // taller it may be drawn when its page has room to spare.
  void place(double h, double gap_after, Draw draw, const Overflow& blame, double stretch = 0) {
    if (!fits(h)) break_page();
    if (!fits(h)) {
      Overflow o = blame;
      o.over = h - room();
      overflows.push_back(o);
    }
    if (!fresh()) y_ += gap_;
    pages_.back().push_back(Unit{y_, h, stretch, std::move(draw)});
    y_ += h;
    gap_ = gap_after;
  }
  std::size_t page_count() const { return fresh() && pages_.size() > 1 ? pages_.size() - 1 : pages_.size(); }

  // Draws page `k`: spare room at the foot goes to the stretchable units, in order, and the
  // units below a stretched one move down with it.
  void draw(std::size_t k, Page& page) const {
    const std::vector<Unit>& units = pages_[k];
    double spare = units.empty() ? 0 : std::max(0.0, area_.bottom() - (units.back().y + units.back().h));
    double shift = 0;
    for (const Unit& u : units) {
      const double extra = std::min(spare, u.stretch);
      u.draw(page, u.y + shift, u.h + extra);
      spare -= extra;
      shift += extra;
    }
  }

  std::vector<Overflow> overflows;  // units taller than a page, and words too wide

 private:
  struct Unit {
    double y, h, stretch;
    Draw draw;
  };
  Area area_;
  double y_;
  double gap_ = 0;  // below the last unit placed
  std::vector<std::vector<Unit>> pages_;
};

// The sizes, largest first, to search for content that can flow on: those of `r` down to
// r.flow_below when every unit fits a page there (`units_fit(size)`), so that a dense slide
// continues on …（続き） pages at a readable size rather than shrinking to fit one page;
// else all of them down to r.min (a unit taller than a page at flow_below may still fit
// one at a smaller size, and the error, if any, is reported at min).
template <class UnitsFit>
std::vector<double> flowing_sizes(const spec::SizeRange& r, double step, UnitsFit units_fit) {
  std::vector<double> all = sizes(r, step);
  std::vector<double> readable;
  for (double s : all) {
    if (s >= r.flow_below - kEps) readable.push_back(s);
  }
  if (readable.empty() || readable.size() == all.size() || !units_fit(readable.back())) return all;
  return readable;
}

}  // namespace plandeck::compose::detail
