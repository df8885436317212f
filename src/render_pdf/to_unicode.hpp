// Internal: the ToUnicode CMap written for each embedded font.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace plandeck::render_pdf::detail {

// A ToUnicode CMap for an Identity-H font whose 2-byte codes are BMP code points (libharu's
// UTF-8 mode): one bfchar entry per code, in blocks of at most 100 entries. bfrange is avoided
// on purpose (Ghostscript 10.00 garbles 2-byte bfrange destinations). `codes` must be sorted
// and unique.
std::string build_to_unicode_cmap(const std::vector<std::uint16_t>& codes);

}  // namespace plandeck::render_pdf::detail
