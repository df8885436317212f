#include "text/measurer.hpp"

#include "text/font.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace plandeck::text {

int FixedPitchMeasurer::width(char32_t cp, int /*style*/) const {
  if ((cp >= 0x20 && cp <= 0x7E) || cp == 0xA0 || (cp >= 0xFF61 && cp <= 0xFF9F)) return 500;
  // Removed or joined characters: ZWSP, WJ, BOM, joiners/bidi marks, variation selectors,
  // combining marks (width belongs to the base).
  if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || (cp >= 0x200C && cp <= 0x200F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
      (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x20D0 && cp <= 0x20FF) || cp == 0x3099 ||
      cp == 0x309A)
    return 0;
  return 1000;
}

FontChainMeasurer::FontChainMeasurer(std::vector<const Font*> regular,
                                     std::vector<const Font*> strong)
    : chains_{std::move(regular), std::move(strong)},
      blocks_{std::make_unique<Block[]>(256), std::make_unique<Block[]>(256)} {}

const std::vector<const Font*>& FontChainMeasurer::chain(int style) const {
  return chains_[style == kStrong ? 1 : 0];
}

FontChainMeasurer::Entry FontChainMeasurer::compute(char32_t cp, int style) const {
  const auto& fonts = chain(style);
  auto first_with = [&fonts](char32_t c) {
    for (std::size_t k = 0; k < fonts.size(); ++k)
      if (fonts[k]->has_glyph(c)) return static_cast<int>(k);
    return -1;
  };
  Entry e;
  e.drawn = cp;
  // Walk the chain; a silent look-alike (U+2011 -> U+2010, en/em spaces -> U+0020) in an
  // earlier font beats the real character in a later one, so that a word is not split
  // across fonts for an invisible difference (spec P6: "A‑B" drawn as "A‐B" in BIZ).
  bool silent = false;
  const char32_t look_alike = glyph_substitute(cp, &silent);
  for (std::size_t k = 0; k < fonts.size() && e.font < 0; ++k) {
    if (fonts[k]->has_glyph(cp)) {
      e.font = static_cast<int>(k);
    } else if (silent && fonts[k]->has_glyph(look_alike)) {
      e.font = static_cast<int>(k);
      e.drawn = look_alike;
    }
  }
  e.covered = first_with(cp) >= 0;
  if (e.font < 0) {
    // §5.9: draw (and therefore measure) a substitute; U+3013 as the visible last resort.
    char32_t sub = look_alike;
    int f = sub ? first_with(sub) : -1;
    if (f < 0 && cp >= 0x20) {
      sub = utf8::kGeta;
      f = first_with(sub);
    }
    if (f >= 0) {
      e.drawn = sub;
      e.font = f;
    }
  }
  // No font at all: libharu would draw the first font's .notdef, so measure that.
  const Font* font = e.font >= 0 ? fonts[static_cast<std::size_t>(e.font)]
                                 : (fonts.empty() ? nullptr : fonts.front());
  e.width = font ? font->advance(e.drawn) : 0;
  return e;
}

FontChainMeasurer::Entry FontChainMeasurer::lookup(char32_t cp, int style) const {
  if (cp >= 0x10000) return compute(cp, style);  // libharu cannot draw these anyway
  const std::size_t s = style == kStrong ? 1 : 0;
  Block& block = blocks_[s][cp >> 8];
  if (!block.ready.load(std::memory_order_acquire)) {
    std::call_once(block.once, [&] {
      auto entries = std::make_unique<std::array<Entry, 256>>();
      const char32_t first = cp & ~char32_t{0xFF};
      for (std::size_t k = 0; k < 256; ++k)
        (*entries)[k] = compute(first + static_cast<char32_t>(k), static_cast<int>(s));
      block.entries = std::move(entries);
      block.ready.store(true, std::memory_order_release);
    });
  }
  return (*block.entries)[cp & 0xFF];
}

int FontChainMeasurer::width(char32_t cp, int style) const { return lookup(cp, style).width; }

char32_t FontChainMeasurer::draw_char(char32_t cp, int style) const {
  return lookup(cp, style).drawn;
}

FontChainMeasurer::Glyph FontChainMeasurer::glyph(char32_t cp, int style) const {
  const Entry e = lookup(cp, style);
  return Glyph{e.width, e.drawn, e.font};
}

int FontChainMeasurer::font_for(char32_t cp, int style) const { return lookup(cp, style).font; }

bool FontChainMeasurer::covered(char32_t cp, int style) const {
  return lookup(cp, style).covered;
}

}  // namespace plandeck::text
