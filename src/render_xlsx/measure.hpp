// Text measurement for column widths and row heights: the text engine's font metrics and
// Japanese line breaker, sized in points. Without font files a conservative estimate
// stands in (non-ASCII 1 em, ASCII 0.7 em), so that the result errs on the large side.
#pragma once

#include <memory>
#include <string>
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

  // Width in points of the widest hard line ('\n'-separated) of the runs, unwrapped.
  // `all_strong` measures every run as bold (headers).
  double natural_width(const std::vector<model::Run>& runs, bool all_strong) const;

  // Lines the runs take when broken with the Japanese rules at `width_pt`; at least 1.
  int line_count(const std::vector<model::Run>& runs, bool all_strong, double width_pt) const;

  double font_size() const { return size_; }
  // Baseline-to-baseline distance of wrapped lines as spreadsheet programs draw them.
  double line_height() const { return line_height_; }

 private:
  struct Fonts;
  std::unique_ptr<Fonts> fonts_;
  const text::Measurer* measurer_ = nullptr;
  double size_ = 10;
  double line_height_ = 13;
};

}  // namespace plandeck::render_xlsx
