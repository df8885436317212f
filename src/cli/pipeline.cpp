#include "cli/pipeline.hpp"

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>

#include "cli/atomic_output.hpp"
#include "cli/exit_code.hpp"
#include "cli/report.hpp"
#include "compose/compose.hpp"
#include "compose/fonts.hpp"
#include "diag/source_map.hpp"
#include "input/layout_loader.hpp"
#include "input/plan_loader.hpp"
#include "lint/lint.hpp"
#include "render_pdf/render_pdf.hpp"
#include "render_xlsx/workbook.hpp"
#include "text/font.hpp"

namespace fs = std::filesystem;

namespace plandeck::cli {

namespace {

// The zip entries of a workbook are always dated 1980-01-01; without SOURCE_DATE_EPOCH the
// workbook's "created" property gets the same instant, so that every build is reproducible.
constexpr long long kNoDateEpoch = 315532800;

diag::Message says(std::string ja, std::string en) { return {std::move(ja), std::move(en)}; }

void print(Report& report, const diag::Diagnostics& diags, const diag::SourceMap& sources) {
  if (!diags.empty()) report.diagnostics(diags, &sources);
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

// Where the outputs of a plan go, without the extension: DIR/<stem>.
std::string output_base(const Options& options, const model::Plan& plan) {
  std::string stem = fs::path(plan.path).stem().string();
  return (fs::path(options.output_dir) / stem).string();
}

// The workbook of one plan, rendered to its temporary file on a second thread. It depends
// on the plan alone, so it can start as soon as the plan is loaded and overlap with compose
// and the PDF. It shares nothing mutable with them: the workbook writer loads its own fonts
// and measurer, and the plan is only read. Nothing is published here: the caller commits
// output() once every output succeeded; destroying the job (e.g. when the plan turned out
// invalid) waits for the thread and removes the temporary file.
class WorkbookJob {
 public:
  WorkbookJob(const Options& options, const Context& ctx, const model::Plan& plan)
      : output_(output_base(options, plan) + ".xlsx") {
    options_.source_date_epoch = options.source_date_epoch.value_or(kNoDateEpoch);
    options_.regular_font_files = ctx.regular_files;
    options_.strong_font_files = ctx.strong_files;
    task_.emplace([this, &plan] {
      remove_stale_temporaries(output_.final_path());
      render_xlsx::write_workbook(plan, output_.temp_path(), options_);
    });
  }
  AtomicOutput& output() { return output_; }
  std::exception_ptr wait() { return task_->wait(); }

 private:
  AtomicOutput output_;
  render_xlsx::WorkbookOptions options_;
  std::optional<Background> task_;  // last: joined before the members it uses go away
};

// Writes the requested outputs of one plan. Both are rendered to temporary files first and
// renamed into place only when every one of them succeeded. The workbook is rendered by
// `workbook` (started by the caller, or here) while this thread renders the PDF; when
// both fail, the PDF's error is the one reported, as when they were written in turn.
int write_outputs(const Options& options, const Context& ctx, const model::Plan& plan,
                  const compose::Deck& deck, std::unique_ptr<WorkbookJob> workbook,
                  Report& report) {
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec || !fs::is_directory(options.output_dir)) {
    environment_error(report, options.output_dir,
                      says("出力先フォルダを作成できません: " + ec.message(),
                           "cannot create the output directory: " + ec.message()),
                      "output-directory");
    return kEnvironment;
  }
  const std::string base = output_base(options, plan);

  std::unique_ptr<AtomicOutput> pdf;
  std::vector<AtomicOutput*> files;  // in output order: PDF, workbook
  // The output a failure is reported against: the one that failed, else the last one.
  std::string target = base;
  try {
    if (options.outputs != Outputs::XlsxOnly) {
      pdf = std::make_unique<AtomicOutput>(base + ".pdf");
      files.push_back(pdf.get());
      target = pdf->final_path();
      remove_stale_temporaries(pdf->final_path());
    }
    if (options.outputs != Outputs::PdfOnly) {
      if (!workbook) workbook = std::make_unique<WorkbookJob>(options, ctx, plan);
      files.push_back(&workbook->output());
      target = workbook->output().final_path();
    }
    std::exception_ptr pdf_error, xlsx_error;
    if (pdf) {
      try {
        render_pdf::write_pdf(deck, pdf->temp_path(), {options.source_date_epoch});
      } catch (...) {
        pdf_error = std::current_exception();
      }
    }
    if (workbook) xlsx_error = workbook->wait();
    // Both results are in: report the first failure in output order; publish only when
    // every output succeeded.
    if (pdf_error) {
      target = pdf->final_path();
      std::rethrow_exception(pdf_error);
    }
    if (xlsx_error) {
      target = workbook->output().final_path();
      std::rethrow_exception(xlsx_error);
    }
    target = files.empty() ? base : files.back()->final_path();
    for (AtomicOutput* f : files) f->commit();
  } catch (const std::exception& e) {
    if (workbook) workbook->wait();  // see process_plan: nothing is printed while it runs
    environment_error(report, target,
                      says(std::string("書き出しに失敗しました（以前の出力は変更していません）: ") + e.what(),
                           std::string("could not write the output (previous outputs are untouched): ") +
                               e.what()),
                      "output-write");
    return kEnvironment;
  }
  for (AtomicOutput* f : files) report.wrote(f->final_path());
  return kSuccess;
}

int process_plan(const Options& options, const Context& ctx, const std::string& path,
                 diag::SourceMap& sources, Report& report) {
  diag::Diagnostics diags;
  auto plan = input::load_plan(path, sources, diags);
  if (!plan) {
    print(report, diags, sources);
    return kInvalidInput;
  }
  lint::check(*plan, ctx.layout, diags, &sources);  // warnings: text that was pasted or typed in
  // Start the workbook now, so that it overlaps with compose as well as the PDF, but only
  // when the output directory already exists: an invalid plan must leave no trace (the
  // directory is created only once the plan has been laid out without errors).
  std::unique_ptr<WorkbookJob> workbook;
  std::error_code ec;
  if (options.command == Command::Build && options.outputs != Outputs::PdfOnly &&
      fs::is_directory(options.output_dir, ec)) {
    workbook = std::make_unique<WorkbookJob>(options, ctx, *plan);
  }
  compose::ComposeOptions co;
  co.creator = std::string("plandeck ") + PLANDECK_VERSION;
  compose::Deck deck = compose::compose(*plan, ctx.layout, ctx.fonts->measurer(), diags, &sources, co);
  // Nothing may be printed while the workbook is being written: the writer briefly sends the
  // process's stderr to a pipe around libxlsxwriter's close (render_xlsx/writer.cpp), and a
  // message printed then would be lost. So the job is finished before anything is said.
  if (diags.has_errors()) {
    workbook.reset();  // waits for the thread and removes its temporary file
    print(report, diags, sources);
    return kInvalidInput;
  }

  if (options.command == Command::Check) {
    print(report, diags, sources);  // warnings
    report.checked(path, deck.pages.size());
    return kSuccess;
  }
  int code = write_outputs(options, ctx, *plan, deck, std::move(workbook), report);
  // Warnings, once the workbook thread is done. Notes (e.g. slides set below the deck's
  // type scale) are for reviewing a plan: `check` prints them, `build` keeps quiet.
  diag::Diagnostics shown;
  for (const diag::Diagnostic& d : diags.items()) {
    if (d.severity != diag::Severity::Note) shown.add(d);
  }
  print(report, shown, sources);
  return code;
}

}  // namespace

int run(const Options& options, Report& report) {
  diag::SourceMap sources;
  Context ctx;
  int code = prepare(options, ctx, sources, report);
  if (code != kSuccess) return code;
  int result = kSuccess;
  for (const auto& path : options.plans) {
    result = worst(result, process_plan(options, ctx, path, sources, report));
  }
  return result;
}

int run(const Options& options, std::ostream& out, std::ostream& err) {
  std::unique_ptr<Report> report = make_report(options, out, err);
  int code = run(options, *report);
  report->finish(code);
  return code;
}

}  // namespace plandeck::cli
