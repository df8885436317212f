#include "render_xlsx/measure.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

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
  out.reserve(runs.size());
  for (const auto& r : runs) {
    text::Normalized n = text::normalize(r.text);
    out.push_back({std::move(n.text), all_strong || r.strong ? text::kStrong : text::kRegular});
  }
  return out;
}

// What decides both measurements, and nothing else: per run its style as measured and its
// text, length-prefixed so that no two different run lists give the same key.
void memo_key(const std::vector<model::Run>& runs, bool all_strong, std::string& key) {
  key.clear();
  for (const auto& r : runs) {
    const auto length = static_cast<std::uint32_t>(r.text.size());
    key += all_strong || r.strong ? 'b' : 'r';
    key.append(reinterpret_cast<const char*>(&length), sizeof length);
    key += r.text;
  }
}

}  // namespace

struct TextMeasure::Measured {
  std::vector<text::StyledRun> runs;  // normalised, styled as measured
  double natural_width = 0;            // points
  // Whether the whole text is known to take one line at any measure of at least
  // `one_line_units` (1/1000 em): see line_count().
  bool one_line_when_fits = true;
  long one_line_units = 0;
  std::optional<text::PreparedParagraph> paragraph;  // made when a line count first needs it
};

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

TextMeasure::Measured& TextMeasure::measured(const std::vector<model::Run>& runs, bool all_strong) const {
  memo_key(runs, all_strong, key_);
  std::unique_ptr<Measured>& entry = memo_[key_];
  if (!entry) {
    entry = std::make_unique<Measured>();
    Measured& m = *entry;
    m.runs = styled(runs, all_strong);
    double widest = 0;
    double current = 0;
    for (const auto& run : m.runs) {
      if (run.style != m.runs.front().style) m.one_line_when_fits = false;
      for (char32_t c : run.text) {
        if (c == U'\n') {
          widest = std::max(widest, current);
          current = 0;
          m.one_line_when_fits = false;
        } else {
          const int w = measurer_->width(c, run.style);
          current += w * size_ / 1000.0;
          m.one_line_units += w;
          if (w < 0) m.one_line_when_fits = false;
        }
      }
    }
    m.natural_width = std::max(widest, current);
  }
  return *entry;
}

double TextMeasure::natural_width(Measured& m) const { return m.natural_width; }

int TextMeasure::line_count(Measured& m, double width_pt) const {
  // One line without laying the text out, when that is certain: in one style and without a
  // hard break, the layout's single part ends at the text's end, and its first line takes
  // all of it when the visible width up to there fits, compared as the layout compares
  // (units * size <= measure * 1000, with its 1e-6 tolerance). That width (clusters measured
  // in their base character's style, invisible ones and trailing spaces left out) is at
  // most the sum of every character's width in the one style, so when the sum fits, the
  // layout gives one line.
  if (m.one_line_when_fits &&
      static_cast<double>(m.one_line_units) * size_ <= width_pt * 1000.0 + 1e-6) {
    return 1;
  }
  text::LayoutOptions lo;
  lo.width_pt = width_pt;
  lo.size_pt = size_;
  lo.hanging = false;
  // Only the count: the same greedy walk as a layout, without building its lines (and
  // memoised by the paragraph for each width).
  if (!m.paragraph) m.paragraph.emplace(m.runs, *measurer_);
  return std::max(1, m.paragraph->count(lo).lines);
}

}  // namespace plandeck::render_xlsx
