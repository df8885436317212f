// Quantities as Excel numbers: the stored value and a number format that prints exactly
// what Quantity::format() prints (prefix, ▲ for negatives, grouping, decimals, unit).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace plandeck::render_xlsx {

struct NumberCell {
  double value = 0;
  std::string format;  // Excel number format code
};

// 約27,000回/月 -> 27000 with "約"#,##0"回/月";"約▲"#,##0"回/月" (the second section is
// for negative numbers, whose magnitude it shows after ▲). Unit "%" -> value / 100 with
// 0%;"▲"0% (decimals kept: 0.0%).
//
// A double quote in the prefix or unit is written \" (Excel has no escape inside quotes).
// LibreOffice 7.4 misreads \" in a format of two sections (it prints the code itself), so
// such a format has one section only; a negative value then cannot show ▲ and nullopt is
// returned: the caller writes the quantity as its printed text. So is a quantity with a
// scale (41.6万人): Excel formats cannot divide by 10,000. A sign written in the plan (△, ＋)
// is shown by the format as written.
std::optional<NumberCell> number_cell(const model::Quantity& q);

// Text as literal parts of a number format ("" for empty text): runs of characters in
// double quotes (where everything, backslash included, is literal) and \" for a quote.
std::string format_literal(std::string_view text);

}  // namespace plandeck::render_xlsx
