#include "cli/output_guard.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <vector>

#include "cli/exit_code.hpp"
#include "diag/diagnostics.hpp"

namespace fs = std::filesystem;

namespace plandeck::cli {

namespace {

std::vector<std::string> extensions(const Options& options) {
  std::vector<std::string> out;
  if (options.outputs != Outputs::XlsxOnly) out.push_back(".pdf");
  if (options.outputs != Outputs::PdfOnly) out.push_back(".xlsx");
  return out;
}

void refuse(std::ostream& err, const Options& options, const std::string& file, diag::Message message) {
  diag::Diagnostic d{diag::Severity::Error, {file, 0, 0}, std::move(message), std::nullopt};
  err << diag::format(d, options.lang, nullptr);
}

struct Input {
  std::string path;  // as given on the command line
  struct stat st;
};

}  // namespace

std::string output_base(const Options& options, const std::string& plan_path) {
  return (fs::path(options.output_dir) / fs::path(plan_path).stem()).string();
}

int check_output_targets(const Options& options, std::ostream& err) {
  int result = kSuccess;

  // Same identity = same device and inode: catches every spelling of a path, hard links and
  // inputs given through a symbolic link. The output is looked at with lstat, because the
  // rename that publishes it replaces the entry itself: an output that is merely a symbolic
  // link to an input would be replaced, not written through, and so is no danger.
  std::vector<Input> inputs;
  std::vector<std::string> given = options.plans;
  if (options.layout) given.push_back(*options.layout);
  for (const std::string& path : given) {
    Input in{path, {}};
    if (::stat(path.c_str(), &in.st) == 0) inputs.push_back(in);
  }
  for (const std::string& plan : options.plans) {
    for (const std::string& ext : extensions(options)) {
      const std::string out = output_base(options, plan) + ext;
      struct stat st {};
      if (::lstat(out.c_str(), &st) != 0) continue;
      for (const Input& in : inputs) {
        if (in.st.st_dev != st.st_dev || in.st.st_ino != st.st_ino) continue;
        refuse(err, options, in.path,
               {"この入力ファイルは出力 " + out +
                    " そのものです。上書きすると入力が失われるため、何も書き出しません。-o "
                    "で別の出力先を指定してください",
                "this input is the output " + out +
                    " itself: writing it would destroy the input, so nothing was written; "
                    "choose another output directory with -o"});
        result = kUsage;
      }
    }
  }

  // Two plans with one stem would overwrite each other's outputs: refuse the later ones.
  std::map<std::string, std::string> first_with_base;
  for (const std::string& plan : options.plans) {
    const std::string base = output_base(options, plan);
    auto [it, inserted] = first_with_base.emplace(base, plan);
    if (inserted) continue;
    std::string outs, outs_ja;
    for (const std::string& ext : extensions(options)) {
      outs += (outs.empty() ? "" : ", ") + base + ext;
      outs_ja += (outs_ja.empty() ? "" : "、") + base + ext;
    }
    refuse(err, options, plan,
           {"出力 " + outs_ja + " は " + it->second +
                " の出力と同じになります（同じ名前の計画が複数あります）。何も書き出しません。"
                "ファイル名を変えるか、-o で出力先を分けて別々に実行してください",
            "its outputs " + outs + " are those of " + it->second +
                " too (two plans with the same name): nothing was written; rename one, or "
                "build them separately with different -o"});
    result = kUsage;
  }
  return result;
}

}  // namespace plandeck::cli
