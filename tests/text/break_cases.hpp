// Loader for tests/text/linebreak_cases.tsv (the spec's §8.2 cases), shared by the
// test files that run them with the test metric and with a real fixed-pitch font.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace {

inline std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char e = s[++i];
    if (e == 'n') out.push_back('\n');
    else if (e == 'r') out.push_back('\r');
    else if (e == 't') out.push_back('\t');
    else if (e == 'u') {
      plandeck::text::utf8::append(out, static_cast<char32_t>(std::stoul(s.substr(i + 1, 4), nullptr, 16)));
      i += 4;
    } else out.push_back(e);
  }
  return out;
}

struct BreakCase {
  std::string id;
  double width_em = 0;
  bool hang = false;
  int forced = 0;
  std::string text;
  std::vector<std::string> lines;
};

inline std::vector<BreakCase> load_cases() {
  std::ifstream in(std::string(PLANDECK_SOURCE_DIR) + "/tests/text/linebreak_cases.tsv");
  std::vector<BreakCase> cases;
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = row.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(row.substr(start, tab - start));
    f.push_back(row.substr(start));
    REQUIRE(f.size() >= 5);
    BreakCase c{f[0], std::stod(f[1]), f[2] == "1", std::stoi(f[3]), unescape(f[4]), {}};
    for (std::size_t k = 5; k < f.size(); ++k) c.lines.push_back(unescape(f[k]));
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace
