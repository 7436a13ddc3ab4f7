// src/analyze/date_matcher.h
//
// Finds French temporal expressions in the tokens the segmenter made, and
// says what each means as a TimexSpec for the resolver. A small hand-written
// grammar over tokens, not regular expressions over text: each family of
// expressions (a day and month, a weekday, a deictic, a month, a year, a
// relative period, "il y a" / "dans", a duration, a clock time, a set, a part
// of the day, a holiday) is a function that reads forward from one token,
// and at each token the longest match wins.
//
// What a span covers follows French TimeBank: a leading "le" or demonstrative
// is in ("le 6 mai dernier", "ce week-end"), a leading preposition is not
// ("en [2019]", "du [30 mai]", "pendant [deux jours]"), except "il y a" and
// "dans" which make the expression ("il y a trois semaines").
//
// Thread safety: pure functions over their arguments.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/date_lexicon.h"
#include "analyze/date_resolver.h"
#include "doc/doc.h"

namespace recoupe::dates {

//! One token as the matcher sees it: its lexicon entry, or the value of a number.
struct DateToken {
  enum class Kind : uint8_t {
    kWord,           //!< letters (perhaps in the lexicon)
    kNumber,         //!< digits, perhaps in groups: "15.06.2020", "30,4", "5.000"
    kClock,          //!< "10h30", "10h": num[0] hour, num[1] minute or -1
    kOrdinalNumber,  //!< "1er", "2e", "3ème": num[0]
    kPunct,
  };
  uint32_t begin = 0, end = 0;  //!< byte range in the field (a compound such as "avant-hier" is one token)
  Kind kind = Kind::kPunct;
  bool space_before = true;     //!< something separates it from the previous token
  bool capitalized = false;
  bool sentence_start = false;
  bool stop = false;            //!< a stopword (from the lexical component)
  bool lowercase = false;       //!< a word written in lower case
  bool temporal = false;        //!< a number, or a word that names time (not a mere function word)
  int8_t fn = 0;                //!< the Fn of a function word, else 0
  uint32_t source = 0;          //!< index of its (first) Doc token in the stretch it was made from
  char punct = 0;               //!< the ASCII punctuation mark, or 0
  const LexEntry* lex = nullptr;
  int32_t num[3] = {0, 0, 0};   //!< number groups (kNumber), hour/minute (kClock), value (kOrdinalNumber)
  uint8_t ndigits[3] = {0, 0, 0};
  uint8_t groups = 0;           //!< kNumber: 1..3 groups of digits; 0 when unusable (too long, more groups)
  char sep = 0;                 //!< kNumber: the character between groups
};

//! Appends to `out` the date tokens of a stretch of one field, made from its Doc tokens `tokens[0, n)`
//! (contiguous, in order; their `term`, when set, spares the lexicon lookup of words that cannot be in it).
void make_date_tokens(std::string_view field_text, const Token* tokens, size_t n, std::vector<DateToken>& out);

//! The stretches [begin, end) of a sentence's Doc tokens [0, n) (with their `term`) worth matching: around
//! each anchor, a word that every expression holds one of (a month, a weekday, a unit, "hier", a number
//! word...) or a number that could be a date, a year or a time (next to such a word, to "h", ":" or "/",
//! after "le", or of four digits). None for most sentences of a news text. Appends to `out`.
void date_windows(std::string_view field_text, const Token* tokens, size_t n,
                  std::vector<std::pair<uint32_t, uint32_t>>& out);

struct DateMatch {
  uint32_t first = 0, last = 0;  //!< token range [first, last)
  TimexSpec spec;
  //! For "hier lundi 26 septembre": the deictic's offset in days (-1), which dates the article itself.
  int deictic_offset = 0;
  bool has_deictic = false;
  bool clock_only = false;  //!< a clock time with no day of its own ("à 10 h"): the day comes from the context
};

//! Appends the temporal expressions among tokens [begin, end) (one sentence) of a field to `out`, left to right.
void match_dates(std::string_view field_text, const std::vector<DateToken>& tokens, size_t begin, size_t end,
                 std::vector<DateMatch>& out);

//! The tense that decides a bare weekday at Doc token `at` of a sentence's tokens [0, n): the verb form
//! nearest to it (within 15 tokens) that marks the future (futur simple; "va", "doit" + infinitive;
//! "prévu") or the past (an auxiliary and a participle, the imperfect); kPresent when there is none (a bare
//! weekday then counts as past: news reports what happened).
Tense tense_at(std::string_view field_text, const Token* tokens, size_t n, size_t at);

//! tense_at() for several expressions of one sentence, reading each word's verb form once. Its memory is
//! the thread's: one TenseReader at a time per thread.
class TenseReader {
 public:
  TenseReader(std::string_view field_text, const Token* tokens, size_t n);
  Tense at(size_t i);

 private:
  std::string_view text_;
  const Token* tokens_;
  size_t n_;
  std::vector<int8_t>& memo_;  // per token: -1 not read yet, else a marker
};

}  // namespace recoupe::dates
