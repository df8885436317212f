#include "cli/pipeline.hpp"

#include <filesystem>
#include <memory>
#include <optional>

#include "cli/atomic_output.hpp"
#include "cli/exit_code.hpp"
#include "compose/compose.hpp"
#include "compose/fonts.hpp"
#include "diag/source_map.hpp"
#include "input/layout_loader.hpp"
#include "input/plan_loader.hpp"
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

void print(std::ostream& err, const diag::Diagnostics& diags, const Options& options,
           const diag::SourceMap& sources) {
  err << diag::format_all(diags, options.lang, &sources);
}

void environment_error(std::ostream& err, const Options& options, const std::string& what,
                       const diag::Message& message) {
  diag::Diagnostic d{diag::Severity::Error, {what, 0, 0}, message, std::nullopt};
  err << diag::format(d, options.lang, nullptr);
}

// Everything a run needs besides the plan: the layout and its fonts, loaded once.
struct Context {
  spec::Layout layout;
  std::optional<compose::FontSet> fonts;
  std::vector<std::string> regular_files, strong_files;
};

int prepare(const Options& options, Context& ctx, diag::SourceMap& sources, std::ostream& err) {
  if (options.layout) {
    diag::Diagnostics diags;
    auto layout = input::load_layout(*options.layout, sources, diags);
    print(err, diags, options, sources);
    if (!layout) return kInvalidInput;
    ctx.layout = std::move(*layout);
  }
  std::string error;
  auto dirs = text::font_search_dirs("fonts");
  ctx.fonts = compose::FontSet::load(ctx.layout.fonts, dirs, &error);
  if (!ctx.fonts) {
    environment_error(err, options, "plandeck",
                      says("フォントを読み込めません: " + error, "cannot load a font: " + error));
    return kEnvironment;
  }
  for (const text::Font* f : ctx.fonts->measurer().chain(0)) ctx.regular_files.push_back(f->path());
  for (const text::Font* f : ctx.fonts->measurer().chain(1)) ctx.strong_files.push_back(f->path());
  return kSuccess;
}

std::string describe_size(const std::string& path) {
  std::error_code ec;
  auto bytes = fs::file_size(path, ec);
  if (ec) return "";
  return std::to_string((bytes + 1023) / 1024) + " KB";
}

// Writes the requested outputs of one plan. Both are rendered to temporary files first and
// renamed into place only when every one of them succeeded.
int write_outputs(const Options& options, const Context& ctx, const model::Plan& plan,
                  const compose::Deck& deck, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  if (ec || !fs::is_directory(options.output_dir)) {
    environment_error(err, options, options.output_dir,
                      says("出力先フォルダを作成できません: " + ec.message(),
                           "cannot create the output directory: " + ec.message()));
    return kEnvironment;
  }
  std::string stem = fs::path(plan.path).stem().string();
  std::string base = (fs::path(options.output_dir) / stem).string();

  std::vector<std::unique_ptr<AtomicOutput>> files;
  try {
    if (options.outputs != Outputs::XlsxOnly) {
      files.push_back(std::make_unique<AtomicOutput>(base + ".pdf"));
      remove_stale_temporaries(files.back()->final_path());
      render_pdf::write_pdf(deck, files.back()->temp_path(), {options.source_date_epoch});
    }
    if (options.outputs != Outputs::PdfOnly) {
      files.push_back(std::make_unique<AtomicOutput>(base + ".xlsx"));
      remove_stale_temporaries(files.back()->final_path());
      render_xlsx::WorkbookOptions wb;
      wb.source_date_epoch = options.source_date_epoch.value_or(kNoDateEpoch);
      wb.regular_font_files = ctx.regular_files;
      wb.strong_font_files = ctx.strong_files;
      render_xlsx::write_workbook(plan, files.back()->temp_path(), wb);
    }
    for (auto& f : files) f->commit();
  } catch (const std::exception& e) {
    std::string target = files.empty() ? base : files.back()->final_path();
    environment_error(err, options, target,
                      says(std::string("書き出しに失敗しました（以前の出力は変更していません）: ") + e.what(),
                           std::string("could not write the output (previous outputs are untouched): ") +
                               e.what()));
    return kEnvironment;
  }
  for (auto& f : files) {
    const std::string& p = f->final_path();
    if (options.lang == diag::Lang::En) {
      out << "wrote " << p << " (" << describe_size(p) << ")\n";
    } else {
      out << p << " を書き出しました（" << describe_size(p) << "）\n";
    }
  }
  return kSuccess;
}

int process_plan(const Options& options, const Context& ctx, const std::string& path,
                 diag::SourceMap& sources, std::ostream& out, std::ostream& err) {
  diag::Diagnostics diags;
  auto plan = input::load_plan(path, sources, diags);
  if (!plan) {
    print(err, diags, options, sources);
    return kInvalidInput;
  }
  compose::ComposeOptions co;
  co.creator = std::string("plandeck ") + PLANDECK_VERSION;
  compose::Deck deck = compose::compose(*plan, ctx.layout, ctx.fonts->measurer(), diags, &sources, co);
  print(err, diags, options, sources);
  if (diags.has_errors()) return kInvalidInput;

  if (options.command == Command::Check) {
    if (options.lang == diag::Lang::En) {
      out << path << ": ok (" << deck.pages.size() << " slides)\n";
    } else {
      out << path << ": 問題ありません（" << deck.pages.size() << " 枚）\n";
    }
    return kSuccess;
  }
  return write_outputs(options, ctx, *plan, deck, out, err);
}

}  // namespace

int run(const Options& options, std::ostream& out, std::ostream& err) {
  diag::SourceMap sources;
  Context ctx;
  int code = prepare(options, ctx, sources, err);
  if (code != kSuccess) return code;
  int result = kSuccess;
  for (const auto& path : options.plans) {
    result = worst(result, process_plan(options, ctx, path, sources, out, err));
  }
  return result;
}

}  // namespace plandeck::cli
