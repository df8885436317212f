// Keeps the text of every input file read in a run, so that diagnostics can quote the
// offending line, and converts byte offsets into 1-based line / code-point column.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace plandeck::diag {

class SourceMap {
 public:
  void add(const std::string& file, std::string text);
  const std::string* text(const std::string& file) const;

  // The text of 1-based line `line` of `file`, without its line terminator; empty if unknown.
  std::string_view line(const std::string& file, int line) const;

 private:
  std::map<std::string, std::string> files_;
};

// Converts a byte offset in `text` to a location (1-based line, column in code points).
SourceLoc locate(const std::string& file, std::string_view text, std::size_t byte_offset);

// Converts a 0-based line and 0-based *byte* column (as yaml-cpp reports them) into a
// location whose column counts code points.
SourceLoc from_byte_column(const std::string& file, std::string_view text, int line0, int col0);

}  // namespace plandeck::diag
