// The font reader's answers against an independent reader (HarfBuzz), over every code point
// of the fonts a deck uses: the reader looks characters up in the cmap's ranges on demand
// (font.hpp), so a slip in its range search would show here as a character gained or lost.
#include <catch2/catch.hpp>
#include <hb-ot.h>
#include <hb.h>

#include <memory>
#include <string>

#include "text/font.hpp"

using namespace plandeck;

namespace {

std::string system_font(const char* file) {
  auto path = text::find_font(file, text::font_search_dirs(PLANDECK_SOURCE_DIR "/fonts"));
  REQUIRE(path.has_value());
  return *path;
}

struct HbFont {
  explicit HbFont(const std::string& path) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    REQUIRE(blob != nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    upem = static_cast<int>(hb_face_get_upem(face));
    font = hb_font_create(face);
    hb_face_destroy(face);
    hb_font_set_scale(font, upem, upem);  // advances in font units
  }
  ~HbFont() { hb_font_destroy(font); }
  HbFont(const HbFont&) = delete;
  HbFont& operator=(const HbFont&) = delete;
  hb_font_t* font = nullptr;
  int upem = 1000;
};

}  // namespace

TEST_CASE("the font reader maps every code point as HarfBuzz does, with the same advance", "[text][font]") {
  const char* file = GENERATE("BIZUDPGothic-Regular.ttf", "BIZUDGothic-Bold.ttf");
  const std::string path = system_font(file);
  const auto font = text::Font::load(path);
  REQUIRE(font.has_value());
  const HbFont hb(path);
  REQUIRE(font->units_per_em() == hb.upem);

  long mapped = 0, mismatched = 0;
  char32_t first_mismatch = 0;
  // The BMP and the plane of the rarer kanji (𠮟 is U+20B9F); the other planes hold nothing
  // a Japanese font maps, and the whole range would make the test slow under ASan.
  for (char32_t cp = 0; cp < 0x30000; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x10000 && cp < 0x20000)) continue;
    hb_codepoint_t gid = 0;
    const bool hb_has = hb_font_get_nominal_glyph(hb.font, cp, &gid) && gid != 0;
    const int hb_advance = static_cast<int>(hb_font_get_glyph_h_advance(hb.font, gid)) * 1000 / hb.upem;
    // U+FFFF is never mapped by the reader (libharu's format-4 reading stops at U+FFFE).
    const bool same = cp == 0xFFFF || (font->has_glyph(cp) == hb_has && font->advance(cp) == hb_advance);
    if (hb_has) ++mapped;
    if (!same && mismatched++ == 0) first_mismatch = cp;
  }
  INFO(file << ": first mismatch at U+" << std::hex << static_cast<unsigned>(first_mismatch));
  CHECK(mismatched == 0);
  CHECK(mapped > 10000);  // a Japanese font: the check above covered real content
}
