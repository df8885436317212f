// Keeps the text of every input file read in a run, so that diagnostics can quote the
// offending line, and converts byte offsets into 1-based line / code-point column.
//
// Locations cost a binary search and at most one block of bytes, never a rescan: a
// hostile file can be 8 MB on one line with tens of thousands of nodes or diagnostics.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"

namespace plandeck::diag {

// Line starts and code-point counts of a text, for locations in O(log n + kBlock).
// The text must outlive the index (it is not copied).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::string_view text() const { return text_; }
  std::size_t line_count() const { return starts_.size(); }
  // Byte offset where 0-based line `line0` starts (the text's size past the last line).
  std::size_t line_start(std::size_t line0) const;
  // 0-based line `line0` without its line end ("\n" or "\r\n"); empty past the end.
  std::string_view line(std::size_t line0) const;
  // 1-based line and code-point column of a byte offset (clamped to the text).
  SourceLoc locate(const std::string& file, std::size_t byte_offset) const;
  // Byte offset of 1-based code-point column `col` in 0-based line `line0` (clamped to the
  // line's end).
  std::size_t column_offset(std::size_t line0, int col) const;

 private:
  static constexpr std::size_t kBlock = 1024;
  std::size_t code_points_before(std::size_t offset) const;
  std::size_t count(std::size_t from, std::size_t to) const;  // code points starting in [from, to)

  std::string_view text_;
  std::vector<std::size_t> starts_;
  std::vector<std::size_t> block_code_points_;  // code points before each kBlock boundary
};

class SourceMap {
 public:
  void add(const std::string& file, std::string text);
  const std::string* text(const std::string& file) const;

  // The text of 1-based line `line` of `file`, without its line terminator; empty if unknown.
  std::string_view line(const std::string& file, int line) const;
  // The index of a file, or nullptr when unknown.
  const LineIndex* index(const std::string& file) const;

 private:
  struct File {
    std::string text;
    LineIndex lines{std::string_view()};
  };
  std::map<std::string, File> files_;  // nodes never move: `lines` views `text`
};

// Converts a byte offset in `text` to a location (1-based line, column in code points).
// Scans the text: for many locations in one text, build a LineIndex.
SourceLoc locate(const std::string& file, std::string_view text, std::size_t byte_offset);

// Converts a 0-based line and 0-based *byte* column (as yaml-cpp reports them) into a
// location whose column counts code points.
SourceLoc from_byte_column(const std::string& file, std::string_view text, int line0, int col0);

}  // namespace plandeck::diag
