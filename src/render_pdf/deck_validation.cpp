#include "render_pdf/deck_validation.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>

#include "text/utf8.hpp"

namespace plandeck::render_pdf::detail {

namespace utf8 = text::utf8;
using compose::Color;

namespace {

bool finite(double v) {
  return std::isfinite(v);
}

struct ShapeAt {
  std::size_t page, index;
  const compose::Shape& shape;
  std::string name() const { return shape_name(page, index, shape); }
};

// What an error names ("page 3, shape 12 ..."), made only when it is needed: a deck has
// thousands of shapes, and building every name up front cost more than the checks.
class LazyName {
 public:
  explicit LazyName(std::function<std::string()> make) : make_(std::move(make)) {}
  explicit LazyName(std::string name) : name_(std::move(name)) {}
  const std::string& operator()() const {
    if (!name_) name_ = make_();
    return *name_;
  }

 private:
  std::function<std::string()> make_;
  mutable std::optional<std::string> name_;
};

void check_color(const Color& c, const LazyName& where) {
  for (double v : {c.r, c.g, c.b}) {
    if (!finite(v) || v < 0 || v > 1) throw Error(where() + ": colour component outside 0..1");
  }
}

void check_numbers(std::initializer_list<double> values, const LazyName& where) {
  for (double v : values) {
    if (!finite(v)) throw Error(where() + ": coordinate or size is not a finite number");
  }
}

// Calls `use` with each code point of `text`, which must be valid UTF-8 without control
// characters.
template <typename Use>
void for_each_checked(const std::string& text, const LazyName& where, Use use) {
  std::size_t bad = 0;
  if (!utf8::is_valid(text, &bad)) throw Error(where() + ": invalid UTF-8 at byte " + std::to_string(bad));
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = utf8::next(text, i);
    if (cp < 0x20 || cp == 0x7F) {
      throw Error(where() + ": control character " + utf8::describe(cp) +
                  " cannot be drawn");
    }
    use(cp);
  }
}

std::u32string decode_checked(const std::string& text, const LazyName& where) {
  std::u32string decoded;
  for_each_checked(text, where, [&decoded](char32_t cp) { decoded += cp; });
  return decoded;
}

}  // namespace

std::u32string decode_for_pdf(const std::string& text, const std::string& where) {
  return decode_checked(text, LazyName(where));
}

Collected validate_and_collect(const compose::Deck& deck) {
  if (!finite(deck.width) || !finite(deck.height) || deck.width < HPDF_MIN_PAGE_SIZE ||
      deck.height < HPDF_MIN_PAGE_SIZE || deck.width > HPDF_MAX_PAGE_SIZE ||
      deck.height > HPDF_MAX_PAGE_SIZE) {
    throw Error("page size " + std::to_string(deck.width) + " x " + std::to_string(deck.height) +
                " pt is outside libharu's range 3..14400 pt");
  }
  if (deck.pages.empty()) throw Error("the deck has no pages");

  Collected c;
  std::map<std::string, std::size_t> slot_by_path;
  for (const auto& f : deck.fonts) {
    auto [it, inserted] = slot_by_path.emplace(f.path, c.slots.size());
    if (inserted) c.slots.push_back(FontSlot{f.path, {}, {}, nullptr, {}, {}});
    c.slot_of_font.push_back(it->second);
  }

  std::vector<std::vector<bool>> seen_bmp(c.slots.size(), std::vector<bool>(0x10000, false));
  std::vector<std::set<char32_t>> seen_above_bmp(c.slots.size());
  for (std::size_t p = 0; p < deck.pages.size(); ++p) {
    const auto& page = deck.pages[p];
    for (std::size_t s = 0; s < page.shapes.size(); ++s) {
      const auto& shape = page.shapes[s];
      // One reference for the name's lambda: small enough for std::function to keep without
      // allocating (three references were a heap allocation per shape).
      const ShapeAt at{p, s, shape};
      if (const auto* r = std::get_if<compose::Rect>(&shape)) {
        const LazyName where([&at] { return at.name(); });
        check_numbers({r->x, r->y, r->w, r->h, r->line_width, r->radius}, where);
        if (r->fill) check_color(*r->fill, where);
        if (r->stroke) check_color(*r->stroke, where);
        if (r->stroke && (r->line_width < 0 || r->line_width > HPDF_MAX_LINEWIDTH)) {
          throw Error(where() + ": line width outside 0..100");
        }
      } else if (const auto* l = std::get_if<compose::Line>(&shape)) {
        const LazyName where([&at] { return at.name(); });
        check_numbers({l->x1, l->y1, l->x2, l->y2, l->width, l->dash}, where);
        check_color(l->color, where);
        if (l->width < 0 || l->width > HPDF_MAX_LINEWIDTH) {
          throw Error(where() + ": line width outside 0..100");
        }
        if (l->dash < 0 || l->dash > 1000) throw Error(where() + ": dash length outside 0..1000");
      } else if (const auto* g = std::get_if<compose::Polygon>(&shape)) {
        const LazyName where([&at] { return at.name(); });
        if (g->points.size() < 3) throw Error(where() + ": a polygon needs at least 3 points");
        for (const auto& [x, y] : g->points) check_numbers({x, y}, where);
        check_color(g->fill, where);
      } else if (const auto* t = std::get_if<compose::TextRun>(&shape)) {
        const LazyName where([&at] { return at.name(); });
        check_numbers({t->x, t->y, t->size, t->width}, where);
        check_color(t->color, where);
        if (t->size <= 0 || t->size > HPDF_MAX_FONTSIZE) {
          throw Error(where() + ": font size " + std::to_string(t->size) + " outside 0..600");
        }
        if (t->font >= deck.fonts.size()) {
          throw Error(where() + ": font index " + std::to_string(t->font) + " but the deck has " +
                      std::to_string(deck.fonts.size()) + " font(s)");
        }
        FontSlot& slot = c.slots[c.slot_of_font[t->font]];
        std::vector<bool>& seen = seen_bmp[c.slot_of_font[t->font]];
        std::set<char32_t>& seen_above = seen_above_bmp[c.slot_of_font[t->font]];
        for_each_checked(t->text, where, [&, p = p, s = s](char32_t cp) {
          // Most characters repeat: a BMP bitmap answers "seen" without searching a set.
          if (cp < 0x10000) {
            if (seen[cp]) return;
            seen[cp] = true;
          } else if (!seen_above.insert(cp).second) {
            return;
          }
          slot.code_points.push_back(cp);
          slot.first_use.emplace_back(p, s);
        });
      }
    }
    for (std::size_t k = 0; k < page.links.size(); ++k) {
      const auto& link = page.links[k];
      const LazyName where([&] { return page_name(p) + ", link " + std::to_string(k + 1); });
      check_numbers({link.x, link.y, link.w, link.h}, where);
      if (link.target_page >= deck.pages.size()) {
        throw Error(where() + ": target page index " + std::to_string(link.target_page) +
                    " but the deck has " + std::to_string(deck.pages.size()) + " page(s)");
      }
    }
  }
  // Code points ascending, each with where it is first drawn.
  for (FontSlot& slot : c.slots) {
    std::vector<std::size_t> order(slot.code_points.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&slot](std::size_t a, std::size_t b) { return slot.code_points[a] < slot.code_points[b]; });
    std::vector<char32_t> code_points;
    std::vector<std::pair<std::size_t, std::size_t>> first_use;
    code_points.reserve(order.size());
    first_use.reserve(order.size());
    for (std::size_t i : order) {
      code_points.push_back(slot.code_points[i]);
      first_use.push_back(slot.first_use[i]);
    }
    slot.code_points = std::move(code_points);
    slot.first_use = std::move(first_use);
  }
  return c;
}

void validate_outline(const std::vector<compose::Outline>& items, std::size_t page_count,
                      const std::string& parent) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& o = items[i];
    const std::string where =
        parent + "/" + std::to_string(i + 1) + " \"" + excerpt(o.title) + "\"";
    decode_for_pdf(o.title, "outline entry " + where);
    if (o.page >= page_count) {
      throw Error("outline entry " + where + ": page index " + std::to_string(o.page) +
                  " but the deck has " + std::to_string(page_count) + " page(s)");
    }
    validate_outline(o.children, page_count, where);
  }
}

}  // namespace plandeck::render_pdf::detail
