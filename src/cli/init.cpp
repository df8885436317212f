#include "cli/init.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/exit_code.hpp"

namespace plandeck::cli {

const std::string& starter_plan() {
  // Kept short enough that every text fits its box with the default layout; the test
  // "init then check" holds it to that.
  static const std::string kPlan = R"(# plandeck の雛形プランです。書き換えて使ってください。
# 書き方の詳しい説明は plandeck の data/SCHEMA.md にあります。
#   確かめる: plandeck check このファイル.yaml
#   作る:     plandeck build このファイル.yaml   （out/ に PDF と Excel ができます）
#   保存のたびに作り直す: plandeck watch このファイル.yaml
# エディタで補完と説明を出すには（VS Code なら YAML 拡張）、先頭に次の 1 行を書きます:
#   # yaml-language-server: $schema=<plandeck のフォルダ>/data/plan.schema.json
plandeck: 1                       # プランの書式の版（今は 1 だけ）

document:
  title: 行政デジタル化アクションプランの取組   # 表紙の題名
  organisation: 総務局デジタル推進課            # 表紙の組織名（PDF の作成者にもなります）
  date: 令和7年6月                              # 表紙の日付（省略できます）

# 節（Ⅰ, Ⅱ …）と章（Ⅰ-1, Ⅰ-2 …）の番号は並び順から付くので、題名には書きません。
# 箇条書きの記号（・ など）もレイアウトが付けます。
sections:
  - title: アクションプランの概要
    chapters:
      - title: 概要
        slides:
          - kind: overview        # 概要: 見出しと本文・箇条書きのブロック
            blocks:
              - heading: 計画期間
                body: 令和7年4月～令和10年3月
              - heading: 目指す姿
                items:
                  - 県民が**いつでもどこでも**手続できる   # **…** は強調
                  - 職員が本来の業務に集中できる
      - title: 取組内容
        slides:
          - kind: projects        # 取組内容: プロジェクトの一覧
            heading: 取組内容
            groups:
              - name_header: プロジェクト名
                items_header: 主な具体項目
                rows:
                  - number: "1"
                    name: いつでもどこでも簡単手続
                    items:
                      - 行政手続のオンライン化
  - title: 取組結果
    slides:
      - kind: goal_status         # 到達目標の達成状況
        heading: 到達目標の達成状況
        results_label: 実績
        challenges_label: 今後の課題
        goals:
          - label: 【到達目標1】
            statement: 県民が便利に手続できる
            results:
              - オンライン申請が増えた
            challenges:
              - 利用者への周知が十分ではない
    chapters:
      - title: いつでもどこでも簡単手続
        toc_note: 取組結果、結果詳細   # 目次で題名の後に添える言葉
        slides:
          - kind: results         # 取組結果
            label: 取組結果
            direction_label: 取組の方向性
            direction: 行政手続をオンライン化する。
            results_label: 取組結果
            results:
              - 電子申請の対象を広げた
          - kind: details         # 結果詳細（Excel ブックにも同じ表が入ります）
            label: 結果詳細
            table:
              columns:
                item: 項目
                content: 内容
                target: 目標
                baseline: 令和6年度の状況
                result: 令和9年度末の状況
                status: 達成状況
              groups:
                - item: 手続のオンライン化
                  rows:
                    - content: オンライン申請件数
                      target: "-"                          # ダッシュだけの値は引用符で囲みます
                      baseline: {number: 1000, unit: 件}   # 数量: 数値は桁区切りのカンマなしで
                      result: {number: 2500, unit: 件}
                      status: {number: 2.5, prefix: 約, unit: 倍}
)";
  return kPlan;
}

int write_starter_plan(const std::string& path, diag::Lang lang, std::ostream& out, std::ostream& err) {
  auto fail = [&](const std::string& ja, const std::string& en, const std::string& why) {
    diag::Diagnostic d(diag::Severity::Error, {path, 0, 0}, {ja + "（" + why + "）", en + " (" + why + ")"});
    d.code = "init-cannot-write";
    err << diag::format(d, lang, nullptr);
    return kEnvironment;
  };
  // O_EXCL: refuse an existing file (or a symlink to one) atomically, not check-then-write.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    int e = errno;
    if (e == EEXIST) {
      diag::Diagnostic d(diag::Severity::Error, {path, 0, 0},
                         {"ファイル \"" + path + "\" はもうあります。上書きはしません",
                          "file \"" + path + "\" exists already; it is not overwritten"},
                         diag::Message{"別の名前を指定するか、今のファイルを移してください",
                                       "give another name, or move the existing file away"},
                         "init-file-exists");
      err << diag::format(d, lang, nullptr);
      return kEnvironment;
    }
    return fail("ファイルを作れません", "cannot create the file", std::strerror(e));
  }
  const std::string& text = starter_plan();
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      ::close(fd);
      ::unlink(path.c_str());  // never leave half a plan behind
      return fail("ファイルに書き込めません", "cannot write the file", std::strerror(e));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(path.c_str());
    return fail("ファイルに書き込めません", "cannot write the file", std::strerror(e));
  }
  if (lang == diag::Lang::En) {
    out << "wrote " << path << ": a starter plan; check it with plandeck check " << path << "\n";
  } else {
    out << path << " に雛形のプランを作りました。plandeck check " << path << " で確かめられます\n";
  }
  return kSuccess;
}

}  // namespace plandeck::cli
