// Loading fonts: one copy per file, and bounded work on files that are not what they claim.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/process.hpp"
#include "text/font.hpp"

using namespace plandeck;
namespace fs = std::filesystem;

namespace {

std::string system_font() {
  auto path = text::find_font("BIZUDPGothic-Regular.ttf", text::font_search_dirs(PLANDECK_SOURCE_DIR "/fonts"));
  REQUIRE(path.has_value());
  return *path;
}

void put16(std::string& s, std::size_t at, unsigned v) {
  s[at] = static_cast<char>(v >> 8);
  s[at + 1] = static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
  put16(s, at, v >> 16);
  put16(s, at + 2, v & 0xFFFF);
}

// A minimal TrueType file whose tables are fine except a cmap claiming `cmap_length` bytes;
// the file is made that long (sparse) so that the claim is inside the file.
std::string font_with_huge_cmap(const std::string& path, std::uint32_t cmap_length) {
  const char* tags[] = {"head", "hhea", "maxp", "hmtx", "cmap"};
  const std::uint32_t lengths[] = {54, 36, 6, 4, cmap_length};
  std::string f(12 + 16 * 5, '\0');
  put32(f, 0, 0x00010000);
  put16(f, 4, 5);
  std::uint32_t offset = static_cast<std::uint32_t>(f.size());
  std::string tables;
  for (int t = 0; t < 5; ++t) {
    std::size_t rec = 12 + 16 * static_cast<std::size_t>(t);
    f.replace(rec, 4, tags[t]);
    put32(f, rec + 8, offset + static_cast<std::uint32_t>(tables.size()));
    put32(f, rec + 12, lengths[t]);
    std::string table(t == 4 ? 8 : lengths[t], '\0');
    if (t == 0) put16(table, 18, 1000);  // unitsPerEm
    if (t == 1) put16(table, 34, 1);     // numberOfHMetrics
    if (t == 2) put16(table, 4, 1);      // numGlyphs
    if (t == 3) put16(table, 0, 500);    // advance of glyph 0
    tables += table;
  }
  {
    std::ofstream out(path, std::ios::binary);
    out << f << tables;
  }
  fs::resize_file(path, offset + tables.size() + cmap_length);
  return path;
}

long peak_rss_kb() {
  struct rusage u {};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

TEST_CASE("a font file is loaded once however often and under whatever name it is named", "[text][font]") {
  std::string dir = testing::scratch_dir("font-library");
  std::string real = system_font();
  std::string link = dir + "/link.ttf";
  fs::create_symlink(real, link);
  text::FontLibrary library;
  const text::Font* a = library.get(real);
  REQUIRE(a != nullptr);
  CHECK(library.get(real) == a);
  CHECK(library.get(link) == a);
  std::string error;
  CHECK(library.get(dir + "/missing.ttf", &error) == nullptr);
  CHECK(error.find("missing.ttf") != std::string::npos);
}

TEST_CASE("a FIFO or a directory given as a font is refused, never waited on", "[text][font]") {
  std::string dir = testing::scratch_dir("font-fifo");
  std::string fifo = dir + "/font.ttf";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string error;
  CHECK_FALSE(text::Font::load(fifo, &error).has_value());  // would block forever on open()
  CHECK(error.find("not a regular file") != std::string::npos);
  CHECK_FALSE(text::Font::load(dir, &error).has_value());
  CHECK(error.find("not a regular file") != std::string::npos);
}

TEST_CASE("a font file over the size limit is refused before it is read", "[text][font]") {
  std::string dir = testing::scratch_dir("font-huge");
  std::string path = dir + "/huge.ttf";
  { std::ofstream(path, std::ios::binary) << std::string("\0\1\0\0", 4); }
  fs::resize_file(path, 4ull * 1024 * 1024 * 1024);  // sparse
  long before = peak_rss_kb();
  std::string error;
  CHECK_FALSE(text::Font::load(path, &error).has_value());
  CHECK(error.find("too large for a font (4096 MB; at most 256 MB)") != std::string::npos);
  CHECK(peak_rss_kb() - before < 16 * 1024);
}

TEST_CASE("a table claiming more than a sane size is refused without allocating it", "[text][font]") {
  std::string dir = testing::scratch_dir("font-table");
  std::string path = font_with_huge_cmap(dir + "/cmap.ttf", 200u * 1024 * 1024);
  long before = peak_rss_kb();
  std::string error;
  CHECK_FALSE(text::Font::load(path, &error).has_value());
  CHECK(error.find("the 'cmap' table claims 209715200 bytes") != std::string::npos);
  CHECK(peak_rss_kb() - before < 16 * 1024);
  // The same file with a small cmap claim gets past the bound (and fails on its content).
  std::string small = font_with_huge_cmap(dir + "/small.ttf", 64);
  CHECK_FALSE(text::Font::load(small, &error).has_value());
  CHECK(error.find("claims") == std::string::npos);
}

TEST_CASE("a font file cut short is refused at loading, not when the PDF embeds it", "[text][font]") {
  // A copy that stopped part-way keeps head, hhea, hmtx and cmap (all near the start of
  // BIZ UDPGothic) but loses the outlines: it measured fine, so `check` passed and `build`
  // failed at the PDF stage. Every table must lie inside the file.
  std::string dir = testing::scratch_dir("font-cut-short");
  const std::string whole = system_font();
  std::string bytes;
  {
    std::ifstream in(whole, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  REQUIRE(bytes.size() > 2'000'000);
  std::string error;
  REQUIRE(text::Font::load(whole, &error).has_value());
  for (std::size_t cut : {std::size_t{300'000}, std::size_t{2'000'000}, bytes.size() - 1}) {
    INFO("cut at " << cut);
    const std::string path = dir + "/cut-" + std::to_string(cut) + ".ttf";
    {
      std::ofstream out(path, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(cut));
    }
    error.clear();
    CHECK_FALSE(text::Font::load(path, &error).has_value());
    CHECK(error.find("extends past the end of the file") != std::string::npos);
  }
}
