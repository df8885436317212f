// Small helpers shared by paragraph.cpp (greedy filling) and paragraph_balance.cpp; not part
// of the text module's interface.
#pragma once

#include <algorithm>

#include "text/linebreak.hpp"
#include "text/paragraph.hpp"

namespace plandeck::text::detail {

inline bool is_space(BreakClass c) { return c == BreakClass::SP || c == BreakClass::ISP; }
inline bool is_invisible(BreakClass c) { return c == BreakClass::ZW || c == BreakClass::WJ; }
// Only these may hang past the right edge (JLREQ burasage; spec §5.6).
inline bool can_hang(char32_t cp) { return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E; }

// Compare `units * size <= width * 1000` (§5.6). Widths are integers, so the only rounding
// is in a decimal box width; the tolerance keeps "equality fits" robust. With a record,
// every outcome is noted there.
struct Fit {
  double size;
  double limit;
  FitRecord* record;
  explicit Fit(const LayoutOptions& o, FitRecord* r = nullptr)
      : size(o.size_pt), limit(o.width_pt * 1000.0 + 1e-6), record(r) {}
  bool operator()(long units) const {
    const bool ok = static_cast<double>(units) * size <= limit;
    if (record) {
      if (ok) record->widest_fitting = std::max(record->widest_fitting, units);
      else record->narrowest_unfitting = std::min(record->narrowest_unfitting, units);
    }
    return ok;
  }
  // Whether `units` fill at least half the measure.
  bool half_full(long units) const {
    const bool ok = 2.0 * static_cast<double>(units) * size >= limit;
    if (record) {
      if (ok) record->least_half_full = std::min(record->least_half_full, units);
      else record->most_not_half_full = std::max(record->most_not_half_full, units);
    }
    return ok;
  }
  // Whether every comparison noted in `r` (at this size) comes out the same here.
  bool agrees(const FitRecord& r) const {
    auto fits = [&](long u) { return static_cast<double>(u) * size <= limit; };
    auto half = [&](long u) { return 2.0 * static_cast<double>(u) * size >= limit; };
    return (r.widest_fitting < 0 || fits(r.widest_fitting)) &&
           (r.narrowest_unfitting == std::numeric_limits<long>::max() || !fits(r.narrowest_unfitting)) &&
           (r.least_half_full == std::numeric_limits<long>::max() || half(r.least_half_full)) &&
           (r.most_not_half_full < 0 || !half(r.most_not_half_full));
  }
};

}  // namespace plandeck::text::detail
