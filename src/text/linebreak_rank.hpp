// Ranking of the break opportunities of linebreak.hpp: which legal break reads best.
//
// JLREQ (break_allowed) says where a line MAY break; the rank says where it SHOULD. The line
// filler takes the furthest fitting break of the best rank that fits at all, so a lower
// rank is used only when no better break fits the line:
//   kAuthorSpace   after a space the author typed between Japanese words (推進 アクション…)
//   kPhrase        an ICU phrase boundary (ワークスタイル|変革で|充実の|サービス|提供)
//   kScriptChange  inside a phrase, where the script changes (手続|の, を|廃止)
//   kInsideWord    inside a phrase within one script (手|続), or an ICU phrase boundary
//                  that cuts a compound at a one-kanji prefix or suffix (広島|県, デジタル|化)
//   kWholeWord     inside a katakana word (サービ|ス), between a number and its unit
//                  (4,500|人, 約|27,000), inside a unit ratio (回/|月) or at a space between
//                  two Latin words of a name (DX| Ship): only when the word alone is wider
//                  than the line
//   kNever         JLREQ forbids the break (only an emergency break may cut there)
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/linebreak.hpp"

namespace plandeck::text {

enum BreakRank : std::uint8_t {
  kNever = 0,
  kWholeWord = 1,
  kInsideWord = 2,
  kScriptChange = 3,
  kPhrase = 4,
  kAuthorSpace = 5,
};

// True for katakana that form a word together: full- and half-width katakana, ー, small
// katakana and the voiced marks (not ・ or ゠, which separate words).
bool is_katakana_letter(char32_t cp);

// Ranks of the breaks before clusters[j] (j = 0 .. clusters.size(); [0] is kNever and
// [size] is unused). `phrase_start[k]` (k = code point index into `text`, as given by
// PhraseBreaker::boundaries) marks ICU phrase starts; an empty vector means "no phrase
// information": every allowed break then ranks kPhrase, which is plain JLREQ breaking.
std::vector<std::uint8_t> rank_breaks(std::u32string_view text, const std::vector<Cluster>& clusters,
                                      const std::vector<unsigned char>& phrase_start);

// For tests and debugging: `text` with the rank digit (1-5) inserted at every allowed break,
// e.g. "サービス提供" -> "サ1ー…". Ranks as rank_breaks gives them.
std::u32string mark_ranks(std::u32string_view text, const std::vector<unsigned char>& phrase_start);

}  // namespace plandeck::text
