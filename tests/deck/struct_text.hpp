// Reading the structure tree of a tagged PDF as poppler prints it (`pdfinfo -struct-text`),
// for the deck's acceptance tests. No Catch2 here: tagged_test.cpp tests the reader on
// made-up input too, which shows that its checks can fail.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace deck {

// One element of the structure tree: `Table (block)`, its attributes (`/Scope /Column`) and
// its text lines (`"113,600件"`); its children are printed two spaces deeper.
struct StructElement {
  std::string type;                     // "Document", "Sect", "TD", ...
  std::vector<std::string> attributes;  // "/Scope /Column", "/RowSpan 3"
  std::vector<std::string> texts;       // its own text lines, without the quotes
  std::vector<StructElement> children;

  bool has_attribute(const std::string& a) const;
  // Its text and its descendants' text, in tree order, joined without separators.
  std::string all_text() const;
};

// The root elements of `pdfinfo -struct-text` output. Throws std::runtime_error on a line it
// cannot place (an indentation jump, text before any element).
std::vector<StructElement> parse_struct_text(const std::string& text);

// (header text, cell text) for every TD of `table` (a Table element) whose text is not
// empty: the header is the text of the first row's cell in the TD's column, where a cell's
// column counts the cells of earlier rows that span down into its row (/RowSpan).
std::vector<std::pair<std::string, std::string>> cells_under_headers(const StructElement& table);

// Every element of `type` in the trees, in tree order.
std::vector<const StructElement*> find_all(const std::vector<StructElement>& roots, const std::string& type);

}  // namespace deck
