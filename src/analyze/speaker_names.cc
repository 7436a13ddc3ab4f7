#include "analyze/speaker_names.h"

#include <xxhash.h>

#include <algorithm>
#include <initializer_list>
#include <iterator>

#include "analyze/entities/features.h"
#include "analyze/speech_cues.h"
#include "common/flat_hash_map.h"
#include "common/folding.h"
#include "common/utf8.h"

namespace recoupe {
namespace {

// The short words tested around every name, by class: particles inside names ("von", "de"),
// prepositions and articles before them ("à Poutine", "le ministre de l'Intérieur Gérald Darmanin"),
// and the words that tell a person's gender, titles ("Mme X") and, before a role noun, articles
// ("la ministre X"). A word may be in several classes.
enum WordClass : uint8_t {
  kParticle = 1,
  kPreposition = 2,
  kArticle = 4,  // "l'", "le", "les": with the prepositions, the words after which a long run is cut
  kWoman = 8,
  kMan = 16,
  kFeminineArticle = 32,
  kMasculineArticle = 64,
};

// The classes of token `t`, looked up once by its folded form's hash (Token::form) when the lexical
// component set one, and by hashing its folded form otherwise: folding every word around every name
// cost more than the test.
uint8_t word_class(const Token& k, FoldedTokens& folded, uint32_t t) {
  static const FlatHashMap<uint8_t> kClasses = [] {
    FlatHashMap<uint8_t> classes(64);
    auto add = [&](WordClass c, std::initializer_list<std::string_view> words) {
      for (const std::string_view w : words) classes.try_emplace(ner::form_hash(w), 0).first |= c;
    };
    add(kParticle, {"de", "du", "d'", "von", "van", "der", "den", "ben", "al", "el", "la"});
    add(kPreposition, {"de", "du", "d'", "a", "au", "aux", "avec", "par", "pour", "contre", "entre", "chez", "sur",
                       "vers", "des", "et", "en", "dans", "la"});
    add(kArticle, {"l'", "le", "les"});
    add(kWoman, {"mme", "mlle", "madame"});
    add(kMan, {"m", "monsieur"});
    add(kFeminineArticle, {"la", "une", "cette"});
    add(kMasculineArticle, {"le", "un", "ce"});
    return classes;
  }();
  const uint8_t* hit = kClasses.find(k.form != 0 ? k.form : ner::form_hash(folded.of(t)));
  return hit ? *hit : 0;
}

bool all_caps(std::string_view s) {
  size_t i = 0;
  int letters = 0;
  while (i < s.size()) {
    const char32_t c = utf8::next(s, i);
    if (is_lower(c)) return false;
    letters += is_upper(c);
  }
  return letters > 1;
}

// True when a capitalised word with this folded form can be part of a name: not a title, a role
// noun or an elided article.
bool name_form(const std::string& f) {
  return !is_honorific(f) && !is_person_role(f) && !(f.size() > 1 && f.back() == '\'');
}

// name_form() of token `t`, cached per thread by its folded form's hash (Token::form, not 0): the
// same names come back article after article, and the test folds the word and looks it up in two
// lists. Emptied when full rather than grown.
bool name_form_by_hash(uint64_t form, FoldedTokens& folded, uint32_t t) {
  constexpr size_t kEntries = size_t{1} << 12;
  thread_local FlatHashMap<uint8_t> cache(kEntries);
  if (const uint8_t* hit = cache.find(form)) return *hit != 0;
  const bool yes = name_form(folded.of(t));
  if (cache.size() + 1 >= kEntries) cache.clear();
  cache.try_emplace(form, yes ? 1 : 0);
  return yes;
}

// The canonical form of a surname is its fullest variant (most words), mixed case before capitals:
// kept as the variants come, rather than collected and compared at the end.
struct Fullest {
  std::string_view best;
  long words = 0;  // in `best`; 0 before the first variant
  int8_t entity_type = -1;  // -1 for a run of capitalised words

  void offer(std::string_view v) {
    if (words != 0 && v == best) return;  // the same name again, as most mentions are: nothing to weigh
    const long w = std::count(v.begin(), v.end(), ' ') + 1;
    // "Paul-Henri Weiss" is fuller than "Henri Weiss", which it ends with.
    if (words == 0 || w > words || (w == words && all_caps(best) && !all_caps(v)) ||
        (v.size() > best.size() && v.ends_with(best))) {
      best = v;
      words = w;
    }
  }
};

// sentence_of() for tokens asked in increasing order: the last sentence starting at or before the
// token (the first when none does), found by walking forward instead of searching.
class SentenceWalk {
 public:
  explicit SentenceWalk(const Doc& doc) : doc_(&doc) {}
  uint32_t at(uint32_t t) {
    const Span& sp = doc_->tokens[t].span;
    const auto& ss = doc_->sentences;
    auto starts_after = [&](const Span& s) { return sp.field < s.field || (sp.field == s.field && sp.begin < s.begin); };
    while (next_ < ss.size() && !starts_after(ss[next_])) ++next_;
    return next_ == 0 ? 0 : static_cast<uint32_t>(next_ - 1);
  }

 private:
  const Doc* doc_;
  size_t next_ = 0;  // the first sentence starting after the last token asked
};

// "BretagneYves Carhaix": a heading glued to the name that follows it (the paragraph break was lost).
// The name starts at the capital after a lower-case letter inside its first word, when a surname follows.
std::string_view unglued(std::string_view run, bool several_words) {
  if (!several_words) return run;
  const size_t space = std::min(run.find(' '), run.size());
  size_t i = 0;
  bool lower_before = false;
  while (i < space) {
    const size_t at = i;
    const char32_t c = utf8::next(run, i);
    if (lower_before && is_upper(c)) return run.substr(at);
    lower_before = is_lower(c);
  }
  return run;
}

// A run of capitalised words the entities component tagged: its tokens and its entity.
struct Found {
  uint32_t first, last;
  const Entity* entity;
};

// What building the index of one article needs and drops: kept per thread and emptied for the
// next article rather than allocated, zeroed and freed again for each (a dozen vectors and two maps).
struct Scratch {
  std::vector<int8_t> name_cache;  // per token: -1 not tested yet, else name_word()
  std::vector<uint8_t> tagged;     // per token: held by an entity's name
  std::vector<Found> found;
  std::vector<std::pair<uint64_t, const Entity*>> people;
  std::vector<uint32_t> place_ends;
  std::vector<Fullest> variants;
  std::vector<SpeakerNames::Mention> tagged_mentions, runs;  // each in token order
  FlatHashMap<uint32_t> key_index{64}, by_name{64};

  // An article with many more names or tokens than most does not keep its buffers' size for the
  // thread's life.
  static constexpr size_t kMaxPooledNames = 128;
  static constexpr size_t kMaxPooledTokens = size_t{1} << 16;
  void clear() {
    if (name_cache.capacity() > kMaxPooledTokens) name_cache = {};
    if (tagged.capacity() > kMaxPooledTokens) tagged = {};
    found.clear();
    people.clear();
    place_ends.clear();
    variants.clear();
    tagged_mentions.clear();
    runs.clear();
    if (key_index.size() > kMaxPooledNames) key_index = FlatHashMap<uint32_t>(64);
    else key_index.clear();
    if (by_name.size() > kMaxPooledNames) by_name = FlatHashMap<uint32_t>(64);
    else by_name.clear();
  }
};

}  // namespace

SpeakerNames::SpeakerNames(const Doc& doc, FoldedTokens& folded_tokens) : doc_(doc), folded_(folded_tokens) {
  const auto& tokens = doc.tokens;
  mention_of_token_.assign(tokens.size(), -1);
  thread_local Scratch scratch;
  scratch.clear();
  // Runs of capitalised words, joined by particles and hyphens; a sentence's first word counts only
  // when it is not a common word, honorifics and role nouns are left out ("M. Macron" → "Macron").
  // Two tokens in a row, at most a space apart but not a line break (token `b` follows token `a`).
  auto adjacent = [&](uint32_t a, uint32_t b) {
    const Span& x = tokens[a].span;
    const Span& y = tokens[b].span;
    return x.field == y.field && y.begin <= x.end + 1 && !(y.begin == x.end + 1 && doc.field(x.field)[x.end] == '\n');
  };
  // Folded forms and the name-word test, computed once per token and only where needed.
  std::vector<int8_t>& name_cache = scratch.name_cache;
  name_cache.assign(tokens.size(), -1);
  auto folded = [&](uint32_t t) -> const std::string& { return folded_.of(t); };
  auto name_word = [&](uint32_t t) {
    const Token& k = tokens[t];
    if (!(k.has(Token::kWord) && k.has(Token::kCapitalized) && !k.has(Token::kNumber) &&
          !(k.has(Token::kSentenceStart) && k.has(Token::kStop)))) {
      return false;
    }
    int8_t& cached = name_cache[t];
    if (cached < 0) cached = k.form != 0 ? name_form_by_hash(k.form, folded_, t) : name_form(folded(t));
    return cached == 1;
  };
  // Particles and prepositions are short lower-case words: fold only those.
  auto short_lower = [&](uint32_t t) {
    const Token& k = tokens[t];
    return k.has(Token::kWord) && k.span.size() <= 8;
  };
  auto listed = [&](uint8_t classes, uint32_t t) { return (word_class(tokens[t], folded_, t) & classes) != 0; };
  // Keyed by the surname's term (its folded stem), so that "LOUKACHENKO" and "Loukachenko" are one.
  FlatHashMap<uint32_t>& key_index = scratch.key_index;
  // By key: its fullest variant so far, and whether it is an entity (its type) or a run of words.
  std::vector<Fullest>& variants = scratch.variants;
  // Mentions come in token order within each pass: their sentences are found walking forward.
  SentenceWalk sentences(doc);
  // The last tokens of places the entities component found: a run ending there is no person's name
  // ("la République de Lorvil", "le tribunal de Nanterre").
  std::vector<uint32_t>& place_ends = scratch.place_ends;
  auto ends_place = [&](uint32_t t) { return std::find(place_ends.begin(), place_ends.end(), t) != place_ends.end(); };
  if (doc.entities) {
    // The entities component has found the names: people and organisations speak, places do not.
    // A person is known by the canonical name; an organisation as the article writes it at its
    // fullest ("CFDT" stays, "LR" is "Les Républicains" when the article spells it out).
    std::vector<Found>& found = scratch.found;
    for (const Entity& e : *doc.entities) {
      if (e.type == Entity::Type::kLoc) {
        const size_t end = doc.token_at(e.span.field, e.span.end);
        if (end > 0 && end <= tokens.size()) place_ends.push_back(static_cast<uint32_t>(end - 1));
      }
      if (e.type != Entity::Type::kPer && e.type != Entity::Type::kOrg) continue;
      auto it = tokens.begin() + static_cast<std::ptrdiff_t>(doc.token_at(e.span.field, e.span.begin));
      if (it == tokens.end() || it->span.field != e.span.field || it->span.end > e.span.end) continue;
      auto first = static_cast<uint32_t>(it - tokens.begin()), last = first;
      while (last + 1 < tokens.size() && tokens[last + 1].span.field == e.span.field &&
             tokens[last + 1].span.end <= e.span.end) {
        ++last;
      }
      found.push_back({first, last, &e});
    }
    // "AFP Amélie Tanguy" tagged as one organisation: an organisation's name that ends with the
    // name of a person of the article is that person, the organisation before it left out.
    std::vector<std::pair<uint64_t, const Entity*>>& people = scratch.people;  // by the term of the surname
    for (const Found& f : found) {
      if (f.entity->type == Entity::Type::kPer) people.emplace_back(tokens[f.last].term, f.entity);
    }
    for (Found& f : found) {
      if (f.entity->type != Entity::Type::kOrg || f.first == f.last) continue;
      const std::string_view text = doc.text(f.entity->span);
      for (const auto& [surname, who] : people) {
        if (surname != tokens[f.last].term) continue;
        const std::string_view person = doc.text(who->span);
        if (person.size() + 1 >= text.size() || !text.ends_with(person) ||
            text[text.size() - person.size() - 1] != ' ') {
          continue;
        }
        const uint32_t begin = f.entity->span.end - static_cast<uint32_t>(person.size());
        while (f.first < f.last && tokens[f.first].span.begin < begin) ++f.first;
        f.entity = who;
        break;
      }
    }
    std::vector<uint8_t>& tagged = scratch.tagged;
    tagged.assign(tokens.size(), 0);
    auto capitalised = [&](uint32_t t) {
      const Token& k = tokens[t];
      return k.has(Token::kWord) && k.has(Token::kCapitalized) && !k.has(Token::kNumber);
    };
    for (const Found& f : found) std::fill(tagged.begin() + f.first, tagged.begin() + f.last + 1, 1);
    // "Jean-Marc Sur" tagged as "Jean-Marc", "Paul-Henri Weiss" as "Henri Weiss": a person's
    // name cut short is completed by the capitalised words written right after it, and by the first half
    // of a hyphenated given name, that no other name holds.
    for (Found& f : found) {
      if (f.entity->type != Entity::Type::kPer) continue;
      while (f.first >= 2 && !tagged[f.first - 2] && doc.text(tokens[f.first - 1].span) == "-" &&
             adjacent(f.first - 2, f.first - 1) && adjacent(f.first - 1, f.first) && capitalised(f.first - 2)) {
        tagged[f.first - 1] = tagged[f.first - 2] = 1;
        f.first -= 2;
      }
      while (f.last + 1 < tokens.size() && !tagged[f.last + 1] && adjacent(f.last, f.last + 1) &&
             capitalised(f.last + 1) && !ends_place(f.last + 1)) {
        tagged[++f.last] = 1;
      }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.first < b.first; });
    // By the name's 64-bit hash (a collision among an article's few dozen names is as likely as
    // one among its terms, which key_index already accepts); each entry also keeps the name.
    FlatHashMap<uint32_t>& by_name = scratch.by_name;
    for (const Found& f : found) {
      if (mention_of_token_[f.first] >= 0 || mention_of_token_[f.last] >= 0) continue;  // overlapping mentions
      const bool person = f.entity->type == Entity::Type::kPer;
      const std::string_view name = f.entity->canonical.empty() ? doc.text(f.entity->span) : f.entity->canonical;
      auto [key, fresh] = by_name.try_emplace(XXH3_64bits(name.data(), name.size()), static_cast<uint32_t>(variants.size()));
      if (fresh) {
        variants.emplace_back();
        variants.back().entity_type = static_cast<int8_t>(f.entity->type);
        if (person) variants.back().offer(name);
      }
      const uint32_t k = key;  // by_name may move its entries on the next insertion
      variants[k].offer(doc.text(Span{tokens[f.first].span.field, tokens[f.first].span.begin, tokens[f.last].span.end}));
      // A surname written alone where the tagger saw no name still joins this person.
      if (person) key_index.try_emplace(tokens[f.last].term, k);
      Mention m;
      m.first = f.first;
      m.last = f.last;
      m.sentence = sentences.at(f.first);
      if (f.first > 0 && short_lower(f.first - 1) && adjacent(f.first - 1, f.first)) {
        m.after_preposition = listed(kPreposition, f.first - 1);
      }
      m.key = k;
      const auto index = static_cast<int32_t>(scratch.tagged_mentions.size());
      for (uint32_t t = f.first; t <= f.last; ++t) mention_of_token_[t] = index;
      scratch.tagged_mentions.push_back(m);
    }
  }
  // Runs of capitalised words the entities component did not tag (or all of them without it).
  sentences = SentenceWalk(doc);
  // The addresses this first test reads, taken once: the compiler reloads them from the vectors at
  // every token otherwise, the calls in the rest of the loop being able to move them as far as it knows.
  const Token* const token = tokens.data();
  const int32_t* const mention_of = mention_of_token_.data();
  const auto count = static_cast<uint32_t>(tokens.size());
  for (uint32_t t = 0; t < count; ++t) {
    // A capital first, then a token no entity holds: most tokens are turned away before name_word()
    // looks the word up.
    if (!token[t].has(Token::kCapitalized) || mention_of[t] >= 0 || !name_word(t)) continue;
    uint32_t last = t;
    for (uint32_t j = t + 1; j < tokens.size() && adjacent(j - 1, j);) {
      if (mention_of_token_[j] >= 0) break;
      if (name_word(j)) {
        last = j++;
        continue;
      }
      const std::string_view txt = doc.text(tokens[j].span);
      if ((txt == "-" || (short_lower(j) && listed(kParticle, j))) && j + 1 < tokens.size() && adjacent(j, j + 1) &&
          mention_of_token_[j + 1] < 0 && name_word(j + 1)) {
        last = j + 1;
        j += 2;
        continue;
      }
      break;
    }
    // "le ministre de l'Intérieur Gérald Darmanin": after a preposition or an article, the leading
    // words of a long run are a complement (a place, an institution), not the person's name.
    auto words_in = [&](uint32_t a, uint32_t b) {
      uint32_t w = 0;
      for (uint32_t k = a; k <= b; ++k) w += name_word(k) && !(k > a && doc.text(tokens[k - 1].span) == "-");
      return w;
    };
    if (t > 0 && short_lower(t - 1) && adjacent(t - 1, t) && listed(kPreposition | kArticle, t - 1)) {
      while (words_in(t, last) >= 3) {
        uint32_t next = t + 1;
        while (next <= last && !name_word(next)) ++next;
        if (next > last) break;
        t = next;
      }
    }
    Mention m;
    m.first = t;
    m.last = last;
    m.sentence = sentences.at(t);
    if (t > 0 && short_lower(t - 1) && adjacent(t - 1, t)) m.after_preposition = listed(kPreposition, t - 1);
    auto [key, fresh] = key_index.try_emplace(tokens[last].term, static_cast<uint32_t>(variants.size()));
    m.key = key;
    if (fresh) {
      variants.emplace_back();
      if (ends_place(last)) {
        variants.back().entity_type = static_cast<int8_t>(Entity::Type::kLoc);
      }
    }
    const Span whole{tokens[t].span.field, tokens[t].span.begin, tokens[last].span.end};
    const std::string_view name = unglued(doc.text(whole), last > t);
    if (name.size() < whole.size()) m.after_preposition = false;  // the preposition was the heading's
    variants[m.key].offer(name);
    for (uint32_t k = t; k <= last; ++k) {
      mention_of_token_[k] = static_cast<int32_t>(scratch.tagged_mentions.size() + scratch.runs.size());
    }
    scratch.runs.push_back(m);
    t = last;
  }
  // The entities' mentions and the runs, each in token order: merged into one list in token order,
  // then numbered again when both have some.
  const auto& tagged_mentions = scratch.tagged_mentions;
  const auto& runs = scratch.runs;
  mentions_.reserve(tagged_mentions.size() + runs.size());
  std::merge(tagged_mentions.begin(), tagged_mentions.end(), runs.begin(), runs.end(), std::back_inserter(mentions_),
             [](const Mention& a, const Mention& b) { return a.first < b.first; });
  if (!tagged_mentions.empty() && !runs.empty()) {
    for (size_t i = 0; i < mentions_.size(); ++i) {
      for (uint32_t k = mentions_[i].first; k <= mentions_[i].last; ++k) mention_of_token_[k] = static_cast<int32_t>(i);
    }
  }
  // The canonical form of a surname: its fullest variant.
  keys_.resize(variants.size());
  for (size_t k = 0; k < variants.size(); ++k) {
    const std::string_view best = variants[k].best;
    const int8_t entity_type = variants[k].entity_type;
    Key& key = keys_[k];
    key.canonical = std::string(best);
    key.person = variants[k].words >= 2 && !all_caps(best.substr(best.rfind(' ') + 1));
    // The entities component tells a person from an organisation; a name alone it could not tie to a
    // full name ("François") is too weak to be a pronoun's antecedent.
    if (entity_type >= 0) key.person = key.person && entity_type == static_cast<int8_t>(Entity::Type::kPer);
    key.organisation = entity_type == static_cast<int8_t>(Entity::Type::kOrg);
  }
}

std::string SpeakerNames::canonical(const Span& mention) const {
  // The mention's last word token that is a name.
  const auto& tokens = doc_.tokens;
  auto it = tokens.begin() + static_cast<std::ptrdiff_t>(doc_.token_at(mention.field, mention.end));
  while (it != tokens.begin()) {
    --it;
    if (it->span.field != mention.field || it->span.begin < mention.begin) break;
    const auto t = static_cast<uint32_t>(it - tokens.begin());
    if (mention_of_token_[t] >= 0) return keys_[mentions_[mention_of_token_[t]].key].canonical;
    if (it->has(Token::kWord)) break;
  }
  return {};
}

void SpeakerNames::assign_genders() const {
  // Gender from the words before a mention: a title, or an article before a role noun.
  const auto& tokens = doc_.tokens;
  const size_t keys = keys_.size();
  gender_.assign(keys, 0);
  for (const Mention& m : mentions_) {
    int evidence = 0;
    for (uint32_t k = m.first, steps = 0; k > 0 && steps < 4 && evidence == 0; ++steps) {
      --k;
      if (!tokens[k].has(Token::kWord) && doc_.text(tokens[k].span) != ".") break;
      if (tokens[k].span.size() > 8) continue;  // longer than "monsieur": no title, no article
      const uint8_t word = word_class(tokens[k], folded_, k);
      const bool article = (word & (kFeminineArticle | kMasculineArticle)) != 0;
      if (word & kWoman) evidence = -1;
      else if (word & kMan) evidence = 1;
      else if (article && steps > 0 && is_person_role(folded_.of(k + 1))) {  // "la ministre X", "le président X"
        evidence = word & kFeminineArticle ? -1 : 1;
      }
    }
    gender_[m.key] += evidence;
  }
  for (size_t k = 0; k < keys; ++k) {
    int& g = gender_[k];
    // No title says it: the given name does ("Isabelle Balkany", "Pierre Vallon").
    const std::string& name = keys_[k].canonical;
    if (g == 0 && keys_[k].person) g = given_name_gender(fold(name.substr(0, name.find(' '))));
    g = g > 0 ? 1 : g < 0 ? -1 : 0;
  }
}

uint32_t SpeakerNames::sentence_of(uint32_t t) const {
  const Span& sp = doc_.tokens[t].span;
  auto it = std::upper_bound(doc_.sentences.begin(), doc_.sentences.end(), sp, [](const Span& a, const Span& s) {
    return a.field < s.field || (a.field == s.field && a.begin < s.begin);
  });
  return it == doc_.sentences.begin() ? 0 : static_cast<uint32_t>(it - doc_.sentences.begin() - 1);
}

const SpeakerNames::Mention* SpeakerNames::mention_at(uint32_t t) const {
  return t < mention_of_token_.size() && mention_of_token_[t] >= 0 ? &mentions_[mention_of_token_[t]] : nullptr;
}

}  // namespace recoupe
