#include "text/linebreak.hpp"

#include <array>
#include <initializer_list>

namespace plandeck::text {

namespace {

using C = BreakClass;

// The §5.4 table for the BMP, built once. Rows are applied from the defaults up to the
// first row of the spec, so that an earlier (higher-priority) row overwrites later ones.
struct ClassTable {
  std::array<C, 0x10000> cls{};

  void set(std::initializer_list<char32_t> cps, C c) {
    for (char32_t cp : cps) cls[cp] = c;
  }
  void range(char32_t first, char32_t last, C c) {
    for (char32_t cp = first; cp <= last; ++cp) cls[cp] = c;
  }

  ClassTable() {
    // Defaults: AL below U+2E80 and in A000-ABFF, ID everywhere else.
    range(0x0000, 0x2E7F, C::AL);
    range(0x2E80, 0xFFFF, C::ID);
    range(0xA000, 0xABFF, C::AL);
    // Rows in reverse order of priority.
    range(0xFF21, 0xFF3A, C::AL);  // full-width Latin (tailoring)
    range(0xFF41, 0xFF5A, C::AL);
    set({0x0022, 0x0027}, C::QU);
    set({0x002F, 0xFF0F}, C::SY);
    set({0x002D}, C::HY);
    set({0x2014, 0x2015}, C::DASH);
    set({0x2026, 0x2025, 0x22EF}, C::IN);
    set({0x00A5, 0xFFE5, 0x0024, 0xFF04, 0x00A3, 0xFFE1, 0x0023, 0xFF03, 0x20AC, 0x2116}, C::PR);
    set({0x0025, 0xFF05, 0x2030, 0x00B0, 0x2032, 0x2033, 0x2103, 0x2109, 0x00A2, 0xFFE0,
         0x33CB, 0x2113, 0x3303, 0x330D, 0x3314, 0x3318, 0x3322, 0x3323, 0x3326, 0x3327,
         0x332B, 0x3336, 0x333B, 0x3349, 0x334A, 0x334D, 0x3351, 0x3357, 0x338E, 0x338F,
         0x339C, 0x339D, 0x339E, 0x33A1, 0x33C4},
        C::PO);
    // NS: hyphens, dividing punctuation, middle dots, full stops, commas, iteration marks,
    // prolonged sound mark, small kana, voiced sound marks (JLREQ cl-03..cl-11, strict).
    set({0x2010, 0x2013, 0x301C, 0x30A0, 0xFF5E}, C::NS);
    set({0x0021, 0x003F, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049}, C::NS);
    set({0x30FB, 0xFF65, 0xFF1A, 0xFF1B}, C::NS);
    set({0x3002, 0xFF61, 0x3001, 0xFF64}, C::NS);
    set({0x3005, 0x303B, 0x309D, 0x309E, 0x30FD, 0x30FE}, C::NS);
    set({0x30FC, 0xFF70}, C::NS);
    set({0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E,
         0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5,
         0x30E7, 0x30EE, 0x30F5, 0x30F6},
        C::NS);
    range(0x31F0, 0x31FF, C::NS);
    range(0xFF67, 0xFF6F, C::NS);
    set({0x309B, 0x309C, 0xFF9E, 0xFF9F}, C::NS);
    set({0x002C, 0x002E, 0x003A, 0x003B}, C::IS);
    set({0xFF0C, 0xFF0E}, C::FWIS);
    range(0x0030, 0x0039, C::NU);
    range(0xFF10, 0xFF19, C::NU);
    set({0x0029, 0x005D, 0x007D, 0x00BB, 0x2019, 0x201D, 0x2986, 0x3009, 0x300B, 0x300D,
         0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F, 0xFF09, 0xFF3D,
         0xFF5D, 0xFF60, 0xFF63},
        C::CL);
    set({0x0028, 0x005B, 0x007B, 0x00AB, 0x2018, 0x201C, 0x2985, 0x3008, 0x300A, 0x300C,
         0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFF08, 0xFF3B, 0xFF5B,
         0xFF5F, 0xFF62},
        C::OP);
    range(0x0300, 0x036F, C::CM);
    range(0x20D0, 0x20FF, C::CM);
    set({0x3099, 0x309A}, C::CM);
    set({0x200B}, C::ZW);
    set({0x2060, 0xFEFF}, C::WJ);
    set({0x00A0, 0x2007, 0x2011, 0x202F}, C::GL);
    set({0x3000}, C::ISP);
    set({0x0020, 0x0009}, C::SP);
    set({0x000A}, C::BK);
  }
};

const ClassTable& table() {
  static const ClassTable t;
  return t;
}

bool in(C c, std::initializer_list<C> set) {
  for (C s : set)
    if (c == s) return true;
  return false;
}

}  // namespace

BreakClass break_class(char32_t cp) { return cp < 0x10000 ? table().cls[cp] : C::ID; }

const char* class_name(BreakClass c) {
  static const char* const kNames[] = {"BK", "SP", "ISP", "GL", "WJ", "ZW", "CM", "OP",
                                       "CL", "NU", "FWIS", "IS", "NS", "PO", "PR", "IN",
                                       "DASH", "HY", "SY", "QU", "AL", "ID"};
  return kNames[static_cast<int>(c)];
}

std::vector<Cluster> make_clusters(std::u32string_view text) {
  std::vector<Cluster> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const C c = break_class(text[i]);
    // A mark joins the cluster before it, except after a hard break (it starts a new
    // paragraph) — there, and at the very start, it stands alone as AL (§5.3). Nor does it
    // join a space or an invisible ZW/WJ cluster (as UAX #14 LB9 excludes SP/ZW bases):
    // those are dropped when trailing or always, and the mark would vanish with them.
    if (c == C::CM && !out.empty() &&
        !in(out.back().cls, {C::BK, C::SP, C::ISP, C::ZW, C::WJ})) {
      out.back().end = i + 1;
      continue;
    }
    out.push_back(Cluster{text[i], c == C::CM ? C::AL : c, i, i + 1});
  }
  return out;
}

bool break_allowed(const std::vector<Cluster>& c, std::size_t i) {
  const C a = c[i - 1].cls, b = c[i].cls;
  const C p = i >= 2 ? c[i - 2].cls : C::BK;  // BK: "no cluster" for R16/R17
  const char32_t ca = c[i - 1].base, cb = c[i].base;
  if (a == C::BK) return true;                              // R1
  if (b == C::SP || b == C::ZW) return false;               // R2
  if (a == C::ZW) return true;                              // R3
  if (a == C::WJ || b == C::WJ) return false;               // R4
  if (a == C::GL) return false;                             // R5
  if (b == C::GL && !in(a, {C::SP, C::ISP, C::HY})) return false;
  if (b == C::ISP) return false;                            // R6
  if (in(b, {C::CL, C::NS, C::PO, C::IS, C::FWIS, C::IN, C::HY, C::SY})) return false;  // R7
  if (a == C::SP || a == C::ISP) return true;               // R8
  if (a == C::OP) return false;                             // R9
  if (a == C::PR) return false;                             // R10
  if (a == C::QU || b == C::QU) return false;               // R11
  if (a == C::DASH && b == C::DASH) return false;           // R12
  const bool a_alnum = in(a, {C::AL, C::NU});
  const bool b_alnum = in(b, {C::AL, C::NU});
  if (a_alnum && (b_alnum || b == C::PR)) return false;     // R13
  if (a == C::PO && b_alnum) return false;                  // R14
  if (a == C::IS && b_alnum) return false;                  // R15
  if (a == C::FWIS && b == C::NU && p == C::NU) return false;  // R16
  if (a == C::HY && b == C::NU) return false;               // R17
  if (a == C::SY && b == C::NU && p == C::NU) return false;
  // The full-width signs are ID (so 比＋ may break), but never leave the number they sign:
  // the ASCII + and ▲ △ − ± are AL and already held by R13.
  if ((ca == U'＋' || ca == U'－') && b == C::NU) return false;
  if (a_alnum && (cb == U'(' || cb == U'[')) return false;  // R18
  if ((ca == U')' || ca == U']') && b_alnum) return false;
  return true;                                              // R19
}

std::u32string mark_opportunities(std::u32string_view text, char32_t mark) {
  const std::vector<Cluster> clusters = make_clusters(text);
  std::u32string out;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    if (i > 0 && clusters[i - 1].cls != C::BK && clusters[i].cls != C::BK &&
        break_allowed(clusters, i))
      out.push_back(mark);
    out.append(text.substr(clusters[i].begin, clusters[i].end - clusters[i].begin));
  }
  return out;
}

bool is_content_cluster(const Cluster& c) {
  switch (c.cls) {
    case BreakClass::SP: case BreakClass::ISP: case BreakClass::ZW: case BreakClass::WJ:
    case BreakClass::BK: case BreakClass::CL: case BreakClass::FWIS: case BreakClass::IS:
      return false;
    default:
      return !(c.base == 0x3001 || c.base == 0x3002 || c.base == 0xFF61 || c.base == 0xFF64);
  }
}

}  // namespace plandeck::text
