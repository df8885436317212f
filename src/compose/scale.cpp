#include "compose/scale.hpp"

#include <algorithm>
#include <cmath>

namespace plandeck::compose::detail {

namespace {

constexpr double kEps = 1e-6;

struct RoleName {
  const char* ja;
  const char* en;
};

RoleName role_name(Role r) {
  switch (r) {
    case Role::Title: return {"タイトル帯", "title bar"};
    case Role::Heading: return {"見出し", "heading"};
    case Role::Label: return {"ラベル", "label cells"};
    case Role::Table: return {"表", "table text"};
    case Role::Overview: return {"本文（概要）", "body text (overview)"};
    case Role::Projects: return {"本文（取組内容）", "body text (projects)"};
    case Role::GoalStatus: return {"本文（到達目標）", "body text (goal status)"};
    case Role::Results: return {"本文（取組結果）", "body text (results)"};
    case Role::Divider: return {"中扉の題", "section divider title"};
  }
  return {"", ""};
}

}  // namespace

void TypeScale::begin_slide(const std::string& name, const diag::SourceLoc& loc) {
  slides_.push_back(Slide{name, loc, {}});
}

spec::SizeRange TypeScale::range(Role role, const spec::SizeRange& r) const {
  spec::SizeRange out = r;
  const double d = deck_size(role);
  if (d > 0) out.max = std::max(out.min, std::min(out.max, d));
  return out;
}

double TypeScale::deck_size(Role role) const {
  if (!settled_) return 0;
  auto it = deck_.find(role);
  return it == deck_.end() ? 0 : it->second;
}

void TypeScale::took(Role role, double size) {
  if (slides_.empty()) slides_.push_back(Slide{});
  auto& m = slides_.back().smallest;
  auto it = m.find(role);
  if (it == m.end()) m.emplace(role, size);
  else it->second = std::min(it->second, size);
}

void TypeScale::settle(const std::map<Role, spec::SizeRange>& ranges) {
  deck_.clear();
  for (const Slide& s : slides_) {
    for (const auto& [role, size] : s.smallest) {
      auto it = deck_.find(role);
      if (it == deck_.end()) deck_.emplace(role, size);
      else it->second = std::min(it->second, size);
    }
  }
  for (auto& [role, size] : deck_) {
    auto r = ranges.find(role);
    if (r != ranges.end()) size = std::min(r->second.max, std::max(size, r->second.floor()));
  }
  slides_.clear();
  settled_ = true;
}

void TypeScale::note_deviations(diag::Diagnostics& diags) const {
  if (!settled_) return;
  for (const Slide& s : slides_) {
    for (const auto& [role, size] : s.smallest) {
      const double d = deck_size(role);
      if (d <= 0 || size >= d - kEps) continue;
      const RoleName n = role_name(role);
      diags.note(s.loc,
                 {"スライド「" + s.name + "」の" + n.ja + "は " + diag::points(size) + "pt です（このデッキの基準 " + diag::points(d) +
                      "pt に収まらないため小さくしました）",
                  "slide \"" + s.name + "\": " + n.en + " set at " + diag::points(size) + " pt, below the deck's " + diag::points(d) +
                      " pt for this role (its content does not fit at that size)"},
                 diag::Message{"文を短くするか、スライドを分けると、他のスライドと同じ大きさで組めます",
                               "shorten the text or split the slide to set it at the same size as the others"});
    }
  }
}

std::map<Role, spec::SizeRange> role_ranges(const spec::Layout& layout) {
  const auto& S = layout.sizes;
  return {{Role::Title, S.title},       {Role::Heading, S.heading},       {Role::Label, S.body},
          {Role::Table, S.table},       {Role::Overview, S.body},         {Role::Projects, S.body},
          {Role::GoalStatus, S.body},   {Role::Results, S.body},          {Role::Divider, S.divider}};
}

}  // namespace plandeck::compose::detail
