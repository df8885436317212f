// write_workbook(): the checked WorkbookSpec through libxlsxwriter. Every status is checked;
// the library's error text is kept in the message together with the sheet and cell.
#include <xlsxwriter.h>

#include <array>
#include <map>
#include <memory>
#include <type_traits>
#include <vector>

#include "render_xlsx/measure.hpp"
#include "render_xlsx/sheet_grid.hpp"
#include "render_xlsx/sheet_model.hpp"
#include "render_xlsx/workbook.hpp"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>

#include "render_xlsx/package_check.hpp"
#include "text/utf8.hpp"

namespace plandeck::render_xlsx {

namespace {

static_assert(LXW_VERSION_ID >= 114, "libxlsxwriter 1.1.4 or newer is needed");

constexpr lxw_color_t kHeaderFill = 0xDDEBF7;  // pale blue
constexpr lxw_color_t kLinkColor = 0x0563C1;   // Office hyperlink blue
constexpr lxw_color_t kBorderColor = 0x808080;
constexpr std::size_t kMaxHeaderFooterChars = 255;  // Excel's limit per header or footer

char* c_str(const std::string& s) { return const_cast<char*>(s.c_str()); }

// "&" starts a code in Excel's header and footer strings; the whole string may hold at
// most 255 characters, so the text is cut (at a character boundary) to `max_chars`.
std::string header_footer_text(const std::string& text, std::size_t max_chars) {
  std::u32string in = text::utf8::to_u32(text);
  std::u32string out;
  for (char32_t c : in) {
    std::size_t add = c == U'&' ? 2 : 1;
    if (out.size() + add > max_chars) {
      out += U'\u2026';  // …
      break;
    }
    if (c == U'&') out += U'&';
    out += c;
  }
  return text::utf8::encode(out);
}

const std::string kNoFormat;  // a cell format without a number format
constexpr std::size_t kCellStyles = static_cast<std::size_t>(CellStyle::Link) + 1;

class Workbook {
 public:
  Workbook(const std::string& path, const WorkbookOptions& options) : options_(options) {
    lxw_workbook_options lib_options{};
    lib_options.tmpdir = options.temp_dir.empty() ? nullptr : c_str(options.temp_dir);
    wb_ = workbook_new_opt(path.c_str(), &lib_options);
    if (!wb_) throw Error("workbook: cannot create " + path + " (libxlsxwriter: out of memory or bad path)");
  }
  ~Workbook() {
    if (wb_) lxw_workbook_free(wb_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void properties(const WorkbookSpec& spec) {
    lxw_doc_properties props{};
    props.title = c_str(spec.title);
    props.author = c_str(spec.author);
    props.subject = c_str(spec.subject);
    if (options_.source_date_epoch) {
      long long epoch = *options_.source_date_epoch;
      if (epoch < 0 || epoch > 253402300799LL) {  // a four-digit year: up to 9999-12-31T23:59:59Z
        throw Error("workbook: SOURCE_DATE_EPOCH " + std::to_string(epoch) + " is outside 0..253402300799");
      }
      // The library reads 0 as "now"; one second later keeps the file reproducible.
      props.created = static_cast<time_t>(epoch == 0 ? 1 : epoch);
    }
    check(workbook_set_properties(wb_, &props), "workbook: document properties");
    for (const auto& [name, value] : spec.custom_properties) {
      check(workbook_set_custom_property_string(wb_, name.c_str(), value.c_str()),
            "workbook: custom property " + name);
    }
  }

  void sheet(const SheetSpec& s, const std::string& footer_title) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, s.name.c_str());
    if (!ws) throw Error("workbook: sheet '" + s.name + "': libxlsxwriter refused the sheet name");
    const std::string at = "workbook: sheet '" + s.name + "'";

    // The column format gives cells typed in later the Japanese font too (the workbook's
    // default font, Calibri, cannot be changed in libxlsxwriter 1.1.4).
    for (std::size_t c = 0; c < s.col_widths.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(ws, col, col, s.col_widths[c], plain()), [&] { return at + " column width"; });
    }
    for (std::size_t r = 0; r < s.row_heights.size(); ++r) {
      if (s.row_heights[r] <= 0) continue;
      check(worksheet_set_row(ws, static_cast<lxw_row_t>(r), s.row_heights[r], nullptr),
            [&] { return at + " row height"; });
    }

    // The used range as a grid: the cell at each position, and the positions hidden under a
    // merged range (its top-left cell excepted, which has a CellSpec).
    const detail::Grid grid(s);
    for (const Range& m : s.merges) {
      const CellSpec* anchor = grid.cell(m.first_row, m.first_col);
      lxw_format* f = anchor ? cell_format(*anchor) : format(CellStyle::Text, false, kNoFormat);
      check(worksheet_merge_range(ws, m.first_row, m.first_col, m.last_row, m.last_col, "", f), [&] {
        return at + " merge " + cell_name(m.first_row, m.first_col) + ":" + cell_name(m.last_row, m.last_col);
      });
    }
    for (const CellSpec& c : s.cells) {
      write_cell(ws, c, at);
      if (!c.note.empty()) write_note(ws, c, at);
    }
    // Empty cells of the used range (the row between two tables) get the font as well.
    for (std::uint32_t r = 0; r < grid.rows; ++r) {
      for (std::uint16_t c = 0; c < grid.cols; ++c) {
        if (grid.cell(r, c) || grid.merged(r, c)) continue;
        check(worksheet_write_blank(ws, r, c, plain()), [&] { return at + " cell " + cell_name(r, c); });
      }
    }

    if (s.freeze_rows > 0 || s.freeze_cols > 0) worksheet_freeze_panes(ws, s.freeze_rows, s.freeze_cols);
    if (s.autofilter) {
      const Range& r = *s.autofilter;
      check(worksheet_autofilter(ws, r.first_row, r.first_col, r.last_row, r.last_col),
            [&] { return at + " autofilter"; });
    }
    if (s.table) add_table(ws, s, *s.table, grid, at);
    for (const ListRule& rule : s.lists) add_list(ws, rule, at);

    // Print: A4 landscape, one page wide, the header row on every page.
    worksheet_set_paper(ws, 9);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);  // inches: left, right, top, bottom
    if (s.repeat_rows) {
      check(worksheet_repeat_rows(ws, s.repeat_rows->first, s.repeat_rows->second),
            [&] { return at + " print title rows"; });
    }
    // Headers and footers name the sheets' font in every section, or Excel and LibreOffice
    // draw them in Calibri / their default face, whose Ⅱ and digits differ from the cells'.
    lxw_header_footer_options hf{};
    hf.margin = 0.25;
    const std::string font = "&\"" + options_.font_name + ",Regular\"";
    const std::size_t room = kMaxHeaderFooterChars - text::utf8::to_u32(font).size() - 20;
    if (!s.page_header.empty()) {
      std::string header = "&L" + font + header_footer_text(s.page_header, room);
      check(worksheet_set_header_opt(ws, header.c_str(), &hf), [&] { return at + " page header"; });
    }
    std::string footer = "&L" + font + header_footer_text(footer_title, room - text::utf8::to_u32(font).size()) +
                         "&R" + font + "&P / &N";
    check(worksheet_set_footer_opt(ws, footer.c_str(), &hf), [&] { return at + " page footer"; });
  }

  // The library's error comes from its return code and errno, never from what it prints:
  // no thread of plandeck ever touches the process's file descriptors. libxlsxwriter prints
  // its own "[ERROR] workbook_close(): …" line on stderr when it cannot write the file, and
  // that cannot be silenced without swapping fd 2. So everything it could refuse is checked
  // before it is called (check_workbook_spec), and what is left is a failing disk, where
  // its line is followed by plandeck's own located message with the system's reason. A
  // part it failed to write without noticing (it does not check those writes) is caught by
  // verify_package, run on the file right after.
  void close(const std::string& path) {
    lxw_workbook* wb = wb_;
    wb_ = nullptr;  // workbook_close frees it whatever the outcome
    errno = 0;
    const lxw_error err = workbook_close(wb);
    const int reason = errno;
    if (err == LXW_NO_ERROR) return;
    throw Error("workbook: writing the file: " + failure_reason(err, reason, path));
  }

 private:
  // What users need is the system's reason (a full disk, a file-size limit), not "zip
  // error". errno is the library's when it failed writing; when it is something else (the
  // library's own failed print to a closed stderr leaves EBADF), a file system without free
  // blocks is still recognised.
  std::string failure_reason(lxw_error err, int reason, const std::string& path) const {
    if (reason == ENOSPC || reason == EFBIG || reason == EDQUOT || reason == EIO) return std::strerror(reason);
    const std::string dir = options_.temp_dir.empty() ? path.substr(0, path.find_last_of('/') + 1) + "." : options_.temp_dir;
    struct statvfs fs {};
    if (::statvfs(dir.c_str(), &fs) == 0 && fs.f_bavail == 0) return std::strerror(ENOSPC);
    std::string text = lxw_strerror(err);
    if (reason != 0 && reason != EBADF) text += std::string(" (") + std::strerror(reason) + ")";
    return text;
  }

  // `what` names what was being written: a text, or a callable that makes it, so that the
  // text of a cell's or a row's call is only made when that call fails.
  template <typename What>
  static void check(lxw_error err, const What& what) {
    if (err == LXW_NO_ERROR) return;
    if constexpr (std::is_invocable_v<const What&>) {
      throw Error(what() + ": " + lxw_strerror(err));
    } else {
      throw Error(std::string(what) + ": " + lxw_strerror(err));
    }
  }

  lxw_format* format(CellStyle style, bool strong, const std::string& num_format) {
    auto& by_number_format = formats_[static_cast<std::size_t>(style)][strong ? 1 : 0];
    auto it = by_number_format.find(num_format);
    if (it != by_number_format.end()) return it->second;
    lxw_format* f = workbook_add_format(wb_);
    if (!f) throw Error("workbook: cannot add a cell format (out of memory)");
    format_set_font_name(f, options_.font_name.c_str());
    format_set_font_size(f, options_.font_size);
    if (strong || style == CellStyle::Header || style == CellStyle::Caption) format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f);
    if (style != CellStyle::Caption) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_border_color(f, kBorderColor);
    }
    switch (style) {
      case CellStyle::Header:
        format_set_bg_color(f, kHeaderFill);
        format_set_align(f, LXW_ALIGN_CENTER);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        break;
      case CellStyle::Number:
        format_set_align(f, LXW_ALIGN_RIGHT);
        format_set_num_format(f, num_format.c_str());
        break;
      case CellStyle::Link:
        format_set_font_color(f, kLinkColor);
        format_set_underline(f, LXW_UNDERLINE_SINGLE);
        break;
      default:
        break;
    }
    by_number_format.emplace(num_format, f);
    return f;
  }

  // An Excel table over cells already written. libxlsxwriter writes the header row itself
  // (default captions when none are given), so it gets the header cells' own texts.
  void add_table(lxw_worksheet* ws, const SheetSpec& s, const TableSpec& t, const detail::Grid& grid,
                 const std::string& at) {
    std::vector<std::string> names;
    for (auto c = t.range.first_col; c <= t.range.last_col; ++c) {
      const CellSpec* header = grid.cell(t.range.first_row, c);
      std::string name;
      if (header) {
        for (const auto& run : header->runs) name += run.text;
      }
      names.push_back(name);
    }
    std::vector<lxw_table_column> columns(names.size());
    std::vector<lxw_table_column*> ptrs;
    for (std::size_t i = 0; i < names.size(); ++i) {
      columns[i].header = c_str(names[i]);
      columns[i].header_format = format(CellStyle::Header, false, kNoFormat);
      ptrs.push_back(&columns[i]);
    }
    ptrs.push_back(nullptr);
    lxw_table_options options{};
    options.name = c_str(t.name);
    options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    options.style_type_number = 1;
    options.columns = ptrs.data();
    check(worksheet_add_table(ws, t.range.first_row, t.range.first_col, t.range.last_row, t.range.last_col,
                              &options),
          [&] { return at + " table " + t.name + " (" + s.name + ")"; });
  }

  // A drop-down list of the allowed words, and a fill per word (conditional formats).
  void add_list(lxw_worksheet* ws, const ListRule& rule, const std::string& at) {
    const Range& r = rule.range;
    std::vector<char*> words;
    for (const std::string& w : rule.words) words.push_back(c_str(w));
    words.push_back(nullptr);
    lxw_data_validation dv{};
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = words.data();
    dv.ignore_blank = LXW_VALIDATION_ON;
    dv.dropdown = LXW_VALIDATION_ON;
    dv.show_error = LXW_VALIDATION_ON;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    check(worksheet_data_validation_range(ws, r.first_row, r.first_col, r.last_row, r.last_col, &dv),
          [&] { return at + " data validation " + cell_name(r.first_row, r.first_col); });
    for (const WordFill& f : rule.fills) {
      // The value is a formula: a text must be in double quotes (the words have none).
      std::string value = "\"" + f.word + "\"";
      lxw_conditional_format cf{};
      cf.type = LXW_CONDITIONAL_TYPE_CELL;
      cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
      cf.value_string = c_str(value);
      cf.format = fill_format(f.fill);
      check(worksheet_conditional_format_range(ws, r.first_row, r.first_col, r.last_row, r.last_col, &cf),
            [&] { return at + " conditional format " + f.word; });
    }
  }

  // What a conditional format adds to a cell: only the fill.
  lxw_format* fill_format(std::uint32_t rgb) {
    lxw_format*& f = fills_[rgb];
    if (f) return f;
    f = workbook_add_format(wb_);
    if (!f) throw Error("workbook: cannot add a fill format (out of memory)");
    format_set_bg_color(f, rgb);
    return f;
  }

  // `at` names the sheet.
  void write_note(lxw_worksheet* ws, const CellSpec& c, const std::string& at) {
    lxw_comment_options o{};
    o.font_name = c_str(options_.font_name);
    o.font_size = options_.font_size;
    o.x_scale = 2;  // wide enough for a chapter title on two or three lines
    check(worksheet_write_comment_opt(ws, c.row, c.col, c.note.c_str(), &o),
          [&] { return at + " note " + cell_name(c.row, c.col); });
  }

  // Only the font: for rich-text runs (the library's default would be Calibri), empty cells
  // and whole columns.
  lxw_format* plain() { return run_format(false); }
  lxw_format* run_format(bool strong) {
    lxw_format*& f = strong ? run_strong_ : run_regular_;
    if (f) return f;
    f = workbook_add_format(wb_);
    if (!f) throw Error("workbook: cannot add a run format (out of memory)");
    format_set_font_name(f, options_.font_name.c_str());
    format_set_font_size(f, options_.font_size);
    if (strong) format_set_bold(f);
    return f;
  }

  lxw_format* cell_format(const CellSpec& c) { return format(c.style, false, c.number_format); }

  // `at` names the sheet.
  void write_cell(lxw_worksheet* ws, const CellSpec& c, const std::string& sheet_at) {
    auto at = [&] { return sheet_at + " cell " + cell_name(c.row, c.col); };
    if (c.number) {
      check(worksheet_write_number(ws, c.row, c.col, *c.number, cell_format(c)), at);
      return;
    }
    auto strong_run = [&](const model::Run& r) {
      return r.strong && c.style != CellStyle::Header && c.style != CellStyle::Caption;
    };
    // The common case, one non-empty run, is written from the spec without a copy.
    if (c.runs.size() == 1 && !c.runs.front().text.empty() && c.style != CellStyle::Link) {
      const model::Run& run = c.runs.front();
      check(worksheet_write_string(ws, c.row, c.col, run.text.c_str(), format(c.style, strong_run(run), kNoFormat)),
            at);
      return;
    }
    // Adjacent runs of one style become one; empty runs go (Excel rejects empty fragments).
    std::vector<model::Run> runs;
    for (const auto& r : c.runs) {
      if (r.text.empty()) continue;
      const bool strong = strong_run(r);
      if (!runs.empty() && runs.back().strong == strong) {
        runs.back().text += r.text;
      } else {
        runs.push_back({r.text, strong});
      }
    }
    if (c.style == CellStyle::Link) {
      std::string text = runs.empty() ? std::string() : runs.front().text;
      std::string url = "internal:" + c.link;
      check(worksheet_write_url_opt(ws, c.row, c.col, url.c_str(), cell_format(c), text.c_str(), nullptr),
            [&] { return at() + " link"; });
      return;
    }
    if (runs.empty()) {
      check(worksheet_write_blank(ws, c.row, c.col, cell_format(c)), at);
    } else if (runs.size() == 1) {
      check(worksheet_write_string(ws, c.row, c.col, runs.front().text.c_str(),
                                   format(c.style, runs.front().strong, kNoFormat)),
            at);
    } else {
      std::vector<lxw_rich_string_tuple> tuples(runs.size());
      std::vector<lxw_rich_string_tuple*> ptrs;
      for (std::size_t i = 0; i < runs.size(); ++i) {
        tuples[i].format = run_format(runs[i].strong);
        tuples[i].string = c_str(runs[i].text);
        ptrs.push_back(&tuples[i]);
      }
      ptrs.push_back(nullptr);
      check(worksheet_write_rich_string(ws, c.row, c.col, ptrs.data(), cell_format(c)), at);
    }
  }

  lxw_workbook* wb_ = nullptr;
  const WorkbookOptions& options_;
  // Cell formats by style, strong, and number format.
  std::array<std::array<std::map<std::string, lxw_format*>, 2>, kCellStyles> formats_;
  std::map<std::uint32_t, lxw_format*> fills_;
  lxw_format* run_regular_ = nullptr;
  lxw_format* run_strong_ = nullptr;
};

}  // namespace

void write_workbook(const model::Plan& plan, const std::string& path,
                    const WorkbookOptions& options) {
  if (options.font_name.empty() || !text::utf8::is_valid(options.font_name) ||
      text::utf8::to_u32(options.font_name).size() > 31) {
    throw Error("workbook: the font name must be 1 to 31 characters of valid UTF-8");
  }
  if (!(options.font_size >= 1 && options.font_size <= 409)) {
    throw Error("workbook: the font size must be between 1 and 409 points");
  }
  TextMeasure measure(options);
  WorkbookSpec spec = build_workbook_spec(plan, measure, options);
  check_workbook_spec(spec);

  Workbook wb(path, options);
  wb.properties(spec);
  for (const SheetSpec& s : spec.sheets) wb.sheet(s, spec.page_footer_title);
  wb.close(path);
  verify_package(path, spec.sheets.size());
}

}  // namespace plandeck::render_xlsx
