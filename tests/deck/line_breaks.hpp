// Where the deck's text wraps, judged from the drawn lines (pdftotext -bbox-layout) against
// the plan's own paragraphs: katakana words cut across lines, numbers cut from their unit,
// breaks inside a phrase (phrases computed by the test from the source text, not taken from
// plandeck), and paragraphs ending in a line of one or two characters.
//
// Pure (no Catch2, no ICU): the phrase boundaries come in through a function, so the checks
// can be shown to fail on made-up input.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pdf_readers.hpp"

namespace deck {

// phrase_starts(text)[k] (k = 0 .. text.size()) is true when a phrase starts at code point k.
using PhraseStarts = std::function<std::vector<bool>(const std::u32string&)>;

struct WrapAudit {
  int breaks = 0;                             // automatic breaks found (inside a paragraph)
  std::vector<std::string> inside_phrase;     // "page N: 前半|後半" for each break inside a phrase
  std::vector<std::string> katakana_cut;      // サービ|ス
  std::vector<std::string> unit_cut;          // 4,500|人, 約|27,000, ＋|12.4
  std::vector<std::string> lonely_last_line;  // paragraphs whose last line has 1-2 characters
  std::vector<std::string> all;               // every break found, for the log
};

// Two drawn lines are consecutive lines of one paragraph when they are on the same page,
// the second starts one line pitch below the first (0.9-1.9 x the text height), their left
// edges (or, for centred text, their centres) agree within 1 pt, their heights within 20 %,
// and the squeezed text of the first followed by that of the second occurs in one of
// `paragraphs` (the plan's texts split at hard line breaks, whitespace kept). A lone bullet
// word at the start of a line is not part of its text.
//
// A katakana cut is excused when the line before it is katakana only (the word alone is
// wider than the line); a lonely last line when the line before it is one word no break may
// cut (katakana, maybe led by Latin letters: AIチャットボット / 導入), since no layout at that
// width avoids it without cutting the word.
WrapAudit audit_wraps(const std::vector<TextRun>& runs, const std::vector<std::u32string>& paragraphs,
                      const PhraseStarts& phrase_starts);

bool is_katakana_letter(char32_t c);

}  // namespace deck
