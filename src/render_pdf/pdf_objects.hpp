// Internal: small helpers over libharu's installed object API (hpdf_objects.h) for objects
// plandeck writes itself: deflated streams at a chosen level, UTF-16BE text strings.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "render_pdf/hpdf_session.hpp"

struct libdeflate_compressor;  // <libdeflate.h>, kept out of this header

namespace plandeck::render_pdf::detail {

// libdeflate levels (1..12) per kind of stream: the cheapest that keep the default deck under
// 160,000 bytes, chosen by bytes added per instruction saved. Measured on the default deck
// (callgrind; bytes after deflating, instructions of deflating), level 6 against:
//   font programs (153 KB, 113 KB packed):  4: +1,054 B, -2.1 M;  1: +3,085 B, -6.3 M
//   ToUnicode maps (12 KB):                 5: +20 B,    -0.24 M
//   page content (98 KB in 18 streams):     5: +120 B,   -0.2 M;  1: +1,830 B, -3.0 M
//   object streams (56 KB):                 5: +179 B,   -0.66 M; 1: +2,425 B, -2.9 M
//   cross-reference stream (7 KB):          5: -1 B (3 saves 3 B more but needs a compressor
//                                           of its own, which costs what it saves)
// Levels 10..12 (the near-optimal parser) save about 1 % at 3..6 times the instructions.
constexpr int kFontProgramLevel = 4;
constexpr int kCmapLevel = 5;
constexpr int kContentLevel = 5;
constexpr int kObjectStreamLevel = 5;
constexpr int kXrefStreamLevel = 5;

// Compressors (zlib format, libdeflate) for one document, one per level, made on first use.
// libdeflate instead of zlib: about three times fewer instructions for the same level and
// slightly smaller output; its whole-buffer API suits streams that are complete in memory.
//
// It also keeps the deflated data of the document's indirect streams (font programs, page
// content) out of libharu: libharu copies stream data byte by byte, three times between
// an object and the saved file (its HPDF_MemCpy was the largest single cost of saving).
// libharu writes such a stream empty; pack_object_streams (object_streams.hpp) writes the
// kept bytes in its place.
class Deflater {
 public:
  Deflater() = default;
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  // `data` deflated at `level` (zlib format). Throws Error on failure.
  std::vector<unsigned char> deflate(const unsigned char* data, std::size_t size, int level);

  // The data of the stream object `number`, written by pack_object_streams.
  void keep(std::uint32_t number, std::vector<unsigned char> data) { kept_[number] = std::move(data); }
  const std::map<std::uint32_t, std::vector<unsigned char>>& kept() const { return kept_; }

 private:
  std::array<libdeflate_compressor*, 13> by_level_{};
  std::unique_ptr<unsigned char[]> scratch_;  // deflate's output before it is copied out
  std::size_t scratch_size_ = 0;
  std::map<std::uint32_t, std::vector<unsigned char>> kept_;
};

// Replaces the data of the stream object `dict` by `data` deflated at `level` and marks it
// /Filter /FlateDecode. An indirect stream's data is kept by `deflater` (see there); a
// direct one's is handed to libharu, which then copies the bytes as they are: its own
// deflate (zlib at a fixed level) is not used.
void set_deflated_stream(Doc& doc, Deflater& deflater, HPDF_Dict dict, const unsigned char* data,
                         std::size_t size, int level, const std::string& what);

// A PDF text string (UTF-16BE with a byte order mark, written as <FEFF...>) for `utf8`, which
// must be valid UTF-8. Unlike libharu's UTF-8 encoder it keeps characters above U+FFFF.
HPDF_Binary utf16_text_string(Doc& doc, const std::string& utf8, const std::string& what);

// Adds `obj` to the cross-reference table (an indirect object); returns it. Not for
// HPDF_DictStream_New, which adds the stream itself.
template <typename T>
T indirect(Doc& doc, T obj, const std::string& what) {
  doc.check_ptr(obj, what);
  doc.check(HPDF_Xref_Add(doc.get()->xref, obj), what);
  return obj;
}

}  // namespace plandeck::render_pdf::detail
