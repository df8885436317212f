#include "cli/pipeline.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "cli/atomic_output.hpp"
#include "cli/exit_code.hpp"
#include "cli/interrupt_cleanup.hpp"
#include "cli/report.hpp"
#include "cli/output_guard.hpp"
#include "compose/compose.hpp"
#include "compose/fonts.hpp"
#include "diag/source_map.hpp"
#include "figures/arithmetic.hpp"
#include "figures/summary.hpp"
#include "input/layout_loader.hpp"
#include "input/plan_loader.hpp"
#include "lint/lint.hpp"
#include "render_pdf/render_pdf.hpp"
#include "render_xlsx/plan_check.hpp"
#include "render_xlsx/workbook.hpp"
#include "text/font.hpp"

namespace fs = std::filesystem;

namespace plandeck::cli {

namespace {

// The zip entries of a workbook are always dated 1980-01-01; without SOURCE_DATE_EPOCH the
// workbook's "created" property gets the same instant, so that every build is reproducible.
constexpr long long kNoDateEpoch = 315532800;

// The last second both outputs can carry: the PDF's date and the workbook's W3C date have
// four-digit years (9999-12-31T23:59:59Z).
constexpr long long kLastEpoch = 253402300799LL;

diag::Message says(std::string ja, std::string en) { return {std::move(ja), std::move(en)}; }

void print(Report& report, const diag::Diagnostics& diags, const diag::SourceMap& sources) {
  if (!diags.empty()) report.diagnostics(diags, &sources);
}

// --werror: every warning becomes an error, so that a script or CI stops on it. Notes stay
// notes: they never change the exit code.
void promote_warnings(diag::Diagnostics& diags) {
  diag::Diagnostics promoted;
  for (diag::Diagnostic d : diags.items()) {
    if (d.severity == diag::Severity::Warning) d.severity = diag::Severity::Error;
    promoted.add(std::move(d));
  }
  diags = std::move(promoted);
}

void environment_error(Report& report, const std::string& what, const diag::Message& message,
                       const char* code) {
  diag::Diagnostics one;
  one.add(diag::Diagnostic(diag::Severity::Error, {what, 0, 0}, message, std::nullopt, code));
  report.diagnostics(one, nullptr);
}

// Everything a run needs besides the plan: the layout and its fonts, loaded once.
struct Context {
  spec::Layout layout;
  std::optional<compose::FontSet> fonts;
  std::vector<std::string> regular_files, strong_files;
};

int prepare(const Options& options, Context& ctx, diag::SourceMap& sources, Report& report) {
  if (options.layout) {
    diag::Diagnostics diags;
    auto layout = input::load_layout(*options.layout, sources, diags);
    print(report, diags, sources);
    if (!layout) return kInvalidInput;
    ctx.layout = std::move(*layout);
  }
  std::string error;
  auto dirs = text::font_search_dirs("fonts");
  ctx.fonts = compose::FontSet::load(ctx.layout.fonts, dirs, &error);
  if (!ctx.fonts) {
    environment_error(report, "plandeck", says("フォントを読み込めません: " + error, "cannot load a font: " + error),
                      "font-missing");
    return kEnvironment;
  }
  for (const text::Font* f : ctx.fonts->measurer().chain(0)) ctx.regular_files.push_back(f->path());
  for (const text::Font* f : ctx.fonts->measurer().chain(1)) ctx.strong_files.push_back(f->path());
  return kSuccess;
}

// Runs one task on a second thread, so that it overlaps with what the calling thread does
// next, and hands back what it threw. When no thread can be started, the task runs in
// wait() instead (same result, just not overlapped). The destructor joins, so the thread
// never outlives the data it works on, even when the caller leaves by an exception.
class Background {
 public:
  explicit Background(std::function<void()> task) : task_(std::move(task)) {
    try {
      thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
      // e.g. EAGAIN: too many threads; wait() runs the task.
    }
  }
  ~Background() {
    if (thread_.joinable()) thread_.join();
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // Waits for the task; returns what it threw (null when it succeeded).
  std::exception_ptr wait() {
    if (thread_.joinable()) {
      thread_.join();
    } else if (task_) {
      run();
    }
    task_ = nullptr;
    return error_;
  }

 private:
  void run() {
    try {
      task_();
    } catch (...) {  // every exception, rethrown by the caller where it would have been
      error_ = std::current_exception();
    }
  }

  std::function<void()> task_;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once the members it uses exist
};

// The number printed on each page of the deck where a result-detail row is drawn: the
// workbook's 一覧 names it so that a row can be found in the printed deck.
std::unordered_map<const model::TableRow*, int> row_pages(const compose::Deck& deck, const spec::Layout& layout) {
  std::unordered_map<const model::TableRow*, int> pages;
  for (std::size_t i = 0; i < deck.pages.size(); ++i) {
    const int printed = static_cast<int>(i) + layout.frame.first_page_number;
    for (const model::TableRow* row : deck.pages[i].table_rows) pages.emplace(row, printed);  // first page wins
  }
  return pages;
}

// The workbook of one plan, rendered to its temporary file on a second thread, overlapping
// with the PDF. It starts once the deck is composed (the 一覧 names each row's deck page)
// and shares nothing mutable with the PDF: the fonts loaded once for the run and their
// measurer (thread-safe look-ups) are only read, and so is the plan. Nothing is
// published here: the caller commits output() once every output succeeded; destroying the
// job waits for the thread and removes the temporary file and its private directory. The
// private directory is made on the thread too, so that its failure (an output folder that
// cannot be written) is reported by wait() like any other.
class WorkbookJob {
 public:
  WorkbookJob(const Options& options, const Context& ctx, const model::Plan& plan, const compose::Deck& deck)
      : final_path_(output_base(options, plan.path) + ".xlsx") {
    options_.source_date_epoch = options.source_date_epoch.value_or(kNoDateEpoch);
    options_.regular_font_files = ctx.regular_files;
    options_.strong_font_files = ctx.strong_files;
    options_.regular_fonts = ctx.fonts->measurer().chain(0);
    options_.strong_fonts = ctx.fonts->measurer().chain(1);
    options_.measurer = &ctx.fonts->measurer();  // its widths are computed already
    options_.row_pages = row_pages(deck, ctx.layout);
    task_.emplace([this, &plan] {
      output_.emplace(final_path_);
      // libxlsxwriter's own temporary files go to the private directory too: a full or
      // hostile /tmp can then neither empty the workbook nor see its parts.
      options_.temp_dir = output_->temp_dir();
      render_xlsx::write_workbook(plan, output_->temp_path(), options_);
    });
  }
  const std::string& final_path() const { return final_path_; }
  // The written file; only after wait() returned no error.
  AtomicOutput& output() { return *output_; }
  std::exception_ptr wait() { return task_->wait(); }

 private:
  std::string final_path_;
  std::optional<AtomicOutput> output_;
  render_xlsx::WorkbookOptions options_;
  std::optional<Background> task_;  // last: joined before the members it uses go away
};

// Writes the requested outputs of one plan. Both are rendered to temporary files first and
// renamed into place only when every one of them succeeded. The workbook is rendered on a
// second thread while this thread renders the PDF; when both fail, the PDF's error is the
// one reported, as when they were written in turn.
int write_outputs(const Options& options, const Context& ctx, const model::Plan& plan,
                  const compose::Deck& deck, Report& report) {
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec || !fs::is_directory(options.output_dir)) {
    environment_error(report, options.output_dir,
                      says("出力先フォルダを作成できません: " + ec.message(),
                           "cannot create the output directory: " + ec.message()),
                      "output-directory");
    return kEnvironment;
  }
  const std::string base = output_base(options, plan.path);

  std::unique_ptr<AtomicOutput> pdf;
  std::unique_ptr<WorkbookJob> workbook;
  std::vector<AtomicOutput*> files;  // in output order: PDF, workbook
  // The output a failure is reported against: the one that failed, else the last one.
  std::string target = base;
  try {
    if (options.outputs != Outputs::PdfOnly) workbook = std::make_unique<WorkbookJob>(options, ctx, plan, deck);
    std::exception_ptr pdf_error, xlsx_error;
    if (options.outputs != Outputs::XlsxOnly) {
      target = base + ".pdf";
      try {
        pdf = std::make_unique<AtomicOutput>(target);
        render_pdf::write_pdf(deck, pdf->temp_path(), {options.source_date_epoch});
      } catch (...) {
        pdf_error = std::current_exception();
      }
    }
    if (workbook) xlsx_error = workbook->wait();
    // Both results are in: report the first failure in output order; publish only when
    // every output succeeded.
    if (pdf_error) std::rethrow_exception(pdf_error);
    if (workbook) target = workbook->final_path();
    if (xlsx_error) std::rethrow_exception(xlsx_error);
    if (pdf) files.push_back(pdf.get());
    if (workbook) files.push_back(&workbook->output());
    // All or nothing: when an output cannot be published (a folder in the way of the
    // workbook, a file another user owns in a sticky folder), the ones already published
    // are put back as they were, so the message's "previous outputs are untouched" holds.
    // Ctrl-C or a kill while publishing takes effect once every output is in place (or put
    // back): between two renames it would leave a new deck beside the previous workbook.
    const interrupt_cleanup::DeferInterrupts publishing;
    for (std::size_t k = 0; k < files.size(); ++k) {
      target = files[k]->final_path();
      try {
        files[k]->commit();
      } catch (...) {
        for (std::size_t done = 0; done < k; ++done) files[done]->roll_back();
        throw;
      }
    }
  } catch (const std::exception& e) {
    if (workbook) workbook->wait();  // its thread ends before the error is reported
    std::string what = e.what();
    if (pdf) what = pdf->readable(what);
    environment_error(report, target,
                      says("書き出しに失敗しました（以前の出力は変更していません）: " + what,
                           "could not write the output (previous outputs are untouched): " + what),
                      "output-write");
    return kEnvironment;
  }
  // Reported once the private directories are gone, so that a signal while printing (a
  // closed pipe) finds nothing left to clean.
  std::vector<std::string> written;
  for (AtomicOutput* f : files) written.push_back(f->final_path());
  pdf.reset();
  workbook.reset();
  for (const std::string& p : written) report.wrote(p);
  return kSuccess;
}

int process_plan(const Options& options, const Context& ctx, const std::string& path,
                 diag::SourceMap& sources, Report& report) {
  diag::Diagnostics diags;
  auto plan = input::load_plan(path, sources, diags);
  // The workbook's limits, checked on the plan for `check` too: whatever check accepts,
  // build writes.
  if (plan) render_xlsx::check_plan(*plan, diags);
  if (!plan || diags.has_errors()) {
    print(report, diags, sources);
    return kInvalidInput;
  }
  lint::check(*plan, ctx.layout, diags, &sources);  // warnings: text that was pasted or typed in
  compose::ComposeOptions co;
  co.creator = std::string("plandeck ") + PLANDECK_VERSION;
  figures::check_arithmetic(*plan, diags, &sources);
  compose::Deck deck = compose::compose(*plan, ctx.layout, ctx.fonts->measurer(), diags, &sources, co);
  if (options.werror) promote_warnings(diags);
  // An invalid plan writes nothing (the outputs are started only after this).
  if (diags.has_errors()) {
    print(report, diags, sources);
    return kInvalidInput;
  }

  if (options.command == Command::Check) {
    print(report, diags, sources);  // warnings
    std::size_t warnings = 0;  // no errors here; notes are not counted
    for (const diag::Diagnostic& d : diags.items()) warnings += d.severity == diag::Severity::Warning ? 1 : 0;
    report.checked(path, deck.pages.size(), warnings);
    if (options.summary) report.summary(figures::count_verdicts(*plan));
    return kSuccess;
  }
  int code = write_outputs(options, ctx, *plan, deck, report);
  // Warnings. Notes (e.g. slides set below the deck's type scale) are for reviewing a
  // plan: `check` prints them, `build` keeps quiet.
  diag::Diagnostics shown;
  for (const diag::Diagnostic& d : diags.items()) {
    if (d.severity != diag::Severity::Note) shown.add(d);
  }
  print(report, shown, sources);
  return code;
}

// With stderr closed (`2>&-`), the next open() would hand out descriptor 2 again, and a
// file being written (the deck, say) could then receive whatever libxlsxwriter prints on
// stderr from the workbook thread. So a closed fd 2 is filled with /dev/null, once, before
// any thread exists; nothing is ever swapped. (stdout is left alone: a closed stdout is
// reported as a failure at the end of run.)
void keep_stderr_descriptor_taken() {
  if (::fcntl(2, F_GETFD) != -1 || errno != EBADF) return;
  const int fd = ::open("/dev/null", O_WRONLY);
  if (fd >= 0 && fd != 2) {  // 0 or 1 may have been closed too: they stay closed
    ::dup2(fd, 2);
    ::close(fd);
  }
}

}  // namespace

int run(const Options& options, Report& report) {
  // A date neither output can carry is refused by check as by build, before any work.
  const std::optional<long long>& epoch = options.source_date_epoch;
  if (epoch && (*epoch < 0 || *epoch > kLastEpoch)) {
    const std::string value = std::to_string(*epoch);
    environment_error(report, "SOURCE_DATE_EPOCH",
                      says("値 " + value + " は範囲外です（0 から " + std::to_string(kLastEpoch) +
                               "、つまり 9999-12-31 23:59:59 UTC まで）",
                           "the value " + value + " is out of range (0 to " + std::to_string(kLastEpoch) +
                               ", that is up to 9999-12-31 23:59:59 UTC)"),
                      "source-date-epoch");
    return kEnvironment;
  }
  diag::SourceMap sources;
  Context ctx;
  int code = prepare(options, ctx, sources, report);
  if (code != kSuccess) return code;
  std::error_code ec;
  if (options.command == Command::Build && fs::is_directory(options.output_dir, ec)) {
    remove_stale_temporaries(options.output_dir);
  }
  int result = kSuccess;
  for (const auto& path : options.plans) {
    result = worst(result, process_plan(options, ctx, path, sources, report));
  }
  return result;
}

int run(const Options& options, std::ostream& out, std::ostream& err) {
  keep_stderr_descriptor_taken();
  // Refusals of what would lose data are usage errors (exit 2): text on stderr, as the
  // command line's own errors, whatever the format.
  if (options.command == Command::Build) {
    int refused = check_output_targets(options, err);
    if (refused != kSuccess) return refused;
  }
  std::unique_ptr<Report> report = make_report(options, out, err);
  int code = run(options, *report);
  report->finish(code);
  // "wrote …" and "ok" lines (or the JSON document) that never reached stdout (a full disk,
  // /dev/full) are a failure too: a script must not read exit 0 as success of something it
  // could not see.
  out.flush();
  if (!out) {
    diag::Diagnostic d(diag::Severity::Error, {"stdout", 0, 0},
                       says("標準出力に書き込めません（進行の報告が失われました）",
                            "cannot write to standard output (the progress report was lost)"),
                       std::nullopt, "stdout-write");
    err << diag::format(d, options.lang, nullptr);
    code = worst(code, kEnvironment);
  }
  return code;
}

}  // namespace plandeck::cli
