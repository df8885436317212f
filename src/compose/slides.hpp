// Internal to compose: the page frame (title bar, slide heading) and the content slide kinds.
#pragma once

#include <string>
#include <vector>

#include "compose/painter.hpp"

namespace plandeck::compose::detail {

// The content area below the title bar (and the slide heading, when there is one).
struct Area {
  double x = 0, y = 0, w = 0, h = 0;
  double bottom() const { return y + h; }
};

// Draws the title bar (and the slide heading) of a content page; returns the body area.
// `slide` names the slide in messages.
Area draw_frame(Page& page, const Ctx& c, const std::vector<text::StyledRun>& title,
                const model::RichText* heading, const std::string& slide, const diag::SourceLoc& loc);

// One plan slide → one or more pages (tables continue on further pages).
// `title` is the title bar text without （続き）.
std::vector<Page> compose_slide(const Ctx& c, const model::Slide& slide,
                                const std::vector<text::StyledRun>& title, const std::string& name);

}  // namespace plandeck::compose::detail
