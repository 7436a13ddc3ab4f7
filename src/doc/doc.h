// src/doc/doc.h
//
// The document model every stage annotates (as spaCy's Doc). A Doc owns the
// normalised UTF-8 text of each field once; sentences and tokens are spans
// (field, byte range) into it. Stages append annotations; none re-tokenises.
//
// Thread safety: a Doc is owned by one thread at a time; the pipeline hands
// it from the analyze workers to the link stage, never shares it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/timestamp.h"

namespace recoupe {

//! The article's fields, and `credits`: the photo credits the clean stage took out of them ("Crédit
//! photo : AFP"), one a line. Credits are not the article's words: only the entities component reads
//! them (who supplied the pictures); kAllFields, which every other component reads, leaves them out.
enum class Field : uint8_t { kTitle = 0, kAbstract = 1, kText = 2, kCredits = 3 };
inline constexpr int kFieldCount = 3;  //!< the article's own fields (kAllFields)
inline constexpr std::array<Field, kFieldCount> kAllFields = {Field::kTitle, Field::kAbstract, Field::kText};
const char* field_name(Field f) noexcept;

//! A half-open byte range [begin, end) into one field of a Doc. A Span must not outlive its Doc.
struct Span {
  Field field = Field::kText;
  uint32_t begin = 0;  //!< byte offset into Doc::field(field)
  uint32_t end = 0;    //!< one past the last byte
  uint32_t size() const noexcept { return end - begin; }
  bool operator==(const Span&) const = default;
};

//! A word or a punctuation mark; `term` identifies its folded stem for matching.
struct Token {
  enum Flag : uint8_t {
    kWord = 1,            //!< letters or digits (not punctuation)
    kCapitalized = 2,     //!< starts with an upper-case letter
    kSentenceStart = 4,   //!< first word of its sentence
    kStop = 8,            //!< a stopword
    kNumber = 16,         //!< digits only
  };
  Span span;
  uint8_t flags = 0;
  uint64_t term = 0;  //!< hash of the folded stem; 0 for punctuation
  // Set by the lexical component from its per-surface cache, so that the entities tagger does not
  // fold, hash and classify every word a second time (see analyze/entities/features.h).
  uint64_t form = 0;   //!< hash of the folded surface (ner::form_hash); 0 for punctuation or when unset
  uint32_t marks = 0;  //!< the surface's shape, length, trigger class and initial (ner::word_marks)
  bool has(Flag f) const noexcept { return (flags & f) != 0; }
};

//! Something wrong with a field's text, found by the clean stage (contract `flags`).
struct TextFlag {
  std::string kind;      //!< "photo-credit", "photo-caption", "author-bio", "boilerplate", "untranslated-fragment"
  Span span;             //!< where it is in the clean text; for text left out, the point where it was (empty span)
  std::string text;      //!< the words flagged, as they were
  bool removed = false;  //!< left out of the clean text (credits, captions, bios, boilerplate)
};

//! A named-entity mention (contract `entities`).
struct Entity {
  enum class Type : uint8_t { kPer, kLoc, kOrg, kMisc };
  Span span;
  Type type = Type::kMisc;
  std::string canonical;  //!< the one name of this entity in the article (and across articles when known)
};
const char* entity_type_name(Entity::Type t) noexcept;

//! A role phrase ("le président biélorusse", "le chef du Kremlin") and the person it stands for.
struct Role {
  Span span;              //!< the role noun phrase, determiner included
  std::string canonical;  //!< the canonical name of the person (as in Entity::canonical)
};

//! TIMEX3 types of a temporal expression.
enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
const char* timex_type_name(TimexType t) noexcept;  //!< "DATE", "TIME", "DURATION", "SET"

//! A temporal expression (contract `dates`): where it is, its TIMEX3 type and value.
struct DateMention {
  Span span;
  TimexType type = TimexType::kDate;
  std::string value;  //!< TIMEX3 value: "2022-09-26", "2022-W39", "P2D", "XXXX-WXX-1", ...
};

//! A term and its weight in a document, before inverse document frequency is applied.
struct TermWeight {
  uint64_t term = 0;
  float weight = 0;
  bool operator==(const TermWeight&) const = default;
};

//! A direct quotation: the words inside the marks, who said them and how the text says so.
struct Quote {
  Span span;                    //!< the text inside the quotation marks (marks and edge spaces excluded)
  std::string speaker;          //!< canonical name of who said it; empty when unknown
  std::optional<Span> speaker_mention;  //!< the words near the quote naming the speaker ("il", "le ministre")
  std::optional<Span> cue;      //!< the speech verb or cue ("a-t-il déclaré", "selon", ":")
  uint32_t passage = 0;         //!< index (in Doc::quotes) of the first quote of its running passage
  std::vector<uint64_t> terms;  //!< sorted folded stems of its content words, for the link stage
  std::string utterance;        //!< set by the link stage: same value = same words spoken once ("u12")
};

//! What the link stage needs of a document; computed per document in analyze.
struct LinkFeatures {
  static constexpr int kMinhashSize = 128;
  std::vector<TermWeight> terms;  //!< sorted by term; field- and name-weighted term frequency
  std::vector<uint64_t> names;    //!< sorted; the terms written as proper names in this document
  std::vector<uint32_t> minhash;  //!< kMinhashSize values, or empty when the text is too short
};

//! Why the link stage put a document where it did; `recoupe explain` prints it.
struct LinkDecision {
  uint64_t order = 0;                       //!< position in the link stage's stream (0-based)
  std::string story;                        //!< story label ("s12")
  std::optional<std::string> duplicate_of;  //!< id of the earliest near-copy
  double duplicate_similarity = 0;          //!< estimated Jaccard with that copy
  bool new_story = true;
  double similarity = 0;         //!< score against the chosen story (or the best one refused)
  double threshold = 0;          //!< score needed to join
  std::string best_other_story;  //!< the best story when a new one was opened
  double gap_days = -1;          //!< days since that story's last article; -1 when undated
  std::vector<uint64_t> shared_terms;  //!< strongest terms shared with the story, names first (see StringStore)
};

class Doc {
 public:
  Doc() = default;
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;
  Doc(Doc&&) noexcept = default;
  Doc& operator=(Doc&&) noexcept = default;

  // -- identity and metadata, from the reader
  std::string id;
  std::string origin;  //!< "file:line" or "file", for messages
  std::string published_text;  //!< as given
  std::optional<Timestamp> published;
  std::string url, source, lang;
  std::string lang_hint;  //!< the language a page declares (<html lang>): a hint for detection, not a verdict

  std::string& field(Field f) noexcept { return fields_[static_cast<int>(f)]; }
  const std::string& field(Field f) const noexcept { return fields_[static_cast<int>(f)]; }
  std::string_view text(const Span& s) const noexcept {
    return std::string_view(field(s.field)).substr(s.begin, s.size());
  }

  // -- analysis, appended by the analyze components
  std::vector<Span> sentences;
  std::vector<Token> tokens;
  std::vector<TextFlag> flags;  //!< text-quality findings, in field and text order (see flag_kinds())
  std::optional<std::vector<Entity>> entities;  //!< set by the entities component (absent when it did not run)
  //! Entities of Field::kCredits, apart from `entities` so that nothing reading the article's names
  //! (links, roles, speakers) counts the picture agency; the output lists them after those.
  std::vector<Entity> credit_entities;
  std::vector<Role> roles;  //!< role phrases resolved to a person by the entities component (contract `roles`)
  std::vector<Quote> quotes;       //!< direct quotations, in text order (title, abstract, text)
  std::vector<DateMention> dates;  //!< temporal expressions, in field then text order
  std::string event_date;          //!< TIMEX3 day (or coarser) of the event the article reports; empty if unknown
  std::string event_place;         //!< canonical name of the place where that event happened; empty if unknown
  std::string written_date;        //!< the publication day the text implies, when `published` is less precise
  LinkFeatures features;

  // -- linking
  LinkDecision link;

  //! The distinct kinds of `flags`, in order of first appearance (the contract's `flags` strings).
  std::vector<std::string> flag_kinds() const;

  //! Index of the first token of field `f` that starts at or after byte `offset` (tokens.size() when none):
  //! tokens are in field order, then text order, as the segmenter appends them.
  size_t token_at(Field f, uint32_t offset) const;
  //! The same, for offsets that mostly come in increasing order: `from`, the answer for an earlier offset,
  //! is a lower bound, and a galloping search from there takes a few steps when the answer is near.
  size_t token_at(Field f, uint32_t offset, size_t from) const;

  //! Frees what only analysis needs (tokens, sentences) once features exist.
  void release_analysis() {
    std::vector<Token>().swap(tokens);
    std::vector<Span>().swap(sentences);
  }

 private:
  std::array<std::string, kFieldCount + 1> fields_;  // and Field::kCredits
};

}  // namespace recoupe
