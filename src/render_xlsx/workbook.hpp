// The Excel workbook of the result-detail tables: an 一覧 sheet listing every indicator of
// every project (numbered, with its 達成区分 and the deck page it is printed on), one sheet
// per chapter laid out like the deck's table, and a 数値 sheet: an Excel table of every
// figure, one row per quantity, for filtering, sums and pivots.
//
// The workbook is made from the plan, plus the deck's page numbers when the caller has
// them. Column widths and row heights are computed from the real font metrics so that no
// wrapped text is clipped, because libxlsxwriter cannot autofit and LibreOffice does not
// grow wrapped rows by itself.
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/plan.hpp"

namespace plandeck::text {
class Font;
class Measurer;
}

namespace plandeck::render_xlsx {

// A workbook that cannot be written: invalid input (bad UTF-8, overlapping merges, an
// invalid or duplicate sheet name) or a libxlsxwriter failure. The message names the sheet
// and cell (and the plan location when known) and includes the library's own error text.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct WorkbookOptions {
  // Seconds since 1970 for the document's created date (docProps/core.xml). When set, two
  // runs on the same plan give byte-identical files; when unset, the current time is used.
  std::optional<long long> source_date_epoch;

  // The font named in every cell format and rich-text run, and its size in points.
  std::string font_name = "BIZ UDPゴシック";
  double font_size = 10;

  // TrueType files used to measure text (first = the font named above, later ones are
  // fallbacks for characters it lacks), for regular and bold text. When empty, a
  // conservative estimate is used (every non-ASCII character 1 em, ASCII 0.7 em).
  std::vector<std::string> regular_font_files;
  std::vector<std::string> strong_font_files;

  // The same chains already loaded by the caller (e.g. the fonts compose measured with).
  // When given they are used instead of reading the files again. Read only: they may be
  // shared with another thread, and must outlive write_workbook.
  std::vector<const text::Font*> regular_fonts;
  std::vector<const text::Font*> strong_fonts;
  // A measurer over exactly these chains, already in use by the caller (compose's
  // text::FontChainMeasurer, whose look-ups are safe from several threads): its widths,
  // computed once per block of characters, are reused instead of computed again. Needs
  // regular_fonts; must outlive write_workbook.
  const text::Measurer* measurer = nullptr;

  // Where libxlsxwriter writes the temporary file of each part before zipping them (its
  // `tmpdir`). Empty: the library's default (TMPDIR, then /tmp). The CLI gives the private
  // directory the workbook itself is written in (cli/atomic_output.hpp).
  std::string temp_dir;

  // The number printed on the deck page where each table row is drawn (from the composed
  // deck). A row missing here gets a blank 頁 cell in the 一覧.
  std::unordered_map<const model::TableRow*, int> row_pages;

  // Figures found inside a text cell (約1,552万枚 in 「内部資料\n約1,552万枚」), listed in
  // the 数値 table marked as read from text. Unset: text cells contribute no figures.
  // (The hook for the figure parser of the arithmetic checks; it must not change the text.)
  std::function<std::vector<model::Quantity>(const model::Cell&)> text_figures;
};

// Writes the workbook to `path` (the caller takes care of temporary files and renaming),
// then reads the file back and checks it (package_check.hpp): when this returns, `path`
// holds a complete workbook. Throws Error; nothing is promised about `path` after a failure.
void write_workbook(const model::Plan& plan, const std::string& path,
                    const WorkbookOptions& options);

}  // namespace plandeck::render_xlsx
