#include "text/font.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "text/utf8.hpp"

namespace plandeck::text {

namespace {

// Sane bounds for what is read of a font file (see FontFile).
constexpr std::uint32_t kMaxCmapBytes = 16u * 1024 * 1024;  // a full Unicode cmap is < 1 MB
constexpr std::uint32_t kMaxNameBytes = 1024 * 1024;        // only used in messages

// Big-endian reads from a table's bytes; any read past the end throws, which load()
// turns into "corrupt font" — a truncated file must not crash the tool.
class Bytes {
 public:
  explicit Bytes(std::string data) : data_(std::move(data)) {}
  std::size_t size() const { return data_.size(); }
  std::uint8_t u8(std::size_t pos) const {
    if (pos >= data_.size()) throw std::runtime_error("truncated table");
    return static_cast<std::uint8_t>(data_[pos]);
  }
  std::uint16_t u16(std::size_t pos) const {
    return static_cast<std::uint16_t>((u8(pos) << 8) | u8(pos + 1));
  }
  std::int16_t s16(std::size_t pos) const { return static_cast<std::int16_t>(u16(pos)); }
  std::uint32_t u32(std::size_t pos) const {
    return (static_cast<std::uint32_t>(u16(pos)) << 16) | u16(pos + 2);
  }
  const std::string& data() const { return data_; }
  std::string take() && { return std::move(data_); }

 private:
  std::string data_;
};

// A big-endian u16 at `pos`, for bytes load() has already checked.
std::uint16_t u16_at(const std::string& data, std::size_t pos) {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(data[pos]) << 8) |
                                    static_cast<unsigned char>(data[pos + 1]));
}
std::uint32_t u32_at(const std::string& data, std::size_t pos) {
  return static_cast<std::uint32_t>(u16_at(data, pos)) << 16 | u16_at(data, pos + 2);
}

struct TableRecord {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

// The font file, read in pieces: only the tables measurement needs, each with a sane bound,
// so that a corrupt or hostile file (a sparse "font" of 4 GB, a table directory claiming a
// table of gigabytes: fuzz/regressions/fuzz_font/huge-table-length) costs little memory.
class FontFile {
 public:
  explicit FontFile(const std::string& path) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(std::string("cannot open the file (") + std::strerror(errno) + ")");
    struct stat st {};
    if (::fstat(fd_, &st) != 0) throw std::runtime_error(std::string("cannot read the file (") + std::strerror(errno) + ")");
    if (!S_ISREG(st.st_mode)) throw std::runtime_error("not a regular file (a directory, FIFO or device)");
    size_ = static_cast<std::uint64_t>(st.st_size);
    if (size_ > kMaxFontBytes) {
      throw std::runtime_error("the file is too large for a font (" + std::to_string(size_ / (1024 * 1024)) +
                               " MB; at most " + std::to_string(kMaxFontBytes / (1024 * 1024)) + " MB)");
    }
  }
  ~FontFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;

  std::uint64_t size() const { return size_; }

  // `length` bytes at `offset`; the range must lie inside the file.
  std::string read(std::uint32_t offset, std::uint32_t length) const {
    if (std::uint64_t{offset} + length > size_) throw std::runtime_error("table extends past the end of the file");
    std::string buf(length, '\0');
    std::size_t done = 0;
    while (done < length) {
      ssize_t n = ::pread(fd_, buf.data() + done, length - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error("table extends past the end of the file");
      done += static_cast<std::size_t>(n);
    }
    return buf;
  }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

std::string utf16be_to_utf8(const Bytes& b, std::size_t pos, std::size_t len) {
  std::u32string cps;
  for (std::size_t i = 0; i + 1 < len; i += 2) {
    char32_t u = b.u16(pos + i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
      const char32_t lo = b.u16(pos + i + 2);
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    }
    cps.push_back(u);
  }
  return utf8::encode(cps);
}

}  // namespace

// Does the parsing; a friend of Font so that Font's public surface stays read-only.
class FontLoader {
 public:
  static Font load(const std::string& path);

 private:
  static void read_cmap(Font& font, Bytes cmap);
  static void read_format4(Font& font, const Bytes& cmap, std::size_t at);
  static void read_format12(Font& font, const Bytes& cmap, std::size_t at, bool bmp);
  static std::string read_name(const Bytes& name, int name_id);
};

Font FontLoader::load(const std::string& path) {
  const FontFile in(path);
  Bytes header(in.read(0, 12));
  std::uint32_t base = 0;
  if (header.u32(0) == 0x74746366) {  // 'ttcf': a collection, use its first font
    base = Bytes(in.read(12, 4)).u32(0);
    header = Bytes(in.read(base, 12));
  }
  const std::uint32_t version = header.u32(0);
  if (version == 0x4F54544F) throw std::runtime_error("CFF-based OpenType fonts are not supported");
  if (version != 0x00010000 && version != 0x74727565) throw std::runtime_error("not a TrueType font");
  const std::uint16_t num_tables = header.u16(4);
  const Bytes dir(in.read(base + 12, 16u * num_tables));
  // Every table inside the file, also those measuring never reads (glyf, loca): a file cut
  // short (a copy or download that stopped) measures fine from its first tables, and would
  // pass `check` only to fail when the PDF embeds its outlines.
  for (std::size_t t = 0; t < num_tables; ++t) {
    if (std::uint64_t{dir.u32(16 * t + 8)} + dir.u32(16 * t + 12) > in.size()) {
      std::string tag = dir.data().substr(16 * t, 4);
      for (char& ch : tag) if (ch < 0x20 || ch > 0x7E) ch = '?';  // a damaged tag stays printable
      throw std::runtime_error("the '" + tag + "' table extends past the end of the file (is the file cut short?)");
    }
  }
  auto find = [&](const char* tag) {
    std::uint32_t want = 0;
    for (int k = 0; k < 4; ++k) want = (want << 8) | static_cast<unsigned char>(tag[k]);
    for (std::size_t t = 0; t < num_tables; ++t)
      if (dir.u32(16 * t) == want) return TableRecord{dir.u32(16 * t + 8), dir.u32(16 * t + 12)};
    throw std::runtime_error(std::string("missing '") + tag + "' table");
  };
  // The first `wanted` bytes of a table (all of it when shorter): what is read of it.
  auto table_start = [&](const char* tag, std::uint32_t wanted) {
    const TableRecord r = find(tag);
    return Bytes(in.read(r.offset, std::min(r.length, wanted)));
  };
  // A whole table, refused beyond `most` bytes (no real font comes near).
  auto table = [&](const char* tag, std::uint32_t most) {
    const TableRecord r = find(tag);
    if (r.length > most) {
      throw std::runtime_error(std::string("the '") + tag + "' table claims " + std::to_string(r.length) +
                               " bytes (at most " + std::to_string(most) + " are accepted)");
    }
    return Bytes(in.read(r.offset, r.length));
  };

  Font font;
  font.path_ = path;
  for (std::size_t t = 0; t < num_tables; ++t) {
    if (dir.u32(16 * t) == 0x676C7966 && dir.u32(16 * t + 12) > 0) font.has_outlines_ = true;  // 'glyf'
  }
  const Bytes head = table_start("head", 54);
  font.units_per_em_ = head.u16(18);
  if (font.units_per_em_ == 0) throw std::runtime_error("unitsPerEm is 0");
  const int upem = font.units_per_em_;
  const Bytes hhea = table_start("hhea", 36);
  font.ascender_ = hhea.s16(4) * 1000 / upem;
  font.descender_ = hhea.s16(6) * 1000 / upem;
  const std::size_t num_metrics = hhea.u16(34);
  const std::size_t num_glyphs = table_start("maxp", 6).u16(4);
  if (num_metrics == 0 || num_glyphs == 0) throw std::runtime_error("no glyph metrics");

  // Widths per glyph as libharu computes them (width_of): advance * 1000 / unitsPerEm,
  // truncated; glyphs past numberOfHMetrics repeat the last advance (TrueType rule). Every
  // glyph's advance must be readable: the last one read is checked here, once.
  Bytes hmtx = table_start("hmtx", static_cast<std::uint32_t>(4 * num_metrics));
  hmtx.u16(4 * (std::min(num_glyphs, num_metrics) - 1));
  font.num_glyphs_ = num_glyphs;
  font.num_metrics_ = num_metrics;
  font.hmtx_ = std::move(hmtx).take();
  font.notdef_width_ = font.width_of(0);
  // Left side bearings (lsb_of) are read from the same bytes; a font whose hmtx stops after
  // the advances (no lsb array) gives 0, i.e. the advance box.

  read_cmap(font, table("cmap", kMaxCmapBytes));
  try {
    const Bytes name = table("name", kMaxNameBytes);
    font.family_ = read_name(name, 16);
    if (font.family_.empty()) font.family_ = read_name(name, 1);
    font.postscript_ = read_name(name, 6);
  } catch (const std::runtime_error&) {
    // Names are only for messages; a font without a usable name table still measures.
  }
  return font;
}

void FontLoader::read_cmap(Font& font, Bytes cmap) {
  const std::uint16_t count = cmap.u16(2);
  // Preference: format 4 of (3,1) — the only subtable libharu reads — then any Unicode
  // format 4; format 12 of (3,10) or (0,*) supplies code points beyond the BMP (and the
  // BMP when the font has no format 4).
  std::size_t f4 = 0, f12 = 0;
  int f4_rank = 0;
  for (std::size_t r = 0; r < count; ++r) {
    const std::size_t rec = 4 + 8 * r;
    const std::uint16_t platform = cmap.u16(rec), encoding = cmap.u16(rec + 2);
    const std::size_t at = cmap.u32(rec + 4);
    const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
    if (!unicode) continue;
    const std::uint16_t format = cmap.u16(at);
    if (format == 4) {
      const int rank = platform == 3 && encoding == 1 ? 2 : 1;
      if (rank > f4_rank) {
        f4 = at;
        f4_rank = rank;
      }
    } else if (format == 12 && f12 == 0) {
      f12 = at;
    }
  }
  if (f4_rank == 0 && f12 == 0) throw std::runtime_error("no Unicode cmap (format 4 or 12)");
  if (f12 != 0) read_format12(font, cmap, f12, f4_rank == 0);
  if (f4_rank != 0) read_format4(font, cmap, f4);
  font.cmap_ = std::move(cmap).take();
}

void FontLoader::read_format4(Font& font, const Bytes& cmap, std::size_t at) {
  const std::size_t segs = cmap.u16(at + 6) / 2u;
  const std::size_t ends = at + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                    range_offsets = deltas + 2 * segs;
  // A code belongs to the first segment whose endCode >= code, as libharu looks it up
  // (endCodes ascend in a valid font; in a corrupt one `reach` keeps the search right).
  font.bmp_ranges_.reserve(segs);
  std::uint32_t reach = 0;
  for (std::size_t s = 0; s < segs; ++s) {
    const std::uint32_t end = cmap.u16(ends + 2 * s), start = cmap.u16(starts + 2 * s);
    const std::uint16_t delta = cmap.u16(deltas + 2 * s);
    const std::size_t ro_pos = range_offsets + 2 * s;
    const std::uint16_t ro = cmap.u16(ro_pos);
    // Codes up to `reach` belong to earlier segments: this one maps from past them.
    const std::uint32_t from = s == 0 ? start : std::max(start, reach + 1);
    const std::uint32_t last = std::min<std::uint32_t>(end, 0xFFFE);
    reach = s == 0 ? end : std::max(reach, end);
    // idRangeOffset is relative to its own position in the file (spec trick). The glyph ids
    // this segment reads lie at increasing positions: checking the last one checks them all
    // (a truncated table throws here, as a checked read of it would).
    if (ro != 0 && from <= last) cmap.u16(ro_pos + ro + 2 * (last - start));
    font.bmp_ranges_.push_back({reach, start, end, last, delta, static_cast<std::uint32_t>(ro_pos + ro),
                                ro == 0 ? Font::Range::Kind::Delta : Font::Range::Kind::GlyphIdArray});
  }
}

void FontLoader::read_format12(Font& font, const Bytes& cmap, std::size_t at, bool bmp) {
  const std::uint32_t groups = cmap.u32(at + 12);
  // A Japanese font has some 20,000 groups (one per kanji whose glyph ids are not in
  // sequence): the whole array is bound-checked once, by its last byte, then read unchecked.
  if (groups > 0) cmap.u8(at + 16 + 12u * std::size_t{groups} - 1);
  const std::string& bytes = cmap.data();
  bool any = false;
  std::uint32_t reach = 0;  // as in format 4: the first group of a code wins
  for (std::uint32_t k = 0; k < groups; ++k) {
    const std::size_t g = at + 16 + 12u * k;
    const std::uint32_t last = u32_at(bytes, g + 4);
    if (!bmp && last < 0x10000) continue;  // the format 4 subtable maps the BMP
    const std::uint32_t first = u32_at(bytes, g), gid = u32_at(bytes, g + 8);
    if (last < first) continue;
    if (last >= 0x10000) font.supplementary_.push_back({first, last, gid});
    reach = any ? std::max(reach, last) : last;
    any = true;
    // Every group is kept, those beyond the BMP too: their ends still shadow later groups.
    if (bmp) {
      font.bmp_ranges_.push_back({reach, first, last, std::min<std::uint32_t>(last, 0xFFFF), gid, 0,
                                  Font::Range::Kind::Group});
    }
  }
}

std::string FontLoader::read_name(const Bytes& name, int name_id) {
  const std::uint16_t count = name.u16(2);
  const std::size_t strings = name.u16(4);
  std::string fallback;
  for (std::size_t r = 0; r < count; ++r) {
    const std::size_t rec = 6 + 12 * r;
    if (name.u16(rec + 6) != name_id) continue;
    const std::uint16_t platform = name.u16(rec), language = name.u16(rec + 4);
    const std::size_t len = name.u16(rec + 8), at = strings + name.u16(rec + 10);
    if (platform == 3 || platform == 0) {
      std::string s = utf16be_to_utf8(name, at, len);
      if (platform == 3 && language == 0x409) return s;  // English (US) first
      if (fallback.empty()) fallback = s;
    } else if (platform == 1 && fallback.empty()) {
      for (std::size_t i = 0; i < len; ++i) fallback.push_back(static_cast<char>(name.u8(at + i)));
    }
  }
  return fallback;
}

std::optional<Font> Font::load(const std::string& path, std::string* error) {
  try {
    return FontLoader::load(path);
  } catch (const std::exception& e) {
    if (error) *error = path + ": " + e.what();
    return std::nullopt;
  }
}

std::uint16_t Font::bmp_gid(std::uint32_t cp) const {
  // The first range whose end reaches cp decides it: every earlier one ends before cp.
  const auto it = std::lower_bound(bmp_ranges_.begin(), bmp_ranges_.end(), cp,
                                   [](const Range& r, std::uint32_t c) { return r.reach < c; });
  if (it == bmp_ranges_.end() || cp < it->first || cp > it->last) return 0;
  std::uint32_t gid = 0;
  switch (it->kind) {
    case Range::Kind::Delta:
      gid = (cp + it->value) & 0xFFFFu;
      break;
    case Range::Kind::GlyphIdArray: {
      const std::uint32_t g = u16_at(cmap_, it->ids_at + 2 * (cp - it->first));
      if (g != 0) gid = (g + it->value) & 0xFFFFu;
      break;
    }
    case Range::Kind::Group:
      gid = static_cast<std::uint16_t>(it->value + (cp - it->first));
      break;
  }
  // A glyph id past the font's glyphs counts as missing.
  return gid < num_glyphs_ ? static_cast<std::uint16_t>(gid) : std::uint16_t{0};
}

std::uint16_t Font::gid_of(char32_t cp) const {
  if (cp < 0x10000) return bmp_gid(cp);
  for (const Group& g : supplementary_)
    if (cp >= g.first && cp <= g.last) {
      const std::uint32_t gid = g.gid + (cp - g.first);
      return gid < num_glyphs_ ? static_cast<std::uint16_t>(gid) : 0;
    }
  return 0;
}

int Font::width_of(std::size_t gid) const {
  const std::size_t m = gid < num_metrics_ ? gid : num_metrics_ - 1;
  return static_cast<std::uint16_t>(u16_at(hmtx_, 4 * m) * 1000 / units_per_em_);
}

int Font::lsb_of(std::size_t gid) const {
  const std::size_t at = gid < num_metrics_ ? 4 * gid + 2 : 4 * num_metrics_ + 2 * (gid - num_metrics_);
  if (at + 2 > hmtx_.size()) return 0;
  return static_cast<std::int16_t>(static_cast<std::int16_t>(u16_at(hmtx_, at)) * 1000 / units_per_em_);
}

bool Font::has_glyph(char32_t cp) const { return gid_of(cp) != 0; }

int Font::advance(char32_t cp) const { return width_of(gid_of(cp)); }

int Font::left_bearing(char32_t cp) const { return lsb_of(gid_of(cp)); }

const Font* FontLibrary::get(const std::string& path, std::string* error) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (error) *error = path + ": cannot open the file (" + std::strerror(errno) + ")";
    return nullptr;
  }
  const std::pair<std::uint64_t, std::uint64_t> key{static_cast<std::uint64_t>(st.st_dev),
                                                    static_cast<std::uint64_t>(st.st_ino)};
  auto it = by_file_.find(key);
  if (it != by_file_.end()) return it->second.get();
  std::optional<Font> font = Font::load(path, error);
  if (!font) return nullptr;
  return by_file_.emplace(key, std::make_unique<Font>(std::move(*font))).first->second.get();
}

}  // namespace plandeck::text
