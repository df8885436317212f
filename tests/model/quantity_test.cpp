// model::Quantity keeps the digits as written and prints from them.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "model/plan.hpp"

using plandeck::model::Quantity;

namespace {

Quantity q(const std::string& number, const std::string& unit = "", const std::string& prefix = "") {
  Quantity out;
  REQUIRE(out.set_number(number));
  out.unit = unit;
  out.prefix = prefix;
  return out;
}

}  // namespace

TEST_CASE("a quantity prints its digits as written with separators, sign and unit", "[model][quantity]") {
  CHECK(q("113600", "件").format() == "113,600件");
  CHECK(q("27000", "回/月", "約").format() == "約27,000回/月");
  CHECK(q("-96", "%").format() == "▲96%");
  CHECK(q("4.30", "倍", "約").format() == "約4.30倍");
  CHECK(q("0").format() == "0");
  CHECK(q("-0").format() == "0");  // zero has no sign
  CHECK(q("-0.00").format() == "0.00");
  CHECK(q("100").format() == "100");
  CHECK(q("1000").format() == "1,000");
  CHECK(q("0.05").format() == "0.05");
  // Beyond a double's 15-16 digits: printed from the text, never through a double.
  CHECK(q("10000000000000001").format() == "10,000,000,000,000,001");
  CHECK(q("1.12345678901234567890").format() == "1.12345678901234567890");
  std::string seventy(70, '9');
  CHECK(q(seventy).format().size() == 70 + 23);  // 23 separators
}

TEST_CASE("significant digits count what Excel would have to hold", "[model][quantity]") {
  CHECK(q("113600").significant_digits() == 6);
  CHECK(q("0.05").significant_digits() == 1);
  CHECK(q("-0.0000000000000001").significant_digits() == 1);
  CHECK(q("0").significant_digits() == 0);
  CHECK(q("4.30").significant_digits() == 3);  // the trailing zero is printed, so it counts
  CHECK(q("123456789012345").significant_digits() == 15);
  CHECK(q("10000000000000001").significant_digits() == 17);
  CHECK(q("1.12345678901234567890").significant_digits() == 21);
}

TEST_CASE("the value is the nearest double of the digits, exact within 15 digits", "[model][quantity]") {
  CHECK(q("113600").value() == 113600.0);
  CHECK(q("-96").value() == -96.0);
  CHECK(q("-96").value(2) == -0.96);
  CHECK(q("96.5").value(2) == 0.965);
  CHECK(q("0.5").value(2) == 0.005);
  CHECK(q("4.30").value() == 4.3);
  // Every number of at most 15 digits survives a round trip through the double.
  for (const char* s : {"123456789012345", "0.123456789012345", "98765.4321098765", "999999999999999",
                        "0.0000000000000001"}) {
    INFO(s);
    Quantity v = q(s);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", v.decimals(), v.value());
    CHECK(std::string(buf) == s);
  }
}

TEST_CASE("only plain decimals are taken", "[model][quantity]") {
  Quantity v;
  for (const char* bad : {"", "-", "01", "1.", ".5", "1e3", "1,000", "+1", "１", "0x10", "1.2.3"}) {
    INFO(bad);
    CHECK_FALSE(v.set_number(bad));
  }
  CHECK(v.literal() == "0");  // untouched by the failures
  REQUIRE(v.set_number("-12.50"));
  CHECK(v.literal() == "-12.50");
  CHECK(v.negative);
  CHECK(v.decimals() == 2);
}
