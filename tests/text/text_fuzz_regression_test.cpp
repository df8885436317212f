// Regressions found by fuzz/fuzz_text (fuzz/README.md lists them). Each case is the
// minimised input of a finding, checked at the level where the bug was.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "text/font.hpp"
#include "text/linebreak.hpp"
#include "text/measurer.hpp"
#include "text/paragraph.hpp"

namespace t = plandeck::text;
using t::BreakClass;

TEST_CASE("a combining mark after a space or ZW/WJ is its own cluster, not lost", "[text][fuzz]") {
  // fuzz/regressions/fuzz_text/mark-after-space-dropped: the mark joined the space's
  // cluster, and a trailing space cluster is not drawn, so U+0301 vanished from the output.
  for (const std::u32string s : {U"a \u0301", U"a\u3000\u0301", U"a\u200B\u0301", U"a\u2060\u0301"}) {
    const auto c = t::make_clusters(s);
    REQUIRE(c.size() == 3);
    CHECK(c[2].base == U'\u0301');
    CHECK(c[2].cls == BreakClass::AL);
  }
  const t::FixedPitchMeasurer m;
  t::LayoutOptions o;
  o.size_pt = 10;
  o.width_pt = 15;  // 1.5 em: "あ" + space + the zero-width mark fit on one line
  const auto space = t::layout_paragraph(U"あ \u0301", m, o);
  REQUIRE(space.lines.size() == 1);
  CHECK(space.lines[0].text() == U"あ \u0301");
  // fuzz/regressions/fuzz_text/mark-after-zwsp-dropped: ZWSP clusters are never drawn.
  const auto zw = t::layout_paragraph(U"\u200B\u0301", m, o);
  REQUIRE(zw.lines.size() == 1);
  CHECK(zw.lines[0].text() == U"\u0301");
  // Unchanged: a mark after a letter still joins it.
  CHECK(t::make_clusters(U"a\u0301").size() == 1);
}

TEST_CASE("a font whose table directory claims gigabytes is refused before allocating", "[text][font][fuzz]") {
  // fuzz/regressions/fuzz_font/huge-table-length (28 bytes): one table record, 'head' at
  // 0x757A with length 0x7AD80000. Font::load allocated and zeroed those 2 GB before noticing
  // that the file is 28 bytes long (seconds, and an out-of-memory risk, per font file).
  const unsigned char bytes[] = {0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x30, 0x6c, 0x00, 0x00,
                                 0x00, 0x64, 'h',  'e',  'a',  'd',  0x00, 0x00, 0x00, 0x00,
                                 0x00, 0x00, 0x75, 0x7a, 0x7a, 0xd8, 0x00, 0x00};
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "plandeck-text-tests-huge-table.ttf";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes), sizeof bytes);
  }
  std::string error;
  const auto font = t::Font::load(path.string(), &error);
  std::filesystem::remove(path);
  CHECK_FALSE(font.has_value());
  CHECK(error.find("past the end of the file") != std::string::npos);
}

namespace {

// A minimal TrueType file: head, hhea, maxp, hmtx (glyph g advances 100 * (g + 1) units of
// 1000/em) and a (3,1) format 4 cmap with the given segments (start, end, idDelta).
std::string tiny_font(const std::vector<std::array<int, 3>>& segments, int glyphs) {
  auto u16 = [](std::string& s, int v) {
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
    s.push_back(static_cast<char>(v & 0xFF));
  };
  auto u32 = [&u16](std::string& s, long v) {
    u16(s, static_cast<int>((v >> 16) & 0xFFFF));
    u16(s, static_cast<int>(v & 0xFFFF));
  };
  std::string head(54, '\0');
  head[18] = 0x03;  // unitsPerEm 1000 = 0x03E8
  head[19] = static_cast<char>(0xE8);
  std::string hhea(36, '\0');
  hhea[35] = static_cast<char>(glyphs);  // numberOfHMetrics
  std::string maxp;
  u32(maxp, 0x5000);
  u16(maxp, glyphs);
  std::string hmtx;
  for (int g = 0; g < glyphs; ++g) {
    u16(hmtx, 100 * (g + 1));
    u16(hmtx, 0);
  }
  std::vector<std::array<int, 3>> segs = segments;
  segs.push_back({0xFFFF, 0xFFFF, 1});
  const int n = static_cast<int>(segs.size());
  std::string f4;
  u16(f4, 4);
  u16(f4, 16 + 8 * n);
  u16(f4, 0);
  u16(f4, 2 * n);
  for (int k = 0; k < 3; ++k) u16(f4, 0);
  for (const auto& s : segs) u16(f4, s[1]);
  u16(f4, 0);
  for (const auto& s : segs) u16(f4, s[0]);
  for (const auto& s : segs) u16(f4, s[2] & 0xFFFF);
  for (int k = 0; k < n; ++k) u16(f4, 0);
  std::string cmap;
  u16(cmap, 0);
  u16(cmap, 1);
  u16(cmap, 3);
  u16(cmap, 1);
  u32(cmap, 12);
  cmap += f4;
  const std::vector<std::pair<std::string, std::string>> tables = {
      {"cmap", cmap}, {"head", head}, {"hhea", hhea}, {"hmtx", hmtx}, {"maxp", maxp}};
  std::string file;
  u32(file, 0x00010000);
  u16(file, static_cast<int>(tables.size()));
  for (int k = 0; k < 3; ++k) u16(file, 0);
  long offset = 12 + 16 * static_cast<long>(tables.size());
  for (const auto& [tag, data] : tables) {
    file += tag;
    u32(file, 0);
    u32(file, offset);
    u32(file, static_cast<long>(data.size()));
    offset += static_cast<long>(data.size());
  }
  for (const auto& table : tables) file += table.second;
  return file;
}

std::optional<t::Font> load_bytes(const std::string& bytes, const std::string& name) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string error;
  auto font = t::Font::load(path.string(), &error);
  std::filesystem::remove(path);
  INFO(error);
  return font;
}

}  // namespace

TEST_CASE("overlapping cmap segments: the first one whose end covers a code decides", "[text][font][fuzz]") {
  // fuzz/regressions/fuzz_font/cmap4-overlapping-segments: 8,000 segments all spanning
  // U+0000-U+FFFE made the format 4 loop run 8,000 x 65,535 times (seconds per 64 KB file).
  // Now every code is visited once, decided as libharu looks it up: the first segment with
  // endCode >= code, and .notdef when that segment starts above the code.
  const auto font = load_bytes(tiny_font({{0x41, 0x41, 1 - 0x41}, {0x20, 0x7E, 2 - 0x20}}, 100),
                               "plandeck-text-tests-overlap.ttf");
  REQUIRE(font.has_value());
  CHECK(font->advance(U'A') == 200);     // glyph 1, from the first segment
  CHECK(font->advance(U'B') == 100 * (2 + (0x42 - 0x20) + 1));  // second segment
  CHECK_FALSE(font->has_glyph(U'0'));    // below the first segment's start: .notdef
  CHECK(font->advance(U'0') == 100);     // .notdef width
  // Many overlapping segments load, and the first one still wins.
  std::vector<std::array<int, 3>> many(4000, {0, 0xFFFE, 2});
  many.insert(many.begin(), {0x0, 0xFFFE, 1});
  const auto big = load_bytes(tiny_font(many, 10), "plandeck-text-tests-overlap-many.ttf");
  REQUIRE(big.has_value());
  CHECK(big->advance(U'\u0003') == 500);  // gid 3 + 1
}
