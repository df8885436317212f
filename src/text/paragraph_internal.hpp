// Small helpers shared by paragraph.cpp (greedy filling) and paragraph_balance.cpp; not part
// of the text module's interface.
#pragma once

#include "text/linebreak.hpp"
#include "text/paragraph.hpp"

namespace plandeck::text::detail {

inline bool is_space(BreakClass c) { return c == BreakClass::SP || c == BreakClass::ISP; }
inline bool is_invisible(BreakClass c) { return c == BreakClass::ZW || c == BreakClass::WJ; }
// Only these may hang past the right edge (JLREQ burasage; spec §5.6).
inline bool can_hang(char32_t cp) { return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E; }

// Compare `units * size <= width * 1000` (§5.6). Widths are integers, so the only rounding
// is in a decimal box width; the tolerance keeps "equality fits" robust.
struct Fit {
  double size;
  double limit;
  explicit Fit(const LayoutOptions& o) : size(o.size_pt), limit(o.width_pt * 1000.0 + 1e-6) {}
  bool operator()(long units) const { return static_cast<double>(units) * size <= limit; }
};

}  // namespace plandeck::text::detail
