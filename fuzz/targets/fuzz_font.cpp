// fuzz_font: arbitrary bytes as a TrueType file -> Font::load. Loading must either fail
// with an error message or give a font whose queries stay in bounds; never crash, hang or
// allocate without bound.
//
// Font::load reads from a path, so the input is written to a file on a tmpfs (/dev/shm
// when present, else $TMPDIR or /tmp) that is reused for every input of the process.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "text/coverage.hpp"
#include "text/font.hpp"
#include "text/measurer.hpp"

namespace t = plandeck::text;

namespace {

const std::string& scratch_path() {
  static const std::string path = [] {
    std::string dir = "/dev/shm";
    if (access(dir.c_str(), W_OK) != 0) {
      const char* tmp = std::getenv("TMPDIR");
      dir = tmp && *tmp ? tmp : "/tmp";
    }
    return dir + "/plandeck-fuzz-font-" + std::to_string(getpid()) + ".ttf";
  }();
  return path;
}

struct RemoveAtExit {
  ~RemoveAtExit() { std::remove(scratch_path().c_str()); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static RemoveAtExit cleanup;
  {
    std::ofstream out(scratch_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
      std::fprintf(stderr, "fuzz_font: cannot write %s\n", scratch_path().c_str());
      std::abort();
    }
  }
  std::string error;
  std::optional<t::Font> font = t::Font::load(scratch_path(), &error);
  if (!font) {
    if (error.empty()) {
      std::fprintf(stderr, "fuzz_font: load failed without an error message\n");
      std::abort();
    }
    return 0;
  }
  if (font->units_per_em() <= 0) std::abort();
  (void)font->family_name();
  (void)font->postscript_name();
  // Every code point of the BMP, a few beyond it and values no cmap should produce.
  long total = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp)
    total += font->has_glyph(cp) + font->advance(cp) + (font->left_bearing(cp) != 0);
  for (char32_t cp : {char32_t{0x10000}, char32_t{0x1F600}, char32_t{0x20BB7}, char32_t{0x10FFFF},
                      char32_t{0x110000}, char32_t{0xFFFFFFFF}})
    total += font->has_glyph(cp) + font->advance(cp) + (font->left_bearing(cp) != 0);
  // Through the measurer and the coverage report, as the deck uses a font.
  const t::FontChainMeasurer chain({&*font}, {&*font});
  const std::u32string sample = U"あア漢A 。\u2011\u2002➤〓\u3000\U00020BB7";
  for (char32_t cp : sample) total += chain.width(cp, t::kRegular) + chain.font_for(cp, t::kStrong);
  total += static_cast<long>(t::missing_glyphs(chain, sample).size());
  // Widths are non-negative and font_for() is at least -1 (this also keeps the work observable).
  if (total < -static_cast<long>(sample.size())) std::abort();
  return 0;
}
