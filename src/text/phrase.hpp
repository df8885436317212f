// Japanese phrase boundaries (bunsetsu-like units) from ICU 72's phrase-based line breaking
// (`ja@lw=phrase`). Line breaking uses them as a preference only: the JLREQ rules of
// linebreak.hpp decide what is allowed, phrases decide which allowed break reads best.
//
// This header and phrase.cpp are the only place in plandeck that knows ICU.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

namespace plandeck::text {

class PhraseBreaker {
 public:
  // Opens the ICU iterator once, on first use. Opening it costs far more than using it
  // (ICU reads its rules and dictionary then), so one breaker serves every paragraph; it lives in the
  // object that prepares paragraphs (ParagraphCache) rather than in a global, which keeps
  // layout free of process-wide state and lets each thread own its own breaker (an ICU
  // iterator is not thread-safe). When ICU cannot open it (no data), available() is false
  // and every position counts as a phrase boundary, i.e. plain JLREQ breaking.
  PhraseBreaker();
  ~PhraseBreaker();
  PhraseBreaker(const PhraseBreaker&) = delete;
  PhraseBreaker& operator=(const PhraseBreaker&) = delete;

  bool available();

  // out[k] (k = 0 .. text.size()) is 1 when a phrase starts at code point k, i.e. ICU offers
  // a phrase-level line break before text[k]; out[0] and out[text.size()] are 1. ICU works in
  // UTF-16 units: its offsets are mapped back to code point positions here.
  void boundaries(std::u32string_view text, std::vector<unsigned char>& out);

 private:
  void open();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plandeck::text
