// The layout: everything about how a deck looks (page, colours, fonts, sizes, the geometry of
// each slide kind) as plain data. The default-constructed Layout IS the built-in default
// layout; layouts/default.yaml spells out the same values. Nothing here knows the plan.
//
// Units are PDF points unless a name says otherwise (`_em` = multiples of the font size,
// `fraction`/`weights` = relative shares of a width).
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"

namespace plandeck::spec {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b; }
};

// 0xRRGGBB -> Color.
constexpr Color rgb(unsigned hex) {
  return Color{static_cast<double>((hex >> 16) & 0xFFu) / 255.0,
               static_cast<double>((hex >> 8) & 0xFFu) / 255.0,
               static_cast<double>(hex & 0xFFu) / 255.0};
}

// A font size search range: the fitter tries max, max - step, ..., min.
//
// One type scale per deck: the boxes of one role (title bars, headings, the body of one
// slide kind, label cells, table text) take the same size on every slide, the largest at
// which every slide of the role fits. `deck_min` bounds that shared size from below: a slide
// whose content needs less than deck_min goes smaller alone (and `check` lists it in a
// note) instead of taking the whole deck down with it. 0 = min.
//
// `flow_below` is the smallest size a slide whose content can continue on …（続き） pages
// (取組結果, 到達目標, overview) shrinks to in order to stay on one page: below it, the
// content flows on at a readable size instead. Sizes down to min are used only when some
// unit (one goal, one panel row) is taller than a page even at flow_below. 0 = min.
struct SizeRange {
  double max = 12;
  double min = 8;
  double deck_min = 0;
  double flow_below = 0;
  double floor() const { return deck_min > min ? deck_min : min; }
};

struct Margins {
  double top = 0, right = 0, bottom = 0, left = 0;
};

// Font chains by file name, looked up in fonts/ and then the system font directories.
// The first font of a chain that has a character draws it (DejaVu supplies ➤ and friends).
struct Fonts {
  std::vector<std::string> regular = {"BIZUDPGothic-Regular.ttf", "DejaVuSans.ttf"};
  std::vector<std::string> strong = {"BIZUDPGothic-Bold.ttf", "DejaVuSans-Bold.ttf"};
};

// Restrained and legible in greyscale: dark navy for structure, pale fills behind dark
// text, one accent colour for emphasis (which is also bold, so it never relies on colour).
struct Palette {
  Color text = rgb(0x1A1A1A);
  Color muted = rgb(0x595959);           // page numbers, notes
  Color title_bar = rgb(0x1F3864);       // navy bar at the top of content slides
  Color title_text = rgb(0xFFFFFF);
  Color heading = rgb(0x1F3864);         // slide headings, captions, TOC sections
  Color rule = rgb(0x1F3864);            // lines under headings
  Color band = rgb(0xDCE4F0);            // heading bands (panel titles, block headings)
  Color band_text = rgb(0x1F3864);
  Color label = rgb(0x2E4A7A);           // solid label cells (取組の方向性, 【到達目標1】)
  Color label_text = rgb(0xFFFFFF);
  Color panel_fill = rgb(0xF5F7FB);      // light panel / box background
  Color border = rgb(0x8497B0);          // box and panel outlines
  Color effects_fill = rgb(0xFFF6E0);    // 【効果】 boxes
  Color effects_border = rgb(0xC9A227);
  Color accent = rgb(0x961018);          // **emphasis** (always bold as well); dark enough
                                         // that bold reads heavier than body text in grey
  Color table_header = rgb(0xD6DEEA);
  Color table_item = rgb(0xEEF2F8);      // the spanning 項目 cells
  Color table_border = rgb(0x7F8FA6);
  Color cover_band = rgb(0x1F3864);
  Color divider_band = rgb(0x1F3864);
  Color divider_text = rgb(0xFFFFFF);
};

// Line layout shared by every box.
struct TextRules {
  double line_height = 1.3;            // line pitch = line_height * size
  double line_height_max = 1.5;        // a slide with room sets its lines looser, up to this
  double step = 0.5;                   // size search grid
  double paragraph_spacing_em = 0.2;   // between the items of a list
  double marker_gap_em = 0.25;         // between a bullet and its text (wider than poppler's 0.15 em word-space threshold)
  double indent_em = 1.0;              // per nesting level of items
  double ascent = 0.88;                // baseline below the top of the em box, in em
  std::vector<std::string> markers = {"・", "-"};  // list bullet per depth (last repeats)
  std::string summary_marker = "➤";    // a summary line starting with it hangs it as a bullet
  bool trim_numeral_one = true;        // Ⅰ (a full em, one stroke in BIZ UDPGothic) is drawn
                                       // with the side bearings of a letter: "Ⅰ-1", not "Ⅰ -1"
  double summary_marker_scale = 0.8;   // drawn at this share of the text size: the symbol
                                       // face's solid ➤ is heavier than the text beside it
  // A paragraph whose last line would hold one or two characters (施, る。) is broken again
  // at the same measure and line count so that its last line holds more, preferring lines
  // that keep `balance_floor` of their width (§7.3, text::PreparedParagraph::balance).
  // Heights never change, so neither do font sizes.
  bool balance = true;
  double balance_floor = 0.80;
};

struct Sizes {
  SizeRange title{20, 12, 16};    // title bar
  SizeRange heading{16, 11, 12};  // slide heading, table caption
  SizeRange body{16, 8, 11, 10};  // body text: one size per slide kind; label cells too
  SizeRange table{13, 7, 9};      // one size for every table of the deck
  SizeRange cover_title{30, 18};
  SizeRange cover_text{18, 11};   // organisation and date
  SizeRange divider{28, 16};
  SizeRange toc{18, 9};
  double page_number = 10;
};

// Page frame of content slides: title bar on top, page number in the footer.
struct Frame {
  double width = 842;   // A4 landscape
  double height = 595;
  Margins margins{12, 28, 26, 28};  // top margin is above the title bar
  double title_bar_height = 40;
  double title_padding = 12;        // left/right inside the title bar
  double content_gap = 12;          // below the title bar, before the content
  double heading_height = 26;       // the slide heading line (when the slide has one)
  double footer_height = 14;        // the page number's baseline stands this far above the
                                    // paper's edge (printers cut 4–5 mm), in the bottom margin
  int first_page_number = 0;        // the cover's number (never printed): 0 makes the 目次
                                    // page 1, as in the original deck
  double gap = 8;                   // between stacked boxes
  double padding = 6;               // inside boxes (text inset)
  double border_width = 0.75;
};

struct Cover {
  double title_top = 190;        // top of the title box
  double title_height = 110;
  double title_width = 700;
  double band_height = 18;       // decorative bands at top and bottom
  double text_top = 380;         // organisation, then the date below it
  double text_height = 30;
};

struct Divider {
  double band_top = 230;
  double band_height = 120;
  double number_width = 90;      // the Ⅰ / Ⅱ cell at the band's left
};

struct Toc {
  double indent = 28;            // chapters are indented this much
  double number_width = 36;      // right-aligned page number column
  double section_gap_em = 0.9;   // extra space above a section entry
  double entry_gap_em = 0.5;     // space above a chapter entry
  std::string leader = "・";      // dot leader character
};

struct Overview {
  double band_height_em = 1.6;   // block heading band, in em of the body size
  double body_indent = 14;       // body and items under a heading band
};

struct Projects {
  double number_width = 28;      // the row number cell
  double name_fraction = 0.3;    // share of the remaining width for プロジェクト名
  double header_height_em = 1.7;
  double group_gap = 10;
};

struct GoalStatus {
  double label_width = 118;      // 【到達目標1】 cell
  double results_fraction = 0.58;  // share of the columns' width for 実績
  double column_band_em = 1.5;   // 実績 / 今後の課題 band height
};

struct Results {
  double label_width = 130;      // 取組の方向性 / 取組結果 label cells
  double panel_gap = 8;
  double band_height_em = 1.6;   // panel title band
  double effects_gap = 4;        // between a panel's items and its 【効果】 box
  double stretch = 1.3;          // panels grow to at most this times their content height
                                 // (and never below the slide's foot or the table)
  std::vector<std::string> panel_markers = {"○", "・", "-"};  // bullets inside the panels
};

struct Table {
  // 項目, 内容, 目標, baseline, result, status (relative weights). With fit_columns the
  // weights are only the starting point: the widths are then chosen per table, from its
  // text at its size, to make the table as short as possible, each column staying between
  // column_min and column_max (shares of the table width).
  std::vector<double> column_weights = {15, 19, 14, 17, 21, 14};
  bool fit_columns = true;
  std::vector<double> column_min = {0.13, 0.12, 0.09, 0.10, 0.12, 0.09};
  std::vector<double> column_max = {0.20, 0.30, 0.22, 0.26, 0.36, 0.20};
  double padding = 6;           // inside cells (less crowds the text against the rules)
  double caption_height = 24;   // the caption line above the table
  double split_below = 9;       // shrink a table down to this size to keep it on one slide;
                                // below it, continue on the next slide (…（続き）) instead
  double grow_below = 0.5;      // a table whose every slide is filled less than this share at
                                // the deck's table size may be set larger (up to
                                // sizes.table.max), keeping its slides
};

struct Layout {
  std::string name = "default";
  Fonts fonts;
  Palette palette;
  TextRules text;
  Sizes sizes;
  Frame frame;
  Cover cover;
  Divider divider;
  Toc toc;
  Overview overview;
  Projects projects;
  GoalStatus goal_status;
  Results results;
  Table table;
  diag::SourceLoc loc;  // where it was loaded from (empty: built in)
};

}  // namespace plandeck::spec
