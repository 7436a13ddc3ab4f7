#include "link/utterance_grouper.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <utility>

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

// The hash of a name's last word, 0 for no name: two names whose hashes differ are not the same speaker,
// told without reading the words of every earlier utterance of the story.
uint64_t surname_of(const std::vector<std::string>& words) {
  return words.empty() ? 0 : std::hash<std::string>{}(words.back());
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
  if (doc.quotes.empty()) return;
  // Passages of this document: quotations of one running quotation, compared whole. Sorted by
  // passage, then by quotation: each passage is a run, its quotations in order.
  std::vector<std::pair<uint32_t, uint32_t>> by_passage;  // (passage, quotation)
  by_passage.reserve(doc.quotes.size());
  for (size_t i = 0; i < doc.quotes.size(); ++i) by_passage.emplace_back(doc.quotes[i].passage, static_cast<uint32_t>(i));
  std::sort(by_passage.begin(), by_passage.end());
  // The passages of an article mostly share one speaker: its name is split into words once.
  const std::string* split_speaker = nullptr;
  std::vector<std::string> speaker_words;
  uint64_t surname = 0;
  auto& in_story = by_story_[doc.link.story];
  for (size_t run = 0, run_end = 0; run < by_passage.size(); run = run_end) {
    const uint32_t first = by_passage[run].first;
    while (run_end < by_passage.size() && by_passage[run_end].first == first) ++run_end;
    std::vector<uint64_t> terms;
    for (size_t k = run; k < run_end; ++k) {
      const Quote& q = doc.quotes[by_passage[k].second];
      terms.insert(terms.end(), q.terms.begin(), q.terms.end());
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    const std::string& speaker = doc.quotes[first].speaker;
    if (!split_speaker || *split_speaker != speaker) {
      speaker_words = words_of(speaker);
      surname = surname_of(speaker_words);
      split_speaker = &speaker;
    }
    // The best utterance opened by another document in this story, by the same speaker; ties to the oldest.
    size_t best = utterances_.size();
    double best_score = kMinContainment;
    std::vector<uint32_t>& same_surname = in_story[surname];
    if (!speaker_words.empty() && !doc.link.story.empty()) {
      for (uint32_t u : same_surname) {
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
      same_surname.push_back(static_cast<uint32_t>(best));
    }
    Utterance& u = utterances_[best];
    if (u.terms.empty()) {
      u.terms = std::move(terms);  // a new utterance: nothing to merge with
    } else {
      merge_terms(u.terms, terms);
    }
    const std::string id = "u" + std::to_string(u.id);
    for (size_t k = run; k < run_end; ++k) doc.quotes[by_passage[k].second].utterance = id;
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
      std::vector<std::string> words = words_of(r.speaker);
      const uint64_t surname = surname_of(words);
      utterances_.push_back(Utterance{r.speaker, std::move(words), {}, 0, r.id});
      by_story_[story][surname].push_back(it->second);
    }
    Utterance& u = utterances_[it->second];
    merge_terms(u.terms, r.terms);
    last_id_ = std::max(last_id_, r.id);
  }
}

}  // namespace recoupe
