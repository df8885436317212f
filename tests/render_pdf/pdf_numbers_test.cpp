// Content-stream numbers (pdf_numbers.hpp) against their references: libharu's own
// HPDF_FToA, whose bytes append_hpdf_real must reproduce, and std::to_chars for append_fixed3.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_utils.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

#include "render_pdf/pdf_numbers.hpp"

using plandeck::render_pdf::detail::append_fixed3;
using plandeck::render_pdf::detail::append_hpdf_real;

namespace {

std::string by_libharu(float v) {
  char buf[HPDF_TMP_BUF_SIZ] = {};
  const char* end = HPDF_FToA(buf, v, buf + sizeof buf - 1);
  return std::string(buf, static_cast<std::size_t>(end - buf));
}

std::string ours(float v) {
  std::string s = "x";  // appends, after what is there
  append_hpdf_real(s, v);
  return s.substr(1);
}

// As the painter wrote numbers before append_fixed3: a value too long for 48 characters
// (never on a page) comes out as "0".
std::string by_to_chars(double v) {
  char buf[48];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  char* end = res.ec == std::errc() ? res.ptr : buf;
  while (end > buf && end[-1] == '0') --end;
  if (end > buf && end[-1] == '.') --end;
  std::string s(buf, static_cast<std::size_t>(end - buf));
  return s.empty() || s == "-0" ? "0" : s;
}

std::string fixed3(double v) {
  std::string s;
  append_fixed3(s, v);
  return s;
}

}  // namespace

TEST_CASE("append_hpdf_real writes what HPDF_FToA writes", "[render_pdf][numbers]") {
  // Specific values: zero of both signs, limits and beyond, fractions near the rounding edges.
  for (float v : {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 455.3f, 0.12157f, 0.999995f, 0.9999949f, 1e-6f, -1e-6f,
                  4.9e-6f, 5e-6f, 32767.0f, 32767.5f, -32767.0f, -40000.0f, 1e9f, -1e9f, 12345.678f,
                  0.00001f, 0.000015f, 99999.0f, 2.5f, 841.89f, 595.276f, 0.9999951f, 2.9999952f,
                  -7.9999960f, 12.999996f}) {
    INFO(v);
    CHECK(ours(v) == by_libharu(v));
  }
  // Every hundredth of a point over a page and beyond, both signs.
  for (int i = -2000000; i <= 2000000; i += 7) {
    const float v = static_cast<float>(i) / 100.0f;
    INFO(i);
    REQUIRE(ours(v) == by_libharu(v));
  }
  // Colour components k/255 and random floats of every magnitude a page uses.
  for (int k = 0; k <= 255; ++k) {
    const float v = static_cast<float>(k / 255.0);
    REQUIRE(ours(v) == by_libharu(v));
  }
  std::mt19937 gen(20231114);
  std::uniform_real_distribution<float> wide(-40000.0f, 40000.0f);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  std::uniform_int_distribution<int> whole(-33000, 33000);
  std::uniform_real_distribution<float> near(-0.00002f, 0.00002f);
  for (int i = 0; i < 200000; ++i) {
    const float a = wide(gen), b = unit(gen);
    const float c = static_cast<float>(whole(gen)) + near(gen);  // within 2e-5 of an integer
    INFO(a << " " << b << " " << c);
    REQUIRE(ours(a) == by_libharu(a));
    REQUIRE(ours(b) == by_libharu(b));
    REQUIRE(ours(c) == by_libharu(c));
  }
}

TEST_CASE("append_fixed3 writes what to_chars writes with 3 decimals", "[render_pdf][numbers]") {
  for (double v : {0.0, -0.0, 0.0004, -0.0004, 0.0005, -0.0005, 0.0015, 2.5, 479.395, 1e-9, 1234567.8915,
                   8e6 + 0.0005, 1e12, -1e12, 1e300}) {
    INFO(v);
    CHECK(fixed3(v) == by_to_chars(v));
  }
  // Thousandths and half-thousandths (the rounding edge) over a page, both signs.
  for (int i = -3000000; i <= 3000000; i += 3) {
    const double v = i / 2000.0;
    INFO(i);
    REQUIRE(fixed3(v) == by_to_chars(v));
  }
  std::mt19937_64 gen(1700000000);
  std::uniform_real_distribution<double> wide(-20000.0, 20000.0);
  for (int i = 0; i < 300000; ++i) {
    const double v = wide(gen);
    INFO(v);
    REQUIRE(fixed3(v) == by_to_chars(v));
  }
}
