// PDF renderer on libharu 2.3.0.
//
// Order of work (each step can fail with an Error naming what was being done):
//   1. validate the deck and collect, per font file, the code points drawn with it;
//   2. subset every used font with HarfBuzz (only those code points, no hinting);
//   3. create the document (compression first), write each subset font's objects ourselves
//      (font_objects.hpp) in deck order, create all pages, then draw them, then links, the
//      structure tree (structure_tree.hpp), the XMP metadata and outlines;
//   4. document info and (only with SOURCE_DATE_EPOCH) dates, then save.
//
// libharu draws shapes, keeps pages, links and outlines; text is shown with our own operators
// as glyph ids of our own fonts, inside marked content (page_painter.hpp), and the structure
// tree that the marked content belongs to is ours too (structure_tree.hpp).
#include "render_pdf/render_pdf.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "render_pdf/deck_validation.hpp"
#include "render_pdf/font_objects.hpp"
#include "render_pdf/font_subset.hpp"
#include "render_pdf/hpdf_session.hpp"
#include "render_pdf/object_streams.hpp"
#include "render_pdf/page_painter.hpp"
#include "render_pdf/pdf_objects.hpp"
#include "render_pdf/structure_tree.hpp"
#include "render_pdf/xmp_metadata.hpp"
#include "text/utf8.hpp"

namespace plandeck::render_pdf {

namespace {

namespace utf8 = text::utf8;
using compose::Deck;
using detail::Collected;
using detail::decode_for_pdf;
using detail::Doc;
using detail::excerpt;
using detail::FontSlot;
using detail::page_name;

// ---------------------------------------------------------------------------------------
// Fonts

// Deterministic six-letter subset tag from the subset font's bytes (FNV-1a), made unique.
std::array<char, 7> subset_tag(const std::vector<unsigned char>& data,
                               std::set<std::string>& used) {
  std::uint64_t h = 1469598103934665603ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  // Eight bytes per turn of the loop: the same hash, a third of the loop overhead.
  std::size_t at = 0;
  for (; at + 8 <= data.size(); at += 8) {
    h = (h ^ data[at]) * kPrime;
    h = (h ^ data[at + 1]) * kPrime;
    h = (h ^ data[at + 2]) * kPrime;
    h = (h ^ data[at + 3]) * kPrime;
    h = (h ^ data[at + 4]) * kPrime;
    h = (h ^ data[at + 5]) * kPrime;
    h = (h ^ data[at + 6]) * kPrime;
    h = (h ^ data[at + 7]) * kPrime;
  }
  for (; at < data.size(); ++at) h = (h ^ data[at]) * kPrime;
  for (;;) {
    std::array<char, 7> tag{};
    std::uint64_t v = h;
    for (std::size_t i = 0; i < 6; ++i) {
      tag[i] = static_cast<char>('A' + v % 26);
      v /= 26;
    }
    if (used.insert(std::string(tag.data())).second) return tag;
    ++h;
  }
}

void load_font(Doc& doc, const Deck& deck, detail::Deflater& deflater, FontSlot& slot,
               std::set<std::string>& used_tags) {
  detail::SubsetFont sub = detail::subset_font(slot.path, slot.code_points);
  if (!sub.missing.empty()) {
    std::string msg = "font " + slot.path + " has no glyph for ";
    for (std::size_t i = 0; i < sub.missing.size() && i < 5; ++i) {
      if (i > 0) msg += ", ";
      msg += utf8::describe(sub.missing[i]);
    }
    if (sub.missing.size() > 5) msg += " and " + std::to_string(sub.missing.size() - 5) + " more";
    const auto first = std::lower_bound(slot.code_points.begin(), slot.code_points.end(), sub.missing.front());
    const auto [page, shape] = slot.first_use.at(static_cast<std::size_t>(first - slot.code_points.begin()));
    msg += "; first used at " + detail::shape_name(page, shape, deck.pages[page].shapes[shape]);
    throw Error(msg);
  }
  // One ToUnicode entry per glyph: when several code points share a glyph, the lowest one.
  std::map<std::uint16_t, char32_t> text_of_glyph;
  for (const auto& [cp, gid] : sub.glyph_of) text_of_glyph.emplace(gid, cp);
  const std::vector<std::pair<std::uint16_t, char32_t>> glyph_text(text_of_glyph.begin(),
                                                                    text_of_glyph.end());
  const std::array<char, 7> tag = subset_tag(sub.data, used_tags);
  slot.font = detail::add_type0_font(doc, deflater, sub, tag.data(), glyph_text,
                                     "embedding font " + slot.path);
  slot.glyph_of = std::move(sub.glyph_of);
  slot.index_glyphs();
}

// ---------------------------------------------------------------------------------------
// Drawing

HPDF_REAL r(double v) {
  return static_cast<HPDF_REAL>(v);
}

HPDF_Destination fit_destination(Doc& doc, HPDF_Page target, const std::string& what) {
  HPDF_Destination dest = doc.check_ptr(HPDF_Page_CreateDestination(target), what);
  doc.check(HPDF_Destination_SetFit(dest), what);
  return dest;
}

// Titles are written as our own UTF-16BE strings (libharu's UTF-8 encoder drops characters
// above U+FFFF): the entry is created untitled, then given its /Title.
void add_outline(Doc& doc, HPDF_Outline parent, const std::vector<compose::Outline>& items,
                 const std::vector<HPDF_Page>& pages, bool top_level) {
  for (const auto& o : items) {
    const std::string what = "outline entry \"" + excerpt(o.title) + "\"";
    HPDF_Outline node = doc.check_ptr(HPDF_CreateOutline(doc.get(), parent, "", nullptr), what);
    doc.check(HPDF_Dict_Add(node, "Title", detail::utf16_text_string(doc, o.title, what)), what);
    doc.check(HPDF_Outline_SetDestination(node, fit_destination(doc, pages[o.page], what)), what);
    // Sections start expanded, deeper levels collapsed.
    doc.check(
        HPDF_Outline_SetOpened(node, top_level && !o.children.empty() ? HPDF_TRUE : HPDF_FALSE),
        what);
    add_outline(doc, node, o.children, pages, false);
  }
}

// ---------------------------------------------------------------------------------------
// Dates

// Days since 1970-01-01 -> proleptic Gregorian (year, month, day).
void civil_from_days(long long days, long long& y, int& m, int& d) {
  days += 719468;  // shift the epoch to 0000-03-01
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;                                    // [0, 146096]
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const long long mp = (5 * doy + 2) / 153;                                     // [0, 11]
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

HPDF_Date date_from_epoch(long long epoch) {
  constexpr long long kMax = 253402300799LL;  // 9999-12-31T23:59:59Z
  if (epoch < 0 || epoch > kMax) {
    throw Error("SOURCE_DATE_EPOCH " + std::to_string(epoch) + " is outside 0.." +
                std::to_string(kMax));
  }
  const long long days = epoch / 86400;
  const long long secs = epoch % 86400;
  long long year = 0;
  int month = 0, day = 0;
  civil_from_days(days, year, month, day);
  HPDF_Date date{};
  date.year = static_cast<HPDF_INT>(year);
  date.month = month;
  date.day = day;
  date.hour = static_cast<HPDF_INT>(secs / 3600);
  date.minutes = static_cast<HPDF_INT>(secs % 3600 / 60);
  date.seconds = static_cast<HPDF_INT>(secs % 60);
  date.ind = '+';  // UTC written as +00'00' (the form the reference verified byte-stable)
  date.off_hour = 0;
  date.off_minutes = 0;
  return date;
}

// Writes `bytes` to `path`, reporting the system's reason (e.g. "No space left on device")
// when it fails.
void write_file_bytes(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw Error("writing " + path + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : ENOSPC;
      ::close(fd);
      throw Error("writing " + path + ": " + std::strerror(err));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw Error("writing " + path + ": " + std::strerror(errno));
}

}  // namespace

// ---------------------------------------------------------------------------------------

std::string render_pdf(const Deck& deck, const PdfOptions& options) {
  Collected fonts = detail::validate_and_collect(deck);
  detail::validate_outline(deck.outline, deck.pages.size(), "");
  for (const auto& [value, name] :
       {std::pair{&deck.info.title, "title"}, std::pair{&deck.info.author, "author"},
        std::pair{&deck.info.subject, "subject"}, std::pair{&deck.info.creator, "creator"}}) {
    decode_for_pdf(*value, std::string("document info ") + name);
  }
  std::optional<HPDF_Date> date;
  if (options.source_date_epoch) date = date_from_epoch(*options.source_date_epoch);

  Doc doc;
  HPDF_Doc pdf = doc.get();
  // No HPDF_SetCompressionMode: libharu deflates nothing itself. Every stream is deflated
  // by us (pdf_objects.hpp) at a level chosen per kind: fonts hard, page content fast.

  // Fonts in deck order: the order fixes object numbers, so it must not depend on anything else.
  std::set<std::string> used_tags;
  detail::Deflater deflater;
  for (auto& slot : fonts.slots) {
    if (!slot.code_points.empty()) load_font(doc, deck, deflater, slot, used_tags);
  }
  std::vector<const FontSlot*> font_by_index;
  for (std::size_t i = 0; i < deck.fonts.size(); ++i) {
    const FontSlot& slot = fonts.slots[fonts.slot_of_font[i]];
    font_by_index.push_back(slot.font != nullptr ? &slot : nullptr);
  }

  // All pages first, so that links can point forward.
  std::vector<HPDF_Page> pages;
  pages.reserve(deck.pages.size());
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    const std::string what = "creating " + page_name(p);
    HPDF_Page page = doc.check_ptr(HPDF_AddPage(pdf), what);
    doc.check(HPDF_Page_SetWidth(page, r(deck.width)), what);
    doc.check(HPDF_Page_SetHeight(page, r(deck.height)), what);
    pages.push_back(page);
  }

  std::vector<detail::PageStructure> structures;
  structures.reserve(deck.pages.size());
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    structures.push_back(detail::page_structure(deck.pages[p], p));
  }
  std::vector<detail::TaggedPage> tagged(deck.pages.size());
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    const auto& page = deck.pages[p];
    detail::Painter painter(doc, pages[p], deck.height, font_by_index);
    for (std::size_t s = 0; s < page.shapes.size(); ++s) {
      painter.draw(page.shapes[s], structures[p].marks[s], p, s);
    }
    painter.finish();
    tagged[p].page = pages[p];
    tagged[p].structure = &structures[p];
    tagged[p].mcid_nodes = painter.mcid_nodes();
    // Pages of one slide (its continuations) share the slide's name and place in the plan.
    if (p > 0 && page.loc.known()) {
      const compose::Page& before = deck.pages[p - 1];
      tagged[p].continues_slide = page.slide == before.slide && page.loc.file == before.loc.file &&
                                  page.loc.line == before.loc.line && page.loc.col == before.loc.col;
    }
    // The page's operators are complete: deflated once, straight from the painter's buffer
    // (libharu's own content stream of the page stays empty).
    {
      const std::string what = "compressing " + page_name(p);
      auto* attr = static_cast<HPDF_PageAttr>(pages[p]->attr);
      doc.check(HPDF_Stream_Size(attr->stream) == 0, what);
      const std::string& ops = painter.contents();
      detail::set_deflated_stream(doc, deflater, attr->contents, reinterpret_cast<const unsigned char*>(ops.data()),
                                  ops.size(), detail::kContentLevel, what);
    }
    for (std::size_t k = 0; k < page.links.size(); ++k) {
      const auto& link = page.links[k];
      const std::string what = "adding " + page_name(p) + ", link " + std::to_string(k + 1);
      HPDF_Rect rect;
      rect.left = r(std::min(link.x, link.x + link.w));
      rect.right = r(std::max(link.x, link.x + link.w));
      rect.top = r(deck.height - std::min(link.y, link.y + link.h));
      rect.bottom = r(deck.height - std::max(link.y, link.y + link.h));
      HPDF_Annotation annot =
          doc.check_ptr(HPDF_Page_CreateLinkAnnot(
                            pages[p], rect, fit_destination(doc, pages[link.target_page], what)),
                        what);
      doc.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), what);
      tagged[p].links.emplace_back(annot, link.node);
    }
  }

  const detail::StructureTree tree = detail::write_structure_tree(doc, tagged, "ja");
  detail::write_xmp_metadata(doc, deck.info);
  add_outline(doc, nullptr, deck.outline, pages, true);

  // Info strings: libharu creates the entry (and the Info dictionary), then the value is
  // replaced by our UTF-16BE string, which keeps characters above U+FFFF.
  const std::tuple<HPDF_InfoType, const char*, const std::string*> info[] = {
      {HPDF_INFO_TITLE, "Title", &deck.info.title},
      {HPDF_INFO_AUTHOR, "Author", &deck.info.author},
      {HPDF_INFO_SUBJECT, "Subject", &deck.info.subject},
      {HPDF_INFO_CREATOR, "Creator", &deck.info.creator}};
  for (const auto& [type, key, value] : info) {
    if (value->empty()) continue;
    doc.check(HPDF_SetInfoAttr(pdf, type, "-"), "document info");
    doc.check(pdf->info != nullptr, "document info");
    doc.check(HPDF_Dict_Add(pdf->info, key, detail::utf16_text_string(doc, *value, "document info")),
              "document info");
  }
  if (date) {
    doc.check(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, *date), "document dates");
    doc.check(HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, *date), "document dates");
  }

  // Saved to memory and written by write_file_bytes, not by HPDF_SaveToFile: libharu
  // reports a failed write as a generic "file I/O" or zlib error and loses errno, so a
  // full disk could not be told from a bug.
  doc.check(HPDF_SaveToStream(pdf), "saving the PDF");
  std::string bytes(HPDF_GetStreamSize(pdf), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_STATUS read = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  doc.check(read == HPDF_OK || read == HPDF_STREAM_EOF, "saving the PDF");  // EOF: all read
  bytes.resize(size);
  return detail::pack_object_streams(bytes, deflater,  // object_streams.hpp
                                     [&tree](std::uint32_t first) { return tree.objects(first); });
}

void write_pdf(const Deck& deck, const std::string& path, const PdfOptions& options) {
  write_file_bytes(path, render_pdf(deck, options));
}

}  // namespace plandeck::render_pdf
