#include "render_pdf/pdf_numbers.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace plandeck::render_pdf::detail {

void append_hpdf_real(std::string& out, float v) {
  constexpr float kLimit = 32767;  // HPDF_LIMIT_MAX_REAL, -HPDF_LIMIT_MIN_REAL
  if (v > kLimit) {
    v = kLimit;
  } else if (v < -kLimit) {
    v = -kLimit;
  }
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  const bool negative = v < 0;
  if (negative) v = -v;
  // As HPDF_FToA: the integer part from the double sum, the fraction as a float times 100000.
  std::int32_t int_val = static_cast<std::int32_t>(v + 0.000005);
  std::int32_t frac = static_cast<std::int32_t>(static_cast<float>(v - static_cast<float>(int_val) + 0.000005) * 100000);
  char digits[5];
  for (int i = 4; i >= 0; --i) {  // five decimals, as its loop takes them
    digits[i] = static_cast<char>(static_cast<char>(frac % 10) + '0');
    frac /= 10;
  }
  int kept = 5;  // trailing zeros dropped, and the point with them
  while (kept > 0 && digits[kept - 1] == '0') --kept;
  p -= kept;
  for (int i = 0; i < kept; ++i) p[i] = digits[i];
  if (kept > 0) *--p = '.';
  if (int_val == 0) {
    *--p = '0';
  } else {
    while (int_val > 0) {
      *--p = static_cast<char>(static_cast<char>(int_val % 10) + '0');
      int_val /= 10;
    }
  }
  if (negative) *--p = '-';
  out.append(p, static_cast<std::size_t>(end - p));
}

void append_fixed3(std::string& out, double v) {
  // Fast path, exact: to_chars rounds the exact binary value to 3 decimals, i.e. to the
  // integer nearest to v*1000. Below 2^33 the product in double is within half an ulp
  // (2^-21, under 1e-6) of the exact one, so both have the same nearest integer unless they
  // lie within 1e-6 of a half-integer; those few values take the slow path.
  const double scaled = v * 1000;
  if (std::fabs(scaled) < 8e9) {
    const double whole = std::floor(scaled);
    const double frac = scaled - whole;
    if (std::fabs(frac - 0.5) > 1e-6) {
      const long long n = static_cast<long long>(whole) + (frac > 0.5 ? 1 : 0);
      if (n == 0) {
        out += '0';
        return;
      }
      char buf[32];
      char* end = buf + sizeof buf;
      char* p = end;
      const bool negative = n < 0;
      const unsigned long long u =
          negative ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
      unsigned long long ip = u / 1000;
      unsigned fp = static_cast<unsigned>(u % 1000);
      if (fp != 0) {  // up to 3 decimals, without trailing zeros
        int digits = 3;
        while (fp % 10 == 0) {
          fp /= 10;
          --digits;
        }
        for (int i = 0; i < digits; ++i) {
          *--p = static_cast<char>('0' + fp % 10);
          fp /= 10;
        }
        *--p = '.';
      }
      do {
        *--p = static_cast<char>('0' + ip % 10);
        ip /= 10;
      } while (ip != 0);
      if (negative) *--p = '-';
      out.append(p, static_cast<std::size_t>(end - p));
      return;
    }
  }
  char buf[48];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  char* end = res.ec == std::errc() ? res.ptr : buf;
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  std::string_view s(buf, static_cast<std::size_t>(end - buf));
  if (s.empty() || s == "-0") s = "0";
  out += s;
}

}  // namespace plandeck::render_pdf::detail
