// Where things came from and what went wrong: source locations, bilingual messages,
// a collector, and the `file:line:col: error: ...` formatter with source line and caret.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace plandeck::diag {

// A position in an input file. line and col are 1-based; col counts Unicode code points
// (not bytes), so the caret lands under the right character in Japanese text.
// line == 0 means "the whole file" (e.g. the file cannot be read).
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
  bool known() const { return line > 0; }
};

// Users read Japanese; `--lang en` switches to English. Every message carries both.
struct Message {
  std::string ja;
  std::string en;
};

enum class Lang { Ja, En };
// A note informs (e.g. `check` listing the slides set below the deck's type scale): like a
// warning it never makes the exit code non-zero.
enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  Message message;
  std::optional<Message> hint;
  // A stable identifier for scripts (`--format json`), e.g. "yaml-quote-text". Most
  // diagnostics leave it empty and code_of() derives one from the English message.
  std::string code;

  // Constructors rather than an aggregate, so that `{severity, loc, message, hint}` keeps
  // compiling without naming the code (and without a missing-initializer warning).
  Diagnostic() = default;
  Diagnostic(Severity s, SourceLoc l, Message m, std::optional<Message> h = std::nullopt, std::string c = {})
      : severity(s), loc(std::move(l)), message(std::move(m)), hint(std::move(h)), code(std::move(c)) {}
};

// The diagnostic's code: its own when set, else derived from the wording of its English
// message without the quoted, parenthesised and numeric parts ("unknown key \"titel\"" ->
// "unknown-key"), so that the same kind of problem always has the same code.
std::string code_of(const Diagnostic& d);

// Collects every problem of a run so that all of them are reported together.
class Diagnostics {
 public:
  void error(SourceLoc loc, Message message, std::optional<Message> hint = std::nullopt);
  void warning(SourceLoc loc, Message message, std::optional<Message> hint = std::nullopt);
  void note(SourceLoc loc, Message message, std::optional<Message> hint = std::nullopt);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

class SourceMap;

// Formats one diagnostic:
//   data/plan.yaml:14:13: error: 未知のキー "titel"
//      14 |     titel: 概要
//         |     ^
//     hint: "title" ではありませんか
// The source line and caret are shown when the map knows the file and the location has a line.
// Text from the file (the message, the quoted line) is made printable (printable.hpp) and
// cut: a message never carries raw control characters or megabytes.
std::string format(const Diagnostic& d, Lang lang, const SourceMap* sources);

// At most this many diagnostics are printed; the rest are counted on one line.
inline constexpr std::size_t kMaxReported = 100;
// Every diagnostic, up to kMaxReported, then more_line() for the rest.
std::string format_all(const Diagnostics& ds, Lang lang, const SourceMap* sources);
// "…ほか N 件（表示は最初の 100 件まで）" / "… and N more (only the first 100 are shown)".
std::string more_line(std::size_t omitted, Lang lang);

// Picks the message text for a language.
const std::string& text(const Message& m, Lang lang);

// A size or distance in points for a message: one decimal at most, no trailing zeros
// ("12.5", "13"), the same way in every message that names one.
std::string points(double v);

}  // namespace plandeck::diag
