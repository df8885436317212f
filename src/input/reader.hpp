// Typed reading of a YAML tree (yaml_tree.hpp) with located, bilingual diagnostics.
// Shared by the plan loader and the layout loader. Every problem is reported and reading
// goes on, so that one run lists all of them; a function that cannot produce a value
// returns std::nullopt (after reporting why), never throws.
//
// Typical use, for a mapping `node` that must hold `title` and may hold `size`:
//
//   Reader r(file, diags);
//   MapReader m(r, node, "box", {"title", "size", "bold"});   // reports unknown keys
//   std::optional<model::RichText> title = m.rich_text("title", Need::Required);
//   std::optional<double> size = m.number("size");             // absent -> nullopt, no error
//   bool bold = m.boolean("bold").value_or(false);
//   if (auto items = m.list("items")) for (const Node* item : *items) { ... }
//
// Names in messages: pass the key ("title"); for an item of a list pass "key[]" (the
// messages then say "an item of "key"").
//
// What each reader accepts (anything else is an error at the node, with a hint):
//   string    any scalar, as written (plain `1` is the text "1"); null is "".
//             Need::Required: the key must be present and the text not blank.
//   rich_text like string, then `**…**` becomes strong runs, `\*` a literal `*`; an
//             unclosed `**` is an error at its position. Trailing newlines of block
//             scalars (`|`, `>`) are dropped.
//   boolean   plain `true` or `false` only (YAML 1.1 yes/no/on/off are errors).
//   number    a plain decimal: -?(0|[1-9][0-9]*)(.[0-9]+)?  — no `0123`, `1,000`, `1e3`,
//             no quotes. decimal() also returns how many decimals were written.
//   integer   a plain -?(0|[1-9][0-9]*).
//   list      a sequence (null counts as an empty list).
//   choice    a string that must be one of a fixed set (unknown -> "did you mean").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "input/yaml_tree.hpp"
#include "model/plan.hpp"

namespace plandeck::input {

enum class Need { Optional, Required };

// A number as written in the file: `4.30` is {4.3, 2, "4.30"}.
struct Decimal {
  double value = 0;
  int decimals = 0;
  std::string literal;
};

class Reader {
 public:
  Reader(const YamlFile& file, diag::Diagnostics& diags) : file_(file), diags_(diags) {}

  const YamlFile& file() const { return file_; }
  diag::Diagnostics& diags() const { return diags_; }
  void error(const diag::SourceLoc& at, diag::Message message,
             std::optional<diag::Message> hint = std::nullopt) const;

  // `need` only matters for text: Required rejects a blank value. (Whether a key must be
  // present is MapReader's business.)
  std::optional<std::string> string(const Node& node, std::string_view name,
                                    Need need = Need::Optional) const;
  std::optional<model::RichText> rich_text(const Node& node, std::string_view name,
                                           Need need = Need::Optional) const;
  std::optional<bool> boolean(const Node& node, std::string_view name) const;
  std::optional<Decimal> decimal(const Node& node, std::string_view name) const;
  std::optional<double> number(const Node& node, std::string_view name) const;
  std::optional<long long> integer(const Node& node, std::string_view name) const;
  std::optional<std::vector<const Node*>> list(const Node& node, std::string_view name) const;
  std::optional<std::string> choice(const Node& node, std::string_view name,
                                    const std::vector<std::string_view>& choices) const;

  // Reports "`name` must be <expected>, not <what node is>" at the node. `expected` is
  // e.g. {"テキスト", "a text"}. When the node is a list or mapping written on one line
  // (`- [参考資料]`), the hint shows the text in quotes: YAML read the brackets as structure.
  void wrong_type(const Node& node, std::string_view name, const diag::Message& expected) const;

 private:
  // The file's line index, made on first use (most files have no error to locate).
  const diag::LineIndex& lines() const;

  const YamlFile& file_;
  diag::Diagnostics& diags_;
  mutable std::optional<diag::LineIndex> lines_;
};

// A mapping read against the set of keys it may have. Construction reports, at each
// offending key: a node that is not a mapping, keys that are not plain text, and unknown
// keys (with a "did you mean" hint, or the list of allowed keys). Duplicate keys were
// already reported by the tree; the first occurrence wins here.
// When the node is not a mapping, valid() is false and every getter returns nullopt /
// nullptr without further errors.
class MapReader {
 public:
  MapReader(const Reader& reader, const Node& node, std::string_view name,
            std::vector<std::string_view> allowed);

  bool valid() const { return valid_; }
  const Node& node() const { return node_; }
  const diag::SourceLoc& loc() const { return node_.loc; }

  // The value under `key`, or nullptr when absent.
  const Node* get(std::string_view key) const;
  // Like get(), but a missing key is an error at this mapping's location.
  const Node* require(std::string_view key) const;
  const Node* get(std::string_view key, Need need) const {
    return need == Need::Required ? require(key) : get(key);
  }

  // Typed values under `key`. Absent + Need::Optional -> nullopt without an error.
  std::optional<std::string> string(std::string_view key, Need need = Need::Optional) const;
  std::optional<model::RichText> rich_text(std::string_view key, Need need = Need::Optional) const;
  std::optional<bool> boolean(std::string_view key, Need need = Need::Optional) const;
  std::optional<Decimal> decimal(std::string_view key, Need need = Need::Optional) const;
  std::optional<double> number(std::string_view key, Need need = Need::Optional) const;
  std::optional<long long> integer(std::string_view key, Need need = Need::Optional) const;
  std::optional<std::vector<const Node*>> list(std::string_view key, Need need = Need::Optional) const;
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string_view>& choices,
                                    Need need = Need::Optional) const;

 private:
  const Reader& reader_;
  const Node& node_;
  std::string name_;
  bool valid_ = false;
};

// Edit distance with adjacent transpositions ("titel" -> "title" is 1), in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

// Splits `text` into runs at `**` (see rich_text above). On an unclosed `**`, returns
// nullopt and sets `bad_index` to the index in `text` where it starts.
std::optional<std::vector<model::Run>> parse_markup(std::string_view text, std::size_t& bad_index);

}  // namespace plandeck::input
