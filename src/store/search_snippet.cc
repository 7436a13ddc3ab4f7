// src/store/search_snippet.cc
#include "store/search_snippet.h"

#include <algorithm>

#include "common/utf8.h"
#include "store/fts_tokenizer.h"

namespace recoupe {
namespace {

constexpr size_t kBefore = 6, kWords = 28;

struct Window {
  size_t score = 0, best = 0;  // distinct terms, and the match that opens the window
};

// The window with the most distinct query terms among the tokens before `limit`, the first on a tie.
Window best_window(const std::vector<TermAt>& matches, size_t terms, size_t limit) {
  Window w;
  std::vector<char> seen(terms);
  for (size_t a = 0; a < matches.size() && matches[a].token < limit; ++a) {
    std::fill(seen.begin(), seen.end(), 0);
    size_t distinct = 0;
    const size_t end = std::min(limit, matches[a].token + kWords - kBefore);
    for (size_t b = a; b < matches.size() && matches[b].token < end; ++b) {
      if (matches[b].term < terms && !seen[matches[b].term]) {
        seen[matches[b].term] = 1;
        ++distinct;
      }
    }
    if (distinct > w.score) w = {distinct, matches[a].token};
    if (distinct == terms) break;
  }
  return w;
}

}  // namespace

SearchSnippet::SearchSnippet(std::string_view text, const std::vector<TermAt>& matches, size_t terms,
                             FtsTokenizer& tokenizer)
    : text_(text) {
  if (!utf8::is_valid(text)) {
    valid_ = false;  // the API repairs it
    return;
  }
  Window w;
  if (text.size() > kScan && !matches.empty()) {
    // Cut at a space, so that no word (nor UTF-8 sequence) is split.
    const size_t space = text.rfind(' ', kScan);
    if (space != std::string_view::npos && space > 0) {
      // The start's words up to the window past the last match, at most: the start's end matters only
      // when it falls before that (it drops the matches after it).
      spans_ = tokenizer.spans(text.substr(0, space), matches.back().token + kWords + 2);
      w = best_window(matches, terms, spans_.size());
      if (w.score > 0) {
        text_ = text.substr(0, space);
        cut_ = true;
      }
    }
  }
  if (!cut_) {
    w = best_window(matches, terms, SIZE_MAX);
    spans_ = tokenizer.spans(text, (w.best > kBefore ? w.best - kBefore : 0) + kWords + 1);
  }
  score_ = w.score;
  from_ = w.best > kBefore ? w.best - kBefore : 0;
  const size_t to = std::min(spans_.size(), from_ + kWords);
  tokens_ = to > from_ ? to - from_ : 0;
  for (const TermAt& m : matches) {
    if (m.token >= from_ && m.token < to) matched_.push_back(m.token);
  }
}

std::string SearchSnippet::text() const {
  if (!valid_) return std::string(text_.substr(0, 200));
  if (tokens_ == 0) return std::string(utf8::truncate(text_, 200));
  const size_t to = from_ + tokens_;
  std::string out = from_ > 0 ? "…" : "";
  size_t at = spans_[from_].first;
  for (size_t token : matched_) {
    const auto [start, end] = spans_[token];
    out.append(text_.substr(at, start - at));
    out.push_back('\x02');
    out.append(text_.substr(start, end - start));
    out.push_back('\x03');
    at = end;
  }
  const bool more = to < spans_.size() || cut_;
  const size_t stop = more ? spans_[to - 1].second : text_.size();
  out.append(text_.substr(at, stop > at ? stop - at : 0));
  if (more) out += "…";
  return out;
}

}  // namespace recoupe
