#include "link/utterance_grouper.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "common/folding.h"

namespace recoupe {
namespace {

std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> out;
  std::string folded = fold(name), cur;
  for (char c : folded) {
    if (c == ' ' || c == '-') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// `into` becomes the sorted union of itself and `more` (both sorted).
void merge_terms(std::vector<uint64_t>& into, const std::vector<uint64_t>& more) {
  std::vector<uint64_t> merged;
  merged.reserve(into.size() + more.size());
  std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(merged));
  into = std::move(merged);
}

}  // namespace

double UtteranceGrouper::containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

bool UtteranceGrouper::same_speaker(const std::string& a, const std::string& b) {
  return same_speaker(words_of(a), words_of(b));
}

bool UtteranceGrouper::same_speaker(const std::vector<std::string>& wa, const std::vector<std::string>& wb) {
  if (wa.empty() || wb.empty()) return false;
  const auto& shorter = wa.size() <= wb.size() ? wa : wb;
  const auto& longer = wa.size() <= wb.size() ? wb : wa;
  return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());  // a surname matches the full name
}

void UtteranceGrouper::assign(Doc& doc) {
  const uint64_t order = ++docs_;
  // Passages of this document: quotations of one running quotation, compared whole.
  std::map<uint32_t, std::vector<size_t>> passages;
  for (size_t i = 0; i < doc.quotes.size(); ++i) passages[doc.quotes[i].passage].push_back(i);
  for (const auto& [first, members] : passages) {
    std::vector<uint64_t> terms;
    for (size_t i : members) terms.insert(terms.end(), doc.quotes[i].terms.begin(), doc.quotes[i].terms.end());
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    const std::string& speaker = doc.quotes[first].speaker;
    const std::vector<std::string> speaker_words = words_of(speaker);
    std::vector<uint32_t>& in_story = by_story_[doc.link.story];
    // The best utterance opened by another document in this story, by the same speaker; ties to the oldest.
    size_t best = utterances_.size();
    double best_score = kMinContainment;
    if (!speaker_words.empty() && !doc.link.story.empty()) {
      for (uint32_t u : in_story) {
        const Utterance& cand = utterances_[u];
        if (cand.first_doc == order || !same_speaker(cand.speaker_words, speaker_words)) continue;
        const double score = containment(terms, cand.terms);
        if (score >= best_score && (best == utterances_.size() || score > best_score)) {
          best = u;
          best_score = score;
        }
      }
    }
    if (best == utterances_.size()) {
      utterances_.push_back(Utterance{speaker, speaker_words, {}, order, ++last_id_});
      in_story.push_back(static_cast<uint32_t>(best));
    }
    Utterance& u = utterances_[best];
    merge_terms(u.terms, terms);
    const std::string id = "u" + std::to_string(u.id);
    for (size_t i : members) doc.quotes[i].utterance = id;
  }
}

std::vector<UtteranceRecord> UtteranceGrouper::records_of(const Doc& doc) {
  std::vector<UtteranceRecord> out;
  for (const Quote& q : doc.quotes) {
    if (q.utterance.size() < 2 || q.utterance[0] != 'u') continue;
    const uint64_t id = std::strtoull(q.utterance.c_str() + 1, nullptr, 10);
    auto it = std::find_if(out.begin(), out.end(), [&](const UtteranceRecord& r) { return r.id == id; });
    if (it == out.end()) {
      out.push_back(UtteranceRecord{id, q.speaker, {}});
      it = out.end() - 1;
    }
    merge_terms(it->terms, q.terms);
  }
  return out;
}

void UtteranceGrouper::restore(const std::string& story, const std::vector<UtteranceRecord>& records) {
  ++docs_;
  for (const UtteranceRecord& r : records) {
    auto [it, fresh] = by_id_.try_emplace(r.id, static_cast<uint32_t>(utterances_.size()));
    if (fresh) {
      utterances_.push_back(Utterance{r.speaker, words_of(r.speaker), {}, 0, r.id});
      by_story_[story].push_back(it->second);
    }
    Utterance& u = utterances_[it->second];
    merge_terms(u.terms, r.terms);
    last_id_ = std::max(last_id_, r.id);
  }
}

}  // namespace recoupe
