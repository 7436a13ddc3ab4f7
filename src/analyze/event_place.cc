// Where the reported event happened ("the meeting was held in Sochi"): among the places the
// entities component found, the one the text sets the event in. French says where something
// happens with "à" for a town ("La réunion a eu lieu à Sotchi") and "en", "au", "aux" for a
// country; wire copy opens with a dateline ("SOTCHI (AFP) -"). A place named as an origin, a
// direction or an owner ("le tyran de Minsk", "en vol vers Sotchi") weighs little. An article that
// only says which countries are concerned gets no event place: none is better than a wrong one.
#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "analyze/components.h"
#include "analyze/lexicon.h"
#include "common/folding.h"
#include "common/hash_bits.h"

namespace recoupe {
namespace {

// Weight of one mention by the word before it.
constexpr double kAtTown = 3.0;         // à Sotchi
constexpr double kInCountry = 1.5;      // au Mali, aux Pays-Bas, en Russie, dans la Somme
constexpr double kOriginOrOwner = 0.25;  // de Minsk, vers Sotchi, depuis Kiev
constexpr double kBare = 0.5;            // Moscou a annoncé...
constexpr double kDateline = 4.0;        // SOTCHI (AFP) -
// Where the mention is: the title and the lead say what the article is about ("Vendée : un enfant…",
// "Incendie à Anglet"); later paragraphs drift to background and to other, similar cases.
constexpr double kInTitle = 3.0;
constexpr double kInLead = 1.5;
constexpr size_t kLeadSentences = 2;
constexpr double kInBackground = 0.5;
constexpr size_t kBackgroundFrom = 5;  // sentences of the body from this rank on
// A sentence that names an event ("a eu lieu", "sommet", "attentat") sets it where it says.
constexpr double kEventSentence = 2.0;

// Words, as written, whose stems mark a sentence that says where an event took place.
constexpr std::array kEventWords = {
    "lieu",      "tenu",        "tenue",    "déroulé",  "déroulée", "réuni",     "réunis",      "retrouvés",
    "rencontré", "rencontrés",  "rencontre", "réunion", "sommet",   "visite",    "conférence",  "cérémonie",
    "manifestation", "rassemblement", "attentat", "explosion", "incendie", "accident", "séisme", "fusillade",
    "procès",    "match",       "festival", "élection", "scrutin",  "grève",     "inondations", "tempête"};

// Seats that stand for the institution housed there ("reste à Matignon", "Bercy a annoncé"), folded:
// news names them for who decides, not for where something happened.
constexpr std::array kSeatsOfPower = {"matignon", "elysee", "bercy", "beauvau", "kremlin", "quai d'orsay",
                                      "maison blanche", "downing street", "zhongnanhai"};

bool is_seat_of_power(std::string_view name) {
  if (name.size() > 16) return false;  // longer than any of them: spares the folding
  const std::string folded = fold(name);
  return std::find(kSeatsOfPower.begin(), kSeatsOfPower.end(), folded) != kSeatsOfPower.end();
}

enum class Cue : uint8_t { kAt, kIn, kAway, kNone };

Cue cue_of(std::string_view folded_word) {
  if (folded_word == "a") return Cue::kAt;  // "à" folded; "a" (has) before a place name is rare
  if (folded_word == "au" || folded_word == "aux" || folded_word == "en" || folded_word == "dans") return Cue::kIn;
  if (folded_word == "de" || folded_word == "du" || folded_word == "des" || folded_word == "d'" ||
      folded_word == "d\xE2\x80\x99" || folded_word == "vers" || folded_word == "depuis" || folded_word == "pour") {
    return Cue::kAway;
  }
  return Cue::kNone;
}

// True when the place heads the title ("Calais : les habitants…", "VIDÉO. Argentine : …"), or opens
// the body as a dateline ("SOTCHI (AFP) -"): at its very start, followed by " (", " -", ",".
bool is_dateline(const Doc& doc, const Entity& e) {
  if (e.span.field == Field::kTitle) {
    const std::string_view after = std::string_view(doc.field(Field::kTitle)).substr(e.span.end, 2);
    return after.starts_with(":") || after.starts_with(" :");
  }
  if (e.span.field != Field::kText || e.span.begin > 2) return false;
  const std::string_view after = std::string_view(doc.field(Field::kText)).substr(e.span.end, 5);
  return after.starts_with(" (") || after.starts_with(" -") || after.starts_with(",") ||
         after.starts_with(" \xE2\x80\x93") || after.starts_with(" \xE2\x80\x94");  // en and em dashes
}

class EventPlace final : public Component {
 public:
  EventPlace() {
    for (const char* w : kEventWords) {
      event_terms_.push_back(term_of(w));
      event_bits_.add(event_terms_.back());
    }
    std::sort(event_terms_.begin(), event_terms_.end());
  }

  std::string name() const override { return "event_place"; }
  //! Reads `doc.entities` when the entities component ran before it; without it, finds nothing.
  std::vector<std::string> requires_() const override { return {"doc.sentences", "doc.tokens", "token.term"}; }
  std::vector<std::string> assigns() const override { return {"doc.event_place"}; }

  void process(Doc& doc) const override {
    doc.event_place.clear();
    if (!doc.entities) return;
    struct Score {
      double total = 0;
      bool located = false;  // set in the event by a locative, a dateline or the title
      size_t first = 0;      // rank of its first mention, for ties
    };
    // Keyed by views of the entities' names (or their text), which the Doc keeps: no copy per mention.
    std::map<std::string_view, Score> places;
    size_t order = 0;
    std::vector<int8_t> event_sentence(doc.sentences.size(), -1);  // names_event(), asked once per sentence
    for (const Entity& e : *doc.entities) {
      if (e.type != Entity::Type::kLoc) continue;
      const std::string_view name = e.canonical.empty() ? doc.text(e.span) : std::string_view(e.canonical);
      if (is_seat_of_power(name)) continue;
      const size_t sentence = sentence_of(doc, e.span);
      double weight;
      bool located;  // this mention sets the event somewhere
      if (is_dateline(doc, e)) {
        weight = kDateline;
        located = true;
      } else {
        const Cue cue = cue_before(doc, e.span);
        weight = cue == Cue::kAt ? kAtTown : cue == Cue::kIn ? kInCountry : cue == Cue::kAway ? kOriginOrOwner : kBare;
        if ((cue == Cue::kAt || cue == Cue::kIn) && sentence < doc.sentences.size()) {
          int8_t& names = event_sentence[sentence];
          if (names < 0) names = names_event(doc, doc.sentences[sentence]) ? 1 : 0;
          if (names == 1) weight *= kEventSentence;
        }
        // "à" sets the event in a town, and so does a title's "à", "en" or "au" ("Incendie à Anglet",
        // "Ruines en Syrie"). Elsewhere, a country after "en" or "au" only says roughly where the news
        // is from, and a bare name in a title is as often a subject ("les Etats-Unis exclus").
        located = cue == Cue::kAt || (e.span.field == Field::kTitle && cue == Cue::kIn);
      }
      if (e.span.field == Field::kTitle) {
        weight *= kInTitle;
      } else {
        const size_t rank = rank_in_field(doc, sentence);
        weight *= rank < kLeadSentences ? kInLead : rank >= kBackgroundFrom ? kInBackground : 1.0;
      }
      auto [it, fresh] = places.try_emplace(name, Score{0, false, order++});
      it->second.total += weight;
      it->second.located = it->second.located || located;
    }
    const std::pair<const std::string_view, Score>* best = nullptr;
    for (const auto& p : places) {
      if (!p.second.located) continue;
      if (!best || p.second.total > best->second.total ||
          (p.second.total == best->second.total && p.second.first < best->second.first)) {
        best = &p;
      }
    }
    if (best) doc.event_place = std::string(best->first);
  }

 private:
  // Index of the sentence holding `span`, or doc.sentences.size().
  static size_t sentence_of(const Doc& doc, const Span& span) {
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), span, [](const Span& s, const Span& t) {
      return s.field < t.field || (s.field == t.field && s.begin < t.begin);
    });
    if (it == doc.sentences.begin()) return doc.sentences.size();
    --it;
    return it->field == span.field && it->end >= span.end ? static_cast<size_t>(it - doc.sentences.begin())
                                                          : doc.sentences.size();
  }
  // How many sentences of the same field come before sentence `i` (capped); the cap when unknown.
  static size_t rank_in_field(const Doc& doc, size_t i) {
    if (i >= doc.sentences.size()) return kBackgroundFrom;
    size_t rank = 0;
    for (size_t k = i; k > 0 && doc.sentences[k - 1].field == doc.sentences[i].field && rank < kBackgroundFrom; --k) ++rank;
    return rank;
  }
  // The folded word just before `span`, as a cue.
  static Cue cue_before(const Doc& doc, const Span& span) {
    auto it = doc.tokens.begin() + static_cast<std::ptrdiff_t>(doc.token_at(span.field, span.begin));
    if (it == doc.tokens.begin()) return Cue::kNone;
    const Token& prev = *(it - 1);
    // Every cue word is short: longer words are not folded at all.
    if (prev.span.field != span.field || !prev.has(Token::kWord) || prev.span.size() > 6) return Cue::kNone;
    const Cue cue = cue_of(fold(doc.text(prev.span)));
    // "né à Alger" is a birthplace, and "de Marseille à Lyon" a span of places, not where the news happens.
    if (cue == Cue::kAt && it - 1 != doc.tokens.begin()) {
      const Token& before = *(it - 2);
      if (before.span.field != span.field) return cue;
      const std::string word = before.span.size() <= 6 ? fold(doc.text(before.span)) : std::string();
      if (word == "ne" || word == "nee" || word == "nes" || word == "nees") return Cue::kAway;
      const bool after_place = std::any_of(doc.entities->begin(), doc.entities->end(), [&](const Entity& e) {
        return e.type == Entity::Type::kLoc && e.span.field == span.field && e.span.end == before.span.end;
      });
      if (after_place) return Cue::kAway;
    }
    return cue;
  }
  bool names_event(const Doc& doc, const Span& sentence) const {
    auto it = doc.tokens.begin() + static_cast<std::ptrdiff_t>(doc.token_at(sentence.field, sentence.begin));
    for (; it != doc.tokens.end() && it->span.field == sentence.field && it->span.begin < sentence.end; ++it) {
      if (it->has(Token::kWord) && event_bits_.may_contain(it->term) &&
          std::binary_search(event_terms_.begin(), event_terms_.end(), it->term)) {
        return true;
      }
    }
    return false;
  }

  std::vector<uint64_t> event_terms_;
  HashBits<6> event_bits_;  // a bit per event term: most words are turned away by it
};

}  // namespace

std::unique_ptr<Component> make_event_place() { return std::make_unique<EventPlace>(); }

}  // namespace recoupe
