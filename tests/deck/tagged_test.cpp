// The deck as a tagged PDF, read back with poppler (pdfinfo -struct-text, pdftotext) and qpdf:
// a structure tree in reading order with one Sect per slide, tables with their header cells,
// lists, and every text of the plan inside the tree (decorations left out as artifacts).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <regex>
#include <optional>
#include <sstream>

#include "diag/diagnostics.hpp"
#include "diag/source_map.hpp"
#include "input/plan_loader.hpp"
#include "model/plan.hpp"
#include "deck_runs.hpp"
#include "pdf_readers.hpp"
#include "struct_text.hpp"
#include "support/process.hpp"

using namespace plandeck::testing;
namespace model = plandeck::model;
namespace diag = plandeck::diag;

namespace {

using deck::build_default;
using deck::read_with;

const char kMadeUp[] =
    "Document\n"
    "  Sect\n"
    "    H1 (block)\n"
    "      \"Title\"\n"
    "    Table (block)\n"
    "      TR\n"
    "        TH:\n"
    "           /Scope /Column\n"
    "          \"Item\"\n"
    "        TH:\n"
    "           /Scope /Column\n"
    "          \"Before\"\n"
    "        TH:\n"
    "           /Scope /Column\n"
    "          \"After\"\n"
    "      TR\n"
    "        TH:\n"
    "           /Scope /Row\n"
    "           /RowSpan 2\n"
    "          \"Online\"\n"
    "        TD\n"
    "          \"81\"\n"
    "        TD\n"
    "          \"350\"\n"
    "      TR\n"
    "        TD\n"
    "          \"113,600\"\n"
    "        TD\n"
    "          \"196,000\"\n";

}  // namespace

TEST_CASE("struct-text reader builds the tree and finds each cell's column header", "[deck][tagged]") {
  std::vector<deck::StructElement> roots = deck::parse_struct_text(kMadeUp);
  REQUIRE(roots.size() == 1);
  CHECK(roots[0].type == "Document");
  CHECK(roots[0].all_text() == "TitleItemBeforeAfterOnline81350113,600196,000");
  const auto tables = deck::find_all(roots, "Table");
  REQUIRE(tables.size() == 1);
  const auto cells = deck::cells_under_headers(*tables[0]);
  REQUIRE(cells.size() == 4);
  // The third row starts under "Before": the row header above spans down into it.
  CHECK(cells[2] == std::pair<std::string, std::string>{"Before", "113,600"});
  CHECK(cells[3] == std::pair<std::string, std::string>{"After", "196,000"});
  CHECK(deck::find_all(roots, "TH")[3]->has_attribute("/Scope /Row"));
  // Without the span the figure would sit under the row header's column: the check can fail.
  std::string no_span = kMadeUp;
  no_span.erase(no_span.find("           /RowSpan 2\n"), 22);
  const auto shifted = deck::cells_under_headers(*deck::find_all(deck::parse_struct_text(no_span), "Table")[0]);
  CHECK(shifted[2].first == "Item");
  CHECK_THROWS(deck::parse_struct_text("Document\n      Sect\n"));
  CHECK_THROWS(deck::parse_struct_text("\"text first\"\n"));
}

TEST_CASE("deck is a tagged PDF in Japanese with one section per slide in reading order", "[deck][tagged]") {
  const std::string pdf = build_default("deck-tagged");
  const std::string info = read_with({"pdfinfo", pdf});
  CHECK(info.find("Tagged:          yes") != std::string::npos);

  // The catalog: /Lang, /MarkInfo, /ViewerPreferences, /StructTreeRoot.
  deck::Json j = deck::parse_json(read_with({"qpdf", "--json=2", "--json-key=qpdf", pdf}));
  const deck::Json& objects = j.at("qpdf").items.at(1);
  const deck::Json& catalog = objects.at("obj:" + objects.at("trailer").at("value").at("/Root").string).at("value");
  CHECK(catalog.at("/Lang").string == "u:ja");
  CHECK(catalog.find("/StructTreeRoot") != nullptr);
  auto direct = [&](const deck::Json& v) -> const deck::Json& {
    return v.kind == deck::Json::Kind::String ? objects.at("obj:" + v.string).at("value") : v;
  };
  CHECK(direct(catalog.at("/MarkInfo")).at("/Marked").boolean);
  CHECK(direct(catalog.at("/ViewerPreferences")).at("/DisplayDocTitle").boolean);

  std::vector<deck::StructElement> roots = deck::parse_struct_text(read_with({"pdfinfo", "-struct-text", pdf}));
  REQUIRE(roots.size() == 1);
  REQUIRE(roots[0].type == "Document");
  const auto& sects = roots[0].children;
  // Cover, 目次, then every slide of the plan (a slide continued on a second page is one Sect).
  diag::SourceMap sources;
  diag::Diagnostics diags;
  std::optional<model::Plan> plan = plandeck::input::load_plan(default_plan(), sources, diags);
  REQUIRE(plan);
  std::size_t slides = 0;
  for (const auto& s : plan->sections) {
    if (s.title_slide) ++slides;
    slides += s.slides.size();
    for (const auto& ch : s.chapters) slides += ch.slides.size();
  }
  CHECK(sects.size() == 2 + slides);
  for (const deck::StructElement& s : sects) {
    INFO(s.all_text().substr(0, 120));
    CHECK(s.type == "Sect");
    REQUIRE_FALSE(s.children.empty());
    CHECK(s.children.front().type == "H1");  // the title bar (the cover's title, a divider's band)
  }

  // Every text of the plan is in the tree: nothing the reader needs was made an artifact.
  const std::string tree = deck::squeeze(roots[0].all_text());
  int missing = 0;
  for (const model::RichText* t : model::all_texts(*plan)) {
    std::istringstream lines(t->plain());
    std::string line;
    while (std::getline(lines, line)) {
      const std::string s = deck::squeeze(line);
      if (s.empty() || tree.find(s) != std::string::npos) continue;
      ++missing;
      UNSCOPED_INFO("not in the structure tree: " << s);
    }
  }
  CHECK(missing == 0);
  // Decorations are not: the 目次's dot leaders.
  CHECK(tree.find("・・・・") == std::string::npos);

  // Reading order inside a slide: the title, then the heading, then the body.
  const std::string first_slide = deck::squeeze(sects[2].all_text());
  CHECK(first_slide.rfind(deck::squeeze(sects[2].children.front().all_text()), 0) == 0);

  // The 目次: each entry a TOCI whose Reference's Link holds the title, the page number and
  // the annotation.
  const auto entries = deck::find_all(roots, "TOCI");
  CHECK(entries.size() == 9);
  for (const deck::StructElement* e : entries) {
    REQUIRE(e->children.size() == 1);
    CHECK(e->children[0].type == "Reference");
    REQUIRE(e->children[0].children.size() == 1);
    CHECK(e->children[0].children[0].type == "Link");
  }

  // Lists: items with the marker as Lbl and the text as LBody.
  const auto items = deck::find_all(roots, "LI");
  CHECK(items.size() > 50);
  for (const deck::StructElement* li : items) {
    REQUIRE(li->children.size() >= 2);
    CHECK(li->children[0].type == "Lbl");
    CHECK(li->children[1].type == "LBody");
  }
}

TEST_CASE("deck tables are tagged with header cells over their figures", "[deck][tagged]") {
  const std::string pdf = build_default("deck-tagged-tables");
  std::vector<deck::StructElement> roots = deck::parse_struct_text(read_with({"pdfinfo", "-struct-text", pdf}));
  const auto tables = deck::find_all(roots, "Table");
  CHECK(tables.size() >= 12);
  bool found = false;
  for (const deck::StructElement* t : tables) {
    REQUIRE_FALSE(t->children.empty());
    const deck::StructElement& header = t->children.front();
    CHECK(header.type == "TR");
    for (const deck::StructElement& th : header.children) {
      CHECK(th.type == "TH");
      CHECK(th.has_attribute("/Scope /Column"));
    }
    for (const auto& [head, cell] : deck::cells_under_headers(*t)) {
      if (cell == "113,600件") {
        found = true;
        CHECK(head == "令和2年度（プラン前）の状況");
      }
    }
  }
  CHECK(found);
  // The 項目 cells head their rows.
  std::size_t row_headers = 0;
  for (const deck::StructElement* th : deck::find_all(roots, "TH")) {
    if (th->has_attribute("/Scope /Row")) ++row_headers;
  }
  CHECK(row_headers >= 15);
}

TEST_CASE("deck list markers are followed by a space in the extracted text", "[deck][tagged]") {
  const std::string text = read_with({"pdftotext", "-raw", build_default("deck-marker-gap"), "-"});
  std::istringstream lines(text);
  std::string line;
  int spaced = 0, glued = 0;
  for (const std::string marker : {"・", "➤"}) {
    lines.clear();
    lines.seekg(0);
    while (std::getline(lines, line)) {
      if (line.rfind(marker, 0) != 0 || line.size() == marker.size()) continue;
      if (line[marker.size()] == ' ') {
        ++spaced;
      } else {
        ++glued;
        UNSCOPED_INFO("no space after the marker: " << line);
      }
    }
  }
  CHECK(spaced >= 40);
  CHECK(glued == 0);
}

TEST_CASE("deck parent tree maps every marked-content sequence back to its element", "[deck][tagged]") {
  // Read with qpdf, independently of poppler: the content streams' BDC/EMC operators, the
  // parent tree, the elements' /K and /Pg, and the link annotations' /StructParent.
  const std::string pdf = build_default("deck-tagged-parents");
  deck::Json j = deck::parse_json(read_with({"qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", pdf}));
  const deck::Json& objects = j.at("qpdf").items.at(1);
  auto obj = [&](const deck::Json& ref) -> const deck::Json& {
    REQUIRE(ref.kind == deck::Json::Kind::String);
    return objects.at("obj:" + ref.string).at("value");
  };
  const deck::Json& catalog = obj(objects.at("trailer").at("value").at("/Root"));
  const deck::Json& root = obj(catalog.at("/StructTreeRoot"));
  const deck::Json& nums = root.at("/ParentTree").at("/Nums");
  std::map<int, const deck::Json*> by_key;
  for (std::size_t i = 0; i + 1 < nums.items.size(); i += 2) {
    by_key[static_cast<int>(nums.items[i].number)] = &nums.items[i + 1];
  }
  CHECK(static_cast<std::size_t>(root.at("/ParentTreeNextKey").number) == by_key.size());
  auto k_holds = [](const deck::Json& elem, int mcid) {
    const deck::Json& k = elem.at("/K");
    if (k.kind == deck::Json::Kind::Number) return static_cast<int>(k.number) == mcid;
    for (const deck::Json& item : k.items) {
      if (item.kind == deck::Json::Kind::Number && static_cast<int>(item.number) == mcid) return true;
    }
    return false;
  };
  const std::regex bdc(R"(/(\w+) <</MCID (\d+)>> BDC)");
  std::size_t sequences = 0, links = 0;
  for (const deck::Json& p : j.at("pages").items) {
    const int n = static_cast<int>(p.at("pageposfrom1").number);
    INFO("page " << n);
    const deck::Json& page = obj(p.at("object"));
    std::string content;
    for (const deck::Json& c : p.at("contents").items) {
      content += read_with({"qpdf", "--show-object=" + c.string.substr(0, c.string.find(' ')), "--filtered-stream-data", pdf});
    }
    // Every operator inside a marked-content sequence, the sequences not nested.
    int depth = 0;
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      const bool opens = line.size() >= 4 && (line.compare(line.size() - 4, 4, " BDC") == 0 || line.compare(line.size() - 4, 4, " BMC") == 0);
      if (opens) {
        CHECK(depth == 0);
        ++depth;
      } else if (line == "EMC") {
        CHECK(depth == 1);
        --depth;
      } else {
        INFO(line);
        CHECK(depth == 1);
      }
    }
    CHECK(depth == 0);
    // MCIDs 0, 1, 2, … in order, each mapped by the page's parent tree entry to an element of
    // the same type, on this page, whose /K holds it.
    const deck::Json& entry = *by_key.at(static_cast<int>(page.at("/StructParents").number));
    int expected = 0;
    for (auto it = std::sregex_iterator(content.begin(), content.end(), bdc); it != std::sregex_iterator(); ++it) {
      const int mcid = std::stoi((*it)[2].str());
      CHECK(mcid == expected++);
      REQUIRE(static_cast<std::size_t>(mcid) < entry.items.size());
      const deck::Json& elem = obj(entry.items[static_cast<std::size_t>(mcid)]);
      CHECK(elem.at("/S").string == "/" + (*it)[1].str());
      CHECK(elem.at("/Pg").string == p.at("object").string);
      CHECK(k_holds(elem, mcid));
      ++sequences;
    }
    CHECK(static_cast<std::size_t>(expected) == entry.items.size());
    CHECK(page.at("/Tabs").string == "/S");
    // Link annotations: each in its Link element, as an object reference.
    if (const deck::Json* annots = page.find("/Annots")) {
      const deck::Json& list = annots->kind == deck::Json::Kind::String ? obj(*annots) : *annots;
      for (const deck::Json& a_ref : list.items) {
        const deck::Json& a = obj(a_ref);
        const deck::Json& elem = obj(*by_key.at(static_cast<int>(a.at("/StructParent").number)));
        CHECK(elem.at("/S").string == "/Link");
        bool held = false;
        for (const deck::Json& item : elem.at("/K").items) {
          if (item.kind == deck::Json::Kind::Object && item.at("/Obj").string == a_ref.string) held = true;
        }
        CHECK(held);
        ++links;
      }
    }
  }
  CHECK(sequences > 400);
  CHECK(links == 9);
}
