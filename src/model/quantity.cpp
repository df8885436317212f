#include "model/plan.hpp"

#include <cmath>
#include <cstdio>

namespace plandeck::model {

std::string Quantity::format() const {
  // Locale-independent: digits are grouped by hand, never through the C locale.
  double magnitude = std::fabs(value);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, magnitude);
  std::string digits(buf);
  std::size_t point = digits.find('.');
  std::string integer = digits.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += ',';
    grouped += integer[i];
  }
  std::string out = prefix;
  if (value < 0) out += "\u25B2";  // ▲: the Japanese sign for a decrease
  out += grouped + fraction + unit;
  return out;
}

}  // namespace plandeck::model
