// YAML slips: text that YAML reads as something else because of its first character, and
// the quoted form that says what the author meant. A list item that begins with emphasis
// (`- **デジタル環境**の整備`) is an alias to YAML; `unit: %` is a syntax error; `- &nbsp;…`
// loses its first word to an anchor. Each is reported where it is written, with the value
// in quotes ready to paste.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace plandeck::input {

// The value written from the start of `rest` (the rest of a line) as an author would quote
// it: without a trailing comment (" #…") and trailing blanks; `in_flow` (inside { } or
// [ ]): up to the next , ] or }.
std::string written_value(std::string_view rest, bool in_flow = false);

// Whether `column` of `line` (a byte index) is inside a flow collection ({ } or [ ]) opened
// on the same line.
bool inside_flow(std::string_view line, std::size_t column);

// `value` in quotes, ready to paste into the plan: "…" unless it holds " or \ (then '…'
// with ' doubled, since single quotes have no escapes).
std::string quoted_form(std::string_view value);

// When `rest` (the rest of the line from where a value starts) begins with a character
// YAML reserves at the start of a plain value (* & % @ `), the error that explains it: at
// `loc`, naming the character, with the quoted form as the hint. nullopt otherwise.
std::optional<diag::Diagnostic> indicator_slip(std::string_view rest, const diag::SourceLoc& loc,
                                               bool in_flow = false);

// `- [参考] 資料` or `title: {注} 本文`: a text that starts with a bracket is read as a
// list or mapping, and the words after the closing bracket are a syntax error at
// `error_column` (a byte index in `line`). When that is what happened, the error that
// explains it, at `loc` moved to the bracket, with the quoted form.
std::optional<diag::Diagnostic> flow_text_slip(std::string_view line, std::size_t error_column,
                                               diag::SourceLoc loc);

// `effects: [用紙購入費▲2,310千円]` or `[AI,RPAの活用]`: inside [ ], YAML splits a text at
// every ASCII comma, so a figure's thousands separator or a list of words written with one
// makes two items. `previous` and `next` are neighbouring plain items of a flow list, and
// `comma` is the location of what separates them when it is a comma with nothing after it
// (the slip: a list meant as such is written "a, b"). The error, at the comma, with the
// text in quotes as the hint.
diag::Diagnostic flow_comma_slip(std::string_view previous, std::string_view next, const diag::SourceLoc& comma);

// Whether an anchor or alias name looks like one an author chose (ASCII letters, digits,
// - and _), rather than the beginning of a text.
bool plausible_anchor_name(std::string_view name);

}  // namespace plandeck::input
