// Text from an input file shown in a message. A plan can hold anything: ESC or BEL would act
// on the user's terminal, U+202E would reverse what follows it, a NUL would end the message
// for some readers, and a key of megabytes would flood the screen. So plan text that goes
// into a message is made visible and short first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plandeck::diag {

// True for a code point that is never shown raw in a message: C0 controls (tab and line
// feed included), DEL, C1 controls, the bidirectional formatting characters (U+061C,
// U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and noncharacters (U+FDD0-U+FDEF and every
// U+xxFFFE / U+xxFFFF).
bool is_unprintable(char32_t cp);

struct PrintableOptions {
  std::size_t max_chars = 0;  // cut to this many code points, with "…" (0 = no limit)
  bool keep_line_feeds = false;
  bool keep_tabs = false;
};

// `text` with every unprintable code point written as <U+001B> and every byte that is not
// valid UTF-8 as <0xE9>, cut as asked.
std::string printable(std::string_view text, const PrintableOptions& options = {});

// A value from a plan quoted for a message: "\"" + printable(value, 64 chars) + "\"".
std::string quote(std::string_view value, std::size_t max_chars = 64);

}  // namespace plandeck::diag
