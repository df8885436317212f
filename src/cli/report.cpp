#include "cli/report.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

#include "diag/json.hpp"
#include "model/verdict.hpp"

namespace plandeck::cli {

namespace {

std::string describe_size(const std::string& path) {
  std::error_code ec;
  auto bytes = std::filesystem::file_size(path, ec);
  if (ec) return "";
  return std::to_string((bytes + 1023) / 1024) + " KB";
}

class TextReport : public Report {
 public:
  TextReport(diag::Lang lang, std::ostream& out, std::ostream& err) : lang_(lang), out_(out), err_(err) {}

  void diagnostics(const diag::Diagnostics& ds, const diag::SourceMap* sources) override {
    err_ << diag::format_all(ds, lang_, sources);
  }
  void checked(const std::string& plan, std::size_t slides, std::size_t warnings) override {
    std::string n = std::to_string(warnings);
    if (lang_ == diag::Lang::En) {
      out_ << plan << ": " << (warnings == 0 ? "ok" : n + (warnings == 1 ? " warning" : " warnings")) << " ("
           << slides << " slides)\n";
    } else {
      out_ << plan << ": " << (warnings == 0 ? "問題ありません" : "警告 " + n + " 件") << "（" << slides << " 枚）\n";
    }
  }
  void summary(const figures::VerdictCounts& counts) override { out_ << figures::format_summary(counts, lang_); }
  void wrote(const std::string& file) override {
    if (lang_ == diag::Lang::En) {
      out_ << "wrote " << file << " (" << describe_size(file) << ")\n";
    } else {
      out_ << file << " を書き出しました（" << describe_size(file) << "）\n";
    }
  }
  void finish(int) override { out_.flush(); }

 private:
  diag::Lang lang_;
  std::ostream& out_;
  std::ostream& err_;
};

// Everything is collected and printed as one document at the end, so that a script can
// parse stdout whatever happened:
//   {"exit_code": 1, "diagnostics": [...], "checked": [{"plan": "a.yaml", "slides": 18}],
//    "written": ["out/a.pdf", "out/a.xlsx"]}
class JsonReport : public Report {
 public:
  JsonReport(diag::Lang lang, std::ostream& out) : lang_(lang), out_(out) {}

  void diagnostics(const diag::Diagnostics& ds, const diag::SourceMap*) override { all_.append(ds); }
  void checked(const std::string& plan, std::size_t slides, std::size_t warnings) override {
    checked_.push_back("{\"plan\": " + diag::json_string(plan) + ", \"slides\": " + std::to_string(slides) +
                       ", \"warnings\": " + std::to_string(warnings) + "}");
  }
  // Added to the entry of the plan just checked: {"…", "summary": {"達成": 11, …, "区分なし": 10}}.
  void summary(const figures::VerdictCounts& counts) override {
    if (checked_.empty()) return;
    std::string entry = "{";
    for (std::size_t i = 0; i < model::kVerdicts.size(); ++i) {
      entry += diag::json_string(std::string(model::verdict_word(model::kVerdicts[i]))) + ": " +
               std::to_string(counts.by_verdict[i]) + ", ";
    }
    entry += diag::json_string(lang_ == diag::Lang::En ? "none" : "区分なし") + ": " + std::to_string(counts.without) + "}";
    std::string& last = checked_.back();
    last.insert(last.size() - 1, ", \"summary\": " + entry);
  }
  void wrote(const std::string& file) override { written_.push_back(diag::json_string(file)); }
  void finish(int exit_code) override {
    out_ << "{\n  \"exit_code\": " << exit_code << ",\n  \"diagnostics\": " << diag::to_json(all_, lang_, 2)
         << ",\n  \"checked\": " << list(checked_) << ",\n  \"written\": " << list(written_) << "\n}\n";
    out_.flush();
  }

 private:
  static std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? ", " : "") + items[i];
    return out + "]";
  }

  diag::Lang lang_;
  std::ostream& out_;
  diag::Diagnostics all_;
  std::vector<std::string> checked_, written_;
};

}  // namespace

std::unique_ptr<Report> make_report(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.format == Format::Json) return std::make_unique<JsonReport>(options.lang, out);
  return std::make_unique<TextReport>(options.lang, out, err);
}

}  // namespace plandeck::cli
