// Direct quotations and their speakers. Marks are paired per field
// (quote_scanner.h); each quotation then looks for its cue, nearest first:
// a speech verb just after it (", a-t-il déclaré", ", souligne FO"), a
// source preposition (", selon X"), a speech verb or colon before it in its
// sentence ("X a estimé que « … »", "X : « … »"). The mention found is a
// pronoun, a name or a noun phrase; SpeakerNames turns it into a canonical
// name. A quotation with no cue of its own continues the running speaker
// (an incise's second half, the next paragraph of a long quotation).
// Short quoted words with no speaker are names or scare quotes, not speech.
#include <algorithm>
#include <array>

#include "analyze/components.h"
#include "analyze/entities/features.h"
#include "analyze/entities/roles.h"
#include "analyze/folded_tokens.h"
#include "analyze/quote_scanner.h"
#include "analyze/speaker_names.h"
#include "analyze/speech_cues.h"
#include "common/folding.h"

namespace recoupe {
namespace {

// A quotation with no cue of its own is taken as speech from this many words on.
constexpr uint32_t kMinUncuedWords = 6;
// Paragraphs after an attributed quotation within which an uncued one keeps its speaker.
constexpr uint32_t kRunningParagraphs = 1;
// Sentences searched back for a pronoun's antecedent.
constexpr uint32_t kAntecedentSentences = 6;
// Tokens searched after a quotation for the reporting clause that ends its sentence.
constexpr uint32_t kMaxClauseTokens = 40;
// Tokens between a speech verb and the quotation it introduces, for a verb with no subject found.
constexpr uint32_t kMaxVerbDistance = 12;
// Per-token storage kept by a thread between documents holds at most this many tokens' answers.
constexpr size_t kMaxKeptTokens = size_t{1} << 16;
// The bit of QuoteFinder::in_list's per-token answers that says they were looked up (CueClass uses 0-13).
constexpr uint16_t kClassesKnown = uint16_t{1} << 15;
// A stopword this long (folded bytes) is a content word for grouping quotations ("laisser", "pourrait").
constexpr size_t kMinContentStopwordBytes = 6;

// An infinitive's ending, on the word as written ("annoncer", "agir", "dire").
bool infinitive(std::string_view w) {
  return w.size() > 2 && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"));
}

// A word as a template argument (QuoteFinder::is<"de">), so that its hash is computed once.
template <size_t N>
struct FixedWord {
  constexpr FixedWord(const char (&w)[N]) { std::copy_n(w, N, text); }  // implicit: is<"de"> converts the literal
  constexpr std::string_view view() const { return std::string_view(text, N - 1); }
  char text[N];
};

class QuoteFinder {
 public:
  explicit QuoteFinder(Doc& doc) : doc_(doc) {
    marked_.clear();
    mark_tokens_.clear();
  }
  ~QuoteFinder() {
    // One huge record does not keep its memory for the thread's lifetime.
    if (verb_.capacity() > kMaxKeptTokens) scratch() = Scratch{};
  }
  QuoteFinder(const QuoteFinder&) = delete;
  QuoteFinder& operator=(const QuoteFinder&) = delete;

  void run() {
    for (Field f : kAllFields) {
      const std::string& text = doc_.field(f);
      if (text.empty()) continue;
      std::vector<MarkedQuote>& found = scratch().found;
      found.clear();
      scan_quote_marks(text, found);
      for (const MarkedQuote& mq : found) marked_.push_back({f, mq});
    }
    if (marked_.empty()) return;
    // Where each field's tokens begin (tokens are in field order), for token_at.
    for (size_t f = 0; f < field_tokens_.size(); ++f) {
      field_tokens_[f] = static_cast<uint32_t>(doc_.token_at(static_cast<Field>(f), 0));
    }
    folded_.emplace(doc_);
    names_.folded = &*folded_;
    verb_.assign(doc_.tokens.size(), 0);
    classes_.assign(doc_.tokens.size(), 0);
    in_quote_.assign(doc_.tokens.size(), 0);
    mark_tokens_.reserve(marked_.size());
    for (const auto& [f, mq] : marked_) {  // marks come in order: each search starts from the last answer
      const uint32_t from = mark_tokens_.empty() ? 0 : mark_tokens_.back().after;
      MarkTokens& mt = mark_tokens_.emplace_back();
      mt.open = token_at(f, mq.open, from);
      mt.begin = token_at(f, mq.begin, mt.open);
      mt.end = token_at(f, mq.end, mt.begin);
      mt.after = token_at(f, mq.after, mt.end);
    }
    split_at_incises();
    for (const MarkTokens& mt : mark_tokens_) {
      for (uint32_t t = mt.begin; t < mt.end; ++t) in_quote_[t] = true;
    }
    for (size_t i = 0; i < marked_.size(); ++i) consider(i);
    forward_fill();
  }

 private:
  struct Candidate {
    Quote quote;
    uint32_t paragraph = 0;
    bool closed = true;
    bool own_cue = false;
    bool starts_paragraph = false;
  };

  // A reporting clause inside the marks ("Nous tiendrons, a expliqué le maire. Rien ne …") is the
  // writer's, not the speaker's: the quotation is two, before and after it (the second may be empty).
  void split_at_incises() {
    for (size_t i = 0; i < marked_.size(); ++i) {
      const MarkTokens mt = mark_tokens_[i];
      for (uint32_t k = mt.begin + 1; k + 1 < mt.end; ++k) {
        // The verb right after the comma, or after its auxiliary: ", a expliqué X", ", dit-il", ", a-t-il dit".
        if (!raw_is(k, ',') || raw(k + 1) == "à") continue;
        const uint32_t v = in_list(k + 1, kCueAuxiliary) && k + 2 < mt.end && !raw_is(k + 2, '-') ? k + 2 : k + 1;
        if (!(verb(v) || (v == k + 1 && in_list(v, kCueAuxiliary)))) continue;
        auto incise = cue_after(k);
        if (!incise || !incise->mention || !incise->cue || incise->cue->begin != doc_.tokens[k + 1].span.begin ||
            incise->mention_token >= mt.end) {
          continue;
        }
        const uint32_t subject = token_at(incise->mention->field, incise->mention->begin);
        if (!incise->pronoun && !names_->mention_at(incise->mention_token) &&
            !role_word(head_of(subject, incise->mention_token))) {
          continue;
        }
        // The clause ends at a comma right after an inverted pronoun (", a-t-il dit, nous …"), else at its
        // sentence's end.
        uint32_t rest = std::max(incise->mention_token + 1, token_at(incise->cue->field, incise->cue->end));
        if (!(incise->pronoun && rest < mt.end && raw_is(rest, ','))) {
          while (rest < mt.end && !sentence_end(rest)) ++rest;
        }
        ++rest;
        auto& [field, mq] = marked_[i];
        MarkedQuote second = mq;
        mq.end = doc_.tokens[k - 1].span.end;
        mq.after = doc_.tokens[k].span.begin;
        mq.closed = true;
        mark_tokens_[i].end = mark_tokens_[i].after = k;
        if (rest < mt.end) {
          second.open = second.begin = doc_.tokens[rest].span.begin;
          marked_.insert(marked_.begin() + static_cast<std::ptrdiff_t>(i) + 1, {field, second});
          mark_tokens_.insert(mark_tokens_.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                              MarkTokens{rest, rest, mt.end, mt.after});
        }
        break;  // the second part is looked at as the next quotation
      }
    }
  }

  // A view, so that comparing it with a literal checks the length first (std::string == "…" does not).
  std::string_view fold_of(uint32_t t) { return folded_->of(t); }
  // True when token `t` is a speech verb (cached: the same words are looked at from several quotes).
  bool verb(uint32_t t) {
    uint8_t& v = verb_[t];
    if (v == 0) {
      // The lexical component's folded-form hash, when it ran, spares folding every word looked at.
      const uint64_t form = doc_.tokens[t].form;
      const bool speech = form != 0 ? is_speech_verb_form(form) : is_speech_verb(fold_of(t));
      // "c'est-à-dire" explains; it reports no speech (asked of the few speech verbs only).
      v = (speech || multiword_cue(t)) && !(t >= 2 && raw_is(t - 1, '-') && raw(t - 2) == "à") ? 2 : 1;
    }
    return v == 2;
  }
  // The last word of a speech verb in several words: "mis en garde", "a fait savoir", "fait valoir".
  bool multiword_cue(uint32_t t) {
    if (t < 2) return false;
    static const uint64_t kLastWords[] = {ner::form_hash("garde"), ner::form_hash("savoir"), ner::form_hash("valoir")};
    const uint64_t form = doc_.tokens[t].form;
    if (form != 0 && std::find(std::begin(kLastWords), std::end(kLastWords), form) == std::end(kLastWords)) return false;
    const std::string_view f = fold_of(t);
    if (f == "garde") return is<"en">(t - 1) && fold_of(t - 2).starts_with("m");  // mis, met, mettant
    if (f == "savoir" || f == "valoir") return fold_of(t - 1).starts_with("fai") || is<"fera">(t - 1);
    return false;
  }
  // True when token `t` folds to the word W, told by the lexical component's hash of its folded form
  // when it set one (Token::form): most tokens compared with a word are never folded.
  template <FixedWord W>
  bool is(uint32_t t) {
    static const uint64_t form = ner::form_hash(W.view());
    const uint64_t f = doc_.tokens[t].form;
    return f != 0 ? f == form : fold_of(t) == W.view();
  }
  // True when token `t` is in one of the word lists `lists` (speech_cues.h's CueClass bits). The
  // answer is kept per token: the same words around a quotation are asked about from several cues.
  bool in_list(uint32_t t, uint16_t lists) {
    uint16_t& c = classes_[t];
    if (c == 0) {
      const uint64_t form = doc_.tokens[t].form;  // the lexical component's hash of the folded word
      c = cue_classes(form != 0 ? form : ner::form_hash(fold_of(t))) | kClassesKnown;
    }
    return (c & lists) != 0;
  }
  std::string_view raw(uint32_t t) const { return doc_.text(doc_.tokens[t].span); }
  // raw(t) == c for one ASCII character, without building the view and comparing it.
  bool raw_is(uint32_t t, char c) const {
    const Span& s = doc_.tokens[t].span;
    return s.size() == 1 && doc_.field(s.field)[s.begin] == c;
  }
  bool is_word(uint32_t t) const { return doc_.tokens[t].has(Token::kWord); }
  size_t token_count() const { return doc_.tokens.size(); }

  // First token of field `f` starting at or after byte `offset` (as Doc::token_at, searched within the
  // field). Given a token `from` known to be close (the marks of a quotation, and the next quotation,
  // are), searched from there in steps that double, where a binary search over the rest of the field
  // misses the cache at every step.
  uint32_t token_at(Field f, uint32_t offset, uint32_t from = 0) const {
    const auto field = static_cast<size_t>(f);
    const uint32_t first = field_tokens_[field], last = field_tokens_[field + 1];
    uint32_t t = std::max(from, first);
    // From `t` only when every token of the field before it starts before `offset`.
    if (t > last || (t > first && doc_.tokens[t - 1].span.begin >= offset)) t = first;
    uint32_t end = last;
    if (t > first) {
      // Every token before `t` starts before `offset`; the answer is within t..t+step.
      uint32_t step = 1;
      while (t + step <= last && doc_.tokens[t + step - 1].span.begin < offset) {
        t += step;
        step *= 2;
      }
      end = std::min(last, t + step);
    }
    return static_cast<uint32_t>(std::partition_point(doc_.tokens.begin() + t, doc_.tokens.begin() + end,
                                                      [&](const Token& k) { return k.span.begin < offset; }) -
                                 doc_.tokens.begin());
  }
  // True when a line break separates tokens a <= b, or they are in different fields.
  bool broken(uint32_t a, uint32_t b) const {
    if (a >= b) return false;
    const Span& x = doc_.tokens[a].span;
    const Span& y = doc_.tokens[b].span;
    if (x.field != y.field) return true;
    const std::string_view gap = std::string_view(doc_.field(x.field)).substr(x.end, y.begin - x.end);
    if (gap.size() <= 1) return !gap.empty() && gap[0] == '\n';  // most often: a space or nothing, no call
    return gap.find('\n') != std::string_view::npos;
  }
  bool sentence_end(uint32_t t) const {
    const std::string_view r = raw(t);  // most tokens are words: told apart by their first byte, not compared
    if (r.size() == 1) return r[0] == '.' || r[0] == '!' || r[0] == '?' || r[0] == ';';
    return r == "…";
  }
  bool is_mark(uint32_t t) const {
    const std::string_view r = raw(t);
    if (r.empty()) return false;
    switch (static_cast<unsigned char>(r[0])) {  // the lead byte first: most tokens are words
      case '"': return r.size() == 1;
      case 0xC2: return r == "«" || r == "»";
      case 0xE2: return r == "“" || r == "”" || r == "„";
      default: return false;
    }
  }
  Span span_of(uint32_t a, uint32_t b) const {  // tokens a..b inclusive
    return Span{doc_.tokens[a].span.field, doc_.tokens[a].span.begin, doc_.tokens[b].span.end};
  }

  // True when the word at token `t` is a role noun, hyphenated ones included ("ex-candidat", "vice-président").
  bool role_word(uint32_t t) {
    if (in_list(t, kCuePersonRole) || plural_role(t)) return true;
    return t + 2 < token_count() && raw_is(t + 1, '-') && in_list(t + 2, kCuePersonRole);
  }

  // True when the word at token `t` is a role noun in the plural ("avocats", "conseillers").
  bool plural_role(uint32_t t) {
    return in_list(t, kCuePluralRole);
  }

  // A noun phrase starting at token `t` (a name, or a determiner and what follows); returns its last token.
  std::optional<uint32_t> noun_phrase_at(uint32_t t, uint32_t limit) {
    if (t >= limit || !is_word(t)) return std::nullopt;
    if (const auto* m = names_->mention_at(t); m && m->first == t) return m->last;
    if (in_list(t, kCueHonorific)) {  // "M. Olive", "Me Verrier"
      const uint32_t n = t + 1 < limit && raw_is(t + 1, '.') ? t + 2 : t + 1;
      if (n < limit && names_->mention_at(n)) return names_->mention_at(n)->last;
    }
    if (!in_list(t, kCueDeterminer)) return std::nullopt;
    uint32_t j = t + 1;
    if (j < limit && is<"'">(j)) ++j;
    if (j >= limit || !is_word(j) || broken(t, j)) return std::nullopt;
    if (doc_.tokens[j].has(Token::kStop) && !doc_.tokens[j].has(Token::kCapitalized) && !in_list(j, kCuePersonRole)) {
      return std::nullopt;  // "ce que", "le sien": no noun
    }
    if (verb(j) && !in_list(j, kCuePersonRole)) return std::nullopt;
    uint32_t last = j;
    if (const auto* m = names_->mention_at(j); m && m->first == j) last = m->last;
    // Modifiers: adjectives, hyphenated words, names, "de" complements.
    for (uint32_t k = last + 1; k < limit && k < t + 10 && !broken(last, k);) {
      if (raw_is(k, '-') && k + 1 < limit && is_word(k + 1)) {
        last = k + 1;
        k += 2;
        continue;
      }
      if (!is_word(k)) break;
      // "à l'AFP Julie Marnier": a name right after a name starts another phrase, except a person's
      // after a role's complement ("le ministre de l'Intérieur Paul X").
      if (const auto* m = names_->mention_at(k); m && m->first == k && names_->mention_at(last) &&
                                                  !(role_word(j) && names_->is_person(*m))) {
        break;
      }
      if (k + 2 < limit && raw_is(k + 1, '-') && is_word(k + 2) && !broken(k, k + 2)) {  // "sous-directrice"
        last = k + 2;
        k += 3;
        continue;
      }
      // "l'ex-candidate à la mairie", "le ministre aux Transports": a role's "à" complement.
      const bool role_complement = (raw(k) == "à" || is<"au">(k) || is<"aux">(k)) && role_word(j);
      if (is<"de">(k) || is<"du">(k) || is<"des">(k) || is<"d'">(k) || role_complement) {
        uint32_t n = k + 1;
        while (n < limit && (is<"la">(n) || is<"l'">(n))) ++n;
        if (n < limit && is_word(n) && !in_list(n, kCueNounPhraseStop) &&
            (!doc_.tokens[n].has(Token::kStop) || doc_.tokens[n].has(Token::kCapitalized))) {
          last = n;
          if (const auto* m = names_->mention_at(n); m && m->first == n) last = m->last;
          k = last + 1;
          continue;
        }
        break;
      }
      if (doc_.tokens[k].has(Token::kStop) || in_list(k, kCueNounPhraseStop | kCueAuxiliary) || verb(k)) break;
      last = k++;
    }
    return last;
  }

  // "son avocat, Me Samuel Estève": a name in apposition after a noun phrase ending at `end`; its last
  // token. Two names joined by "et" ("ses avocats, Anne X et Paul Y") end at the second.
  std::optional<uint32_t> apposition(uint32_t end) {
    const size_t n = token_count();
    if (end + 2 >= n || !raw_is(end + 1, ',') || broken(end, end + 2)) return end;
    const SpeakerNames::Mention* m = person_at(end + 2);
    if (!m) return end;
    const SpeakerNames::Mention* second =
        m->last + 2 < n && is<"et">(m->last + 1) ? person_at(m->last + 2) : nullptr;
    return second ? second->last : m->last;
  }

  // The person named from token `k`, over an honorific ("Me", "M."); null if none starts there.
  const SpeakerNames::Mention* person_at(uint32_t k) {
    const size_t n = token_count();
    if (k < n && in_list(k, kCueHonorific) && k + 1 < n) k += (raw_is(k + 1, '.')) ? 2 : 1;
    const auto* m = k < n ? names_->mention_at(k) : nullptr;
    return m && m->first == k && names_->is_person(*m) ? m : nullptr;
  }

  // The name run or noun phrase ending at token `t`; returns its first token.
  std::optional<uint32_t> noun_phrase_ending(uint32_t t, uint32_t floor) {
    if (!is_word(t)) return std::nullopt;
    // The outermost determiner whose phrase ends at `t` ("la directrice du TGV Atlantique",
    // "le chef de l'Etat biélorusse"), else the name run that ends there.
    std::optional<uint32_t> found;
    const auto* name = names_->mention_at(t);
    if (name && name->last != t) name = nullptr;
    for (uint32_t k = t + 1; k-- > floor && k + 12 > t;) {
      if (broken(k, t) || !(is_word(k) || raw_is(k, '-') || raw_is(k, '.'))) break;
      if (!in_list(k, kCueDeterminer)) continue;
      auto end = noun_phrase_at(k, t + 1);
      if (!end || *end != t) {
        if (found || !name || k + 1 < name->first) break;
        continue;
      }
      found = k;
      const uint32_t before = k > floor ? k - 1 : k;
      const bool linked = is<"de">(before) || is<"du">(before) || is<"des">(before) || is<"d'">(before) ||
                          ((is<"du">(k) || is<"des">(k)) && k > floor && is_word(k - 1)) ||
                          (k > floor + 1 && raw(k - 1) == "à" && in_list(k - 2, kCuePersonRole));
      if (k == floor || !linked) break;
    }
    if (!found && name) {
      uint32_t first = name->first;
      if (first > floor && in_list(first - 1, kCueHonorific)) --first;
      return first;
    }
    return found;
  }

  // True when "qui" and a speech verb come shortly before the mark at `mark` ("qui a dénoncé une
  // audience « … »").
  bool in_relative_clause(uint32_t mark, uint32_t floor) {
    for (uint32_t k = mark; k-- > floor && k + 8 > mark;) {
      if (sentence_end(k) || raw_is(k, ',') || in_quote_[k] || is_mark(k) || broken(k, k + 1)) return false;
      if (!is<"qui">(k) || k + 1 >= mark) continue;
      uint32_t v = k + 1;
      while (v + 1 < mark && in_list(v, kCueAuxiliary | kCueAdverb)) ++v;
      return verb(v);
    }
    return false;
  }

  // True when the speech verb at `v` follows a form of être, over adverbs: a passive participle ("est
  // souvent accusé", "était poursuivi"); "s'est exprimé" is reflexive, not passive.
  bool passive(uint32_t v, uint32_t floor) {
    uint32_t k = v;
    while (k > floor && in_list(k - 1, kCueAdverb) && !is<"ne">(k - 1) && !is<"n'">(k - 1)) --k;
    if (k == floor) return false;
    const uint32_t b = k - 1;
    if (!(is<"est">(b) || is<"sont">(b) || is<"etait">(b) || is<"etaient">(b) || is<"ete">(b) || is<"etre">(b) ||
          is<"sera">(b) || is<"seront">(b) || is<"serait">(b))) {
      return false;
    }
    return !(k >= floor + 2 && (is<"s'">(k - 2) || is<"se">(k - 2)));
  }

  // "a", "est", "avait", "déclare": a verb that can end a clause's subject ("à" is a preposition).
  bool finite_verb(uint32_t t) {
    if (is<"de">(t) || is<"d'">(t) || is<"se">(t) || is<"s'">(t) || raw(t) == "à" || raw(t) == "À") return false;
    return in_list(t, kCueAuxiliary) || (verb(t) && !fold_of(t).ends_with("ant"));
  }

  // The first token of the noun phrase first..last after its determiners ("la", "l'", "son").
  uint32_t head_of(uint32_t first, uint32_t last) {
    uint32_t head = first;
    while (head < last && (in_list(head, kCueDeterminer) || is<"'">(head))) ++head;
    return head;
  }

  // True when the noun phrase first..last can name a speaker: a name, or a role noun ("le ministre").
  bool names_like_speaker(uint32_t first, uint32_t last) {
    return names_->mention_at(last) || role_word(head_of(first, last));
  }

  // Inverted pronoun just after token `v`: "a-t-il", "estime-t-elle", "dit-il".
  std::optional<uint32_t> inverted_pronoun(uint32_t v, uint32_t limit) {
    uint32_t k = v + 1;
    if (k < limit && raw_is(k, '-')) ++k;
    else return std::nullopt;
    if (k + 1 < limit && is<"t">(k) && raw_is(k + 1, '-')) k += 2;
    if (k < limit && in_list(k, kCueSubjectPronoun)) return k;
    return std::nullopt;
  }

  struct Attribution {
    std::optional<Span> mention, cue;
    uint32_t mention_token = 0;  // last token of the mention
    bool pronoun = false;
    std::optional<uint32_t> participle;  // a present participle with no subject of its own
    bool far = false;  // the verb is far before the quotation
  };

  // After the closing mark: ", a-t-il déclaré", ", souligne la CGT", ", selon X".
  std::optional<Attribution> cue_after(uint32_t t) {
    const size_t n = token_count();
    if (t >= n || t == 0 || broken(t - 1, t)) return std::nullopt;
    while (t < n && (raw_is(t, ',') || raw_is(t, '-') || raw(t) == "–" || raw(t) == "—")) ++t;
    uint32_t start = t;
    for (uint32_t k = t; k < n && k < start + 7; ++k) {
      if (broken(start, k) || (!is_word(k) && !raw_is(k, '-')) || sentence_end(k)) break;
      if (k == start && in_list(k, kCueSourcePreposition)) {
        if (auto end = noun_phrase_at(k + 1, static_cast<uint32_t>(n))) {
          return Attribution{span_of(k + 1, *end), span_of(k, k), *end, false, std::nullopt, false};
        }
        if (k + 1 < n && in_list(k + 1, kCueStressedPronoun)) {  // ", selon elle"
          return Attribution{span_of(k + 1, k + 1), span_of(k, k), k + 1, true, std::nullopt, false};
        }
        return std::nullopt;
      }
      if (is<"d'">(k) && k + 1 < n && is<"apres">(k + 1) && k == start) {
        if (auto end = noun_phrase_at(k + 2, static_cast<uint32_t>(n))) {
          return Attribution{span_of(k + 2, *end), span_of(k, k + 1), *end, false, std::nullopt, false};
        }
        return std::nullopt;
      }
      if (!verb(k)) {
        if (in_list(k, kCueAdverb | kCueAuxiliary | kCueSubjectPronoun) || is<"t">(k) || raw_is(k, '-')) continue;
        if (k - start < 4 && !doc_.tokens[k].has(Token::kCapitalized)) continue;  // "a de son côté estimé"
        break;
      }
      // ", de critiquer les dirigeants": an infinitive complement continues the sentence; it reports nothing.
      if (k > start && infinitive(raw(k)) && (is<"de">(k - 1) || is<"d'">(k - 1) || raw(k - 1) == "à")) {
        return std::nullopt;
      }
      Attribution a;
      uint32_t cue_end = k;
      if (auto p = inverted_pronoun(k, static_cast<uint32_t>(n))) {
        a.mention = span_of(*p, *p);
        a.mention_token = *p;
        a.pronoun = true;
        cue_end = *p;
      } else {
        for (uint32_t j = start; j < k; ++j) {  // "a-t-il déclaré"
          if (in_list(j, kCueSubjectPronoun)) {
            a.mention = span_of(j, j);
            a.mention_token = j;
            a.pronoun = true;
          }
        }
        if (!a.mention) {
          // The subject after the verb, over adverbs, dates and a complement ("a déclaré au Parisien X",
          // "avait conclu début juin le Dr X").
          uint32_t s = k + 1;
          for (int skips = 0; s < n && skips < 6 && !broken(k, s) && (is_word(s) || raw_is(s, '-')); ++skips) {
            // "à l'AFP", "de son côté", "dans un communiqué": a complement, not the subject ("par X" is).
            if (is<"a">(s) || is<"au">(s) || is<"aux">(s) ||
                (in_list(s, kCuePreposition) && !is<"par">(s) && !in_list(s, kCueDeterminer))) {
              auto end = noun_phrase_at(s + 1, static_cast<uint32_t>(n));
              // "à la presse Julie X": the person named after the complement's noun is the subject.
              uint32_t person = 0;
              for (uint32_t w = s + 2; end && w <= *end && !person; ++w) {
                const auto* m = names_->mention_at(w);
                if (m && m->first == w && names_->is_person(*m) && !names_->mention_at(w - 1)) person = w;
              }
              if (person) {
                s = person;
                break;
              }
              s = end ? *end + 1 : s + 1;  // "au micro de BFMTV": a bare noun, skipped word by word
              continue;
            }
            // "au début du conseil municipal": "du" after a skipped noun opens its complement.
            if ((is<"du">(s) || is<"des">(s)) && s > k + 1 && !verb(s - 1)) {
              auto end = noun_phrase_at(s, static_cast<uint32_t>(n));
              s = end ? *end + 1 : s + 1;
              continue;
            }
            if (in_list(s, kCueDeterminer | kCueHonorific) || names_->mention_at(s)) break;
            if (is<"que">(s) || is<"qu'">(s) || is<"qui">(s) || is<"dont">(s) || is<"et">(s) || is<"mais">(s) ||
                is<"ou">(s) || is<"car">(s) || is<"si">(s) || in_list(s, kCueSubjectPronoun)) {
              break;
            }
            ++s;
          }
          if (s < n && !broken(k, s)) {
            if (auto end = noun_phrase_at(s, static_cast<uint32_t>(n))) {
              a.mention = span_of(s, *apposition(*end));
              a.mention_token = *apposition(*end);
            }
          }
        }
      }
      a.cue = span_of(start, cue_end);
      return a;
    }
    return std::nullopt;
  }

  // A reporting clause after a comma that closes the sentence of token `t` (", a précisé le maire.",
  // ", selon sa présidente.") or is an incise in it (", ajoute le maire, …"), over later quotations.
  std::optional<Attribution> reporting_clause_after(uint32_t t) {
    const size_t n = token_count();
    for (uint32_t k = t; k < n && k < t + kMaxClauseTokens && !sentence_end(k); ++k) {
      if (k > t && broken(k - 1, k)) break;
      if (in_quote_[k] || !raw_is(k, ',') || k + 1 >= n || raw(k + 1) == "à") continue;
      if (!verb(k + 1) && !in_list(k + 1, kCueAuxiliary) && !is<"selon">(k + 1)) continue;
      auto later = cue_after(k + 1);
      if (!later || !later->mention || !later->cue) continue;
      // ", selon un rapport de la préfecture": a source that is a person or an organisation only.
      if (is<"selon">(k + 1) && !later->pronoun) {
        const uint32_t head =
            head_of(token_at(later->mention->field, later->mention->begin), later->mention_token);
        if (!names_->mention_at(head) && !role_word(head) && !in_list(head, kCueOrganisationNoun)) continue;
      }
      // The clause's last token: it must end the sentence.
      const uint32_t end_byte = std::max(later->cue->end, later->mention->end);
      uint32_t e = k + 1;
      while (e + 1 < n && !broken(e, e + 1) && doc_.tokens[e + 1].span.end <= end_byte) ++e;
      // At the sentence's end, or an incise between commas (", ajoute le procureur, mais …").
      if (e + 1 >= n || sentence_end(e + 1) || broken(e, e + 1) || raw_is(e + 1, ',')) return later;
    }
    return std::nullopt;
  }

  // The subject of the sentence holding the mark at `mark`: what comes just before its first verb
  // before `limit` ("Des battues …, X s'est démené … : « … »", "Il a aussi défendu … : « … »"), set
  // as `a`'s mention. The sentence may begin before an earlier quotation ("X a évoqué « … » le 30
  // janvier : « … »"). Returns the sentence's first token.
  uint32_t clause_subject(uint32_t mark, uint32_t limit, Attribution& a) {
    uint32_t start = mark;
    while (start > 0 && start + 60 > mark && !broken(start - 1, mark) && !sentence_end(start - 1)) --start;
    for (uint32_t k = start; k < limit; ++k) {
      if (in_quote_[k] || is_mark(k) || !finite_verb(k)) continue;
      uint32_t e = k;
      while (e > start && (in_list(e - 1, kCueAdverb) || is<"s'">(e - 1) || is<"se">(e - 1))) --e;
      if (e == start) break;
      --e;
      if (in_list(e, kCueSubjectPronoun)) {
        a.mention = span_of(e, e);
        a.mention_token = e;
        a.pronoun = true;
      } else if (auto first = noun_phrase_ending(e, start); first && !in_quote_[*first]) {
        a.mention = span_of(*first, e);
        a.mention_token = e;
      }
      break;
    }
    return start;
  }

  // Before the opening mark at token `mark`, within its sentence: a speech verb, a colon, "selon X".
  std::optional<Attribution> cue_before(uint32_t mark, uint32_t floor) {
    if (mark == 0) return std::nullopt;
    uint32_t begin = mark;
    while (begin > floor && !broken(begin - 1, mark) && !sentence_end(begin - 1) && begin + 40 > mark &&
           !in_quote_[begin - 1] && !is_mark(begin - 1)) {
      --begin;
    }
    if (begin == mark) return std::nullopt;
    const uint32_t colon = raw_is(mark - 1, ':') ? mark - 1 : mark;
    // The nearest speech verb before the mark.
    for (uint32_t v = colon; v-- > begin;) {
      if (in_list(v, kCueSourcePreposition) || (is<"apres">(v) && v > begin && is<"d'">(v - 1))) {
        const bool pour = is<"pour">(v);
        if (pour && !(v == begin || raw_is(v - 1, ','))) continue;
        const uint32_t c0 = is<"apres">(v) ? v - 1 : v;
        if (auto end = noun_phrase_at(v + 1, mark)) {
          return Attribution{span_of(v + 1, *end), span_of(c0, v), *end, false, std::nullopt, false};
        }
        if (v + 1 < mark && in_list(v + 1, kCueStressedPronoun)) {  // "selon lui, … « … »"
          return Attribution{span_of(v + 1, v + 1), span_of(c0, v), v + 1, true, std::nullopt, false};
        }
        // "Paul X, pour qui le projet est « … »": the relative pronoun's antecedent before the comma.
        if (pour && v > begin + 1 && v + 1 < mark && is<"qui">(v + 1)) {
          if (auto first = noun_phrase_ending(v - 2, begin); first && names_like_speaker(*first, v - 2)) {
            return Attribution{span_of(*first, v - 2), span_of(v, v + 1), v - 2, false, std::nullopt, false};
          }
        }
        continue;
      }
      if (!is_word(v) || !verb(v)) continue;
      const std::string_view f = fold_of(v);
      // An infinitive complement ("accusé X de vouloir « … »") is not the cue; its governing verb is.
      // The unfolded words tell "à dire" from "a déclaré" (both fold to "a" + "…re").
      const std::string_view word = raw(v), before = v > begin ? raw(v - 1) : std::string_view();
      if (v > begin && (is<"de">(v - 1) || is<"d'">(v - 1) || before == "à") && infinitive(word)) {
        continue;
      }
      // "était poursuivi pour « … »", "sont accusés de": a passive speech verb; its subject is not the speaker.
      if (passive(v, begin)) continue;
      Attribution a;
      uint32_t cue_begin = v, cue_end = v;
      if (auto p = inverted_pronoun(v, mark)) {
        a.mention = span_of(*p, *p);
        a.mention_token = *p;
        a.pronoun = true;
        cue_end = *p;
      } else if (colon < mark && v + 1 < colon && !is<"que">(v + 1) && !is<"qu'">(v + 1)) {
        if (auto end = noun_phrase_at(v + 1, mark); end && *end + 2 >= colon) {  // "estime FO :"
          a.mention = span_of(v + 1, *end);
          a.mention_token = *end;
        }
      }
      bool present_participle = f.ends_with("ant");
      if (!a.mention) {
        // The subject before the verb, over auxiliaries, negation, clitics and adverbs.
        uint32_t s = !multiword_cue(v) ? v : f == "garde" ? v - 2 : v - 1;  // from "mis en garde", "fait savoir"
        while (s > begin && (in_list(s - 1, kCueAuxiliary | kCueAdverb) || is<"t">(s - 1) ||
                             raw_is(s - 1, '-'))) {
          --s;
          if (in_list(s, kCueSubjectPronoun)) break;
        }
        cue_begin = s;
        present_participle = present_participle || fold_of(s).ends_with("ant");  // "mettant en garde"
        const bool participle = present_participle && s > begin && raw_is(s - 1, ',');
        if (!participle && (s > begin || (s == begin && in_list(s, kCueSubjectPronoun)))) {
          uint32_t subj = in_list(s, kCueSubjectPronoun) ? s : s - 1;
          if (subj == s) cue_begin = s + 1;
          if (in_list(subj, kCueSubjectPronoun)) {
            a.mention = span_of(subj, subj);
            a.mention_token = subj;
            a.pronoun = true;
          } else if (subj == begin && begin + 40 > mark && (is<"et">(subj) || is<"puis">(subj) || is<"mais">(subj))) {
            // "Et raconte avoir …": a verb whose subject is elided shares the one of the sentence before.
            a.participle = v;
          } else if (is<"pour">(subj) && subj + 1 == v && infinitive(raw(v))) {
            // "X a réuni la presse pour annoncer une plainte pour « négligence »": the infinitive's
            // subject is the clause's.
            a.participle = v;
          } else if (is<"qui">(subj) && subj > begin) {
            uint32_t e = subj - 1;
            if (raw_is(e, ',') && e > begin) --e;
            if (auto first = noun_phrase_ending(e, begin)) {
              a.mention = span_of(*first, e);
              a.mention_token = e;
            }
          } else {
            uint32_t e = subj;
            if (raw_is(e, ',') && e > begin) {  // "X, le ministre de Y, a déclaré"
              uint32_t c = e;
              while (c > begin && !raw_is(c - 1, ',')) --c;
              e = c > begin + 1 ? c - 2 : subj - 1;  // the word before the first comma
              // "Concerné par l'affaire, l'avocat X, a indiqué": a person named just before the comma is
              // the subject itself.
              const auto* inner = names_->mention_at(subj - 1);
              if (inner && inner->last == subj - 1 && names_->is_person(*inner)) e = subj - 1;
            }
            if (auto first = noun_phrase_ending(e, begin)) {
              a.mention = span_of(*first, e);
              a.mention_token = e;
            }
          }
        }
      }
      if (!a.mention && present_participle) a.participle = v;  // "…, qualifiant X de « … »"
      if (!a.mention && !a.participle && mark - v > kMaxVerbDistance) continue;
      a.far = mark - v > kMaxVerbDistance;
      a.cue = span_of(cue_begin, cue_end);
      return a;
    }
    // "X : « … »", "en ces termes : « … »"; not a script's 'key': 'value'.
    if (colon < mark && colon > begin && !raw_is(colon - 1, '\'')) {
      Attribution a;
      a.cue = span_of(colon, colon);
      // "Gilles Marot : « … »", "le ministre : « … »", not "avec une obsession : « … »".
      if (auto first = noun_phrase_ending(colon - 1, begin); first && names_like_speaker(*first, colon - 1)) {
        a.mention = span_of(*first, colon - 1);
        a.mention_token = colon - 1;
      }
      for (uint32_t k = begin; k < colon; ++k) {
        if (is<"termes">(k) || is<"propos">(k)) a.cue = span_of(k > begin ? k - 1 : k, colon - 1);
      }
      if (!a.mention) {
        // "De son côté, l'Elysée a tenté de déminer : « … »": the clause's subject, its first noun
        // phrase not governed by a preposition.
        const uint32_t start = clause_subject(mark, colon, a);
        for (uint32_t k = start; !a.mention && k < colon; ++k) {
          if (in_quote_[k] || is_mark(k)) continue;
          if (k > start && in_list(k - 1, kCuePreposition)) continue;
          if (auto end = noun_phrase_at(k, colon); end && *end + 1 < colon) {
            a.mention = span_of(k, *end);
            a.mention_token = *end;
            break;
          }
        }
      }
      if (a.mention || (a.cue && a.cue->size() > 1)) return a;
    }
    return std::nullopt;
  }

  // "Paul X : le projet est « … »": a name, then a colon, at the start of the title holding the mark
  // at `mark`.
  std::optional<Attribution> headline_speaker(uint32_t mark) {
    const uint32_t start = field_tokens_[static_cast<size_t>(Field::kTitle)];
    for (uint32_t colon = start + 1; colon < mark && colon < start + 8; ++colon) {
      if (!raw_is(colon, ':')) continue;
      // A person the entities component found, with a given name, named again below the title
      // ("Affaire X : « … »", "Burundi : « … »" name a topic, not a speaker).
      auto first = noun_phrase_ending(colon - 1, start);
      if (!first || *first != start || !doc_.entities || given_name_gender(fold_of(start)) == 0) return std::nullopt;
      const Span before_colon = span_of(start, colon - 1);
      const Entity* person = nullptr;
      for (const Entity& e : *doc_.entities) {
        if (e.type == Entity::Type::kPer && e.span.field == Field::kTitle && e.span.begin == before_colon.begin &&
            e.span.end == before_colon.end) {
          person = &e;
        }
      }
      if (!person || std::none_of(doc_.entities->begin(), doc_.entities->end(), [&](const Entity& e) {
            return e.span.field != Field::kTitle && e.type == Entity::Type::kPer && e.canonical == person->canonical;
          })) {
        return std::nullopt;
      }
      Attribution a;
      a.mention = span_of(start, colon - 1);
      a.mention_token = colon - 1;
      a.cue = span_of(colon, colon);
      return a;
    }
    return std::nullopt;
  }

  // The person a pronoun at token `p` stands for: the subject-like person named nearest before it.
  std::string resolve_pronoun(uint32_t p) {
    const uint32_t sentence = names_->sentence_of(p);
    const std::string_view word = fold_of(p);
    const int gender = word == "il" || word == "ils" || word == "lui" || word == "eux" ? 1
                       : word == "elle" || word == "elles"                               ? -1
                                                                                          : 0;
    const auto& ms = names_->mentions();
    auto it = std::lower_bound(ms.begin(), ms.end(), p, [](const SpeakerNames::Mention& m, uint32_t t) {
      return m.first < t;
    });
    // Walk back sentence by sentence; in each, the first person named (its subject, in French order).
    const SpeakerNames::Mention* pick = nullptr;
    uint32_t current = sentence + 1;
    for (auto k = it; k != ms.begin();) {
      --k;
      if (k->sentence + kAntecedentSentences < sentence) break;
      if (k->sentence != current) {
        if (pick) break;
        current = k->sentence;
      }
      if (in_quote_[k->first] || k->after_preposition || !names_->is_person(*k)) continue;
      if (names_->gender(*k) * gender < 0) continue;  // "elle" is not the man named before
      pick = &*k;  // keeps the earliest in this sentence
    }
    // A speaker quoted since that name was written is the likelier referent ("Selon le procureur, …
    // « … », détaille-t-il"), unless the pronoun's gender rules that speaker out.
    const bool running_fits = running_is_name_ && gender_of(running_speaker_) * gender >= 0;
    if (pick && !(running_token_ > pick->last && running_fits)) return names_->canonical(*pick);
    if (pick || running_fits) return running_speaker_;
    // Nobody named close by: the nearest subject further back whose given name or title says the
    // pronoun's gender ("la ministre, Nicole X, a annoncé … [eight sentences] … indique-t-elle").
    if (word == "il" || word == "elle") {
      for (auto k = it; k != ms.begin();) {
        --k;
        if (in_quote_[k->first] || k->after_preposition || !names_->is_person(*k)) continue;
        if (names_->gender(*k) == gender) return names_->canonical(*k);
      }
    }
    return running_speaker_;
  }

  // The gender the text gives the person of that canonical name, 0 when unknown or not a person.
  int gender_of(const std::string& canonical) const {
    for (const auto& m : names_->mentions()) {
      if (names_->is_person(m) && names_->canonical(m) == canonical) return names_->gender(m);
    }
    return 0;
  }

  // "le Républicain": an article and one capitalised word, the singular of an organisation named in the
  // plural ("Les Républicains"), is a member of it, a person.
  bool party_member(uint32_t first, uint32_t last) {
    const std::string_view det = fold_of(first);
    uint32_t word = first + 1;
    if (det != "le" && det != "la" && det != "l'") return false;
    if (word != last || !doc_.tokens[word].has(Token::kCapitalized)) return false;
    const std::string org = names_->canonical(span_of(word, word));
    if (org.empty() || names_->names_person(org)) return false;
    const std::string org_last = fold(std::string_view(org).substr(org.rfind(' ') + 1));
    const std::string_view w = fold_of(word);
    return org_last.size() == w.size() + 1 && org_last.starts_with(w) &&
           (org_last.back() == 's' || org_last.back() == 'x');
  }

  // The canonical speaker for a noun phrase mention: a name, a role named elsewhere, or the phrase itself.
  std::string resolve_phrase(const Span& mention, uint32_t first, uint32_t last) {
    // "les avocats, Anne X et Paul Y": both speak.
    const auto* second = names_->mention_at(last);
    if (second && second->first >= first + 4 && is<"et">(second->first - 1) && names_->is_person(*second)) {
      const auto* one = names_->mention_at(second->first - 2);
      if (one && one->first > first && raw_is(one->first - 1, ',') && names_->is_person(*one)) {
        return names_->canonical(*one) + " et " + names_->canonical(*second);
      }
    }
    // "le communiqué de la ministre", "une lettre d'Anne X": the text's author speaks.
    if (const uint32_t h = head_of(first, last);
        h + 2 <= last && in_list(h, kCueDocumentNoun) && (is<"de">(h + 1) || is<"d'">(h + 1))) {
      return resolve_phrase(span_of(h + 2, last), h + 2, last);
    }
    const bool member = party_member(first, last);
    if (std::string name = names_->canonical(mention); !name.empty() && !member) {
      // A name inside a "de" complement ("le tyran de Minsk") is not the speaker; a name in apposition
      // ("l'actuel chef du PNF, Jean-François Bohnert", "le président Emmanuel Macron") is.
      const auto* m = names_->mention_at(last);
      uint32_t before = m ? m->first : last;
      // Back over honorifics, articles and hyphenated pieces ("de l'OMS", "des Bouches-du-Rhône").
      while (before > first) {
        if (raw_is(before - 1, '-') && before >= first + 2) {
          before -= 2;  // the word before the hyphen belongs to the same compound
          continue;
        }
        const std::string_view p = fold_of(before - 1);
        if (!(in_list(before - 1, kCueHonorific) || p == "." || p == "l'" || p == "la" || p == "le" || p == "les")) {
          break;
        }
        --before;
      }
      const std::string_view b = before > first ? fold_of(before - 1) : fold_of(first);
      const bool complement =
          before > first && (b == "de" || b == "du" || b == "des" || b == "d'" || b == "au" || b == "aux" ||
                             raw(before - 1) == "à");
      if (!complement) return name;
    }
    const uint32_t head = head_of(first, last);
    const bool definite = head > first && !is<"un">(first) && !is<"une">(first);
    const std::string_view det = fold_of(first);
    const uint32_t sentence = names_->sentence_of(first);
    // "a insisté cette ancienne ministre", "a précisé ce dernier": a demonstrative points back at the
    // person just quoted.
    if ((det == "ce" || det == "cet" || det == "cette") && role_word(head) && running_is_name_ &&
        !running_speaker_.empty() && names_->sentence_of(running_token_) + kAntecedentSentences >= sentence) {
      return running_speaker_;
    }
    // "la compagnie", "le groupe": the organisation named last before.
    if (definite && in_list(head, kCueOrganisationNoun)) {
      const auto& ms = names_->mentions();
      for (auto k = std::lower_bound(ms.begin(), ms.end(), first,
                                     [](const SpeakerNames::Mention& m, uint32_t t) { return m.first < t; });
           k != ms.begin();) {
        --k;
        if (k->sentence + kAntecedentSentences < sentence) break;
        if (!in_quote_[k->first] && names_->is_organisation(*k)) return names_->canonical(*k);
      }
    }
    // "les avocats" after "ses avocats, Anne X et Paul Y" were quoted: all of them; never one person.
    if (plural_role(head)) {
      std::string earlier = definite ? earlier_role_speaker(head) : std::string();
      return !earlier.empty() ? earlier : std::string(doc_.text(mention));
    }
    // The entities component's reading of a role phrase ("le chef du Kremlin"), when it ran and names
    // a person of the article.
    if (definite && doc_.entities) {
      for (const Role& r : doc_.roles) {
        if (r.span.field == mention.field && r.span.begin < mention.end && mention.begin < r.span.end &&
            !r.canonical.empty() && names_->names_person(r.canonical)) {
          return r.canonical;
        }
      }
      if (std::string who = roles_.resolve(mention); !who.empty() && names_->names_person(who)) return who;
    }
    // "son avocat Me Laurent Bayon", "son médecin, Sean Conley": a role noun followed by a person's
    // name in apposition is that person.
    if (role_word(head)) {
      uint32_t k = last + 1;
      if (k < token_count() && raw_is(k, ',')) ++k;
      // "le secrétaire d'Etat aux Transports Paul X": over a short complement the phrase left out.
      if (k + 1 < token_count() && (raw(k) == "à" || raw(k) == "au" || raw(k) == "aux") &&
          doc_.tokens[k + 1].has(Token::kCapitalized)) {
        if (const auto* m = names_->mention_at(k + 1); m && !names_->is_person(*m)) {
          k = m->last + 1;
        } else if (!m) {
          k += 2;
        }
      }
      while (k < token_count() && k < last + 6 && (in_list(k, kCueHonorific) || raw_is(k, '.'))) ++k;
      if (k < token_count() && !broken(last, k)) {
        const auto* m = names_->mention_at(k);
        if (m && m->first == k && names_->is_person(*m)) return names_->canonical(*m);
      }
    }
    if ((role_word(head) || member) && definite) {
      // A role noun stands for the person it is written beside elsewhere ("son homologue biélorusse
      // Alexandre Loukachenko"), sharing a word of the phrase; otherwise for the running speaker.
      // The modifiers tell which one ("biélorusse"); the head alone only when there are none.
      std::vector<uint64_t> words;
      for (uint32_t k = head + 1; k <= last; ++k) {
        if (is_word(k) && !doc_.tokens[k].has(Token::kStop)) words.push_back(doc_.tokens[k].term);
      }
      if (words.empty()) words.push_back(doc_.tokens[head].term);
      // "son médecin" and "le Dr Paul X": the title says the role.
      const bool doctor = is<"medecin">(head);
      // "l'ancien procureur": a former holder is not whoever holds the role now; only "ancien" tells.
      for (uint32_t k = first; k <= last; ++k) {
        if (is<"ancien">(k) || is<"ancienne">(k)) words.assign(1, doc_.tokens[k].term);
      }
      for (const auto& m : names_->mentions()) {
        if (!names_->is_person(m) || in_quote_[m.first]) continue;
        for (uint32_t k = m.first; k-- > 0 && k + 4 > m.first;) {
          if (broken(k, m.first) || !is_word(k)) break;
          if (std::find(words.begin(), words.end(), doc_.tokens[k].term) != words.end() ||
              (doctor && (is<"dr">(k) || is<"docteur">(k)))) {
            return names_->canonical(m);
          }
        }
        // "Alexandre Loukachenko, le président biélorusse": after a comma only.
        if (m.last + 1 >= token_count() || !raw_is(m.last + 1, ',')) continue;
        for (uint32_t k = m.last + 2; k < token_count() && k < m.last + 6; ++k) {
          if (broken(m.last, k) || !is_word(k)) break;
          if (is_word(k) && std::find(words.begin(), words.end(), doc_.tokens[k].term) != words.end()) {
            return names_->canonical(m);
          }
        }
      }
      // Otherwise a definite role stands for the person the text is about: as a pronoun would.
      const std::string person = resolve_pronoun(first);
      if (!person.empty() && (running_is_name_ || person != running_speaker_)) {
        return person;
      }
      // "le procureur" after "le vice-procureur de Brest" was quoted: the role named in full before.
      if (std::string earlier = earlier_role_speaker(head); !earlier.empty()) return earlier;
    }
    return std::string(doc_.text(mention));
  }

  // The speaker of an earlier quotation whose mention holds the role word at token `head`, itself or
  // hyphenated ("le vice-procureur de Brest" for "le procureur", "ses avocats, Anne X et Paul Y" for
  // "les avocats"); empty if none.
  std::string earlier_role_speaker(uint32_t head) {
    const std::string_view role = fold_of(head);
    for (auto c = accepted_.rbegin(); c != accepted_.rend(); ++c) {
      const std::string& who = c->quote.speaker;
      if (who.empty() || !c->quote.speaker_mention) continue;
      const std::string folded = fold(doc_.text(*c->quote.speaker_mention));
      for (size_t at = folded.find(role); at != std::string::npos; at = folded.find(role, at + 1)) {
        const size_t end = at + role.size();
        if ((at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '-' || folded[at - 1] == '\'') &&
            (end == folded.size() || folded[end] == ' ')) {
          return who;
        }
      }
    }
    return {};
  }

  void consider(size_t i) {
    const auto& [field, mq] = marked_[i];
    const uint32_t open_tok = mark_tokens_[i].open;
    const uint32_t first = mark_tokens_[i].begin, end = mark_tokens_[i].end;
    uint32_t words = 0, function_words = 0;
    for (uint32_t t = first; t < end; ++t) {
      words += is_word(t);
      function_words += doc_.tokens[t].has(Token::kStop);
    }
    if (words == 0) return;
    const std::string_view body = std::string_view(doc_.field(field)).substr(mq.begin, mq.end - mq.begin);
    const bool starts_paragraph = mq.open == 0 || doc_.field(field)[mq.open - 1] == '\n';
    const bool whole_paragraph = starts_paragraph && (!mq.closed || mq.after == doc_.field(field).size() ||
                                                      doc_.field(field)[mq.after] == '\n');

    // Same field, and the previous quotation left open or close enough: a continuation.
    Candidate* prev = accepted_.empty() ? nullptr : &accepted_.back();
    if (prev && prev->quote.span.field != field) prev = nullptr;
    const bool continues_open = prev && !prev->closed && starts_paragraph && prev->paragraph + 1 == mq.paragraph;

    std::optional<Attribution> a;
    if (mq.closed) a = cue_after(mark_tokens_[i].after);
    uint32_t floor = 0;
    if (i > 0 && marked_[i - 1].first == field) floor = mark_tokens_[i - 1].after;
    // "X, qui a dénoncé une audience « … », a annoncé une réforme": the quotation is the relative clause's,
    // and the verb after it is the main clause's, whose object follows it.
    if (a && !a->pronoun && in_relative_clause(open_tok, floor)) {
      if (auto own = cue_before(open_tok, floor); own && own->mention) a = own;
    }
    if ((!a || (!a->mention && !a->participle)) && !continues_open) {
      // A verb after it with no subject of its own (", estimant que …") yields to a cue before it.
      auto before = cue_before(open_tok, floor);
      if (before && (!a || before->mention || before->participle)) a = before;
    }
    // An incise inside the marks: "« Le pays tiendra bon, a-t-il promis. Nous … »".
    for (uint32_t k = first + 1; (!a || !a->mention) && k + 1 < end; ++k) {
      if (!raw_is(k, ',') || !(verb(k + 1) || in_list(k + 1, kCueAuxiliary | kCueAdverb))) continue;
      auto inside = cue_after(k);
      if (inside && inside->mention && inside->mention_token < end && inside->cue &&
          inside->cue->begin == doc_.tokens[k + 1].span.begin &&
          (inside->pronoun || names_->mention_at(inside->mention_token))) {
        a = inside;
      }
    }
    // "« A », qui …, « B », indique-t-elle": the cue after the sentence's last quotation serves them all.
    for (size_t j = i + 1; (!a || !a->mention) && words >= 3 && j < marked_.size() && marked_[j].first == field; ++j) {
      const MarkedQuote& next = marked_[j].second;
      if (names_->sentence_of(mark_tokens_[j].open) != names_->sentence_of(open_tok) || !next.closed) break;
      const uint32_t gap_end = mark_tokens_[j].open;
      bool full_stop = false;  // "… d'adoption.- Titre -« … »": a stop the sentence splitter missed
      for (uint32_t t = mark_tokens_[j - 1].after; t < gap_end && !full_stop; ++t) {
        full_stop = raw_is(t, '.') || raw_is(t, '!') || raw_is(t, '?');
      }
      if (full_stop) break;
      if (auto later = cue_after(mark_tokens_[j].after); later && later->mention) a = later;
    }
    // A headline that opens with its speaker: "Paul X : le projet est « une erreur »".
    if ((!a || !a->mention) && field == Field::kTitle) {
      if (auto headline = headline_speaker(open_tok)) a = headline;
    }
    // A name or title: "l'opération « … »", "baptisé « … »".
    bool naming = false;
    for (uint32_t k = open_tok; k-- > 0 && k + 3 > open_tok;) {
      if (broken(k, open_tok) || !is_word(k)) break;
      // "Il dit « … »", "a dit « … »": the verb, not "dit" as in "so-called".
      const bool said = k > 0 && verb(k) && in_list(k - 1, kCueSubjectPronoun | kCueAuxiliary);
      if (in_list(k, kCueNamingNoun) && !said) naming = true;
      if (!in_list(k, kCueDeterminer) && !in_list(k, kCueNamingNoun)) break;
    }

    // "les « gilets jaunes »", "du « 20 sur 20 »": a few words after an article name a thing
    // ("il le « gardait »": after a subject, "le" is a pronoun and the words are speech).
    if (words <= 3 && open_tok > 0 && !broken(open_tok - 1, open_tok)) {
      const uint32_t d = open_tok - 1;
      const bool article = is<"le">(d) || is<"la">(d) || is<"les">(d) || is<"l'">(d) || is<"du">(d) || is<"des">(d) ||
                           is<"au">(d) || is<"aux">(d) || is<"liste">(d);
      const bool pronoun = open_tok > 1 && (in_list(open_tok - 2, kCueSubjectPronoun) || is<"ne">(open_tok - 2) ||
                                            is<"n'">(open_tok - 2));
      if (article && !pronoun) naming = true;
    }
    // "poursuivi pour « … »", "une plainte pour « … »": after "pour", a quoted phrase with no verb names
    // a charge or a motive; a cue of its own may still make it words said.
    if (open_tok > 0 && is<"pour">(open_tok - 1) && !broken(open_tok - 1, open_tok) &&
        (!a || (!a->mention && !a->participle))) {
      naming = true;
    }
    // "La crue était « contenue », après avoir inondé trois quartiers, a indiqué le maire.": a reporting
    // clause that ends the sentence takes the words quoted anywhere in it.
    if ((!a || !a->mention) && mq.closed && !naming) {
      if (auto later = reporting_clause_after(mark_tokens_[i].after)) a = later;
    }
    // "sa « colère » face au projet, la maire appelle à ce que « … »": a word or two with
    // no cue takes the speaker of the next quotation of its sentence.
    if ((!a || !a->mention) && !naming && words < 3 && mq.closed && i + 1 < marked_.size() &&
        marked_[i + 1].first == field && marked_[i + 1].second.closed) {
      const uint32_t next_open = mark_tokens_[i + 1].open;
      if (names_->sentence_of(next_open) == names_->sentence_of(open_tok)) {
        auto later = cue_before(next_open, mark_tokens_[i].after);
        if (!later || !later->mention) later = cue_after(mark_tokens_[i + 1].after);
        if (later && later->mention && !later->far) a = later;
      }
    }
    Candidate c;
    c.quote.span = Span{field, mq.begin, mq.end};
    c.paragraph = mq.paragraph;
    c.closed = mq.closed;
    c.starts_paragraph = starts_paragraph;
    const char last = body.back();
    const bool sentence_like = last == '.' || last == '?' || last == '!' || body.ends_with("…");
    if (a && a->mention) {
      c.own_cue = true;
      c.quote.cue = a->cue;
      c.quote.speaker_mention = a->mention;
      const Span& m = *a->mention;
      if (a->pronoun) {
        c.quote.speaker = resolve_pronoun(a->mention_token);
      } else {
        uint32_t mf = token_at(m.field, m.begin);
        c.quote.speaker = resolve_phrase(m, mf, a->mention_token);
      }
    } else if (a && a->participle) {
      // The participle's subject is its sentence's subject: the person named first before it.
      c.quote.cue = a->cue;
      c.quote.speaker = resolve_pronoun(*a->participle);
      c.own_cue = !c.quote.speaker.empty();
    } else if (a) {
      c.quote.cue = a->cue;
    }
    // "il est membre du conseil et « compte y rester »": a word or two with no cue in a
    // clause whose subject is a named person are that person's words.
    // Not after a preposition or a determiner: "poursuivi pour « … »", "accusé de « … »" name a charge,
    // "cette « coutume »" holds the word at a distance; neither reports words said.
    if (!c.own_cue && !naming && words <= 3 && mq.closed && !(a && a->far) && open_tok > 0 &&
        !after_preposition_or_determiner(open_tok)) {
      Attribution subject;
      clause_subject(open_tok, open_tok, subject);
      // Only a pronoun, a person's name or a role noun can turn out to be a person.
      if (subject.mention) {
        const uint32_t subject_first = token_at(field, subject.mention->begin);
        const uint32_t head = head_of(subject_first, subject.mention_token);
        const auto* named = names_->mention_at(head);
        if (subject.pronoun || (named && names_->is_person(*named)) || role_word(head)) {
          std::string who = subject.pronoun ? resolve_pronoun(subject.mention_token)
                                            : resolve_phrase(*subject.mention, subject_first, subject.mention_token);
          if (names_->names_person(who)) {
            c.quote.speaker = std::move(who);
            c.quote.speaker_mention = subject.mention;
            c.own_cue = true;
          }
        }
      }
    }
    // "X a appelé à « recoudre » le tissu « déchiré »": a later quotation in the sentence of one whose
    // speech verb came before it is under the same verb.
    if (!c.own_cue && !naming && prev && prev->own_cue && prev->quote.cue &&
        prev->quote.cue->end <= prev->quote.span.begin && !prev->quote.speaker.empty() &&
        names_->sentence_of(token_at(field, prev->quote.span.begin)) == names_->sentence_of(open_tok)) {
      c.quote.speaker = prev->quote.speaker;
      c.quote.cue = prev->quote.cue;
      c.own_cue = true;
    }
    const bool cued = c.own_cue || (a && a->cue);
    bool accept;
    if (!c.own_cue && words >= 3 && function_words == 0) {
      accept = false;  // no French function word: another language (a stock bio), not a quote
    } else if (naming && !(c.own_cue && mq.closed && a && a->cue && a->cue->begin > mq.open)) {
      accept = words >= kMinUncuedWords && sentence_like;
    } else if (c.own_cue) {
      accept = !(a && a->far && words <= 3);  // a verb far before a word or two: a scare quote
    } else if (continues_open || whole_paragraph) {
      accept = words >= 2 || cued;
    } else if (coordinated(i)) {
      accept = true;  // "« violation de la vie privée » et « abus d'autorité »": as the one before
    } else {
      // No speaker of its own: speech when long or a full sentence; a short one is a name or a scare quote.
      const bool capital_name = doc_.tokens[first].has(Token::kCapitalized) && !sentence_like;
      accept = words >= kMinUncuedWords + (capital_name ? 2 : 0) || (sentence_like && words >= 3) ||
               (cued && words >= 3);
    }
    if (!accept) return;
    if (c.quote.speaker.empty() && prev && !prev->quote.speaker.empty() &&
        (continues_open || mq.paragraph <= prev->paragraph + kRunningParagraphs)) {
      c.quote.speaker = prev->quote.speaker;
    }
    c.quote.passage = static_cast<uint32_t>(accepted_.size());
    if (prev && (continues_open || (prev->paragraph == mq.paragraph && !c.own_cue)) &&
        c.quote.speaker == prev->quote.speaker) {
      c.quote.passage = prev->quote.passage;
    }
    // Content words for the link stage. The stopword list also holds verbs that carry what a
    // quotation says ("laisser", "devrait"); only its short grammatical words are left out.
    // Built in a reused vector, then copied at their exact size: a batch's quotations stay in memory
    // until the link stage.
    thread_local std::vector<uint64_t> terms;
    terms.clear();
    for (uint32_t t = first; t < end; ++t) {
      const Token& k = doc_.tokens[t];
      if (!k.has(Token::kWord) || k.has(Token::kNumber) || !k.term) continue;
      if (k.has(Token::kStop) && folded_->size_of(t) < kMinContentStopwordBytes) continue;
      terms.push_back(k.term);
    }
    std::sort(terms.begin(), terms.end());
    c.quote.terms.assign(terms.begin(), std::unique(terms.begin(), terms.end()));
    // A word or two ("la « taupe »") is too weak a sign of who is speaking next.
    if (!c.quote.speaker.empty() && c.own_cue && words > 2) {
      running_speaker_ = c.quote.speaker;
      running_is_name_ = c.quote.speaker_mention && doc_.text(*c.quote.speaker_mention) != c.quote.speaker;
      for (const auto& m : names_->mentions()) {
        if (running_is_name_) break;
        running_is_name_ = names_->canonical(m) == c.quote.speaker;
      }
      running_token_ = c.quote.speaker_mention ? token_at(field, c.quote.speaker_mention->begin) : open_tok;
    }
    accepted_.push_back(std::move(c));
  }

  // True when the word before the mark at token `mark` > 0, an elided one with its apostrophe ("d'« … »"),
  // is a preposition other than "à" or a determiner.
  bool after_preposition_or_determiner(uint32_t mark) {
    std::string before(fold_of(mark - 1));
    if (before == "'" && mark > 1) before = std::string(fold_of(mark - 2)) + "'";
    return (is_preposition_word(before) && raw(mark - 1) != "à") || is_determiner(before);
  }

  // True when quotation `i` is joined by "et", "ou" or a comma alone to the quotation before it, and that
  // one was kept with a speaker.
  bool coordinated(size_t i) {
    if (i == 0 || accepted_.empty() || marked_[i - 1].first != marked_[i].first) return false;
    const Field f = marked_[i].first;
    const Candidate& prev = accepted_.back();
    if (prev.quote.span.field != f || prev.quote.span.begin != marked_[i - 1].second.begin ||
        prev.quote.speaker.empty()) {
      return false;
    }
    const uint32_t a = mark_tokens_[i - 1].after, b = mark_tokens_[i].open;
    return b == a + 1 && (is<"et">(a) || is<"ou">(a) || raw_is(a, ','));
  }

  // A quotation before any speaker (a heading, a lead) takes the speaker of the next attributed one close by;
  // one that opens its field (a title, a heading) the person the article names most, when there is one.
  void forward_fill() {
    for (size_t i = accepted_.size(); i-- > 0;) {
      Candidate& c = accepted_[i];
      if (!c.quote.speaker.empty()) continue;
      if (marked_quote_opens_field(c)) {
        if (std::string main = main_person(); !main.empty()) {
          c.quote.speaker = std::move(main);
          continue;
        }
      }
      if (i + 1 >= accepted_.size()) continue;
      const Candidate& n = accepted_[i + 1];
      if (n.quote.span.field == c.quote.span.field && n.paragraph <= c.paragraph + 2) c.quote.speaker = n.quote.speaker;
    }
    doc_.quotes.reserve(accepted_.size());
    for (Candidate& c : accepted_) doc_.quotes.push_back(std::move(c.quote));
  }

  // True when nothing but a quotation mark and spaces comes before the quotation in its field.
  bool marked_quote_opens_field(const Candidate& c) const {
    const std::string_view before = std::string_view(doc_.field(c.quote.span.field)).substr(0, c.quote.span.begin);
    return before.size() <= 8 && std::none_of(before.begin(), before.end(), [](char b) {
             return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
           });
  }

  // The person named most often in the article, when named at least twice and more than anyone else;
  // only names that start with a given name count (the tagger takes some places and brands for people).
  std::string main_person() {
    std::vector<std::pair<const std::string*, uint32_t>> counts;
    for (const auto& m : names_->mentions()) {
      if (!names_->is_person(m)) continue;
      const std::string& name = names_->canonical(m);
      if (given_name_gender(fold(std::string_view(name).substr(0, name.find(' ')))) == 0) continue;
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return *c.first == name; });
      if (it == counts.end()) counts.emplace_back(&name, 1);
      else ++it->second;
    }
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (counts.empty() || counts[0].second < 2 || (counts.size() > 1 && counts[1].second == counts[0].second)) {
      return {};
    }
    return *counts[0].first;
  }

  // The article's names, indexed the first time a quotation asks about one (`names_->`): an
  // article whose quotations are all settled by their words alone (one in twenty) never indexes them.
  struct LazyNames {
    const Doc& doc;
    FoldedTokens* folded = nullptr;
    std::optional<SpeakerNames> built;
    SpeakerNames* operator->() {
      if (!built) build();  // the build out of line, so that this test is inlined where names are asked
      return &*built;
    }
    [[gnu::noinline]] void build() { built.emplace(doc, *folded); }
  };

  Doc& doc_;
  std::array<uint32_t, kFieldCount + 2> field_tokens_{};  // first token of each field, and the end
  std::optional<FoldedTokens> folded_;  // for a document with quotation marks
  mutable LazyNames names_{doc_, nullptr, std::nullopt};  // mutable: const gender_of() asks too
  ner::RoleResolver roles_{doc_};
  // The tokens at each quotation's marks: its opening mark, first and end tokens inside, and the first after.
  struct MarkTokens {
    uint32_t open, begin, end, after;
  };
  // Per-document working arrays, in storage the thread keeps from one document to the next (allocating,
  // zeroing and freeing them for each document cost as much as the quotations' own work); see ~QuoteFinder.
  struct Scratch {
    std::vector<uint8_t> verb;
    std::vector<uint16_t> classes;
    std::vector<uint8_t> in_quote;
    std::vector<MarkedQuote> found;
    std::vector<std::pair<Field, MarkedQuote>> marked;
    std::vector<MarkTokens> mark_tokens;
  };
  static Scratch& scratch() {
    thread_local Scratch s;
    return s;
  }
  std::vector<uint8_t>& verb_ = scratch().verb;  // 0 not looked up yet, 1 no, 2 a speech verb
  std::vector<uint16_t>& classes_ = scratch().classes;  // in_list's bits; 0 not looked up yet
  std::vector<uint8_t>& in_quote_ = scratch().in_quote;
  std::vector<std::pair<Field, MarkedQuote>>& marked_ = scratch().marked;
  std::vector<MarkTokens>& mark_tokens_ = scratch().mark_tokens;
  std::vector<Candidate> accepted_;
  std::string running_speaker_;
  uint32_t running_token_ = 0;  // where the running speaker was last named
  bool running_is_name_ = false;  // the running speaker is a name, not a role phrase as written
};

class Quotes final : public Component {
 public:
  std::string name() const override { return "quotes"; }
  std::vector<std::string> requires_() const override { return {"doc.sentences", "doc.tokens", "token.term"}; }
  std::vector<std::string> assigns() const override { return {"doc.quotes"}; }
  void process(Doc& doc) const override { QuoteFinder(doc).run(); }
};

}  // namespace

std::unique_ptr<Component> make_quotes() { return std::make_unique<Quotes>(); }

}  // namespace recoupe
