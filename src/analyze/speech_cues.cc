#include "analyze/speech_cues.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/entities/features.h"
#include "analyze/lexicon.h"
#include "common/flat_hash_map.h"
#include "common/folding.h"
#include "common/hash_bits.h"
#include "common/word_set.h"
#include "data/embedded_data.h"

namespace recoupe {
namespace {

// Looked up with string_views, without building a string per word.
struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using VerbSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

const VerbSet& speech_verbs() {
  static const auto* set = [] {
    auto* s = new VerbSet;
    for_each_listed_word(embedded::kSpeechVerbsFr, [&](std::string_view w) { s->insert(fold(w)); });
    return s;
  }();
  return *set;
}

const std::unordered_map<std::string, int, Hash, std::equal_to<>>& given_names() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string, int, Hash, std::equal_to<>>;
    for_each_listed_word(embedded::kGivenNamesFr, [&](std::string_view line) {
      if (line.size() > 2 && line[1] == ' ') m->emplace(fold(line.substr(2)), line[0] == 'f' ? -1 : 1);
    });
    return m;
  }();
  return *map;
}

// The word lists, each a WordSet for the tests on a folded word and all of them in one table of
// folded-form hashes (cue_classes) for the tests on a token.
constexpr std::string_view kAuxiliaries[] = {
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "avoir", "ayant", "est", "sont",
    "etait", "etaient", "serait", "s'est", "se", "s'", "s'etait", "va", "vont", "allait", "doit", "devait",
    "vient", "venait", "de", "d'"};
constexpr std::string_view kDeterminers[] = {
    "le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces",
    "notre", "votre", "plusieurs", "des", "du"};
constexpr std::string_view kPersonRoles[] = {
    "president", "presidente", "ministre", "chef", "cheffe", "dirigeant", "dirigeante", "tyran", "dictateur",
    "porte-parole", "avocat", "avocate", "medecin", "maire", "depute", "deputee", "senateur", "senatrice",
    "directeur", "directrice", "secretaire", "patron", "patronne", "premier", "premiere", "chancelier",
    "chanceliere", "candidat", "candidate", "leader", "elu", "elue", "procureur", "procureure", "prefet",
    "prefete", "entraineur", "entraineuse", "selectionneur", "fondateur", "fondatrice", "pdg", "homologue",
    "numero", "souverain", "roi", "reine", "pape", "ambassadeur", "ambassadrice", "commissaire", "general",
    "generale", "colonel", "capitaine", "ancien", "ancienne", "eurodepute", "garde", "eurodeputee",
    "conseiller", "conseillere", "gouverneur", "epoux", "epouse", "mari", "femme", "pere", "mere", "fils",
    "fille", "frere", "soeur", "star", "chanteur", "chanteuse", "acteur", "actrice", "animateur", "animatrice",
    "joueur", "joueuse", "attaquant", "milieu", "defenseur", "gardien", "chroniqueur", "chroniqueuse",
    "ecrivain", "ecrivaine", "auteur", "autrice", "leader", "responsable", "vice-president", "vice-presidente",
    "locataire", "hote", "magistrat", "juge", "presentateur", "presentatrice", "milliardaire", "tribun",
    "opposant", "opposante", "militant", "militante", "enseignant", "enseignante", "professeur", "professeure",
    "virologue", "epidemiologiste", "infectiologue", "sociologue", "economiste", "historien", "historienne",
    "politologue", "chercheur", "chercheuse", "syndicaliste", "edile", "batonnier", "batonniere", "policier",
    "policiere", "enqueteur", "enqueteuse", "sous-directeur", "sous-directrice", "dernier", "derniere",
    "quadragenaire", "quinquagenaire", "sexagenaire", "septuagenaire", "octogenaire", "trentenaire"};
constexpr std::string_view kOrganisationNouns[] = {
    "compagnie", "groupe", "entreprise", "societe", "constructeur", "syndicat", "ministere", "operateur",
    "enseigne", "firme", "federation", "organisation", "association", "institution", "banque", "agence",
    "centrale", "confederation", "club", "formation", "fabricant", "transporteur", "assureur", "laboratoire"};
constexpr std::string_view kDocumentNouns[] = {
    "communique", "lettre", "courrier", "message", "tweet", "texte", "note", "publication", "billet", "tribune",
    "declaration", "mail", "courriel", "sms"};
constexpr std::string_view kNamingNouns[] = {
    "operation", "film", "plan", "slogan", "livre", "roman", "emission", "serie", "album", "chanson", "titre",
    "campagne", "mouvement", "association", "hashtag", "magazine", "journal", "site", "programme", "dispositif",
    "affaire", "projet", "loi", "rapport", "spectacle", "piece", "festival", "collectif", "label", "marque",
    "application", "appli", "documentaire", "podcast", "ouvrage", "tribune", "exposition", "reseau", "groupe",
    "parti", "concept", "formule", "baptise", "baptisee", "baptises", "baptisees", "intitule", "intitulee",
    "nomme", "nommee", "denomme", "denommee", "appele", "appelee", "appeles", "appelees", "dit", "dite", "mot",
    "terme", "expression", "surnom", "emoji", "gilets", "segur", "pacte", "reforme", "mission", "contrat",
    "fonds", "prix", "tournoi", "rubrique", "theme", "cellule", "brigade", "salon", "sommet", "opus", "clip",
    "jeu", "logiciel", "pass", "statut", "zone", "zones", "protocole", "etiquette", "ecole"};
constexpr std::string_view kHonorifics[] = {
    "m", "mme", "mmes", "mm", "mlle", "dr", "pr", "me", "mgr", "docteur", "professeur", "maitre", "sir", "lord",
    "saint", "sainte"};
constexpr std::string_view kAdverbs[] = {
    "egalement", "aussi", "encore", "alors", "ainsi", "ensuite", "deja", "pourtant", "toutefois", "meme",
    "notamment", "bien", "enfin", "d'ailleurs", "ailleurs", "par", "ne", "n'", "lui", "leur", "l'", "me", "m'",
    "nous", "vous", "y", "en", "cependant", "neanmoins", "simplement", "plus", "tard", "aujourd'hui", "hier",
    "recemment", "immediatement", "justement", "clairement", "pas", "d'abord", "abord", "le", "la", "les",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin", "ce", "cette"};
constexpr std::string_view kPrepositions[] = {
    "de", "d'", "du", "des", "a", "au", "aux", "en", "par", "pour", "sur", "dans", "avec", "selon", "contre",
    "chez", "vers", "entre", "sans", "sous", "apres", "avant"};
constexpr std::string_view kNounPhraseStops[] = {
    "qui", "que", "qu'", "dont", "a", "au", "aux", "en", "dans", "lors", "sur", "pour", "apres", "avant",
    "avec", "et", "ou", "mais", "selon", "par", "lorsqu'", "quand", "il", "elle", "ce", "devant", "face",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "cette", "vers", "chez", "sans",
    "sous", "comme", "si"};

constexpr std::string_view kSourcePrepositions[] = {
    "selon", "pour"};
constexpr std::string_view kSubjectPronouns[] = {
    "il", "elle", "ils", "elles", "on"};
constexpr std::string_view kStressedPronouns[] = {
    "lui", "elle", "eux", "elles"};

template <size_t N>
WordSet word_set(const std::string_view (&words)[N]) {
  WordSet set;
  for (std::string_view w : words) set.insert(w);
  return set;
}

}  // namespace

bool is_speech_verb(std::string_view folded) noexcept {
  return speech_verbs().find(folded) != speech_verbs().end();
}

bool is_speech_verb_form(uint64_t form) noexcept {
  // The table of forms is too large for the processor's first caches, and nearly every word asked is no
  // speech verb: a bit per form (8 kB) turns most of them away first.
  struct Forms {
    FlatHashMap<uint8_t> map{speech_verbs().size()};
    HashBits<16> bits;
  };
  static const auto* forms = [] {
    auto* f = new Forms;
    for (const std::string& v : speech_verbs()) {
      const uint64_t h = ner::form_hash(v);
      f->map.try_emplace(h, 1);
      f->bits.add(h);
    }
    return f;
  }();
  return forms->bits.may_contain(form) && forms->map.find(form) != nullptr;
}

bool is_auxiliary(std::string_view folded) noexcept {
  static const WordSet set = word_set(kAuxiliaries);
  return set.contains(folded);
}

// The lists of two to five words are searched in turn: cheaper than hashing the word.
bool is_source_preposition(std::string_view folded) noexcept {
  return std::ranges::find(kSourcePrepositions, folded) != std::end(kSourcePrepositions);
}

bool is_subject_pronoun(std::string_view folded) noexcept {
  return std::ranges::find(kSubjectPronouns, folded) != std::end(kSubjectPronouns);
}

bool is_stressed_pronoun(std::string_view folded) noexcept {
  return std::ranges::find(kStressedPronouns, folded) != std::end(kStressedPronouns);
}

bool is_determiner(std::string_view folded) noexcept {
  static const WordSet set = word_set(kDeterminers);
  return set.contains(folded);
}

bool is_person_role(std::string_view folded) noexcept {
  static const WordSet set = word_set(kPersonRoles);
  // "ex-maire", "ex-directrice": a former holder of the role.
  if (folded.starts_with("ex-")) folded.remove_prefix(3);
  return set.contains(folded);
}

bool is_organisation_noun(std::string_view folded) noexcept {
  static const WordSet set = word_set(kOrganisationNouns);
  return set.contains(folded);
}

bool is_document_noun(std::string_view folded) noexcept {
  static const WordSet set = word_set(kDocumentNouns);
  return set.contains(folded);
}

bool is_naming_noun(std::string_view folded) noexcept {
  static const WordSet set = word_set(kNamingNouns);
  return set.contains(folded);
}

int given_name_gender(std::string_view folded) noexcept {
  const auto& names = given_names();
  if (auto it = names.find(folded); it != names.end()) return it->second;
  // "marie-ange", "jean-marc": the first part tells.
  if (const size_t dash = folded.find('-'); dash != std::string_view::npos && dash > 0) {
    if (auto it = names.find(folded.substr(0, dash)); it != names.end()) return it->second;
  }
  return 0;
}

bool is_honorific(std::string_view folded) noexcept {
  static const WordSet set = word_set(kHonorifics);
  return set.contains(folded);
}

bool is_adverb(std::string_view folded) noexcept {
  static const WordSet set = word_set(kAdverbs);
  return set.contains(folded);
}

bool is_preposition_word(std::string_view folded) noexcept {
  static const WordSet set = word_set(kPrepositions);
  return set.contains(folded);
}

bool is_noun_phrase_stop(std::string_view folded) noexcept {
  static const WordSet set = word_set(kNounPhraseStops);
  return set.contains(folded);
}

uint16_t cue_classes(uint64_t form) noexcept {
  static const auto* table = [] {
    auto* t = new FlatHashMap<uint16_t>(1024);
    auto add = [&](std::string_view w, uint16_t bits) { t->try_emplace(ner::form_hash(w), 0).first |= bits; };
    auto add_all = [&](const auto& words, uint16_t bits) {
      for (std::string_view w : words) add(w, bits);
    };
    add_all(kAuxiliaries, kCueAuxiliary);
    add_all(kDeterminers, kCueDeterminer);
    add_all(kOrganisationNouns, kCueOrganisationNoun);
    add_all(kDocumentNouns, kCueDocumentNoun);
    add_all(kNamingNouns, kCueNamingNoun);
    add_all(kHonorifics, kCueHonorific);
    add_all(kAdverbs, kCueAdverb);
    add_all(kPrepositions, kCuePreposition);
    add_all(kNounPhraseStops, kCueNounPhraseStop);
    add_all(kSourcePrepositions, kCueSourcePreposition);
    add_all(kSubjectPronouns, kCueSubjectPronoun);
    add_all(kStressedPronouns, kCueStressedPronoun);
    // The roles as is_person_role takes them ("maire", "ex-maire"), and their plurals ("ex-maires") of
    // more than three bytes, as the quotation finder takes those.
    for (std::string_view role : kPersonRoles) {
      for (const std::string& r : {std::string(role), "ex-" + std::string(role)}) {
        add(r, kCuePersonRole);
        if (const std::string plural = r + "s"; plural.size() > 3) add(plural, kCuePluralRole);
      }
    }
    return t;
  }();
  const uint16_t* bits = table->find(form);
  return bits ? *bits : 0;
}

}  // namespace recoupe
