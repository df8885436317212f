// The deck's fonts: a font the PDF cannot embed is refused where `check` loads the fonts too.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "compose/fonts.hpp"
#include "support/process.hpp"
#include "text/font.hpp"

using namespace plandeck;

TEST_CASE("a font without TrueType outlines is refused when the fonts are loaded", "[compose][fonts]") {
  // BIZ UDPGothic with its glyf table renamed: everything measuring reads is intact, so the
  // font measures; only the outlines the PDF embeds are gone.
  const auto dirs = text::font_search_dirs(PLANDECK_SOURCE_DIR "/fonts");
  const auto whole = text::find_font("BIZUDPGothic-Regular.ttf", dirs);
  REQUIRE(whole.has_value());
  std::string bytes;
  {
    std::ifstream in(*whole, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::size_t tables = std::size_t{static_cast<unsigned char>(bytes[4])} << 8 | static_cast<unsigned char>(bytes[5]);
  bool renamed = false;
  for (std::size_t t = 0; t < tables; ++t) {
    if (bytes.compare(12 + 16 * t, 4, "glyf") == 0) {
      bytes.replace(12 + 16 * t, 4, "glyX");
      renamed = true;
    }
  }
  REQUIRE(renamed);
  const std::string dir = testing::scratch_dir("font-no-outlines");
  {
    std::ofstream out(dir + "/NoOutlines.ttf", std::ios::binary);
    out << bytes;
  }

  std::string error;
  const auto measured = text::Font::load(dir + "/NoOutlines.ttf", &error);
  REQUIRE(measured.has_value());
  CHECK_FALSE(measured->has_outlines());
  CHECK(text::Font::load(*whole)->has_outlines());

  spec::Fonts fonts;
  fonts.regular = {"NoOutlines.ttf", "DejaVuSans.ttf"};
  std::vector<std::string> search = {dir};
  search.insert(search.end(), dirs.begin(), dirs.end());
  error.clear();
  CHECK_FALSE(compose::FontSet::load(fonts, search, &error).has_value());
  CHECK(error.find("no TrueType outlines") != std::string::npos);
  CHECK(error.find("NoOutlines.ttf") != std::string::npos);
  // The same chain with the real font loads: the refusal is about the outlines only.
  fonts.regular = {"BIZUDPGothic-Regular.ttf", "DejaVuSans.ttf"};
  CHECK(compose::FontSet::load(fonts, search, &error).has_value());
}
