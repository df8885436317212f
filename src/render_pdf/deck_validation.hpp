// Internal: checking a composed deck before anything is written (finite coordinates, colours
// in range, valid UTF-8 without control characters, font indices, links and outline entries
// that exist) and collecting the code points each font file draws. Every refusal is an
// Error naming the page and shape (or link, outline entry).
#pragma once

#include <string>
#include <vector>

#include "compose/deck.hpp"
#include "render_pdf/page_painter.hpp"

namespace plandeck::render_pdf::detail {

// Decodes a string to draw or to write as a PDF text string: valid UTF-8, no control
// characters. Every plane is fine: text is shown as glyph ids and strings are UTF-16BE.
std::u32string decode_for_pdf(const std::string& text, const std::string& where);

struct Collected {
  std::vector<FontSlot> slots;            // in order of first appearance in deck.fonts
  std::vector<std::size_t> slot_of_font;  // deck font index -> slot
};

// Checks the page size and every shape and link; the font files with their code points.
Collected validate_and_collect(const compose::Deck& deck);

// Checks the outline's titles and target pages (`parent`: the path named in errors).
void validate_outline(const std::vector<compose::Outline>& items, std::size_t page_count,
                      const std::string& parent);

}  // namespace plandeck::render_pdf::detail
