// The column widths of a result-detail table: a local search over whole units of the
// table's width for the shortest table whose cells break at phrase boundaries.
#include <algorithm>
#include <cmath>
#include <deque>
#include <memory>

#include "compose/table_internal.hpp"

namespace plandeck::compose::detail {

namespace {

constexpr double kEps = kTableEps;

std::vector<double> normalised(std::vector<double> v, const std::vector<double>& fallback) {
  if (v.size() != 6) v = fallback;
  return v;
}

// Widths are whole units of width / kUnits. Start from the layout's weights (clamped into
// [column_min, column_max]) or from given widths, then repeatedly move width from one
// column to another — the single move (donor, receiver, amount) that lowers the Score the
// most per unit moved, first in a fixed order on ties — until no move helps. Moves of
// several sizes let a column cross a plateau of its step-shaped height curve.
// Deterministic: integer widths, a fixed enumeration order, strict improvement only (so it
// always terminates).

constexpr int kUnits = 400;

// What breaking a short phrase costs, in lines of table height (see Score).
constexpr double kShortLineCost = 2;

struct Score {
  int forced = 0;
  // The table's height (header + every group: its rows, or its 項目 cell when taller) plus
  // the breaks' costs, in points: kShortLineCost lines for every cell of short typed lines
  // that wraps (a phrase broken, see short_lines) and BreakCosts for every break inside a
  // phrase or a word. A phrase is kept whole unless that makes the table taller by more
  // than the break costs; between equally costly widths, the shorter table.
  double cost = 0;
  double cells = 0;  // sum of all cell heights: prefers relieving one of two equally tall cells
  bool better(const Score& o) const {
    if (forced != o.forced) return forced < o.forced;
    if (cost < o.cost - kEps) return true;
    if (cost > o.cost + kEps) return false;
    return cells < o.cells - kEps;
  }
};

class ColumnFitter {
 public:
  using Units = std::array<int, 6>;

  ColumnFitter(const Ctx& c, const model::DetailTable& t, const CellTexts& texts, double width,
               double size, const BreakCosts& costs, const std::vector<TableSpan>& rows)
      : c_(c), t_(t), texts_(texts), width_(width), size_(size), costs_(costs), rows_of_(rows) {
    const std::vector<double> mn = normalised(c_.layout.table.column_min, spec::Table{}.column_min);
    const std::vector<double> mx = normalised(c_.layout.table.column_max, spec::Table{}.column_max);
    for (std::size_t i = 0; i < 6; ++i) {
      min_units_[i] = static_cast<int>(std::ceil(mn[i] * kUnits - 1e-9));
      max_units_[i] = static_cast<int>(std::floor(mx[i] * kUnits + 1e-9));
    }
    rows_ = 0;
    for (const model::TableGroup& g : t_.groups) {
      first_row_.push_back(1 + rows_);
      rows_ += g.rows.size();
    }
    // Only the cells score() reads are measured: the header, and the 項目 cell and rows of
    // each span (a part's search leaves the other rows alone).
    item_used_.assign(t_.groups.size(), 0);
    row_used_.assign(1 + rows_, 0);
    for (const TableSpan& span : rows_of_) {
      item_used_[span.group] = 1;
      for (std::size_t r = span.first; r < span.last; ++r) row_used_[first_row_[span.group] + r] = 1;
    }
    for (auto& slots : slot_) slots.assign(kUnits + 1, nullptr);
  }

  Units units_of(const std::vector<double>& widths) const {
    Units u{};
    int total = 0;
    for (std::size_t i = 0; i < 6; ++i) total += u[i] = static_cast<int>(std::lround(widths[i] * kUnits / width_));
    u[5] += kUnits - total;  // widths from points(): no rounding is lost
    return u;
  }

  Units start() const {
    const spec::Table d;
    const spec::Table& T = c_.layout.table;
    const std::vector<double> w = normalised(T.column_weights, d.column_weights);
    double sum = 0;
    for (double x : w) sum += x;
    Units u{};
    for (std::size_t i = 0; i < 6; ++i) {
      u[i] = std::clamp(static_cast<int>(std::lround(kUnits * w[i] / sum)), lo(i), hi(i));
    }
    // Settle rounding and clamping: add to / take from the columns with room, in order.
    for (int guard = 0; guard < 10 * kUnits; ++guard) {
      int total = 0;
      for (int x : u) total += x;
      if (total == kUnits) break;
      bool moved = false;
      for (std::size_t i = 0; i < 6 && total != kUnits; ++i) {
        if (total < kUnits && u[i] < hi(i)) ++u[i], ++total, moved = true;
        else if (total > kUnits && u[i] > lo(i)) --u[i], --total, moved = true;
      }
      if (!moved) break;  // the limits cannot add up (the loader prevents this)
    }
    return u;
  }

  // A header reads as the layout's author set it: a column never gets narrower than keeps
  // its header's line breaks as they are at the starting widths, and never so narrow that
  // a header breaks inside brackets ("令和2年度（プラン前）" / "の状況", never
  // "令和2年度（プラ" / "ン前）の状況"): when it does at the starting width, the column
  // starts at the narrowest width that keeps the brackets whole.
  void keep_headers(const Units& u) {
    for (std::size_t i = 0; i < 6; ++i) {
      int k = u[i];
      std::vector<std::u32string> want = header_lines(i, k);
      if (breaks_in_brackets(want)) {
        int clean = k;
        while (clean < hi(i) && breaks_in_brackets(header_lines(i, clean))) ++clean;
        if (breaks_in_brackets(header_lines(i, clean))) continue;  // no width helps: as before
        k = clean;
        want = header_lines(i, k);
      }
      while (k - 1 >= lo(i) && header_lines(i, k - 1) == want) --k;
      header_lo_[i] = k;
    }
  }

  // Whether a line of `lines` ends inside brackets （…）「…」【…】(…).
  static bool breaks_in_brackets(const std::vector<std::u32string>& lines) {
    int depth = 0;
    for (std::size_t l = 0; l + 1 < lines.size(); ++l) {
      for (char32_t ch : lines[l]) {
        if (ch == U'（' || ch == U'(' || ch == U'「' || ch == U'【' || ch == U'［' || ch == U'〔') ++depth;
        if ((ch == U'）' || ch == U')' || ch == U'」' || ch == U'】' || ch == U'］' || ch == U'〕') && depth > 0) --depth;
      }
      if (depth > 0) return true;
    }
    return false;
  }

  // From the layout's weights, or from `given` (units_of: the whole table's widths, when a
  // part searches its own).
  Units optimise(const Units* given = nullptr) {
    keep_headers(start());
    Units u = given ? *given : start();  // again: a header may have raised its column's lower bound
    if (given) {
      for (std::size_t i = 0; i < 6; ++i)
        if (u[i] < lo(i) || u[i] > hi(i)) return u;  // outside this search's bounds: kept as given
    }
    Score best = score(u);
    static constexpr int kAmounts[] = {1, 2, 4, 8, 16, 32, 64};
    for (int iteration = 0; iteration < 500; ++iteration) {
      // Among the moves that improve the score, the one with the best gain per unit of
      // width moved: the cheapest way to drop a line wins over a big move that happens to
      // drop one more.
      bool found = false;
      Units best_u{};
      Score best_move = best;
      double best_rate[3] = {0, 0, 0};
      auto consider = [&](const Units& v, int a) {
        Score s = score(v);
        if (!s.better(best)) return;
        const double rate[3] = {static_cast<double>(best.forced - s.forced) / a, (best.cost - s.cost) / a,
                                (best.cells - s.cells) / a};
        bool wins = !found;
        for (int k = 0; k < 3 && !wins; ++k) {
          if (rate[k] > best_rate[k] + kEps) wins = true;
          else if (rate[k] < best_rate[k] - kEps) break;
        }
        if (wins) {
          best_move = s;
          best_u = v;
          found = true;
          std::copy(rate, rate + 3, best_rate);
        }
      };
      for (std::size_t from = 0; from < 6; ++from) {
        for (std::size_t to = 0; to < 6; ++to) {
          if (from == to) continue;
          for (int a : kAmounts) {
            if (u[from] - a < lo(from) || u[to] + a > hi(to)) break;
            Units v = u;
            v[from] -= a;
            v[to] += a;
            consider(v, a);
          }
        }
      }
      // No single column can give enough to drop a line of the tallest cell: two give half
      // each (a wide cell often needs more width than any one neighbour can spare).
      if (!found) {
        for (std::size_t to = 0; to < 6; ++to) {
          for (std::size_t f1 = 0; f1 < 6; ++f1) {
            for (std::size_t f2 = f1 + 1; f2 < 6; ++f2) {
              if (f1 == to || f2 == to) continue;
              for (int a : kAmounts) {
                const int half = a / 2, rest = a - a / 2;
                if (half == 0 || u[f1] - half < lo(f1) || u[f2] - rest < lo(f2) || u[to] + a > hi(to)) continue;
                Units v = u;
                v[f1] -= half;
                v[f2] -= rest;
                v[to] += a;
                consider(v, a);
              }
            }
          }
        }
      }
      if (!found) break;
      u = best_u;
      best = best_move;
    }
    return u;
  }

  double points(int units) const { return width_ * units / kUnits; }



 private:
  int lo(std::size_t i) const { return std::max(header_lo_[i], min_units_[i]); }
  int hi(std::size_t i) const { return max_units_[i]; }

  const std::vector<std::u32string>& header_lines(std::size_t i, int units) const {
    const double pad = c_.layout.table.padding;
    const double w = std::max(1.0, points(units) - 2 * pad);
    if (!c_.tables) c_.tables = make_table_cache();
    auto [it, added] = c_.tables->header_lines.try_emplace(std::make_tuple(&texts_.header[i], w, size_));
    if (added) {
      text::FitResult r = measure(c_, texts_.header[i], w, size_, false, false);
      for (const auto& p : r.paragraphs)
        for (const auto& l : p.lines) it->second.push_back(l.line->text());
    }
    return it->second;
  }

  // Column i's cells at `units`: [0] the header, then the 項目 cell of every group (i = 0)
  // or the cell of every row (i > 0), groups in order; cells outside the searched spans are
  // left at zero. Each is measured once per fitter (one table, one size).
  struct Cell {
    double h = 0;
    int forced = 0;
    double penalty = 0;  // break costs, in lines (see Score)
  };
  using Column = std::vector<Cell>;
  const Column& column(std::size_t i, int units) {
    if (units < 0 || units > kUnits) return measure_column(i, units, scratch_);
    const Column*& slot = slot_[i][static_cast<std::size_t>(units)];
    if (!slot) slot = &measure_column(i, units, store_.emplace_back());
    return *slot;
  }
  Column& measure_column(std::size_t i, int units, Column& col) {
    const double w = points(units);
    const std::size_t n = 1 + (i == 0 ? t_.groups.size() : rows_);
    col.assign(n, Cell{});
    auto add = [&](std::size_t k, const text::PreparedBox& text) {
      const CellMeasure m = measure_cell(c_, text, w, size_);
      const int typed = short_lines(text);
      const double split = typed > 0 && m.lines > typed ? kShortLineCost : 0;
      col[k] = Cell{m.height, m.forced, split + m.inside_phrase * costs_.inside_phrase + m.cut_words * costs_.cut_word};
    };
    add(0, texts_.header[i]);
    for (std::size_t g = 0; g < t_.groups.size(); ++g) {
      if (i == 0) {
        if (item_used_[g]) add(1 + g, texts_.items[g]);
      } else {
        for (std::size_t r = 0; r < t_.groups[g].rows.size(); ++r) {
          const std::size_t k = first_row_[g] + r;
          if (row_used_[k]) add(k, texts_.cell(g, r, i));
        }
      }
    }
    return col;
  }

  // The score of the rows of rows_of_ (each span: its rows, beside its group's 項目 cell).
  Score score(const Units& u) {
    const Column* cols[6];
    for (std::size_t i = 0; i < 6; ++i) cols[i] = &column(i, u[i]);
    const double line = c_.layout.text.line_height * size_;
    Score s;
    double height = 0, penalty = 0;
    auto count = [&](const Column& col, std::size_t k) {
      s.forced += col[k].forced;
      penalty += col[k].penalty;
      s.cells += col[k].h;
    };
    double header = 0;
    for (std::size_t i = 0; i < 6; ++i) {
      count(*cols[i], 0);
      header = std::max(header, (*cols[i])[0].h);
    }
    height += header;
    for (const TableSpan& span : rows_of_) {
      count(*cols[0], 1 + span.group);
      double rows = 0;
      for (std::size_t r = span.first; r < span.last; ++r) {
        const std::size_t k = first_row_[span.group] + r;
        double h = 0;
        for (std::size_t i = 1; i < 6; ++i) {
          count(*cols[i], k);
          h = std::max(h, (*cols[i])[k].h);
        }
        rows += h;
      }
      height += std::max(rows, (*cols[0])[1 + span.group].h);
    }
    s.cost = height + penalty * line;
    return s;
  }

  const Ctx& c_;
  const model::DetailTable& t_;
  const CellTexts& texts_;
  double width_, size_;
  BreakCosts costs_;
  const std::vector<TableSpan>& rows_of_;
  std::size_t rows_ = 0;                // rows of the table
  std::vector<std::size_t> first_row_;  // [group]: index of its first row in a Column
  int header_lo_[6] = {0, 0, 0, 0, 0, 0};
  int min_units_[6] = {0, 0, 0, 0, 0, 0};
  int max_units_[6] = {0, 0, 0, 0, 0, 0};
  std::vector<unsigned char> item_used_;  // [group]: its 項目 cell is in a searched span
  std::vector<unsigned char> row_used_;   // [index in Column]: the row is in a searched span
  std::array<std::vector<const Column*>, 6> slot_;  // [column][units]: in store_, null: not yet measured
  std::deque<Column> store_;              // measured columns (a deque: references stay valid)
  Column scratch_;
};

}  // namespace

std::vector<double> column_widths(const Ctx& c, const model::DetailTable& t, const CellTexts& texts,
                                  double width, double size, const BreakCosts& costs,
                                  const std::vector<TableSpan>* rows, const std::vector<double>* from) {
  if (!c.layout.table.fit_columns) {
    std::vector<double> weights = normalised(c.layout.table.column_weights, spec::Table{}.column_weights);
    double sum = 0;
    for (double w : weights) sum += w;
    std::vector<double> out;
    for (double w : weights) out.push_back(width * w / sum);
    return out;
  }
  std::vector<TableSpan> all;
  if (!rows) {
    for (std::size_t g = 0; g < t.groups.size(); ++g) all.push_back(TableSpan{g, 0, t.groups[g].rows.size()});
    rows = &all;
  }
  auto fitter = std::make_unique<ColumnFitter>(c, t, texts, width, size, costs, *rows);
  ColumnFitter::Units start{};
  if (from) start = fitter->units_of(*from);
  const ColumnFitter::Units u = fitter->optimise(from ? &start : nullptr);
  std::vector<double> out;
  for (int x : u) out.push_back(fitter->points(x));
  return out;
}

}  // namespace plandeck::compose::detail
