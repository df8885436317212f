#include "render_pdf/font_subset.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>

#include "render_pdf/render_pdf.hpp"
#include "text/utf8.hpp"

namespace plandeck::render_pdf::detail {

namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct FontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct InputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct PlanDeleter {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;
using Font = std::unique_ptr<hb_font_t, FontDeleter>;
using Input = std::unique_ptr<hb_subset_input_t, InputDeleter>;
using Plan = std::unique_ptr<hb_subset_plan_t, PlanDeleter>;

// The tables kept in the embedded program. A CIDFontType2 with /CIDToGIDMap /Identity needs
// head, hhea, maxp, loca, glyf and hmtx (ISO 32000-1 9.9: cmap is not needed when the PDF
// maps CIDs to glyphs itself); OS/2 and post are small and some rasterisers look for them.
// cmap (a segment per scattered kanji), names (often a long licence text) and layout tables
// are left out.
constexpr std::array<const char*, 8> kKeptTables = {"head", "hhea", "maxp", "loca",
                                                    "glyf", "hmtx", "OS/2", "post"};

bool is_kept_table(hb_tag_t tag) {
  for (const char* t : kKeptTables) {
    if (hb_tag_from_string(t, 4) == tag) return true;
  }
  return false;
}

// Big-endian reads from a table blob; 0 past the end (a short table gives default metrics).
class TableBytes {
 public:
  TableBytes(hb_face_t* face, const char* tag)
      : blob_(hb_face_reference_table(face, hb_tag_from_string(tag, 4))) {
    unsigned length = 0;
    data_ = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob_.get(), &length));
    size_ = length;
  }
  std::size_t size() const { return size_; }
  unsigned u16(std::size_t at) const {
    return at + 2 <= size_ ? static_cast<unsigned>(data_[at] << 8 | data_[at + 1]) : 0;
  }
  int s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
  double fixed(std::size_t at) const { return s16(at) + u16(at + 2) / 65536.0; }

 private:
  Blob blob_;
  const unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

// PDF names allow any byte as #xx, but font names are best kept plain: letters, digits, '-'.
std::string pdf_safe_name(const std::string& in) {
  std::string out;
  for (char c : in) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.') {
      out += c;
    }
  }
  return out.empty() ? "Font" : out.substr(0, 100);
}

FontMetrics read_metrics(hb_face_t* face) {
  FontMetrics m;
  char name[128];
  unsigned name_len = sizeof name;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &name_len, name);
  m.postscript_name = pdf_safe_name(std::string(name, name_len));

  const TableBytes head(face, "head"), hhea(face, "hhea"), os2(face, "OS/2"), post(face, "post");
  const int upem = head.u16(18) != 0 ? static_cast<int>(head.u16(18)) : 1000;
  auto em = [upem](int v) { return v * 1000 / upem; };
  for (int i = 0; i < 4; ++i) m.bbox[i] = em(head.s16(36 + 2 * static_cast<std::size_t>(i)));
  m.ascent = em(hhea.s16(4));
  m.descent = em(hhea.s16(6));
  m.cap_height = os2.u16(0) >= 2 && os2.size() >= 90 ? em(os2.s16(88)) : m.ascent;
  m.italic_angle = post.fixed(4);
  // A common estimate (weight 400 -> ~80, 700 -> ~150): viewers use it only for synthesis.
  const int weight = os2.size() >= 6 ? static_cast<int>(os2.u16(4)) : 400;
  m.stem_v = 10 + weight * weight / 2500;
  return m;
}

}  // namespace

SubsetFont subset_font(const std::string& path, const std::vector<char32_t>& code_points) {
  Blob blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) throw Error("cannot read font file " + path);
  Face face(hb_face_create(blob.get(), 0));
  if (!face || hb_face_get_glyph_count(face.get()) == 0) {
    throw Error("font file " + path + " is not a usable TrueType/OpenType font");
  }
  {
    Blob glyf(hb_face_reference_table(face.get(), HB_TAG('g', 'l', 'y', 'f')));
    if (hb_blob_get_length(glyf.get()) == 0) {
      throw Error("font file " + path +
                  " has no TrueType outlines (glyf table); libharu can only embed TrueType-"
                  "flavoured fonts, not CFF-based .otf");
    }
  }

  SubsetFont result;
  std::vector<hb_codepoint_t> source_glyph;  // per code point: its glyph in the whole font
  source_glyph.reserve(code_points.size());
  {
    Font font(hb_font_create(face.get()));
    for (char32_t cp : code_points) {
      hb_codepoint_t gid = 0;
      if (!hb_font_get_nominal_glyph(font.get(), cp, &gid) || gid == 0) {
        result.missing.push_back(cp);
      }
      source_glyph.push_back(gid);
    }
  }
  if (!result.missing.empty()) return result;

  Input input(hb_subset_input_create_or_fail());
  if (!input) throw Error("out of memory while subsetting font " + path);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);

  // Drop every table the PDF does not embed: it saves subsetting time and, with GSUB gone,
  // the subsetter does not pull in glyphs reachable only through layout features.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  {
    std::array<hb_tag_t, 64> tags{};
    unsigned start = 0;
    for (;;) {
      auto count = static_cast<unsigned>(tags.size());
      const unsigned total = hb_face_get_table_tags(face.get(), start, &count, tags.data());
      for (unsigned i = 0; i < count; ++i) {
        if (!is_kept_table(tags[i])) hb_set_add(drop, tags[i]);
      }
      start += count;
      if (count == 0 || start >= total) break;
    }
    // Layout tables are dropped even if absent from this face's directory listing.
    for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG",
                          "DSIG", "hdmx", "VDMX", "LTSH", "kern", "gasp", "meta", "name", "cmap",
                          "cvt ", "fpgm", "prep"}) {
      hb_set_add(drop, hb_tag_from_string(t, 4));
    }
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  // Through a plan, to learn how the subset renumbers the glyphs: the embedded program has no
  // cmap (text is shown by glyph id), so the numbering cannot be read back from it.
  Plan plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
  if (!plan) throw Error("HarfBuzz could not subset font " + path);
  const hb_map_t* new_glyph = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    const hb_codepoint_t gid = hb_map_get(new_glyph, source_glyph[i]);
    if (gid == HB_MAP_VALUE_INVALID || gid == 0 || gid > 0xFFFF) {
      throw Error("HarfBuzz lost " + text::utf8::describe(code_points[i]) +
                  " while subsetting font " + path);
    }
    result.glyph_of.emplace(code_points[i], static_cast<std::uint16_t>(gid));
  }
  Face sub(hb_subset_plan_execute_or_fail(plan.get()));
  if (!sub) throw Error("HarfBuzz could not subset font " + path);
  Blob out(hb_face_reference_blob(sub.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  if (!data || length == 0) throw Error("HarfBuzz produced an empty subset of font " + path);
  result.data.assign(reinterpret_cast<const unsigned char*>(data),
                     reinterpret_cast<const unsigned char*>(data) + length);

  // Widths as the subset numbers its glyphs (read from its hmtx).
  Font sub_font(hb_font_create(sub.get()));
  const int upem = static_cast<int>(hb_face_get_upem(sub.get()));
  hb_font_set_scale(sub_font.get(), upem, upem);
  const unsigned glyphs = hb_face_get_glyph_count(sub.get());
  result.widths.reserve(glyphs);
  for (unsigned g = 0; g < glyphs; ++g) {
    const hb_position_t advance = hb_font_get_glyph_h_advance(sub_font.get(), g);
    result.widths.push_back(static_cast<std::uint16_t>(std::max(0, advance) * 1000 / upem));
  }
  result.metrics = read_metrics(face.get());
  return result;
}

}  // namespace plandeck::render_pdf::detail
