#include "render_pdf/to_unicode.hpp"

#include <algorithm>
#include <cstdio>

namespace plandeck::render_pdf::detail {

namespace {

void append_hex4(std::string& out, std::uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(v));
  out += buf;
}

}  // namespace

std::string build_to_unicode_cmap(const std::vector<std::uint16_t>& codes) {
  constexpr std::size_t kBlock = 100;  // the CMap format's limit per begin/end block
  std::string out;
  out.reserve(400 + codes.size() * 16);
  out +=
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n"
      "<0000> <FFFF>\n"
      "endcodespacerange\n";
  for (std::size_t start = 0; start < codes.size(); start += kBlock) {
    const std::size_t end = std::min(codes.size(), start + kBlock);
    out += std::to_string(end - start);
    out += " beginbfchar\n";
    for (std::size_t i = start; i < end; ++i) {
      append_hex4(out, codes[i]);
      out += ' ';
      append_hex4(out, codes[i]);  // code == CID == the BMP code point (UTF-16BE of itself)
      out += '\n';
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace plandeck::render_pdf::detail
