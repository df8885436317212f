// The quantity forms of the schema beyond number/prefix/unit: a scale (万), the signs △ and ＋
// as written, and the documented prefixes 平均 and 年間.
#include <catch2/catch.hpp>

#include <string>

#include "model/plan.hpp"

using plandeck::model::Quantity;

namespace {

Quantity q(const std::string& number, const std::string& unit, const std::string& prefix = "",
           const std::string& scale = "", const std::string& sign = "") {
  Quantity out;
  REQUIRE(out.set_number(number));
  out.unit = unit;
  out.prefix = prefix;
  out.scale = scale;
  out.sign = sign;
  return out;
}

}  // namespace

TEST_CASE("a scaled quantity prints as written and means the scaled amount", "[model][quantity]") {
  Quantity people = q("41.6", "人", "約", "万");
  CHECK(people.format() == "約41.6万人");
  CHECK(people.value() == 41.6);  // the number written
  CHECK(people.amount() == 416000);
  CHECK(q("1552", "枚", "約", "万").amount() == 15520000);
  CHECK(q("1.5", "円", "約", "億").format() == "約1.5億円");
  CHECK(q("1.5", "円", "約", "億").amount() == 150000000);
  CHECK(q("3", "人", "", "千").amount() == 3000);
  CHECK(q("19.6", "件", "年間約", "万").format() == "年間約19.6万件");
  CHECK(q("113600", "件").amount() == 113600);  // no scale: the number itself
}

TEST_CASE("signs print as the plan writes them", "[model][quantity]") {
  CHECK(q("-3", "%", "", "", "△").format() == "△3%");
  CHECK(q("-3", "%", "", "", "▲").format() == "▲3%");
  CHECK(q("-3", "%").format() == "▲3%");  // the default for a decrease
  CHECK(q("15", "市町", "", "", "＋").format() == "＋15市町");
  CHECK(q("15", "市町", "", "", "+").format() == "+15市町");
  CHECK(q("15", "市町").format() == "15市町");
  CHECK(q("12.5", "分", "平均").format() == "平均12.5分");
}
