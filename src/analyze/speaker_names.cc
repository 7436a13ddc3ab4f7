#include "analyze/speaker_names.h"

#include <algorithm>
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
  for (uint32_t t = 0; t < tokens.size(); ++t) {
    if (!name_word(t)) continue;
    uint32_t last = t;
    for (uint32_t j = t + 1; j < tokens.size() && adjacent(j - 1, j);) {
      if (name_word(j)) {
        last = j++;
        continue;
      }
      const std::string_view txt = doc.text(tokens[j].span);
      if ((txt == "-" || (short_lower(j) && is_particle(folded(j)))) && j + 1 < tokens.size() && adjacent(j, j + 1) &&
          name_word(j + 1)) {
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
    if (fresh) variants.emplace_back();
    m.key = it->second;
    const Span whole{tokens[t].span.field, tokens[t].span.begin, tokens[last].span.end};
    variants[m.key].emplace_back(doc.text(whole));
    for (uint32_t k = t; k <= last; ++k) mention_of_token_[k] = static_cast<int32_t>(mentions_.size());
    mentions_.push_back(m);
    t = last;
  }
  // The canonical form of a surname: its fullest variant (most words), mixed case before capitals.
  // Gender from the words before a mention: a title, or an article before a role noun.
  gender_.assign(variants.size(), 0);
  for (const Mention& m : mentions_) {
    int evidence = 0;
    for (uint32_t k = m.first, steps = 0; k > 0 && steps < 4 && evidence == 0; ++steps) {
      --k;
      if (!tokens[k].has(Token::kWord) && doc.text(tokens[k].span) != ".") break;
      const std::string& f = folded(k);
      if (f == "mme" || f == "mlle" || f == "madame") evidence = -1;
      else if (f == "m" || f == "monsieur") evidence = 1;
      else if (steps > 0 && is_person_role(folded(k + 1))) {  // "la ministre X", "le président X"
        if (f == "la" || f == "une" || f == "cette") evidence = -1;
        if (f == "le" || f == "un" || f == "ce") evidence = 1;
      }
    }
    gender_[m.key] += evidence;
  }
  for (int& g : gender_) g = g > 0 ? 1 : g < 0 ? -1 : 0;
  canonical_.resize(variants.size());
  person_.resize(variants.size());
  for (size_t k = 0; k < variants.size(); ++k) {
    auto words = [](std::string_view v) { return std::count(v.begin(), v.end(), ' ') + 1; };
    std::string_view best = variants[k].front();
    for (std::string_view v : variants[k]) {
      if (words(v) > words(best) || (words(v) == words(best) && all_caps(best) && !all_caps(v))) best = v;
    }
    canonical_[k] = std::string(best);
    person_[k] = words(best) >= 2 && !all_caps(best.substr(best.rfind(' ') + 1));
  }
}

std::string SpeakerNames::canonical(const Span& mention) const {
  // The mention's last word token that is a name.
  const auto& tokens = doc_.tokens;
  auto it = std::lower_bound(tokens.begin(), tokens.end(), mention, [](const Token& t, const Span& s) {
    return t.span.field < s.field || (t.span.field == s.field && t.span.begin < s.end);
  });
  while (it != tokens.begin()) {
    --it;
    if (it->span.field != mention.field || it->span.begin < mention.begin) break;
    const auto t = static_cast<uint32_t>(it - tokens.begin());
    if (mention_of_token_[t] >= 0) return canonical_[mentions_[mention_of_token_[t]].key];
    if (it->has(Token::kWord)) break;
  }
  return {};
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
