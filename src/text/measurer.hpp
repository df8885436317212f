// Advance widths for layout. Widths are integers in 1/1000 em, the unit libharu writes
// into the PDF, so line fitting can add them up exactly; points = units * size / 1000.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace plandeck::text {

class Font;

// Style 0 is regular text, 1 is strong (bold).
inline constexpr int kRegular = 0;
inline constexpr int kStrong = 1;

class Measurer {
 public:
  virtual ~Measurer() = default;
  // Advance in 1/1000 em of what is drawn for `cp` (see draw_char) in the given style.
  virtual int width(char32_t cp, int style) const = 0;
  // The character actually drawn for `cp`: a measurer backed by fonts returns the §5.9
  // substitute (U+2011 -> U+2010, en/em spaces -> U+0020, ...) when no font has `cp`.
  // Layout classifies with the original character and measures and emits this one.
  virtual char32_t draw_char(char32_t cp, int /*style*/) const { return cp; }
};

// The test metric of the spec (§8.1): 500 for U+0020-U+007E, U+00A0 and U+FF61-U+FF9F,
// 0 for zero-width or joined characters (ZWSP, WJ, BOM, variation selectors, combining
// marks), 1000 for everything else. Equals BIZ UDGothic for the test strings.
class FixedPitchMeasurer final : public Measurer {
 public:
  int width(char32_t cp, int style) const override;
};

// Measures with the first font of a chain that has the glyph, one chain per style:
// e.g. regular = {BIZ UDPGothic Regular, DejaVu Sans}, strong = {BIZ UDPGothic Bold,
// DejaVu Sans Bold}. Styles other than 1 use the regular chain. The fonts must outlive it.
// Characters no font has are drawn as their §5.9 substitute, else as U+3013 when a font has
// it (never silently: report them with missing_glyphs() from coverage.hpp).
class FontChainMeasurer final : public Measurer {
 public:
  FontChainMeasurer(std::vector<const Font*> regular, std::vector<const Font*> strong);

  int width(char32_t cp, int style) const override;
  char32_t draw_char(char32_t cp, int style) const override;

  // Index in the style's chain of the font that draws draw_char(cp) (so a substituted
  // character reports the font of its substitute), or -1 when neither `cp` nor any
  // substitute is in the chain (libharu would then draw font 0's .notdef box). The renderer
  // splits runs by this.
  int font_for(char32_t cp, int style) const;

  // width(), draw_char() and font_for() of `cp` in one look-up (for drawing text runs).
  struct Glyph {
    int width = 0;
    char32_t drawn = 0;
    int font = -1;
  };
  Glyph glyph(char32_t cp, int style) const;

  // True when some font of the style's chain has `cp` itself (no substitution).
  bool covered(char32_t cp, int style) const;

  const std::vector<const Font*>& chain(int style) const;

 private:
  struct Entry {
    int width = 0;
    char32_t drawn = 0;
    int font = -1;
    bool covered = false;
  };
  // BMP results are cached in blocks of 256 code points, each allocated on first use under
  // a once_flag (a deck touches a few dozen blocks, so construction stays free), and each
  // entry computed on its own first use: a kanji block holds a handful of the deck's
  // characters, and computing all 256 cost more than everything the entries then saved.
  // An entry is one 64-bit word (see pack()), so sharing one measurer between threads is
  // safe: two threads that compute the same entry store the same word.
  // `ready` (set with release order once `entries` exists) lets a look-up skip
  // std::call_once, which costs far more than the array read, once the block exists.
  struct Block {
    std::once_flag once;
    std::atomic<bool> ready{false};
    std::unique_ptr<std::array<std::atomic<std::uint64_t>, 256>> entries;  // 0: not computed
  };
  static std::uint64_t pack(const Entry& e);
  static Entry unpack(std::uint64_t word);
  Entry compute(char32_t cp, int style) const;
  Entry lookup(char32_t cp, int style) const;

  std::array<std::vector<const Font*>, 2> chains_;
  std::array<std::unique_ptr<Block[]>, 2> blocks_;  // 256 blocks per style
};

}  // namespace plandeck::text
