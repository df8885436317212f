#include "figures/arithmetic.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "figures/format.hpp"

namespace plandeck::figures {

namespace {

struct Interval {
  double lo = 0;
  double hi = 0;
};

// What an amount may really be: exactly its value, or ± half its last digit with 約.
Interval range(const Figure& f) {
  double v = f.value();
  double h = f.approx ? f.half_step() : 0;
  return {v - h, v + h};
}

bool is_percent_unit(const std::string& u) { return u == "%" || u == "％"; }
bool is_points_unit(const std::string& u) { return u == "ポイント" || u == "pt" || u == "ﾎﾟｲﾝﾄ"; }

// Does a value in `got` round to `stated` as written? `step` is one unit of the statement's
// last digit (in the same terms as `stated`).
bool agrees(Interval got, double stated, double step, bool approx) {
  double tolerance = approx ? step : step / 2;
  double slack = 1e-9 * std::max(1.0, std::fabs(stated));
  double distance = 0;
  if (stated < got.lo) distance = got.lo - stated;
  if (stated > got.hi) distance = stated - got.hi;
  return approx ? distance < tolerance - slack : distance <= tolerance + slack;
}

// The computed value written the way the statement is written: same decimals, same scale,
// same unit; 約 when it is not exact at those decimals or comes from approximate amounts.
std::string written_like(const Figure& st, double value, bool inputs_approx) {
  double in_scale = value / st.scale;
  double factor = std::pow(10.0, st.decimals);
  double rounded = std::round(in_scale * factor) / factor;
  bool exact = std::fabs(rounded - in_scale) <= 1e-9 * std::max(1.0, std::fabs(in_scale));
  std::string out = exact && !inputs_approx ? "" : "約";
  if (st.kind != FigureKind::Ratio && rounded != 0) {
    bool negative = rounded < 0;
    bool suffix = st.sign_text == "減" || st.sign_text == "増";
    std::string sign;
    if (!suffix) {
      if (negative) sign = st.sign < 0 ? st.sign_text : "▲";
      if (!negative) sign = st.sign > 0 ? st.sign_text : "＋";
    }
    out += sign + format_number(std::fabs(rounded), st.decimals) + st.scale_text + st.unit;
    if (suffix) out += negative ? "減" : "増";
    return out;
  }
  return out + format_number(std::fabs(rounded), st.decimals) + st.scale_text + st.unit;
}

// Up to three decimals, without trailing zeros: 4.321, 95.62, 15.
std::string short_number(double v) {
  std::string s = format_number(std::fabs(v), 3);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return (v < 0 ? "−" : "") + s;
}

std::string plain_number(const Figure& f) {
  int places = f.decimals - static_cast<int>(std::lround(std::log10(f.scale)));
  return format_number(f.value(), std::max(0, places));
}

std::optional<Mismatch> check(const Figure& b, const Figure& r, const Figure& st) {
  Interval B = range(b), R = range(r);
  bool inputs_approx = b.approx || r.approx;
  Mismatch m{b, r, st, nullptr, 0, "", ""};
  Interval got;
  double stated = st.value();
  double step = std::pow(10.0, -st.decimals) * st.scale;
  std::string bv = plain_number(b), rv = plain_number(r);
  switch (st.kind) {
    case FigureKind::Ratio:
      if (B.lo <= 0) return std::nullopt;
      stated = st.written;
      m.computed = r.value() / b.value();
      got = {R.lo / B.hi, R.hi / B.lo};
      m.working = rv + " ÷ " + bv + " = " + short_number(m.computed);
      break;
    case FigureKind::Change: {
      if (B.lo <= 0) return std::nullopt;
      m.computed = (r.value() / b.value() - 1) * 100;
      got = {(R.lo / B.hi - 1) * 100, (R.hi / B.lo - 1) * 100};
      m.working = "(" + rv + " − " + bv + ") ÷ " + bv + " × 100 = " + short_number(m.computed) + st.unit;
      // 79% → 85% "＋6%": read as points as well as relative, whichever the author meant.
      if (is_percent_unit(b.unit) && agrees({R.lo - B.hi, R.hi - B.lo}, stated, step, st.approx)) {
        return std::nullopt;
      }
      break;
    }
    case FigureKind::Difference:
      if (!same_unit(st.unit, b.unit) && !(is_points_unit(st.unit) && is_percent_unit(b.unit))) {
        return std::nullopt;
      }
      m.computed = r.value() - b.value();
      got = {R.lo - B.hi, R.hi - B.lo};
      m.working = rv + " − " + bv + " = " + short_number(m.computed);
      break;
    default:
      return std::nullopt;
  }
  if (agrees(got, stated, step, st.approx)) return std::nullopt;
  m.computed_text = written_like(st, m.computed, inputs_approx);
  return m;
}

// Where a statement is written: its literal inside a text cell, or the number of a
// quantity mapping ({number: 5.3, …}).
diag::SourceLoc statement_loc(const Mismatch& m, const diag::SourceMap* sources) {
  const model::Cell& cell = *m.cell;
  if (cell.quantity) {
    const model::Quantity& q = *cell.quantity;
    return locate(q.loc.known() ? q.loc : cell.loc, q.literal(), 4, sources);
  }
  const model::RichText& t = cell.text;
  std::string plain = t.plain();
  int lines = static_cast<int>(std::count(plain.begin(), plain.end(), '\n')) + 2;
  return locate(t.loc.known() ? t.loc : cell.loc, m.statement.text, lines, sources);
}

void check_table(const model::DetailTable& table, diag::Diagnostics& diags, const diag::SourceMap* sources) {
  for (const auto& group : table.groups) {
    for (const auto& row : group.rows) {
      for (const Mismatch& m : check_row(row)) {
        diags.warning(statement_loc(m, sources), m.message(), m.hint());
      }
    }
  }
}

void check_slide(const model::Slide& slide, diag::Diagnostics& diags, const diag::SourceMap* sources) {
  if (const auto* d = std::get_if<model::DetailsSlide>(&slide.body)) check_table(d->table, diags, sources);
  if (const auto* r = std::get_if<model::ResultsSlide>(&slide.body); r != nullptr && r->table) {
    check_table(*r->table, diags, sources);
  }
}

}  // namespace

diag::Message Mismatch::message() const {
  return {baseline.text + "→" + result.text + "は" + computed_text + "です（記載: " + statement.text + "）",
          baseline.text + " → " + result.text + " is " + computed_text + " (written: " + statement.text + ")"};
}

diag::Message Mismatch::hint() const { return {"計算: " + working, "computed: " + working}; }

std::vector<Mismatch> check_row(const model::TableRow& row) {
  std::vector<Mismatch> out;
  std::optional<Figure> b = single_amount(row.baseline);
  std::optional<Figure> r = single_amount(row.result);
  if (!b || !r || !same_unit(b->unit, r->unit)) return out;
  // A statement may also compare the result with the target (「達成（+2件）」 for 12件 → 14件):
  // it is only wrong when it agrees with neither.
  std::optional<Figure> t = single_amount(row.target);
  if (t && !same_unit(t->unit, r->unit)) t.reset();
  for (const model::Cell* cell : {&row.result, &row.status}) {
    for (const Figure& st : statements(*cell)) {
      std::optional<Mismatch> m = check(*b, *r, st);
      if (m && t && !check(*t, *r, st)) m.reset();
      if (m) {
        m->cell = cell;
        out.push_back(std::move(*m));
      }
    }
  }
  return out;
}

void check_arithmetic(const model::Plan& plan, diag::Diagnostics& diags, const diag::SourceMap* sources) {
  for (const auto& section : plan.sections) {
    for (const auto& slide : section.slides) check_slide(slide, diags, sources);
    for (const auto& chapter : section.chapters) {
      for (const auto& slide : chapter.slides) check_slide(slide, diags, sources);
    }
  }
}

diag::SourceLoc locate(const diag::SourceLoc& start, std::string_view needle, int lines,
                       const diag::SourceMap* sources) {
  if (sources == nullptr || !start.known() || needle.empty()) return start;
  for (int k = 0; k <= lines; ++k) {
    std::string_view line = sources->line(start.file, start.line + k);
    std::size_t from = 0;
    if (k == 0) {
      // The byte where column `start.col` (in code points) begins.
      for (int c = 1; c < start.col && from < line.size(); ++c) {
        ++from;
        while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
      }
    }
    std::size_t pos = line.find(needle, from);
    if (pos == std::string_view::npos) continue;
    int col = 1;
    for (std::size_t i = 0; i < pos; ++i) col += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 ? 1 : 0;
    return {start.file, start.line + k, col};
  }
  return start;
}

}  // namespace plandeck::figures
