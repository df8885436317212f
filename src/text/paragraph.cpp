#include "text/paragraph.hpp"

#include "text/linebreak.hpp"
#include "text/measurer.hpp"
#include "text/utf8.hpp"

namespace plandeck::text {

namespace {

bool is_space(BreakClass c) { return c == BreakClass::SP || c == BreakClass::ISP; }
bool is_invisible(BreakClass c) { return c == BreakClass::ZW || c == BreakClass::WJ; }
// Only these may hang past the right edge (JLREQ burasage; spec §5.6).
bool can_hang(char32_t cp) { return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E; }

// Everything the filler needs about one paragraph's worth of text.
class Filler {
 public:
  Filler(const std::u32string& text, const std::vector<int>& styles, const Measurer& m,
         const LayoutOptions& o)
      : text_(text), styles_(styles), measurer_(m), options_(o), clusters_(make_clusters(text)) {
    // Compare `units * size <= width * 1000` (§5.6). Widths are integers, so the only
    // rounding is in a decimal box width; the tolerance keeps "equality fits" robust.
    limit_ = o.width_pt * 1000.0 + 1e-6;
    widths_.reserve(clusters_.size());
    for (const Cluster& c : clusters_) {
      long w = 0;
      if (!is_invisible(c.cls) && c.cls != BreakClass::BK) {
        const int style = styles_[c.begin];
        for (std::size_t k = c.begin; k < c.end; ++k) w += measurer_.width(text_[k], style);
      }
      widths_.push_back(w);
    }
  }

  ParagraphLayout run() {
    ParagraphLayout out;
    if (text_.empty()) return out;  // empty input: zero lines
    std::size_t start = 0;
    for (std::size_t k = 0; k <= clusters_.size(); ++k) {
      if (k == clusters_.size() || clusters_[k].cls == BreakClass::BK) {
        fill(start, k, out);
        start = k + 1;
      }
    }
    return out;
  }

 private:
  bool fits(long units) const { return static_cast<double>(units) * options_.size_pt <= limit_; }

  // Greedy first fit over clusters [first, last) (§5.6).
  void fill(std::size_t first, std::size_t last, ParagraphLayout& out) {
    if (first == last) {  // empty paragraph: one empty line
      const std::size_t at = first < clusters_.size() ? clusters_[first].begin : text_.size();
      Line line;
      line.begin = line.end = at;
      out.lines.push_back(std::move(line));
      return;
    }
    std::size_t i = first;
    while (i < last) {
      std::size_t best = 0;
      bool best_hangs = false;
      long sum = 0, visible = 0;
      for (std::size_t j = i + 1; j <= last; ++j) {
        const long before = visible;  // visibleWidth(i, j-1)
        sum += widths_[j - 1];
        if (!is_space(clusters_[j - 1].cls)) visible = sum;
        if (j == last || break_allowed(clusters_, j)) {
          if (fits(visible)) {
            best = j;
            best_hangs = false;
          } else if (options_.hanging && j - 1 > i && can_hang(clusters_[j - 1].base) &&
                     fits(before)) {
            best = j;
            best_hangs = true;
          }
        }
        if (!fits(before)) break;  // nothing further can fit
      }
      bool forced = false;
      if (best == 0) {  // emergency: no legal break fits; cut at the last cluster that does
        forced = true;
        best = i + 1;
        long s = 0, v = 0;
        for (std::size_t j = i + 1; j <= last; ++j) {
          s += widths_[j - 1];
          if (!is_space(clusters_[j - 1].cls)) v = s;
          if (!fits(v)) break;
          best = j;
        }
        while (best < last && is_space(clusters_[best].cls)) ++best;
      }
      out.lines.push_back(make_line(i, best, forced, best_hangs));
      if (forced) ++out.forced_count;
      i = best;
    }
  }

  Line make_line(std::size_t from, std::size_t to, bool forced, bool hangs) {
    Line line;
    line.forced = forced;
    line.begin = clusters_[from].begin;
    line.end = clusters_[to - 1].end;
    std::size_t draw_end = to;  // trailing spaces are neither counted nor drawn
    while (draw_end > from && (is_space(clusters_[draw_end - 1].cls) ||
                               is_invisible(clusters_[draw_end - 1].cls)))
      --draw_end;
    long units = 0;
    for (std::size_t k = from; k < draw_end; ++k) {
      const Cluster& c = clusters_[k];
      if (is_invisible(c.cls)) continue;
      const int style = styles_[c.begin];
      if (line.fragments.empty() || line.fragments.back().style != style)
        line.fragments.push_back(Fragment{{}, style, 0});
      Fragment& f = line.fragments.back();
      for (std::size_t p = c.begin; p < c.end; ++p)
        f.text.push_back(measurer_.draw_char(text_[p], style));
      f.width += static_cast<double>(widths_[k]);  // units for now, scaled below
      units += widths_[k];
    }
    for (Fragment& f : line.fragments) f.width = f.width * options_.size_pt / 1000.0;
    line.width_units = static_cast<int>(units);
    line.width = static_cast<double>(units) * options_.size_pt / 1000.0;
    line.hanging = hangs && !fits(units);
    line.overflow = !fits(units) && !line.hanging;
    return line;
  }

  const std::u32string& text_;
  const std::vector<int>& styles_;
  const Measurer& measurer_;
  const LayoutOptions& options_;
  std::vector<Cluster> clusters_;
  std::vector<long> widths_;
  double limit_ = 0;
};

}  // namespace

std::string Fragment::utf8() const { return utf8::encode(text); }

std::u32string Line::text() const {
  std::u32string out;
  for (const Fragment& f : fragments) out += f.text;
  return out;
}

std::string Line::utf8() const { return utf8::encode(text()); }

ParagraphLayout layout_paragraph(const std::vector<StyledRun>& runs, const Measurer& measurer,
                                 const LayoutOptions& options) {
  std::u32string text;
  std::vector<int> styles;
  for (const StyledRun& r : runs) {
    text += r.text;
    styles.insert(styles.end(), r.text.size(), r.style);
  }
  return Filler(text, styles, measurer, options).run();
}

ParagraphLayout layout_paragraph(const std::u32string& text, const Measurer& measurer,
                                 const LayoutOptions& options) {
  return layout_paragraph(std::vector<StyledRun>{{text, 0}}, measurer, options);
}

}  // namespace plandeck::text
