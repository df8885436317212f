#include "cli/versions.hpp"

#include <CLI/Version.hpp>

#include "input/version.hpp"
#include "render_pdf/version.hpp"
#include "render_xlsx/version.hpp"

namespace plandeck::cli {

std::string version_text() {
  return std::string("plandeck ") + PLANDECK_VERSION + "\n" +
         "  libharu " + render_pdf::libharu_version() + "\n" +
         "  HarfBuzz " + render_pdf::harfbuzz_version() + "\n" +
         "  libxlsxwriter " + render_xlsx::libxlsxwriter_version() + "\n" +
         "  yaml-cpp " + input::yaml_cpp_version() + "\n" +
         "  CLI11 " + CLI11_VERSION;
}

}  // namespace plandeck::cli
