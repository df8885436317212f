// check_workbook_spec(): what libxlsxwriter writes without checking (invalid UTF-8 makes
// LibreOffice drop that string and every later one; overlapping merges make Excel
// "repair" the file) or rejects with a bare status code.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "render_xlsx/number_format.hpp"
#include "render_xlsx/plan_check.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"
#include "text/utf8.hpp"

namespace plandeck::render_xlsx {

namespace {

constexpr std::size_t kMaxCellChars = 32767;   // Excel's limit for a cell's text
constexpr std::size_t kMaxFormatChars = 255;   // for a number format code
// libxlsxwriter 1.1.4 copies a number format into a buffer of LXW_FORMAT_FIELD_LEN (128)
// bytes with strncpy: a longer one is cut, mid-character if need be, and the workbook's
// styles.xml is then not valid XML (found by tests/check_build's property test).
constexpr std::size_t kMaxFormatBytes = 127;
constexpr std::size_t kMaxLinkChars = 255;     // for a hyperlink's location

std::string place(const SheetSpec& s, const CellSpec* c) {
  std::string out = "workbook: sheet '" + s.name + "'";
  if (c) {
    out += " cell " + cell_name(c->row, c->col);
    if (c->loc.known()) {
      out += " (" + c->loc.file + ":" + std::to_string(c->loc.line) + ":" +
             std::to_string(c->loc.col) + ")";
    }
  }
  return out + ": ";
}

// Empty when fine, else why not. Line feed and tab are allowed only in cell text.
std::string text_problem(std::string_view s, bool cell_text) {
  std::size_t bad = 0;
  if (!text::utf8::is_valid(s, &bad)) {
    return "text is not valid UTF-8 (bad byte at offset " + std::to_string(bad) + ")";
  }
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 || c == 0x7F) && !(cell_text && (c == '\n' || c == '\t'))) {
      return "text contains the control character " + text::utf8::code_point_label(c);
    }
  }
  return "";
}

std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (char32_t c : text::utf8::to_u32(s)) n += c > 0xFFFF ? 2 : 1;
  return n;
}

// The same for text already found to be valid UTF-8, from its bytes alone: every code point
// has one lead byte (anything but 10xxxxxx), and those above U+FFFF, two UTF-16 units, are
// exactly the ones led by 11110xxx.
std::size_t valid_utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    n += static_cast<std::size_t>((b & 0xC0) != 0x80) + static_cast<std::size_t>(b >= 0xF0);
  }
  return n;
}

void check_text(const SheetSpec& s, const CellSpec* c, std::string_view text, bool cell_text,
                const char* what) {
  std::string problem = text_problem(text, cell_text);
  if (!problem.empty()) throw Error(place(s, c) + what + ": " + problem);
}

std::string range_name(const Range& r) {
  return cell_name(r.first_row, r.first_col) + ":" + cell_name(r.last_row, r.last_col);
}

void check_sheet(const SheetSpec& s) {
  std::string problem = sheet_name_problem(s.name);
  if (!problem.empty()) throw Error("workbook: sheet name: " + problem);
  check_text(s, nullptr, s.page_header, false, "page header");

  // A cell written twice is named as the first one written again. Sorted positions with no
  // equal neighbours show there is none, without a set of every cell.
  std::vector<std::uint64_t> positions;
  positions.reserve(s.cells.size());
  for (const CellSpec& c : s.cells) positions.push_back((std::uint64_t{c.row} << 16) | c.col);
  std::sort(positions.begin(), positions.end());
  const bool repeats = std::adjacent_find(positions.begin(), positions.end()) != positions.end();
  std::set<std::pair<std::uint32_t, std::uint16_t>> seen;
  for (const CellSpec& c : s.cells) {
    if (repeats && !seen.insert({c.row, c.col}).second) throw Error(place(s, &c) + "written twice");
    std::size_t units = 0;
    for (const auto& run : c.runs) {
      check_text(s, &c, run.text, true, "text");
      units += valid_utf16_units(run.text);  // valid, so each run ends at a character boundary
    }
    if (units > kMaxCellChars) {
      throw Error(place(s, &c) + "text is longer than Excel's 32,767 characters");
    }
    if (c.number) {
      if (!std::isfinite(*c.number)) throw Error(place(s, &c) + "the number is not finite");
      check_text(s, &c, c.number_format, false, "number format");
      if (valid_utf16_units(c.number_format) > kMaxFormatChars) {
        throw Error(place(s, &c) + "number format is longer than 255 characters");
      }
      if (c.number_format.size() > kMaxFormatBytes) {
        throw Error(place(s, &c) + "number format is longer than libxlsxwriter's 127 bytes");
      }
    }
    if (!c.link.empty()) {
      check_text(s, &c, c.link, false, "link");
      if (valid_utf16_units(c.link) > kMaxLinkChars) {
        throw Error(place(s, &c) + "link target is longer than 255 characters");
      }
    }
  }

  // Every covered cell is claimed by one merge, so overlaps and hidden values are found in
  // time linear in the merged area and the cells (a pairwise test of merges against each
  // other and against every cell took a fifth of an 8,000-row workbook's time).
  std::unordered_map<std::uint64_t, std::size_t> owner;  // cell key -> index into merges
  auto key = [](std::uint32_t row, std::uint16_t col) {
    return (std::uint64_t{row} << 16) | col;
  };
  for (std::size_t i = 0; i < s.merges.size(); ++i) {
    const Range& m = s.merges[i];
    if (m.first_row > m.last_row || m.first_col > m.last_col) {
      throw Error(place(s, nullptr) + "merged range " + range_name(m) + " is reversed");
    }
    if (m.first_row == m.last_row && m.first_col == m.last_col) {
      throw Error(place(s, nullptr) + "merged range " + range_name(m) + " is a single cell");
    }
    for (std::uint32_t r = m.first_row; r <= m.last_row; ++r) {
      for (std::uint32_t c = m.first_col; c <= m.last_col; ++c) {
        auto [it, fresh] = owner.emplace(key(r, static_cast<std::uint16_t>(c)), i);
        if (!fresh) {
          throw Error(place(s, nullptr) + "merged ranges " + range_name(s.merges[it->second]) +
                      " and " + range_name(m) + " overlap");
        }
      }
    }
  }
  for (const CellSpec& c : s.cells) {
    auto it = owner.find(key(c.row, c.col));
    if (it == owner.end()) continue;
    const Range& m = s.merges[it->second];
    if (c.row != m.first_row || c.col != m.first_col) {
      throw Error(place(s, &c) + "value inside merged range " + range_name(m) +
                  " would be lost (only its top-left cell is shown)");
    }
  }
}

}  // namespace

void check_workbook_spec(const WorkbookSpec& spec) {
  SheetSpec none;
  none.name = "(workbook)";
  check_text(none, nullptr, spec.title, false, "title");
  check_text(none, nullptr, spec.author, false, "author");
  check_text(none, nullptr, spec.subject, false, "subject");
  check_text(none, nullptr, spec.page_footer_title, false, "page footer");
  SheetNamer names;
  for (const SheetSpec& s : spec.sheets) {
    check_sheet(s);
    if (!names.reserve(s.name)) throw Error("workbook: sheet name '" + s.name + "' is used twice");
  }
}

}  // namespace plandeck::render_xlsx

// ---- the plan, before the workbook is laid out -----------------------------------------

namespace plandeck::render_xlsx {

namespace {

void check_table_formats(const model::DetailTable& t, diag::Diagnostics& diags) {
  for (const auto& g : t.groups) {
    for (const auto& r : g.rows) {
      for (const model::Cell* c : {&r.content, &r.target, &r.baseline, &r.result, &r.status}) {
        if (!c->quantity) continue;
        std::optional<NumberCell> n = number_cell(*c->quantity);
        if (!n) continue;  // written as text
        if (n->format.size() <= kMaxFormatBytes && utf16_units(n->format) <= kMaxFormatChars) continue;
        std::string got = std::to_string(n->format.size()), most = std::to_string(kMaxFormatBytes);
        diags.error(c->quantity->loc.known() ? c->quantity->loc : c->loc,
                    {"数量の前置き（prefix）と単位（unit）が長すぎます（Excel の表示形式が UTF-8 で " + got +
                         " バイト。書き出せるのは " + most + " バイトまで）",
                     "the quantity's prefix and unit are too long (its Excel number format has " + got +
                         " bytes of UTF-8; at most " + most + " can be written)"},
                    diag::Message{"単位と前置きを短くするか、セルをテキストとして書いてください",
                                  "shorten the unit and prefix, or write the cell as text"});
      }
    }
  }
}

void check_slides(const std::vector<model::Slide>& slides, diag::Diagnostics& diags) {
  for (const auto& slide : slides) {
    if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) check_table_formats(d->table, diags);
    if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body); r != nullptr && r->table) {
      check_table_formats(*r->table, diags);
    }
  }
}

}  // namespace

void check_plan(const model::Plan& plan, diag::Diagnostics& diags) {
  for (const auto& section : plan.sections) {
    check_slides(section.slides, diags);
    for (const auto& chapter : section.chapters) check_slides(chapter.slides, diags);
  }
}

}  // namespace plandeck::render_xlsx
