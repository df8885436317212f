#include "text/phrase.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace plandeck::text {

struct PhraseBreaker::Impl {
  bool opened = false;
  std::unique_ptr<icu::BreakIterator> iterator;  // null after opening: ICU has no data
  icu::UnicodeString utf16;             // reused between calls
  std::vector<std::size_t> code_point;  // UTF-16 offset -> code point index
};

PhraseBreaker::PhraseBreaker() : impl_(std::make_unique<Impl>()) {}

PhraseBreaker::~PhraseBreaker() = default;

void PhraseBreaker::open() {
  if (impl_->opened) return;
  impl_->opened = true;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale("ja@lw=phrase"), status));
  if (U_SUCCESS(status) && it) impl_->iterator = std::move(it);
}

bool PhraseBreaker::available() {
  open();
  return impl_->iterator != nullptr;
}

void PhraseBreaker::boundaries(std::u32string_view text, std::vector<unsigned char>& out) {
  open();
  out.assign(text.size() + 1, 0);
  out[0] = 1;
  out[text.size()] = 1;
  if (!impl_->iterator) {
    out.assign(text.size() + 1, 1);
    return;
  }
  icu::UnicodeString& u = impl_->utf16;
  std::vector<std::size_t>& cp = impl_->code_point;
  u.remove();
  cp.clear();
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char32_t c = text[k];
    // Not a code point (a surrogate or beyond U+10FFFF cannot come out of utf8::decode, but
    // the breaker must not depend on that): U+FFFD keeps one unit per position.
    const UChar32 c32 = (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) ? 0xFFFD : static_cast<UChar32>(c);
    const int32_t before = u.length();
    u.append(c32);
    for (int32_t unit = before; unit < u.length(); ++unit) cp.push_back(k);
  }
  cp.push_back(text.size());
  icu::BreakIterator& it = *impl_->iterator;
  it.setText(u);
  for (int32_t p = it.first(); p != icu::BreakIterator::DONE; p = it.next()) {
    const auto unit = static_cast<std::size_t>(p);
    // A break offset inside a surrogate pair cannot happen; guard anyway.
    if (unit < cp.size() && (unit == 0 || cp[unit] != cp[unit - 1])) out[cp[unit]] = 1;
  }
}

}  // namespace plandeck::text
