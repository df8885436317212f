#include "struct_text.hpp"

#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

namespace deck {

bool StructElement::has_attribute(const std::string& a) const {
  for (const std::string& x : attributes) {
    if (x == a) return true;
  }
  return false;
}

std::string StructElement::all_text() const {
  std::string out;
  for (const std::string& t : texts) out += t;
  for (const StructElement& c : children) out += c.all_text();
  return out;
}

std::vector<StructElement> parse_struct_text(const std::string& text) {
  std::vector<StructElement> roots;
  std::vector<StructElement*> open;  // open[d]: the element at depth d
  std::istringstream in(text);
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error("struct-text line " + std::to_string(number) + ": " + why + ": " + line);
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(' ') == std::string::npos) continue;
    const std::size_t indent = line.find_first_not_of(' ');
    const std::string body = line.substr(indent);
    if (body.front() == '"') {  // a text line of the element above it
      if (open.empty()) fail("text outside any element");
      std::size_t end = body.rfind('"');
      if (end == 0) fail("unterminated text");
      open.back()->texts.push_back(body.substr(1, end - 1));
      continue;
    }
    if (body.front() == '/') {  // an attribute of the element above it
      if (open.empty()) fail("attribute outside any element");
      open.back()->attributes.push_back(body);
      continue;
    }
    if (indent % 2 != 0) fail("odd indentation");
    const std::size_t depth = indent / 2;
    if (depth > open.size()) fail("indentation jumps a level");
    open.resize(depth);
    StructElement e;
    e.type = body.substr(0, body.find_first_of(" :"));
    if (depth == 0) {
      roots.push_back(std::move(e));
      open.push_back(&roots.back());
    } else {
      open.back()->children.push_back(std::move(e));
      open.push_back(&open.back()->children.back());
    }
    // `open` holds pointers into vectors: safe, since only the path to the newest element
    // is open and a vector only grows at an element whose deeper path was just dropped.
  }
  return roots;
}

std::vector<std::pair<std::string, std::string>> cells_under_headers(const StructElement& table) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string> headers;
  std::map<std::size_t, int> spanning;  // column -> rows it is still taken for, below the current
  bool first = true;
  for (const StructElement& tr : table.children) {
    if (tr.type != "TR") continue;
    std::map<std::size_t, int> next;
    std::size_t column = 0;
    for (const StructElement& cell : tr.children) {
      while (spanning.count(column) != 0) {  // taken by a cell of a row above
        if (spanning[column] > 1) next[column] = spanning[column] - 1;
        ++column;
      }
      int rows = 1;
      for (const std::string& a : cell.attributes) {
        if (a.rfind("/RowSpan ", 0) == 0) rows = std::atoi(a.c_str() + 9);
      }
      if (rows > 1) next[column] = rows - 1;
      if (first) headers.push_back(cell.all_text());
      if (!first && cell.type == "TD" && !cell.all_text().empty()) {
        out.emplace_back(column < headers.size() ? headers[column] : std::string(), cell.all_text());
      }
      ++column;
    }
    for (const auto& [col, left] : spanning) {  // spans past this row's last cell
      if (col >= column && left > 1) next[col] = left - 1;
    }
    spanning = std::move(next);
    first = false;
  }
  return out;
}

std::vector<const StructElement*> find_all(const std::vector<StructElement>& roots, const std::string& type) {
  std::vector<const StructElement*> out;
  std::function<void(const StructElement&)> walk = [&](const StructElement& e) {
    if (e.type == type) out.push_back(&e);
    for (const StructElement& c : e.children) walk(c);
  };
  for (const StructElement& r : roots) walk(r);
  return out;
}

}  // namespace deck
