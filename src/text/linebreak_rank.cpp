#include "text/linebreak_rank.hpp"

namespace plandeck::text {

namespace {

using C = BreakClass;

bool is_space(C c) { return c == C::SP || c == C::ISP; }
bool is_latin(C c) { return c == C::AL || c == C::NU; }

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3005 || cp == 0x3006 || cp == 0x3007;
}
bool is_hiragana(char32_t cp) { return cp >= 0x3041 && cp <= 0x309F; }

// A letter a number unit can be made of: kanji, kana (件, 人, 回, 時間, 手続, か所, ページ).
bool is_unit_letter(char32_t cp) { return is_han(cp) || is_hiragana(cp) || is_katakana_letter(cp); }

// Kanji that prefix a number and read with it as one word (約27,000, 第1回, 令和5, 計3件).
bool is_number_prefix(char32_t cp) {
  switch (cp) {
    case U'約': case U'第': case U'計': case U'毎': case U'各': case U'全': case U'総':
    case U'延': case U'概': case U'和': case U'成': case U'暦': case U'最':
      return true;
    default:
      return false;
  }
}

// Script of a cluster for "is this a word edge inside a phrase": kanji, hiragana,
// katakana, Latin letters and digits, and everything else (punctuation, symbols).
enum class Script { Han, Hiragana, Katakana, Latin, Other };
Script script_of(const Cluster& c) {
  if (is_han(c.base)) return Script::Han;
  if (is_katakana_letter(c.base)) return Script::Katakana;
  if (is_hiragana(c.base)) return Script::Hiragana;
  if (is_latin(c.cls)) return Script::Latin;
  return Script::Other;
}

// ICU 72's dictionary sometimes makes one kanji a phrase of its own, or starts a phrase with
// a one-kanji suffix: 広島|県, デジタル|化, 業務効率|化に, 利|活用. A break there cuts a
// compound word, so such a phrase boundary before code point k counts as inside a word:
// - a suffix: text[k] is a lone kanji (the next is not a kanji, or ends its phrase) after a
//   kanji or katakana stem;
// - a prefix: text[k-1] is a phrase of one kanji after neither a kanji nor katakana (so not
//   itself a suffix), before a kanji or katakana.
bool splits_compound(std::u32string_view text, std::size_t k, const std::vector<unsigned char>& phrase_start) {
  if (k == 0 || k >= text.size()) return false;
  const char32_t before = text[k - 1], at = text[k];
  const bool stem_before = is_han(before) || is_katakana_letter(before);
  const bool lone_at = k + 1 == text.size() || phrase_start[k + 1] || !is_han(text[k + 1]);
  if (is_han(at) && stem_before && lone_at) return true;
  const bool lone_before =
      phrase_start[k - 1] && (k < 2 || !(is_han(text[k - 2]) || is_katakana_letter(text[k - 2])));
  return is_han(before) && lone_before && (is_han(at) || is_katakana_letter(at));
}

// Inside a phrase, where the script changes: a word edge (手続|の, を|廃止, デジタル|の)
// unless kanji or katakana go on in hiragana that is not a particle (okurigana: 見直|し,
// 基本的|な) or a one-kanji suffix follows (デジタル|化).
bool is_particle(char32_t cp) {
  switch (cp) {
    case U'の': case U'を': case U'に': case U'が': case U'は': case U'で': case U'と':
    case U'へ': case U'も': case U'や':
      return true;
    default:
      return false;
  }
}

bool word_edge_in_phrase(std::u32string_view text, const Cluster& a, const Cluster& b,
                         const std::vector<unsigned char>& phrase_start) {
  const Script sa = script_of(a), sb = script_of(b);
  if (sa == sb) return false;
  if ((sa == Script::Han || sa == Script::Katakana) && sb == Script::Hiragana) return is_particle(b.base);
  return !splits_compound(text, b.begin, phrase_start);
}

// The rank of an allowed break before clusters[j] (1 <= j < size), phrases known.
BreakRank rank_allowed(std::u32string_view text, const std::vector<Cluster>& cl, std::size_t j,
                       const std::vector<unsigned char>& phrase_start) {
  const Cluster& a = cl[j - 1];
  const Cluster& b = cl[j];
  if (is_space(a.cls)) {
    std::size_t p = j - 1;  // the cluster before the run of spaces
    while (p > 0 && is_space(cl[p].cls)) --p;
    if (is_space(cl[p].cls)) return kPhrase;  // spaces at the start of the paragraph
    // A space between two Latin words belongs to a name or a phrase (DX Ship, Digital
    // Transformation): break there only when nothing else fits.
    if (is_latin(cl[p].cls) && is_latin(b.cls)) return kWholeWord;
    return kAuthorSpace;
  }
  // The last code point of A (a base or its combining mark) decides for A's side.
  const char32_t a_last = text[a.end - 1];
  if (is_katakana_letter(a_last) && is_katakana_letter(b.base)) return kWholeWord;
  if (a.cls == C::NU && b.cls == C::ID && is_unit_letter(b.base)) return kWholeWord;
  if (b.cls == C::NU && is_number_prefix(a_last)) return kWholeWord;
  if (a.cls == C::SY && j >= 2 && is_unit_letter(cl[j - 2].base) && is_unit_letter(b.base))
    return kWholeWord;  // 回/月, 件／月
  if (phrase_start[b.begin]) return splits_compound(text, b.begin, phrase_start) ? kInsideWord : kPhrase;
  return word_edge_in_phrase(text, a, b, phrase_start) ? kScriptChange : kInsideWord;
}

}  // namespace

bool is_katakana_letter(char32_t cp) {
  return (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF) ||
         (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F) || cp == 0x309B ||
         cp == 0x309C;
}

std::vector<std::uint8_t> rank_breaks(std::u32string_view text, const std::vector<Cluster>& clusters,
                                      const std::vector<unsigned char>& phrase_start) {
  std::vector<std::uint8_t> rank(clusters.size() + 1, kNever);
  const bool phrases = phrase_start.size() == text.size() + 1;
  for (std::size_t j = 1; j < clusters.size(); ++j) {
    if (clusters[j - 1].cls == C::BK || clusters[j].cls == C::BK) continue;  // paragraph edges
    if (!break_allowed(clusters, j)) continue;
    rank[j] = phrases ? rank_allowed(text, clusters, j, phrase_start) : kPhrase;
  }
  return rank;
}

std::u32string mark_ranks(std::u32string_view text, const std::vector<unsigned char>& phrase_start) {
  const std::vector<Cluster> clusters = make_clusters(text);
  const std::vector<std::uint8_t> rank = rank_breaks(text, clusters, phrase_start);
  std::u32string out;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    if (i > 0 && rank[i] != kNever) out.push_back(U'0' + rank[i]);
    out.append(text.substr(clusters[i].begin, clusters[i].end - clusters[i].begin));
  }
  return out;
}

}  // namespace plandeck::text
