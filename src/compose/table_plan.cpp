// The plan of a result-detail table: the size, the column widths and the cells measured at
// them, and the split of its rows into the parts drawn on successive slides.
#include <algorithm>
#include <optional>

#include "compose/table_internal.hpp"

namespace plandeck::compose::detail {

namespace {

constexpr double kEps = kTableEps;

// What a break costs the column search, in lines of table height. A break inside a phrase
// (3年|間, AI|議事録) is worth a line and a half: a column gives a line of the table's
// height to keep two phrases whole, not to keep one. A cut through a katakana word or
// between a number and its unit (セキュリティインシ|デント, 4,500|人) reads far worse and is
// worth six: the search gives up almost any height to avoid it. (With 1 and 4,
// tests/fixtures/plans/ok/other-office.yaml keeps one more phrase broken: 統合|し.)
constexpr BreakCosts kPhraseCosts{1.5, 6};

// Measures every cell at `size`; forced breaks and oversize rows go to plan.overflows.
TablePlan measure_table_uncached(const Ctx& c, const model::DetailTable& t, const TableRequest& req,
                                 double size, const BreakCosts& costs) {
  const CellTexts& texts = cell_texts(c, t);
  TablePlan p;
  p.size = size;
  p.widths = column_widths(c, t, texts, req.width, size, costs);
  for (std::size_t i = 0; i < 6; ++i) {
    const CellMeasure m = measure_cell(c, texts.header[i], p.widths[i], size);
    p.header_height = std::max(p.header_height, m.height);
    if (m.forced) p.overflows.push_back({req.name + ".columns", header_text(t.columns, i).loc, 0, m.forced, m.link_forced});
  }
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    const model::TableGroup& group = t.groups[g];
    const CellMeasure item = measure_cell(c, texts.items[g], p.widths[0], size);
    p.item_heights.push_back(item.height);
    std::string gname = req.name + ".groups[" + std::to_string(g + 1) + "]";
    if (item.forced) p.overflows.push_back({gname + ".item", group.item.loc, 0, item.forced, item.link_forced});
    std::vector<double> heights;
    for (std::size_t r = 0; r < group.rows.size(); ++r) {
      double h = 0;
      for (std::size_t i = 1; i < 6; ++i) {
        const model::Cell* cell = &table_cell(group.rows[r], i);
        const CellMeasure m = measure_cell(c, texts.cell(g, r, i), p.widths[i], size);
        h = std::max(h, m.height);
        if (m.forced) {
          p.overflows.push_back({gname + ".rows[" + std::to_string(r + 1) + "]", cell->text.loc, 0, m.forced, m.link_forced});
        }
      }
      heights.push_back(h);
    }
    p.row_heights.push_back(std::move(heights));
  }
  return p;
}

// The same table at the same width, size and name measures the same: results slides plan
// their table again for every body size they try.
TablePlan measure_table(const Ctx& c, const model::DetailTable& t, const TableRequest& req,
                        double size, const BreakCosts& costs) {
  if (!c.tables) c.tables = make_table_cache();
  auto& measured = c.tables->measured;
  auto key = std::make_tuple(&t, req.width, size, req.name, costs.any());
  auto it = measured.find(key);
  if (it == measured.end()) it = measured.emplace(key, measure_table_uncached(c, t, req, size, costs)).first;
  return it->second;
}

// Splits rows into parts; a row taller than a whole slide is an overflow.
void paginate(TablePlan& p, const model::DetailTable& t, const TableRequest& req) {
  p.parts.assign(1, TablePart{});
  double used = p.header_height;
  auto capacity = [&]() { return p.parts.size() == 1 ? req.first_capacity : req.other_capacity; };
  auto new_part = [&](bool continued) {
    p.parts.back().height = p.parts.back().spans.empty() ? 0 : used;
    p.parts.push_back(TablePart{});
    p.parts.back().continued = continued;
    used = p.header_height;
  };
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    if (t.groups[g].new_page && req.allow_split && !p.parts.back().spans.empty()) new_part(false);
    double chunk_rows = 0, chunk_h = 0;
    bool open = false;
    for (std::size_t r = 0; r < t.groups[g].rows.size(); ++r) {
      double rh = p.row_heights[g][r];
      double new_h = std::max(p.item_heights[g], chunk_rows + rh);
      double delta = new_h - (open ? chunk_h : 0);
      const bool may_leave_empty = req.first_may_be_empty && p.parts.size() == 1;
      if (used + delta > capacity() + kEps && (!p.parts.back().spans.empty() || may_leave_empty) &&
          req.allow_split) {
        new_part(true);
        open = false;
        chunk_rows = 0;
        new_h = std::max(p.item_heights[g], rh);
        delta = new_h;
      }
      if (!open) {
        p.parts.back().spans.push_back(TableSpan{g, r, r});
        open = true;
      }
      p.parts.back().spans.back().last = r + 1;
      used += delta;
      chunk_h = new_h;
      chunk_rows += rh;
      if (req.allow_split && p.header_height + delta > capacity() + kEps) {
        p.overflows.push_back({req.name + ".groups[" + std::to_string(g + 1) + "].rows[" +
                                   std::to_string(r + 1) + "]",
                               t.groups[g].rows[r].loc, p.header_height + delta - capacity(), 0});
      }
    }
  }
  p.parts.back().height = used;
  for (TablePart& part : p.parts) {
    part.widths = p.widths;
    part.header_height = p.header_height;
    part.item_heights = p.item_heights;
  }
  if (!req.allow_split && used > req.first_capacity + kEps) {
    // The whole table must fit here: blame the tallest row.
    std::size_t bg = 0, br = 0;
    double best = -1;
    for (std::size_t g = 0; g < p.row_heights.size(); ++g) {
      for (std::size_t r = 0; r < p.row_heights[g].size(); ++r) {
        if (p.row_heights[g][r] > best) best = p.row_heights[g][r], bg = g, br = r;
      }
    }
    diag::SourceLoc loc = t.loc;
    std::string name = req.name;
    if (best >= 0) {
      loc = t.groups[bg].rows[br].loc;
      name += ".groups[" + std::to_string(bg + 1) + "].rows[" + std::to_string(br + 1) + "]";
    }
    p.overflows.push_back({name, loc, used - req.first_capacity, 0});
  }
}

// The part's cells measured at `widths`: its height (header + spans), or nothing when a
// cell needs an emergency break there. Sets the part's heights and its rows' in `p`.
std::optional<double> measure_part(const Ctx& c, const model::DetailTable& t, const std::vector<double>& widths,
                                   TablePlan& p, TablePart& part) {
  const CellTexts& texts = cell_texts(c, t);
  double header = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    const CellMeasure m = measure_cell(c, texts.header[i], widths[i], p.size);
    if (m.forced) return std::nullopt;
    header = std::max(header, m.height);
  }
  std::vector<double> items = part.item_heights;
  std::vector<std::vector<double>> rows = p.row_heights;
  double height = header;
  for (const TableSpan& span : part.spans) {
    const CellMeasure item = measure_cell(c, texts.items[span.group], widths[0], p.size);
    if (item.forced) return std::nullopt;
    items[span.group] = item.height;
    double sum = 0;
    for (std::size_t r = span.first; r < span.last; ++r) {
      double h = 0;
      for (std::size_t i = 1; i < 6; ++i) {
        const CellMeasure m = measure_cell(c, texts.cell(span.group, r, i), widths[i], p.size);
        if (m.forced) return std::nullopt;
        h = std::max(h, m.height);
      }
      rows[span.group][r] = h;
      sum += h;
    }
    height += std::max(sum, item.height);
  }
  part.widths = widths;
  part.header_height = header;
  part.item_heights = std::move(items);
  p.row_heights = std::move(rows);
  return height;
}

// A part the author began (the first, or a group with new_page) and no continuation follows
// stands on its slide as a table of its own: its rows choose their widths, searched from
// the whole table's, when they still fit the slide with them (the search never makes their
// cost worse, but it may trade a line for a phrase kept whole). Parts that continue one
// another (「（続き）」) keep the whole table's widths: a column stays where the reader found
// it on the slide before.
void refit_parts(const Ctx& c, const model::DetailTable& t, const TableRequest& req, const BreakCosts& costs,
                 TablePlan& p) {
  if (p.parts.size() < 2 || !c.layout.table.fit_columns) return;
  for (std::size_t k = 0; k < p.parts.size(); ++k) {
    TablePart& part = p.parts[k];
    const bool alone = (k == 0 || !part.continued) && (k + 1 == p.parts.size() || !p.parts[k + 1].continued);
    if (!alone || part.spans.empty()) continue;
    std::vector<std::size_t> key_rows;
    for (const TableSpan& s : part.spans) key_rows.insert(key_rows.end(), {s.group, s.first, s.last});
    auto key = std::make_tuple(&t, req.width, p.size, costs.any(), std::move(key_rows));
    auto& cache = c.tables->part_widths;
    auto it = cache.find(key);
    if (it == cache.end()) {
      it = cache.emplace(std::move(key), column_widths(c, t, cell_texts(c, t), req.width, p.size, costs,
                                                       &part.spans, &p.widths)).first;
    }
    if (it->second == part.widths) continue;
    const double capacity = k == 0 ? req.first_capacity : req.other_capacity;
    TablePlan trial = p;
    TablePart& tried = trial.parts[k];
    const std::optional<double> height = measure_part(c, t, it->second, trial, tried);
    if (!height || *height > capacity + kEps) continue;
    tried.height = *height;
    p = std::move(trial);
  }
}

std::size_t explicit_parts(const model::DetailTable& t, bool allow_split) {
  std::size_t n = 1;
  bool any = false;
  for (const auto& g : t.groups) {
    if (g.new_page && any && allow_split) ++n;
    if (!g.rows.empty()) any = true;
  }
  return n;
}

}  // namespace

TablePlan plan_table(const Ctx& c, const model::DetailTable& t, const TableRequest& req) {
  PitchScope base_pitch(c, 0);  // tables keep the layout's pitch (and their cached sizes)
  const std::vector<double> candidates = sizes(req.sizes, c.layout.text.step);
  const std::size_t wanted = explicit_parts(t, req.allow_split);
  const BreakCosts costs = kPhraseCosts;
  // At each size, the widths that keep phrases whole if the table fits with them, else the
  // widths of the shortest table: keeping phrases whole never costs a size step or a slide.
  auto planned = [&](double s, auto&& good) -> std::optional<TablePlan> {
    for (bool phrases : {true, false}) {
      if (phrases && !costs.any()) continue;
      TablePlan p = measure_table(c, t, req, s, phrases ? costs : BreakCosts{});
      paginate(p, t, req);
      if (!good(p)) continue;
      refit_parts(c, t, req, phrases ? costs : BreakCosts{}, p);
      return p;
    }
    return std::nullopt;
  };
  // 1. The largest size not below split_below that needs no continuation slide.
  for (double s : candidates) {
    if (s < c.layout.table.split_below - kEps && s < req.sizes.max - kEps) break;
    auto p = planned(s, [&](const TablePlan& q) { return q.overflows.empty() && q.parts.size() <= wanted; });
    if (p) return std::move(*p);
  }
  // 2. Otherwise the largest size at which every row fits a slide (continuing as needed).
  for (double s : candidates) {
    auto p = planned(s, [](const TablePlan& q) { return q.overflows.empty(); });
    if (p) return std::move(*p);
  }
  TablePlan p = measure_table(c, t, req, candidates.back(), BreakCosts{});
  paginate(p, t, req);
  return p;
}

}  // namespace plandeck::compose::detail
