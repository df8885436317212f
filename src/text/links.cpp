#include "text/links.hpp"

namespace plandeck::text {

namespace {

bool is_link_char(char32_t c) { return c >= 0x21 && c <= 0x7E; }
bool is_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_alnum(char32_t c) { return is_alpha(c) || (c >= U'0' && c <= U'9'); }
char32_t lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c; }

// Whether a run of printable ASCII is a URL or an e-mail address.
bool is_link(std::u32string_view run) {
  const std::size_t n = run.size();
  for (std::size_t k = 0; k < n; ++k) {
    const char32_t c = run[k];
    if (c == U':' && k > 0 && is_alpha(run[k - 1]) && run.substr(k, 3) == U"://") return true;
    if (lower(c) == U'w' && (k == 0 || !is_alnum(run[k - 1])) && k + 4 <= n &&
        lower(run[k + 1]) == U'w' && lower(run[k + 2]) == U'w' && run[k + 3] == U'.')
      return true;
    if (c == U'@' && k > 0 && is_alnum(run[k - 1]) && k + 1 < n && is_alnum(run[k + 1])) {
      for (std::size_t d = k + 2; d + 1 < n; ++d)
        if (run[d] == U'.' && is_alnum(run[d + 1])) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<unsigned char> link_marks(std::u32string_view text) {
  std::vector<unsigned char> marks;
  for (std::size_t b = 0; b < text.size();) {
    if (!is_link_char(text[b])) {
      ++b;
      continue;
    }
    std::size_t e = b;
    while (e < text.size() && is_link_char(text[e])) ++e;
    if (is_link(text.substr(b, e - b))) {
      if (marks.empty()) marks.assign(text.size(), 0);
      for (std::size_t k = b; k < e; ++k) marks[k] = 1;
    }
    b = e;
  }
  return marks;
}

}  // namespace plandeck::text
