#include "diff/align.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <string>

namespace plandeck::diff {

namespace {

// Indices (into `seq`) of a longest strictly increasing subsequence: the pairs that kept
// their relative order. O(n log n) patience sorting.
std::vector<std::size_t> longest_increasing(const std::vector<int>& seq) {
  std::vector<std::size_t> tails;               // index in seq of the smallest tail per length
  std::vector<std::size_t> before(seq.size());  // predecessor index in the chain
  for (std::size_t k = 0; k < seq.size(); ++k) {
    auto it = std::lower_bound(tails.begin(), tails.end(), seq[k],
                               [&](std::size_t t, int v) { return seq[t] < v; });
    std::size_t len = static_cast<std::size_t>(it - tails.begin());
    before[k] = len > 0 ? tails[len - 1] : k;
    if (it == tails.end()) {
      tails.push_back(k);
    } else {
      *it = k;
    }
  }
  std::vector<std::size_t> out(tails.size());
  if (tails.empty()) return out;
  std::size_t k = tails.back();
  for (std::size_t n = tails.size(); n > 0; --n) {
    out[n - 1] = k;
    k = before[k];
  }
  return out;
}

}  // namespace

Alignment align(const std::vector<Node>& A, const std::vector<Node>& B) {
  Alignment al;
  al.old_to_new.assign(A.size(), -1);
  al.new_to_old.assign(B.size(), -1);
  al.how.assign(B.size(), Match::Same);

  // 1. The same identity, the k-th occurrence with the k-th.
  std::map<std::string, std::deque<int>> by_key;
  for (std::size_t j = 0; j < B.size(); ++j) by_key[B[j].type + '\x1f' + B[j].key].push_back(static_cast<int>(j));
  std::vector<int> seq;          // new index of each pair, in old order
  std::vector<std::size_t> olds; // old index of each pair
  for (std::size_t i = 0; i < A.size(); ++i) {
    auto it = by_key.find(A[i].type + '\x1f' + A[i].key);
    if (it == by_key.end() || it->second.empty()) continue;
    int j = it->second.front();
    it->second.pop_front();
    al.old_to_new[i] = j;
    al.new_to_old[static_cast<std::size_t>(j)] = static_cast<int>(i);
    seq.push_back(j);
    olds.push_back(i);
  }

  // 2. Pairs outside the longest run that kept its order have moved.
  std::vector<bool> stable(seq.size(), false);
  for (std::size_t k : longest_increasing(seq)) stable[k] = true;
  std::vector<std::pair<int, int>> anchors{{-1, -1}};
  for (std::size_t k = 0; k < seq.size(); ++k) {
    if (!stable[k]) {
      al.how[static_cast<std::size_t>(seq[k])] = Match::Moved;
    } else {
      anchors.push_back({static_cast<int>(olds[k]), seq[k]});
    }
  }
  anchors.push_back({static_cast<int>(A.size()), static_cast<int>(B.size())});

  // 3. Between two anchors, what is left on both sides is paired in order, class by class.
  for (std::size_t g = 0; g + 1 < anchors.size(); ++g) {
    int j = anchors[g].second + 1;
    for (int i = anchors[g].first + 1; i < anchors[g + 1].first; ++i) {
      auto oi = static_cast<std::size_t>(i);
      if (al.old_to_new[oi] >= 0) continue;
      for (int jj = j; jj < anchors[g + 1].second; ++jj) {
        auto nj = static_cast<std::size_t>(jj);
        if (al.new_to_old[nj] >= 0 || B[nj].pair_class != A[oi].pair_class) continue;
        al.old_to_new[oi] = jj;
        al.new_to_old[nj] = i;
        al.how[nj] = Match::Changed;
        j = jj + 1;
        break;
      }
    }
  }
  return al;
}

}  // namespace plandeck::diff
