#include "compose/fonts.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace plandeck::compose {

std::optional<FontSet> FontSet::load(const spec::Fonts& fonts, const std::vector<std::string>& dirs,
                                     std::string* error) {
  FontSet set;
  set.library_ = std::make_unique<text::FontLibrary>();
  std::array<std::vector<const text::Font*>, 2> chains;
  const std::vector<std::string>* names[2] = {&fonts.regular, &fonts.strong};
  std::map<std::string, std::string> found;  // file name -> path: each is searched for once
  for (std::size_t style = 0; style < 2; ++style) {
    for (const std::string& name : *names[style]) {
      auto known = found.find(name);
      std::optional<std::string> path;
      if (known != found.end()) {
        path = known->second;
      } else {
        path = text::find_font(name, dirs);
      }
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
      found.emplace(name, *path);
      std::string why;
      const text::Font* font = set.library_->get(*path, &why);
      if (font == nullptr) {
        if (error) *error = "cannot read font \"" + *path + "\": " + why;
        return std::nullopt;
      }
      // Refused here, where `check` and `build` both load the fonts: a font the PDF cannot
      // embed would pass `check` and fail only when `build` writes the deck.
      if (!font->has_outlines()) {
        if (error) {
          *error = "font \"" + *path + "\" has no TrueType outlines (no glyf table), so it cannot be embedded in the PDF";
        }
        return std::nullopt;
      }
      // A file already in the chain adds nothing: the first font with a glyph draws it.
      auto& chain = chains[style];
      if (std::find(chain.begin(), chain.end(), font) == chain.end()) chain.push_back(font);
    }
  }
  set.measurer_ = std::make_unique<text::FontChainMeasurer>(chains[0], chains[1]);
  return set;
}

}  // namespace plandeck::compose
