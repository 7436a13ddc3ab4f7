// src/store/search_snippet.h
//
// The snippet of a search hit in one of its texts: about 28 words where most
// of the query's distinct terms meet, matched words between \x02 and \x03. The
// matches come from the full-text index (recoupe_matches), so the text is only
// cut into words up to the window, never stemmed again. Only the first
// kScan bytes of a long text are looked at when they hold a match (a long body
// is not read to its end for a 28-word window); the whole text otherwise.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recoupe {

class FtsTokenizer;

//! A query term at a token of a text.
struct TermAt {
  size_t token = 0;  //!< as the tokenizer counts them
  size_t term = 0;   //!< index of the query term (the first of equal ones)
};

class SearchSnippet {
 public:
  static constexpr size_t kScan = 2048;

  //! The best window of `text` (which must outlive this), given `matches` (at most one per token, in token
  //! order) of a query of `terms` terms.
  SearchSnippet(std::string_view text, const std::vector<TermAt>& matches, size_t terms, FtsTokenizer& tokenizer);
  //! Distinct query terms in the window.
  size_t score() const { return score_; }
  //! The snippet itself.
  std::string text() const;

 private:
  std::string_view text_;                      // what the window is in: the whole text or its start (cut_)
  bool valid_ = true, cut_ = false;
  size_t score_ = 0, from_ = 0;                // the window starts at token from_
  std::vector<std::pair<size_t, size_t>> spans_;  // tokens 0 .. the window's end, and one more if there is one
  std::vector<size_t> matched_;                // the window's matched tokens
  size_t tokens_ = 0;                          // in the window: min(28, what remains from from_)
};

}  // namespace recoupe
