// Shared helpers of the compose tests: real fonts, tiny hand-built plans, and geometric
// checks on a composed deck.
#pragma once

#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "compose/fonts.hpp"
#include "model/plan.hpp"

namespace plandeck::testing {

// The layout's default font chains, loaded once.
const compose::FontSet& default_fonts();

// A text with one run at file "mem.yaml", line `line`, column 1.
model::RichText rt(const std::string& text, int line = 1, bool strong = false);
model::Item item(const std::string& text, int line = 1);

// A plan with one section, one chapter and the given slides.
model::Plan one_chapter(std::vector<model::Slide> slides);

// A detail table with the default plan's six column headers (line 31), its caption at
// line 30; and a 結果詳細 slide (label at line 29) holding it.
model::DetailTable detail_table(const std::string& caption, std::vector<model::TableGroup> groups);
model::Slide details_slide(model::DetailTable t, const std::string& id);

// The TextRuns of a page, and their texts joined.
std::vector<compose::TextRun> runs(const compose::Page& page);
std::string page_text(const compose::Page& page);
// The text drawn inside the title bar (y above `bar_bottom`).
std::string title_text(const compose::Page& page, double bar_bottom = 52);

// Geometry problems of a page: runs outside the page, runs overlapping each other, runs
// crossing the edge of a rectangle. Empty when the page is clean.
std::vector<std::string> geometry_problems(const compose::Deck& deck, std::size_t page);

}  // namespace plandeck::testing
