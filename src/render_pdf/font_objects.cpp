#include "render_pdf/font_objects.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <map>
#include <optional>

#include "render_pdf/pdf_objects.hpp"
#include "render_pdf/to_unicode.hpp"

namespace plandeck::render_pdf::detail {

namespace {

std::uint16_t width_of(const std::vector<std::uint16_t>& widths, std::uint16_t gid) {
  return gid < widths.size() ? widths[gid] : 0;
}

}  // namespace

std::uint16_t default_width(const std::vector<std::uint16_t>& widths, const std::vector<std::uint16_t>& used) {
  std::map<std::uint16_t, std::size_t> count;
  for (std::uint16_t gid : used) ++count[width_of(widths, gid)];
  std::uint16_t best = 1000;  // the PDF's own default when nothing is used
  std::size_t best_count = 0;
  for (const auto& [w, n] : count) {  // ascending widths: a tie keeps the smaller
    if (n > best_count) {
      best = w;
      best_count = n;
    }
  }
  return best;
}

std::vector<std::pair<std::uint16_t, std::vector<std::uint16_t>>> width_runs(
    const std::vector<std::uint16_t>& widths, const std::vector<std::uint16_t>& used, std::uint16_t dw) {
  std::vector<std::pair<std::uint16_t, std::vector<std::uint16_t>>> runs;
  std::optional<std::uint16_t> previous;  // the last glyph listed
  for (std::uint16_t gid : used) {
    const std::uint16_t w = width_of(widths, gid);
    if (w == dw) continue;
    if (!previous || *previous + 1 != gid) runs.push_back({gid, {}});
    runs.back().second.push_back(w);
    previous = gid;
  }
  return runs;
}

HPDF_Dict add_type0_font(Doc& doc, Deflater& deflater, const SubsetFont& font, const std::string& tag,
                         const std::vector<std::pair<std::uint16_t, char32_t>>& glyph_text,
                         const std::string& what) {
  HPDF_Doc pdf = doc.get();
  HPDF_MMgr mmgr = pdf->mmgr;
  const std::string base_font = tag + "+" + font.metrics.postscript_name;
  auto ok = [&](HPDF_STATUS st) { doc.check(st, what); };

  // The font program: the largest stream of the file.
  HPDF_Dict program = doc.check_ptr(HPDF_DictStream_New(mmgr, pdf->xref), what);
  ok(HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(font.data.size())));
  set_deflated_stream(doc, deflater, program, font.data.data(), font.data.size(), kFontProgramLevel, what);

  HPDF_Dict descriptor = indirect(doc, HPDF_Dict_New(mmgr), what);
  const FontMetrics& m = font.metrics;
  ok(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"));
  ok(HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str()));
  ok(HPDF_Dict_AddNumber(descriptor, "Flags", 32));
  HPDF_Array bbox = doc.check_ptr(HPDF_Array_New(mmgr), what);
  ok(HPDF_Dict_Add(descriptor, "FontBBox", bbox));
  for (int v : m.bbox) ok(HPDF_Array_AddNumber(bbox, v));
  ok(HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(m.italic_angle)));
  ok(HPDF_Dict_AddNumber(descriptor, "Ascent", m.ascent));
  ok(HPDF_Dict_AddNumber(descriptor, "Descent", m.descent));
  ok(HPDF_Dict_AddNumber(descriptor, "CapHeight", m.cap_height));
  ok(HPDF_Dict_AddNumber(descriptor, "StemV", m.stem_v));
  ok(HPDF_Dict_Add(descriptor, "FontFile2", program));

  HPDF_Dict cid_font = indirect(doc, HPDF_Dict_New(mmgr), what);
  ok(HPDF_Dict_AddName(cid_font, "Type", "Font"));
  ok(HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2"));
  ok(HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str()));
  HPDF_Dict system_info = doc.check_ptr(HPDF_Dict_New(mmgr), what);
  ok(HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info));
  ok(HPDF_Dict_Add(system_info, "Registry",
                   doc.check_ptr(HPDF_String_New(mmgr, "Adobe", nullptr), what)));
  ok(HPDF_Dict_Add(system_info, "Ordering",
                   doc.check_ptr(HPDF_String_New(mmgr, "Identity", nullptr), what)));
  ok(HPDF_Dict_AddNumber(system_info, "Supplement", 0));
  ok(HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor));
  std::vector<std::uint16_t> used;
  used.reserve(glyph_text.size());
  for (const auto& [gid, cp] : glyph_text) used.push_back(gid);
  const std::uint16_t dw = default_width(font.widths, used);
  ok(HPDF_Dict_AddNumber(cid_font, "DW", dw));
  HPDF_Array w = doc.check_ptr(HPDF_Array_New(mmgr), what);
  ok(HPDF_Dict_Add(cid_font, "W", w));
  for (const auto& [first, run] : width_runs(font.widths, used, dw)) {
    ok(HPDF_Array_AddNumber(w, first));
    HPDF_Array widths = doc.check_ptr(HPDF_Array_New(mmgr), what);
    ok(HPDF_Array_Add(w, widths));
    for (std::uint16_t v : run) ok(HPDF_Array_AddNumber(widths, v));
  }
  ok(HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity"));

  HPDF_Dict to_unicode = doc.check_ptr(HPDF_DictStream_New(mmgr, pdf->xref), what);
  const std::string cmap = build_to_unicode_cmap(glyph_text);
  set_deflated_stream(doc, deflater, to_unicode, reinterpret_cast<const unsigned char*>(cmap.data()),
                      cmap.size(), kCmapLevel, what);

  HPDF_Dict type0 = indirect(doc, HPDF_Dict_New(mmgr), what);
  ok(HPDF_Dict_AddName(type0, "Type", "Font"));
  ok(HPDF_Dict_AddName(type0, "Subtype", "Type0"));
  ok(HPDF_Dict_AddName(type0, "BaseFont", base_font.c_str()));
  ok(HPDF_Dict_AddName(type0, "Encoding", "Identity-H"));
  HPDF_Array descendants = doc.check_ptr(HPDF_Array_New(mmgr), what);
  ok(HPDF_Dict_Add(type0, "DescendantFonts", descendants));
  ok(HPDF_Array_Add(descendants, cid_font));
  ok(HPDF_Dict_Add(type0, "ToUnicode", to_unicode));
  return type0;
}

}  // namespace plandeck::render_pdf::detail
