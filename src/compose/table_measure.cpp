// Measuring the cells of a result-detail table: their texts prepared once per compose call,
// and one cell's height and line breaks at a column width.
#include <algorithm>

#include "compose/table_internal.hpp"

namespace plandeck::compose::detail {

const model::RichText& header_text(const model::TableColumns& cols, std::size_t i) {
  const model::RichText* h[] = {&cols.item, &cols.content, &cols.target, &cols.baseline, &cols.result, &cols.status};
  return *h[i];
}

CellTexts::CellTexts(const Ctx& c, const model::DetailTable& t) {
  auto prepare = [&](const model::RichText& text, bool strong) {
    return text::PreparedBox(cell_paragraphs(c, text, strong), *c.paragraphs);
  };
  for (std::size_t i = 0; i < 6; ++i) header[i] = prepare(header_text(t.columns, i), true);
  for (const model::TableGroup& g : t.groups) {
    items.push_back(prepare(g.item, true));
    std::vector<std::array<text::PreparedBox, 5>> rows;
    rows.reserve(g.rows.size());
    for (const model::TableRow& r : g.rows) {
      rows.emplace_back();
      for (std::size_t i = 1; i < 6; ++i) rows.back()[i - 1] = prepare(table_cell(r, i).text, false);
    }
    cells.push_back(std::move(rows));
  }
}

std::shared_ptr<TableCache> make_table_cache() { return std::make_shared<TableCache>(); }

const CellTexts& cell_texts(const Ctx& c, const model::DetailTable& t) {
  if (!c.tables) c.tables = make_table_cache();
  auto& texts = c.tables->texts;
  auto it = texts.find(&t);
  if (it == texts.end()) it = texts.emplace(&t, CellTexts(c, t)).first;
  return it->second;
}

// Heights only: balancing cannot change them, so it is skipped here (drawing balances).
CellMeasure measure_cell(const Ctx& c, const text::PreparedBox& t, double column_width, double size) {
  const double pad = c.layout.table.padding;
  const text::BreakTally r = tally(c, t, std::max(1.0, column_width - 2 * pad), size, false);
  return {r.count.height + 2 * pad, r.count.forced_count, r.count.line_count, r.inside_phrase, r.cut_words,
          r.count.link_forced_count};
}

int short_lines(const text::PreparedBox& t) {
  constexpr std::size_t kShortLine = 10;  // characters
  int lines = 0;
  for (const auto& p : t.paragraphs()) {
    std::size_t length = 0;
    for (char32_t ch : p.text->text()) {
      if (ch == U'\n') {
        if (length > kShortLine) return 0;
        length = 0;
        ++lines;
      } else {
        ++length;
      }
    }
    if (length > kShortLine) return 0;
    ++lines;
  }
  return lines;
}

}  // namespace plandeck::compose::detail
