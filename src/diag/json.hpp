// Diagnostics as JSON, for scripts that run plandeck (`--format json`). One object per
// diagnostic:
//   {"file": "plan.yaml", "line": 14, "column": 5, "severity": "error",
//    "code": "unknown-key", "message": "未知のキー \"titel\"", "hint": "\"title\" ではありませんか"}
// line and column are null when the problem concerns the whole file; hint is null when
// there is none; severity is "error", "warning" or "note". The message and hint are in
// the chosen language.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace plandeck::diag {

// `s` as a JSON string literal, quotes included. Invalid UTF-8 is passed through byte for
// byte (plandeck's inputs are checked to be UTF-8 before they reach a message).
std::string json_string(std::string_view s);

std::string to_json(const Diagnostic& d, Lang lang);

// A JSON array of the diagnostics, one per line (indented by `indent` spaces).
std::string to_json(const Diagnostics& ds, Lang lang, int indent = 2);

}  // namespace plandeck::diag
