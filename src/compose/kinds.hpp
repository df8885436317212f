// Internal to compose: the slide kinds whose content flows on to …（続き） pages when it does
// not fit one page at the layout's minimum size (results, goal status, overview), and the
// table continuation pages they share with the details slides.
#pragma once

#include <string>
#include <vector>

#include "compose/parts.hpp"
#include "compose/slides.hpp"
#include "compose/table.hpp"

namespace plandeck::compose::detail {

// The body area of a content page of `slide` (the same on its continuation pages).
Area body_area(const Ctx& c, const model::Slide& slide, const std::vector<text::StyledRun>& title,
               const std::string& name);
// A new page of `slide` with its frame drawn: the title, plus （続き） when `continued`.
Page frame_page(const Ctx& c, const model::Slide& slide, const std::vector<text::StyledRun>& title,
                bool continued, const std::string& name);

// Continuation slides of a table: the frame with （続き）, the caption, and parts
// [first, parts.size()) of the plan.
void table_pages(std::vector<Page>& out, const Ctx& c, const model::Slide& slide, const model::DetailTable& t,
                 const TablePlan& plan, std::size_t first, const std::vector<text::StyledRun>& title,
                 const std::string& name);
// Draws part `k` of a table with its top-left corner at (x, y), as a box named 表.
void table_part_box(Page& page, const Ctx& c, const model::DetailTable& t, const TablePlan& plan,
                    std::size_t k, double x, double y, double w);

std::vector<Page> results_slide(const Ctx& c, const model::Slide& slide, const model::ResultsSlide& s,
                                const std::vector<text::StyledRun>& title, const std::string& name);
std::vector<Page> goal_status_slide(const Ctx& c, const model::Slide& slide, const model::GoalStatusSlide& s,
                                    const std::vector<text::StyledRun>& title, const std::string& name);
std::vector<Page> overview_slide(const Ctx& c, const model::Slide& slide, const model::OverviewSlide& s,
                                 const std::vector<text::StyledRun>& title, const std::string& name);

}  // namespace plandeck::compose::detail
