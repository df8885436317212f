// Reading a finished PDF with independent tools (poppler-utils, qpdf), for the deck's
// acceptance tests. Nothing here uses plandeck's own PDF code: what the tests know about the
// deck is what a reader of the file can see.
//
// The pure parts (bbox parsing, text runs, the seed comparison, the kinsoku checker, a small
// JSON reader for qpdf --json) have no Catch2 dependency so that deck_test.cpp can test them
// on made-up input, which shows that each check can fail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace deck {

// ---- running the readers -------------------------------------------------------------------

// The absolute path of `name` on PATH, or "" when it is not installed.
std::string find_tool(const std::string& name);

// ---- text ----------------------------------------------------------------------------------

std::vector<char32_t> code_points(std::string_view utf8);
std::string utf8(char32_t c);

// Drops every kind of whitespace, U+3000 included: the deck wraps lines where the seed does
// not, so texts are compared without any.
std::string squeeze(std::string_view s);

// ---- pdftotext -bbox-layout ----------------------------------------------------------------

struct Word {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // top-left origin, points
  std::string text;
};
struct Line {
  std::vector<Word> words;
};
struct Page {
  double width = 0, height = 0;
  std::vector<Line> lines;
};
std::vector<Page> parse_bbox(const std::string& xhtml);

// One drawn line: pdftotext puts the cells of a table row on one <line>; a run is a piece of
// such a line between two gaps wider than half the text height (a space is about a third of
// it, the gap between two table cells twice the cell padding).
struct TextRun {
  int page = 0;  // 1-based
  std::vector<Word> words;
  std::string text() const;  // the words with one space between them
};
std::vector<TextRun> text_runs(const std::vector<Page>& pages);

// ---- the seed comparison -------------------------------------------------------------------

// Normalisation of a seed line (see deck_test.cpp for the full statement): the 目次's dot
// leader and page number are dropped, a leading ASCII section number I/II becomes Ⅰ/Ⅱ, the
// line is cut at tabs, HTML tags and before " ・", each piece loses its list markers
// (`- `, `・`, `○` at its start), `**` and all whitespace.
std::vector<std::string> seed_pieces(std::string_view line);

struct SeedComparison {
  int pieces = 0;                     // seed pieces looked for
  int found_whole = 0;                // found as one string in the deck's text
  int found_by_line = 0;              // found only line by line (a wrapped table cell)
  std::vector<std::string> missing;   // "seed line N: <piece>"
};
// `deck_text` is the text of the deck (pdftotext -raw); `runs` its drawn lines. A piece is
// found when its squeezed form is in the squeezed deck text; otherwise it is cut at the
// seed's own whitespace (where the original cell had its line breaks) and each part must be
// in the deck text or inside one drawn line.
SeedComparison compare_seed(const std::string& seed, const std::string& deck_text,
                            const std::vector<TextRun>& runs);

// ---- kinsoku -------------------------------------------------------------------------------

bool forbidden_at_line_start(char32_t c);
bool forbidden_at_line_end(char32_t c);

// Problems of line breaking in drawn lines. A run whose first word is a lone bullet (・ ○ ➤ …)
// drawn by the layout is read without it, and a 目次 dot leader (`・・・・ 14`) is skipped. A run that starts with a character forbidden at a
// line start is fine only when it starts a paragraph of the plan (`paragraphs`: every text
// split at its hard line breaks, squeezed): the `・` lines typed inside table cells.
std::vector<std::string> kinsoku_problems(const std::vector<TextRun>& runs,
                                          const std::vector<std::string>& paragraphs);

// Latin words and numbers of `texts` that line breaking must keep whole: maximal runs of
// ASCII letters and digits, joined by `,` `.` `/` between two of them (1,742/1,874, AI,RPA).
std::vector<std::string> latin_tokens(const std::string& text);

// ---- JSON (qpdf --json=2) ------------------------------------------------------------------

struct Json {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> items;          // Array
  std::vector<std::string> keys;    // Object, parallel to `values`
  std::vector<Json> values;

  const Json* find(const std::string& key) const;
  const Json& at(const std::string& key) const;  // throws std::runtime_error when missing
};
Json parse_json(const std::string& text);  // throws std::runtime_error on bad input

}  // namespace deck
