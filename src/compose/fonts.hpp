// Loads the font chains a layout names (spec::Fonts) and builds the measurer compose uses.
// This is the one place of compose that touches files; compose() itself stays pure.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "spec/layout.hpp"
#include "text/font.hpp"
#include "text/measurer.hpp"

namespace plandeck::compose {

class FontSet {
 public:
  // Looks every file of the layout's chains up in `dirs` (text::font_search_dirs) and loads
  // it, once per distinct file; a file named twice in a chain is kept once. On failure returns nullopt and sets *error to a message naming the missing file and
  // the directories searched.
  static std::optional<FontSet> load(const spec::Fonts& fonts, const std::vector<std::string>& dirs,
                                     std::string* error = nullptr);

  const text::FontChainMeasurer& measurer() const { return *measurer_; }

 private:
  FontSet() = default;
  std::unique_ptr<text::FontLibrary> library_;  // each file loaded once; stable addresses
  std::unique_ptr<text::FontChainMeasurer> measurer_;
};

}  // namespace plandeck::compose
