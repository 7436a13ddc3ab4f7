#include "analyze/entities/roles.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>

#include "analyze/entities/features.h"
#include "common/flat_hash_map.h"
#include "common/folding.h"

namespace recoupe::ner {
namespace {

// Offices that name one person in an article (folded). French usage, written for this project.
constexpr std::string_view kRoleNouns[] = {
    "president", "presidente", "chef", "cheffe", "ministre", "premier", "premiere", "chancelier",
    "chanceliere", "dirigeant", "dirigeante", "tyran", "dictateur", "autocrate", "maire", "patron", "patronne",
    "secretaire", "leader", "souverain", "souveraine", "roi", "reine", "pape", "gouverneur", "gouverneure",
    "directeur", "directrice", "pdg", "entraineur", "selectionneur", "prefet", "prefete", "monarque", "emir",
    "prince", "princesse", "ayatollah", "guide", "despote", "satrape", "locataire", "maitre",
};
// Heads that say nothing of the office, so that they fit a person described by any other.
constexpr std::string_view kGenericHeads[] = {
    "chef", "cheffe", "dirigeant", "dirigeante", "leader", "tyran", "dictateur", "autocrate", "patron",
    "patronne", "despote", "satrape", "locataire", "maitre", "guide",
};
constexpr std::string_view kDeterminers[] = {"le", "la", "l'", "un", "une", "ce", "cet", "cette", "son", "sa",
                                             "notre", "leur", "du", "au"};
constexpr std::string_view kConnectors[] = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "a", "au",
                                            "aux"};

template <size_t N>
bool listed(const std::string_view (&list)[N], std::string_view w) noexcept {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// The same word, or a demonym and its country ("bielorusse", "bielorussie"; "francais", "france"):
// a common prefix of at least four letters and three fifths of the shorter word.
bool similar(std::string_view a, std::string_view b) noexcept {
  if (a == b) return true;
  const size_t shorter = std::min(a.size(), b.size());
  size_t k = 0;
  while (k < shorter && a[k] == b[k]) ++k;
  return k >= 4 && k * 5 >= shorter * 3;
}

bool has_similar(const std::vector<std::string>& words, std::string_view w) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& x) { return similar(x, w); });
}

// Which of the lists above a word is in, by its form hash (Token::form): one lookup in a small table, to
// test a token without folding it.
enum WordClass : uint8_t { kRoleNoun = 1, kDeterminer = 2, kConnector = 4 };
uint8_t word_class(uint64_t form) {
  static const FlatHashMap<uint8_t> kClasses = [] {
    FlatHashMap<uint8_t> t(128);
    for (std::string_view w : kRoleNouns) t.try_emplace(form_hash(w), 0).first |= kRoleNoun;
    for (std::string_view w : kDeterminers) t.try_emplace(form_hash(w), 0).first |= kDeterminer;
    for (std::string_view w : kConnectors) t.try_emplace(form_hash(w), 0).first |= kConnector;
    return t;
  }();
  const uint8_t* c = kClasses.find(form);
  return c ? *c : 0;
}
bool is_role_form(uint64_t form) { return (word_class(form) & kRoleNoun) != 0; }

// The folded form's hash of token k: Token::form, set by the lexical component, else computed.
uint64_t form_of(const Doc& doc, size_t k) {
  const Token& t = doc.tokens[k];
  return t.form ? t.form : form_hash(fold(doc.text(t.span)));
}

// Whether a form hash is one of a handful or 0, asked of every token of every article: each value sits
// in its own slot of a 16-slot table indexed by four bits of the hash (bits chosen so that no two values
// share a slot), so that a token costs one load and one comparison, not a comparison per value (three
// times the instructions).
class FormSlots {
 public:
  explicit FormSlots(std::initializer_list<uint64_t> forms) {
    for (shift_ = 0; shift_ <= 60; ++shift_) {
      uint32_t taken = 1;  // slot 0 is for 0 (a word without its form), whatever the bits
      bool distinct = true;
      for (const uint64_t f : forms) {
        distinct &= (taken >> index(f) & 1) == 0;
        taken |= uint32_t{1} << index(f);
      }
      if (!distinct) continue;
      slots_.fill(*forms.begin());  // an empty slot holds a value whose own slot is elsewhere
      slots_[0] = 0;
      for (const uint64_t f : forms) slots_[index(f)] = f;
      return;
    }
    all_ = true;  // no four bits tell them apart (never seen): every token goes on to the full test
  }
  //! True when `form` is one of the forms or 0.
  bool holds(uint64_t form) const noexcept { return all_ | (slots_[index(form)] == form); }

 private:
  size_t index(uint64_t form) const noexcept { return static_cast<size_t>(form >> shift_) & 15; }
  std::array<uint64_t, 16> slots_{};
  unsigned shift_ = 0;
  bool all_ = false;
};

struct Person {
  std::string canonical;
  int mentions = 0;
  std::vector<std::string> described;  // folded words around its mentions
};

// Called for every role phrase and every quotation's definite speaker phrase: words are tested by their
// form hashes, and folded only when they describe someone.
std::vector<Person> people(const Doc& doc) {
  std::vector<Person> out;
  if (!doc.entities || doc.tokens.empty()) return out;
  // Tokens inside a person's mention: descriptions stop there.
  thread_local std::vector<uint8_t> in_person;
  thread_local std::vector<std::pair<size_t, size_t>> ranges;
  in_person.assign(doc.tokens.size(), 0);
  ranges.clear();
  size_t cursor = 0;
  for (const Entity& e : *doc.entities) {
    if (e.type != Entity::Type::kPer) {  // only people are described: other names need no tokens
      ranges.emplace_back(0, 0);
      continue;
    }
    const size_t b = doc.token_at(e.span.field, e.span.begin, cursor);
    size_t end = b;  // a name is a few tokens: walked rather than searched
    while (end < doc.tokens.size() && doc.tokens[end].span.field == e.span.field &&
           doc.tokens[end].span.begin < e.span.end) {
      ++end;
    }
    cursor = end;
    ranges.emplace_back(b, end);
    std::fill(in_person.begin() + b, in_person.begin() + end, 1);
  }
  auto word = [&](size_t k) { return doc.tokens[k].has(Token::kWord) && !in_person[k]; };
  auto is_comma = [&](size_t k) { return !doc.tokens[k].has(Token::kWord) && doc.text(doc.tokens[k].span) == ","; };
  for (size_t m = 0; m < doc.entities->size(); ++m) {
    const Entity& e = (*doc.entities)[m];
    if (e.type != Entity::Type::kPer) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const Person& p) { return p.canonical == e.canonical; });
    if (it == out.end()) {
      out.push_back(Person{e.canonical, 0, {}});
      it = out.end() - 1;
    }
    it->mentions += 1;
    const auto [b, end] = ranges[m];
    const Field f = e.span.field;
    // Before the name: "le président biélorusse Alexandre Loukachenko", "le chef de l'Etat, Emmanuel Macron";
    // content words and connectors only ("a dit à Poutine" describes no one), with an office among them.
    size_t k = b;
    if (k > 0 && is_comma(k - 1)) --k;
    const size_t last = k;
    bool office = false;
    for (int n = 0; n < 6 && k > 0 && doc.tokens[k - 1].span.field == f && word(k - 1); ++n, --k) {
      const uint8_t c = word_class(form_of(doc, k - 1));
      if (doc.tokens[k - 1].has(Token::kStop) && !(c & (kConnector | kDeterminer))) break;
      office |= (c & kRoleNoun) != 0;
    }
    if (office) {  // the nearest word first
      for (size_t w = last; w > k; --w) it->described.push_back(fold(doc.text(doc.tokens[w - 1].span)));
    }
    // After it, in apposition, starting with an office: "Alexandre Loukachenko, président de la Biélorussie".
    k = end;
    if (k < doc.tokens.size() && is_comma(k)) {
      const size_t first = ++k;
      while (k - first < 10 && k < doc.tokens.size() && doc.tokens[k].span.field == f && word(k)) ++k;
      const size_t head = k > first && (word_class(form_of(doc, first)) & kDeterminer) ? first + 1 : first;
      if (head < k && is_role_form(form_of(doc, head))) {
        for (size_t w = first; w < k; ++w) it->described.push_back(fold(doc.text(doc.tokens[w].span)));
      }
    }
  }
  return out;
}

}  // namespace

bool is_role_noun(std::string_view folded) noexcept { return listed(kRoleNouns, folded); }

namespace {

std::vector<std::string> role_words(const Doc& doc, const Span& role);
std::string resolve(const std::vector<std::string>& words, const std::vector<Person>& persons);

}  // namespace

std::string resolve_role(const Doc& doc, const Span& role) {
  const std::vector<std::string> words = role_words(doc, role);
  return words.empty() ? std::string() : resolve(words, people(doc));
}

struct RoleResolver::People {
  std::vector<Person> all;
};

RoleResolver::RoleResolver(const Doc& doc) : doc_(doc) {}
RoleResolver::~RoleResolver() = default;

std::string RoleResolver::resolve(const Span& role) {
  // The people are gathered at the first phrase a role noun heads: most phrases asked about have none.
  const std::vector<std::string> words = role_words(doc_, role);
  if (words.empty()) return {};
  if (!people_) people_ = std::make_unique<People>(People{people(doc_)});
  return ner::resolve(words, people_->all);
}

namespace {

// The folded words of a role phrase from its head noun on, or none when no role noun heads it. The phrase
// is determiners, then the head noun, then its qualifiers; the determiners and the head are told by their
// form hashes, so that a phrase with no role noun at its head (most of the definite phrases quotations
// ask about) is turned away before a word is folded.
std::vector<std::string> role_words(const Doc& doc, const Span& role) {
  size_t at = doc.token_at(role.field, role.begin);
  auto in_phrase = [&](size_t t) {
    return t < doc.tokens.size() && doc.tokens[t].span.field == role.field && doc.tokens[t].span.end <= role.end;
  };
  for (; in_phrase(at); ++at) {
    if (doc.tokens[at].has(Token::kWord) && !(word_class(form_of(doc, at)) & kDeterminer)) break;
  }
  if (!in_phrase(at) || !is_role_form(form_of(doc, at))) return {};
  std::vector<std::string> words;  // the head, then the words after it
  for (; in_phrase(at); ++at) {
    if (doc.tokens[at].has(Token::kWord)) words.push_back(fold(doc.text(doc.tokens[at].span)));
  }
  // "premier" is an office only as "Premier ministre" ("le premier tour" is not).
  if ((words[0] == "premier" || words[0] == "premiere") && (words.size() < 2 || words[1] != "ministre")) return {};
  return words;
}

// The person the role phrase whose words (role_words()) are `words` stands for, among `persons`.
std::string resolve(const std::vector<std::string>& words, const std::vector<Person>& persons) {
  if (words.empty()) return {};
  const std::string& head = words.front();
  // Its qualifiers, function words left out.
  std::vector<std::string> qualifiers;
  for (size_t k = 1; k < words.size(); ++k) {
    if (!listed(kConnectors, words[k])) qualifiers.push_back(words[k]);
  }

  if (persons.empty()) return {};
  const Person* found = nullptr;
  int matches = 0;
  bool head_described = false;
  for (const Person& p : persons) {
    if (!has_similar(p.described, head)) continue;
    head_described = true;
    if (!std::all_of(qualifiers.begin(), qualifiers.end(), [&](const std::string& q) { return has_similar(p.described, q); })) {
      continue;
    }
    found = &p;
    ++matches;
  }
  if (matches == 1) return found->canonical;
  // Someone is described by this office, but not in these words (or several are): not clear.
  if (head_described) return {};

  // No one is described so: the one salient person, when no other comes close.
  const Person* top = nullptr;
  int second = 0;
  for (const Person& p : persons) {
    if (!top || p.mentions > top->mentions) {
      if (top) second = std::max(second, top->mentions);
      top = &p;
    } else {
      second = std::max(second, p.mentions);
    }
  }
  if (top->mentions < 2 * second) return {};
  // ... unless described by another office ("le ministre" is not "le président Macron").
  if (!listed(kGenericHeads, head)) {
    for (const std::string& w : top->described) {
      if (is_role_noun(w) && !listed(kGenericHeads, w) && !similar(w, head)) return {};
    }
  }
  return top->canonical;
}

}  // namespace

std::vector<Role> find_roles(const Doc& doc) {
  std::vector<Role> out;
  if (!doc.entities || doc.entities->empty()) return out;
  bool any_person = false;
  for (const Entity& e : *doc.entities) any_person |= e.type == Entity::Type::kPer;
  if (!any_person) return out;
  const std::vector<Token>& t = doc.tokens;
  auto folded = [&](size_t k) { return fold(doc.text(t[k].span)); };
  auto same_field_word = [&](size_t k, size_t from) {
    return k < t.size() && t[k].span.field == t[from].span.field && t[k].has(Token::kWord);
  };
  // Folded-form hashes (Token::form, set by the lexical component) spare folding every stopword.
  auto form = [&](size_t k) { return form_of(doc, k); };
  static const uint64_t kLe = form_hash("le"), kLa = form_hash("la"), kL = form_hash("l'"), kDu = form_hash("du"),
                        kAu = form_hash("au");
  static const FormSlots kDeterminerSlots({kLe, kLa, kL, kDu, kAu});
  std::optional<std::vector<Person>> persons;  // built at the first role phrase
  // The tokens' count and address, read once: the compiler reloads them from the vector at each step
  // otherwise, the slow path's calls being able to change it as far as it knows.
  const size_t count = t.size();
  const Token* const tokens = t.data();
  for (size_t i = 0; i + 1 < count; ++i) {
    // One branch for every token (&, |, not && and ||): the tests alone follow no pattern a predictor
    // learns. A word without its form (no lexical component) is folded below.
    const uint64_t f = tokens[i].form;
    const bool stopword = (tokens[i].flags & (Token::kWord | Token::kStop)) == (Token::kWord | Token::kStop);
    if (!(stopword & kDeterminerSlots.holds(f))) continue;
    const uint64_t det = f != 0 ? f : form(i);
    const bool article = det == kLe || det == kLa || det == kL;
    if (!article && det != kDu && det != kAu) continue;
    const size_t j = i + 1;
    if (!same_field_word(j, i) || !is_role_form(form(j))) continue;
    size_t k = j + 1;
    // A second office word or an adjective or two ("premier ministre", "président biélorusse").
    for (int n = 0; n < 2 && same_field_word(k, i) && !t[k].has(Token::kCapitalized) && !t[k].has(Token::kStop) &&
                    !t[k].has(Token::kNumber);
         ++n) {
      ++k;
    }
    // A complement naming a place or an institution ("du Kremlin", "de la Santé", "de Minsk").
    if (same_field_word(k, i)) {
      const std::string de = folded(k);
      if (de == "de" || de == "du" || de == "d'" || de == "des") {
        size_t m = k + 1;
        if (same_field_word(m, i) && (folded(m) == "la" || folded(m) == "l'") && !t[m].has(Token::kCapitalized)) ++m;
        if (same_field_word(m, i) && t[m].has(Token::kCapitalized)) {
          while (same_field_word(m, i) && t[m].has(Token::kCapitalized)) ++m;
          k = m;
        }
      }
    }
    const size_t begin = article ? i : j;
    const Span span{t[begin].span.field, t[begin].span.begin, t[k - 1].span.end};
    if (const std::vector<std::string> words = role_words(doc, span); !words.empty()) {
      if (!persons) persons = people(doc);
      std::string person = resolve(words, *persons);
      if (!person.empty()) out.push_back(Role{span, std::move(person)});
    }
    i = k - 1;
  }
  return out;
}

}  // namespace recoupe::ner
