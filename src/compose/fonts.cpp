#include "compose/fonts.hpp"

#include <array>

namespace plandeck::compose {

std::optional<FontSet> FontSet::load(const spec::Fonts& fonts, const std::vector<std::string>& dirs,
                                     std::string* error) {
  FontSet set;
  std::array<std::vector<const text::Font*>, 2> chains;
  const std::vector<std::string>* names[2] = {&fonts.regular, &fonts.strong};
  for (std::size_t style = 0; style < 2; ++style) {
    for (const std::string& name : *names[style]) {
      std::optional<std::string> path = text::find_font(name, dirs);
      if (!path) {
        if (error) {
          std::string where;
          for (const auto& d : dirs) where += (where.empty() ? "" : ", ") + d;
          *error = "font \"" + name + "\" not found (searched: " + where + ")";
          if (std::string what = text::describe_unusable_font(name, dirs); !what.empty()) {
            *error = "font " + what;
          }
        }
        return std::nullopt;
      }
      std::string why;
      std::optional<text::Font> font = text::Font::load(*path, &why);
      if (!font) {
        if (error) *error = "cannot read font \"" + *path + "\": " + why;
        return std::nullopt;
      }
      set.owned_.push_back(std::make_unique<text::Font>(std::move(*font)));
      chains[style].push_back(set.owned_.back().get());
    }
  }
  set.measurer_ = std::make_unique<text::FontChainMeasurer>(chains[0], chains[1]);
  return set;
}

}  // namespace plandeck::compose
