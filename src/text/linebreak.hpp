// Break opportunities for Japanese text (spec §5.3-§5.5): clusters, the class table and
// the ordered pair rules R2-R19 (JLREQ "strict" kinsoku, Latin words and numbers kept whole).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plandeck::text {

// Line-breaking classes of §5.4 (a tailored subset of UAX #14).
enum class BreakClass : std::uint8_t {
  BK, SP, ISP, GL, WJ, ZW, CM, OP, CL, NU, FWIS, IS, NS, PO, PR, IN, DASH, HY, SY, QU, AL, ID
};

// Class of one code point (one table read for the BMP; above U+FFFF everything is ID).
BreakClass break_class(char32_t cp);
const char* class_name(BreakClass c);

// A base code point plus following combining marks. [begin, end) indexes the u32 text.
struct Cluster {
  char32_t base = 0;
  BreakClass cls = BreakClass::AL;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits text into clusters; a combining mark with nothing to attach to (at the start,
// after a hard break, a space or a ZW/WJ character) becomes an AL cluster of its own (§5.3).
std::vector<Cluster> make_clusters(std::u32string_view text);

// Whether a line may break between clusters[i-1] and clusters[i] (1 <= i < size).
// R1 (hard breaks) is the caller's business: paragraphs are split at LF first.
bool break_allowed(const std::vector<Cluster>& clusters, std::size_t i);

// For tests and debugging: `text` with `mark` inserted at every break opportunity,
// e.g. "あーあ" -> "あー·あ".
std::u32string mark_opportunities(std::u32string_view text, char32_t mark = U'\u00B7');

// True for a cluster that carries content when judging how full a line looks (balancing):
// not a space, a zero-width or break character, a closing bracket or one of 、。，．.
bool is_content_cluster(const Cluster& c);

}  // namespace plandeck::text
