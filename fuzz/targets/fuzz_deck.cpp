// fuzz_deck: arbitrary bytes as a plan file -> input::load_plan_text -> compose (the default
// layout, the real fonts) -> the layout audit -> the PDF renderer (into memory) and the
// workbook writer. Whatever compose accepts must pass the audit (compose runs it; here it is
// run again and must agree), every text run must belong to a recorded box, every error must
// be located in the plan file with both messages, and both renderers must write what compose
// accepted (a throw from either is a check = build disagreement).
//
// libxlsxwriter 1.1.4 cannot write to memory, so the workbook goes to one file per process
// in /dev/shm (or $TMPDIR, /tmp), rewritten for each input and removed at exit.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>

#include "compose/audit.hpp"
#include "compose/compose.hpp"
#include "compose/fonts.hpp"
#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "render_pdf/render_pdf.hpp"
#include "render_xlsx/workbook.hpp"
#include "text/font.hpp"

namespace pd = plandeck;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_deck: invariant violated: %s\n", what.c_str());
  std::abort();
}

const pd::compose::FontSet& fonts() {
  static const std::unique_ptr<pd::compose::FontSet> set = [] {
    std::string error;
    auto f = pd::compose::FontSet::load(pd::spec::Fonts{}, pd::text::font_search_dirs("fonts"), &error);
    if (!f) fail("cannot load the default layout's fonts: " + error);
    return std::make_unique<pd::compose::FontSet>(std::move(*f));
  }();
  return *set;
}

struct Scratch {
  std::string path;
  Scratch() {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
    path = std::string(dir) + "/plandeck-fuzz-deck-" + std::to_string(getpid()) + ".xlsx";
  }
  ~Scratch() { std::remove(path.c_str()); }
};

void check_diagnostics(const pd::diag::Diagnostics& diags, const std::string& path) {
  for (const pd::diag::Diagnostic& d : diags.items()) {
    if (d.message.en.empty() || d.message.ja.empty()) fail("a diagnostic without a message");
    if (d.severity == pd::diag::Severity::Error && d.loc.known() && d.loc.file != path)
      fail("an error located outside the plan: " + d.loc.file);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Scratch scratch;
  const std::string path = "fuzz.yaml";
  pd::diag::SourceMap sources;
  pd::diag::Diagnostics load;
  const std::optional<pd::model::Plan> plan =
      pd::input::load_plan_text(path, std::string(reinterpret_cast<const char*>(data), size), sources, load);
  if (!plan) return 0;  // fuzz_plan covers the loader

  const pd::spec::Layout layout;
  pd::diag::Diagnostics diags;
  const pd::compose::Deck deck = pd::compose::compose(*plan, layout, fonts().measurer(), diags, &sources);
  check_diagnostics(diags, path);
  if (diags.has_errors()) return 0;

  // Accepted: the audit, run again on its own, agrees; every run is in a box.
  pd::diag::Diagnostics again;
  const std::size_t found = pd::compose::audit(deck, pd::compose::audit_frame(layout),
                                               pd::compose::audit_fonts(deck, fonts().measurer()), again);
  if (found != 0) fail("compose accepted a deck the audit rejects: " + again.items().front().message.en);
  for (const pd::compose::Page& page : deck.pages) {
    for (const pd::compose::Shape& s : page.shapes) {
      if (const auto* r = std::get_if<pd::compose::TextRun>(&s); r && (r->box < 0 || static_cast<std::size_t>(r->box) >= page.boxes.size()))
        fail("a text run outside every box");
    }
  }

  // Both renderers write what compose accepted.
  std::string pdf;
  try {
    pdf = pd::render_pdf::render_pdf(deck, {});
  } catch (const std::exception& e) {
    fail(std::string("the PDF renderer refused an accepted deck: ") + e.what());
  }
  if (pdf.compare(0, 5, "%PDF-") != 0 || pdf.find("%%EOF", pdf.size() > 16 ? pdf.size() - 16 : 0) == std::string::npos)
    fail("the PDF is not a complete PDF file");
  try {
    pd::render_xlsx::WorkbookOptions options;
    options.source_date_epoch = 315532800;
    pd::render_xlsx::write_workbook(*plan, scratch.path, options);
  } catch (const std::exception& e) {
    fail(std::string("the workbook writer refused an accepted plan: ") + e.what());
  }
  return 0;
}
