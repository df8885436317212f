// Figures as a reader sees them in a table cell: 約1,552万枚, ▲96%, 約4.3倍, ＋15市町.
// Finds every number in a text, with what is written around it (約, a sign, a scale such
// as 万, the unit), and says what kind of statement it is. Pure: strings in, values out.
// The text is never changed; this is only how the checks and the diff read it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace plandeck::figures {

enum class FigureKind {
  Amount,      // a quantity: 81手続, 約1,552万枚, 約79%
  Ratio,       // N倍: the result as a multiple of the baseline
  Change,      // a signed percentage: ▲96%, ＋12%, 5%減
  Difference,  // a signed quantity: ＋15市町, ▲2件, ＋3ポイント
  Label,       // a number that names something rather than counts it: R5, H30, R6.3
};

struct Figure {
  FigureKind kind = FigureKind::Amount;
  double written = 0;      // the digits as a number, without sign or scale: 1552 for 約1,552万枚
  int decimals = 0;        // digits written after the point
  double scale = 1;        // 10000 for 万, 1e8 for 億, 1000 for 千
  std::string scale_text;  // "万"
  int sign = 0;            // -1 for ▲ △ −, +1 for ＋ +, 0 when none is written
  std::string sign_text;   // the sign as written ("▲", "＋"; "" when none, "減"/"増" after %)
  bool approx = false;     // 約 written before the number (or before its sign)
  std::string unit;        // after the scale: 枚, %, 倍, 市町, ポイント ("" when none)
  std::string text;        // exactly as written, e.g. "約1,552万枚"
  std::size_t offset = 0;  // byte offset of `text` in the scanned string
  bool in_fraction = false;  // one side of "103/107": not a figure on its own

  // The value in base units, sign and scale applied: -96 for ▲96%, 15,520,000 for 約1,552万枚.
  double value() const { return (sign < 0 ? -written : written) * scale; }
  // Half the step of the last significant digit written, in base units: how far an
  // approximate figure (約) may be from the truth. 約1,552万 → 5,000; 約27,000 → 500.
  double half_step() const;
};

// Every number in `text`, in order. ASCII and full-width digits are read; "1,552" is one
// number. A number directly after an ASCII letter (R5, H30) is a Label.
std::vector<Figure> scan(std::string_view text);

// The figure a quantity cell states (its value, unit, 約 and sign), with `text` = its
// printed form. A negative quantity is a statement of change (▲96% → Change).
Figure from_quantity(const model::Quantity& q);

// The single amount a cell states, when it states exactly one (a quantity cell, or a text
// with one Amount among its figures and no fraction): 「内部資料\n約1,552万枚」 → 約1,552万枚.
// Labels (R5), ratios and changes do not count. nullopt when there are none or several.
std::optional<Figure> single_amount(const model::Cell& cell);

// The statements (Ratio, Change, Difference) a cell makes, in order.
std::vector<Figure> statements(const model::Cell& cell);

// Same unit: equal, or the unit read from free text continues the other
// ("回開催" after 約12,000 reads as 回). Both must be non-empty.
bool same_unit(const std::string& a, const std::string& b);

}  // namespace plandeck::figures
