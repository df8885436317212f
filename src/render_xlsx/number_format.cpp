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
  const bool percent = q.unit == "%";
  const double value = percent ? q.value / 100.0 : q.value;
  std::string digits = percent ? "0" : "#,##0";
  if (q.decimals > 0) digits += "." + std::string(static_cast<std::size_t>(q.decimals), '0');
  const std::string unit = percent ? "%" : format_literal(q.unit);
  const std::string positive = format_literal(q.prefix) + digits + unit;
  const bool quote = (q.prefix + q.unit).find('"') != std::string::npos;
  if (quote) {
    if (q.value < 0) return std::nullopt;
    return NumberCell{value, positive};
  }
  const std::string negative = format_literal(q.prefix + "\u25B2") + digits + unit;
  return NumberCell{value, positive + ";" + negative};
}

}  // namespace plandeck::render_xlsx
