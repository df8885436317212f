// build_workbook_spec(): the plan's tables as sheets. The chapter sheets are laid out here;
// the 一覧 and 数値 sheets in index_sheets.cpp, and every sheet is sized in sizing.cpp.
#include <algorithm>
#include <array>

#include "render_xlsx/layout_parts.hpp"
#include "render_xlsx/measure.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/sheet_names.hpp"
#include "render_xlsx/workbook.hpp"

namespace plandeck::render_xlsx {

namespace detail {

std::string flatten(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

model::RichText plain_text(const std::string& s) {
  model::RichText t;
  t.runs = {model::Run{s, false}};
  return t;
}

CellSpec text_cell(std::uint32_t row, std::uint16_t col, CellStyle style, const model::RichText& t) {
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
  c.display = cell.text.plain();  // the quantity's printed form
  c.loc = cell.quantity->loc.known() ? cell.quantity->loc : cell.loc;
  return c;
}

CellSpec count_cell(std::uint32_t row, std::uint16_t col, long long n) {
  CellSpec c;
  c.row = row;
  c.col = col;
  c.style = CellStyle::Number;
  c.number = static_cast<double>(n);
  c.number_format = "0";
  c.display = std::to_string(n);
  return c;
}

std::array<const model::Cell*, 5> row_cells(const model::TableRow& r) {
  return {&r.content, &r.target, &r.baseline, &r.result, &r.status};
}

std::vector<const model::RichText*> headers(const model::TableColumns& c) {
  return {&c.item, &c.content, &c.target, &c.baseline, &c.result, &c.status};
}

std::string project_short_label(const Unit& u) {
  const bool numbered = u.sheet.compare(0, u.number.size(), u.number) == 0 &&
                        (u.sheet.size() == u.number.size() || u.sheet[u.number.size()] == ' ');
  return numbered ? u.sheet : u.number + " " + u.sheet;
}

}  // namespace detail

using namespace detail;

namespace {

using model::DetailTable;

// 項目, 内容, 目標, baseline, result, status. The result column holds the most text (10 and
// more lines where it is narrow), 目標 is mostly short or a dash: the bounds say so.
const std::vector<ColBounds> kTableCols = {{6, 12}, {8, 20}, {6, 13}, {6, 14}, {6, 18}, {6, 14}};

// The custom document property for the plan period, named like the overview heading it
// comes from.
constexpr const char* kPeriodProperty = "計画期間";

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
    const std::string snum = model::section_number(si);
    Unit own{snum + " " + flatten(sec.title.plain()), snum, "", sec.loc, {}, ""};
    collect_tables(sec.slides, own.tables);
    if (!own.tables.empty()) units.push_back(std::move(own));
    for (std::size_t ci = 0; ci < sec.chapters.size(); ++ci) {
      const auto& ch = sec.chapters[ci];
      const std::string cnum = model::chapter_number(si, ci);
      Unit u{cnum + " " + flatten(ch.title.plain()), cnum, ch.sheet,
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
  namer.reserve(kNumbersSheetName);
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

// The plan period, where the plan states it: the body of the overview block headed 計画期間
// (「令和3年8月～令和6年3月（令和3年8月策定）」). Empty when there is none.
std::string plan_period(const model::Plan& plan) {
  auto in = [](const std::vector<model::Slide>& slides) -> std::string {
    for (const auto& slide : slides) {
      const auto* o = std::get_if<model::OverviewSlide>(&slide.body);
      if (!o) continue;
      for (const auto& b : o->blocks) {
        if (b.heading.plain() == kPeriodProperty && !b.body.empty()) return flatten(b.body.plain());
      }
    }
    return "";
  };
  for (const auto& sec : plan.sections) {
    if (std::string p = in(sec.slides); !p.empty()) return p;
    for (const auto& ch : sec.chapters) {
      if (std::string p = in(ch.slides); !p.empty()) return p;
    }
  }
  return "";
}

bool same_headers(const DetailTable& a, const DetailTable& b) {
  auto ha = headers(a.columns), hb = headers(b.columns);
  for (std::size_t i = 0; i < ha.size(); ++i) {
    if (ha[i]->plain() != hb[i]->plain()) return false;
  }
  return true;
}

SheetSpec chapter_sheet(const Unit& u, std::vector<IndexEntry>& index) {
  SheetSpec s;
  s.name = u.sheet;
  s.page_header = u.label;
  std::size_t cell_count = 0;  // a caption, six headers, six cells a row (or a 項目 without rows)
  for (const DetailTable* t : u.tables) {
    cell_count += 7;
    for (const auto& g : t->groups) cell_count += 6 * std::max<std::size_t>(g.rows.size(), 1);
  }
  s.cells.reserve(cell_count);
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
        index.push_back({&u, &t, &g, &r, row});
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

WorkbookSpec build_workbook_spec(const model::Plan& plan, const TextMeasure& measure,
                                 const WorkbookOptions& options) {
  WorkbookSpec wb;
  wb.title = flatten(plan.document.title.plain());
  wb.author = flatten(plan.document.organisation.plain());
  wb.subject = flatten(plan.document.subject.plain());
  wb.page_footer_title = wb.title;
  std::string period = plan_period(plan);
  if (!period.empty()) wb.custom_properties.emplace_back(kPeriodProperty, period);

  std::vector<Unit> units = collect_units(plan);
  name_sheets(units);
  std::vector<IndexEntry> index;
  std::vector<SheetSpec> chapters;
  for (const Unit& u : units) chapters.push_back(chapter_sheet(u, index));

  wb.sheets.push_back(index_sheet(units, index, options, measure));
  for (SheetSpec& s : chapters) {
    size_sheet(s, kTableCols, measure, std::nullopt);
    wb.sheets.push_back(std::move(s));
  }
  wb.sheets.push_back(numbers_sheet(index, options, measure));
  return wb;
}

}  // namespace plandeck::render_xlsx
