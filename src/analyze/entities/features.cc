#include "analyze/entities/features.h"

// Inlined: the tagger hashes a few short strings per token, and the library call cost more than the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <array>

#include "analyze/entities/gazetteer.h"
#include "common/flat_hash_map.h"
#include "common/hash_bits.h"
#include "common/folding.h"
#include "common/utf8.h"

namespace recoupe::ner {
namespace {

constexpr uint64_t mix(uint64_t x) noexcept {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Feature templates: a feature is mix(template, value...).
enum Template : uint64_t {
  kBias = 1, kWord, kPrevWord, kNextWord, kPrev2Word, kNext2Word, kPrefix3, kSuffix3, kSuffix2, kShape0,
  kShapePrev, kShapeNext, kShapePrevCur, kShapeCurNext, kStartShape, kGazBit, kGazPrev, kGazNext, kGazShape,
  kTrigPrev, kTrigPrev2, kTrigNext, kHint, kLengthShape, kPrevWordShape, kWordNext, kPrevTag, kPrevTags,
  kPrevTagShape, kPrevTagWord, kTrigSelf, kGazPrevTag, kPrefix2, kPrevTagHint
};

// mix(t * golden ratio) of each template, computed once: a token's features hash it about forty times.
constexpr auto kTemplateKeys = [] {
  std::array<uint64_t, kPrevTagHint + 1> keys{};
  for (uint64_t t = 0; t < keys.size(); ++t) keys[t] = mix(t * 0x9E3779B97F4A7C15ULL);
  return keys;
}();

[[gnu::always_inline]] inline uint64_t feat(Template t, uint64_t a) noexcept { return mix(kTemplateKeys[t] ^ a); }
[[gnu::always_inline]] inline uint64_t feat(Template t, uint64_t a, uint64_t b) noexcept { return mix(feat(t, a) + b * 0xD6E8FEB86659FD93ULL); }

bool is_apostrophe_end(std::string_view s) {
  return (!s.empty() && s.back() == '\'') || (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x99");
}

uint8_t shape_of(std::string_view s, uint8_t flags, uint8_t& length) {
  size_t upper = 0, lower = 0, digit = 0, n = 0;
  bool first_upper = false;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = utf8::next(s, i);
    const bool up = c < 0x80 ? (c >= 'A' && c <= 'Z') : is_upper(c);
    const bool lo = c < 0x80 ? (c >= 'a' && c <= 'z') : is_lower(c);
    if (n == 0) first_upper = up;
    upper += up;
    lower += lo;
    digit += c >= '0' && c <= '9';
    ++n;
  }
  length = static_cast<uint8_t>(n > 255 ? 255 : n);
  if (!(flags & Token::kWord)) {
    if (s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91") return kHyphen;
    if (s == "\"" || s == "\xC2\xAB" || s == "\xC2\xBB" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "'" ||
        s == "\xE2\x80\x99")
      return kQuote;
    return kPunct;
  }
  if (flags & Token::kNumber) return kDigits;
  if (is_apostrophe_end(s) && n <= 7) return kElided;
  if (digit > 0) return kAlnum;
  if (upper == 0) return kLower;
  if (lower == 0) return n == 1 ? kSingleCap : kAllCaps;
  if (first_upper && upper == 1) return kCapital;
  return kMixedCase;
}

struct TriggerWord {
  std::string_view folded;
  uint8_t classes;
};

// Folded words and their trigger classes (see Trigger). French usage, written for this project.
constexpr TriggerWord kTriggerWords[] = {
    // before people
    {"m", kTrigTitle}, {"mme", kTrigTitle}, {"mlle", kTrigTitle}, {"mm", kTrigTitle}, {"dr", kTrigTitle},
    {"pr", kTrigTitle}, {"me", kTrigTitle}, {"president", kTrigTitle}, {"presidente", kTrigTitle},
    {"ministre", kTrigTitle}, {"depute", kTrigTitle}, {"deputee", kTrigTitle}, {"senateur", kTrigTitle},
    {"senatrice", kTrigTitle}, {"maire", kTrigTitle}, {"general", kTrigTitle}, {"colonel", kTrigTitle},
    {"juge", kTrigTitle}, {"procureur", kTrigTitle}, {"procureure", kTrigTitle}, {"avocat", kTrigTitle},
    {"avocate", kTrigTitle}, {"secretaire", kTrigTitle}, {"directeur", kTrigTitle}, {"directrice", kTrigTitle},
    {"patron", kTrigTitle}, {"patronne", kTrigTitle}, {"pdg", kTrigTitle}, {"chef", kTrigTitle},
    {"cheffe", kTrigTitle}, {"parole", kTrigTitle}, {"prefet", kTrigTitle}, {"prefete", kTrigTitle},
    {"candidat", kTrigTitle}, {"candidate", kTrigTitle}, {"pape", kTrigTitle}, {"roi", kTrigTitle},
    {"reine", kTrigTitle}, {"prince", kTrigTitle}, {"princesse", kTrigTitle}, {"docteur", kTrigTitle},
    {"professeur", kTrigTitle}, {"commissaire", kTrigTitle}, {"chancelier", kTrigTitle},
    {"chanceliere", kTrigTitle}, {"epouse", kTrigTitle}, {"entraineur", kTrigTitle},
    {"selectionneur", kTrigTitle}, {"joueur", kTrigTitle}, {"joueuse", kTrigTitle}, {"acteur", kTrigTitle},
    {"actrice", kTrigTitle}, {"chanteur", kTrigTitle}, {"chanteuse", kTrigTitle}, {"ecrivain", kTrigTitle},
    {"journaliste", kTrigTitle}, {"sociologue", kTrigTitle}, {"economiste", kTrigTitle},
    {"ambassadeur", kTrigTitle}, {"dirigeant", kTrigTitle}, {"opposant", kTrigTitle}, {"homologue", kTrigTitle},
    {"conseiller", kTrigTitle}, {"conseillere", kTrigTitle}, {"porte", kTrigTitle}, {"elu", kTrigTitle},
    {"elue", kTrigTitle}, {"premier", kTrigTitle}, {"premiere", kTrigTitle}, {"dictateur", kTrigTitle},
    {"leader", kTrigTitle}, {"fondateur", kTrigTitle}, {"fondatrice", kTrigTitle}, {"auteur", kTrigTitle},
    {"autrice", kTrigTitle}, {"realisateur", kTrigTitle}, {"realisatrice", kTrigTitle},
    // before places
    {"a", kTrigPlace}, {"au", kTrigPlace}, {"aux", kTrigPlace}, {"en", kTrigPlace | kTrigConnector},
    {"dans", kTrigPlace}, {"vers", kTrigPlace}, {"depuis", kTrigPlace}, {"pres", kTrigPlace},
    {"ville", kTrigPlace}, {"commune", kTrigPlace}, {"region", kTrigPlace | kTrigLowerHead},
    {"departement", kTrigPlace | kTrigLowerHead}, {"capitale", kTrigPlace}, {"province", kTrigPlace},
    {"quartier", kTrigPlace}, {"village", kTrigPlace}, {"pays", kTrigPlace}, {"habitants", kTrigPlace},
    {"venu", kTrigPlace}, {"originaire", kTrigPlace}, {"frontiere", kTrigPlace},
    // before organisations
    {"groupe", kTrigOrg}, {"societe", kTrigOrg}, {"entreprise", kTrigOrg}, {"parti", kTrigOrg | kTrigLowerHead},
    {"syndicat", kTrigOrg | kTrigLowerHead}, {"chaine", kTrigOrg}, {"journal", kTrigOrg},
    {"quotidien", kTrigOrg}, {"hebdomadaire", kTrigOrg}, {"magazine", kTrigOrg}, {"radio", kTrigOrg},
    {"site", kTrigOrg}, {"association", kTrigOrg | kTrigLowerHead}, {"fondation", kTrigOrg | kTrigLowerHead},
    {"banque", kTrigOrg | kTrigLowerHead}, {"club", kTrigOrg}, {"constructeur", kTrigOrg}, {"operateur", kTrigOrg},
    {"compagnie", kTrigOrg}, {"firme", kTrigOrg}, {"federation", kTrigOrg | kTrigLowerHead},
    {"agence", kTrigOrg | kTrigLowerHead}, {"institut", kTrigOrg | kTrigLowerHead}, {"ong", kTrigOrg},
    {"organisation", kTrigOrg}, {"laboratoire", kTrigOrg}, {"marque", kTrigOrg}, {"enseigne", kTrigOrg},
    {"filiale", kTrigOrg}, {"equipe", kTrigOrg}, {"cabinet", kTrigOrg}, {"mouvement", kTrigOrg | kTrigLowerHead},
    {"editeur", kTrigOrg}, {"plateforme", kTrigOrg}, {"reseau", kTrigOrg}, {"geant", kTrigOrg},
    // lower-case words that may begin a name
    {"ministere", kTrigLowerHead}, {"universite", kTrigLowerHead}, {"boulevard", kTrigLowerHead},
    {"rue", kTrigLowerHead}, {"avenue", kTrigLowerHead}, {"place", kTrigLowerHead}, {"quai", kTrigLowerHead},
    {"commission", kTrigLowerHead}, {"centre", kTrigLowerHead}, {"secretariat", kTrigLowerHead},
    {"conseil", kTrigLowerHead}, {"cour", kTrigLowerHead}, {"tribunal", kTrigLowerHead},
    {"lycee", kTrigLowerHead}, {"college", kTrigLowerHead}, {"hopital", kTrigLowerHead},
    {"musee", kTrigLowerHead}, {"eglise", kTrigLowerHead}, {"cathedrale", kTrigLowerHead},
    {"pont", kTrigLowerHead}, {"gare", kTrigLowerHead}, {"aeroport", kTrigLowerHead}, {"stade", kTrigLowerHead},
    {"palais", kTrigLowerHead}, {"chateau", kTrigLowerHead}, {"lac", kTrigLowerHead}, {"mont", kTrigLowerHead},
    {"golfe", kTrigLowerHead}, {"ile", kTrigLowerHead}, {"iles", kTrigLowerHead}, {"service", kTrigLowerHead},
    {"direction", kTrigLowerHead}, {"inspection", kTrigLowerHead}, {"office", kTrigLowerHead},
    {"caisse", kTrigLowerHead}, {"comite", kTrigLowerHead}, {"observatoire", kTrigLowerHead},
    {"autorite", kTrigLowerHead}, {"ecole", kTrigLowerHead}, {"prefecture", kTrigLowerHead},
    {"mairie", kTrigLowerHead}, {"assemblee", kTrigLowerHead}, {"parlement", kTrigLowerHead},
    {"haute", kTrigLowerHead}, {"haut", kTrigLowerHead}, {"union", kTrigLowerHead}, {"front", kTrigLowerHead},
    {"parc", kTrigLowerHead}, {"jardin", kTrigLowerHead}, {"jardins", kTrigLowerHead},
    {"academie", kTrigLowerHead}, {"theatre", kTrigLowerHead}, {"fleuve", kTrigLowerHead},
    {"canal", kTrigLowerHead}, {"baie", kTrigLowerHead}, {"chambre", kTrigLowerHead},
    {"confederation", kTrigLowerHead}, {"brigade", kTrigLowerHead}, {"prison", kTrigLowerHead},
    {"maison", kTrigLowerHead}, {"porte", kTrigLowerHead | kTrigTitle}, {"tour", kTrigLowerHead},
    // inside names
    {"de", kTrigConnector}, {"du", kTrigConnector}, {"des", kTrigConnector}, {"d'", kTrigConnector},
    {"la", kTrigConnector}, {"le", kTrigConnector}, {"les", kTrigConnector}, {"l'", kTrigConnector},
    {"et", kTrigConnector}, {"sur", kTrigConnector}, {"von", kTrigConnector}, {"van", kTrigConnector},
    {"der", kTrigConnector}, {"di", kTrigConnector}, {"da", kTrigConnector}, {"del", kTrigConnector},
    {"bin", kTrigConnector}, {"ben", kTrigConnector}, {"al", kTrigConnector}, {"el", kTrigConnector},
    // around speech
    {"selon", kTrigSpeech}, {"declare", kTrigSpeech}, {"estime", kTrigSpeech}, {"explique", kTrigSpeech},
    {"affirme", kTrigSpeech}, {"indique", kTrigSpeech}, {"souligne", kTrigSpeech}, {"assure", kTrigSpeech},
    {"ajoute", kTrigSpeech}, {"dit", kTrigSpeech}, {"confie", kTrigSpeech}, {"precise", kTrigSpeech},
    {"annonce", kTrigSpeech}, {"raconte", kTrigSpeech}, {"reconnait", kTrigSpeech}, {"rappelle", kTrigSpeech},
};

const FlatHashMap<uint8_t>& trigger_table() {
  static const auto* table = [] {
    auto* t = new FlatHashMap<uint8_t>(512);
    for (const auto& w : kTriggerWords) t->try_emplace(form_hash(w.folded), 0).first |= w.classes;
    return t;
  }();
  return *table;
}

}  // namespace

Entity::Type tag_type(int t) noexcept {
  switch (t) {
    case kBPer: case kIPer: return Entity::Type::kPer;
    case kBLoc: case kILoc: return Entity::Type::kLoc;
    case kBOrg: case kIOrg: return Entity::Type::kOrg;
    default: return Entity::Type::kMisc;
  }
}

int begin_tag(Entity::Type t) noexcept {
  switch (t) {
    case Entity::Type::kPer: return kBPer;
    case Entity::Type::kLoc: return kBLoc;
    case Entity::Type::kOrg: return kBOrg;
    default: return kO;
  }
}

uint64_t form_hash(std::string_view folded) noexcept { return XXH3_64bits(folded.data(), folded.size()) | 1; }

void fold_word(std::string_view surface, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char c : surface) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : surface) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    return;
  }
  fold_append(surface, out);
}

namespace {

// The surface-only part of a TokenView: computed on the spot, since a per-thread cache of it
// costs more in cache misses than folding does (news text is mostly lower-case ASCII, folded as is).
TokenView lexeme(std::string_view surface, uint8_t flags) {
  thread_local std::string folded;
  TokenView v;
  v.surface = surface;
  bool ascii = true, upper = false;
  for (char c : surface) {
    ascii &= static_cast<unsigned char>(c) < 0x80;
    upper |= c >= 'A' && c <= 'Z';
  }
  std::string_view f = surface;
  if (!ascii || upper) {
    fold_word(surface, folded);
    f = folded;
  }
  v.form = form_hash(f);
  v.initial = f.empty() ? 0 : f[0];
  v.joiner = f == "." || f == "&" || f == "+" || f == "/";
  if (ascii && !upper && (flags & Token::kWord) && !(flags & Token::kNumber)) {
    v.shape = kLower;
    v.length = static_cast<uint8_t>(surface.size() > 255 ? 255 : surface.size());
    if (f.size() <= 7 && (f.back() == '\'')) v.shape = kElided;
  } else {
    v.shape = shape_of(surface, flags, v.length);
  }
  // Every trigger word is a word of at most 13 bytes.
  if ((flags & Token::kWord) && f.size() <= 13) {
    if (const uint8_t* trig = trigger_table().find(v.form)) v.trigger = *trig;
  }
  return v;
}

// The view of a punctuation token: a few marks recur all through a text, so their views are kept in a
// small direct-mapped cache keyed by their bytes and flags rather than hashed and shaped each time.
TokenView punctuation(std::string_view surface, uint8_t flags) {
  if (surface.size() > 6) return lexeme(surface, flags);
  uint64_t key = uint64_t{flags} << 56 | uint64_t{surface.size()} << 48;
  for (size_t k = 0; k < surface.size(); ++k) key |= uint64_t{static_cast<uint8_t>(surface[k])} << (8 * k);
  struct Slot {
    uint64_t key = 0;  // never a real key: those have a non-zero size
    TokenView view;
  };
  thread_local std::array<Slot, 64> cache{};
  Slot& slot = cache[(key * 0x9E3779B97F4A7C15ULL) >> 58];
  if (slot.key != key) {
    slot.key = key;
    slot.view = lexeme(surface, flags);
  }
  TokenView v = slot.view;
  v.surface = surface;
  return v;
}

// Token::marks: shape, length, trigger, initial, a byte each.
uint32_t pack(const TokenView& v) noexcept {
  return uint32_t{v.shape} | uint32_t{v.length} << 8 | uint32_t{v.trigger} << 16 |
         uint32_t{static_cast<uint8_t>(v.initial)} << 24;
}

}  // namespace

void word_marks(std::string_view surface, uint8_t flags, uint64_t& form, uint32_t& marks) {
  const TokenView v = lexeme(surface, flags);
  form = v.form;
  marks = pack(v);
}

void build_view(const Doc& doc, const Gazetteer& gazetteer, DocView& view) {
  view.sentences.clear();
  view.tokens.resize(doc.tokens.size());  // each is written whole below: no clearing first
  // Document hints: forms seen capitalised mid-sentence (few), then which of them also appear in
  // lower case (a bit set of their top bits spares most lower-case words a lookup).
  thread_local FlatHashMap<uint8_t> hints(256);
  hints.clear();
  HashBits<12> capitals;
  // The words not in lower case, the only ones that may take a hint: the last pass reads these alone.
  thread_local std::vector<uint32_t> not_lower;
  not_lower.resize(doc.tokens.size());
  size_t not_lower_count = 0;
  view.capitalised.resize(doc.tokens.size());
  size_t capitalised_count = 0;
  int last_field = -1;
  uint32_t sentence_begin = 0;
  // Raw pointers, read once: the byte-wide stores into a TokenView may alias anything, and would make the
  // compiler load every vector's bounds again for each token.
  const size_t n = doc.tokens.size();
  const Token* const tokens = doc.tokens.data();
  TokenView* const views = view.tokens.data();
  uint32_t* const not_lower_at = not_lower.data();
  uint32_t* const capitalised_at = view.capitalised.data();
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    TokenView& v = views[i];
    if (t.form != 0 && (t.flags & Token::kWord)) {
      // Set by the lexical component (a word is never a joiner).
      v = TokenView{};
      v.surface = doc.text(t.span);
      v.form = t.form;
      v.shape = static_cast<uint8_t>(t.marks);
      v.length = static_cast<uint8_t>(t.marks >> 8);
      v.trigger = static_cast<uint8_t>(t.marks >> 16);
      v.initial = static_cast<char>(static_cast<uint8_t>(t.marks >> 24));
    } else if (!(t.flags & Token::kWord)) {
      v = punctuation(doc.text(t.span), t.flags);
    } else {
      v = lexeme(doc.text(t.span), t.flags);
    }
    v.flags = t.flags;
    not_lower_at[not_lower_count] = static_cast<uint32_t>(i);  // kept or overwritten: no branch
    not_lower_count += (v.shape != kLower) & ((t.flags & Token::kWord) != 0);
    capitalised_at[capitalised_count] = static_cast<uint32_t>(i);  // the same, for capitals
    capitalised_count += (t.flags & Token::kCapitalized) != 0;
    const int field = static_cast<int>(t.span.field);
    // A sentence break after an initial ("George W. Bush") is no break for names.
    const bool after_initial = i >= 2 && views[i - 2].shape == kSingleCap && views[i - 1].joiner &&
                               views[i - 1].initial == '.' && (t.flags & Token::kCapitalized);
    if (i > 0 && (field != last_field || (t.has(Token::kSentenceStart) && !after_initial))) {
      view.sentences.emplace_back(sentence_begin, static_cast<uint32_t>(i));
      sentence_begin = static_cast<uint32_t>(i);
    }
    last_field = field;
    if ((v.shape == kCapital || v.shape == kAllCaps || v.shape == kMixedCase) && !t.has(Token::kSentenceStart) &&
        i > 0 && views[i - 1].shape != kQuote && views[i - 1].shape != kPunct) {
      hints.try_emplace(v.form, 0).first |= kSeenCapitalMid;
      capitals.add(v.form);
    }
  }
  if (!doc.tokens.empty()) view.sentences.emplace_back(sentence_begin, static_cast<uint32_t>(doc.tokens.size()));
  view.capitalised.resize(capitalised_count);
  // The tests are combined without branches (&, not &&): which tokens are words, in lower case or in
  // `capitals` follows no pattern, and one branch per token on each cost more than the loads.
  for (TokenView& v : view.tokens) {
    if (!((v.shape == kLower) & capitals.may_contain(v.form))) continue;
    if (hints.find(v.form)) hints.try_emplace(v.form, 0).first |= kSeenLower;
  }
  for (size_t k = 0; k < not_lower_count; ++k) {
    TokenView& v = view.tokens[not_lower[k]];
    if (!capitals.may_contain(v.form)) continue;  // not in `hints` unless in `capitals`
    if (const uint8_t* h = hints.find(v.form)) v.hint = *h;
  }
  for (const auto& [b, e] : view.sentences) gazetteer.mark(view, b, e);
}

OwnKey own_key(const DocView& view, size_t begin, size_t i) noexcept {
  const TokenView& t = view.tokens[i];
  const bool start = i == begin || (t.flags & Token::kSentenceStart);
  // kWord decides whether affixes are features; the other flags are read through `start` only.
  return OwnKey{t.form, uint64_t{t.shape} | uint64_t{t.length} << 8 | uint64_t{t.gaz} << 16 |
                            uint64_t{t.trigger} << 24 | uint64_t{t.hint} << 32 | uint64_t{start} << 40 |
                            uint64_t{(t.flags & Token::kWord) != 0} << 41};
}

namespace {

// What static_features() and word_context_features() read past a sentence's edges.
const TokenView kPad = [] {
  TokenView p;
  p.form = 0x5A5A5A5AULL;
  p.shape = kShapeCount;
  return p;
}();

}  // namespace

void word_context_features(const DocView& view, size_t begin, size_t end, size_t i,
                           uint64_t (&out)[kWordContextCount]) noexcept {
  const TokenView& t = view.tokens[i];
  const TokenView& p1 = i > begin ? view.tokens[i - 1] : kPad;
  const TokenView& p2 = i > begin + 1 ? view.tokens[i - 2] : kPad;
  const TokenView& n1 = i + 1 < end ? view.tokens[i + 1] : kPad;
  const TokenView& n2 = i + 2 < end ? view.tokens[i + 2] : kPad;
  out[0] = feat(kPrevWord, p1.form);
  out[1] = feat(kNextWord, n1.form);
  out[2] = feat(kPrev2Word, p2.form);
  out[3] = feat(kNext2Word, n2.form);
  out[4] = feat(kPrevWordShape, p1.form, t.shape);
  out[5] = feat(kWordNext, t.form, n1.form);
}

void static_features(const DocView& view, size_t begin, size_t end, size_t i, bool no_gazetteer,
                     std::vector<uint64_t>& out, FeatureParts parts) {
  if (parts == kWordContextFeatures) {
    uint64_t words[kWordContextCount];
    word_context_features(view, begin, end, i, words);
    out.insert(out.end(), std::begin(words), std::end(words));
    return;
  }
  const TokenView& t = view.tokens[i];
  const TokenView& p1 = i > begin ? view.tokens[i - 1] : kPad;
  const TokenView& p2 = i > begin + 1 ? view.tokens[i - 2] : kPad;
  const TokenView& n1 = i + 1 < end ? view.tokens[i + 1] : kPad;
  const TokenView& n2 = i + 2 < end ? view.tokens[i + 2] : kPad;
  const bool start = i == begin || (t.flags & Token::kSentenceStart);
  const uint8_t g0 = no_gazetteer ? 0 : t.gaz, gp = no_gazetteer ? 0 : p1.gaz, gn = no_gazetteer ? 0 : n1.gaz;
  const bool own = (parts & kOwnFeatures) != 0, context = (parts & kContextFeatures) != 0;
  const bool word_context = context || (parts & kWordContextFeatures) != 0;
  // Every feature below reads the token alone (own; see own_key()) or its neighbours too (context); of
  // those, the ones that read a word are word_context, the others code features (see feature_codes()).
  auto add = [&](bool part, uint64_t f) {
    if (part) out.push_back(f);
  };

  add(own, feat(kBias, 0));
  add(own, feat(kWord, t.form));
  add(word_context, feat(kPrevWord, p1.form));
  add(word_context, feat(kNextWord, n1.form));
  add(word_context, feat(kPrev2Word, p2.form));
  add(word_context, feat(kNext2Word, n2.form));
  if (own && (t.flags & Token::kWord)) {
    // Prefixes and suffixes in bytes of the folded form (ASCII after folding, nearly always).
    thread_local std::string folded;
    fold_word(t.surface, folded);
    const std::string_view f = folded;
    out.push_back(feat(kPrefix2, form_hash(f.substr(0, 2))));
    out.push_back(feat(kPrefix3, form_hash(f.substr(0, 3))));
    out.push_back(feat(kSuffix2, form_hash(f.size() > 2 ? f.substr(f.size() - 2) : f)));
    out.push_back(feat(kSuffix3, form_hash(f.size() > 3 ? f.substr(f.size() - 3) : f)));
  }
  add(own, feat(kShape0, t.shape));
  add(context, feat(kShapePrev, p1.shape));
  add(context, feat(kShapeNext, n1.shape));
  add(context, feat(kShapePrevCur, p1.shape, t.shape));
  add(context, feat(kShapeCurNext, t.shape, n1.shape));
  add(own, feat(kStartShape, start, t.shape));
  for (int b = 0; b < 8; ++b) {
    if (g0 & (1u << b)) add(own, feat(kGazBit, static_cast<uint64_t>(b)));
  }
  if (g0) add(own, feat(kGazShape, g0, t.shape * 2 + start));
  add(context, feat(kGazPrev, gp));
  add(context, feat(kGazNext, gn));
  if (p1.trigger) add(context, feat(kTrigPrev, p1.trigger));
  if (p2.trigger) add(context, feat(kTrigPrev2, p2.trigger));
  if (n1.trigger) add(context, feat(kTrigNext, n1.trigger));
  if (t.trigger) add(own, feat(kTrigSelf, t.trigger));
  add(own, feat(kHint, t.hint, t.shape * 2 + start));
  add(own, feat(kLengthShape, t.length > 12 ? 12 : t.length, t.shape));
  add(word_context, feat(kPrevWordShape, p1.form, t.shape));
  add(word_context, feat(kWordNext, t.form, n1.form));
}

bool code_feature(CodeFeature f, uint32_t code, uint64_t& feature) noexcept {
  constexpr uint32_t kShapes = kShapeCount + 1;
  switch (f) {
    case kCodeShapePrev: feature = feat(kShapePrev, code); return true;
    case kCodeShapeNext: feature = feat(kShapeNext, code); return true;
    case kCodeShapePrevCur: feature = feat(kShapePrevCur, code / kShapes, code % kShapes); return true;
    case kCodeShapeCurNext: feature = feat(kShapeCurNext, code / kShapes, code % kShapes); return true;
    case kCodeGazPrev: feature = feat(kGazPrev, code); return true;
    case kCodeGazNext: feature = feat(kGazNext, code); return true;
    case kCodeTrigPrev: feature = feat(kTrigPrev, code); return code != 0;
    case kCodeTrigPrev2: feature = feat(kTrigPrev2, code); return code != 0;
    case kCodeTrigNext: feature = feat(kTrigNext, code); return code != 0;
    case kCodePrevTag: feature = feat(kPrevTag, code); return true;
    case kCodePrevTags: feature = feat(kPrevTags, code / kTagCount, code % kTagCount); return true;
    case kCodeFeatureCount: break;
  }
  return false;
}

void feature_codes(const DocView& view, size_t begin, size_t end, size_t i, int prev, int prev2,
                   uint32_t (&codes)[kCodeFeatureCount]) noexcept {
  // The neighbours as static_features() reads them, with kPad's shape (kShapeCount), marks and triggers
  // (none) past the sentence's edges.
  constexpr uint32_t kShapes = kShapeCount + 1;
  const TokenView& t = view.tokens[i];
  const TokenView* p1 = i > begin ? &view.tokens[i - 1] : nullptr;
  const TokenView* p2 = i > begin + 1 ? &view.tokens[i - 2] : nullptr;
  const TokenView* n1 = i + 1 < end ? &view.tokens[i + 1] : nullptr;
  const uint32_t sp = p1 ? p1->shape : uint32_t{kShapeCount}, sn = n1 ? n1->shape : uint32_t{kShapeCount};
  codes[kCodeShapePrev] = sp;
  codes[kCodeShapeNext] = sn;
  codes[kCodeShapePrevCur] = sp * kShapes + t.shape;
  codes[kCodeShapeCurNext] = t.shape * kShapes + sn;
  codes[kCodeGazPrev] = p1 ? p1->gaz : 0;
  codes[kCodeGazNext] = n1 ? n1->gaz : 0;
  codes[kCodeTrigPrev] = p1 ? p1->trigger : 0;
  codes[kCodeTrigPrev2] = p2 ? p2->trigger : 0;
  codes[kCodeTrigNext] = n1 ? n1->trigger : 0;
  codes[kCodePrevTag] = static_cast<uint32_t>(prev);
  codes[kCodePrevTags] = static_cast<uint32_t>(prev * kTagCount + prev2);
}

void history_features(const DocView& view, size_t i, int prev, int prev2, bool no_gazetteer,
                      std::vector<uint64_t>& out, FeatureParts parts) {
  const TokenView& t = view.tokens[i];
  const bool own = (parts & kOwnFeatures) != 0, tags = (parts & kContextFeatures) != 0;
  if (tags) out.push_back(feat(kPrevTag, static_cast<uint64_t>(prev)));
  if (tags) out.push_back(feat(kPrevTags, static_cast<uint64_t>(prev), static_cast<uint64_t>(prev2)));
  if (own) out.push_back(feat(kPrevTagShape, static_cast<uint64_t>(prev), t.shape));
  if (own) out.push_back(feat(kPrevTagWord, static_cast<uint64_t>(prev), t.form));
  if (own) out.push_back(feat(kGazPrevTag, static_cast<uint64_t>(prev), no_gazetteer ? 0 : t.gaz));
  if (own) out.push_back(feat(kPrevTagHint, static_cast<uint64_t>(prev), t.hint * 16 + t.shape));
}

}  // namespace recoupe::ner
