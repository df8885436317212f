// The command line in the users' language: help and usage errors in Japanese by default,
// English with --lang en, mistyped subcommands and options named with a did-you-mean,
// exit 2 for every usage error.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/process.hpp"

using namespace plandeck::testing;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a mistyped subcommand is named with the one meant, in Japanese", "[cli][usage]") {
  auto r = run_process({plandeck_bin(), "bulid", default_plan()});
  CHECK(r.exit_code == 2);
  INFO(r.err);
  CHECK(has(r.err, "plandeck: error: bulid というサブコマンドはありません。build ですか？\n"));
  CHECK(has(r.err, "hint: 使い方は plandeck --help で確かめてください"));
  CHECK(r.out.empty());
}

TEST_CASE("usage errors are in English with --lang en, wherever it is written", "[cli][usage]") {
  auto before = run_process({plandeck_bin(), "--lang", "en", "bulid", default_plan()});
  CHECK(before.exit_code == 2);
  CHECK(has(before.err, "there is no subcommand bulid; did you mean build?"));
  auto after = run_process({plandeck_bin(), "chekc", default_plan(), "--lang=en"});
  CHECK(after.exit_code == 2);
  CHECK(has(after.err, "there is no subcommand chekc; did you mean check?"));
}

TEST_CASE("an unknown subcommand far from any lists the subcommands", "[cli][usage]") {
  auto r = run_process({plandeck_bin(), "frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "frobnicate というサブコマンドはありません\n"));
  CHECK(has(r.err, "使えるサブコマンド: build, check, diff, init, watch"));
}

TEST_CASE("diff is a subcommand like the others: named when mistyped, its plans asked for", "[cli][usage]") {
  auto typo = run_process({plandeck_bin(), "dif", default_plan(), default_plan()});
  CHECK(typo.exit_code == 2);
  CHECK(has(typo.err, "dif というサブコマンドはありません。diff ですか？"));
  auto bare = run_process({plandeck_bin(), "diff"});
  CHECK(bare.exit_code == 2);
  INFO(bare.err);
  CHECK(has(bare.err, "diff には前のプランと新しいプランを指定してください"));
}

TEST_CASE("a plan without a subcommand asks for one", "[cli][usage]") {
  auto r = run_process({plandeck_bin(), "plan.yaml"});
  CHECK(r.exit_code == 2);
  CHECK(has(r.err, "サブコマンドがありません。plandeck build plan.yaml のように書いてください"));
  auto none = run_process({plandeck_bin()});
  CHECK(none.exit_code == 2);
  CHECK(has(none.err, "サブコマンドを指定してください（build, check, diff, init, watch）"));
}

TEST_CASE("a mistyped option is named with the one meant", "[cli][usage]") {
  auto r = run_process({plandeck_bin(), "build", default_plan(), "--ouput", "x"});
  CHECK(r.exit_code == 2);
  INFO(r.err);
  CHECK(has(r.err, "--ouput というオプションはありません。--output ですか？"));
  auto top = run_process({plandeck_bin(), "--lnag", "en", "check", default_plan()});
  CHECK(top.exit_code == 2);
  CHECK(has(top.err, "--lnag というオプションはありません。--lang ですか？"));
}

TEST_CASE("a wrong option value names the values allowed", "[cli][usage]") {
  auto only = run_process({plandeck_bin(), "build", default_plan(), "--only", "pfd"});
  CHECK(only.exit_code == 2);
  CHECK(has(only.err, "--only に \"pfd\" は指定できません"));
  CHECK(has(only.err, "hint: \"pdf\" ではありませんか"));
  auto lang = run_process({plandeck_bin(), "--lang", "fr", "check", default_plan()});
  CHECK(lang.exit_code == 2);
  CHECK(has(lang.err, "使える値: ja, en"));
  auto format = run_process({plandeck_bin(), "check", default_plan(), "--format", "xml"});
  CHECK(format.exit_code == 2);
  CHECK(has(format.err, "--format に \"xml\" は指定できません"));
}

TEST_CASE("a missing argument or option value is explained", "[cli][usage]") {
  auto plan = run_process({plandeck_bin(), "check"});
  CHECK(plan.exit_code == 2);
  CHECK(has(plan.err, "check にはプランのファイル（YAML）を指定してください"));
  auto value = run_process({plandeck_bin(), "build", default_plan(), "-o"});
  CHECK(value.exit_code == 2);
  INFO(value.err);
  CHECK(has(value.err, "オプション --output には値が必要です"));
  auto init = run_process({plandeck_bin(), "init"});
  CHECK(init.exit_code == 2);
  CHECK(has(init.err, "init には作るプランのファイル名を指定してください"));
}

TEST_CASE("an argument too many is named", "[cli][usage]") {
  std::string dir = scratch_dir("cli-usage-extra");
  auto init = run_process({plandeck_bin(), "init", dir + "/a.yaml", "b.yaml"});
  CHECK(init.exit_code == 2);
  INFO(init.err);
  CHECK(has(init.err, "余分な引数 \"b.yaml\" があります"));
  CHECK_FALSE(fs::exists(dir + "/a.yaml"));  // nothing is done on a wrong command line
  auto watch = run_process({plandeck_bin(), "watch", "a.yaml", "b.yaml"});
  CHECK(watch.exit_code == 2);
  CHECK(has(watch.err, "watch には見張るプランのファイルを 1 つ指定してください"));
}

TEST_CASE("help is in Japanese by default and in English with --lang en", "[cli][usage]") {
  auto ja = run_process({plandeck_bin(), "--help"});
  CHECK(ja.exit_code == 0);
  INFO(ja.out);
  for (const char* part : {"使い方: plandeck [オプション] サブコマンド", "サブコマンド:", "オプション:",
                           "この説明を表示します", "プランを検査し", "終了コード:"}) {
    CHECK(has(ja.out, part));
  }
  CHECK_FALSE(has(ja.out, "Usage"));
  auto sub = run_process({plandeck_bin(), "build", "--help"});
  CHECK(sub.exit_code == 0);
  CHECK(has(sub.out, "使い方: plandeck build [オプション] PLAN..."));
  CHECK(has(sub.out, "出力先のフォルダ"));
  auto en = run_process({plandeck_bin(), "--lang", "en", "build", "--help"});
  CHECK(en.exit_code == 0);
  CHECK(has(en.out, "Usage: plandeck build [OPTIONS] PLAN..."));
  CHECK(has(en.out, "output folder"));
}
