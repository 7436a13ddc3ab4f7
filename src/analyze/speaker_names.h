// src/analyze/speaker_names.h
//
// The seam between quotations and named entities: given the span of a
// speaker mention, the canonical name of who it designates. When the Doc
// carries entity mentions, names are its people and organisations with their
// canonical names (places do not speak). Without them (`--without entities`),
// names are the runs of capitalised words of the article, and a mention's
// canonical name is the fullest of them that ends with the mention's surname
// ("Loukachenko" → "Alexandre Loukachenko"), as the annotation guide defines
// a speaker. Callers ask the same questions either way.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/folded_tokens.h"
#include "doc/doc.h"

namespace recoupe {

class SpeakerNames {
 public:
  //! A run of capitalised words naming someone or something.
  struct Mention {
    uint32_t first = 0, last = 0;  //!< token indices, inclusive
    uint32_t sentence = 0;         //!< index into Doc::sentences
    bool after_preposition = false;  //!< "à Poutine", "de Minsk": not a subject
    uint32_t key = 0;              //!< index of its entity or surname (into keys_)
  };

  //! Indexes the names of `doc` (its tokens and sentences must exist); `folded` is its tokens' folded
  //! forms, shared with the caller, and must outlive this.
  SpeakerNames(const Doc& doc, FoldedTokens& folded);

  //! The canonical name for a mention whose last word is a proper name; empty otherwise.
  std::string canonical(const Span& mention) const;
  //! The canonical name of an indexed mention.
  const std::string& canonical(const Mention& m) const { return keys_[m.key].canonical; }
  //! True when the mention names a person (an entity of type PER; without entities, a first and last name).
  bool is_person(const Mention& m) const { return keys_[m.key].person; }
  //! True when the mention names an organisation (an entity of type ORG).
  bool is_organisation(const Mention& m) const { return keys_[m.key].organisation; }
  //! True when `canonical` is the canonical name of a person of the article.
  bool names_person(std::string_view canonical) const {
    return std::any_of(keys_.begin(), keys_.end(), [&](const Key& k) { return k.person && k.canonical == canonical; });
  }
  //! +1 when the text marks the person as a man ("M. X", "le ministre X"), -1 as a woman ("Mme X",
  //! "la ministre X"), 0 when it does not say.
  int gender(const Mention& m) const {
    if (gender_.empty()) assign_genders();
    return gender_[m.key];
  }
  //! Every name mention, in token order.
  const std::vector<Mention>& mentions() const { return mentions_; }
  //! The name mention that covers token `t`, or nullptr.
  const Mention* mention_at(uint32_t t) const;
  //! Sentence index of token `t`.
  uint32_t sentence_of(uint32_t t) const;

 private:
  // Genders are worked out the first time one is asked for: about four articles in ten with
  // quotations resolve no pronoun.
  void assign_genders() const;

  const Doc& doc_;
  FoldedTokens& folded_;
  std::vector<Mention> mentions_;
  // What a mention's key (its entity or surname) says of whom it names.
  struct Key {
    std::string canonical;
    bool person = false;
    bool organisation = false;
  };
  std::vector<Key> keys_;
  mutable std::vector<int> gender_;  // by surname: sum of the evidence, clamped to -1..1; empty until asked
  std::vector<int32_t> mention_of_token_;  // -1 when the token is in no name
};

}  // namespace recoupe
