#include "render_pdf/hpdf_session.hpp"

#include <cstdio>

namespace plandeck::render_pdf::detail {

void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept {
  auto* state = static_cast<HpdfErrorState*>(user_data);
  if (state != nullptr && !state->set) {
    state->set = true;
    state->code = code;
    state->detail = detail;
  }
}

const char* hpdf_error_name(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "out of memory";
    case HPDF_FILE_IO_ERROR:
      return "file I/O error";
    case HPDF_FILE_OPEN_ERROR:
      return "cannot open file for writing";
    case HPDF_FONT_EXISTS:
      return "font already loaded";
    case HPDF_DUPLICATE_REGISTRATION:
      return "font with the same PostScript name already loaded";
    case HPDF_INVALID_DATE_TIME:
      return "invalid date";
    case HPDF_INVALID_DESTINATION:
      return "invalid destination";
    case HPDF_INVALID_FONTDEF_DATA:
      return "invalid font data";
    case HPDF_INVALID_OUTLINE:
      return "invalid outline";
    case HPDF_INVALID_PAGE:
      return "invalid page";
    case HPDF_INVALID_PARAMETER:
      return "invalid parameter";
    case HPDF_PAGE_INVALID_FONT_SIZE:
      return "font size out of range (0 < size <= 600)";
    case HPDF_PAGE_INVALID_GMODE:
      return "operator not allowed in the current graphics mode";
    case HPDF_PAGE_INVALID_SIZE:
      return "page size out of range (3..14400 pt)";
    case HPDF_PAGE_OUT_OF_RANGE:
      return "value out of range";
    case HPDF_REAL_OUT_OF_RANGE:
      return "number out of range";
    case HPDF_STRING_OUT_OF_RANGE:
      return "string too long";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
      return "font licence forbids embedding";
    case HPDF_TTF_INVALID_CMAP:
      return "font has no usable cmap";
    case HPDF_TTF_INVALID_FOMAT:
      return "unsupported TrueType format";
    case HPDF_TTF_MISSING_TABLE:
      return "TrueType table missing";
    case HPDF_ZLIB_ERROR:
      return "zlib error";
    default:
      return "libharu error";
  }
}

std::string hex(unsigned long v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%04lX", v);
  return buf;
}

}  // namespace plandeck::render_pdf::detail
