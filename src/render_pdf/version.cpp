#include "render_pdf/version.hpp"

#include <hb.h>
#include <hpdf.h>

namespace plandeck::render_pdf {

std::string libharu_version() { return HPDF_VERSION_TEXT; }
std::string harfbuzz_version() { return hb_version_string(); }

}  // namespace plandeck::render_pdf
