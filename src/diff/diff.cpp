#include "diff/diff.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "diff/align.hpp"
#include "diff/outline.hpp"
#include "figures/scan.hpp"

namespace plandeck::diff {

namespace {

// A figure reduced to what it says: sign, 約, value, scale and unit; not how the digits
// are grouped ("113,600" and "113600" are one number).
std::string canonical(const figures::Figure& f) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", f.written);
  return f.sign_text + (f.approx ? "約" : "") + buf + f.scale_text + f.unit;
}

// The text with each figure replaced by a placeholder, and the figures themselves.
std::string skeleton(const std::string& s, std::vector<figures::Figure>& figs) {
  figs = figures::scan(s);
  std::string out;
  std::size_t at = 0;
  for (const auto& f : figs) {
    out.append(s, at, f.offset - at);
    out += '\x01';
    at = f.offset + f.text.size();
  }
  out.append(s, at, std::string::npos);
  return out;
}

Segment segment(const Node& n) { return {n.type, n.name}; }

// Where a node has two lists of bullets, the second is named in the path: a panel's
// 効果 after its items, a goal's 実績 and 今後の課題.
Path within(Path path, const Node& parent, const std::string& role) {
  if (role == "effects") path.push_back({"list", {"効果", "effects"}});
  if (role == "challenges") path.push_back({"list", {"今後の課題", "challenges"}});
  if (role == "results" && parent.type == "goal") path.push_back({"list", {"実績", "results"}});
  return path;
}

class Differ {
 public:
  // Pass 1 (collect) finds the removed and added nodes; between the passes, those with the
  // same identity are paired as moves across lists (a row moved to another group, a slide
  // to another chapter); pass 2 reports.
  void collect(const Node& a, const Node& b) {
    collecting_ = true;
    node(a, b, {}, {});
    for (auto& [key, added] : added_) {
      auto it = removed_.find(key);
      if (it == removed_.end()) continue;
      std::size_t k = std::min(added.size(), it->second.size());
      for (std::size_t i = 0; i < k; ++i) across_[added[i].node] = it->second[i];
      for (std::size_t i = 0; i < k; ++i) consumed_.insert(it->second[i].node);
    }
    collecting_ = false;
  }
  std::vector<Change> report(const Node& a, const Node& b) {
    node(a, b, {}, {});
    return std::move(changes_);
  }

 private:
  struct Place {
    const Node* node = nullptr;
    Path parent;
    std::size_t index = 0;
  };

  void emit(Change c) {
    if (!collecting_) changes_.push_back(std::move(c));
  }

  void node(const Node& a, const Node& b, Path apath, Path bpath) {
    apath.push_back(segment(a));
    bpath.push_back(segment(b));
    std::size_t n = std::min(a.fields.size(), b.fields.size());
    for (std::size_t i = 0; i < n; ++i) {
      const Field& fa = a.fields[i];
      const Field& fb = b.fields[i];
      std::vector<FigureChange> figs;
      if (same_text(fa.text, fb.text, &figs)) continue;
      Change c;
      c.kind = ChangeKind::Changed;
      c.path = bpath;
      c.path.push_back({"field", fb.name});
      c.old_text = fa.text;
      c.new_text = fb.text;
      c.figures = std::move(figs);
      c.old_loc = fa.loc.known() ? fa.loc : a.loc;
      c.new_loc = fb.loc.known() ? fb.loc : b.loc;
      emit(std::move(c));
    }
    static const std::vector<Node> none;
    for (const List& lb : b.lists) {
      const std::vector<Node>* la = &none;
      for (const List& l : a.lists) {
        if (l.role == lb.role) la = &l.nodes;
      }
      list(*la, lb.nodes, within(apath, a, lb.role), within(bpath, b, lb.role));
    }
    for (const List& l : a.lists) {
      bool in_b = std::any_of(b.lists.begin(), b.lists.end(), [&](const List& x) { return x.role == l.role; });
      if (!in_b) list(l.nodes, none, within(apath, a, l.role), within(bpath, b, l.role));
    }
  }

  void removed(const Node& n, const Path& parent, std::size_t index) {
    if (collecting_) {
      if (!n.key.empty()) removed_[n.type + '\x1f' + n.key].push_back({&n, parent, index});
      return;
    }
    if (consumed_.count(&n) != 0) return;  // reported as a move where it went
    Change c;
    c.kind = ChangeKind::Removed;
    c.path = parent;
    c.path.push_back(segment(n));
    c.old_loc = n.loc;
    c.old_parent = parent;
    c.old_index = index + 1;
    emit(std::move(c));
  }

  void added(const Node& n, const Path& parent, std::size_t index) {
    if (collecting_) {
      if (!n.key.empty()) added_[n.type + '\x1f' + n.key].push_back({&n, parent, index});
      return;
    }
    auto it = across_.find(&n);
    if (it != across_.end()) {
      moved(*it->second.node, n, it->second.parent, it->second.index, parent, index);
      return;
    }
    Change c;
    c.kind = ChangeKind::Added;
    c.path = parent;
    c.path.push_back(segment(n));
    c.new_loc = n.loc;
    c.new_parent = parent;
    c.new_index = index + 1;
    emit(std::move(c));
  }

  void moved(const Node& a, const Node& b, const Path& aparent, std::size_t ai, const Path& bparent,
             std::size_t bi) {
    Change c;
    c.kind = ChangeKind::Moved;
    c.path = bparent;
    c.path.push_back(segment(b));
    c.old_loc = a.loc;
    c.new_loc = b.loc;
    c.old_parent = aparent;
    c.new_parent = bparent;
    c.old_index = ai + 1;
    c.new_index = bi + 1;
    emit(std::move(c));
    node(a, b, aparent, bparent);
  }

  void list(const std::vector<Node>& A, const std::vector<Node>& B, const Path& apath, const Path& bpath) {
    Alignment al = align(A, B);
    std::vector<bool> removed_done(A.size(), false);
    // Removals are reported where they were: before the next element that stayed in place.
    auto flush_removed_before = [&](std::size_t limit) {
      for (std::size_t i = 0; i < limit && i < A.size(); ++i) {
        if (al.old_to_new[i] < 0 && !removed_done[i]) {
          removed_done[i] = true;
          removed(A[i], apath, i);
        }
      }
    };
    for (std::size_t j = 0; j < B.size(); ++j) {
      int i = al.new_to_old[j];
      if (i < 0) {
        added(B[j], bpath, j);
        continue;
      }
      auto oi = static_cast<std::size_t>(i);
      if (al.how[j] == Match::Moved) {
        moved(A[oi], B[j], apath, oi, bpath, j);
        continue;
      }
      flush_removed_before(oi);
      node(A[oi], B[j], apath, bpath);
    }
    flush_removed_before(A.size());
  }

  bool collecting_ = false;
  std::vector<Change> changes_;
  std::map<std::string, std::vector<Place>> removed_, added_;
  std::map<const Node*, Place> across_;  // added node → where it came from
  std::set<const Node*> consumed_;       // removed nodes reported as moves
};

}  // namespace

bool same_text(const std::string& a, const std::string& b, std::vector<FigureChange>* figures) {
  if (a == b) return true;
  std::vector<figures::Figure> fa, fb;
  std::string sa = skeleton(a, fa), sb = skeleton(b, fb);
  if (sa != sb || fa.size() != fb.size()) return false;
  bool same = true;
  for (std::size_t i = 0; i < fa.size(); ++i) {
    if (canonical(fa[i]) == canonical(fb[i])) continue;
    same = false;
    if (figures != nullptr) figures->push_back({fa[i].text, fb[i].text});
  }
  return same;
}

std::vector<Change> compare(const model::Plan& old_plan, const model::Plan& new_plan) {
  Node a = outline(old_plan);
  Node b = outline(new_plan);
  Differ d;
  d.collect(a, b);
  return d.report(a, b);
}

}  // namespace plandeck::diff
