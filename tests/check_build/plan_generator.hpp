// Plans made up at random for the check = build property: valid structure most of the time,
// with texts, sheet names, markers and quantities drawn from a palette that holds what has
// tripped the renderers before (control characters, noncharacters, bidi controls, characters
// beyond the BMP, surrogate escapes, XML and format metacharacters, very long values).
#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace plandeck::testing {

class PlanGenerator {
 public:
  explicit PlanGenerator(std::uint32_t seed) : rng_(seed) {}

  // One plan as YAML text.
  std::string plan();

 private:
  std::size_t pick(std::size_t n);  // 0 .. n-1
  bool chance(int percent);
  bool trouble();  // whether to put something hostile here (trouble_per_mille_)

  std::string text(bool hostile_allowed = true);  // a double-quoted YAML scalar
  std::string sheet_name();
  std::string number();
  std::string quantity();
  std::string cell();
  std::string items(int indent, int depth);
  std::string slide(int indent);
  std::string chapter(int indent);

  std::mt19937 rng_;
  int trouble_per_mille_ = 0;
  int sheets_ = 0;  // clean sheet names are numbered: 結果1, 結果2 …
};

}  // namespace plandeck::testing
