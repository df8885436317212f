#include "render_pdf/pdf_objects.hpp"

#include <hpdf_doc.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <vector>

#include "text/utf8.hpp"

namespace plandeck::render_pdf::detail {

namespace {

// libharu's HPDF_Dict_Write removes /Filter from a stream whose `filter` is NONE and only
// writes /FlateDecode when it deflates itself; this hook (called by HPDF_Dict_Write just
// before ">>") names the filter of data deflated here. Called from C: must not throw.
HPDF_STATUS write_flate_filter_key(HPDF_Dict /*dict*/, HPDF_Stream out) noexcept {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

Deflater::~Deflater() {
  for (auto* c : by_level_) {
    if (c != nullptr) libdeflate_free_compressor(c);
  }
}

std::vector<unsigned char> Deflater::deflate(const unsigned char* data, std::size_t size,
                                             int level) {
  const auto index = static_cast<std::size_t>(level);
  if (level < 1 || index >= by_level_.size()) throw Error("invalid compression level");
  if (by_level_[index] == nullptr) {
    by_level_[index] = libdeflate_alloc_compressor(level);
    if (by_level_[index] == nullptr) throw Error("out of memory for a compressor");
  }
  // Into a scratch buffer kept across calls (a vector sized to the bound would be zeroed
  // first, as large as the input), then copied out at its packed size.
  const std::size_t bound = libdeflate_zlib_compress_bound(by_level_[index], size);
  if (scratch_size_ < bound) {
    scratch_.reset(new unsigned char[bound]);
    scratch_size_ = bound;
  }
  const std::size_t n = libdeflate_zlib_compress(by_level_[index], data, size, scratch_.get(), bound);
  if (n == 0) throw Error("libdeflate could not compress a stream");
  return std::vector<unsigned char>(scratch_.get(), scratch_.get() + n);
}

void set_deflated_stream(Doc& doc, Deflater& deflater, HPDF_Dict dict, const unsigned char* data,
                         std::size_t size, int level, const std::string& what) {
  doc.check(dict != nullptr && dict->stream != nullptr, what);
  std::vector<unsigned char> packed = deflater.deflate(data, size, level);
  HPDF_MemStream_FreeData(dict->stream);
  if ((dict->header.obj_id & HPDF_OTYPE_INDIRECT) != 0) {
    deflater.keep(dict->header.obj_id & 0x00FFFFFF, std::move(packed));  // libharu writes it empty
  } else {
    doc.check(HPDF_Stream_Write(dict->stream, packed.data(), static_cast<HPDF_UINT>(packed.size())), what);
  }
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter_key;
}

HPDF_Binary utf16_text_string(Doc& doc, const std::string& utf8, const std::string& what) {
  const auto decoded = text::utf8::decode(utf8);
  if (!decoded.valid) throw Error(what + ": invalid UTF-8");
  std::vector<HPDF_BYTE> bytes = {0xFE, 0xFF};
  bytes.reserve(2 + 4 * decoded.text.size());
  auto unit = [&bytes](unsigned u) {
    bytes.push_back(static_cast<HPDF_BYTE>(u >> 8));
    bytes.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
  };
  for (char32_t cp : decoded.text) {
    if (cp < 0x10000) {
      unit(static_cast<unsigned>(cp));
    } else {
      const unsigned v = static_cast<unsigned>(cp) - 0x10000;
      unit(0xD800 + (v >> 10));
      unit(0xDC00 + (v & 0x3FF));
    }
  }
  return doc.check_ptr(
      HPDF_Binary_New(doc.get()->mmgr, bytes.data(), static_cast<HPDF_UINT>(bytes.size())), what);
}

}  // namespace plandeck::render_pdf::detail
