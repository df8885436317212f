// Shrink-to-fit for one text box (spec §7): several paragraphs (e.g. bullets) laid out
// together at the largest size on a 0.5 pt grid between max and min that fits.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/paragraph.hpp"
#include "text/phrase.hpp"

namespace plandeck::text {

class Measurer;

// One paragraph of the box. With a marker ("・", "○", "➤"), lines use a hanging indent:
// the marker sits at the indent and every line of the text (first and continuation)
// starts at indent + marker width + marker gap, so wrapped lines align under the text.
struct BoxParagraph {
  std::vector<StyledRun> runs;
  std::u32string marker;     // empty: no marker
  int marker_style = 0;
  double indent_pt = 0;      // left indent in points ...
  double indent_em = 0;      // ... plus this many em of the fitted size (nesting levels)
};

struct BoxSpec {
  double width_pt = 0;
  double height_pt = 0;
  double line_height = 1.25;      // line pitch = line_height * size
  double max_size = 12;
  double min_size = 8;
  double step = 0.5;              // sizes tried: max, max-step, ..., min
  double paragraph_spacing_em = 0;  // extra space between paragraphs, in em of the size
  double marker_gap_em = 0.25;    // space between a marker and its text, in em
  bool hanging = false;           // hanging punctuation (never in table cells)
  // Balancing (§7.3): when an LF-separated part's last line holds at most `balance_lonely`
  // clusters (closing brackets and 、。，． not counted), the part is broken again at the same
  // measure and line count so that its last line holds more (PreparedParagraph::balance:
  // lines stay as full as that allows, and no break of a worse rank than the greedy layout
  // used is created; lines before the last keeping `balance_floor` of their width are
  // preferred); if no layout gets there, the one that leaves the last line longest, else
  // the original. Line counts never change, so heights (and the size search) are exactly
  // those of an unbalanced layout. balance_step belonged to the former narrowing search
  // and is not used.
  bool balance = false;
  int balance_lonely = 2;
  double balance_step = 0.02;
  double balance_floor = 0.82;
};

struct PlacedLine {
  double x = 0;  // left edge of the text relative to the box
  double y = 0;  // top of the line box relative to the box top (line k: k * pitch + spacing)
  // The line, owned by its PlacedParagraph's `layout` (never null): the size searches copy
  // and keep many results, and sharing the laid-out lines makes that copy no text.
  const Line* line = nullptr;
};

// The number of LF-separated parts of `text` laid out in `lines` whose last line is lonely:
// the part takes two or more lines and its last line holds at most `max_clusters` clusters
// that are not closing brackets, spaces or 、。，． (e.g. "施", "る。", "手）").
int lonely_last_lines(const std::u32string& text, const std::vector<Line>& lines, int max_clusters);

struct PlacedParagraph {
  double marker_x = 0;        // where the marker is drawn (on the first line's y)
  double marker_width = 0;    // points
  std::u32string marker;      // as given (draw with Measurer::draw_char)
  int marker_style = 0;
  double text_x = 0;          // text column start = marker_x + marker width + gap
  std::vector<PlacedLine> lines;
  // What `lines` point into: the paragraph's layout (shared with the memo of its
  // PreparedParagraph and with copies of this result; immutable), or a single empty line.
  std::shared_ptr<const ParagraphLayout> layout;
};

struct FitResult {
  bool fitted = false;        // false: even min_size does not fit (caller reports an error)
  double size = 0;            // chosen size (min_size when !fitted)
  std::vector<PlacedParagraph> paragraphs;
  int line_count = 0;
  int forced_count = 0;       // emergency breaks at `size`
  int link_forced_count = 0;  // of those, breaks inside a URL or an e-mail address
  double height = 0;          // lines * line_height * size + spacing
  double overflow_height = 0; // max(0, height - height_pt)
};

// A box's paragraphs analysed once (PreparedParagraph each, plus the marker widths), to be
// laid out at several sizes or widths. layout_box/fit_box on a PreparedBox give exactly
// what they give on the paragraphs it was made from. Holds no reference to them.
// Prepared paragraphs by content (the runs' texts and styles), for one measurer: a layout
// that measures the same text at several sizes (shrink-to-fit of a whole slide) prepares it
// once. Not thread-safe: use one cache per thread (compose uses one per call). Paragraphs
// prepared here break phrase-aware (linebreak_rank.hpp): the cache owns the ICU phrase
// iterator, opened once per cache and reused for every paragraph; `phrases` = false gives
// plain JLREQ breaking (the spec's greedy lines) and opens no iterator.
class ParagraphCache {
 public:
  explicit ParagraphCache(const Measurer& measurer, bool phrases = true)
      : measurer_(measurer), phrases_(phrases ? std::make_unique<PhraseBreaker>() : nullptr) {}
  ParagraphCache(const ParagraphCache&) = delete;
  ParagraphCache& operator=(const ParagraphCache&) = delete;

  std::shared_ptr<const PreparedParagraph> get(const std::vector<StyledRun>& runs);
  const Measurer& measurer() const { return measurer_; }

 private:
  const Measurer& measurer_;
  std::unique_ptr<PhraseBreaker> phrases_;  // null: plain JLREQ breaking
  std::unordered_map<std::u32string, std::shared_ptr<const PreparedParagraph>> map_;
  std::u32string key_;  // reused between look-ups
};

class PreparedBox {
 public:
  PreparedBox() = default;
  PreparedBox(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer);
  PreparedBox(const std::vector<BoxParagraph>& paragraphs, ParagraphCache& cache);

  struct Paragraph {
    std::shared_ptr<const PreparedParagraph> text;  // never null
    std::u32string marker;
    int marker_style = 0;
    long marker_units = 0;  // the marker's advance, 1/1000 em
    double indent_pt = 0;
    double indent_em = 0;
  };
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }

 private:
  template <class Prepare>
  void add(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer, Prepare prepare);

  std::vector<Paragraph> paragraphs_;
};

// Height model (shared by search and drawing): lines * line_height * size, plus
// paragraph_spacing_em * size between consecutive paragraphs. A paragraph with no text
// still takes one line. A size fits when no line is forced and height <= height_pt.
FitResult fit_box(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                  const BoxSpec& box);

// Lays the box out at one given size (no search); `fitted` tells whether it fits.
FitResult layout_box(const std::vector<BoxParagraph>& paragraphs, const Measurer& measurer,
                     const BoxSpec& box, double size);
FitResult layout_box(const PreparedBox& box_text, const BoxSpec& box, double size);
FitResult fit_box(const PreparedBox& box_text, const BoxSpec& box);

// The line and forced-break counts and the height of layout_box(box_text, box, size) with
// balancing off (balancing never changes a line count, but it may remove a forced break),
// without building any line.
struct BoxCount {
  int line_count = 0;
  int forced_count = 0;
  int link_forced_count = 0;  // of forced_count, breaks inside a URL or an e-mail address
  double height = 0;
};
BoxCount count_box(const PreparedBox& box_text, const BoxSpec& box, double size);

// Where the automatic line breaks of that layout fall (linebreak_rank.hpp), for a caller
// that chooses the width (table columns): `inside_phrase` counts breaks inside an ICU
// phrase (ranks kInsideWord and kScriptChange: 手|続, 3年|間), `cut_words` breaks through a
// katakana word, a number and its unit or a name (kWholeWord: セキュリティインシ|デント), or
// emergency breaks. Greedy lines as count_box lays them (a balanced layout may move a break
// of its last lines, never to a worse rank than the greedy one used). Hard breaks (LF) and
// paragraph ends are not breaks. The counts are those of count_box's lines.
struct BreakTally {
  BoxCount count;
  int inside_phrase = 0;
  int cut_words = 0;
};
BreakTally tally_breaks(const PreparedBox& box_text, const BoxSpec& box, double size);

}  // namespace plandeck::text
