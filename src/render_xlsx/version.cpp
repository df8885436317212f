#include "render_xlsx/version.hpp"

#include <xlsxwriter.h>

namespace plandeck::render_xlsx {

// LXW_VERSION from the header: the pkg-config file reports the soname ("4") instead.
std::string libxlsxwriter_version() { return LXW_VERSION; }

}  // namespace plandeck::render_xlsx
