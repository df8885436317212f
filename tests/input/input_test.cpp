// Tests of input/ (YAML tree, typed reader, plan loader) and model::validate.
//
// The fixture test walks tests/fixtures/plans/bad/: each *.yaml file holds one kind of bad
// input and, in its leading comment lines, the diagnostics it must produce, in order:
//   # expect: 4:5: error: 未知のキー "titel"     (line:col of the annotated file; "error: …" for a
//   # hint: "title" ではありませんか            whole-file problem; a hint line is optional and
//                                                belongs to the expect line above it)
// A file that cannot hold comments (empty.yaml) has them in a sidecar <name>.expect.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "diag/source_map.hpp"
#include "input/layout_loader.hpp"
#include "input/plan_loader.hpp"
#include "input/reader.hpp"
#include "input/yaml_tree.hpp"
#include "model/validate.hpp"
#include "render_xlsx/plan_check.hpp"

namespace fs = std::filesystem;
using namespace plandeck;

namespace {

const fs::path kPlans = fs::path(PLANDECK_SOURCE_DIR) / "tests" / "fixtures" / "plans";

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Expected {
  std::string line;  // "4:5: error: message"
  std::optional<std::string> hint;
};

// The expectations in the leading comment lines of `text`.
std::vector<Expected> expectations(const std::string& text) {
  std::vector<Expected> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line) && line.rfind("#", 0) == 0) {
    if (line.rfind("# expect: ", 0) == 0) {
      out.push_back({line.substr(10), std::nullopt});
    } else if (line.rfind("# hint: ", 0) == 0 && !out.empty()) {
      out.back().hint = line.substr(8);
    }
  }
  return out;
}

std::string brief(const diag::Diagnostic& d) {
  std::string s;
  if (d.loc.known()) s += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": ";
  s += d.severity == diag::Severity::Error ? "error: " : "warning: ";
  return s + d.message.ja;
}

struct Loaded {
  std::optional<model::Plan> plan;
  diag::SourceMap sources;
  diag::Diagnostics diags;
};

Loaded load(const std::string& path) {
  Loaded l;
  l.plan = input::load_plan(path, l.sources, l.diags);
  return l;
}

Loaded load_text(const std::string& text) {
  Loaded l;
  l.plan = input::load_plan_text("plan.yaml", text, l.sources, l.diags);
  return l;
}

std::vector<std::string> runs_of(const model::RichText& t) {
  std::vector<std::string> out;
  for (const auto& r : t.runs) out.push_back((r.strong ? "**" : "") + r.text);
  return out;
}

const char* kValidHead =
    "plandeck: 1\n"
    "document:\n"
    "  title: 取組\n"
    "  organisation: 総務局\n";

const char* kValidSections =
    "sections:\n"
    "  - title: 取組結果\n"
    "    slides:\n"
    "      - kind: overview\n"
    "        blocks:\n"
    "          - heading: 計画期間\n";

}  // namespace

TEST_CASE("every bad fixture gives exactly the diagnostics written in it", "[input][fixtures]") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kPlans / "bad")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 25);
  for (const auto& file : files) {
    fs::path sidecar = file;
    sidecar.replace_extension(".expect");
    std::vector<Expected> expected = expectations(read_bytes(fs::exists(sidecar) ? sidecar : file));
    INFO("fixture " << file.filename().string());
    REQUIRE(!expected.empty());
    Loaded l = load(file.string());
    // The workbook's limits are checked on the loaded plan, as the pipeline does.
    if (l.plan) render_xlsx::check_plan(*l.plan, l.diags);
    CHECK(l.diags.has_errors());
    std::vector<std::string> want, got;
    for (const auto& e : expected) want.push_back(e.line);
    for (const auto& d : l.diags.items()) got.push_back(brief(d));
    CHECK(got == want);
    for (std::size_t i = 0; i < expected.size() && i < l.diags.items().size(); ++i) {
      if (!expected[i].hint) continue;
      const auto& hint = l.diags.items()[i].hint;
      INFO("hint of diagnostic " << i + 1);
      REQUIRE(hint.has_value());
      CHECK(hint->ja == *expected[i].hint);
    }
  }
}

TEST_CASE("the schema example loads into the expected model", "[input][ok]") {
  Loaded l = load((kPlans / "ok" / "minimal.yaml").string());
  INFO(diag::format_all(l.diags, diag::Lang::Ja, &l.sources));
  REQUIRE(l.plan.has_value());
  CHECK(l.diags.empty());
  const model::Plan& p = *l.plan;
  CHECK(p.document.title.plain() == "行政デジタル化アクションプランの取組（R6）");
  CHECK(p.document.organisation.plain() == "総務局デジタル県庁推進担当");
  CHECK(p.document.toc_title.plain() == "目次");  // the default
  REQUIRE(p.sections.size() == 1);
  CHECK(p.sections[0].title_slide);
  REQUIRE(p.sections[0].chapters.size() == 1);
  const model::Chapter& ch = p.sections[0].chapters[0];
  CHECK(ch.toc_note.plain() == "結果詳細");
  REQUIRE(ch.slides.size() == 1);
  CHECK(ch.slides[0].label.plain() == "結果詳細");
  CHECK(ch.slides[0].loc.line == 11);
  CHECK(ch.slides[0].loc.col == 13);
  const auto* details = std::get_if<model::DetailsSlide>(&ch.slides[0].body);
  REQUIRE(details != nullptr);
  CHECK(details->table.caption.plain() == "簡単手続に関する実績");
  CHECK(details->table.columns.baseline.plain() == "令和5年度（プラン前）の状況");
  REQUIRE(details->table.groups.size() == 1);
  REQUIRE(details->table.groups[0].rows.size() == 1);
  const model::TableRow& row = details->table.groups[0].rows[0];
  CHECK(row.content.text.plain() == "オンライン申請件数");
  CHECK_FALSE(row.content.quantity.has_value());
  CHECK(row.target.text.plain() == "-");
  REQUIRE(row.baseline.quantity.has_value());
  CHECK(row.baseline.quantity->value() == 196000);
  CHECK(row.baseline.quantity->decimals() == 0);
  CHECK(row.baseline.quantity->unit == "件");
  CHECK(row.baseline.text.plain() == "196,000件");
  REQUIRE(row.status.quantity.has_value());
  CHECK(row.status.quantity->literal() == "1.2");
  CHECK(row.status.quantity->decimals() == 1);
  CHECK(row.status.quantity->prefix == "約");
  CHECK(row.status.text.plain() == "約1.2倍");
  CHECK(row.status.loc.line == 29);
}

TEST_CASE("every slide kind with emphasis and block texts and items and aliases loads", "[input][ok]") {
  Loaded l = load((kPlans / "ok" / "features.yaml").string());
  INFO(diag::format_all(l.diags, diag::Lang::Ja, &l.sources));
  REQUIRE(l.plan.has_value());
  const model::Plan& p = *l.plan;
  REQUIRE(p.sections.size() == 2);
  CHECK_FALSE(p.sections[0].title_slide);
  CHECK(p.sections[0].id == "intro");
  CHECK(p.sections[0].chapters[0].sheet == "概要");

  const auto& ov = std::get<model::OverviewSlide>(p.sections[0].chapters[0].slides[0].body);
  REQUIRE(ov.blocks.size() == 2);
  CHECK(ov.blocks[1].body.plain() == "一行目\n二行目");  // block scalar: trailing newline dropped
  REQUIRE(ov.blocks[1].items.size() == 2);
  CHECK(runs_of(ov.blocks[1].items[0].text) == std::vector<std::string>{"場所・時間の", "**制約なく", "サービスを楽しむ"});
  const model::Item& effect = ov.blocks[1].items[1];
  CHECK(effect.text.plain() == "削減効果");
  CHECK_FALSE(effect.marker.has_value());
  REQUIRE(effect.items.size() == 2);
  CHECK(effect.items[0].text.plain() == "約49,250時間（*H30～R5）");  // \* is a literal asterisk
  REQUIRE(effect.items[0].marker.has_value());
  CHECK(effect.items[0].marker->empty());
  CHECK(effect.items[1].text.plain() == "下位の項目");
  CHECK(effect.items[1].loc.line == 31);

  const auto& pr = std::get<model::ProjectsSlide>(p.sections[0].chapters[1].slides[0].body);
  CHECK(runs_of(pr.lead) == std::vector<std::string>{"「3つのプロジェクト」を", "**一体的", "に実施"});
  CHECK(pr.groups[0].rows[0].number == "1");
  CHECK(pr.groups[0].rows[0].tagline.plain() == "行かない窓口\n～手続のオンライン化");

  const auto& gs = std::get<model::GoalStatusSlide>(p.sections[1].slides[0].body);
  CHECK(runs_of(gs.goals[0].statement) == std::vector<std::string>{"**県民", "が便利に"});
  CHECK(gs.goals[0].results[0].text.plain() == "オンライン化が進んだ");

  const auto& rs = std::get<model::ResultsSlide>(p.sections[1].chapters[0].slides[0].body);
  REQUIRE(rs.table.has_value());
  const model::TableRow& row = rs.table->groups[0].rows[0];
  CHECK(row.baseline.text.plain() == "100%");
  CHECK(row.result.quantity->decimals() == 2);  // as written: 4.30
  CHECK(row.result.text.plain() == "約4.30%");
  CHECK(row.status.quantity->value() == -96);
  CHECK(row.status.quantity->negative);
  CHECK(row.status.text.plain() == "▲96%");

  // The aliased columns are the anchored ones, with the anchor's location.
  const auto& dt = std::get<model::DetailsSlide>(p.sections[1].chapters[0].slides[1].body).table;
  CHECK(dt.columns.status.plain() == "目標達成状況\n増加の状況等");
  CHECK(dt.columns.item.loc.line == rs.table->columns.item.loc.line);
  CHECK(dt.groups[1].new_page);
  CHECK_FALSE(dt.groups[0].new_page);
  CHECK(dt.groups[1].rows[0].status.text.plain() == "純増");
}

TEST_CASE("200000 nested open brackets are rejected quickly and cleanly", "[input][limits]") {
  auto start = std::chrono::steady_clock::now();
  Loaded l = load_text("plandeck: " + std::string(200000, '['));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(l.plan.has_value());
  REQUIRE(l.diags.items().size() == 1);
  CHECK(brief(l.diags.items()[0]).find("error: 入れ子が深すぎます（64 段まで）") != std::string::npos);
  CHECK(l.diags.items()[0].loc.line == 1);
  CHECK(seconds < 2.0 * PLANDECK_TIME_FACTOR);
}

TEST_CASE("deep block nesting is rejected at the limit", "[input][limits]") {
  std::string text = kValidHead;
  text += "x:\n";
  for (int i = 1; i <= 70; ++i) text += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
  Loaded l = load_text(text);
  REQUIRE(l.diags.items().size() == 1);
  CHECK(brief(l.diags.items()[0]) == "69:129: error: 入れ子が深すぎます（64 段まで）");
}

TEST_CASE("the alias bomb is rejected without being expanded", "[input][limits]") {
  auto start = std::chrono::steady_clock::now();
  Loaded l = load((kPlans / "bad" / "alias_bomb.yaml").string());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(l.plan.has_value());
  CHECK(l.diags.error_count() == 1);
  CHECK(seconds < 2.0 * PLANDECK_TIME_FACTOR);
}

TEST_CASE("files that cannot be read are named in the error", "[input][files]") {
  Loaded missing = load("/nonexistent/plan.yaml");
  REQUIRE(missing.diags.items().size() == 1);
  CHECK(diag::format(missing.diags.items()[0], diag::Lang::Ja, &missing.sources) ==
        "/nonexistent/plan.yaml: error: ファイル \"/nonexistent/plan.yaml\" が見つかりません\n");
  CHECK(missing.diags.items()[0].message.en == "file \"/nonexistent/plan.yaml\" not found");

  Loaded dir = load(kPlans.string());
  REQUIRE(dir.diags.items().size() == 1);
  CHECK(dir.diags.items()[0].message.ja == "\"" + kPlans.string() + "\" はファイルではなくディレクトリです");

  // A 40 MB file (sparse, so cheap to make) fails on its size before anything is read.
  fs::path big = fs::path(PLANDECK_BINARY_DIR) / "input_test_big.yaml";
  { std::ofstream(big).put('a'); }
  fs::resize_file(big, 40u * 1024u * 1024u);
  auto start = std::chrono::steady_clock::now();
  Loaded large = load(big.string());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::remove(big);
  REQUIRE(large.diags.items().size() == 1);
  CHECK(large.diags.items()[0].message.ja ==
        "ファイル \"" + big.string() + "\" が大きすぎます（41,943,040 バイト。上限は 8 MB）");
  CHECK(large.sources.text(big.string()) == nullptr);
  CHECK(seconds < 1.0);
}

TEST_CASE("a formatted diagnostic quotes the line and puts the caret and gives the hint", "[input][format]") {
  Loaded l = load((kPlans / "bad" / "unknown_key.yaml").string());
  REQUIRE(l.diags.items().size() == 3);
  std::string file = (kPlans / "bad" / "unknown_key.yaml").string();
  CHECK(diag::format(l.diags.items()[0], diag::Lang::Ja, &l.sources) ==
        file + ":8:3: error: 未知のキー \"titel\"\n"
               " 8 |   titel: 行政デジタル化アクションプランの取組\n"
               "   |   ^\n"
               "  hint: \"title\" ではありませんか\n");
  CHECK(diag::format(l.diags.items()[0], diag::Lang::En, &l.sources) ==
        file + ":8:3: error: unknown key \"titel\"\n"
               " 8 |   titel: 行政デジタル化アクションプランの取組\n"
               "   |   ^\n"
               "  hint: did you mean \"title\"?\n");
  CHECK(diag::format(l.diags.items()[2], diag::Lang::En, nullptr) ==
        file + ":8:3: error: missing required key \"title\" in \"document\"\n");
}

TEST_CASE("characters outside the BMP load as written", "[input][ok]") {
  Loaded l = load((kPlans / "ok" / "non_bmp.yaml").string());
  INFO(diag::format_all(l.diags, diag::Lang::Ja, &l.sources));
  REQUIRE(l.plan.has_value());
  CHECK(l.diags.empty());
  CHECK(l.plan->document.title.plain() == "\U00020B9F咤激励の取組");
  CHECK(l.plan->document.organisation.plain() == "総務局 \U00020B9F 担当");
}

TEST_CASE("English texts of a few diagnostics", "[input][format]") {
  auto english = [](const std::string& fixture) {
    Loaded l = load((kPlans / "bad" / fixture).string());
    std::vector<std::string> out;
    for (const auto& d : l.diags.items()) out.push_back(d.message.en + (d.hint ? " | " + d.hint->en : ""));
    return out;
  };
  CHECK(english("yes_boolean.yaml") ==
        std::vector<std::string>{"\"title_slide\" must be true or false, not \"yes\" | yes / no / on / off and the "
                                 "like are not accepted: write true or false in lower case"});
  CHECK(english("unknown_kind.yaml") ==
        std::vector<std::string>{"unknown kind \"detials\" | did you mean \"details\"?",
                                 "unknown kind \"summary\" | expected one of: overview, projects, goal_status, results, details"});
  CHECK(english("two_documents.yaml") ==
        std::vector<std::string>{"more than one YAML document (the second starts here) | a plan is one document: remove "
                                 "the second \"---\" and what follows, or move it to another file"});
  CHECK(english("duplicate_id.yaml") ==
        std::vector<std::string>{"duplicate id \"p1\" (first on line 10) | ids must be unique in the whole file"});
}

TEST_CASE("a leading BOM is fine and CRLF line ends too", "[input][files]") {
  std::string text = std::string("\xEF\xBB\xBF") + kValidHead + kValidSections;
  Loaded l = load_text(text);
  INFO(diag::format_all(l.diags, diag::Lang::Ja, &l.sources));
  REQUIRE(l.plan.has_value());
  CHECK(l.plan->document.title.loc.line == 3);
  CHECK(l.plan->document.title.loc.col == 10);

  std::string crlf;
  for (char c : std::string(kValidHead) + kValidSections) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Loaded w = load_text(crlf);
  REQUIRE(w.plan.has_value());
  CHECK(w.plan->document.title.plain() == "取組");
}

TEST_CASE("the tree keeps quoting and duplicates and locations", "[input][tree]") {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  input::YamlFile f = input::parse_yaml("t.yaml",
                                        "a: \"1\"\n"
                                        "b: 1\n"
                                        "ｃ: &x |\n"
                                        "  text\n"
                                        "a: ~\n"
                                        "d: *x\n"
                                        "e:\n",
                                        sources, diags);
  REQUIRE(f.root);
  REQUIRE(f.root->entries.size() == 6);
  const auto& e = f.root->entries;
  CHECK(e[0].value->quoted());
  CHECK(e[0].value->style == input::ScalarStyle::DoubleQuoted);
  CHECK_FALSE(e[1].value->quoted());
  CHECK(e[2].value->style == input::ScalarStyle::Literal);
  CHECK(e[2].value->loc.line == 3);
  CHECK(e[2].value->loc.col == 7);  // after the full-width key and the anchor: code points
  CHECK(e[3].key->value == "a");
  CHECK(e[3].value->is_null());
  CHECK(e[3].value->loc.col == 4);  // a written ~ is placed where it is written
  CHECK(e[5].value->is_null());
  CHECK(e[5].value->loc.line == 7);  // an empty value is placed at its key
  CHECK(e[4].value.get() == e[2].value.get());  // an alias shares the anchored node
  REQUIRE(diags.items().size() == 1);
  CHECK(brief(diags.items()[0]) == "5:1: error: キー \"a\" が重複しています（最初は 1 行目）");
  CHECK(f.root->find("a") == e[0].value.get());  // the first wins
  CHECK(sources.text("t.yaml") != nullptr);
  // Locations agree with diag::from_byte_column.
  diag::SourceLoc expected = diag::from_byte_column("t.yaml", f.text, 2, 8);  // the byte offset of "|" in its line
  CHECK(e[2].value->loc.col == expected.col);
}

TEST_CASE("the typed reader accepts strict forms only", "[input][reader]") {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  input::YamlFile f = input::parse_yaml("r.yaml",
                                        "n1: 4.30\nn2: -96\nn3: 0\nn4: 1e3\nn5: .5\nn6: 1.\n"
                                        "i1: 42\ni2: 4.2\ni3: \"7\"\n"
                                        "b1: true\nb2: on\nb3: \"false\"\nb4: True\n"
                                        "s1: 123\ns2: [a]\n",
                                        sources, diags);
  REQUIRE(f.root);
  input::Reader r(f, diags);
  input::MapReader m(r, *f.root, "test",
                     {"n1", "n2", "n3", "n4", "n5", "n6", "i1", "i2", "i3", "b1", "b2", "b3", "b4", "s1", "s2"});
  auto d = m.decimal("n1");
  REQUIRE(d);
  CHECK(d->value == Approx(4.3));
  CHECK(d->decimals == 2);
  CHECK(d->literal == "4.30");
  CHECK(m.number("n2") == -96.0);
  CHECK(m.number("n3") == 0.0);
  CHECK_FALSE(m.number("n4"));
  CHECK_FALSE(m.number("n5"));
  CHECK_FALSE(m.number("n6"));
  CHECK(m.integer("i1") == 42LL);
  CHECK_FALSE(m.integer("i2"));
  CHECK_FALSE(m.integer("i3"));
  CHECK(m.boolean("b1") == true);
  CHECK_FALSE(m.boolean("b2"));
  CHECK_FALSE(m.boolean("b3"));
  CHECK_FALSE(m.boolean("b4"));
  CHECK(m.string("s1") == std::string("123"));
  CHECK_FALSE(m.string("s2"));
  CHECK_FALSE(m.string("absent"));
  CHECK(diags.error_count() == 9);
  CHECK_FALSE(m.require("missing"));
  CHECK(diags.error_count() == 10);
  CHECK(brief(diags.items().back()) == "1:1: error: \"test\" に必須のキー \"missing\" がありません");
}

TEST_CASE("did you mean and edit distance and emphasis markup", "[input][reader]") {
  CHECK(input::edit_distance("titel", "title") == 1);
  CHECK(input::edit_distance("見出し", "見出") == 1);
  CHECK(input::did_you_mean("titel", {"title", "toc_title"}) == std::string("title"));
  CHECK(input::did_you_mean("orgnisation", {"title", "organisation"}) == std::string("organisation"));
  CHECK_FALSE(input::did_you_mean("colour", {"title", "organisation"}));
  CHECK_FALSE(input::did_you_mean("x", {"y"}));

  std::size_t bad = 0;
  auto runs = input::parse_markup("a**b**c\\*d", bad);
  REQUIRE(runs);
  REQUIRE(runs->size() == 3);
  CHECK((*runs)[1].strong);
  CHECK((*runs)[1].text == "b");
  CHECK((*runs)[2].text == "c*d");
  CHECK_FALSE(input::parse_markup("a**b**c**d", bad));
  CHECK(bad == 7);
}

TEST_CASE("validate checks ids and sheet names and empty sections and empty tables", "[model][validate]") {
  using namespace plandeck::model;
  auto loc = [](int line) { return SourceLoc{"p.yaml", line, 3}; };
  auto slide_with_table = [&](std::string id, int line, std::vector<TableGroup> groups) {
    Slide s;
    s.id = std::move(id);
    s.loc = loc(line);
    DetailsSlide d;
    d.table.loc = loc(line + 1);
    d.table.groups = std::move(groups);
    s.body = d;
    return s;
  };
  TableGroup empty_group;
  empty_group.item.runs = {Run{"オンライン化", false}};
  empty_group.loc = loc(30);
  TableGroup full_group;
  full_group.rows.resize(1);

  Plan plan;
  Section s1;
  s1.id = "a";
  s1.loc = loc(5);
  s1.id_loc = loc(6);
  s1.title.runs = {Run{"空の節", false}};
  Section s2;
  s2.loc = loc(10);
  Chapter c1;
  c1.id = "b";
  c1.loc = loc(11);
  c1.sheet = "A[1]";
  c1.sheet_loc = loc(12);
  c1.slides.push_back(slide_with_table("a", 13, {}));
  Chapter c2;
  c2.loc = loc(20);
  c2.sheet = "a[1]";
  c2.title.runs = {Run{"章", false}};
  Chapter c3;
  c3.loc = loc(25);
  c3.sheet = "'" + std::string(31, 'x');
  c3.slides.push_back(slide_with_table("", 26, {full_group, empty_group}));
  s2.chapters = {c1, c2, c3};
  plan.sections = {s1, s2};

  diag::Diagnostics diags;
  validate(plan, diags);
  std::vector<std::string> got;
  for (const auto& d : diags.items()) got.push_back(brief(d));
  CHECK(got == std::vector<std::string>{
                   "5:3: error: 節 \"空の節\" にスライドも章もありません",
                   "12:3: error: シート名 \"A[1]\" に使えない文字 \"[\" があります",
                   "13:3: error: id \"a\" が重複しています（最初は 6 行目）",
                   "14:3: error: 表にグループ（groups）が一つもありません",
                   "20:3: error: シート名 \"a[1]\" に使えない文字 \"[\" があります",
                   "20:3: error: シート名 \"a[1]\" が重複しています（最初は 12 行目）",
                   "20:3: error: 章 \"章\" にスライドがありません",
                   "25:3: error: シート名 \"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" が長すぎます（32 文字。Excel の上限は 31 文字）",
                   "25:3: error: シート名 \"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" の先頭と末尾にはアポストロフィ ' を使えません",
                   "30:3: error: 表のグループ \"オンライン化\" に行（rows）が一つもありません",
               });

  diag::Diagnostics clean;
  Plan ok;
  Section s;
  s.slides.push_back(slide_with_table("x", 1, {full_group}));
  ok.sections = {s};
  validate(ok, clean);
  CHECK(clean.empty());
}

TEST_CASE("markers of a layout follow the rules of drawn text", "[input][layout]") {
  diag::SourceMap sources;
  diag::Diagnostics diags;
  auto layout = input::load_layout_text("l.yaml",
                                        "plandeck_layout: 1\n"
                                        "text:\n"
                                        "  markers: [\"・\", \"\\e[1m\"]\n"
                                        "  summary_marker: \"\\u202E\"\n",
                                        sources, diags);
  CHECK_FALSE(layout.has_value());
  std::vector<std::string> got;
  for (const auto& d : diags.items()) got.push_back(brief(d));
  CHECK(got == std::vector<std::string>{"3:18: error: 記号（markers）に制御文字 U+001B は使えません",
                                        "4:19: error: 記号（summary_marker）に双方向制御文字 U+202E は使えません"});
}
