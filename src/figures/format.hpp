// Numbers written the way the plan writes them: thousands separators, fixed decimals.
#pragma once

#include <string>

namespace plandeck::figures {

// 1234567.891, 2 → "1,234,567.89"; a negative value gets "−" (U+2212). Locale-independent.
std::string format_number(double value, int decimals);

}  // namespace plandeck::figures
