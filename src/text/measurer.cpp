#include "text/measurer.hpp"

#include <stdexcept>

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
      blocks_{std::make_unique<Block[]>(256), std::make_unique<Block[]>(256)} {
  // pack() keeps a font index in 8 bits (layouts allow 16 fonts per chain).
  for (const auto& chain : chains_) {
    if (chain.size() > 250) throw std::length_error("a font chain of more than 250 fonts");
  }
}

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

// An entry as one word: bit 63 says it is computed; then covered (1 bit), font + 1
// (8 bits), the drawn code point (21 bits) and the width (32 bits).
std::uint64_t FontChainMeasurer::pack(const Entry& e) {
  return std::uint64_t{1} << 63 | std::uint64_t{e.covered} << 62 |
         static_cast<std::uint64_t>(static_cast<std::uint8_t>(e.font + 1)) << 53 |
         static_cast<std::uint64_t>(e.drawn & 0x1FFFFF) << 32 | static_cast<std::uint32_t>(e.width);
}

FontChainMeasurer::Entry FontChainMeasurer::unpack(std::uint64_t word) {
  Entry e;
  e.covered = (word >> 62 & 1) != 0;
  e.font = static_cast<int>(word >> 53 & 0xFF) - 1;
  e.drawn = static_cast<char32_t>(word >> 32 & 0x1FFFFF);
  e.width = static_cast<std::int32_t>(static_cast<std::uint32_t>(word));
  return e;
}

FontChainMeasurer::Entry FontChainMeasurer::lookup(char32_t cp, int style) const {
  if (cp >= 0x10000) return compute(cp, style);  // libharu cannot draw these anyway
  const std::size_t s = style == kStrong ? 1 : 0;
  Block& block = blocks_[s][cp >> 8];
  if (!block.ready.load(std::memory_order_acquire)) {
    std::call_once(block.once, [&] {
      block.entries = std::make_unique<std::array<std::atomic<std::uint64_t>, 256>>();  // zeroed
      block.ready.store(true, std::memory_order_release);
    });
  }
  // Relaxed: the word is the whole value, nothing else is published through it.
  std::atomic<std::uint64_t>& slot = (*block.entries)[cp & 0xFF];
  std::uint64_t word = slot.load(std::memory_order_relaxed);
  if (word == 0) {
    word = pack(compute(cp, static_cast<int>(s)));
    slot.store(word, std::memory_order_relaxed);
  }
  return unpack(word);
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
