// A small TrueType reader: just enough of a font file to measure text exactly as libharu
// will write it into the PDF and to know which characters the font can draw.
//
// Why our own reader instead of asking libharu: HPDF_Font_GetUnicodeWidth returns the
// .notdef width for missing glyphs (no coverage test), marks glyphs as used, and the text
// module must not depend on the PDF library (the workbook writer measures too).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace plandeck::text {

// A font file larger than this is refused before anything is read: real TrueType fonts,
// CJK included, are a few to some tens of MB, and the PDF writer's subsetter reads the
// whole file.
inline constexpr std::uint64_t kMaxFontBytes = 256u * 1024 * 1024;

class Font {
 public:
  // Reads head, hhea, maxp, hmtx, cmap (format 4 and 12; platform 3 encoding 1/10 or
  // platform 0) and name. Returns nullopt and fills *error (if given) on failure: also for
  // what is not a regular file (a FIFO is never waited on), a file over kMaxFontBytes, or
  // a table beyond a sane size. Only the parts measurement needs are read.
  static std::optional<Font> load(const std::string& path, std::string* error = nullptr);

  // True when the cmap maps `cp` to a glyph other than .notdef. For the BMP the format-4
  // subtable decides when present, because that is the only one libharu reads.
  bool has_glyph(char32_t cp) const;

  // Advance width in 1/1000 em exactly as libharu computes it: advance * 1000 / unitsPerEm,
  // integer truncation. Missing characters give the .notdef width (as libharu does).
  int advance(char32_t cp) const;

  // Left side bearing in 1/1000 em (hmtx, truncated): where the glyph's ink starts after its
  // origin. 0 when the font has no bearings.
  int left_bearing(char32_t cp) const;

  // True when the file has TrueType outlines (a non-empty glyf table), which the PDF
  // writer needs to embed the font. Measuring does not: a font without them measures,
  // so whoever lays out for the PDF must refuse it (compose::FontSet does).
  bool has_outlines() const { return has_outlines_; }

  int ascender() const { return ascender_; }    // hhea ascender, 1/1000 em (truncated)
  int descender() const { return descender_; }  // hhea descender, 1/1000 em (negative)
  int units_per_em() const { return units_per_em_; }

  const std::string& path() const { return path_; }
  std::string family_name() const { return family_; }               // name ID 16, else 1
  const std::string& postscript_name() const { return postscript_; }  // name ID 6

 private:
  Font() = default;
  friend class FontLoader;

  std::string path_;
  std::string family_;
  std::string postscript_;
  int units_per_em_ = 1000;
  int ascender_ = 0;
  int descender_ = 0;
  int notdef_width_ = 0;
  bool has_outlines_ = false;
  // Looked up per call rather than expanded into per-code-point tables at load: a deck uses
  // a few thousand of a font's tens of thousands of characters, and the measurer caches
  // every answer it gets (measurer.hpp). load() has already read, with bound checks, every
  // byte a lookup can touch, so the lookups read unchecked.
  std::size_t num_glyphs_ = 0;
  std::size_t num_metrics_ = 0;
  std::string hmtx_;  // the first 4 * numberOfHMetrics bytes of hmtx (or fewer, if shorter)
  std::string cmap_;  // the cmap table (format 4 glyph id arrays are read from it)
  // The BMP part of the cmap: format 4 segments, or format 12 groups when the font has no
  // format 4, in file order. `reach` is the largest end of this and every earlier range:
  // ascending, so the first range whose end reaches a code is found by binary search.
  struct Range {
    std::uint32_t reach, first, end, last;  // maps first..last (end as written in the file)
    std::uint32_t value;                    // format 4: idDelta; format 12: startGlyphID
    std::uint32_t ids_at;                   // format 4 with idRangeOffset: where `first`'s id is
    enum class Kind : std::uint8_t { Delta, GlyphIdArray, Group } kind;
  };
  std::vector<Range> bmp_ranges_;
  struct Group {  // cmap format 12 group (beyond the BMP)
    std::uint32_t first, last, gid;
  };
  std::vector<Group> supplementary_;
  std::uint16_t bmp_gid(std::uint32_t cp) const;
  int width_of(std::size_t gid) const;
  int lsb_of(std::size_t gid) const;
  std::uint16_t gid_of(char32_t cp) const;
};

// Loaded fonts, one copy per file: files are told apart by device and inode, so a font
// named twice (or under two names, through a link) is read once.
class FontLibrary {
 public:
  // The font at `path`, loaded on first use; nullptr (and *error) on failure. The font
  // lives as long as the library.
  const Font* get(const std::string& path, std::string* error = nullptr);

 private:
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::unique_ptr<Font>> by_file_;
};

// Looks for `file_name` in `dirs`, in order (put the project's fonts/ folder first); each
// directory is tried directly before any is searched recursively. Returns the path or
// nullopt when not found.
std::optional<std::string> find_font(const std::string& file_name,
                                     const std::vector<std::string>& dirs);

// When `file_name` names something in `dirs` that find_font skipped because it is not a
// regular file (a FIFO, a device, a directory), says what it is; else "". Such a file is
// never opened: reading a FIFO or a device could block or never end.
std::string describe_unusable_font(const std::string& file_name, const std::vector<std::string>& dirs);

// The system directories configured at build time (CMake cache PLANDECK_SYSTEM_FONT_DIRS).
std::vector<std::string> system_font_dirs();

// `project_fonts_dir` followed by system_font_dirs(): the usual argument to find_font.
std::vector<std::string> font_search_dirs(const std::string& project_fonts_dir);

}  // namespace plandeck::text
