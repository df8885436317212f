// A YAML file as plandeck sees it: the raw bytes are checked first (size, binary, UTF-8),
// then yaml-cpp's event stream is turned into our own node tree. The tree keeps what
// yaml-cpp's own Node hides: duplicate keys (in order), whether a scalar was quoted, and
// every node's location. yaml-cpp itself never appears in this header.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"

namespace plandeck::input {

enum class NodeKind { Null, Scalar, Sequence, Mapping };

// How a scalar was written. Everything but Plain counts as "quoted": its text is never
// a number or a boolean.
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

struct Node;
// Nodes are shared: an alias (*name) points to the very node its anchor (&name) defined,
// so a repeated block costs nothing and its diagnostics point at the definition.
using NodePtr = std::shared_ptr<const Node>;

struct Entry {
  NodePtr key;
  NodePtr value;
};

struct Node {
  NodeKind kind = NodeKind::Null;
  std::string value;  // Scalar: the text after YAML's unescaping and line folding
  ScalarStyle style = ScalarStyle::Plain;
  std::string tag;    // an explicit tag as yaml-cpp resolved it (e.g. "!foo"); usually empty
  diag::SourceLoc loc;  // first character of the node (a quoted scalar: its opening quote)
  std::size_t offset = 0;  // byte offset of `loc` in YamlFile::text
  std::vector<NodePtr> items;   // Sequence
  std::vector<Entry> entries;   // Mapping: in file order, duplicate keys kept
  std::size_t expanded_size = 1;  // nodes in this subtree with every alias expanded

  bool is_null() const { return kind == NodeKind::Null; }
  bool is_scalar() const { return kind == NodeKind::Scalar; }
  bool is_sequence() const { return kind == NodeKind::Sequence; }
  bool is_mapping() const { return kind == NodeKind::Mapping; }
  bool quoted() const { return kind == NodeKind::Scalar && style != ScalarStyle::Plain; }
  bool block_scalar() const {
    return kind == NodeKind::Scalar && (style == ScalarStyle::Literal || style == ScalarStyle::Folded);
  }

  // The value of the first entry whose key is the scalar `key`; nullptr when absent.
  const Node* find(std::string_view key) const;
};

// Japanese and English names of a node kind for messages: "マッピング" / "a mapping".
diag::Message kind_name(NodeKind kind);

struct YamlLimits {
  std::size_t max_bytes = 8u * 1024u * 1024u;  // checked before the file is read
  int max_depth = 64;                          // nested sequences/mappings
  std::size_t max_nodes = 100000;              // nodes with every alias expanded
};

struct YamlFile {
  std::string path;  // as given; used as SourceLoc::file
  std::string text;  // the file's bytes, without a leading UTF-8 BOM
  NodePtr root;      // a mapping; null when the file could not be read or parsed
};

// Reads and parses `path`. Every problem is reported to `diags` with its location; the
// file's text is added to `sources` once it is known to be UTF-8 text (so that diagnostics
// can quote it). `root` is null after a fatal problem: unreadable, too large, binary,
// invalid UTF-8, syntax error, unclosed quote, too deep, too many nodes, no document or a
// top level that is not a mapping. Duplicate keys and several documents are reported but
// leave a usable tree (the first document, the first key wins).
YamlFile read_yaml_file(const std::string& path, diag::SourceMap& sources,
                        diag::Diagnostics& diags, const YamlLimits& limits = {});

// The same for text already in memory (tests, generated input). `text` may start with a BOM.
YamlFile parse_yaml(const std::string& path, std::string text, diag::SourceMap& sources,
                    diag::Diagnostics& diags, const YamlLimits& limits = {});

}  // namespace plandeck::input
