// Internal: the document's XMP metadata stream (catalog /Metadata): the title, author,
// subject and creator of the Info dictionary, and the PDF/UA-1 identification
// (pdfuaid:part 1) of a tagged document. Uncompressed, so that any reader finds it.
#pragma once

#include <string>

#include "compose/deck.hpp"
#include "render_pdf/hpdf_session.hpp"

namespace plandeck::render_pdf::detail {

// The XMP packet for `info` (UTF-8; text escaped for XML). Deterministic: no dates, no ids.
std::string xmp_packet(const compose::DocInfo& info);

// Adds the packet as the catalog's /Metadata stream.
void write_xmp_metadata(Doc& doc, const compose::DocInfo& info);

}  // namespace plandeck::render_pdf::detail
