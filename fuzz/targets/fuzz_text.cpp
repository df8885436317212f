// fuzz_text: arbitrary bytes -> UTF-8 decoding and normalisation -> paragraph layout at
// several widths (test metric and the real BIZ UDPGothic chain) -> fit_box with bullets.
//
// Besides "no crash, no sanitizer report, no hang", every layout is checked against the
// contract of paragraph.hpp / fit.hpp; a violated invariant aborts with a description.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/coverage.hpp"
#include "text/fit.hpp"
#include "text/font.hpp"
#include "text/linebreak.hpp"
#include "text/measurer.hpp"
#include "text/normalize.hpp"
#include "text/paragraph.hpp"
#include "text/utf8.hpp"

namespace t = plandeck::text;

namespace {

[[noreturn]] void fail(const std::string& what, const std::u32string& text) {
  std::fprintf(stderr, "fuzz_text: invariant violated: %s\n  text (%zu code points): %s\n",
               what.c_str(), text.size(), t::utf8::encode(text).c_str());
  std::abort();
}

// The deck's chains (spec §6): BIZ UDPGothic first, DejaVu Sans for what it lacks.
struct Chain {
  std::vector<std::unique_ptr<t::Font>> fonts;
  std::unique_ptr<t::FontChainMeasurer> measurer;
};

const t::Font* load_font(Chain& c, const char* file) {
  const auto path = t::find_font(file, t::system_font_dirs());
  std::string error;
  std::optional<t::Font> f = path ? t::Font::load(*path, &error) : std::nullopt;
  if (!f) {
    std::fprintf(stderr, "fuzz_text: font %s not found or unreadable (%s); install the "
                         "fonts listed in scripts/install-deps.sh\n", file, error.c_str());
    std::abort();
  }
  c.fonts.push_back(std::make_unique<t::Font>(std::move(*f)));
  return c.fonts.back().get();
}

const t::FontChainMeasurer& chain() {
  static const Chain c = [] {
    Chain out;
    const t::Font* regular = load_font(out, "BIZUDPGothic-Regular.ttf");
    const t::Font* bold = load_font(out, "BIZUDPGothic-Bold.ttf");
    const t::Font* dejavu = load_font(out, "DejaVuSans.ttf");
    const t::Font* dejavu_bold = load_font(out, "DejaVuSans-Bold.ttf");
    out.measurer = std::make_unique<t::FontChainMeasurer>(
        std::vector<const t::Font*>{regular, dejavu}, std::vector<const t::Font*>{bold, dejavu_bold});
    return out;
  }();
  return *c.measurer;
}

// Characters a line never draws (trailing spaces, N9 invisibles) and hard breaks.
bool not_drawn(char32_t cp) {
  return cp == U' ' || cp == U'\u3000' || cp == U'\u200B' || cp == U'\u2060' || cp == U'\uFEFF' ||
         cp == U'\n';
}

std::u32string without_undrawn(const std::u32string& s) {
  std::u32string out;
  for (char32_t cp : s)
    if (!not_drawn(cp)) out.push_back(cp);
  return out;
}

bool invisible(t::BreakClass c) { return c == t::BreakClass::ZW || c == t::BreakClass::WJ; }
bool space(t::BreakClass c) { return c == t::BreakClass::SP || c == t::BreakClass::ISP; }

// Checks one paragraph layout of `text` (styles: one per code point).
void check_layout(const std::u32string& text, const std::vector<int>& styles,
                  const t::Measurer& m, const t::LayoutOptions& o, const t::ParagraphLayout& pl) {
  const std::string where = " [width " + std::to_string(o.width_pt) + " pt, size " +
                            std::to_string(o.size_pt) + (o.hanging ? ", hanging]" : "]");
  if (text.empty()) {
    if (!pl.lines.empty()) fail("empty input gave lines" + where, text);
    return;
  }
  std::size_t hard_breaks = 0;
  for (char32_t cp : text) hard_breaks += cp == U'\n';
  if (pl.lines.size() < hard_breaks + 1) fail("fewer lines than paragraphs" + where, text);

  const std::vector<t::Cluster> cl = t::make_clusters(text);
  std::vector<long> width(cl.size(), 0);
  std::vector<std::size_t> cluster_at(text.size() + 1, SIZE_MAX), cluster_ending(text.size() + 1, SIZE_MAX);
  for (std::size_t k = 0; k < cl.size(); ++k) {
    cluster_at[cl[k].begin] = k;
    cluster_ending[cl[k].end] = k;
    if (invisible(cl[k].cls) || cl[k].cls == t::BreakClass::BK) continue;
    for (std::size_t p = cl[k].begin; p < cl[k].end; ++p) width[k] += m.width(text[p], styles[cl[k].begin]);
  }
  const double limit = o.width_pt * 1000.0 + 1e-6;
  auto fits = [&](long units) { return static_cast<double>(units) * o.size_pt <= limit; };

  // Lines cover the text in order: joined [begin, end) ranges = the text without LFs.
  std::u32string covered, drawn, expected_drawn;
  std::size_t previous_end = 0;
  int forced = 0;
  for (const t::Line& line : pl.lines) {
    if (line.begin < previous_end || line.end < line.begin || line.end > text.size())
      fail("line ranges out of order" + where, text);
    previous_end = line.end;
    covered += text.substr(line.begin, line.end - line.begin);
    drawn += line.text();
    forced += line.forced;
    if (line.begin == line.end) {
      if (!line.fragments.empty() || line.forced) fail("an empty line has content" + where, text);
      continue;
    }
    const std::size_t first = cluster_at[line.begin], last_in_line = cluster_ending[line.end];
    if (first == SIZE_MAX || last_in_line == SIZE_MAX) fail("a line cuts a cluster" + where, text);
    const std::size_t end = last_in_line + 1;  // exclusive cluster index
    std::size_t para_end = first;
    while (para_end < cl.size() && cl[para_end].cls != t::BreakClass::BK) ++para_end;
    if (end > para_end) fail("a line crosses a hard break" + where, text);

    // Width as the filler defines it (trailing spaces/invisibles excluded).
    long units = 0, sum = 0;
    for (std::size_t k = first; k < end; ++k) {
      sum += width[k];
      if (!space(cl[k].cls) && !invisible(cl[k].cls)) units = sum;
    }
    if (units != line.width_units) fail("width_units differs from the cluster widths" + where, text);
    if (!line.forced && !line.hanging && !fits(units)) fail("an unforced line does not fit" + where, text);
    if (!line.forced && end != para_end && !t::break_allowed(cl, end))
      fail("an unforced line ends where no break is allowed" + where, text);
    if (line.hanging && !o.hanging) fail("hanging line without the hanging option" + where, text);

    // Forced only when no legal opportunity fits; unforced lines are maximal (first fit).
    const std::size_t scan_from = line.forced ? first + 1 : end + 1;
    long s = 0, v = 0;
    for (std::size_t k = first; k + 1 < scan_from; ++k) {
      s += width[k];
      if (!space(cl[k].cls)) v = s;
    }
    for (std::size_t j = scan_from; j <= para_end; ++j) {
      s += width[j - 1];
      if (!space(cl[j - 1].cls)) v = s;
      if (!fits(v)) break;
      if (j == para_end || t::break_allowed(cl, j)) {
        if (line.forced) fail("forced break although a legal break fits" + where, text);
        if (!o.hanging) fail("line ends before the last opportunity that fits" + where, text);
      }
    }
  }
  if (forced != pl.forced_count) fail("forced_count differs from the forced lines" + where, text);
  std::u32string no_lf;
  for (char32_t cp : text)
    if (cp != U'\n') no_lf.push_back(cp);
  if (covered != no_lf) fail("line ranges do not cover the text" + where, text);

  // What is drawn: the text minus LFs, invisibles and spaces, through draw_char.
  std::u32string mapped;
  for (std::size_t k = 0; k < text.size(); ++k) mapped.push_back(m.draw_char(text[k], styles[k]));
  if (without_undrawn(drawn) != without_undrawn(mapped))
    fail("drawn text differs from the input" + where + "\n  drawn: " + t::utf8::encode(drawn), text);
}

std::vector<double> candidate_sizes(const t::BoxSpec& box) {
  std::vector<double> sizes;
  for (int k = 0;; ++k) {
    const double s = box.max_size - k * box.step;
    if (s < box.min_size - 1e-9) break;
    sizes.push_back(s);
  }
  if (sizes.empty() || std::fabs(sizes.back() - box.min_size) > 1e-9) sizes.push_back(box.min_size);
  return sizes;
}

void check_fit(const std::u32string& text, const t::Measurer& m, bool bold_runs, bool balance) {
  // A bullet per LF-separated paragraph (up to three), markers and nesting varied.
  std::vector<t::BoxParagraph> paras;
  std::u32string current;
  auto flush = [&] {
    t::BoxParagraph p;
    const std::size_t n = paras.size();
    if (bold_runs && current.size() > 1) {
      p.runs.push_back({current.substr(0, current.size() / 2), t::kRegular});
      p.runs.push_back({current.substr(current.size() / 2), t::kStrong});
    } else {
      p.runs.push_back({current, t::kRegular});
    }
    p.marker = n % 3 == 0 ? U"・" : n % 3 == 1 ? U"➤" : U"";
    p.indent_em = static_cast<double>(n % 2);
    paras.push_back(std::move(p));
    current.clear();
  };
  for (char32_t cp : text) {  // the third paragraph keeps its LFs (hard breaks in a bullet)
    if (cp == U'\n' && paras.size() < 2) flush();
    else current.push_back(cp);
  }
  flush();

  t::BoxSpec box;
  box.width_pt = 150;
  box.height_pt = 80;
  box.max_size = 12;
  box.min_size = 8;
  box.step = 0.5;
  box.paragraph_spacing_em = 0.3;
  box.hanging = bold_runs;
  box.balance = balance;
  const t::FitResult r = t::fit_box(paras, m, box);
  if (r.fitted && (r.forced_count != 0 || r.height > box.height_pt + 1e-9))
    fail("fit_box says fitted but is not", text);
  if (r.size < box.min_size - 1e-9 || r.size > box.max_size + 1e-9) fail("fit_box size out of range", text);
  if (!r.fitted && r.size != box.min_size) fail("unfitted box not at min_size", text);
  if (r.paragraphs.size() != paras.size()) fail("fit_box lost paragraphs", text);
  int lines = 0;
  for (std::size_t k = 0; k < r.paragraphs.size(); ++k) {
    const t::PlacedParagraph& p = r.paragraphs[k];
    if (p.lines.empty()) fail("a paragraph of the box has no line", text);
    lines += static_cast<int>(p.lines.size());
    // The lines cover the paragraph's text in order (balanced or not).
    std::u32string para_text, covered, drawn;
    for (const t::StyledRun& run : paras[k].runs) para_text += run.text;
    std::vector<t::Line> plain;
    std::size_t previous_end = 0;
    for (const t::PlacedLine& l : p.lines) {
      if (l.line->begin < previous_end || l.line->end < l.line->begin || l.line->end > para_text.size())
        fail("box line ranges out of order", text);
      previous_end = l.line->end;
      covered += para_text.substr(l.line->begin, l.line->end - l.line->begin);
      drawn += l.line->text();
      plain.push_back(*l.line);
    }
    std::u32string para_no_lf;
    for (char32_t cp : para_text)
      if (cp != U'\n') para_no_lf.push_back(cp);
    if (covered != para_no_lf) fail("box lines do not cover the paragraph", text);
    std::u32string mapped;
    for (char32_t cp : para_text) mapped.push_back(m.draw_char(cp, t::kRegular));
    if (!bold_runs && without_undrawn(drawn) != without_undrawn(mapped))
      fail("box lines draw something else than the paragraph", text);
    (void)t::lonely_last_lines(para_text, plain, box.balance_lonely);
  }
  if (lines != r.line_count) fail("line_count differs from the lines", text);
  // The binary search must find what a linear search finds (the largest size that fits).
  t::BoxSpec unbalanced = box;
  unbalanced.balance = false;
  for (double s : candidate_sizes(box)) {
    const t::FitResult l = t::layout_box(paras, m, box, s);
    if (balance) {  // fit.hpp: balancing never changes line counts, so nor heights or fitting
      const t::FitResult u = t::layout_box(paras, m, unbalanced, s);
      if (u.line_count != l.line_count || u.fitted != l.fitted)
        fail("balancing changed the line count or the fit at " + std::to_string(s) + " pt (" +
                 std::to_string(u.line_count) + " -> " + std::to_string(l.line_count) + " lines, forced " +
                 std::to_string(u.forced_count) + " -> " + std::to_string(l.forced_count) + ")", text);
    }
    if (l.fitted) {
      if (!r.fitted || std::fabs(r.size - s) > 1e-9)
        fail("fit_box chose " + std::to_string(r.size) + " pt but " + std::to_string(s) +
                 " pt is the largest size that fits", text);
      break;
    }
  }
}

void check_utf8(std::string_view bytes) {
  const t::utf8::Decoded d = t::utf8::decode(bytes);
  std::size_t bad = 0;
  const bool valid = t::utf8::is_valid(bytes, &bad);
  if (valid != d.valid) fail("is_valid and decode disagree", d.text);
  if (!valid && bad != d.first_bad_offset) fail("is_valid and decode disagree on the offset", d.text);
  if (d.offsets.size() != d.text.size()) fail("decode offsets length", d.text);
  for (std::size_t k = 0; k < d.offsets.size(); ++k)
    if (d.offsets[k] >= bytes.size() || (k > 0 && d.offsets[k] <= d.offsets[k - 1]))
      fail("decode offsets not increasing", d.text);
  if (valid && t::utf8::encode(d.text) != bytes) fail("valid UTF-8 does not round-trip", d.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16384) return 0;  // layout is linear; larger inputs only slow the search down
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_utf8(bytes);

  const t::Normalized n = t::normalize(bytes);
  if (n.offsets.size() != n.text.size()) fail("normalize offsets length", n.text);
  for (std::size_t k = 0; k < n.offsets.size(); ++k)
    if (n.offsets[k] >= size || (k > 0 && n.offsets[k] < n.offsets[k - 1]))
      fail("normalize offsets out of order", n.text);
  for (char32_t cp : n.text)
    if (cp == U'\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == U'\t' ||
        t::is_ignorable(cp))
      fail("normalize left a character N3/N4/N6 removes", n.text);
  for (const t::NormalizeWarning& w : n.warnings) {
    if (w.byte_offset >= size) fail("warning offset past the input", n.text);
    (void)t::describe_en(w);
    (void)t::describe_ja(w);
  }
  (void)t::mark_opportunities(n.text);

  const t::FixedPitchMeasurer fixed;
  const t::FontChainMeasurer& fonts = chain();
  for (const t::MissingGlyph& g : t::missing_glyphs(fonts, n.text)) {
    if (g.index >= n.text.size()) fail("missing glyph index past the text", n.text);
    (void)t::describe_missing(g);
  }

  // Two styles: the second half bold (breaking works across runs).
  const std::size_t half = n.text.size() / 2;
  const std::vector<t::StyledRun> runs{{n.text.substr(0, half), t::kRegular},
                                       {n.text.substr(half), t::kStrong}};
  std::vector<int> styles(n.text.size(), t::kRegular);
  for (std::size_t k = half; k < styles.size(); ++k) styles[k] = t::kStrong;
  const std::vector<int> regular(n.text.size(), t::kRegular);

  static const double kWidthsEm[] = {-0.5, 0, 0.5, 1, 2.5, 4, 7.3, 10, 40};
  for (std::size_t w = 0; w < sizeof kWidthsEm / sizeof kWidthsEm[0]; ++w) {
    t::LayoutOptions o;
    o.size_pt = 10;
    o.width_pt = kWidthsEm[w] * o.size_pt;
    o.hanging = w % 2 == 1;
    check_layout(n.text, regular, fixed, o, t::layout_paragraph(n.text, fixed, o));
    check_layout(n.text, styles, fonts, o, t::layout_paragraph(runs, fonts, o));
  }
  check_fit(n.text, fixed, false, false);
  check_fit(n.text, fixed, false, true);
  check_fit(n.text, fonts, true, true);
  return 0;
}
