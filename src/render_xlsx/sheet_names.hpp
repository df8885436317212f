// Excel's sheet-name rules, and unique names derived from chapter titles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plandeck::render_xlsx {

// Why `name` cannot be a sheet name (empty string when it can): at most 31 characters
// (UTF-16 units, as Excel counts), none of []:*?/\ or control characters, no leading or
// trailing apostrophe, not empty, not the reserved name "History", valid UTF-8.
std::string sheet_name_problem(std::string_view name);

// A valid sheet name made from free text: line breaks and runs of spaces become one space,
// the forbidden characters become their full-width forms (／ ： ？ ＊ ［ ］ ＼), apostrophes
// at either end are dropped, and the result is cut to 31 characters.
std::string sanitize_sheet_name(std::string_view text);

// Hands out unique names in a deterministic order. Names compare without regard to ASCII
// case, as Excel does.
class SheetNamer {
 public:
  // Reserves a name that must be used as is; false when it is already taken.
  bool reserve(const std::string& name);
  // Returns `base` if free, otherwise `base (2)`, `base (3)` … with the base shortened so
  // that the name stays within 31 characters; the name is then taken.
  std::string unique(const std::string& base);
  bool taken(const std::string& name) const;

 private:
  std::vector<std::string> folded_;
};

// Quoted for a cell reference or an internal link: 'It''s'!A1 -> "'It''s'".
std::string quote_sheet_name(std::string_view name);

}  // namespace plandeck::render_xlsx
