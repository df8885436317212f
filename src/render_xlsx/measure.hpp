// Text measurement for column widths and row heights: the text engine's font metrics and
// Japanese line breaker, sized in points. Without font files a conservative estimate
// stands in (non-ASCII 1 em, ASCII 0.7 em), so that the result errs on the large side.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/plan.hpp"

namespace plandeck::text {
class Measurer;
}

namespace plandeck::render_xlsx {

struct WorkbookOptions;

class TextMeasure {
 public:
  // Loads the font files of `options`; throws Error when one cannot be read.
  explicit TextMeasure(const WorkbookOptions& options);
  ~TextMeasure();
  TextMeasure(const TextMeasure&) = delete;
  TextMeasure& operator=(const TextMeasure&) = delete;

  // Both answers are memoised by the runs' texts and styles (a workbook shows most texts
  // twice or three times: a chapter's cell again in the 一覧 and the 数値 table, and the
  // same short words everywhere), so each distinct text is normalised and analysed once.
  // Not thread-safe: one TextMeasure per workbook being written.

  // A text as measured (the memo entry of its runs): look it up once, ask it both questions.
  // `all_strong` measures every run as bold (headers). Valid as long as this TextMeasure.
  struct Measured;
  Measured& measured(const std::vector<model::Run>& runs, bool all_strong) const;

  // Width in points of the widest hard line ('\n'-separated) of the text, unwrapped.
  double natural_width(Measured& text) const;
  double natural_width(const std::vector<model::Run>& runs, bool all_strong) const {
    return natural_width(measured(runs, all_strong));
  }

  // Lines the text takes when broken with the Japanese rules at `width_pt`; at least 1.
  int line_count(Measured& text, double width_pt) const;
  int line_count(const std::vector<model::Run>& runs, bool all_strong, double width_pt) const {
    return line_count(measured(runs, all_strong), width_pt);
  }

  double font_size() const { return size_; }
  // Baseline-to-baseline distance of wrapped lines as spreadsheet programs draw them.
  double line_height() const { return line_height_; }

 private:
  struct Fonts;
  std::unique_ptr<Fonts> fonts_;
  mutable std::unordered_map<std::string, std::unique_ptr<Measured>> memo_;
  mutable std::string key_;  // the look-up's key, kept for its capacity
  const text::Measurer* measurer_ = nullptr;
  double size_ = 10;
  double line_height_ = 13;
};

}  // namespace plandeck::render_xlsx
