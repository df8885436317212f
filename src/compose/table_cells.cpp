// The cells of result-detail tables: their text as paragraphs, and how a column aligns.
#include "compose/table.hpp"

namespace plandeck::compose::detail {

namespace {

bool is_dash(const std::string& s) {
  return s == "-" || s == "－" || s == "―" || s == "—" || s == "‐" || s == "ー" || s == "−";
}

}  // namespace

const model::Cell& table_cell(const model::TableRow& r, std::size_t column) {
  const model::Cell* cs[] = {&r.content, &r.target, &r.baseline, &r.result, &r.status};
  return *cs[column - 1];
}

std::vector<text::BoxParagraph> cell_paragraphs(const Ctx& c, const model::RichText& t, bool strong) {
  std::vector<text::BoxParagraph> out(1);
  for (text::StyledRun& r : runs(c, t, strong)) {
    std::size_t from = 0;
    while (true) {
      const std::size_t nl = r.text.find(U'\n', from);
      std::u32string piece = r.text.substr(from, nl == std::u32string::npos ? std::u32string::npos : nl - from);
      if (!piece.empty()) out.back().runs.push_back({std::move(piece), r.style});
      if (nl == std::u32string::npos) break;
      out.emplace_back();
      from = nl + 1;
    }
  }
  for (text::BoxParagraph& p : out) {
    if (p.runs.empty()) continue;
    std::u32string& first = p.runs.front().text;
    const char32_t mark = first.front();
    if ((mark != U'・' && mark != U'※') || first.size() < 2) continue;
    p.marker = std::u32string(1, mark);
    p.marker_style = p.runs.front().style;
    first.erase(0, 1);
  }
  return out;
}

double unit_width(const Ctx& c, const model::Cell& cell, double size) {
  if (!cell.quantity || cell.quantity->unit.empty()) return 0;
  double w = 0;
  for (const text::StyledRun& r : runs(cell.quantity->unit)) w += text_width(c, r.text, text::kRegular, size);
  return w;
}


ColumnAlign column_align(const model::DetailTable& t, std::size_t column) {
  if (column == 0) return ColumnAlign::Left;
  constexpr std::size_t kShortWord = 8;  // code points: 達成, 新規対策, 達成（0件）, 約4.3倍
  bool any = false, all_quantities = true, all_short = true;
  for (const model::TableGroup& g : t.groups) {
    for (const model::TableRow& r : g.rows) {
      const model::Cell& cell = table_cell(r, column);
      std::string plain = cell.text.plain();
      while (!plain.empty() && (plain.back() == ' ' || plain.back() == '\n')) plain.pop_back();
      std::size_t at = plain.find_first_not_of(" \n");
      plain = at == std::string::npos ? std::string() : plain.substr(at);
      const std::string first_line = plain.substr(0, plain.find('\n'));
      if (plain.empty() || is_dash(first_line)) continue;  // "-", "-\n(数値なし)": no figure
      any = true;
      if (!cell.quantity) all_quantities = false;
      std::size_t points = 0;
      for (char ch : plain) points += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
      if (plain.find('\n') != std::string::npos || points > kShortWord) all_short = false;
    }
  }
  if (!any) return ColumnAlign::Center;
  if (all_quantities) return ColumnAlign::Figures;
  if (all_short) return ColumnAlign::Center;
  return ColumnAlign::Left;
}

}  // namespace plandeck::compose::detail
