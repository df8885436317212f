#include <filesystem>
#include <system_error>

#include "text/font.hpp"

#ifndef PLANDECK_SYSTEM_FONT_DIRS
#define PLANDECK_SYSTEM_FONT_DIRS "/usr/share/fonts"
#endif

namespace plandeck::text {

namespace fs = std::filesystem;

std::optional<std::string> find_font(const std::string& file_name,
                                     const std::vector<std::string>& dirs) {
  std::error_code ec;
  // Direct hits first, in order, so that a font in the project's fonts/ always wins over
  // one found deep inside a system directory.
  for (const std::string& dir : dirs) {
    const fs::path p = fs::path(dir) / file_name;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  for (const std::string& dir : dirs) {
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->path().filename() == file_name && it->is_regular_file(ec)) return it->path().string();
  }
  return std::nullopt;
}

std::string describe_unusable_font(const std::string& file_name, const std::vector<std::string>& dirs) {
  for (const std::string& dir : dirs) {
    const fs::path p = fs::path(dir) / file_name;
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);  // follows symbolic links, as opening would
    const char* kind = nullptr;
    switch (st.type()) {
      case fs::file_type::fifo: kind = "a FIFO (named pipe)"; break;
      case fs::file_type::character: kind = "a character device"; break;
      case fs::file_type::block: kind = "a block device"; break;
      case fs::file_type::socket: kind = "a socket"; break;
      case fs::file_type::directory: kind = "a directory"; break;
      default: break;
    }
    if (kind != nullptr) return p.string() + " is " + kind + ", not a font file";
  }
  return "";
}

std::vector<std::string> system_font_dirs() {
  // The build passes the CMake list with '|' separators.
  std::vector<std::string> dirs;
  std::string current;
  for (const char* p = PLANDECK_SYSTEM_FONT_DIRS; *p; ++p) {
    if (*p == '|') {
      if (!current.empty()) dirs.push_back(current);
      current.clear();
    } else {
      current.push_back(*p);
    }
  }
  if (!current.empty()) dirs.push_back(current);
  return dirs;
}

std::vector<std::string> font_search_dirs(const std::string& project_fonts_dir) {
  std::vector<std::string> dirs{project_fonts_dir};
  for (std::string& d : system_font_dirs()) dirs.push_back(std::move(d));
  return dirs;
}

}  // namespace plandeck::text
