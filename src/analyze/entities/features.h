// src/analyze/entities/features.h
//
// What the entity tagger sees of a document: one TokenView per token of the
// Doc (folded form, shape, gazetteer and trigger marks, document-level hints),
// sentences as token ranges, and the hashed features of one token. Training
// and tagging build the view with the same code, from the same segmenter, so
// that a model sees at run time exactly what it was trained on.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doc/doc.h"

namespace recoupe::ner {

//! BIO tags over PER, LOC, ORG. Rows of the model hold kRow weights, one per tag (the last unused).
enum Tag : uint8_t { kO = 0, kBPer, kIPer, kBLoc, kILoc, kBOrg, kIOrg, kTagCount };
inline constexpr int kRow = 8;
static_assert(kTagCount <= kRow);

inline bool is_begin(int t) noexcept { return t == kBPer || t == kBLoc || t == kBOrg; }
inline bool is_inside(int t) noexcept { return t == kIPer || t == kILoc || t == kIOrg; }
//! The entity type of a B or I tag.
Entity::Type tag_type(int t) noexcept;
//! B tag of a type (PER, LOC, ORG); kO for MISC.
int begin_tag(Entity::Type t) noexcept;
//! True when tag `t` may follow `prev` (I-X only after B-X or I-X).
inline bool allowed(int prev, int t) noexcept { return !is_inside(t) || (prev != kO && (prev + 1) / 2 == (t + 1) / 2); }

//! Coarse word shapes.
enum Shape : uint8_t {
  kPunct, kLower, kCapital, kAllCaps, kSingleCap, kDigits, kAlnum, kMixedCase, kElided, kHyphen, kQuote, kShapeCount
};

//! Gazetteer marks of a token: for each category, whether an entry starts here and whether one covers it.
enum GazCategory : uint8_t { kGazLoc, kGazOrg, kGazPer, kGazFirst, kGazCategoryCount };
inline constexpr uint8_t gaz_begin_bit(GazCategory c) { return static_cast<uint8_t>(1u << (2 * c)); }
inline constexpr uint8_t gaz_inside_bit(GazCategory c) { return static_cast<uint8_t>(2u << (2 * c)); }

//! Trigger classes of a word, marked on the word itself (its neighbours read them).
enum Trigger : uint8_t {
  kTrigTitle = 1,      //!< M., Mme, Dr, président, ministre, député... before a person
  kTrigPlace = 2,      //!< à, en, dans, vers, depuis... before a place
  kTrigOrg = 4,        //!< groupe, société, parti, syndicat, chaîne, journal... before an organisation
  kTrigLowerHead = 8,  //!< a lower-case word that may begin a name (ministère, université, boulevard...)
  kTrigConnector = 16, //!< de, du, des, la, l', et... inside names
  kTrigSpeech = 32,    //!< a déclaré, selon, estime... around people
};

//! Document-level hints about a form.
enum DocHint : uint8_t {
  kSeenCapitalMid = 1,  //!< the form appears capitalised away from a sentence start
  kSeenLower = 2,       //!< the form appears in lower case
};

//! What the tagger reads of one token.
struct TokenView {
  std::string_view surface;  //!< the token's text in its Doc
  uint64_t form = 0;  //!< hash of the folded surface
  char initial = 0;  //!< first byte of the folded surface
  bool joiner = false;  //!< ".", "&", "+" or "/": punctuation that may sit inside a name
  uint8_t shape = kPunct;
  uint8_t flags = 0;  //!< Token::Flag
  uint8_t gaz = 0;
  uint8_t trigger = 0;
  uint8_t hint = 0;
  uint8_t length = 0;  //!< surface length in code points, capped at 255
};

struct DocView {
  std::vector<TokenView> tokens;  //!< one per Doc::tokens
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  //!< token ranges [begin, end)
  std::vector<uint32_t> capitalised;  //!< the tokens with Token::kCapitalized, in order
};

class Gazetteer;

//! Builds the view of `doc`'s tokens (marks from `gazetteer`).
void build_view(const Doc& doc, const Gazetteer& gazetteer, DocView& view);

//! True when a mention may start at token `t` after an O: a capitalised word, a gazetteer entry, a lower-case head.
//! Inline and without branches: the tagger asks it of every token, and words, capitals and punctuation
//! follow each other in no order a branch predictor could learn.
inline bool may_start(const TokenView& t) noexcept {
  constexpr uint32_t kCapitalShapes = 1u << kCapital | 1u << kAllCaps | 1u << kSingleCap | 1u << kMixedCase;
  constexpr uint8_t kAnyBegin = gaz_begin_bit(kGazLoc) | gaz_begin_bit(kGazOrg) | gaz_begin_bit(kGazPer);
  const bool capital = ((kCapitalShapes >> t.shape) & 1) != 0;
  const bool capital_elided = (t.shape == kElided) & ((t.flags & Token::kCapitalized) != 0);
  const bool listed_or_head = ((t.gaz & kAnyBegin) != 0) | ((t.trigger & kTrigLowerHead) != 0);
  return ((t.flags & Token::kWord) != 0) & (capital | capital_elided | listed_or_head);
}

//! True when token `t` may continue a mention: not a comma, bracket, quote or other stop.
inline bool may_continue(const TokenView& t) noexcept { return t.shape != kQuote && (t.shape != kPunct || t.joiner); }

//! Which static features: those of the token alone (its form, affixes, shape, length, marks and whether it
//! starts a sentence), those of its neighbours, or both; or, of the neighbours', only those that read a word
//! (kWordContextFeatures: the others are code features, see CodeFeature).
enum FeatureParts : uint8_t { kOwnFeatures = 1, kContextFeatures = 2, kAllFeatures = 3, kWordContextFeatures = 4 };

//! Appends the static features of token `i` of sentence [begin, end) to `out` (64-bit hashes), in one
//! fixed order whatever `parts`. With `no_gazetteer`, gazetteer marks are left out (training drops them
//! on some sentences).
void static_features(const DocView& view, size_t begin, size_t end, size_t i, bool no_gazetteer,
                     std::vector<uint64_t>& out, FeatureParts parts = kAllFeatures);

//! How many features kWordContextFeatures makes.
inline constexpr size_t kWordContextCount = 6;
//! The kWordContextFeatures of token `i` of sentence [begin, end), in static_features()' order, into an
//! array: the tagger asks for these of every token it scores. static_features() with kWordContextFeatures
//! returns these; with kAllFeatures it makes them itself (a test checks that the two agree).
void word_context_features(const DocView& view, size_t begin, size_t end, size_t i,
                           uint64_t (&out)[kWordContextCount]) noexcept;

//! What kOwnFeatures of token `i` depend on, packed with its form into a key: tokens with equal keys have
//! the same own features (the tagger adds up their weights once per thread, see tagger.cc).
struct OwnKey {
  uint64_t form = 0;
  uint64_t marks = 0;  //!< shape, length, gazetteer marks, trigger, hint, sentence start, word (bits 0-41)
  bool operator==(const OwnKey&) const = default;
};
OwnKey own_key(const DocView& view, size_t begin, size_t i) noexcept;
//! Appends the features that depend on the two previous tags: with kOwnFeatures those that also read the
//! token (its form, shape, marks) and the previous tag only, with kContextFeatures those of the tags alone.
void history_features(const DocView& view, size_t i, int prev, int prev2, bool no_gazetteer,
                      std::vector<uint64_t>& out, FeatureParts parts = kAllFeatures);

//! The context features that read no word, only small codes: the neighbours' shapes, gazetteer marks and
//! triggers, and the previous tags. Each has a table of every code it can take, so that the tagger keeps
//! their weights in small tables (tagger.cc) rather than hash and look up each of them for every token.
enum CodeFeature : uint8_t {
  kCodeShapePrev, kCodeShapeNext, kCodeShapePrevCur, kCodeShapeCurNext, kCodeGazPrev, kCodeGazNext,
  kCodeTrigPrev, kCodeTrigPrev2, kCodeTrigNext, kCodePrevTag, kCodePrevTags, kCodeFeatureCount
};
//! How many codes each CodeFeature takes (shapes with the sentence edge's, 8 gazetteer bits, 6 trigger bits).
inline constexpr uint32_t kCodeCounts[kCodeFeatureCount] = {
    kShapeCount + 1, kShapeCount + 1, (kShapeCount + 1) * (kShapeCount + 1), (kShapeCount + 1) * (kShapeCount + 1),
    256, 256, 64, 64, 64, kTagCount, kTagCount * kTagCount};
//! The feature hash of `code` of code feature `f`, as static_features() and history_features() make it; false
//! when that code makes no feature (a neighbour without a trigger).
bool code_feature(CodeFeature f, uint32_t code, uint64_t& feature) noexcept;
//! The code of each CodeFeature for token `i` of sentence [begin, end) after tags prev2, prev.
void feature_codes(const DocView& view, size_t begin, size_t end, size_t i, int prev, int prev2,
                   uint32_t (&codes)[kCodeFeatureCount]) noexcept;

//! The surface-only part of a word's view, for Token::form and Token::marks (the lexical component
//! computes it once per distinct surface; build_view() reads it instead of folding every token).
//! `flags` are the token's Token::Flag (only kWord and kNumber matter, both fixed by the surface).
void word_marks(std::string_view surface, uint8_t flags, uint64_t& form, uint32_t& marks);

//! Folded form and its hash, as the view computes them (gazetteer entries go through the same).
uint64_t form_hash(std::string_view folded) noexcept;
//! Folds `surface` into `out` (cleared first); ASCII fast path.
void fold_word(std::string_view surface, std::string& out);

}  // namespace recoupe::ner
