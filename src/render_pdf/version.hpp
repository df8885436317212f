// Versions of the PDF libraries this module was built with (for `plandeck --version`).
#pragma once

#include <string>

namespace plandeck::render_pdf {

std::string libharu_version();
std::string harfbuzz_version();

}  // namespace plandeck::render_pdf
