#include "compose/table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

namespace plandeck::compose::detail {

namespace {

constexpr double kEps = 1e-6;

const model::RichText* header_text(const model::TableColumns& cols, std::size_t i) {
  const model::RichText* h[] = {&cols.item, &cols.content, &cols.target,
                                &cols.baseline, &cols.result, &cols.status};
  return h[i];
}

const model::Cell* row_cell(const model::TableRow& r, std::size_t i) { return &table_cell(r, i); }

// The texts of one table's cells, normalised, clustered and measured once: the column search
// lays each cell out at many widths, and results slides plan their table at several sizes.
struct CellTexts {
  std::array<text::PreparedBox, 6> header;                          // bold
  std::vector<text::PreparedBox> items;                             // [group], bold
  std::vector<std::vector<std::array<text::PreparedBox, 5>>> cells;  // [group][row][column - 1]

  CellTexts(const Ctx& c, const model::DetailTable& t) {
    auto prepare = [&](const model::RichText& text, bool strong) {
      return text::PreparedBox(cell_paragraphs(c, text, strong), *c.paragraphs);
    };
    for (std::size_t i = 0; i < 6; ++i) header[i] = prepare(*header_text(t.columns, i), true);
    for (const model::TableGroup& g : t.groups) {
      items.push_back(prepare(g.item, true));
      std::vector<std::array<text::PreparedBox, 5>> rows;
      rows.reserve(g.rows.size());
      for (const model::TableRow& r : g.rows) {
        rows.emplace_back();
        for (std::size_t i = 1; i < 6; ++i) rows.back()[i - 1] = prepare(row_cell(r, i)->text, false);
      }
      cells.push_back(std::move(rows));
    }
  }
  const text::PreparedBox& cell(std::size_t group, std::size_t row, std::size_t column) const {
    return cells[group][row][column - 1];
  }
};

}  // namespace

struct TableCache {
  std::map<const model::DetailTable*, CellTexts> texts;
  // measure_table results (before pagination) by table, width, size and name.
  std::map<std::tuple<const model::DetailTable*, double, double, std::string>, TablePlan> measured;
};

std::shared_ptr<TableCache> make_table_cache() { return std::make_shared<TableCache>(); }

namespace {

TableCache& cache(const Ctx& c) {
  if (!c.tables) c.tables = std::make_shared<TableCache>();
  return *c.tables;
}

const CellTexts& cell_texts(const Ctx& c, const model::DetailTable& t) {
  auto& texts = cache(c).texts;
  auto it = texts.find(&t);
  if (it == texts.end()) it = texts.emplace(&t, CellTexts(c, t)).first;
  return it->second;
}

struct Measured {
  double height = 0;
  int forced = 0;
  int lines = 0;
};

// Heights only: balancing cannot change them, so it is skipped here (draw_cell balances).
Measured cell_height(const Ctx& c, const text::PreparedBox& t, double w, double size) {
  const double pad = c.layout.table.padding;
  const text::BoxCount r = count(c, t, std::max(1.0, w - 2 * pad), size, false);
  return {r.height + 2 * pad, r.forced_count, r.line_count};
}

// A cell whose typed lines are all short (【目標】 / 107手続全て, 約4.3倍, 新規対策) reads as
// one phrase per line: wrapping one of them breaks a phrase ("107手" / "続全て"). Returns
// its typed line count, or 0 when some line is longer (wrapping it is ordinary).
constexpr std::size_t kShortLine = 10;  // characters
int short_lines(const text::PreparedBox& t) {
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

std::vector<double> normalised(std::vector<double> v, const std::vector<double>& fallback) {
  if (v.size() != 6) v = fallback;
  return v;
}

// ---- column widths ------------------------------------------------------------------------
//
// Widths are whole units of width / kUnits. Start from the layout's weights (clamped into
// [column_min, column_max]), then repeatedly move width from one column to another — the
// single move (donor, receiver, amount) that lowers (forced breaks, table height, sum of cell
// heights) the most, first in a fixed order on ties — until no move helps. Moves of several
// sizes let a column cross a plateau of its step-shaped height curve. Deterministic: integer
// widths, a fixed enumeration order, strict improvement only (so it always terminates).

constexpr int kUnits = 400;

// What breaking a short phrase costs, in lines of table height (see Score).
constexpr double kPhraseCost = 2;

struct Score {
  int forced = 0;
  // The table's height (header + every group: its rows, or its 項目 cell when taller), plus
  // kPhraseCost lines for every cell of short typed lines that wraps (a phrase broken, see
  // short_lines): a phrase is kept whole unless that makes the table taller by more.
  double height = 0;
  double cells = 0;   // sum of all cell heights: prefers relieving one of two equally tall cells
  bool better(const Score& o) const {
    if (forced != o.forced) return forced < o.forced;
    if (height < o.height - kEps) return true;
    if (height > o.height + kEps) return false;
    return cells < o.cells - kEps;
  }
};

class ColumnFitter {
 public:
  using Units = std::array<int, 6>;

  ColumnFitter(const Ctx& c, const model::DetailTable& t, const CellTexts& texts, double width,
               double size)
      : c_(c), t_(t), texts_(texts), width_(width), size_(size) {
    const std::vector<double> mn = normalised(c_.layout.table.column_min, spec::Table{}.column_min);
    const std::vector<double> mx = normalised(c_.layout.table.column_max, spec::Table{}.column_max);
    for (std::size_t i = 0; i < 6; ++i) {
      min_units_[i] = static_cast<int>(std::ceil(mn[i] * kUnits - 1e-9));
      max_units_[i] = static_cast<int>(std::floor(mx[i] * kUnits + 1e-9));
    }
    rows_ = 0;
    for (const model::TableGroup& g : t_.groups) rows_ += g.rows.size();
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

  Units optimise() {
    keep_headers(start());
    Units u = start();  // again: a header may have raised its column's lower bound
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
        const double rate[3] = {static_cast<double>(best.forced - s.forced) / a, (best.height - s.height) / a,
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

  std::vector<std::u32string> header_lines(std::size_t i, int units) const {
    const double pad = c_.layout.table.padding;
    text::FitResult r = measure(c_, texts_.header[i], std::max(1.0, points(units) - 2 * pad), size_, false, false);
    std::vector<std::u32string> out;
    for (const auto& p : r.paragraphs)
      for (const auto& l : p.lines) out.push_back(l.line.text());
    return out;
  }

  // Heights of column i's cells at `units`: [0] the header, then the 項目 cell of every
  // group (i = 0) or the cell of every row (i > 0), groups in order. Each is measured once
  // per fitter (one table, one size).
  struct Column {
    bool done = false;
    std::vector<double> h;
    int forced = 0;
    int split = 0;
  };
  const Column& column(std::size_t i, int units) {
    if (units < 0 || units > kUnits) return measure_column(i, units, scratch_);
    Column& col = cache_[i][static_cast<std::size_t>(units)];
    if (!col.done) measure_column(i, units, col);
    return col;
  }
  Column& measure_column(std::size_t i, int units, Column& col) {
    col = Column{};
    const double w = points(units);
    auto add = [&](const text::PreparedBox& text) {
      Measured m = cell_height(c_, text, w, size_);
      col.h.push_back(m.height);
      col.forced += m.forced;
      const int typed = short_lines(text);
      if (typed > 0 && m.lines > typed) ++col.split;
    };
    col.h.reserve(1 + (i == 0 ? t_.groups.size() : rows_));
    add(texts_.header[i]);
    for (std::size_t g = 0; g < t_.groups.size(); ++g) {
      if (i == 0) {
        add(texts_.items[g]);
      } else {
        for (std::size_t r = 0; r < t_.groups[g].rows.size(); ++r) add(texts_.cell(g, r, i));
      }
    }
    col.done = true;
    return col;
  }

  Score score(const Units& u) {
    const Column* cols[6];
    for (std::size_t i = 0; i < 6; ++i) cols[i] = &column(i, u[i]);
    Score s;
    double header = 0;
    for (std::size_t i = 0; i < 6; ++i) {
      s.forced += cols[i]->forced;
      s.height += cols[i]->split * kPhraseCost * c_.layout.text.line_height * size_;
      header = std::max(header, cols[i]->h[0]);
      for (double h : cols[i]->h) s.cells += h;
    }
    s.height += header;
    std::size_t k = 1;  // index into the row cells of columns 1..5
    for (std::size_t g = 0; g < t_.groups.size(); ++g) {
      double rows = 0;
      for (std::size_t r = 0; r < t_.groups[g].rows.size(); ++r, ++k) {
        double h = 0;
        for (std::size_t i = 1; i < 6; ++i) h = std::max(h, cols[i]->h[k]);
        rows += h;
      }
      s.height += std::max(rows, cols[0]->h[1 + g]);
    }
    return s;
  }

  const Ctx& c_;
  const model::DetailTable& t_;
  const CellTexts& texts_;
  double width_, size_;
  std::size_t rows_ = 0;
  int header_lo_[6] = {0, 0, 0, 0, 0, 0};
  int min_units_[6] = {0, 0, 0, 0, 0, 0};
  int max_units_[6] = {0, 0, 0, 0, 0, 0};
  std::array<std::array<Column, kUnits + 1>, 6> cache_;
  Column scratch_;
};

std::vector<double> column_widths(const Ctx& c, const model::DetailTable& t, const CellTexts& texts,
                                  double width, double size) {
  if (!c.layout.table.fit_columns) {
    std::vector<double> weights = normalised(c.layout.table.column_weights, spec::Table{}.column_weights);
    double sum = 0;
    for (double w : weights) sum += w;
    std::vector<double> out;
    for (double w : weights) out.push_back(width * w / sum);
    return out;
  }
  auto fitter = std::make_unique<ColumnFitter>(c, t, texts, width, size);
  const ColumnFitter::Units u = fitter->optimise();
  std::vector<double> out;
  for (int x : u) out.push_back(fitter->points(x));
  return out;
}

// Measures every cell at `size`; forced breaks and oversize rows go to plan.overflows.
TablePlan measure_table_uncached(const Ctx& c, const model::DetailTable& t, const TableRequest& req,
                                 double size) {
  const CellTexts& texts = cell_texts(c, t);
  TablePlan p;
  p.size = size;
  p.widths = column_widths(c, t, texts, req.width, size);
  for (std::size_t i = 0; i < 6; ++i) {
    Measured m = cell_height(c, texts.header[i], p.widths[i], size);
    p.header_height = std::max(p.header_height, m.height);
    if (m.forced) p.overflows.push_back({req.name + ".columns", header_text(t.columns, i)->loc, 0, m.forced});
  }
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    const model::TableGroup& group = t.groups[g];
    Measured item = cell_height(c, texts.items[g], p.widths[0], size);
    p.item_heights.push_back(item.height);
    std::string gname = req.name + ".groups[" + std::to_string(g + 1) + "]";
    if (item.forced) p.overflows.push_back({gname + ".item", group.item.loc, 0, item.forced});
    std::vector<double> heights;
    for (std::size_t r = 0; r < group.rows.size(); ++r) {
      double h = 0;
      for (std::size_t i = 1; i < 6; ++i) {
        const model::Cell* cell = row_cell(group.rows[r], i);
        Measured m = cell_height(c, texts.cell(g, r, i), p.widths[i], size);
        h = std::max(h, m.height);
        if (m.forced) {
          p.overflows.push_back({gname + ".rows[" + std::to_string(r + 1) + "]", cell->text.loc, 0, m.forced});
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
                        double size) {
  auto& measured = cache(c).measured;
  auto key = std::make_tuple(&t, req.width, size, req.name);
  auto it = measured.find(key);
  if (it == measured.end()) it = measured.emplace(key, measure_table_uncached(c, t, req, size)).first;
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
  // 1. The largest size not below split_below that needs no continuation slide.
  for (double s : candidates) {
    if (s < c.layout.table.split_below - kEps && s < req.sizes.max - kEps) break;
    TablePlan p = measure_table(c, t, req, s);
    paginate(p, t, req);
    if (p.overflows.empty() && p.parts.size() <= wanted) return p;
  }
  // 2. Otherwise the largest size at which every row fits a slide (continuing as needed).
  for (double s : candidates) {
    TablePlan p = measure_table(c, t, req, s);
    paginate(p, t, req);
    if (p.overflows.empty()) return p;
  }
  TablePlan p = measure_table(c, t, req, candidates.back());
  paginate(p, t, req);
  return p;
}

namespace {

// Draws one cell: border, optional fill, text centred vertically and aligned as `align`
// says, `right_inset` short of the padding on the right (Align::Right only).
void draw_cell(Page& page, const Ctx& c, const text::PreparedBox& t, double x, double y, double w,
               double h, double size, std::optional<Color> fill, const Paint& paint, Align align,
               double right_inset = 0) {
  const auto& pal = c.layout.palette;
  rect(page, x, y, w, h, fill, color(pal.table_border), 0.6);
  const double pad = c.layout.table.padding;
  text::FitResult r = measure(c, t, std::max(1.0, w - 2 * pad), size, false);
  double ty = y + std::max(pad, (h - r.height) / 2);
  if (align == Align::Right && r.line_count > 1) right_inset = 0;  // a wrapped figure: flush right
  draw(page, c, r, x + pad, ty, std::max(1.0, w - 2 * pad - right_inset), paint, align);
}

}  // namespace

double draw_table_part(Page& page, const Ctx& c, const model::DetailTable& t, const TablePlan& plan,
                       std::size_t index, double x, double y) {
  PitchScope base_pitch(c, 0);
  const auto& pal = c.layout.palette;
  const TablePart& part = plan.parts[index];
  if (part.spans.empty()) return 0;
  const Paint header_paint = plain_paint(color(pal.heading));
  const Paint body = body_paint(c);
  const CellTexts& texts = cell_texts(c, t);
  // One alignment per column, the same on every slide of the table; figures line up on
  // the widest unit of their column, over the whole table.
  ColumnAlign aligns[6];
  double widest_unit[6] = {0, 0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < 6; ++i) {
    aligns[i] = column_align(t, i);
    if (aligns[i] != ColumnAlign::Figures) continue;
    for (const model::TableGroup& g : t.groups) {
      for (const model::TableRow& r : g.rows) {
        widest_unit[i] = std::max(widest_unit[i], unit_width(c, *row_cell(r, i), plan.size));
      }
    }
  }
  StructScope table(page, StructKind::Table);
  std::optional<StructScope> tr(std::in_place, page, StructKind::TR);
  std::optional<StructScope> in_cell;
  double cx = x;
  for (std::size_t i = 0; i < 6; ++i) {
    in_cell.emplace(page, StructKind::TH, HeaderScope::Column);
    draw_cell(page, c, texts.header[i], cx, y, plan.widths[i], plan.header_height,
              plan.size, color(pal.table_header), header_paint, Align::Center);
    cx += plan.widths[i];
  }
  double top = y + plan.header_height;
  for (const TableSpan& span : part.spans) {
    for (std::size_t r = span.first; r < span.last; ++r) page.table_rows.push_back(&t.groups[span.group].rows[r]);
    double rows_h = 0;
    for (std::size_t r = span.first; r < span.last; ++r) rows_h += plan.row_heights[span.group][r];
    double extra = std::max(0.0, plan.item_heights[span.group] - rows_h);
    double span_h = rows_h + extra;
    double ry = top;
    for (std::size_t r = span.first; r < span.last; ++r) {
      in_cell.reset();
      tr.emplace(page, StructKind::TR);
      if (r == span.first) {  // the 項目 cell heads the rows it spans
        in_cell.emplace(page, StructKind::TH, HeaderScope::Row, static_cast<int>(span.last - span.first));
        draw_cell(page, c, texts.items[span.group], x, top, plan.widths[0], span_h, plan.size,
                  color(pal.table_item), plain_paint(color(pal.text)), Align::Left);
      }
      double rh = plan.row_heights[span.group][r] + (r + 1 == span.last ? extra : 0);
      double rx = x + plan.widths[0];
      for (std::size_t i = 1; i < 6; ++i) {
        in_cell.emplace(page, StructKind::TD);
        const model::Cell& cell = *row_cell(t.groups[span.group].rows[r], i);
        Align align = Align::Left;
        double inset = 0;
        if (aligns[i] == ColumnAlign::Center) align = Align::Center;
        if (aligns[i] == ColumnAlign::Figures) {
          align = Align::Right;
          inset = cell.quantity ? widest_unit[i] - unit_width(c, cell, plan.size) : widest_unit[i];
        }
        draw_cell(page, c, texts.cell(span.group, r, i), rx, ry, plan.widths[i], rh, plan.size,
                  std::nullopt, body, align, inset);
        rx += plan.widths[i];
      }
      ry += rh;
    }
    top += span_h;
  }
  return top - y;
}

}  // namespace plandeck::compose::detail
