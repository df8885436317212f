// Internal to compose: one type scale per deck. A role (title bars, slide headings, label
// cells, table text, the body of one slide kind) gets the same size on every slide.
//
// compose() lays the body slides out twice. The first pass PROBES: every box searches its
// own largest fitting size, as if alone, and the scale records the smallest size each slide
// took per role. settle() then picks per role the deck's size: the largest at which every
// slide of the role fits (the smallest recorded), but never below the range's deck_min. The
// second pass APPLIES it: each box searches from the deck's size downwards, so a slide goes
// smaller only when its content needs it, and such slides are listed in notes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "spec/layout.hpp"

namespace plandeck::compose::detail {

enum class Role {
  Title,       // title bars
  Heading,     // slide headings and table captions
  Label,       // label cells (取組の方向性, 取組結果（R3～R5）, 【到達目標1】)
  Table,       // the text of result-detail tables
  Overview,    // body text, per slide kind
  Projects,
  GoalStatus,
  Results,
  Divider,     // section divider titles
};

class TypeScale {
 public:
  // The slide whose boxes are being laid out (for the records and the notes).
  void begin_slide(const std::string& name, const diag::SourceLoc& loc);

  // The range a box of `role` searches: `r` while probing; once settled, `r` with its max
  // lowered to the deck's size for the role.
  spec::SizeRange range(Role role, const spec::SizeRange& r) const;
  // The deck's size for `role` (0 while probing or when no slide has the role).
  double deck_size(Role role) const;

  // A box of `role` on the current slide took `size`.
  void took(Role role, double size);

  // Ends the probe: per role the smallest size a slide took, raised to the range's floor.
  // `ranges` gives each role's range (its deck_min).
  void settle(const std::map<Role, spec::SizeRange>& ranges);
  bool settled() const { return settled_; }

  // After the applying pass: a note for every slide set below the deck's size of a role.
  void note_deviations(diag::Diagnostics& diags) const;

 private:
  struct Slide {
    std::string name;
    diag::SourceLoc loc;
    std::map<Role, double> smallest;  // per role, the smallest size a box of it took
  };
  std::vector<Slide> slides_;
  std::map<Role, double> deck_;
  bool settled_ = false;
};

// The ranges of the roles in a layout (the body roles share sizes.body).
std::map<Role, spec::SizeRange> role_ranges(const spec::Layout& layout);

}  // namespace plandeck::compose::detail
