// Internal: numbers in content-stream syntax, written straight into a string.
#pragma once

#include <cstdint>
#include <string>

namespace plandeck::render_pdf::detail {

// `v` as libharu 2.3.0's HPDF_FToA writes it (the form of every number of its drawing calls):
// clamped to ±32767, at most 5 decimals truncated from the float value plus 0.000005, no
// trailing zeros. The same arithmetic in the same types, so the same bytes (tests compare it
// with HPDF_FToA itself); without its zeroed 512-byte buffer and per-call copying.
void append_hpdf_real(std::string& out, float v);

// `v` with at most 3 decimals (1/1000 pt), rounded to nearest, no exponent, no trailing
// zeros, "0" for zero; the bytes std::to_chars(fixed, 3) gives, trimmed.
void append_fixed3(std::string& out, double v);

// `v` in decimal (object numbers, offsets, counts).
inline void append_decimal(std::string& out, std::uint64_t v) {
  char buf[20];
  char* p = buf + sizeof buf;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  out.append(p, static_cast<std::size_t>(buf + sizeof buf - p));
}

}  // namespace plandeck::render_pdf::detail
