#include "analyze/speaker_names.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "analyze/speech_cues.h"
#include "common/folding.h"
#include "common/utf8.h"

namespace recoupe {
namespace {

bool is_particle(std::string_view folded) {
  return folded == "de" || folded == "du" || folded == "d'" || folded == "von" || folded == "van" ||
         folded == "der" || folded == "den" || folded == "ben" || folded == "al" || folded == "el" || folded == "la";
}

bool is_preposition(std::string_view folded) {
  return folded == "de" || folded == "du" || folded == "d'" || folded == "a" || folded == "au" || folded == "aux" ||
         folded == "avec" || folded == "par" || folded == "pour" || folded == "contre" || folded == "entre" ||
         folded == "chez" || folded == "sur" || folded == "vers" || folded == "des" || folded == "et" ||
         folded == "en" || folded == "dans" || folded == "la";
}

bool is_preposition_or_article(std::string_view folded) {
  return is_preposition(folded) || folded == "l'" || folded == "le" || folded == "les";
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

}  // namespace

SpeakerNames::SpeakerNames(const Doc& doc) : doc_(doc) {
  const auto& tokens = doc.tokens;
  mention_of_token_.assign(tokens.size(), -1);
  // Runs of capitalised words, joined by particles and hyphens; a sentence's first word counts only
  // when it is not a common word, honorifics and role nouns are left out ("M. Macron" → "Macron").
  auto adjacent = [&](uint32_t a, uint32_t b) {
    return tokens[a].span.field == tokens[b].span.field && tokens[b].span.begin <= tokens[a].span.end + 1 &&
           std::string_view(doc.field(tokens[a].span.field)).substr(tokens[a].span.end, tokens[b].span.begin - tokens[a].span.end) !=
               "\n";
  };
  // Folded forms and the name-word test, computed once per token and only where needed.
  std::vector<std::string> folded_cache(tokens.size());
  std::vector<int8_t> name_cache(tokens.size(), -1);
  auto folded = [&](uint32_t t) -> const std::string& {
    std::string& f = folded_cache[t];
    if (f.empty()) {
      f = fold(doc.text(tokens[t].span));
      if (f.empty()) f.push_back(' ');
    }
    return f;
  };
  auto name_word = [&](uint32_t t) {
    int8_t& cached = name_cache[t];
    if (cached >= 0) return cached == 1;
    const Token& k = tokens[t];
    bool yes = k.has(Token::kWord) && k.has(Token::kCapitalized) && !k.has(Token::kNumber) &&
               !(k.has(Token::kSentenceStart) && k.has(Token::kStop));
    if (yes) {
      const std::string& f = folded(t);
      yes = !is_honorific(f) && !is_person_role(f) && !(f.size() > 1 && f.back() == '\'');
    }
    cached = yes ? 1 : 0;
    return yes;
  };
  // Particles and prepositions are short lower-case words: fold only those.
  auto short_lower = [&](uint32_t t) {
    const Token& k = tokens[t];
    return k.has(Token::kWord) && k.span.size() <= 8;
  };
  // Keyed by the surname's term (its folded stem), so that "LOUKACHENKO" and "Loukachenko" are one.
  std::unordered_map<uint64_t, uint32_t> key_index;
  std::vector<std::vector<std::string_view>> variants;
  // Keys that are entities: their type, and for a person the canonical name to prefer.
  std::vector<int8_t> entity_type;  // -1 for a run of capitalised words
  // The last tokens of places the entities component found: a run ending there is no person's name
  // ("la République de Lorvil", "le tribunal de Nanterre").
  std::vector<uint32_t> place_ends;
  if (doc.entities) {
    // The entities component has found the names: people and organisations speak, places do not.
    // A person is known by the canonical name; an organisation as the article writes it at its
    // fullest ("CFDT" stays, "LR" is "Les Républicains" when the article spells it out).
    struct Found {
      uint32_t first, last;
      const Entity* entity;
    };
    std::vector<Found> found;
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
    std::vector<std::pair<uint64_t, const Entity*>> people;  // by the term of the surname
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
    std::vector<bool> tagged(tokens.size(), false);
    auto capitalised = [&](uint32_t t) {
      const Token& k = tokens[t];
      return k.has(Token::kWord) && k.has(Token::kCapitalized) && !k.has(Token::kNumber);
    };
    for (const Found& f : found) std::fill(tagged.begin() + f.first, tagged.begin() + f.last + 1, true);
    // "Jean-Marc Sur" tagged as "Jean-Marc", "Paul-Henri Weiss" as "Henri Weiss": a person's
    // name cut short is completed by the capitalised words written right after it, and by the first half
    // of a hyphenated given name, that no other name holds.
    for (Found& f : found) {
      if (f.entity->type != Entity::Type::kPer) continue;
      while (f.first >= 2 && !tagged[f.first - 2] && doc.text(tokens[f.first - 1].span) == "-" &&
             adjacent(f.first - 2, f.first - 1) && adjacent(f.first - 1, f.first) && capitalised(f.first - 2)) {
        tagged[f.first - 1] = tagged[f.first - 2] = true;
        f.first -= 2;
      }
      while (f.last + 1 < tokens.size() && !tagged[f.last + 1] && adjacent(f.last, f.last + 1) &&
             capitalised(f.last + 1) && std::find(place_ends.begin(), place_ends.end(), f.last + 1) == place_ends.end()) {
        tagged[++f.last] = true;
      }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.first < b.first; });
    std::unordered_map<std::string_view, uint32_t> by_name;
    for (const Found& f : found) {
      if (mention_of_token_[f.first] >= 0 || mention_of_token_[f.last] >= 0) continue;  // overlapping mentions
      const bool person = f.entity->type == Entity::Type::kPer;
      const std::string_view name = f.entity->canonical.empty() ? doc.text(f.entity->span) : f.entity->canonical;
      auto [it, fresh] = by_name.emplace(name, static_cast<uint32_t>(variants.size()));
      if (fresh) {
        variants.emplace_back();
        entity_type.push_back(static_cast<int8_t>(f.entity->type));
        if (person) variants.back().push_back(name);
      }
      variants[it->second].push_back(doc.text(Span{tokens[f.first].span.field, tokens[f.first].span.begin, tokens[f.last].span.end}));
      // A surname written alone where the tagger saw no name still joins this person.
      if (person) key_index.emplace(tokens[f.last].term, it->second);
      Mention m;
      m.first = f.first;
      m.last = f.last;
      m.sentence = sentence_of(f.first);
      if (f.first > 0 && short_lower(f.first - 1) && adjacent(f.first - 1, f.first)) {
        m.after_preposition = is_preposition(folded(f.first - 1));
      }
      m.key = it->second;
      for (uint32_t k = f.first; k <= f.last; ++k) mention_of_token_[k] = static_cast<int32_t>(mentions_.size());
      mentions_.push_back(m);
    }
  }
  // Runs of capitalised words the entities component did not tag (or all of them without it).
  for (uint32_t t = 0; t < tokens.size(); ++t) {
    if (!name_word(t) || mention_of_token_[t] >= 0) continue;
    uint32_t last = t;
    for (uint32_t j = t + 1; j < tokens.size() && adjacent(j - 1, j);) {
      if (mention_of_token_[j] >= 0) break;
      if (name_word(j)) {
        last = j++;
        continue;
      }
      const std::string_view txt = doc.text(tokens[j].span);
      if ((txt == "-" || (short_lower(j) && is_particle(folded(j)))) && j + 1 < tokens.size() && adjacent(j, j + 1) &&
          name_word(j + 1) && mention_of_token_[j + 1] < 0) {
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
    if (t > 0 && short_lower(t - 1) && adjacent(t - 1, t) && is_preposition_or_article(folded(t - 1))) {
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
    m.sentence = sentence_of(t);
    if (t > 0 && short_lower(t - 1) && adjacent(t - 1, t)) m.after_preposition = is_preposition(folded(t - 1));
    auto [it, fresh] = key_index.emplace(tokens[last].term, static_cast<uint32_t>(variants.size()));
    if (fresh) {
      variants.emplace_back();
      const bool place = std::find(place_ends.begin(), place_ends.end(), last) != place_ends.end();
      entity_type.push_back(place ? static_cast<int8_t>(Entity::Type::kLoc) : -1);
    }
    m.key = it->second;
    const Span whole{tokens[t].span.field, tokens[t].span.begin, tokens[last].span.end};
    const std::string_view name = unglued(doc.text(whole), last > t);
    if (name.size() < whole.size()) m.after_preposition = false;  // the preposition was the heading's
    variants[m.key].emplace_back(name);
    for (uint32_t k = t; k <= last; ++k) mention_of_token_[k] = static_cast<int32_t>(mentions_.size());
    mentions_.push_back(m);
    t = last;
  }
  // Entity mentions first, then the runs: back to token order.
  if (doc.entities) {
    std::sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.first < b.first; });
    for (size_t i = 0; i < mentions_.size(); ++i) {
      for (uint32_t k = mentions_[i].first; k <= mentions_[i].last; ++k) mention_of_token_[k] = static_cast<int32_t>(i);
    }
  }
  // The canonical form of a surname: its fullest variant (most words), mixed case before capitals.
  canonical_.resize(variants.size());
  person_.resize(variants.size());
  organisation_.resize(variants.size());
  for (size_t k = 0; k < variants.size(); ++k) {
    auto words = [](std::string_view v) { return std::count(v.begin(), v.end(), ' ') + 1; };
    std::string_view best = variants[k].front();
    for (std::string_view v : variants[k]) {
      // "Paul-Henri Weiss" is fuller than "Henri Weiss", which it ends with.
      if (words(v) > words(best) || (words(v) == words(best) && all_caps(best) && !all_caps(v)) ||
          (v.size() > best.size() && v.ends_with(best))) {
        best = v;
      }
    }
    canonical_[k] = std::string(best);
    person_[k] = words(best) >= 2 && !all_caps(best.substr(best.rfind(' ') + 1));
    // The entities component tells a person from an organisation; a name alone it could not tie to a
    // full name ("François") is too weak to be a pronoun's antecedent.
    if (entity_type[k] >= 0) person_[k] = person_[k] && entity_type[k] == static_cast<int8_t>(Entity::Type::kPer);
    organisation_[k] = entity_type[k] == static_cast<int8_t>(Entity::Type::kOrg);
  }
  assign_genders(variants.size(), folded);
}

std::string SpeakerNames::canonical(const Span& mention) const {
  // The mention's last word token that is a name.
  const auto& tokens = doc_.tokens;
  auto it = tokens.begin() + static_cast<std::ptrdiff_t>(doc_.token_at(mention.field, mention.end));
  while (it != tokens.begin()) {
    --it;
    if (it->span.field != mention.field || it->span.begin < mention.begin) break;
    const auto t = static_cast<uint32_t>(it - tokens.begin());
    if (mention_of_token_[t] >= 0) return canonical_[mentions_[mention_of_token_[t]].key];
    if (it->has(Token::kWord)) break;
  }
  return {};
}

void SpeakerNames::assign_genders(size_t keys, const std::function<const std::string&(uint32_t)>& folded) {
  // Gender from the words before a mention: a title, or an article before a role noun.
  const auto& tokens = doc_.tokens;
  gender_.assign(keys, 0);
  for (const Mention& m : mentions_) {
    int evidence = 0;
    for (uint32_t k = m.first, steps = 0; k > 0 && steps < 4 && evidence == 0; ++steps) {
      --k;
      if (!tokens[k].has(Token::kWord) && doc_.text(tokens[k].span) != ".") break;
      if (tokens[k].span.size() > 8) continue;  // longer than "monsieur": no title, no article
      const std::string& f = folded(k);
      if (f == "mme" || f == "mlle" || f == "madame") evidence = -1;
      else if (f == "m" || f == "monsieur") evidence = 1;
      else if (steps > 0) {  // "la ministre X", "le président X"
        const int article = f == "la" || f == "une" || f == "cette" ? -1 : f == "le" || f == "un" || f == "ce" ? 1 : 0;
        if (article != 0 && is_person_role(folded(k + 1))) evidence = article;
      }
    }
    gender_[m.key] += evidence;
  }
  for (size_t k = 0; k < keys; ++k) {
    int& g = gender_[k];
    // No title says it: the given name does ("Isabelle Balkany", "Pierre Vallon").
    if (g == 0 && person_[k]) g = given_name_gender(fold(canonical_[k].substr(0, canonical_[k].find(' '))));
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
