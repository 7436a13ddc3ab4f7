#include "analyze/entities/recognizer.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "analyze/components.h"
#include "common/word_bytes.h"

namespace recoupe::ner {
namespace {

// Tokens a mention does not start with: punctuation, and function words unless capitalised ("Le Figaro").
bool is_start_junk(const TokenView& t) {
  if (!(t.flags & Token::kWord)) return true;
  return ((t.trigger & kTrigConnector) != 0 || t.shape == kElided) && !(t.flags & Token::kCapitalized);
}
// Tokens a mention does not end with: punctuation and function words.
bool is_end_junk(const TokenView& t) {
  return !(t.flags & Token::kWord) || (t.trigger & kTrigConnector) != 0 || t.shape == kElided;
}

// Words that end a name but no person's ("... Press", "... Enterprise").
bool is_org_word(const TokenView& t) {
  static const std::array<uint64_t, 16> kWords = [] {
    constexpr std::string_view words[] = {"press", "enterprise", "enterprises", "group", "groupe", "holding",
                                          "media", "medias", "bank", "foundation", "corporation", "watch",
                                          "witness", "international", "airlines", "motors"};
    std::array<uint64_t, 16> out{};
    for (size_t i = 0; i < out.size(); ++i) out[i] = form_hash(words[i]);
    return out;
  }();
  return t.shape == kCapital && std::find(kWords.begin(), kWords.end(), t.form) != kWords.end();
}

// "Rumigny-les-Bois", "Villeneuve-sur-Lot", "Saint-Véran-des-Landes": a lower-case particle between
// hyphens makes a French place name; no person's name is written that way.
bool has_place_particle(const DocView& view, const Mention& m) {
  const char* first = view.tokens[m.begin].surface.data();
  const std::string_view last = view.tokens[m.end - 1].surface;
  const std::string_view name(first, static_cast<size_t>(last.data() + last.size() - first));
  constexpr std::string_view kParticles[] = {"-les-", "-des-", "-sur-", "-sous-", "-en-", "-de-", "-du-",
                                             "-la-", "-le-", "-aux-", "-l\xC3\xA8s-", "-d'"};
  if (name.find('-') == std::string_view::npos) return false;  // every particle holds a hyphen; most names none
  return std::any_of(std::begin(kParticles), std::end(kParticles),
                     [&](std::string_view p) { return name.find(p) != std::string_view::npos; });
}

// Days, months and times of day: a name does not run on over them ("France Info samedi").
bool is_time_word(const TokenView& t) {
  static const std::array<uint64_t, 24> kWords = [] {
    constexpr std::string_view words[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                                          "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                                          "aout", "septembre", "octobre", "novembre", "decembre", "matin",
                                          "soir", "hier", "demain", "aujourd'hui"};
    std::array<uint64_t, 24> out{};
    for (size_t i = 0; i < out.size(); ++i) out[i] = form_hash(words[i]);
    return out;
  }();
  return t.shape == kLower && std::find(kWords.begin(), kWords.end(), t.form) != kWords.end();
}

bool listed_inside(const TokenView& t) {
  return (t.gaz & (gaz_inside_bit(kGazLoc) | gaz_inside_bit(kGazOrg) | gaz_inside_bit(kGazPer))) != 0;
}

// Cuts a mention that runs on past its name: at a day or month ("France Info samedi"), or at a particle
// that a lower-case word follows after a capitalised one ("ministère de la Justice de conduire").
void cut_run_on(const DocView& view, Mention& m) {
  for (uint32_t k = m.begin + 1; k < m.end; ++k) {
    const TokenView& t = view.tokens[k];
    if (is_time_word(t) && !listed_inside(t)) {
      m.end = k;
      return;
    }
    if (!(t.trigger & kTrigConnector) || t.shape == kCapital || view.tokens[k - 1].shape == kLower ||
        !(view.tokens[k - 1].flags & Token::kWord)) {
      continue;
    }
    uint32_t j = k;
    while (j < m.end && (view.tokens[j].trigger & kTrigConnector) && view.tokens[j].shape != kCapital) ++j;
    if (j < m.end && view.tokens[j].shape == kLower && !listed_inside(view.tokens[j])) {
      m.end = k;
      return;
    }
  }
}

// Where a person begins inside an organisation or place mention: a capitalised first name from the lists,
// followed by a capitalised word, after a lower-case word or the end of a listed name; else m.begin.
uint32_t person_inside(const DocView& view, const Mention& m) {
  if (m.type == Entity::Type::kPer) return m.begin;
  for (uint32_t k = m.begin + 1; k + 1 < m.end; ++k) {
    const TokenView& t = view.tokens[k];
    const TokenView& before = view.tokens[k - 1];
    if (!(t.gaz & gaz_begin_bit(kGazFirst)) || (t.gaz & (gaz_inside_bit(kGazLoc) | gaz_inside_bit(kGazOrg)))) continue;
    if (t.shape != kCapital && t.shape != kMixedCase) continue;
    const uint8_t next = view.tokens[k + 1].shape;
    if (next != kCapital && next != kMixedCase && next != kAllCaps) continue;
    if (before.shape == kLower || (before.gaz & (gaz_inside_bit(kGazOrg) | gaz_inside_bit(kGazLoc)))) return k;
  }
  return m.begin;
}

uint64_t sequence_of(const DocView& view, uint32_t b, uint32_t e) {
  uint64_t h = Gazetteer::kSeed;
  for (uint32_t t = b; t < e; ++t) h = Gazetteer::extend(h, view.tokens[t].form);
  return h;
}

}  // namespace

std::vector<Mention> find_mentions(const Doc& doc, DocView& view, const Model& model, const Gazetteer& gazetteer) {
  build_view(doc, gazetteer, view);
  std::vector<Mention> mentions;
  // Room for about as many mentions as capitalised words, which most of them start with: one allocation
  // rather than one per doubling.
  mentions.reserve(view.capitalised.size());
  thread_local std::vector<uint8_t> tags;
  for (const auto& [b, e] : view.sentences) {
    tag_sentence(model, view, b, e, tags);
    for (uint32_t i = b; i < e;) {
      // Most tags are O (zero): passed over eight at a time.
      while (i + 8 <= e && word_bytes::load(&tags[i - b]) == 0) i += 8;
      if (i == e) break;
      if (!is_begin(tags[i - b])) {
        ++i;
        continue;
      }
      Mention m;
      m.begin = i;
      m.type = tag_type(tags[i - b]);
      ++i;
      while (i < e && is_inside(tags[i - b])) ++i;
      m.end = i;
      while (m.begin < m.end && is_start_junk(view.tokens[m.begin])) ++m.begin;
      cut_run_on(view, m);
      while (m.end > m.begin && is_end_junk(view.tokens[m.end - 1])) --m.end;
      if (m.end <= m.begin) continue;
      // "George W. Bush": an initial and its full stop do not end a person's name.
      if (!mentions.empty()) {
        Mention& prev = mentions.back();
        if (prev.end + 1 == m.begin && prev.end > prev.begin && view.tokens[prev.end].joiner &&
            view.tokens[prev.end].initial == '.' && view.tokens[prev.end - 1].shape == kSingleCap &&
            prev.type == Entity::Type::kPer) {
          prev.end = m.end;
          continue;
        }
      }
      // "Conseil scientifique Jean-François Delfraissy": a first name in capitals after the name of an
      // organisation or place begins a person.
      const uint32_t split = person_inside(view, m);
      if (split > m.begin) {
        mentions.push_back(Mention{m.begin, split, m.type});
        m.begin = split;
        m.type = Entity::Type::kPer;
      }
      // "Global Witness", "Line Press": a name ending in an organisation word is an organisation.
      if (m.type == Entity::Type::kPer && m.end - m.begin >= 2 && is_org_word(view.tokens[m.end - 1])) {
        m.type = Entity::Type::kOrg;
      }
      if (m.type == Entity::Type::kPer && has_place_particle(view, m)) m.type = Entity::Type::kLoc;
      mentions.push_back(m);
    }
  }
  if (mentions.empty()) return mentions;

  // An acronym ("BelTA", "TASS") that a list gives as an organisation, or that follows "agence",
  // "groupe"..., is one: the tagger reads short capitalised words after "selon" as people.
  for (Mention& m : mentions) {
    const TokenView& t = view.tokens[m.begin];
    if (m.end != m.begin + 1 || (t.shape != kAllCaps && t.shape != kMixedCase)) continue;
    const bool listed_org = (t.gaz & gaz_begin_bit(kGazOrg)) && !(t.gaz & gaz_begin_bit(kGazPer)) &&
                            !(t.gaz & gaz_begin_bit(kGazLoc));
    const bool after_org = m.begin > 0 && (view.tokens[m.begin - 1].trigger & kTrigOrg) != 0;
    if (listed_org || (after_org && !(t.gaz & gaz_begin_bit(kGazLoc)))) m.type = Entity::Type::kOrg;
  }

  // One type per name in the article: the majority of its mentions (the first on a tie). Mentions are
  // grouped by their sequence hash in a sorted list (a few dozen per article), each group in text order.
  thread_local std::vector<std::pair<uint64_t, uint32_t>> by_name;  // (sequence, mention index)
  by_name.clear();
  for (size_t k = 0; k < mentions.size(); ++k) {
    by_name.emplace_back(sequence_of(view, mentions[k].begin, mentions[k].end), static_cast<uint32_t>(k));
  }
  std::sort(by_name.begin(), by_name.end());
  for (size_t g = 0; g < by_name.size();) {
    size_t h = g;
    std::array<int, 4> count{};
    for (; h < by_name.size() && by_name[h].first == by_name[g].first; ++h) {
      count[static_cast<size_t>(mentions[by_name[h].second].type)] += 1;
    }
    int best = static_cast<int>(mentions[by_name[g].second].type);
    for (int t = 0; t < 4; ++t) {
      if (count[static_cast<size_t>(t)] > count[static_cast<size_t>(best)]) best = t;
    }
    for (; g < h; ++g) mentions[by_name[g].second].type = static_cast<Entity::Type>(best);
  }

  // Other occurrences of a found name, capitalised as it was, that the tagger left out
  // (a name at the start of a sentence, most often).
  thread_local std::vector<uint8_t> covered;
  covered.assign(view.tokens.size(), 0);
  for (const Mention& m : mentions) std::fill(covered.begin() + m.begin, covered.begin() + m.end, 1);
  // The capitalised names: (first form, length) and their whole sequences, each with the type of the first
  // mention in text order, in sorted lists.
  struct Name {
    uint64_t form;
    uint32_t length, order;
    Entity::Type type;
  };
  thread_local std::vector<Name> names;
  thread_local std::vector<std::pair<uint64_t, uint32_t>> sequences;  // (sequence, mention index)
  names.clear();
  sequences.clear();
  for (const auto& [sequence, k] : by_name) {
    const Mention& m = mentions[k];
    if (!(view.tokens[m.begin].flags & Token::kCapitalized)) continue;
    sequences.emplace_back(sequence, k);  // sorted, as by_name is
    names.push_back(Name{view.tokens[m.begin].form, m.end - m.begin, k, m.type});
  }
  std::sort(names.begin(), names.end(), [](const Name& x, const Name& y) {
    return std::tie(x.form, x.length, x.order) < std::tie(y.form, y.length, y.order);
  });
  names.erase(std::unique(names.begin(), names.end(),
                          [](const Name& x, const Name& y) { return x.form == y.form && x.length == y.length; }),
              names.end());
  auto type_of_sequence = [&](uint64_t sequence) -> const Entity::Type* {
    const auto it = std::lower_bound(sequences.begin(), sequences.end(), std::make_pair(sequence, uint32_t{0}));
    return it != sequences.end() && it->first == sequence ? &mentions[it->second].type : nullptr;
  };
  thread_local std::vector<Mention> added;
  added.clear();
  // Only a capitalised token may start such an occurrence: the view lists those in order, and the sentence
  // of each is found by walking on through the sentences.
  size_t sentence = 0;
  for (const uint32_t i : view.capitalised) {
    if (covered[i]) continue;
    while (view.sentences[sentence].second <= i) ++sentence;
    const uint32_t e = view.sentences[sentence].second;
    // The longest found name starting here.
    uint32_t best_len = 0;
    Entity::Type type = Entity::Type::kMisc;
    const uint64_t form = view.tokens[i].form;
    for (auto it = std::lower_bound(names.begin(), names.end(), form,
                                    [](const Name& n, uint64_t f) { return n.form < f; });
         it != names.end() && it->form == form; ++it) {
      const uint32_t len = it->length;
      if (i + len > e || len <= best_len) continue;
      bool free = true;
      for (uint32_t k = i; k < i + len; ++k) free &= covered[k] == 0;
      if (!free) continue;
      const Entity::Type* found = type_of_sequence(sequence_of(view, i, i + len));
      if (!found) continue;
      // Not inside a longer capitalised run ("Paris" in "Paris Saint-Germain").
      if (i + len < e && (view.tokens[i + len].shape == kCapital || view.tokens[i + len].shape == kAllCaps)) continue;
      best_len = len;
      type = *found;
    }
    if (best_len == 0) continue;
    added.push_back(Mention{i, i + best_len, type});
    std::fill(covered.begin() + i, covered.begin() + i + best_len, 1);
  }
  if (!added.empty()) {
    mentions.insert(mentions.end(), added.begin(), added.end());
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }
  return mentions;
}

std::vector<Entity> recognise(const Doc& doc, const Model& model, const Gazetteer& gazetteer) {
  thread_local DocView view;
  const std::vector<Mention> mentions = find_mentions(doc, view, model, gazetteer);
  std::vector<std::string> names = canonical_names(doc, view, gazetteer, mentions);
  std::vector<Entity> out;
  out.reserve(mentions.size());
  for (size_t m = 0; m < mentions.size(); ++m) {
    const Token& first = doc.tokens[mentions[m].begin];
    const Token& last = doc.tokens[mentions[m].end - 1];
    Entity e;
    e.span = Span{first.span.field, first.span.begin, last.span.end};
    e.type = mentions[m].type;
    e.canonical = std::move(names[m]);
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

// Where the holder of a credit line is: after its marker ("Crédit photo :", "©"), or the whole line.
std::pair<size_t, size_t> credit_holder(std::string_view line) {
  size_t from = 0;
  for (std::string_view marker : {std::string_view(":"), std::string_view("\xC2\xA9")}) {
    if (const size_t at = line.rfind(marker); at != std::string_view::npos) from = std::max(from, at + marker.size());
  }
  size_t to = line.size();
  if (to > from && line[to - 1] == ')') --to;
  return {from, to};
}

// Not a name: "DR" (droits réservés) and other words that stand where a holder would.
bool is_rights_notice(std::string_view part) {
  std::string f;
  fold_word(part, f);
  return f == "dr" || f == "d.r." || f == "droits reserves" || f == "tous droits reserves" || f == "x";
}

}  // namespace

void prepare_for_tagging(Doc& doc) {
  thread_local const std::unique_ptr<Component> segmenter = make_segmenter();
  thread_local const std::unique_ptr<Component> lexical = make_lexical();
  segmenter->process(doc);
  lexical->process(doc);
}

std::vector<Entity> recognise_credits(const Doc& doc, const Model& model, const Gazetteer& gazetteer) {
  const std::string& credits = doc.field(Field::kCredits);
  if (credits.empty()) return {};
  // Prepared for the tagger as if they were a text.
  Doc scratch;
  scratch.lang = doc.lang;
  scratch.field(Field::kText) = credits;
  prepare_for_tagging(scratch);
  const std::vector<Entity> tagged = recognise(scratch, model, gazetteer);
  // A credit's holder is a name by construction ("Agence X / Prénom Nom"), which the tagger, trained on
  // running text, often misses: each part of a holder is the tagger's mention when it found one there,
  // else an organisation (a picture agency, a studio) or a person (a photographer), as the holder writes it.
  std::vector<Entity> out;
  for (size_t b = 0; b < credits.size();) {
    size_t e = credits.find('\n', b);
    if (e == std::string::npos) e = credits.size();
    const auto [hb, he] = credit_holder(std::string_view(credits).substr(b, e - b));
    for (size_t p = b + hb; p < b + he;) {
      size_t q = credits.find_first_of("/,;", p);
      if (q == std::string::npos || q > b + he) q = b + he;
      size_t pb = p, pe = q;
      while (pb < pe && (credits[pb] == ' ' || credits[pb] == '\t')) ++pb;
      while (pe > pb && (credits[pe - 1] == ' ' || credits[pe - 1] == '\t')) --pe;
      p = q + 1;
      if (pb == pe || is_rights_notice(std::string_view(credits).substr(pb, pe - pb))) continue;
      bool found = false;
      for (const Entity& t : tagged) {
        if (t.span.begin < pe && t.span.end > pb) {
          if (out.empty() || !(out.back().span == t.span)) out.push_back(t);  // once, if it spans two parts
          found = true;
        }
      }
      // A holder that starts with a letter in upper case or a digit ("East2West", "20 Minutes").
      const auto first = static_cast<unsigned char>(credits[pb]);
      if (found || (first < 0x80 && !(first >= 'A' && first <= 'Z') && !(first >= '0' && first <= '9'))) continue;
      // ... or a photographer, when it is words alone that open with a listed first name ("Prénom Nom",
      // not "Jacob & Co.").
      const std::string_view part = std::string_view(credits).substr(pb, pe - pb);
      const auto word = std::partition_point(scratch.tokens.begin(), scratch.tokens.end(),
                                             [&](const Token& t) { return t.span.begin < pb; });
      const bool person = part.find(' ') != std::string_view::npos &&
                          part.find_first_of("&.+@0123456789") == std::string_view::npos && word != scratch.tokens.end() &&
                          word->span.begin == pb && word->form != 0 && gazetteer.first_name(word->form);
      Entity holder;
      holder.span = Span{Field::kText, static_cast<uint32_t>(pb), static_cast<uint32_t>(pe)};
      holder.type = person ? Entity::Type::kPer : Entity::Type::kOrg;
      holder.canonical = normalise_name(part, person);
      out.push_back(std::move(holder));
    }
    b = e + 1;
  }
  for (Entity& x : out) x.span.field = Field::kCredits;
  return out;
}

}  // namespace recoupe::ner
