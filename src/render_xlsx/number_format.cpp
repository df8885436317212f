#include "render_xlsx/number_format.hpp"

namespace plandeck::render_xlsx {

std::string format_literal(std::string_view text) {
  std::string out;
  bool open = false;
  for (char c : text) {
    if (c == '"') {
      if (open) out += '"';
      open = false;
      out += "\\\"";
    } else {
      if (!open) out += '"';
      open = true;
      out += c;
    }
  }
  if (open) out += '"';
  return out;
}

std::optional<NumberCell> number_cell(const model::Quantity& q) {
  // Excel formats scale only by thousands (a trailing comma), never by 万 or 億: a scaled
  // quantity is written as its printed text rather than as a number shown otherwise.
  if (!q.scale.empty()) return std::nullopt;
  const bool percent = q.unit == "%";
  // From the digits as written, the point moved for %: "96.5" % is 0.965, not 96.5 / 100.
  const double value = q.value(percent ? 2 : 0);
  std::string digits = percent ? "0" : "#,##0";
  if (q.decimals() > 0) digits += "." + std::string(static_cast<std::size_t>(q.decimals()), '0');
  const std::string unit = percent ? "%" : format_literal(q.unit);
  // The signs as the plan writes them: ＋ before an increase, △ (or ▲) before a decrease.
  const std::string plus = q.negative ? "" : q.shown_sign();
  const std::string minus = q.sign == "\u25B3" ? q.sign : "\u25B2";
  const std::string positive = format_literal(q.prefix + plus) + digits + unit;
  const bool quote = (q.prefix + q.unit).find('"') != std::string::npos;
  if (quote) {
    if (q.negative) return std::nullopt;
    return NumberCell{value, positive};
  }
  const std::string negative = format_literal(q.prefix + minus) + digits + unit;
  return NumberCell{value, positive + ";" + negative};
}

}  // namespace plandeck::render_xlsx
