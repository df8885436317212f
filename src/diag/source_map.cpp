#include "diag/source_map.hpp"

#include <algorithm>

namespace plandeck::diag {

namespace {

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  block_code_points_.reserve(text.size() / kBlock + 1);
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_code_points_.push_back(code_points);
    if (text[i] == '\n') starts_.push_back(i + 1);
    if (starts_code_point(text[i])) ++code_points;
  }
}

std::size_t LineIndex::line_start(std::size_t line0) const {
  return line0 < starts_.size() ? starts_[line0] : text_.size();
}

std::string_view LineIndex::line(std::size_t line0) const {
  if (line0 >= starts_.size()) return {};
  std::size_t start = starts_[line0];
  std::size_t end = line0 + 1 < starts_.size() ? starts_[line0 + 1] - 1 : text_.size();
  std::string_view out = text_.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

std::size_t LineIndex::count(std::size_t from, std::size_t to) const {
  const char* p = text_.data();
  std::size_t n = 0;
  for (std::size_t i = from; i < to; ++i) n += starts_code_point(p[i]) ? 1u : 0u;
  return n;
}

std::size_t LineIndex::code_points_before(std::size_t offset) const {
  if (offset == 0) return 0;
  std::size_t block = offset / kBlock;
  std::size_t n = block < block_code_points_.size() ? block_code_points_[block] : 0;
  return n + count(block * kBlock, offset);
}

SourceLoc LineIndex::locate(const std::string& file, std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), byte_offset);
  auto line0 = static_cast<std::size_t>(it - starts_.begin()) - 1;
  const std::size_t start = starts_[line0];
  // A short span is counted directly; a long one (a line of megabytes) through the blocks.
  std::size_t col0 = byte_offset - start <= 2 * kBlock ? count(start, byte_offset)
                                                        : code_points_before(byte_offset) - code_points_before(start);
  return SourceLoc{file, static_cast<int>(line0) + 1, static_cast<int>(col0) + 1};
}

std::size_t LineIndex::column_offset(std::size_t line0, int col) const {
  std::string_view l = line(line0);
  std::size_t start = line_start(line0);
  std::size_t end = start + l.size();
  if (col <= 1) return start;
  // The block holding the wanted code point, found by binary search on the counts.
  std::size_t want = code_points_before(start) + static_cast<std::size_t>(col - 1);
  auto it = std::upper_bound(block_code_points_.begin(), block_code_points_.end(), want);
  std::size_t block = it == block_code_points_.begin() ? 0 : static_cast<std::size_t>(it - block_code_points_.begin()) - 1;
  std::size_t i = std::max(start, block * kBlock);
  std::size_t n = code_points_before(i);
  for (; i < end; ++i) {
    if (!starts_code_point(text_[i])) continue;
    if (n == want) return i;
    ++n;
  }
  return end;
}

void SourceMap::add(const std::string& file, std::string text) {
  File& f = files_[file];
  f.text = std::move(text);
  f.lines = LineIndex(f.text);
}

const std::string* SourceMap::text(const std::string& file) const {
  auto it = files_.find(file);
  return it == files_.end() ? nullptr : &it->second.text;
}

const LineIndex* SourceMap::index(const std::string& file) const {
  auto it = files_.find(file);
  return it == files_.end() ? nullptr : &it->second.lines;
}

std::string_view SourceMap::line(const std::string& file, int line) const {
  const LineIndex* lines = index(file);
  if (lines == nullptr || line < 1) return {};
  return lines->line(static_cast<std::size_t>(line - 1));
}

SourceLoc locate(const std::string& file, std::string_view text, std::size_t byte_offset) {
  SourceLoc loc{file, 1, 1};
  if (byte_offset > text.size()) byte_offset = text.size();
  for (std::size_t i = 0; i < byte_offset; ++i) {
    char c = text[i];
    if (c == '\n') {
      ++loc.line;
      loc.col = 1;
    } else if (starts_code_point(c)) {
      ++loc.col;
    }
  }
  return loc;
}

SourceLoc from_byte_column(const std::string& file, std::string_view text, int line0, int col0) {
  std::size_t start = 0;
  for (int l = 0; l < line0; ++l) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return SourceLoc{file, line0 + 1, col0 + 1};
    start = nl + 1;
  }
  return locate(file, text, start + static_cast<std::size_t>(col0 < 0 ? 0 : col0));
}

}  // namespace plandeck::diag
