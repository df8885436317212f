// The version of libxlsxwriter this module was built with (for `plandeck --version`).
#pragma once

#include <string>

namespace plandeck::render_xlsx {

std::string libxlsxwriter_version();

}  // namespace plandeck::render_xlsx
