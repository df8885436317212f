// What a text of the plan may hold, so that whatever `check` accepts, both renderers can
// write: no control characters (a line feed only where a line break means something), no
// noncharacters (invalid in the workbook's XML), no bidirectional controls (the PDF's text
// engine drops them and the workbook would keep them: refused, so both show the same), and
// lengths within the limits of the libraries (libharu's strings, Excel's cells).
#pragma once

#include <cstddef>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace plandeck::model {

// Excel: characters (UTF-16 units) in a cell.
inline constexpr std::size_t kMaxCellChars = 32767;
// libharu: bytes of one string object (document info, a bookmark), HPDF_LIMIT_MAX_STRING_LEN.
inline constexpr std::size_t kMaxPdfStringBytes = 65535;

struct TextUse {
  diag::Message name;              // for messages: {"タイトル", "the title"}
  bool one_line = false;           // no line feed (document info, bookmarks, sheet names)
  std::size_t max_pdf_bytes = 0;   // UTF-8 bytes when it becomes a PDF string (0: none)
  std::size_t max_cell_chars = kMaxCellChars;  // UTF-16 units when it becomes a cell (0: none)
};

// Reports at `loc` the first problem of `text` for its use; true when there was none.
bool check_text(std::string_view text, const diag::SourceLoc& loc, const TextUse& use,
                diag::Diagnostics& diags);

// Whether Excel would take two sheet names as the same: compared without case, as Excel
// does, for Latin (ASCII, Latin-1, Latin Extended-A), Greek, Cyrillic and full-width
// letters.
std::string fold_sheet_name(std::string_view name);

}  // namespace plandeck::model
