// build_workbook_spec(): the plan's tables as sheets, and their column widths and row heights.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "render_xlsx/measure.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"

namespace plandeck::render_xlsx {

namespace {

using model::DetailTable;
using model::RichText;
using model::Run;

// ---- sizes ----------------------------------------------------------------------------

// Room between a cell's border and its text, left plus right, in points (Excel and
// LibreOffice indent 2-3 px on each side and draw a 1 px grid line).
constexpr double kHPadPt = 6;
// Room above and below the text of a row, in points.
constexpr double kVPadPt = 4;
// Lines are broken at this share of the usable width: the spreadsheet's own line breaker
// and its rounding of glyph widths to pixels differ a little from ours, so our line count
// must err on the high side or the last line of a cell would be clipped.
constexpr double kSafety = 0.93;
// Excel's limit for a row height.
constexpr double kMaxRowPt = 409.5;

// Widths in em of the font size: the text decides within these bounds.
struct ColBounds {
  double min_em, max_em;
};
// 項目, 内容, 目標, baseline, result, status
const std::vector<ColBounds> kTableCols = {{6, 12}, {8, 22}, {8, 18}, {6, 13}, {6, 13}, {6, 18}};
// プロジェクト + the above + 詳細シート (the link, never wrapped)
const std::vector<ColBounds> kIndexCols = {{10, 16}, {6, 12}, {8, 22}, {8, 18},
                                           {6, 13},  {6, 13}, {6, 18}, {5, 32}};

bool all_strong(CellStyle s) { return s == CellStyle::Header || s == CellStyle::Caption; }
bool one_line(const CellSpec& c) { return c.number || c.style == CellStyle::Link; }

std::vector<Run> display_runs(const CellSpec& c) {
  if (c.number) return {Run{c.display, false}};
  return c.runs;
}

// Pixels at 96 dpi (what both programs use for column widths) to Excel's character units,
// which count the maximum digit width of the workbook's default font (Calibri 11: 7 px)
// plus 5 px of padding.
double px_to_units(double px) { return std::max(0.0, (px - 5) / 7.0); }

void size_sheet(SheetSpec& s, const std::vector<ColBounds>& bounds, const TextMeasure& m) {
  const double size = m.font_size();
  const std::size_t ncols = bounds.size();

  std::map<std::pair<std::uint32_t, std::uint16_t>, Range> anchors;
  for (const Range& r : s.merges) anchors[{r.first_row, r.first_col}] = r;
  auto range_of = [&](const CellSpec& c) {
    auto it = anchors.find({c.row, c.col});
    return it != anchors.end() ? it->second : Range{c.row, c.col, c.row, c.col};
  };

  // Widths: the widest unwrapped text of the column within its bounds, and never narrower
  // than a number (Excel shows ### for a number that does not fit; numbers never wrap) or
  // a link (LibreOffice does not wrap a hyperlink cell: it would be clipped).
  std::vector<double> natural(ncols, 0), number_min(ncols, 0);
  for (const CellSpec& c : s.cells) {
    Range r = range_of(c);
    if (r.first_col != r.last_col || c.col >= ncols) continue;
    double w = m.natural_width(display_runs(c), all_strong(c.style));
    if (one_line(c)) {
      number_min[c.col] = std::max(number_min[c.col], w / kSafety + kHPadPt);
    } else {
      natural[c.col] = std::max(natural[c.col], w / kSafety + kHPadPt);
    }
  }
  std::vector<double> width_pt(ncols);
  s.col_widths.assign(ncols, 0);
  for (std::size_t c = 0; c < ncols; ++c) {
    double w = std::clamp(natural[c], bounds[c].min_em * size, bounds[c].max_em * size);
    w = std::max(w, number_min[c]);
    double px = std::ceil(w * 96.0 / 72.0);
    s.col_widths[c] = px_to_units(px);
    width_pt[c] = px * 72.0 / 96.0;
  }

  // Heights: the most lines of any cell of the row at its column width; cells merged down
  // several rows share out what their rows lack.
  const double lh = m.line_height();
  auto need = [&](const CellSpec& c, const Range& r) {
    double w = 0;
    for (std::size_t col = r.first_col; col <= r.last_col && col < ncols; ++col) w += width_pt[col];
    int lines = one_line(c) ? 1 : m.line_count(c.runs, all_strong(c.style), (w - kHPadPt) * kSafety);
    return lines * lh + kVPadPt;
  };
  s.row_heights.assign(s.row_count(), 0);
  for (const CellSpec& c : s.cells) {
    Range r = range_of(c);
    if (r.first_row != r.last_row) continue;
    s.row_heights[c.row] = std::max(s.row_heights[c.row], need(c, r));
  }
  for (const CellSpec& c : s.cells) {
    Range r = range_of(c);
    if (r.first_row == r.last_row) continue;
    double have = 0;
    for (auto row = r.first_row; row <= r.last_row; ++row) {
      if (s.row_heights[row] == 0) s.row_heights[row] = lh + kVPadPt;
      have += s.row_heights[row];
    }
    double lack = need(c, r) - have;
    if (lack <= 0) continue;
    for (auto row = r.first_row; row <= r.last_row; ++row) {
      s.row_heights[row] += lack / (r.last_row - r.first_row + 1);
    }
  }
  // Excel keeps heights in whole pixels (0.75 pt).
  for (double& h : s.row_heights) {
    if (h > 0) h = std::min(kMaxRowPt, std::ceil(h / 0.75 - 1e-9) * 0.75);
  }
}

// ---- content ---------------------------------------------------------------------------

std::string flatten(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

// A chapter (or a section's own slides) with its tables.
struct Unit {
  std::string label;  // "Ⅱ-1 【プロジェクト1】いつでもどこでも簡単手続"
  std::string explicit_sheet;
  diag::SourceLoc loc;
  std::vector<const DetailTable*> tables;
  std::string sheet;  // assigned name
};

void collect_tables(const std::vector<model::Slide>& slides, std::vector<const DetailTable*>& out) {
  for (const auto& slide : slides) {
    if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) out.push_back(&d->table);
    if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body)) {
      if (r->table) out.push_back(&*r->table);
    }
  }
}

std::vector<Unit> collect_units(const model::Plan& plan) {
  std::vector<Unit> units;
  for (std::size_t si = 0; si < plan.sections.size(); ++si) {
    const auto& sec = plan.sections[si];
    Unit own{model::section_number(si) + " " + flatten(sec.title.plain()), "", sec.loc, {}, ""};
    collect_tables(sec.slides, own.tables);
    if (!own.tables.empty()) units.push_back(std::move(own));
    for (std::size_t ci = 0; ci < sec.chapters.size(); ++ci) {
      const auto& ch = sec.chapters[ci];
      Unit u{model::chapter_number(si, ci) + " " + flatten(ch.title.plain()), ch.sheet,
             ch.sheet_loc.known() ? ch.sheet_loc : ch.loc, {}, ""};
      collect_tables(ch.slides, u.tables);
      if (!u.tables.empty()) units.push_back(std::move(u));
    }
  }
  return units;
}

std::string where(const diag::SourceLoc& loc) {
  if (!loc.known()) return "";
  return " (" + loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col) + ")";
}

void name_sheets(std::vector<Unit>& units) {
  SheetNamer namer;
  namer.reserve(kIndexSheetName);
  for (Unit& u : units) {
    if (u.explicit_sheet.empty()) continue;
    std::string problem = sheet_name_problem(u.explicit_sheet);
    if (!problem.empty()) {
      throw Error("workbook: chapter " + u.label + where(u.loc) + ": invalid sheet name: " + problem);
    }
    if (!namer.reserve(u.explicit_sheet)) {
      throw Error("workbook: chapter " + u.label + where(u.loc) + ": sheet name \"" +
                  u.explicit_sheet + "\" is used twice");
    }
    u.sheet = u.explicit_sheet;
  }
  for (Unit& u : units) {
    if (u.sheet.empty()) u.sheet = namer.unique(sanitize_sheet_name(u.label));
  }
}

CellSpec text_cell(std::uint32_t row, std::uint16_t col, CellStyle style, const RichText& t) {
  CellSpec c;
  c.row = row;
  c.col = col;
  c.style = style;
  c.runs = t.runs;
  c.loc = t.loc;
  return c;
}

CellSpec value_cell(std::uint32_t row, std::uint16_t col, const model::Cell& cell) {
  std::optional<NumberCell> n;
  if (cell.quantity) n = number_cell(*cell.quantity);
  if (!n) {  // text, or a quantity that no number format can show (see number_cell)
    CellSpec c = text_cell(row, col, CellStyle::Text, cell.text);
    if (cell.loc.known()) c.loc = cell.loc;
    return c;
  }
  CellSpec c;
  c.row = row;
  c.col = col;
  c.style = CellStyle::Number;
  c.number = n->value;
  c.number_format = n->format;
  c.display = cell.quantity->format();
  c.loc = cell.quantity->loc.known() ? cell.quantity->loc : cell.loc;
  return c;
}

std::array<const model::Cell*, 5> row_cells(const model::TableRow& r) {
  return {&r.content, &r.target, &r.baseline, &r.result, &r.status};
}

std::vector<const RichText*> headers(const model::TableColumns& c) {
  return {&c.item, &c.content, &c.target, &c.baseline, &c.result, &c.status};
}

bool same_headers(const DetailTable& a, const DetailTable& b) {
  auto ha = headers(a.columns), hb = headers(b.columns);
  for (std::size_t i = 0; i < ha.size(); ++i) {
    if (ha[i]->plain() != hb[i]->plain()) return false;
  }
  return true;
}

// One indicator for the index sheet: where its row is on the chapter's sheet.
struct IndexEntry {
  const Unit* unit;
  const model::TableGroup* group;
  const model::TableRow* row;
  std::uint32_t sheet_row;
};

SheetSpec chapter_sheet(const Unit& u, std::vector<IndexEntry>& index) {
  SheetSpec s;
  s.name = u.sheet;
  s.page_header = u.label;
  std::uint32_t row = 0;
  std::optional<std::uint32_t> first_header;
  bool uniform = true;
  for (std::size_t k = 0; k < u.tables.size(); ++k) {
    const DetailTable& t = *u.tables[k];
    if (k > 0) {
      ++row;  // one empty row between two tables
      uniform = uniform && same_headers(*u.tables.front(), t);
    }
    if (!t.caption.empty()) {
      s.cells.push_back(text_cell(row, 0, CellStyle::Caption, t.caption));
      s.merges.push_back({row, 0, row, 5});
      ++row;
    }
    auto hs = headers(t.columns);
    for (std::uint16_t col = 0; col < 6; ++col) {
      s.cells.push_back(text_cell(row, col, CellStyle::Header, *hs[col]));
    }
    if (!first_header) first_header = row;
    ++row;
    for (const auto& g : t.groups) {
      const std::uint32_t first = row;
      for (const auto& r : g.rows) {
        auto cells = row_cells(r);
        for (std::uint16_t i = 0; i < 5; ++i) {
          s.cells.push_back(value_cell(row, static_cast<std::uint16_t>(i + 1), *cells[i]));
        }
        index.push_back({&u, &g, &r, row});
        ++row;
      }
      if (g.rows.empty()) {  // a 項目 without rows still gets its line
        for (std::uint16_t col = 1; col < 6; ++col) s.cells.push_back(text_cell(row, col, CellStyle::Text, {}));
        ++row;
      }
      s.cells.push_back(text_cell(first, 0, CellStyle::Item, g.item));
      if (row - first > 1) s.merges.push_back({first, 0, row - 1, 0});
    }
  }
  if (first_header && uniform) {
    s.freeze_rows = *first_header + 1;
    s.repeat_rows = std::make_pair(*first_header, *first_header);
  }
  return s;
}

SheetSpec index_sheet(const std::vector<Unit>& units, const std::vector<IndexEntry>& index) {
  SheetSpec s;
  s.name = kIndexSheetName;
  s.page_header = kIndexSheetName;
  auto plain_header = [](const char* text) {
    RichText t;
    t.runs = {Run{text, false}};
    return t;
  };
  std::vector<RichText> hs = {plain_header("プロジェクト"), plain_header("項目"),
                              plain_header("内容"),         plain_header("目標"),
                              plain_header("プラン前の状況"), plain_header("実績"),
                              plain_header("目標達成状況"), plain_header("詳細シート")};
  if (!units.empty()) {  // the plan's own headers, from its first table
    auto from_plan = headers(units.front().tables.front()->columns);
    for (std::size_t i = 0; i < from_plan.size(); ++i) {
      if (!from_plan[i]->empty()) hs[i + 1] = *from_plan[i];
    }
  }
  for (std::uint16_t col = 0; col < hs.size(); ++col) {
    s.cells.push_back(text_cell(0, col, CellStyle::Header, hs[col]));
  }
  std::uint32_t row = 1;
  for (const IndexEntry& e : index) {
    CellSpec project;
    project.row = row;
    project.runs = {Run{e.unit->label, false}};
    project.loc = e.unit->loc;
    s.cells.push_back(std::move(project));
    s.cells.push_back(text_cell(row, 1, CellStyle::Text, e.group->item));
    auto cells = row_cells(*e.row);
    for (std::uint16_t i = 0; i < 5; ++i) {
      s.cells.push_back(value_cell(row, static_cast<std::uint16_t>(i + 2), *cells[i]));
    }
    // The link to the row on the chapter's sheet, in a column of its own: LibreOffice
    // does not wrap hyperlink cells, and a sheet name is short (at most 31 characters).
    CellSpec link;
    link.row = row;
    link.col = 7;
    link.style = CellStyle::Link;
    link.runs = {Run{e.unit->sheet, false}};
    link.link = quote_sheet_name(e.unit->sheet) + "!" + cell_name(e.sheet_row, 1);
    link.loc = e.unit->loc;
    s.cells.push_back(std::move(link));
    ++row;
  }
  s.freeze_rows = 1;
  s.autofilter = Range{0, 0, row - 1, 7};
  s.repeat_rows = std::make_pair(0u, 0u);
  return s;
}

}  // namespace

std::uint32_t SheetSpec::row_count() const {
  std::uint32_t n = 0;
  for (const auto& c : cells) n = std::max(n, c.row + 1);
  for (const auto& m : merges) n = std::max(n, m.last_row + 1);
  return n;
}

std::uint16_t SheetSpec::col_count() const {
  std::uint16_t n = 0;
  for (const auto& c : cells) n = std::max<std::uint16_t>(n, static_cast<std::uint16_t>(c.col + 1));
  for (const auto& m : merges) n = std::max<std::uint16_t>(n, static_cast<std::uint16_t>(m.last_col + 1));
  return n;
}

std::string cell_name(std::uint32_t row, std::uint16_t col) {
  std::string letters;
  for (unsigned n = col + 1u; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

WorkbookSpec build_workbook_spec(const model::Plan& plan, const TextMeasure& measure) {
  WorkbookSpec wb;
  wb.title = flatten(plan.document.title.plain());
  wb.author = flatten(plan.document.organisation.plain());
  wb.subject = flatten(plan.document.subject.plain());
  wb.page_footer_title = wb.title;

  std::vector<Unit> units = collect_units(plan);
  name_sheets(units);
  std::vector<IndexEntry> index;
  std::vector<SheetSpec> chapters;
  for (const Unit& u : units) chapters.push_back(chapter_sheet(u, index));

  wb.sheets.push_back(index_sheet(units, index));
  size_sheet(wb.sheets.back(), kIndexCols, measure);
  for (SheetSpec& s : chapters) {
    size_sheet(s, kTableCols, measure);
    wb.sheets.push_back(std::move(s));
  }
  return wb;
}

}  // namespace plandeck::render_xlsx
