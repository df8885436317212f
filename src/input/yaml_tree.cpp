#include "input/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include "diag/printable.hpp"
#include "input/slips.hpp"
#include "text/utf8.hpp"

namespace plandeck::input {

using diag::Message;
using diag::SourceLoc;

const Node* Node::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key->kind == NodeKind::Scalar && e.key->value == key) return e.value.get();
  }
  return nullptr;
}

Message kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null: return {"空の値", "an empty value"};
    case NodeKind::Scalar: return {"テキスト", "a text"};
    case NodeKind::Sequence: return {"リスト", "a list"};
    case NodeKind::Mapping: return {"マッピング", "a mapping"};
  }
  return {};
}

namespace {

std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// yaml-cpp marks to locations, through diag::LineIndex: the location of each of many nodes
// costs a binary search and one block of bytes, even on a line of megabytes.
class LineIndex {
 public:
  // `index` is the source map's index of the same text (not built a second time).
  LineIndex(const std::string& file, std::string_view text, const diag::LineIndex& index)
      : file_(file), text_(text), index_(index) {}

  // Byte offset of a yaml-cpp mark (0-based line, 0-based byte column).
  std::size_t offset(const YAML::Mark& mark) const {
    if (mark.line < 0) return text_.size();
    auto line = static_cast<std::size_t>(mark.line);
    if (line >= index_.line_count()) return text_.size();
    return std::min(text_.size(), index_.line_start(line) + static_cast<std::size_t>(std::max(mark.column, 0)));
  }

  // 1-based line, code-point column.
  SourceLoc at(std::size_t offset) const { return index_.locate(file_, offset); }

  SourceLoc at(const YAML::Mark& mark) const {
    if (mark.is_null()) return SourceLoc{file_, 0, 0};
    return at(offset(mark));
  }

  // The rest of the line from `offset`, without its line end.
  std::string_view rest_of_line(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    std::size_t end = text_.find('\n', offset);
    std::string_view rest = text_.substr(offset, end == std::string_view::npos ? std::string_view::npos : end - offset);
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    return rest;
  }

  // Line `line0` (0-based) without its line end; empty past the end.
  std::string_view line_text(std::size_t line0) const {
    return line0 < index_.line_count() ? rest_of_line(index_.line_start(line0)) : std::string_view();
  }

  // The first tab in the indentation of lines [0, last_line], if any.
  std::optional<std::size_t> indentation_tab(std::size_t last_line) const {
    for (std::size_t l = 0; l < index_.line_count() && l <= last_line; ++l) {
      for (std::size_t i = index_.line_start(l); i < text_.size(); ++i) {
        if (text_[i] == '\t') return i;
        if (text_[i] != ' ') break;
      }
    }
    return std::nullopt;
  }

 private:
  const std::string& file_;
  std::string_view text_;
  const diag::LineIndex& index_;
};

// Stops the parse: a problem after which the tree cannot be trusted.
struct Fatal {
  SourceLoc loc;
  Message message;
  std::optional<Message> hint;
};

// Thrown by the document probe when a second document starts.
struct SecondDocument {
  YAML::Mark mark;
};

// Skips node properties (&anchor, !tag) and the blanks after them.
std::size_t skip_properties(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == '&' || text[pos] == '!')) {
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\n' &&
           text[pos] != '\r' && text[pos] != ',' && text[pos] != ']' && text[pos] != '}') {
      ++pos;
    }
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r')) {
      ++pos;
    }
  }
  return pos;
}

// Whether the quoted scalar opening at `open` has its closing quote. yaml-cpp 0.7 silently
// takes everything up to the end of the file as the scalar's text when it has not.
bool quote_closed(std::string_view text, std::size_t open) {
  char q = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;  // the escaped character, whatever it is
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, std::string_view text, const LineIndex& lines,
              const YamlLimits& limits, std::vector<diag::Diagnostic>& problems)
      : file_(file), text_(text), lines_(lines), limits_(limits), problems_(problems) {}

  NodePtr root() const { return root_; }
  bool started() const { return started_; }

  void OnDocumentStart(const YAML::Mark&) override { started_ = true; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor != YAML::NullAnchor) check_anchor_slip(lines_.offset(mark));
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Null;
    // yaml-cpp marks an empty value at the token after it; an empty mapping value is
    // better shown at its key.
    std::size_t at = skip_properties(text_, lines_.offset(mark));
    bool written = false;
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      std::size_t end = at + word.size();
      written = written || (text_.compare(at, word.size(), word) == 0 &&
                            (end >= text_.size() || std::string_view(" \t\r\n,]}#").find(text_[end]) != std::string_view::npos));
    }
    if (!written && !stack_.empty() && stack_.back().have_key) {
      at = stack_.back().key->offset;
    }
    place(*node, at);
    count(1, node->loc);
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    SourceLoc loc = lines_.at(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw Fatal{loc, {"未定義のアンカーを参照しています", "the alias refers to an undefined anchor"},
                  Message{"*名前 より前に &名前 でアンカーを定義してください",
                          "define the anchor with &name before using *name"}};
    }
    count(it->second->expanded_size, loc);
    add(it->second, YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (anchor != YAML::NullAnchor) check_anchor_slip(lines_.offset(mark));
    if (!tag.empty() && tag != "?") check_tag_slip(lines_.offset(mark));
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Scalar;
    node->value = value;
    std::size_t at = skip_properties(text_, lines_.offset(mark));
    place(*node, at);
    if (at < text_.size()) {
      switch (text_[at]) {
        case '"': node->style = ScalarStyle::DoubleQuoted; break;
        case '\'': node->style = ScalarStyle::SingleQuoted; break;
        case '|': node->style = ScalarStyle::Literal; break;
        case '>': node->style = ScalarStyle::Folded; break;
        default: break;
      }
    }
    if (tag != "?" && !(tag == "!" && node->style != ScalarStyle::Plain)) node->tag = tag;
    if ((node->style == ScalarStyle::DoubleQuoted || node->style == ScalarStyle::SingleQuoted) &&
        !quote_closed(text_, at)) {
      bool dq = node->style == ScalarStyle::DoubleQuoted;
      std::string q = dq ? "\"" : "'";
      throw Fatal{node->loc,
                  {std::string(dq ? "二重引用符" : "一重引用符") + " " + q + " が閉じられていません",
                   std::string("unclosed ") + (dq ? "double" : "single") + " quote " + q},
                  Message{"文字列の終わりに " + q + " を書いてください（このままではファイルの終わりまでが一つの文字列になります）",
                          "end the text with " + q + " (as it is, the rest of the file becomes one string)"}};
    }
    count(1, node->loc);
    add(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(NodeKind::Sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(NodeKind::Mapping, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::shared_ptr<Node> node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    NodePtr key;
    bool have_key = false;
  };

  void place(Node& node, std::size_t offset) const {
    node.offset = offset;
    node.loc = lines_.at(offset);
  }

  void count(std::size_t nodes, const SourceLoc& loc) {
    total_ += nodes;
    if (total_ > limits_.max_nodes) {
      throw Fatal{loc,
                  {"ノードが多すぎます（エイリアスを展開して " + grouped(limits_.max_nodes) + " 個まで）",
                   "too many nodes (at most " + grouped(limits_.max_nodes) + " with aliases expanded)"},
                  Message{"エイリアス（*名前）で大きなブロックを何重にも繰り返していないか確認してください",
                          "check for aliases (*name) that repeat large blocks many times over"}};
    }
  }

  void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    auto node = std::make_shared<Node>();
    node->kind = kind;
    if (tag != "?" && tag != "!") node->tag = tag;
    place(*node, lines_.offset(mark));
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      std::string depth = std::to_string(limits_.max_depth);
      throw Fatal{node->loc,
                  {"入れ子が深すぎます（" + depth + " 段まで）", "nesting too deep (at most " + depth + " levels)"},
                  std::nullopt};
    }
    count(1, node->loc);
    stack_.push_back(Frame{std::move(node), anchor, nullptr, false});
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Node& node = *frame.node;
    for (const auto& item : node.items) node.expanded_size += item->expanded_size;
    for (const auto& e : node.entries) node.expanded_size += e.key->expanded_size + e.value->expanded_size;
    if (frame.have_key) {  // cannot happen with yaml-cpp's events; keep the key anyway
      node.entries.push_back(Entry{frame.key, std::make_shared<Node>()});
    }
    if (node.kind == NodeKind::Mapping) check_duplicates(node);
    add(std::move(frame.node), frame.anchor);
  }

  void add(NodePtr node, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = node;
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node->kind == NodeKind::Sequence) {
      parent.node->items.push_back(std::move(node));
    } else if (!parent.have_key) {
      parent.key = std::move(node);
      parent.have_key = true;
    } else {
      parent.node->entries.push_back(Entry{std::move(parent.key), std::move(node)});
      parent.have_key = false;
    }
  }

  void check_duplicates(const Node& map) {
    std::unordered_map<std::string_view, const Node*> first;  // views keys of `map`
    for (const auto& e : map.entries) {
      if (e.key->kind != NodeKind::Scalar) continue;
      auto [it, inserted] = first.emplace(e.key->value, e.key.get());
      if (inserted) continue;
      std::string line = std::to_string(it->second->loc.line);
      problems_.push_back({diag::Severity::Error, e.key->loc,
                           {"キー " + diag::quote(e.key->value) + " が重複しています（最初は " + line + " 行目）",
                            "duplicate key " + diag::quote(e.key->value) + " (first on line " + line + ")"},
                           Message{"同じマッピングに同じキーは一度だけ書けます。どちらか一方を消してください",
                                   "a key may appear only once in a mapping; remove one of them"}});
    }
  }

  // `- &nbsp;テキスト`: YAML takes "&nbsp;テキスト" as an anchor name and the text is lost. An
  // anchor named like text (not ASCII letters, digits, - and _) on a text is that slip.
  void check_anchor_slip(std::size_t at) {
    if (at >= text_.size() || text_[at] != '&') return;
    std::size_t end = property_end(at);
    if (plausible_anchor_name(text_.substr(at + 1, end - at - 1))) return;
    slip_at(at, lines_.rest_of_line(at));
  }

  // `- !重要 職員の働き方`: YAML takes "!重要" as a tag, which plandeck has no use for, and
  // the words vanish from the text. A local tag (one "!") on a text is that slip.
  void check_tag_slip(std::size_t at) {
    if (at < text_.size() && text_[at] == '&') {  // an anchor before the tag
      at = property_end(at);
      while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    }
    if (at + 1 >= text_.size() || text_[at] != '!' || text_[at + 1] == '!') return;
    slip_at(at, lines_.rest_of_line(at));
  }

  // The end of the node property (&anchor, !tag) starting at `at`. Only the property is
  // read, so that a file of many anchors costs time in proportion to its size.
  std::size_t property_end(std::size_t at) const {
    std::size_t i = at + 1;
    while (i < text_.size() && std::string_view(" \t\r\n,[]{}").find(text_[i]) == std::string_view::npos) ++i;
    return i;
  }

  void slip_at(std::size_t at, std::string_view rest) {
    std::size_t line_start = text_.rfind('\n', at);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    bool flow = inside_flow(text_.substr(line_start, at - line_start), at - line_start);
    // Fatal: the rest of the text is gone, and what YAML made of it (an empty value, a
    // stray word) would only give confusing follow-up errors.
    if (auto slip = indicator_slip(rest, lines_.at(at), flow)) throw Fatal{slip->loc, slip->message, slip->hint};
  }

  const std::string& file_;
  std::string_view text_;
  const LineIndex& lines_;
  const YamlLimits& limits_;
  std::vector<diag::Diagnostic>& problems_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, NodePtr> anchors_;
  NodePtr root_;
  std::size_t total_ = 0;
  bool started_ = false;
};

// Stops at the start of a second document.
class DocumentProbe : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { throw SecondDocument{mark}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// yaml-cpp's syntax errors, in the user's words.
diag::Diagnostic syntax_error(const YAML::ParserException& e, const LineIndex& lines, std::string_view text) {
  diag::Diagnostic d;
  d.loc = lines.at(e.mark);
  const std::string& msg = e.msg;
  // A value that starts with a character YAML reserves (* & % @ `): say so, with the quoted
  // form. A plausible alias name (*columns) that is undefined is a real alias, reported below.
  if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR || msg == YAML::ErrorMsg::ALIAS_NOT_FOUND ||
      msg == YAML::ErrorMsg::ANCHOR_NOT_FOUND || msg == YAML::ErrorMsg::UNKNOWN_TOKEN ||
      starts_with(msg, YAML::ErrorMsg::CHAR_IN_ALIAS) || starts_with(msg, YAML::ErrorMsg::CHAR_IN_ANCHOR)) {
    std::size_t at = lines.offset(e.mark);
    // "alias not found after *" is marked after the indicator.
    if (at > 0 && at <= text.size() && (text[at - 1] == '*' || text[at - 1] == '&') &&
        (msg == YAML::ErrorMsg::ALIAS_NOT_FOUND || msg == YAML::ErrorMsg::ANCHOR_NOT_FOUND)) {
      --at;
    }
    std::string_view rest = lines.rest_of_line(at);
    std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    line_start = line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1;
    bool flow = inside_flow(text.substr(line_start, at - line_start), at - line_start);
    std::size_t end = rest.find_first_of(" \t,[]{}", 1);
    std::string_view name = rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
    bool real_alias = msg == YAML::ErrorMsg::UNKNOWN_ANCHOR && plausible_anchor_name(name);
    if (!real_alias) {
      if (auto slip = indicator_slip(rest, lines.at(at), flow)) return *slip;
    }
  }
  if (msg == YAML::ErrorMsg::MAP_VALUE) {
    d.message = {"ここに \"キー: 値\" の \":\" は書けません", "a \"key: value\" colon is not allowed here"};
    d.hint = Message{"値の中に \": \" があるときは値全体を引用符で囲んでください。インデントのずれも確かめてください",
                     "quote a value that contains \": \", and check the indentation"};
  } else if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
    d.message = {"\"[\" で始まるリストが \"]\" で閉じられていません", "a list opened with \"[\" is not closed with \"]\""};
  } else if (msg == YAML::ErrorMsg::END_OF_MAP_FLOW) {
    d.message = {"\"{\" で始まるマッピングが \"}\" で閉じられていません", "a mapping opened with \"{\" is not closed with \"}\""};
  } else if (msg == YAML::ErrorMsg::END_OF_MAP || msg == YAML::ErrorMsg::END_OF_SEQ) {
    // `- [参考] 資料`: the words after a closing bracket end the block.
    if (e.mark.line >= 0) {
      std::string_view line = lines.line_text(static_cast<std::size_t>(e.mark.line));
      auto slip = flow_text_slip(line, static_cast<std::size_t>(std::max(e.mark.column, 0)), d.loc);
      if (slip) return *slip;
    }
    d.message = {"ブロックの終わりが正しくありません", "a block does not end properly"};
    d.hint = Message{"インデントを確かめてください", "check the indentation"};
  } else if (msg == YAML::ErrorMsg::BLOCK_ENTRY) {
    d.message = {"ここにリストの項目 \"- \" は書けません", "a list entry \"- \" is not allowed here"};
    if (lines.rest_of_line(lines.offset(e.mark)).find_first_not_of(" ", 1) == std::string_view::npos) {
      d.hint = Message{"ダッシュだけの値は \"-\" と引用符で囲んで書いてください", "write a lone dash in quotes: \"-\""};
    } else {
      d.hint = Message{"インデントを確かめてください", "check the indentation"};
    }
  } else if (starts_with(msg, YAML::ErrorMsg::INVALID_ESCAPE)) {
    std::string ch = msg.substr(std::string(YAML::ErrorMsg::INVALID_ESCAPE).size());
    d.message = {"二重引用符の中に使えないエスケープ \"\\" + ch + "\" があります",
                 "unknown escape \"\\" + ch + "\" in double quotes"};
    d.hint = Message{"\\ そのものは \"\\\\\" と書きます（強調でない * は \"\\\\*\"）。引用符なしで書くこともできます",
                     "write a backslash as \"\\\\\" (a literal * as \"\\\\*\"), or leave the text unquoted"};
  } else if (msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
    d.message = {"未定義のアンカーを参照しています", "the alias refers to an undefined anchor"};
    d.hint = Message{"*名前 より前に &名前 でアンカーを定義してください", "define the anchor with &name before using *name"};
  } else {
    d.message = {"YAML の構文エラーです（" + msg + "）", "YAML syntax error: " + msg};
  }
  return d;
}

}  // namespace

YamlFile read_yaml_file(const std::string& path, diag::SourceMap& sources, diag::Diagnostics& diags,
                        const YamlLimits& limits) {
  namespace fs = std::filesystem;
  SourceLoc whole{path, 0, 0};
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    if (!ec || ec == std::errc::no_such_file_or_directory) {
      diags.error(whole, {"ファイル \"" + path + "\" が見つかりません", "file \"" + path + "\" not found"});
    } else {
      diags.error(whole, {"ファイル \"" + path + "\" にアクセスできません（" + ec.message() + "）",
                          "cannot access file \"" + path + "\" (" + ec.message() + ")"});
    }
    return {path, {}, nullptr};
  }
  if (fs::is_directory(st)) {
    diags.error(whole, {"\"" + path + "\" はファイルではなくディレクトリです",
                        "\"" + path + "\" is a directory, not a file"});
    return {path, {}, nullptr};
  }
  if (!fs::is_regular_file(st)) {
    diags.error(whole, {"\"" + path + "\" は通常のファイルではありません", "\"" + path + "\" is not a regular file"});
    return {path, {}, nullptr};
  }
  std::uintmax_t size = fs::file_size(path, ec);
  std::string limit_mb = std::to_string(limits.max_bytes / (1024 * 1024));
  if (!ec && size > limits.max_bytes) {
    diags.error(whole, {"ファイル \"" + path + "\" が大きすぎます（" + grouped(size) + " バイト。上限は " + limit_mb + " MB）",
                        "file \"" + path + "\" is too large (" + grouped(size) + " bytes; the limit is " + limit_mb + " MB)"});
    return {path, {}, nullptr};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string why = std::make_error_code(static_cast<std::errc>(errno)).message();
    diags.error(whole, {"ファイル \"" + path + "\" を読めません（" + why + "）",
                        "cannot read file \"" + path + "\" (" + why + ")"});
    return {path, {}, nullptr};
  }
  // Read in chunks, at most one byte past the limit: the file may have grown since it was
  // measured. (A buffer of the limit's size up front would cost 8 MB for every plan.)
  std::string text;
  text.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(ec ? 0 : size, limits.max_bytes)) + 1);
  char chunk[64 * 1024];
  while (in && text.size() <= limits.max_bytes) {
    std::size_t want = std::min(sizeof chunk, limits.max_bytes + 1 - text.size());
    in.read(chunk, static_cast<std::streamsize>(want));
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    diags.error(whole, {"ファイル \"" + path + "\" の読み込みに失敗しました", "failed to read file \"" + path + "\""});
    return {path, {}, nullptr};
  }
  return parse_yaml(path, std::move(text), sources, diags, limits);
}

YamlFile parse_yaml(const std::string& path, std::string text, diag::SourceMap& sources,
                    diag::Diagnostics& diags, const YamlLimits& limits) {
  YamlFile f{path, std::move(text), nullptr};
  if (f.text.rfind("\xEF\xBB\xBF", 0) == 0) f.text.erase(0, 3);  // a UTF-8 BOM is fine
  SourceLoc whole{path, 0, 0};
  std::string limit_mb = std::to_string(limits.max_bytes / (1024 * 1024));
  if (f.text.size() > limits.max_bytes) {
    diags.error(whole, {"ファイル \"" + path + "\" が大きすぎます（上限は " + limit_mb + " MB）",
                        "file \"" + path + "\" is too large (the limit is " + limit_mb + " MB)"});
    return f;
  }
  if (std::size_t nul = f.text.find('\0'); nul != std::string::npos) {
    diags.error(diag::locate(path, f.text, nul),
                {"バイナリファイルです（NUL バイトがあります）", "binary file (it contains a NUL byte)"},
                Message{"プランは UTF-8 のテキスト（YAML）で書いてください", "a plan is a UTF-8 text (YAML) file"});
    return f;
  }
  if (std::size_t bad = 0; !text::utf8::is_valid(f.text, &bad)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(f.text[bad])));
    diags.error(diag::locate(path, f.text, bad),
                {std::string("UTF-8 として正しくないバイト ") + byte + " があります",
                 std::string("invalid UTF-8 byte ") + byte},
                Message{"ファイルを UTF-8 で保存し直してください（Shift_JIS などは読めません）",
                        "save the file as UTF-8 (Shift_JIS and other encodings cannot be read)"});
    return f;
  }
  sources.add(path, f.text);

  LineIndex lines(path, f.text, *sources.index(path));
  std::vector<diag::Diagnostic> problems;
  TreeBuilder builder(path, f.text, lines, limits, problems);
  std::istringstream in(f.text);
  YAML::Parser parser(in);
  NodePtr root;
  try {
    parser.HandleNextDocument(builder);
    root = builder.root();
    if (root) {
      try {
        DocumentProbe probe;
        parser.HandleNextDocument(probe);
      } catch (const SecondDocument& second) {
        problems.push_back({diag::Severity::Error, lines.at(second.mark),
                            {"YAML の文書が複数あります（ここから 2 つ目）", "more than one YAML document (the second starts here)"},
                            Message{"プランは 1 つの文書です。2 つ目の \"---\" 以降を消すか、別のファイルにしてください",
                                    "a plan is one document: remove the second \"---\" and what follows, or move it to another file"}});
      }
    }
  } catch (const Fatal& fatal) {
    problems.push_back({diag::Severity::Error, fatal.loc, fatal.message, fatal.hint});
    root = nullptr;
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard: it counts its parser's recursion, not our levels, so it can
    // stop before our limit (a flow "[" costs it two). No level count is claimed here.
    problems.push_back({diag::Severity::Error, lines.at(e.mark),
                        {"入れ子が深すぎます（YAML の構文解析の上限を超えました）",
                         "nesting too deep (beyond what the YAML parser accepts)"},
                        std::nullopt});
    root = nullptr;
  } catch (const YAML::ParserException& e) {
    std::optional<std::size_t> tab = lines.indentation_tab(static_cast<std::size_t>(std::max(e.mark.line, 0)));
    if (tab) {
      problems.push_back({diag::Severity::Error, lines.at(*tab),
                          {"インデントにタブ文字が使われています", "a tab is used for indentation"},
                          Message{"YAML のインデントには半角スペースを使ってください", "indent YAML with spaces"}});
    } else {
      problems.push_back(syntax_error(e, lines, f.text));
    }
    root = nullptr;
  } catch (const YAML::Exception& e) {
    problems.push_back({diag::Severity::Error, lines.at(e.mark),
                        {"YAML を読めません（" + e.msg + "）", "cannot read the YAML (" + e.msg + ")"}, std::nullopt});
    root = nullptr;
  }

  if (root && root->kind != NodeKind::Mapping) {
    if (root->kind == NodeKind::Null) {
      problems.push_back({diag::Severity::Error, whole, {"ファイルが空です", "the file is empty"}, std::nullopt});
    } else {
      Message found = kind_name(root->kind);
      problems.push_back({diag::Severity::Error, root->loc,
                          {"ファイルの最上位は \"キー: 値\" のマッピングでなければなりません（" + found.ja + "が書かれています）",
                           "the top level of the file must be a \"key: value\" mapping, not " + found.en},
                          std::nullopt});
    }
    root = nullptr;
  } else if (!root && !builder.started() && problems.empty()) {
    problems.push_back({diag::Severity::Error, whole, {"ファイルが空です", "the file is empty"}, std::nullopt});
  }

  // Report in file order: duplicate keys are found when their mapping ends.
  std::stable_sort(problems.begin(), problems.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return std::make_pair(a.loc.line, a.loc.col) < std::make_pair(b.loc.line, b.loc.col);
  });
  for (auto& p : problems) diags.add(std::move(p));
  f.root = std::move(root);
  return f;
}

}  // namespace plandeck::input
