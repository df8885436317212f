// Internal: the last step of writing a PDF. libharu 2.3.0 saves every object on its own
// (PDF 1.3: plain dictionaries, a cross-reference table of 20 bytes per object). Most objects
// of a deck are small dictionaries (pages, fonts' widths, outline entries, link annotations,
// destinations, stream lengths); uncompressed they take about a tenth of the file. This step
// rewrites the saved file the PDF 1.5 way (ISO 32000-1 7.5.7, 7.5.8): every object that is
// not a stream goes into deflated object streams, the table becomes a deflated
// cross-reference stream, and stream lengths that libharu wrote as separate objects are
// written in place. Streams (font programs, page content, ToUnicode maps) are copied as
// they are. The objects, their numbers and their content do not change, so every reader
// sees the same document.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "render_pdf/pdf_objects.hpp"

namespace plandeck::render_pdf::detail {

// `pdf` as libharu saved it, repacked. A file this step does not recognise (another
// layout than libharu's, an encrypted file, an inconsistent table) is returned unchanged:
// it is a valid PDF already, only a larger one.
//
// `added`, when given, makes objects plandeck writes as text itself (the structure tree,
// structure_tree.hpp): called with the first number after libharu's objects, it returns
// their bodies, numbered from there on consecutively, or naming an object libharu wrote
// whose body it replaces (a placeholder that other objects already refer to).
struct TextObjects {
  struct Entry {
    std::uint32_t number = 0;
    std::size_t offset = 0, size = 0;  // the body: text.substr(offset, size)
  };
  std::string text;  // the bodies, one after another (one buffer, not a string each)
  std::vector<Entry> entries;

  void add(std::uint32_t number, std::size_t offset) { entries.push_back({number, offset, text.size() - offset}); }
};
using AddedObjects = std::function<TextObjects(std::uint32_t first)>;
std::string pack_object_streams(const std::string& pdf, Deflater& deflater, const AddedObjects& added = {});

}  // namespace plandeck::render_pdf::detail
