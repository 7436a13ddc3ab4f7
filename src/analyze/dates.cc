// The dates component: French temporal expressions with TIMEX3 types and values.
//
// 1. Match: each sentence's tokens go through the date matcher (date_matcher.h), which says what each
//    expression means; the tense of its clause is noted for the expressions that need one.
// 2. Date the article: when `published` is coarser than a day (or absent), an expression that ties a
//    deictic to a full date ("hier lundi 26 septembre 2022") gives the day it was written (2022-09-27);
//    everything relative is then resolved against that day.
// 3. Resolve, in text order (date_resolver.h): "hier", "la semaine dernière" against the publication; "la
//    veille", "à 10 h", "dans la nuit" against the last day mentioned. A clock time takes its day from a
//    date in the same sentence, before it or else after it ("Vers 0 h 40, jeudi"), else from the last day
//    mentioned, else from the publication.
// 4. The event date: the first expression naming one day, in title, abstract then text, that falls within
//    two weeks before (or the day after) the publication; without a publication date, the first one.
//
// Convention for a bare weekday ("mardi"): in the future tense (futur simple, "va"/"doit" + infinitive,
// "prévu") it is the next Tuesday, otherwise the last one; in both cases the publication day itself counts
// ("a annoncé mardi" in Tuesday's paper is that day). See tense_at() in date_matcher.h.
#include <algorithm>

#include "analyze/components.h"
#include "analyze/date_lexicon.h"
#include "analyze/date_matcher.h"
#include "analyze/date_resolver.h"

namespace recoupe {
namespace {

using dates::Anchor;
using dates::DateMatch;
using dates::DateToken;
using dates::Direction;
using dates::Tense;

struct Pending {
  Field field;
  uint32_t begin, end;  // bytes
  uint32_t sentence;    // index in doc.sentences
  uint32_t sentence_tokens_begin, sentence_tokens_end;  // the sentence in doc.tokens
  uint32_t token;       // the expression's first token in doc.tokens
  DateMatch match;
  dates::Resolved resolved;
};

struct Scratch {
  std::vector<DateToken> tokens;
  std::vector<DateMatch> matches;
  std::vector<Pending> pending;
  std::vector<std::pair<uint32_t, uint32_t>> windows;
};

// Whether the tense can change the value: a bare weekday, "ce week-end", or which year a day or month
// without one is in (the tense breaks near-ties there).
bool needs_tense(const dates::TimexSpec& s) {
  if (!s.literal.empty() || s.year) return false;
  if (s.relative) return s.grain == dates::Grain::kWeekend && s.direction == Direction::kByTense;
  return s.anchor != Anchor::kNone && (s.direction == Direction::kByTense || s.direction == Direction::kNearest) &&
         (s.month || s.day || s.weekday || s.holiday);
}

// Finds the expressions of the doc's tokens, sentence by sentence, in the windows around the tokens that
// may belong to one. The segmenter writes tokens and sentences field by field in the same order, each field
// in text order, so a sentence's tokens are found by galloping on from the last sentence's (Doc::token_at
// with a hint): date_windows() is then the only pass that reads every token.
void match_sentences(const Doc& doc, Scratch& sc) {
  size_t cursor = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Span& s = doc.sentences[si];
    const Field f = s.field;
    const size_t tb = doc.token_at(f, s.begin, cursor), t = doc.token_at(f, s.end, tb);
    cursor = t;
    if (t == tb) continue;
    const Token* const sentence = doc.tokens.data() + tb;
    const std::string& text = doc.field(f);
    sc.windows.clear();
    dates::date_windows(text, sentence, t - tb, sc.windows);
    for (const auto& [wb, we] : sc.windows) {
      sc.tokens.clear();
      dates::make_date_tokens(text, sentence + wb, we - wb, sc.tokens);
      const auto& toks = sc.tokens;
      sc.matches.clear();
      dates::match_dates(text, toks, 0, toks.size(), sc.matches);
      for (DateMatch& m : sc.matches) {
        Pending p;
        p.field = f;
        size_t first = m.first;
        // an elided article glued to the expression reads as one word with it: "d'été", "qu'hier"
        if (first > 0 && !toks[first].space_before && toks[first - 1].kind == DateToken::Kind::kWord) {
          const std::string_view prev(text.data() + toks[first - 1].begin, toks[first - 1].end - toks[first - 1].begin);
          if (!prev.empty() &&
              (prev.back() == '\'' || (prev.size() >= 3 && prev.substr(prev.size() - 3) == "\xE2\x80\x99")))
            --first;
        }
        p.begin = toks[first].begin;
        p.end = toks[m.last - 1].end;
        p.sentence = si;
        p.sentence_tokens_begin = static_cast<uint32_t>(tb);
        p.sentence_tokens_end = static_cast<uint32_t>(t);
        p.token = static_cast<uint32_t>(tb + wb + toks[m.first].source);
        p.match = std::move(m);
        sc.pending.push_back(std::move(p));
      }
    }
  }
}

bool names_a_day(const std::string& v) {
  return v.size() >= 10 && v[4] == '-' && v[7] == '-' && v[0] >= '0' && v[0] <= '9' && v[8] >= '0' && v[8] <= '9';
}

class Dates final : public Component {
 public:
  std::string name() const override { return "dates"; }
  std::vector<std::string> requires_() const override {
    return {"doc.sentences", "doc.tokens", "token.term", "token.stop"};
  }
  std::vector<std::string> assigns() const override { return {"doc.dates", "doc.event_date"}; }

  void process(Doc& doc) const override {
    thread_local Scratch sc;
    sc.pending.clear();
    doc.dates.clear();
    doc.event_date.clear();
    doc.written_date.clear();

    // 1. match
    match_sentences(doc, sc);
    if (sc.pending.empty()) return;

    // 2. the publication as a range of days, narrowed by what the text says of its own day
    dates::ResolveContext ctx;
    int64_t first = 0, last = 0;
    const bool published = dates::publication_range(doc.published_text, first, last);
    if (published) {
      ctx.publication_first = first;
      ctx.publication_last = last;
    }
    if (!published || first != last) {
      for (const Pending& p : sc.pending) {
        const auto& s = p.match.spec;
        if (!p.match.has_deictic || !s.year || !s.month || !s.day) continue;
        if (s.day > dates::days_in_month(s.year, s.month)) continue;
        const int64_t written = dates::days_of(s.year, s.month, s.day) - p.match.deictic_offset;
        if (published && (written < first || written > last)) continue;
        ctx.publication_first = ctx.publication_last = written;
        doc.written_date = dates::format_day(written);
        break;
      }
    }

    // 3. resolve in text order; the reference is the last day mentioned in the field
    std::optional<int64_t> reference;
    for (size_t i = 0; i < sc.pending.size();) {
      const Field f = sc.pending[i].field;
      const uint32_t sentence = sc.pending[i].sentence;
      if (i > 0 && sc.pending[i - 1].field != f) reference.reset();
      size_t j = i;
      while (j < sc.pending.size() && sc.pending[j].field == f && sc.pending[j].sentence == sentence) ++j;
      const std::optional<int64_t> before = reference;
      std::optional<dates::TenseReader> tense;  // read only when the tense changes a value
      auto resolve = [&](Pending& p) {
        ctx.tense = Tense::kPresent;
        if (!needs_tense(p.match.spec)) return dates::resolve(p.match.spec, ctx);
        ctx.tense = Tense::kPast;
        dates::Resolved past = dates::resolve(p.match.spec, ctx);
        ctx.tense = Tense::kFuture;
        dates::Resolved future = dates::resolve(p.match.spec, ctx);
        if (past.value == future.value) return past;  // then the present agrees too
        if (!tense) {
          tense.emplace(doc.field(f), doc.tokens.data() + p.sentence_tokens_begin,
                        p.sentence_tokens_end - p.sentence_tokens_begin);
        }
        switch (tense->at(p.token - p.sentence_tokens_begin)) {
          case Tense::kFuture: return future;
          case Tense::kPast: return past;
          default: ctx.tense = Tense::kPresent; return dates::resolve(p.match.spec, ctx);
        }
      };
      for (size_t k = i; k < j; ++k) {  // everything but clock times alone
        Pending& p = sc.pending[k];
        if (p.match.clock_only) continue;
        ctx.reference = reference;
        p.resolved = resolve(p);
        if (p.resolved.day) reference = p.resolved.day;
      }
      for (size_t k = i; k < j; ++k) {  // clock times: the day of a date in the sentence, else the reference
        Pending& p = sc.pending[k];
        if (!p.match.clock_only) continue;
        std::optional<int64_t> day;
        for (size_t b = k; b-- > i && !day;)
          if (!sc.pending[b].match.clock_only) day = sc.pending[b].resolved.day;
        for (size_t a = k + 1; a < j && !day; ++a)
          if (!sc.pending[a].match.clock_only) day = sc.pending[a].resolved.day;
        ctx.reference = day ? day : before;
        p.resolved = resolve(p);
      }
      i = j;
    }

    // 4. the mentions, and the event date
    doc.dates.reserve(sc.pending.size());
    for (const Pending& p : sc.pending) {
      DateMention m;
      m.span = Span{p.field, p.begin, p.end};
      m.type = p.match.spec.type;
      m.value = p.resolved.value;
      doc.dates.push_back(std::move(m));
    }
    const bool dated = ctx.publication_first.has_value();
    for (const Pending& p : sc.pending) {
      if (p.match.spec.type != TimexType::kDate && p.match.spec.type != TimexType::kTime) continue;
      if (!p.resolved.day || !names_a_day(p.resolved.value)) continue;
      if (dated && (*p.resolved.day < *ctx.publication_first - 14 || *p.resolved.day > *ctx.publication_last + 1))
        continue;
      doc.event_date = dates::format_day(*p.resolved.day);
      break;
    }
  }
};

}  // namespace

std::unique_ptr<Component> make_dates() { return std::make_unique<Dates>(); }

}  // namespace recoupe
