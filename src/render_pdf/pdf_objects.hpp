// Internal: small helpers over libharu's installed object API (hpdf_objects.h) for objects
// plandeck writes itself: deflated streams at a chosen level, UTF-16BE text strings.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <string>

#include "render_pdf/hpdf_session.hpp"

namespace plandeck::render_pdf::detail {

// zlib levels per kind of stream. Font programs and ToUnicode maps are written once per
// deck and are most of its bytes: compressed hard. Page content is many small streams of
// operators that deflate well even at the fastest level.
constexpr int kFontProgramLevel = 6;
constexpr int kCmapLevel = 6;
constexpr int kContentLevel = 6;

// Replaces the data of the stream object `dict` by `data` deflated at `level` (zlib format)
// and marks it /Filter /FlateDecode. libharu then copies the bytes as they are: its own
// deflate (fixed level 6, byte-wise buffer copies) is not used for this stream.
void set_deflated_stream(Doc& doc, HPDF_Dict dict, const unsigned char* data, std::size_t size,
                         int level, const std::string& what);

// Deflates the data already in the stream object `dict` (written by libharu, e.g. a page's
// drawing operators) like set_deflated_stream.
void deflate_stream_in_place(Doc& doc, HPDF_Dict dict, int level, const std::string& what);

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
