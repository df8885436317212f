#include "diag/source_map.hpp"

namespace plandeck::diag {

void SourceMap::add(const std::string& file, std::string text) { files_[file] = std::move(text); }

const std::string* SourceMap::text(const std::string& file) const {
  auto it = files_.find(file);
  return it == files_.end() ? nullptr : &it->second;
}

std::string_view SourceMap::line(const std::string& file, int line) const {
  const std::string* t = text(file);
  if (t == nullptr || line < 1) return {};
  std::string_view s(*t);
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t end = s.find('\n', start);
  std::string_view out = s.substr(start, end == std::string_view::npos ? s.size() - start : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

SourceLoc locate(const std::string& file, std::string_view text, std::size_t byte_offset) {
  SourceLoc loc{file, 1, 1};
  if (byte_offset > text.size()) byte_offset = text.size();
  for (std::size_t i = 0; i < byte_offset; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++loc.line;
      loc.col = 1;
    } else if ((c & 0xC0) != 0x80) {
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
