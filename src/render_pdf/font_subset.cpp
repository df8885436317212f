#include "render_pdf/font_subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <array>
#include <initializer_list>
#include <memory>

#include "render_pdf/render_pdf.hpp"

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
using Blob = std::unique_ptr<hb_blob_t, BlobDeleter>;
using Face = std::unique_ptr<hb_face_t, FaceDeleter>;
using Font = std::unique_ptr<hb_font_t, FontDeleter>;
using Input = std::unique_ptr<hb_subset_input_t, InputDeleter>;

// The tables libharu 2.3.0 writes into FontFile2 (it writes these 13 and nothing else, with
// zero-length entries for the hinting tables when they are absent).
constexpr std::array<const char*, 13> kLibharuTables = {"OS/2", "cmap", "cvt ", "fpgm", "glyf",
                                                        "head", "hhea", "hmtx", "loca", "maxp",
                                                        "name", "post", "prep"};

bool is_libharu_table(hb_tag_t tag) {
  for (const char* t : kLibharuTables) {
    if (hb_tag_from_string(t, 4) == tag) return true;
  }
  return false;
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
  {
    Font font(hb_font_create(face.get()));
    for (char32_t cp : code_points) {
      hb_codepoint_t gid = 0;
      if (!hb_font_get_nominal_glyph(font.get(), cp, &gid) || gid == 0) {
        result.missing.push_back(cp);
      }
    }
  }
  if (!result.missing.empty()) return result;

  Input input(hb_subset_input_create_or_fail());
  if (!input) throw Error("out of memory while subsetting font " + path);
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);

  // Drop every table libharu does not embed: it saves subsetting time and, with GSUB gone,
  // the subsetter does not pull in glyphs reachable only through layout features.
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  {
    std::array<hb_tag_t, 64> tags{};
    unsigned start = 0;
    for (;;) {
      auto count = static_cast<unsigned>(tags.size());
      const unsigned total = hb_face_get_table_tags(face.get(), start, &count, tags.data());
      for (unsigned i = 0; i < count; ++i) {
        if (!is_libharu_table(tags[i])) hb_set_add(drop, tags[i]);
      }
      start += count;
      if (count == 0 || start >= total) break;
    }
    // Layout tables are dropped even if absent from this face's directory listing.
    for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG",
                          "DSIG", "hdmx", "VDMX", "LTSH", "kern", "gasp", "meta"}) {
      hb_set_add(drop, hb_tag_from_string(t, 4));
    }
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  Face sub(hb_subset_or_fail(face.get(), input.get()));
  if (!sub) throw Error("HarfBuzz could not subset font " + path);
  Blob out(hb_face_reference_blob(sub.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  if (!data || length == 0) throw Error("HarfBuzz produced an empty subset of font " + path);
  result.data.assign(reinterpret_cast<const unsigned char*>(data),
                     reinterpret_cast<const unsigned char*>(data) + length);
  return result;
}

}  // namespace plandeck::render_pdf::detail
