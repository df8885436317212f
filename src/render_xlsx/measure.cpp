#include "render_xlsx/measure.hpp"

#include <algorithm>

#include "render_xlsx/workbook.hpp"
#include "text/font.hpp"
#include "text/measurer.hpp"
#include "text/normalize.hpp"
#include "text/paragraph.hpp"

namespace plandeck::render_xlsx {

namespace {

// Spreadsheet programs put more space between wrapped lines than the font's ascent plus
// descent (BIZ UDPGothic: exactly 1 em): LibreOffice adds the platform's leading, Excel
// rounds to its own row pitch. 1.3 em covers both with a little room.
constexpr double kLinePitchEm = 1.3;

// Used when no font file is given: wide enough for any BIZ UDPGothic glyph we use.
class EstimateMeasurer final : public text::Measurer {
 public:
  int width(char32_t cp, int /*style*/) const override {
    if (cp == U'\n') return 0;
    return cp < 0x80 ? 700 : 1000;
  }
};

std::vector<text::StyledRun> styled(const std::vector<model::Run>& runs, bool all_strong) {
  std::vector<text::StyledRun> out;
  for (const auto& r : runs) {
    text::Normalized n = text::normalize(r.text);
    out.push_back({std::move(n.text), all_strong || r.strong ? text::kStrong : text::kRegular});
  }
  return out;
}

}  // namespace

struct TextMeasure::Fonts {
  std::vector<text::Font> regular, strong;
  std::unique_ptr<text::Measurer> measurer;
};

TextMeasure::TextMeasure(const WorkbookOptions& options)
    : fonts_(std::make_unique<Fonts>()), size_(options.font_size) {
  auto load = [](const std::vector<std::string>& paths, std::vector<text::Font>& into) {
    for (const auto& path : paths) {
      std::string err;
      auto font = text::Font::load(path, &err);
      if (!font) throw Error("workbook: cannot read font " + path + ": " + err);
      into.push_back(std::move(*font));
    }
  };
  std::vector<const text::Font*> regular = options.regular_fonts;
  std::vector<const text::Font*> strong = options.strong_fonts;
  if (regular.empty()) {  // not loaded by the caller: read the files
    load(options.regular_font_files, fonts_->regular);
    load(options.strong_font_files, fonts_->strong);
    for (const auto& f : fonts_->regular) regular.push_back(&f);
    for (const auto& f : fonts_->strong) strong.push_back(&f);
  }

  double extent_em = 1.0;
  if (regular.empty()) {
    fonts_->measurer = std::make_unique<EstimateMeasurer>();
  } else {
    if (strong.empty()) strong = regular;  // bold falls back to the regular metrics
    if (options.measurer == nullptr || options.regular_fonts.empty()) {
      fonts_->measurer = std::make_unique<text::FontChainMeasurer>(regular, strong);
    }
    const text::Font& main = *regular.front();
    extent_em = std::max(1.0, (main.ascender() - main.descender()) / 1000.0);
  }
  measurer_ = fonts_->measurer ? fonts_->measurer.get() : options.measurer;
  line_height_ = extent_em * kLinePitchEm * size_;
}

TextMeasure::~TextMeasure() = default;

double TextMeasure::natural_width(const std::vector<model::Run>& runs, bool all_strong) const {
  double widest = 0;
  double current = 0;
  for (const auto& run : styled(runs, all_strong)) {
    for (char32_t c : run.text) {
      if (c == U'\n') {
        widest = std::max(widest, current);
        current = 0;
      } else {
        current += measurer_->width(c, run.style) * size_ / 1000.0;
      }
    }
  }
  return std::max(widest, current);
}

int TextMeasure::line_count(const std::vector<model::Run>& runs, bool all_strong,
                            double width_pt) const {
  text::LayoutOptions lo;
  lo.width_pt = width_pt;
  lo.size_pt = size_;
  lo.hanging = false;
  // Only the count: the same greedy walk as a layout, without building its lines.
  const text::PreparedParagraph paragraph(styled(runs, all_strong), *measurer_);
  return std::max(1, paragraph.count(lo).lines);
}

}  // namespace plandeck::render_xlsx
