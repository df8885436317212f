#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/exit_code.hpp"
#include "cli/versions.hpp"
#include "input/reader.hpp"
#include "text/utf8.hpp"

namespace plandeck::cli {

using diag::Lang;
using diag::Message;

namespace {

const std::vector<std::string_view> kCommands = {"build", "check", "diff", "init", "watch"};

// One of two wordings, by the language of the run (help texts are plain strings in CLI11).
class Words {
 public:
  explicit Words(Lang lang) : lang_(lang) {}
  std::string operator()(const char* ja, const char* en) const { return lang_ == Lang::En ? en : ja; }

 private:
  Lang lang_;
};

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Columns a string takes in a terminal: East Asian wide characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = text::utf8::next(s, i);
    bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                (c >= 0xFFE0 && c <= 0xFFE6);
    width += wide ? 2 : 1;
  }
  return width;
}

// CLI11's formatter pads the option column by bytes, which misaligns Japanese (three bytes,
// two columns per character). This one pads by display width.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    std::string pad(column_width_, ' ');
    std::size_t width = display_width(name);
    std::string out = name + (width >= column_width_ ? "\n" + pad : std::string(column_width_ - width, ' '));
    for (char c : make_option_desc(opt)) {
      out += c;
      if (c == '\n') out += pad;
    }
    return out + "\n";
  }
};

// CLI11's help, with its labels ("Usage", "OPTIONS" …) in the user's language.
std::shared_ptr<CLI::Formatter> help_formatter(Lang lang) {
  auto f = std::make_shared<HelpFormatter>();
  if (lang == Lang::Ja) {
    f->label("Usage", "使い方");
    f->label("OPTIONS", "オプション");
    f->label("SUBCOMMAND", "サブコマンド");
    f->label("SUBCOMMANDS", "サブコマンド");
    f->label("Positionals", "引数");
    f->label("REQUIRED", "（必須）");
    f->label("TEXT", "文字列");
  }
  f->column_width(30);
  return f;
}

// A usage error as plandeck reports every problem: "plandeck: error: … / hint: …".
diag::Diagnostic usage_error(std::string code, Message message, std::optional<Message> hint = std::nullopt) {
  if (!hint) hint = Message{"使い方は plandeck --help で確かめてください", "run plandeck --help for the usage"};
  return diag::Diagnostic(diag::Severity::Error, diag::SourceLoc{"plandeck", 0, 0}, std::move(message),
                          std::move(hint), "usage-" + code);
}

// Every spelling of the options `app` accepts ("--output", "-o"), for did-you-mean.
void option_names(const CLI::App& app, std::vector<std::string>& names) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) continue;
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) names.push_back("-" + s);
  }
}

diag::Diagnostic unknown_option(const std::string& word, const std::vector<std::string>& names) {
  std::string name = word.substr(0, word.find('='));
  std::vector<std::string_view> candidates(names.begin(), names.end());
  if (auto near = input::did_you_mean(name, candidates)) {
    return usage_error("unknown-option",
                       {name + " というオプションはありません。" + *near + " ですか？",
                        "there is no option " + name + "; did you mean " + *near + "?"});
  }
  return usage_error("unknown-option", {name + " というオプションはありません", "there is no option " + name});
}

diag::Diagnostic unknown_command(const std::string& word) {
  if (ends_with(word, ".yaml") || ends_with(word, ".yml")) {
    return usage_error("missing-command",
                       {"サブコマンドがありません。plandeck build " + word + " のように書いてください",
                        "the subcommand is missing: write plandeck build " + word + " or the like"},
                       Message{"使えるサブコマンド: " + join(kCommands), "subcommands: " + join(kCommands)});
  }
  if (auto near = input::did_you_mean(word, kCommands)) {
    return usage_error("unknown-command",
                       {word + " というサブコマンドはありません。" + *near + " ですか？",
                        "there is no subcommand " + word + "; did you mean " + *near + "?"});
  }
  return usage_error("unknown-command",
                     {word + " というサブコマンドはありません", "there is no subcommand " + word},
                     Message{"使えるサブコマンド: " + join(kCommands), "subcommands: " + join(kCommands)});
}

// What each subcommand needs as its argument, for "missing argument" messages.
Message missing_argument(const std::string& command) {
  if (command == "init") {
    return {"init には作るプランのファイル名を指定してください（例: plandeck init plan.yaml）",
            "init needs the name of the plan file to create (e.g. plandeck init plan.yaml)"};
  }
  if (command == "watch") {
    return {"watch には見張るプランのファイルを 1 つ指定してください", "watch needs one plan file to watch"};
  }
  if (command == "diff") {
    return {"diff には前のプランと新しいプランを指定してください（例: plandeck diff r6.yaml r7.yaml）",
            "diff needs the earlier and the later plan (e.g. plandeck diff r6.yaml r7.yaml)"};
  }
  return {command + " にはプランのファイル（YAML）を指定してください",
          command + " needs at least one plan file (YAML)"};
}

// Our own message for each kind of CLI11 parse error. CLI11's exceptions carry only English
// text, so the offending word is found from the parser's state: the arguments it could not
// place (remaining()) and the subcommand it selected.
diag::Diagnostic describe_parse_error(const CLI::App& app, const CLI::Error& e) {
  const CLI::App* sub = nullptr;
  for (const CLI::App* s : app.get_subcommands()) sub = s;  // require_subcommand(1): at most one
  std::vector<std::string> names;
  option_names(app, names);
  if (sub != nullptr) option_names(*sub, names);
  std::vector<std::string> rest = app.remaining(true);
  auto is_option = [](const std::string& word) { return word.size() > 1 && word[0] == '-'; };
  // A mistyped subcommand first: what follows it was meant for the subcommand.
  if (sub == nullptr && !rest.empty() && !is_option(rest.front())) return unknown_command(rest.front());
  for (const std::string& word : rest) {
    if (is_option(word)) return unknown_option(word, names);
  }
  if (!rest.empty()) {
    return usage_error("extra-argument", {"余分な引数 \"" + rest.front() + "\" があります",
                                          "unexpected argument \"" + rest.front() + "\""});
  }
  const std::string kind = e.get_name();
  if (sub == nullptr) {
    return usage_error("missing-command",
                       {"サブコマンドを指定してください（" + join(kCommands) + "）",
                        "a subcommand is needed (" + join(kCommands) + ")"});
  }
  if (kind == "RequiredError") return usage_error("missing-argument", missing_argument(sub->get_name()));
  if (kind == "ArgumentMismatch") {
    std::string what = e.what();
    std::string option = what.substr(0, what.find(':'));
    if (auto comma = option.rfind(','); comma != std::string::npos) option = option.substr(comma + 1);
    if (option.rfind('-', 0) == 0) {
      return usage_error("missing-value", {"オプション " + option + " には値が必要です",
                                           "option " + option + " needs a value"});
    }
    return usage_error("argument-count", missing_argument(sub->get_name()));
  }
  return usage_error("invalid", {std::string("コマンドラインが正しくありません（") + e.what() + "）",
                                 std::string("the command line is wrong: ") + e.what()});
}

// A value that must be one of a few words (--lang, --only, --format). Checked after
// parsing rather than by a CLI11 validator, so that the message is ours.
bool check_choice(const std::string& option, const std::string& value, const std::vector<std::string_view>& choices,
                  std::optional<diag::Diagnostic>& problem) {
  if (value.empty() || std::find(choices.begin(), choices.end(), value) != choices.end()) return true;
  std::optional<Message> hint;
  if (auto near = input::did_you_mean(value, choices)) {
    hint = Message{"\"" + *near + "\" ではありませんか", "did you mean \"" + *near + "\"?"};
  } else {
    hint = Message{"使える値: " + join(choices), "expected one of: " + join(choices)};
  }
  problem = usage_error("invalid-value", {option + " に \"" + value + "\" は指定できません",
                                          option + " does not take \"" + value + "\""},
                        hint);
  return false;
}

}  // namespace

Lang language_from_argv(int argc, const char* const* argv) {
  Lang lang = Lang::Ja;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) {
      lang = std::string_view(argv[i + 1]) == "en" ? Lang::En : Lang::Ja;
    } else if (a.rfind("--lang=", 0) == 0) {
      lang = a.substr(7) == "en" ? Lang::En : Lang::Ja;
    }
  }
  return lang;
}

std::optional<int> parse_command_line(int argc, const char* const* argv, Options& options, std::ostream& out,
                                      std::ostream& err) {
  const Lang lang = language_from_argv(argc, argv);
  const Words w(lang);
  CLI::App app{w("plandeck: 行政デジタル化アクションプランの報告資料（PDF スライドと Excel ブック）を 1 つの YAML から作ります",
                 "plandeck: makes the action-plan report (PDF slides and an Excel workbook) from one YAML file"),
               "plandeck"};
  // Inherited by the subcommands, so set before they are added.
  app.formatter(help_formatter(lang));
  app.option_defaults()->group(w("オプション", "Options"));
  app.set_help_flag("-h,--help", w("この説明を表示します", "print this help"));
  app.failure_message([lang](const CLI::App* a, const CLI::Error& e) {
    return diag::format(describe_parse_error(*a, e), lang, nullptr);
  });
  app.set_version_flag("--version", version_text(),
                       w("plandeck と使っているライブラリの版を表示します", "print the versions of plandeck and its libraries"));
  app.require_subcommand(1);
  app.fallthrough();
  app.footer(w("終了コード: 0 成功、1 プランかレイアウトの誤り、2 コマンドラインの誤り、3 環境（フォント・出力先）の問題、4 diff で違いあり",
               "Exit codes: 0 success, 1 invalid plan or layout, 2 wrong command line, 3 environment (fonts, output), 4 diff: the plans differ"));

  std::string lang_name;
  app.add_option("--lang", lang_name, w("メッセージの言語: ja（既定）か en", "language of messages: ja (default) or en"))
      ->option_text("ja|en");

  std::string only, format;
  const std::string commands_group = w("サブコマンド", "Subcommands");
  auto subcommand = [&](const char* name, const std::string& description) {
    CLI::App* sub = app.add_subcommand(name, description);
    sub->group(commands_group);
    // A subcommand makes its help flag before it copies the option defaults: make it again
    // so that it is listed under the group name of this language.
    sub->set_help_flag("-h,--help", w("この説明を表示します", "print this help"));
    return sub;
  };
  auto plan_options = [&](CLI::App* sub, bool writes, bool many) {
    if (many) {
      sub->add_option("PLAN", options.plans, w("プランのファイル（YAML）", "plan files (YAML)"))->required();
    } else {
      sub->add_option("PLAN", options.plans, w("プランのファイル（YAML）", "the plan file (YAML)"))
          ->required()
          ->expected(1);
    }
    if (writes) {
      sub->add_option("-o,--output", options.output_dir, w("出力先のフォルダ（既定: out）", "output folder (default: out)"))
          ->option_text("DIR");
      sub->add_option("--only", only, w("片方だけ書き出す: pdf か xlsx", "write only one output: pdf or xlsx"))
          ->option_text("pdf|xlsx");
    }
    sub->add_option("--layout", options.layout,
                    w("レイアウトのファイル（YAML。既定は組み込みのレイアウト）", "layout file (YAML; default: the built-in layout)"))
        ->option_text("FILE");
  };

  CLI::App* build = subcommand("build", w("各プランの PDF スライドと Excel ブックを書き出します",
                                                  "write the PDF deck and the Excel workbook of each plan"));
  plan_options(build, true, true);
  build->add_option("--format", format, w("結果の形式: text（既定）か json", "how results are reported: text (default) or json"))
      ->option_text("text|json");
  CLI::App* check = subcommand("check", w("プランを検査し、割り付けまで確かめます（何も書き出しません）",
                                                  "validate plans and lay them out, without writing anything"));
  plan_options(check, false, true);
  check->add_option("--format", format, w("結果の形式: text（既定）か json", "how results are reported: text (default) or json"))
      ->option_text("text|json");
  CLI::App* init = subcommand("init", w("注釈付きの雛形プランを作ります（既存のファイルは上書きしません）",
                                                "write a commented starter plan (never over an existing file)"));
  init->add_option("FILE", options.init_file, w("作るプランのファイル", "the plan file to create"))->required();
  CLI::App* watch = subcommand("watch", w("プランを保存するたびに作り直します（Ctrl+C で終了）",
                                                  "rebuild the plan on every save (Ctrl+C stops)"));
  plan_options(watch, true, false);

  const std::string werror_help = w("警告を誤りとして扱います（終了コード 1、何も書き出しません）",
                                    "treat warnings as errors (exit 1, nothing written)");
  build->add_flag("--werror", options.werror, werror_help);
  check->add_flag("--werror", options.werror, werror_help);
  check->add_flag("--summary", options.summary,
                  w("達成区分ごとの行数も表示します", "also print how many rows have each 達成区分"));
  CLI::App* diff = subcommand("diff", w("2 つのプランの違いを表示します（違いがあれば終了コード 4）",
                                        "show what changed between two plans (exit 4 when they differ)"));
  diff->add_option("OLD", options.diff_old, w("前のプラン（YAML）", "the earlier plan (YAML)"))->required();
  diff->add_option("NEW", options.diff_new, w("新しいプラン（YAML）", "the later plan (YAML)"))->required();
  diff->add_option("--format", format, w("結果の形式: text（既定）か json", "how results are reported: text (default) or json"))
      ->option_text("text|json");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kSuccess : kUsage;
  }

  options.command = build->parsed()   ? Command::Build
                    : check->parsed() ? Command::Check
                    : init->parsed()  ? Command::Init
                    : diff->parsed()  ? Command::Diff
                                      : Command::Watch;
  std::optional<diag::Diagnostic> problem;
  if (!check_choice("--lang", lang_name, {"ja", "en"}, problem) || !check_choice("--only", only, {"pdf", "xlsx"}, problem) ||
      !check_choice("--format", format, {"text", "json"}, problem)) {
    err << diag::format(*problem, lang, nullptr);
    return kUsage;
  }
  options.lang = lang;
  if (only == "pdf") options.outputs = Outputs::PdfOnly;
  if (only == "xlsx") options.outputs = Outputs::XlsxOnly;
  if (format == "json") options.format = Format::Json;
  return std::nullopt;
}

}  // namespace plandeck::cli
