// The 一覧 (one row per indicator: No., project, the row's cells, 達成区分, deck page, link)
// and the 数値 table (one row per figure), both made from the chapter sheets' entries.
#include <string>

#include "model/verdict.hpp"
#include "render_xlsx/layout_parts.hpp"
#include "render_xlsx/number_format.hpp"
#include "render_xlsx/sheet_names.hpp"

namespace plandeck::render_xlsx::detail {

namespace {

using model::RichText;
using model::Run;

// 一覧 columns.
enum IndexCol : std::uint16_t { kNo, kProject, kItem, kContent, kTarget, kBaseline, kResult, kStatus,
                                kVerdict, kPage, kLink, kIndexColCount };
const std::vector<ColBounds> kIndexCols = {
    {3.5, 5}, {5, 9}, {6, 10}, {8, 16}, {5, 14}, {6, 12}, {6, 14}, {6, 12}, {5.5, 6}, {3, 4}, {3, 5}};

// 数値 columns.
enum NumberCol : std::uint16_t { kNNo, kNProject, kNItem, kNContent, kNColumn, kNValue, kNUnit, kNPrefix,
                                 kNPrinted, kNSource, kNumbersColCount };
const std::vector<ColBounds> kNumbersCols = {
    {3.5, 5}, {5, 11}, {6, 10}, {8, 16}, {6, 12}, {5, 10}, {3, 6}, {3.5, 4}, {6, 12}, {4, 7}};

// A fill per verdict, light enough for black text and told apart by the word in the cell.
const WordFill kVerdictFills[] = {
    {"達成", 0xC6EFCE},      // green
    {"概ね達成", 0xFFF2CC},  // pale yellow
    {"進捗中", 0xFCE4D6},    // pale orange
    {"未達成", 0xFFC7CE},    // pink
};

// The digits part of a number format's positive section, without its literal prefix and
// unit: "約"#,##0.0"倍";… -> #,##0.0, and 0%;… -> 0%. A value column of mixed units then
// shows plain numbers (the unit has its own column), with ▲ for negatives as printed.
std::string plain_number_format(const std::string& format) {
  std::string digits;
  bool quoted = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\\') {
      ++i;  // an escaped literal character
    } else if (c == ';') {
      break;
    } else {
      digits += c;
    }
  }
  if (digits.empty()) digits = "General";
  return digits + ";\"\u25B2\"" + digits;
}

// The plan's own header for a column (the first table's), or `fallback`.
RichText plan_header(const std::vector<Unit>& units, std::size_t column, const char* fallback) {
  if (!units.empty()) {
    const RichText* h = headers(units.front().tables.front()->columns)[column];
    if (!h->empty()) return *h;
  }
  return plain_text(fallback);
}

CellSpec text_value(std::uint32_t row, std::uint16_t col, const std::string& text) {
  return text_cell(row, col, CellStyle::Text, plain_text(text));
}

}  // namespace

SheetSpec index_sheet(const std::vector<Unit>& units, const std::vector<IndexEntry>& index,
                      const WorkbookOptions& options, const TextMeasure& m) {
  SheetSpec s;
  s.name = kIndexSheetName;
  s.page_header = kIndexSheetName;
  s.cells.reserve(std::size_t{kIndexColCount} * (index.size() + 1));
  const std::vector<RichText> hs = {
      plain_text("No."),
      plain_text("プロジェクト"),
      plan_header(units, 0, "項目"),
      plan_header(units, 1, "内容"),
      plan_header(units, 2, "目標"),
      plan_header(units, 3, "プラン前の状況"),
      plan_header(units, 4, "実績"),
      plan_header(units, 5, "目標達成状況"),
      plain_text("達成区分"),
      plain_text("資料頁"),
      plain_text("詳細"),
  };
  for (std::uint16_t col = 0; col < kIndexColCount; ++col) {
    s.cells.push_back(text_cell(0, col, CellStyle::Header, hs[col]));
  }
  std::uint32_t row = 1;
  for (const IndexEntry& e : index) {
    s.cells.push_back(count_cell(row, kNo, row));
    // The project's short name (its sheet's); the full title in a note.
    CellSpec project = text_value(row, kProject, project_short_label(*e.unit));
    project.note = e.unit->label;
    project.loc = e.unit->loc;
    s.cells.push_back(std::move(project));
    s.cells.push_back(text_cell(row, kItem, CellStyle::Text, e.group->item));
    auto cells = row_cells(*e.row);
    for (std::uint16_t i = 0; i < 5; ++i) {
      s.cells.push_back(value_cell(row, static_cast<std::uint16_t>(kContent + i), *cells[i]));
    }
    std::optional<model::Verdict> verdict = model::row_verdict(*e.row);
    s.cells.push_back(text_value(row, kVerdict, verdict ? std::string(model::verdict_word(*verdict)) : ""));
    auto page = options.row_pages.find(e.row);
    if (page != options.row_pages.end()) {
      s.cells.push_back(count_cell(row, kPage, page->second));
    } else {
      s.cells.push_back(text_value(row, kPage, ""));
    }
    // The link to the row on the chapter's sheet, in a column of its own: LibreOffice does
    // not wrap hyperlink cells, so a link's text must be short.
    CellSpec link;
    link.row = row;
    link.col = kLink;
    link.style = CellStyle::Link;
    link.runs = {Run{"詳細", false}};
    link.link = quote_sheet_name(e.unit->sheet) + "!" + cell_name(e.sheet_row, 1);
    link.loc = e.unit->loc;
    s.cells.push_back(std::move(link));
    ++row;
  }
  const std::uint32_t last = row - 1;
  s.freeze_rows = 1;
  s.freeze_cols = kItem + 1;  // No., プロジェクト, 項目 stay in view
  s.autofilter = Range{0, 0, last, kIndexColCount - 1};
  s.repeat_rows = std::make_pair(0u, 0u);
  if (last >= 1) {
    ListRule verdicts;
    verdicts.range = Range{1, kVerdict, last, kVerdict};
    for (model::Verdict v : model::kVerdicts) verdicts.words.emplace_back(model::verdict_word(v));
    verdicts.fills.assign(std::begin(kVerdictFills), std::end(kVerdictFills));
    s.lists.push_back(std::move(verdicts));
  }
  size_sheet(s, kIndexCols, m, 0u);
  return s;
}

SheetSpec numbers_sheet(const std::vector<IndexEntry>& index, const WorkbookOptions& options,
                        const TextMeasure& m) {
  SheetSpec s;
  s.name = kNumbersSheetName;
  s.page_header = kNumbersSheetName;
  std::size_t quantities = 0;  // the rows to come, figures read from text aside
  for (const IndexEntry& e : index) {
    for (const model::Cell* cell : row_cells(*e.row)) quantities += cell->quantity ? 1u : 0u;
  }
  s.cells.reserve(std::size_t{kNumbersColCount} * (quantities + 1));
  // Headers of a table must be distinct single-line texts.
  const char* hs[] = {"No.", "プロジェクト", "項目", "内容", "列", "値", "単位", "接頭辞", "表記", "由来"};
  for (std::uint16_t col = 0; col < kNumbersColCount; ++col) {
    s.cells.push_back(text_cell(0, col, CellStyle::Header, plain_text(hs[col])));
  }
  std::uint32_t row = 1;
  auto add = [&](const IndexEntry& e, std::uint32_t no, const RichText& column, const model::Quantity& q,
                 const std::string& printed, const char* source) {
    std::optional<NumberCell> n = number_cell(q);
    if (!n) return;  // no number format can show it: it stays text everywhere
    s.cells.push_back(count_cell(row, kNNo, no));
    s.cells.push_back(text_value(row, kNProject, project_short_label(*e.unit)));
    s.cells.push_back(text_cell(row, kNItem, CellStyle::Text, e.group->item));
    s.cells.push_back(text_cell(row, kNContent, CellStyle::Text, e.row->content.text));
    s.cells.push_back(text_value(row, kNColumn, flatten(column.plain())));  // a category: one line
    CellSpec value;
    value.row = row;
    value.col = kNValue;
    value.style = CellStyle::Number;
    value.number = n->value;
    value.number_format = plain_number_format(n->format);
    value.display = printed;  // at least as wide as the plain number
    value.loc = q.loc;
    s.cells.push_back(std::move(value));
    s.cells.push_back(text_value(row, kNUnit, q.unit));
    s.cells.push_back(text_value(row, kNPrefix, q.prefix));
    s.cells.push_back(text_value(row, kNPrinted, printed));
    s.cells.push_back(text_value(row, kNSource, source));
    ++row;
  };
  std::uint32_t no = 1;
  for (const IndexEntry& e : index) {
    auto cells = row_cells(*e.row);
    auto columns = headers(e.table->columns);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const model::Cell& cell = *cells[i];
      if (cell.quantity) {
        add(e, no, *columns[i + 1], *cell.quantity, cell.text.plain(), "数量");
      } else if (options.text_figures) {
        for (const model::Quantity& q : options.text_figures(cell)) {
          add(e, no, *columns[i + 1], q, q.format(), "本文から読取");
        }
      }
    }
    ++no;
  }
  if (row > 1) {
    s.table = TableSpec{"Figures", Range{0, 0, row - 1, kNumbersColCount - 1}};
  } else {
    s.autofilter = Range{0, 0, 0, kNumbersColCount - 1};  // no figures: the headers alone
  }
  s.freeze_rows = 1;
  s.repeat_rows = std::make_pair(0u, 0u);
  size_sheet(s, kNumbersCols, m, 0u);
  return s;
}

}  // namespace plandeck::render_xlsx::detail
