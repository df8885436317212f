#include "render_pdf/to_unicode.hpp"

#include <algorithm>

namespace plandeck::render_pdf::detail {

namespace {

void append_hex4(std::string& out, unsigned v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(v >> shift) & 0xF];
}

// The UTF-16BE code units of `cp` as hex: 4 digits, or 8 for a surrogate pair.
void append_utf16be(std::string& out, char32_t cp) {
  if (cp < 0x10000) {
    append_hex4(out, static_cast<unsigned>(cp));
  } else {
    const unsigned v = static_cast<unsigned>(cp) - 0x10000;
    append_hex4(out, 0xD800 + (v >> 10));
    append_hex4(out, 0xDC00 + (v & 0x3FF));
  }
}

}  // namespace

std::string build_to_unicode_cmap(const std::vector<std::pair<std::uint16_t, char32_t>>& glyphs) {
  constexpr std::size_t kBlock = 100;  // the CMap format's limit per begin/end block
  std::string out;
  out.reserve(400 + glyphs.size() * 20);
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
  for (std::size_t start = 0; start < glyphs.size(); start += kBlock) {
    const std::size_t end = std::min(glyphs.size(), start + kBlock);
    out += std::to_string(end - start);
    out += " beginbfchar\n";
    for (std::size_t i = start; i < end; ++i) {
      out += '<';
      append_hex4(out, glyphs[i].first);
      out += "> <";
      append_utf16be(out, glyphs[i].second);
      out += ">\n";
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
