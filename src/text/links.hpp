// Runs of text that are URLs or e-mail addresses (https://docs.google.com/forms/…,
// www.pref.hiroshima.lg.jp, dx@pref.hiroshima.lg.jp). The line breaker treats them as
// ordinary Latin text (spec §5.5: breaks only after `/` before a letter), so a host or a
// form id wider than a narrow box gets an emergency break. Such a break is expected and
// harmless in an address (the reader joins the parts), unlike one through an ordinary word:
// callers use these marks to tell the two apart (PreparedParagraph::cut_in_link).
#pragma once

#include <string_view>
#include <vector>

namespace plandeck::text {

// One flag per code point of `text`: 1 inside a URL or an e-mail address. A candidate is a
// maximal run of printable ASCII (U+0021-U+007E; a space or any other character ends it)
// that holds a scheme ("https://": letters right before "://"), starts with "www." (or has
// it after a non-alphanumeric character, e.g. "(www."), or holds local@domain (an
// alphanumeric on each side of the @ and a '.' followed by an alphanumeric after it). The
// whole run is marked. Empty when the text holds none (the usual case).
std::vector<unsigned char> link_marks(std::u32string_view text);

}  // namespace plandeck::text
