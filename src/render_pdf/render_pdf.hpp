// Draws a composed deck into a PDF file with libharu: embedded, subsetted TrueType fonts
// (HarfBuzz subsetter), a correct ToUnicode map, links, outlines and document info.
//
// The output is deterministic: the same deck and options give a byte-identical file.
// The caller owns atomicity (temp file + rename); write_pdf writes exactly `path`.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "compose/deck.hpp"

namespace plandeck::render_pdf {

struct PdfOptions {
  // Seconds since the Unix epoch (SOURCE_DATE_EPOCH). When set, CreationDate and ModDate
  // are this instant in UTC; when not set, the file carries no date at all.
  std::optional<long long> source_date_epoch;
};

// Any failure: unreadable or unsuitable font, text a font cannot draw, bad geometry,
// libharu errors, file write errors. The message names the page/element/font involved.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws Error. On failure a partial file may be left at `path`.
void write_pdf(const compose::Deck& deck, const std::string& path, const PdfOptions& options);
// The same PDF, as bytes in memory (write_pdf writes exactly these).
std::string render_pdf(const compose::Deck& deck, const PdfOptions& options);

}  // namespace plandeck::render_pdf
