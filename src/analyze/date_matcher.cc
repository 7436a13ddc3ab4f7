#include "analyze/date_matcher.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>

namespace recoupe::dates {
namespace {

using K = DateToken::Kind;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------- tokens

// Digits in at most three groups joined by one kind of separator ("15.06.2020", "30,4", "5.000").
void parse_number(std::string_view s, DateToken& t) {
  int g = 0, nd = 0;
  int32_t v = 0;
  t.groups = 0;
  for (char c : s) {
    if (is_digit(c)) {
      if (nd >= 9) return;
      v = v * 10 + (c - '0');
      ++nd;
      continue;
    }
    if ((c != '.' && c != ',') || g >= 2 || nd == 0 || (t.sep && t.sep != c)) return;
    t.num[g] = v;
    t.ndigits[g] = static_cast<uint8_t>(nd);
    ++g;
    t.sep = c;
    v = 0;
    nd = 0;
  }
  if (nd == 0) return;
  t.num[g] = v;
  t.ndigits[g] = static_cast<uint8_t>(nd);
  t.groups = static_cast<uint8_t>(g + 1);
}

// "10h30", "10h", "1er", "2e", "3ème": digits then a few letters.
bool parse_digit_word(std::string_view s, DateToken& t) {
  size_t i = 0;
  int v = 0;
  while (i < s.size() && i < 4 && is_digit(s[i])) v = v * 10 + (s[i++] - '0');
  if (i == 0 || i == s.size()) return false;
  std::string_view rest = s.substr(i);
  if ((rest[0] == 'h' || rest[0] == 'H') && i <= 2 && v <= 24) {
    rest.remove_prefix(1);
    int m = -1;
    if (rest.size() == 2 && is_digit(rest[0]) && is_digit(rest[1])) {
      m = (rest[0] - '0') * 10 + (rest[1] - '0');
      if (m > 59) return false;
    } else if (!rest.empty()) {
      return false;
    }
    t.kind = K::kClock;
    t.num[0] = v;
    t.num[1] = m;
    return true;
  }
  static constexpr std::string_view kOrdinalSuffixes[] = {"er", "re", "ère", "ere", "e", "eme", "ème", "è",
                                                          "nd", "nde", "ER", "RE", "E", "EME", "ÈME"};
  for (std::string_view suf : kOrdinalSuffixes) {
    if (rest == suf) {
      t.kind = K::kOrdinalNumber;
      t.num[0] = v;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- values

std::string number_text(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

// TIMEX3 duration of n units ("P2D", "PT30M"; "PXY" when vague).
std::string duration_value(double n, bool vague, Unit u) {
  const bool clock = u == kHour || u == kMinute || u == kSecond;
  char letter = 'D';
  double mult = 1;
  switch (u) {
    case kSecond: letter = 'S'; break;
    case kMinute: letter = 'M'; break;
    case kHour: letter = 'H'; break;
    case kDay: letter = 'D'; break;
    case kWeek: letter = 'W'; break;
    case kFortnight: letter = 'W'; mult = 2; break;
    case kMonthUnit: letter = 'M'; break;
    case kQuarter: letter = 'M'; mult = 3; break;
    case kSemester: letter = 'M'; mult = 6; break;
    case kYear: letter = 'Y'; break;
    case kDecade:
      if (vague) return "PXDE";
      letter = 'Y';
      mult = 10;
      break;
    case kCentury:
      if (vague) return "PXCE";
      letter = 'Y';
      mult = 100;
      break;
  }
  const std::string prefix = clock ? "PT" : "P";
  if (vague) return prefix + "X" + letter;
  const double v = n * mult;
  // A fraction of a year or an hour reads better in months or minutes ("un an et demi": P18M).
  if (std::fabs(v - std::round(v)) > 1e-9) {
    if (letter == 'Y' && std::fabs(v * 12 - std::round(v * 12)) < 1e-9) return "P" + number_text(v * 12) + "M";
    if (letter == 'H' && std::fabs(v * 60 - std::round(v * 60)) < 1e-9) {
      const long long minutes = std::llround(v * 60);
      if (minutes < 60) return "PT" + std::to_string(minutes) + "M";
      return "PT" + std::to_string(minutes / 60) + "H" + std::to_string(minutes % 60) + "M";
    }
  }
  return prefix + number_text(v) + letter;
}

TimexSpec literal(TimexType type, std::string value) {
  TimexSpec s;
  s.type = type;
  s.literal = std::move(value);
  return s;
}

// ---------------------------------------------------------------- matcher

// What a family found at one token: the mentions (coordinated ones give two) and how far they reach.
struct Found {
  size_t last = 0;
  DateMatch m[2];
  int n = 0;
  DateMatch& add(size_t first, size_t end, TimexSpec spec) {
    DateMatch& d = m[n++];
    d = DateMatch{};
    d.first = static_cast<uint32_t>(first);
    d.last = static_cast<uint32_t>(end);
    d.spec = std::move(spec);
    if (end > last) last = end;
    return d;
  }
};

struct Qty {
  size_t end = 0;
  double value = 0;
  bool vague = false;   // "quelques", "plusieurs", "des"
  bool digits = false;  // written with digits
};

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<DateToken>& t, size_t b, size_t e)
      : text_(text), t_(t), b_(b), e_(e) {}

  void run(std::vector<DateMatch>& out) {
    Found found[2];  // the best match so far and the family being tried; swapped by index, not by copy
    int best = 0;
    for (size_t i = b_; i < e_;) {
      if (!may_start(i)) {
        ++i;
        continue;
      }
      // Order breaks ties between matches of the same length.
      static constexpr Family kFamilies[] = {
          &Matcher::day_date,  &Matcher::deictic,   &Matcher::month_expr,  &Matcher::year_expr,
          &Matcher::relative_period, &Matcher::season_expr, &Matcher::ago_or_in, &Matcher::clock_expr,
          &Matcher::duration,  &Matcher::set_expr,  &Matcher::part_of_day, &Matcher::holiday,
          &Matcher::ref_adverb,
      };
      found[best].n = 0;
      found[best].last = 0;
      for (uint16_t mask = families_at(i); mask != 0; mask &= static_cast<uint16_t>(mask - 1)) {
        Found& cur = found[1 - best];
        cur.n = 0;
        cur.last = 0;
        const Family family = kFamilies[__builtin_ctz(mask)];
        if ((this->*family)(i, cur) && cur.n > 0 && cur.last > found[best].last) best = 1 - best;
      }
      Found& b = found[best];
      if (b.n == 0) {
        ++i;
        continue;
      }
      for (int k = 0; k < b.n; ++k) out.push_back(std::move(b.m[k]));
      i = b.last;
    }
  }

 private:
  using Family = bool (Matcher::*)(size_t, Found&) const;

  // Whether an expression may start at i: a number, a word that names time, or a function word ("le", "à",
  // "il") followed closely by one. Most tokens of a text fail here, before any family runs.
  bool may_start(size_t i) const {
    const DateToken& x = t_[i];
    if (x.kind == K::kPunct || (x.kind == K::kWord && !x.lex)) return false;
    if (x.temporal) return x.lex == nullptr || (!x.lex->is(Cat::kRelative) && !x.lex->is(Cat::kHourMark));
    if (!(x.lex->flags & kStarter)) return false;
    for (size_t k = i + 1; k < e_ && k <= i + 4; ++k)
      if (t_[k].temporal) return true;
    return false;
  }

  // The families that can start at token i (bits in kFamilies order), from what the token is.
  enum : uint16_t {
    FDayDate = 1 << 0, FDeictic = 1 << 1, FMonth = 1 << 2, FYear = 1 << 3, FRelativePeriod = 1 << 4,
    FSeason = 1 << 5, FAgo = 1 << 6, FClock = 1 << 7, FDuration = 1 << 8, FSet = 1 << 9, FPartOfDay = 1 << 10,
    FHoliday = 1 << 11, FRefAdverb = 1 << 12,
  };
  uint16_t families_at(size_t i) const {
    const DateToken& x = t_[i];
    switch (x.kind) {
      case K::kNumber: return FDayDate | FYear | FAgo | FClock | FDuration;
      case K::kClock: return FClock;
      case K::kOrdinalNumber: return FDayDate;
      case K::kPunct: return 0;
      case K::kWord: break;
    }
    const LexEntry& e = *x.lex;
    uint16_t m = 0;
    for (const auto& [c, v] : {std::pair<Cat, int>{e.cat, e.value}, std::pair<Cat, int>{e.cat2, e.value2}}) {
      switch (c) {
        case Cat::kMonth: m |= FMonth; break;
        case Cat::kWeekday: m |= FDayDate; break;
        case Cat::kNumber: m |= FDayDate | FAgo | FClock | FDuration; break;
        case Cat::kOrdinal: m |= FDayDate; break;
        case Cat::kUnit: m |= FMonth | FSeason | FHoliday; break;
        case Cat::kSeason: m |= FSeason; break;
        case Cat::kDeictic: m |= FDeictic; break;
        case Cat::kClockWord: m |= FClock; break;
        case Cat::kBoundary: m |= FMonth | FYear | FRelativePeriod; break;
        case Cat::kHoliday: m |= FHoliday; break;
        case Cat::kRefAdverb: m |= FRefAdverb; break;
        case Cat::kFrequencyAdj: m |= FSet; break;
        case Cat::kTerm: case Cat::kVague: m |= FDuration; break;
        case Cat::kFn:
          switch (v) {
            case kLe: m |= FDayDate | FDeictic | FMonth | FYear | FRelativePeriod | FPartOfDay | FHoliday; break;
            case kLa: m |= FDeictic | FMonth | FYear | FRelativePeriod | FPartOfDay | FHoliday; break;
            case kL: m |= FDeictic | FYear | FRelativePeriod | FPartOfDay; break;
            case kLes: m |= FDayDate | FYear | FRelativePeriod | FSet; break;
            case kCe: m |= FDayDate | FRelativePeriod; break;
            case kCet: case kCette: case kCes: m |= FRelativePeriod; break;
            case kAu: m |= FMonth | FYear | FRelativePeriod | FDuration | FPartOfDay; break;
            case kEn: m |= FMonth | FYear | FRelativePeriod | FPartOfDay | FRefAdverb; break;
            case kAGrave: m |= FMonth | FYear | FRelativePeriod | FRefAdverb | FPartOfDay; break;
            case kIl: case kDans: case kD: m |= FAgo; break;
            case kDes: m |= FDuration | FYear; break;
            case kAux: m |= FYear; break;
            case kUn: case kUne: case kToute: case kTout: case kEnviron: case kPresque: case kQuelque:
            case kPres: case kPlus: case kMoins: m |= FDuration; break;
            case kPar: case kChaque: case kTous: case kToutes: m |= FSet; break;
            case kNouvel: m |= FHoliday; break;
            default: break;
          }
          break;
        default: break;
      }
    }
    return m;
  }

  // -- token tests; an index outside the sentence is no token (i - 1 at the start wraps to a huge index).
  // They run thousands of times per article from large callers, where GCC would rather call them than
  // inline them: they are forced inline.
  [[gnu::always_inline]] const DateToken* at(size_t i) const { return i >= b_ && i < e_ ? &t_[i] : nullptr; }
  [[gnu::always_inline]] bool cat(size_t i, Cat c) const {
    const DateToken* x = at(i);
    return x && x->lex && x->lex->is(c);
  }
  [[gnu::always_inline]] int val(size_t i, Cat c) const { return t_[i].lex->value_of(c); }
  [[gnu::always_inline]] bool flag(size_t i, uint8_t f) const { return (t_[i].lex->flags & f) != 0; }
  [[gnu::always_inline]] bool fn(size_t i, Fn f) const { return i >= b_ && i < e_ && t_[i].fn == f; }
  [[gnu::always_inline]] bool unit(size_t i, Unit u) const { return cat(i, Cat::kUnit) && val(i, Cat::kUnit) == u; }
  [[gnu::always_inline]] bool punct(size_t i, char c) const {
    const DateToken* x = at(i);
    return x && x->kind == K::kPunct && x->punct == c;
  }
  [[gnu::always_inline]] bool is_punct(size_t i) const {
    const DateToken* x = at(i);
    return x && x->kind == K::kPunct;
  }
  [[gnu::always_inline]] bool glued(size_t i) const {
    const DateToken* x = at(i);
    return x && !x->space_before;
  }
  [[gnu::always_inline]] bool number(size_t i) const {
    const DateToken* x = at(i);
    return x && x->kind == K::kNumber && x->groups == 1;
  }
  [[gnu::always_inline]] int num(size_t i) const { return t_[i].num[0]; }
  std::string_view word_text(size_t i) const {
    const DateToken* x = at(i);
    return x ? text_.substr(x->begin, x->end - x->begin) : std::string_view();
  }
  [[gnu::always_inline]] bool is_de(size_t i) const { return fn(i, kDe) || fn(i, kD); }
  // A lower-case word the lexicon does not know, and no stopword: most likely a noun ("2020 manifestants").
  [[gnu::always_inline]] bool plain_word(size_t i) const {
    const DateToken* x = at(i);
    return x && x->kind == K::kWord && !x->lex && !x->stop && x->lowercase;
  }
  // After a number: the end of a phrase rather than the noun it counts.
  bool phrase_ends(size_t i) const {
    const DateToken* x = at(i);
    if (!x) return true;
    if (x->kind == K::kPunct) return x->punct != '%' && x->punct != '/' && x->punct != '-' && x->punct != 0;
    if (x->kind != K::kWord) return false;
    return !plain_word(i);
  }
  // "le 10, rue Paul-Bert": a street number
  bool address(size_t i) const {
    if (punct(i, ',')) ++i;
    static constexpr std::string_view kStreets[] = {"rue", "avenue", "boulevard", "bd", "place", "allée", "chemin",
                                                    "quai", "impasse", "route", "cours", "square", "passage"};
    const std::string_view w = word_text(i);
    for (std::string_view st : kStreets)
      if (w == st) return true;
    return false;
  }
  bool currency(size_t i) const {
    const std::string_view w = word_text(i);
    return w == "€" || w == "$" || w == "£" || w == "%";
  }
  bool preposition_before(size_t i) const {
    const size_t p = i - 1;
    return fn(p, kEn) || fn(p, kDepuis) || fn(p, kDesAccent) || fn(p, kAvant) || fn(p, kApres) || fn(p, kJusqu) ||
           is_de(p) || fn(p, kDu) || fn(p, kAGrave) || fn(p, kVers) || fn(p, kPour) || fn(p, kDans) ||
           fn(p, kEntre) || fn(p, kIci) || fn(p, kAu);
  }

  // -- numbers

  // Numbers written in words: "trente et un", "dix-huit", "quatre-vingt-dix", "deux mille vingt".
  size_t number_words(size_t i, int& value) const {
    int total = 0, cur = 0;
    size_t j = i, end = 0;
    while (cat(j, Cat::kNumber)) {
      const int v = val(j, Cat::kNumber);
      const int low = cur % 100;
      bool ok;
      int next = cur + v;
      if (v == 1000) {
        ok = total == 0;
        total = (cur ? cur : 1) * 1000;
        next = 0;
      } else if (v == 100) {
        ok = cur < 10;
        next = (cur ? cur : 1) * 100;
      } else if (v == 20 && low == 4 && end) {
        ok = true;  // quatre-vingt(s)
        next = cur + 76;
      } else if (v >= 20) {
        ok = low == 0;
      } else if (v >= 10) {
        ok = low == 0 || low == 60 || low == 80;  // "dix", "soixante-dix", "quatre-vingt-douze"
      } else {
        ok = low == 0 || (low % 10 == 0 && v != 0);  // "deux", "vingt-deux", "dix-sept"
      }
      if (!ok) break;
      cur = next;
      end = j + 1;
      if (punct(j + 1, '-') && glued(j + 1) && glued(j + 2) && cat(j + 2, Cat::kNumber)) {
        j += 2;  // "dix-huit"
      } else if (fn(j + 1, kEt) && cat(j + 2, Cat::kNumber) &&
                 (val(j + 2, Cat::kNumber) == 1 || val(j + 2, Cat::kNumber) == 11)) {
        j += 2;  // "vingt et un", "soixante et onze"
      } else {
        j += 1;  // "vingt quatre"
      }
    }
    if (!end) return 0;
    value = total + cur;
    return end;
  }

  // A quantity: "3", "30,4", "trois", "quelques", "une dizaine de"; "des" when `allow_des`.
  bool quantity(size_t i, Qty& q, bool allow_des) const {
    const DateToken* x = at(i);
    if (!x) return false;
    if (x->kind == K::kNumber) {
      q.digits = true;
      if (x->groups == 1) {
        q.value = x->num[0];
      } else if (x->groups == 2 && x->sep == ',') {
        q.value = x->num[0] + x->num[1] / std::pow(10.0, x->ndigits[1]);
      } else if (x->groups == 2 && x->sep == '.' && x->ndigits[1] == 3) {
        q.value = x->num[0] * 1000.0 + x->num[1];
      } else {
        return false;
      }
      q.end = i + 1;
      return true;
    }
    if (cat(i, Cat::kVague) || (allow_des && fn(i, kDes))) {
      q.vague = true;
      q.end = i + 1;
      return true;
    }
    if ((fn(i, kUne) || fn(i, kUn)) && is_de(i + 2) &&
        (fn(i + 1, kDizaine) || fn(i + 1, kVingtaine) || fn(i + 1, kCentaine) || unit(i + 1, kFortnight))) {
      q.value = fn(i + 1, kDizaine) ? 10 : fn(i + 1, kVingtaine) ? 20 : fn(i + 1, kCentaine) ? 100 : 15;
      q.end = i + 3;
      return true;
    }
    int v = 0;
    if (size_t j = number_words(i, v)) {
      q.value = v;
      q.end = j;
      return true;
    }
    return false;
  }

  // A day of the month: "26", "1er", "premier", "trente et un".
  size_t day_number(size_t i, int& day) const {
    const DateToken* x = at(i);
    if (!x) return 0;
    if (x->kind == K::kNumber && x->groups == 1 && x->ndigits[0] <= 2 && x->num[0] >= 1 && x->num[0] <= 31) {
      day = x->num[0];
      return i + 1;
    }
    if (x->kind == K::kOrdinalNumber && x->num[0] >= 1 && x->num[0] <= 31) {
      day = x->num[0];
      return i + 1;
    }
    if (cat(i, Cat::kOrdinal) && val(i, Cat::kOrdinal) == 1 && !flag(i, kPlural) && !flag(i, kFeminine)) {
      day = 1;
      return i + 1;
    }
    int v = 0;
    if (size_t j = number_words(i, v); j && v >= 2 && v <= 31) {
      day = v;
      return j;
    }
    return 0;
  }

  size_t month_at(size_t i, int& month, bool allow_abbr) const {
    if (cat(i, Cat::kMonth)) {
      month = val(i, Cat::kMonth);
      return i + 1;
    }
    if (allow_abbr && cat(i, Cat::kMonthAbbr)) {
      month = val(i, Cat::kMonthAbbr);
      return punct(i + 1, '.') && glued(i + 1) ? i + 2 : i + 1;
    }
    return 0;
  }

  // A year after a month or a day ("mai 1998", "octobre 98"): four digits, or two where a phrase ends.
  size_t year_after(size_t i, int& year) const {
    if (!number(i)) return 0;
    const DateToken& x = t_[i];
    if (x.ndigits[0] == 4 && x.num[0] >= 1000 && x.num[0] <= 2999 && !plain_word(i + 1)) {
      year = x.num[0];
      return i + 1;
    }
    if (x.ndigits[0] == 2 && phrase_ends(i + 1) && !cat(i + 1, Cat::kUnit) && !currency(i + 1)) {
      year = x.num[0] <= 50 ? 2000 + x.num[0] : 1900 + x.num[0];
      return i + 1;
    }
    return 0;
  }

  // "dernier", "prochain", "passé", "suivant", "précédent" after a date: which occurrence.
  size_t relative_after(size_t i, TimexSpec& s) const {
    if (fn(i, kD) && fn(i + 1, kApres)) {  // "mardi d'après"
      s.direction = Direction::kNext;
      return i + 2;
    }
    if (!cat(i, Cat::kRelative)) return 0;
    s.direction = val(i, Cat::kRelative) < 0 ? Direction::kLast : Direction::kNext;
    if (flag(i, kFromReference)) s.anchor = Anchor::kReference;
    return i + 1;
  }

  // -- clock times

  // Whether what precedes "N heures" at i makes it a time of day rather than a duration.
  bool clock_context_before(size_t i) const {
    size_t p = i - 1;
    if (fn(p, kEnviron)) --p;
    if (fn(p, kAGrave) || fn(p, kVers) || fn(p, kDesAccent) || fn(p, kAvant) || fn(p, kApres) || fn(p, kJusqu))
      return true;
    return is_de(p) && (fn(p - 1, kPartir) || fn(p - 1, kAlentours) || fn(p - 1, kAutour));
  }

  // A clock time at i; returns its end (0: none). `sure`: written so that it cannot be a duration.
  size_t clock_at(size_t i, int& hour, int& minute, bool& sure) const {
    const DateToken* x = at(i);
    if (!x) return 0;
    size_t j = 0;
    hour = -1;
    minute = 0;
    sure = false;
    if (x->kind == K::kClock) {  // "10h30"
      hour = x->num[0];
      minute = x->num[1] < 0 ? 0 : x->num[1];
      j = i + 1;
      sure = true;
    } else if (cat(i, Cat::kClockWord)) {  // "midi", "minuit et quart"
      hour = val(i, Cat::kClockWord);
      j = i + 1;
      sure = true;
      int v = 0;
      if (fn(j, kEt) && fn(j + 1, kQuart)) {
        minute = 15;
        j += 2;
      } else if (fn(j, kEt) && (fn(j + 1, kDemi) || fn(j + 1, kDemie))) {
        minute = 30;
        j += 2;
      } else if (number(j) && num(j) > 0 && num(j) < 60 && t_[j].ndigits[0] <= 2 && phrase_ends(j + 1) &&
                 !cat(j + 1, Cat::kUnit)) {
        minute = num(j);
        ++j;
      } else if (size_t k = number_words(j, v); k && v > 0 && v < 60 && !cat(k, Cat::kUnit) && !plain_word(k)) {
        minute = v;
        j = k;
      }
    } else if (number(i) && t_[i].ndigits[0] <= 2 && num(i) <= 24 && cat(i + 1, Cat::kHourMark)) {  // "18 h 30"
      hour = num(i);
      j = i + 2;
      sure = true;
      if (number(j) && t_[j].ndigits[0] == 2 && num(j) < 60) {
        minute = num(j);
        ++j;
      }
    } else if (number(i) && t_[i].ndigits[0] <= 2 && num(i) <= 24 && punct(i + 1, ':') && glued(i + 1) &&
               glued(i + 2) && number(i + 2) && t_[i + 2].ndigits[0] == 2 && num(i + 2) < 60) {  // "15:30"
      hour = num(i);
      minute = num(i + 2);
      j = i + 3;
      sure = true;
    } else {  // "18 heures 30", "quinze heures", "trois heures et quart"
      int h = -1;
      size_t k = 0;
      if (number(i) && t_[i].ndigits[0] <= 2) {
        h = num(i);
        k = i + 1;
      } else if (size_t w = number_words(i, h)) {
        k = w;
      }
      if (!k || h < 0 || h > 24 || !unit(k, kHour)) return 0;
      hour = h;
      j = k + 1;
      int v = 0;
      if (number(j) && t_[j].ndigits[0] == 2 && num(j) < 60 && !cat(j + 1, Cat::kUnit)) {
        minute = num(j);
        j += 1;
        sure = true;
      } else if (size_t w3 = number_words(j, v); w3 && v == 3 && fn(w3, kQuart)) {  // "onze heures trois quarts"
        minute = 45;
        j = w3 + 1;
        sure = true;
      } else if (size_t w = number_words(j, v); w && v > 0 && v < 60 && !cat(w, Cat::kUnit) && !plain_word(w)) {
        minute = v;
        j = w;
        sure = true;
      } else if (fn(j, kEt) && fn(j + 1, kQuart)) {
        minute = 15;
        j += 2;
        sure = true;
      } else if (fn(j, kEt) && (fn(j + 1, kDemi) || fn(j + 1, kDemie))) {
        minute = 30;
        j += 2;
        sure = true;
      } else if (fn(j, kEt) && number_words(j + 1, v) && v < 60 && unit(number_words(j + 1, v), kMinute)) {
        minute = v;  // "quinze heures et quinze minutes"
        j = number_words(j + 1, v) + 1;
        sure = true;
      }
    }
    if (hour < 0) return 0;
    if (int v = 0; fn(j, kMoins) && !fn(j + 1, kLe)) {  // "midi moins cinq", "18 h moins 10"
      const size_t k = number(j + 1) ? j + 2 : number_words(j + 1, v);
      if (number(j + 1)) v = num(j + 1);
      if (k && v > 0 && v < 60 && minute == 0) {
        minute = 60 - v;
        hour = (hour + 23) % 24;
        j = k;
      }
    }
    if (fn(j, kMoins) && fn(j + 1, kLe) && fn(j + 2, kQuart)) {  // "midi moins le quart"
      minute = 45;
      hour = (hour + 23) % 24;
      j += 3;
    }
    if (fn(j, kDu) && cat(j + 1, Cat::kPartOfDay)) {  // "du matin", "du soir"
      const int p = val(j + 1, Cat::kPartOfDay);
      if ((p == kEvening || p == kAfternoon || p == kNight) && hour < 12 && hour >= 5) hour += 12;
      if (p == kMorning && hour == 12) hour = 0;
      j += 2;
      sure = true;
    } else if (fn(j, kDe) && fn(j + 1, kL) && cat(j + 2, Cat::kPartOfDay)) {  // "de l'après-midi"
      if (hour < 12) hour += 12;
      j += 3;
      sure = true;
    }
    if (fn(j, kPile) || fn(j, kPrecises)) ++j;
    if (hour == 24) hour = 0;
    return j;
  }

  // -- tails shared by the day families

  // "matin", "soir", "après-midi", "au soir" after a day.
  size_t part_after(size_t j, TimexSpec& s) const {
    if (cat(j, Cat::kPartOfDay) && !flag(j, kPlural) && !cat(j, Cat::kUnit)) {
      s.part = val(j, Cat::kPartOfDay);
      s.grain = Grain::kPartOfDay;
      s.type = TimexType::kTime;
      return j + 1;
    }
    if (fn(j, kAu) && cat(j + 1, Cat::kPartOfDay) && !flag(j + 1, kFeminine) && !flag(j + 1, kPlural)) {
      s.part = val(j + 1, Cat::kPartOfDay);
      s.grain = Grain::kPartOfDay;
      s.type = TimexType::kTime;
      return j + 2;
    }
    return j;
  }

  // "à 18 heures" after a day makes the whole a time of that day ("le 15 juin à 18 heures").
  size_t time_after(size_t j, TimexSpec& s) const {
    if (!fn(j, kAGrave)) return j;
    int h, m;
    bool sure;
    const size_t k = clock_at(j + 1, h, m, sure);
    if (!k) return j;
    s.type = TimexType::kTime;
    s.grain = Grain::kMinute;
    s.hour = h;
    s.minute = m;
    s.part = 0;
    return k;
  }

  size_t day_tail(size_t j, TimexSpec& s) const {
    if (cat(j, Cat::kClockWord) && t_[j].lowercase && !fn(j + 1, kEt) && !number(j + 1)) {  // "vendredi midi"
      s.type = TimexType::kTime;
      s.grain = Grain::kMinute;
      s.hour = val(j, Cat::kClockWord);
      s.minute = 0;
      return j + 1;
    }
    return time_after(part_after(j, s), s);
  }

  // The month (and year) a day number borrows from the date coordinated with it: "les 6 [et 13 avril]",
  // "du 13 [au 15 juillet]", "les 6, 7 [et 8 mai]".
  bool coordinated_month(size_t j, int& month, int& year) const {
    for (int hops = 0; hops < 4; ++hops) {
      if (fn(j, kJusqu) && fn(j + 1, kAu)) ++j;  // "du 13 jusqu'au 15 juillet"
      if (!(fn(j, kEt) || fn(j, kAu) || fn(j, kOu) || punct(j, ',') || punct(j, '-') || fn(j, kAGrave))) return false;
      ++j;
      if (fn(j, kLe)) ++j;
      int d = 0;
      if (cat(j, Cat::kWeekday)) ++j;
      const size_t k = day_number(j, d);
      if (!k) return false;
      j = k;
      if (const size_t m = month_at(j, month, true)) {
        year = 0;
        year_after(m, year);
        return true;
      }
    }
    return false;
  }

  // A date in digits: "15/06/2020", "le 3/10", "15.06.2020", "2015-03-03". Day and month alone need a
  // context (`has_context`: "le", "du", a weekday...), so that "3/10 des votants" stays a fraction.
  size_t numeric_date(size_t i, TimexSpec& s, bool has_context) const {
    const DateToken* x = at(i);
    if (!x || x->kind != K::kNumber) return 0;
    if (x->groups == 3 && x->sep == '.') {  // 15.06.2020
      const int d = x->num[0], m = x->num[1];
      int y = x->num[2];
      if (x->ndigits[2] == 2) {
        if (x->ndigits[0] != 2 || x->ndigits[1] != 2) return 0;
        y = y <= 50 ? 2000 + y : 1900 + y;
      } else if (x->ndigits[2] != 4) {
        return 0;
      }
      if (d < 1 || d > 31 || m < 1 || m > 12 || x->ndigits[0] > 2 || x->ndigits[1] > 2) return 0;
      s.year = y;
      s.month = m;
      s.day = d;
      return i + 1;
    }
    if (x->groups != 1) return 0;
    if (x->ndigits[0] == 4 && punct(i + 1, '-') && glued(i + 1) && number(i + 2) && glued(i + 2) &&
        punct(i + 3, '-') && glued(i + 3) && number(i + 4) && glued(i + 4)) {  // 2015-03-03
      const int y = x->num[0], m = num(i + 2), d = num(i + 4);
      if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 || t_[i + 4].ndigits[0] > 2 || t_[i + 2].ndigits[0] > 2)
        return 0;
      s.year = y;
      s.month = m;
      s.day = d;
      return i + 5;
    }
    if (x->ndigits[0] > 2 || !punct(i + 1, '/') || !glued(i + 1) || !number(i + 2) || !glued(i + 2)) return 0;
    const int d = x->num[0], m = num(i + 2);
    if (d < 1 || d > 31 || m < 1 || m > 12 || t_[i + 2].ndigits[0] > 2) return 0;
    size_t j = i + 3;
    if (punct(j, '/') && glued(j) && number(j + 1) && glued(j + 1)) {
      const int ny = t_[j + 1].ndigits[0];
      if (ny == 4) {
        s.year = num(j + 1);
      } else if (ny == 2) {
        s.year = num(j + 1) <= 50 ? 2000 + num(j + 1) : 1900 + num(j + 1);
      } else {
        return 0;
      }
      j += 2;
    } else if ((!has_context && !(t_[i + 2].ndigits[0] == 2 || d > 12)) || punct(j, '/') || plain_word(j) ||
               fn(j, kDes) || fn(j, kDu) || is_de(j) || currency(j)) {
      return 0;  // "3/10 des votants" is a fraction; "17/02" and "31/10" alone are dates
    }
    s.month = m;
    s.day = d;
    return j;
  }

  // -- families; each reads forward from token i and says how far it reaches

  // Dates around a day of the month or a weekday: "le 27 mai 1998", "lundi 6 septembre", "le 3/10",
  // "mardi dernier", "ce dimanche", "le mercredi" (a set), "les 6 et 13 avril", "mercredi 13", "le 16".
  bool day_date(size_t i, Found& f) const {
    size_t j = i;
    const bool le = fn(j, kLe), ce = fn(j, kCe), les = fn(j, kLes);
    if (le || ce || les) ++j;
    if ((le || ce) && fn(j, kMeme)) ++j;  // "ce même lundi"
    TimexSpec s;
    s.anchor = Anchor::kPublication;
    if (cat(j, Cat::kWeekday)) {
      s.weekday = val(j, Cat::kWeekday);
      ++j;
    } else if (ce) {
      return false;
    }
    const bool context = le || les || s.weekday || fn(i - 1, kDu) || fn(i - 1, kAu) || fn(i - 1, kDesAccent) ||
                         fn(i - 1, kDepuis) || fn(i - 1, kJusqu) || fn(i - 1, kAGrave) || fn(i - 1, kEntre);
    if (const size_t k = numeric_date(j, s, context)) {
      if (s.year) s.anchor = Anchor::kNone;
      const size_t end = day_tail(k, s);
      f.add(i, end, s);
      return true;
    }
    int d = 0;
    if (const size_t k = day_number(j, d)) {
      // "le 16", "le 1er"; not "le 4ème" (a rank)
      const bool digits = t_[j].kind == K::kNumber || (t_[j].kind == K::kOrdinalNumber && d == 1);
      int m = 0;
      if (const size_t km = month_at(k, m, true)) {  // "26 septembre [2022] [dernier]"
        s.day = d;
        s.month = m;
        size_t e = km;
        int y = 0;
        if (const size_t ky = year_after(e, y)) {
          s.year = y;
          s.anchor = Anchor::kNone;
          e = ky;
        } else if (const size_t kr = relative_after(e, s)) {
          e = kr;
        }
        const size_t end = day_tail(e, s);
      f.add(i, end, s);
        return true;
      }
      int cm = 0, cy = 0;
      if (coordinated_month(k, cm, cy)) {  // "les 6 [et 13 avril]"
        s.day = d;
        s.month = cm;
        if (cy) {
          s.year = cy;
          s.anchor = Anchor::kNone;
        }
        f.add(i, k, s);
        return true;
      }
      // "le 16", "mercredi 13", "samedi 16 à 18h": a day of a nearby month, when nothing after it is counted
      const bool counted = address(k) || plain_word(k) || cat(k, Cat::kUnit) || cat(k, Cat::kHourMark) || currency(k) ||
                           fn(k, kDes) || fn(k, kDu) || is_de(k) || (punct(k, '.') && number(k + 1)) ||
                           punct(k, '/') || punct(k, '-');
      // "du 13 au 18", "à partir du 8.", "jusqu'au 15,": a day after "du"/"au" where the phrase ends
      int next_day = 0;
      const bool du_au = digits && (fn(i - 1, kDu) || fn(i - 1, kAu)) &&
                         (!at(k) || (is_punct(k) && !punct(k, '%')) || (fn(k, kAu) && day_number(k + 1, next_day)));
      if (!counted && ((s.weekday && !cat(k, Cat::kMonthAbbr)) || (digits && le && phrase_ends(k)) || du_au)) {
        s.day = d;
        const size_t end = day_tail(k, s);
      f.add(i, end, s);
        return true;
      }
    }
    if (!s.weekday) return false;
    // a weekday without its day number
    const int wd = s.weekday;
    if (const size_t kr = relative_after(j, s)) {
      j = kr;
    } else if (fn(j, kEn) && (number(j + 1) || cat(j + 1, Cat::kNumber)) &&
               ((number(j + 1) ? num(j + 1) : val(j + 1, Cat::kNumber)) == 8 ||
                (number(j + 1) ? num(j + 1) : val(j + 1, Cat::kNumber)) == 15)) {  // "lundi en huit", "en quinze"
      s.direction = Direction::kNextOrSame;
      s.shift_days = (number(j + 1) ? num(j + 1) : val(j + 1, Cat::kNumber)) == 8 ? 7 : 14;
      j += 2;
    } else if (fn(j, kDe) || fn(j, kLa) || fn(j, kCette)) {  // "lundi (de) la semaine prochaine", "cette semaine"
      const size_t a = fn(j, kDe) ? j + 1 : j;
      const size_t w = a + 1;
      if ((fn(a, kLa) || fn(a, kCette)) && unit(w, kWeek) && !flag(w, kPlural)) {
        int offset = 0;
        size_t e = w + 1;
        if (fn(a, kLa) && cat(w + 1, Cat::kRelative)) {
          offset = val(w + 1, Cat::kRelative);
          if (flag(w + 1, kFromReference)) s.anchor = Anchor::kReference;
          e = w + 2;
        } else if (fn(a, kLa) && fn(w + 1, kD) && fn(w + 2, kApres)) {
          offset = 1;
          e = w + 3;
        } else if (fn(a, kLa)) {
          e = 0;  // "lundi de la semaine" says no more than "lundi"
        }
        if (e) {
          s.relative = true;
          s.offset = offset;
          s.offset_unit = kWeek;
          j = e;
        }
      }
    }
    if (s.direction == Direction::kNearest && !s.relative) {
      if (le && !fn(j, kAGrave)) {
        // "le mercredi": every Wednesday, unless a day number or a modifier makes it one day
        TimexSpec p;
        const size_t k = part_after(j, p);
        std::string v = "XXXX-WXX-" + std::to_string(wd);
        if (p.part) v += std::string("T") + part_code(p.part);
        f.add(i, k, literal(TimexType::kSet, v));
        return true;
      }
      if (!ce) s.direction = Direction::kByTense;  // "ce lundi": the nearest one
    }
    const size_t end = day_tail(j, s);
      f.add(i, end, s);
    return true;
  }

  // "hier", "aujourd'hui", "demain soir", "hier lundi 26 septembre 2022", "la veille", "le lendemain matin".
  bool deictic(size_t i, Found& f) const {
    size_t j = i;
    const bool article = fn(j, kLe) || fn(j, kLa) || fn(j, kL);
    if (article) ++j;
    if (!cat(j, Cat::kDeictic)) return false;
    const bool from_ref = flag(j, kFromReference);
    if (from_ref != article) return false;  // "la veille", "le lendemain"; "hier" takes no article
    if (from_ref && (is_de(j + 1) || fn(j + 1, kDu) || fn(j + 1, kDes))) {
      // "la veille de Noël", "le lendemain du 13 février": that day, shifted; "la veille du scrutin": nothing
      Found named;
      const size_t k = j + 2;
      if (!fn(j + 1, kDes) && (day_date(k, named) || holiday(k, named) || holiday(j + 1, named)) && named.n == 1 &&
          named.m[0].spec.literal.empty() && !named.m[0].spec.relative) {
        TimexSpec s = named.m[0].spec;
        s.shift_days = val(j, Cat::kDeictic);
        f.add(i, named.last, s);
        return true;
      }
      return false;
    }
    TimexSpec s;
    s.anchor = from_ref ? Anchor::kReference : Anchor::kPublication;
    s.relative = true;
    s.offset = val(j, Cat::kDeictic);
    s.offset_unit = kDay;
    ++j;
    if (cat(j, Cat::kWeekday)) {
      // "hier lundi 26 septembre 2022": the date given is the value, and the deictic dates the article
      const int wd = val(j, Cat::kWeekday);
      int d = 0, m = 0, y = 0;
      const size_t kd = day_number(j + 1, d);
      const size_t km = kd ? month_at(kd, m, true) : 0;
      if (km) {
        TimexSpec e;
        e.anchor = Anchor::kPublication;
        e.day = d;
        e.month = m;
        e.weekday = wd;
        size_t k = km;
        if (const size_t ky = year_after(k, y)) {
          e.year = y;
          e.anchor = Anchor::kNone;
          k = ky;
        }
        const size_t end = day_tail(k, e);
        DateMatch& dm = f.add(i, end, e);
        dm.has_deictic = !from_ref;
        dm.deictic_offset = s.offset;
        return true;
      }
      ++j;  // "aujourd'hui vendredi": the weekday only confirms
    }
    const size_t end = day_tail(j, s);
      f.add(i, end, s);
    return true;
  }

  // Where a span starts: a leading preposition that a boundary phrase read ("à la fin de", "au début de",
  // "en fin de") is left out, as French TimeBank does; "des"/"aux" before "années" too.
  size_t span_start(size_t i) const {
    if ((fn(i, kAGrave) || fn(i, kAu) || fn(i, kEn)) && !(fn(i, kEn) && fn(i + 1, kL))) return i + 1;
    if ((fn(i, kDes) || fn(i, kAux)) && unit(i + 1, kYear)) return i + 1;
    return i;
  }

  // Boundary words before a month, a year or a period: "début", "fin", "mi-", "courant", "à la fin de",
  // "au début du mois de", "en milieu d'". Returns where the period starts, or i when there is none.
  size_t boundary(size_t i) const {
    size_t j = i;
    bool prep = false;
    if ((fn(j, kAu) || fn(j, kEn)) && cat(j + 1, Cat::kBoundary)) {
      j += 1;
      prep = true;
    } else if (fn(j, kAGrave) && fn(j + 1, kLa) && cat(j + 2, Cat::kBoundary)) {
      j += 2;
      prep = true;
    } else if ((fn(j, kLa) || fn(j, kLe)) && cat(j + 1, Cat::kBoundary)) {
      j += 1;
      prep = true;
    }
    if (!cat(j, Cat::kBoundary)) return i;
    const int b = val(j, Cat::kBoundary);
    ++j;
    if (b == kMid) return punct(j, '-') && glued(j) && glued(j + 1) ? j + 1 : i;  // "mi-juin"
    if (fn(j, kDes) && unit(j + 1, kYear)) return j;  // "à la fin des années 70"
    if (is_de(j) || fn(j, kDu)) {
      if (fn(j, kDu) && unit(j + 1, kMonthUnit) && is_de(j + 2)) return j + 3;  // "fin du mois de mars"
      return j + 1;
    }
    if (b == kMiddle || prep) return i;  // "milieu" and "au début" need their "de"
    return j;
  }

  // Months: "en juin", "juin 2020", "juin prochain", "septembre dernier", "fin mars", "mi-juin",
  // "le mois de juin", "début octobre".
  bool month_expr(size_t i, Found& f) const {
    size_t j = boundary(i);
    const bool bounded = j != i;
    if (fn(j, kLe) && unit(j + 1, kMonthUnit)) ++j;
    if (unit(j, kMonthUnit) && is_de(j + 1)) j += 2;
    int m = 0;
    size_t k = month_at(j, m, false);
    if (!k) return false;
    const DateToken& mt = t_[j];
    TimexSpec s;
    s.grain = Grain::kMonth;
    s.month = m;
    s.anchor = Anchor::kPublication;
    int y = 0;
    if (const size_t ky = year_after(k, y)) {
      s.year = y;
      s.anchor = Anchor::kNone;
      k = ky;
    } else if (const size_t kr = relative_after(k, s)) {
      k = kr;
    } else if (!mt.lowercase && !mt.sentence_start && !bounded && j == i) {
      return false;  // "Mars" in mid-sentence: the planet, a brand
    }
    f.add(span_start(i), k, s);
    return true;
  }

  // Years: "2019" (with care: "2020 manifestants" is none), "l'année 2001", "l'an 2000", "début 2021",
  // "2002/2003", "les années 90".
  bool year_expr(size_t i, Found& f) const {
    size_t j = boundary(i);
    const bool bounded = j != i;
    if ((fn(j, kLes) || fn(j, kDes) || fn(j, kAux)) && unit(j + 1, kYear) && flag(j + 1, kFeminine) &&
        flag(j + 1, kPlural) && number(j + 2)) {  // "les années 90", "à la fin des années 1970"
      const int v = num(j + 2), nd = t_[j + 2].ndigits[0];
      int decade = -1;
      if (nd == 2 && v % 10 == 0) decade = (v <= 20 ? 2000 : 1900) + v;
      if (nd == 4 && v % 10 == 0 && v >= 1000 && v <= 2990) decade = v;
      if (decade < 0) return false;
      TimexSpec s;
      s.grain = Grain::kDecade;
      s.year = decade;
      f.add(span_start(i), j + 3, s);
      return true;
    }
    bool named = false;  // "l'année 2001", "l'an 2000", "en l'an 2000"
    if ((fn(j, kL) || fn(j, kEn)) && unit(j + 1, kYear) && !flag(j + 1, kPlural)) {
      j += 2;
      named = true;
    }
    if (!number(j) || t_[j].ndigits[0] != 4) return false;
    const int y = num(j);
    if (y < 1000 || y > 2999) return false;
    const bool context = named || bounded || preposition_before(j);
    if (!context && (y < 1900 || y > 2100)) return false;
    // not a year: "2020 manifestants", "2000 €", "plus de 2000", "les 2000 salariés"
    if (plain_word(j + 1) || number(j + 1) || currency(j + 1) || cat(j + 1, Cat::kUnit)) return false;
    if (number(j - 1) || (is_de(j - 1) && (fn(j - 2, kPlus) || fn(j - 2, kMoins) || fn(j - 2, kPres)))) return false;
    if (!context && (fn(j - 1, kLes) || fn(j - 1, kDes) || fn(j - 1, kCes) || fn(j - 1, kAux) || fn(j - 1, kLe)))
      return false;
    TimexSpec s;
    s.grain = Grain::kYear;
    s.year = y;
    if ((punct(j + 1, '/') || punct(j + 1, '-')) && glued(j + 1) && glued(j + 2) && number(j + 2) &&
        t_[j + 2].ndigits[0] == 4 && num(j + 2) > y && num(j + 2) - y < 100) {  // "2002/2003": two years
      f.add(span_start(i), j + 1, s);
      TimexSpec s2 = s;
      s2.year = num(j + 2);
      f.add(j + 2, j + 3, s2);
      return true;
    }
    f.add(span_start(i), j + 1, s);
    return true;
  }

  // Periods counted from now: "cette semaine", "la semaine dernière", "le mois prochain", "l'an dernier",
  // "ce week-end", "cet été", "l'été dernier", "ce matin", "cette nuit", "la nuit dernière", "ces derniers
  // jours", "les trois derniers mois", "la fin de l'année dernière", "la semaine suivante", "ce jour-là".
  bool relative_period(size_t i, Found& f) const {
    const size_t j = boundary(i);
    if (fn(j, kCes) && cat(j + 1, Cat::kRelative) && val(j + 1, Cat::kRelative) < 0 && cat(j + 2, Cat::kUnit) &&
        flag(j + 2, kPlural)) {  // "ces derniers jours": a vague duration
      f.add(span_start(i), j + 3, literal(TimexType::kDuration, duration_value(0, true, Unit(val(j + 2, Cat::kUnit)))));
      return true;
    }
    if (fn(j, kLes)) {  // "les trois derniers jours", "les 3 prochaines semaines"
      Qty q;
      if (quantity(j + 1, q, false) && !q.vague && cat(q.end, Cat::kRelative) && cat(q.end + 1, Cat::kUnit)) {
        f.add(span_start(i), q.end + 2,
              literal(TimexType::kDuration, duration_value(q.value, false, Unit(val(q.end + 1, Cat::kUnit)))));
        return true;
      }
      return false;
    }
    const bool bounded = j != i;
    const bool demonstrative = fn(j, kCe) || fn(j, kCet) || fn(j, kCette);
    const bool article = fn(j, kLe) || fn(j, kLa) || fn(j, kL) || (bounded && fn(j, kDu));
    const bool bare = bounded && !demonstrative && !article;  // "en fin de semaine", "en début d'année"
    if (!demonstrative && !article && !bare) return false;
    size_t k = bare ? j : j + 1;
    int unit_v = 0, part = 0, season = 0;
    bool weekend = false;
    if (cat(k, Cat::kPartOfDay) && !flag(k, kPlural)) {
      part = val(k, Cat::kPartOfDay);
    } else if (cat(k, Cat::kUnit) && (!flag(k, kPlural) || unit(k, kMonthUnit))) {
      unit_v = val(k, Cat::kUnit);
    } else if (cat(k, Cat::kSeason)) {
      season = val(k, Cat::kSeason);
    } else if (cat(k, Cat::kWeekend) && !flag(k, kPlural)) {
      weekend = true;
    } else {
      return false;
    }
    ++k;
    TimexSpec s;
    s.anchor = Anchor::kPublication;
    s.relative = true;
    bool there = false;  // "-ci", "-là"
    if (punct(k, '-') && glued(k) && glued(k + 1) && (fn(k + 1, kCi) || fn(k + 1, kLaGrave))) {
      there = fn(k + 1, kLaGrave);
      k += 2;
    }
    bool rel = false;
    if (cat(k, Cat::kRelative) && !(flag(k, kPlural))) {
      s.offset = val(k, Cat::kRelative);
      if (flag(k, kFromReference)) s.anchor = Anchor::kReference;
      rel = true;
      ++k;
    } else if (fn(k, kEn) && fn(k + 1, kCours)) {  // "l'année en cours"
      k += 2;
      rel = true;
    }
    if (there) s.anchor = Anchor::kReference;
    if ((bounded || bare) && !rel && unit_v && unit_v != kDay) {
      // "à la fin du mois", "au début de l'année", "en fin de semaine": this one
    } else if (bare) {
      return false;
    } else if (article && !rel) {
      if (!season) return false;  // "la semaine" alone says nothing; "la nuit" is part_of_day's
      int y = 0;
      if (number(k) && t_[k].ndigits[0] == 4 && num(k) >= 1000 && num(k) <= 2999 && !plain_word(k + 1)) y = num(k);
      if (y) {  // "l'été 2020"
        TimexSpec a;
        a.grain = Grain::kSeason;
        a.season = season;
        a.year = y;
        f.add(span_start(i), k + 1, a);
      } else {  // "l'été": summers in general
        f.add(span_start(i), k, literal(TimexType::kDate, std::string("XXXX-") + season_code(season)));
      }
      return true;
    }
    if (demonstrative && rel && s.offset != 0) return false;
    if (weekend) {
      s.grain = Grain::kWeekend;
      s.direction = !rel ? Direction::kByTense : s.offset < 0 ? Direction::kLast : Direction::kNext;
      s.offset = 0;
      f.add(span_start(i), k, s);
      return true;
    }
    if (season) {
      s.grain = Grain::kSeason;
      s.season = season;
      s.direction = !rel ? Direction::kNearest : s.offset < 0 ? Direction::kLast : Direction::kNext;
      s.offset = 0;
      f.add(span_start(i), k, s);
      return true;
    }
    if (part) {
      // "ce matin", "cette nuit", "la nuit dernière"; not "cette soirée" (an event more often than a time)
      if (demonstrative && (part == kDaytime || flag(j + 1, kFeminine)) && part != kNight) return false;
      if (article && !rel) return false;
      s.part = part;
      s.grain = Grain::kPartOfDay;
      s.type = TimexType::kTime;
      s.offset_unit = kDay;
      f.add(span_start(i), k, s);
      return true;
    }
    switch (unit_v) {
      case kDay: s.grain = Grain::kDay; break;
      case kWeek: s.grain = Grain::kWeek; break;
      case kMonthUnit: s.grain = Grain::kMonth; break;
      case kYear: s.grain = Grain::kYear; break;
      case kDecade: s.grain = Grain::kDecade; break;
      case kCentury: s.grain = Grain::kCentury; break;
      default: return false;
    }
    // "ce jour", "le jour suivant" (after the last date mentioned); "le jour dernier" is not said
    if (unit_v == kDay && !demonstrative && !(rel && s.anchor == Anchor::kReference)) return false;
    s.offset_unit = Unit(unit_v);
    f.add(span_start(i), k, s);
    return true;
  }

  // Seasons without a determiner: "en été", "les mois d'été", "Été comme hiver", "été 2020". "été" is also
  // the participle ("a été"): it needs "en", the start of a sentence or a year. "Jeux d'hiver", "heure d'été"
  // name no time; "été comme hiver" does.
  bool season_expr(size_t i, Found& f) const {
    size_t j = i;
    const bool months = unit(j, kMonthUnit) && fn(j + 1, kD) && glued(j + 2);  // "les mois d'été"
    if (months) j += 2;
    if (!cat(j, Cat::kSeason)) return false;
    const int season = val(j, Cat::kSeason);
    int y = 0;
    const bool year = number(j + 1) && t_[j + 1].ndigits[0] == 4 && year_after(j + 1, y);
    const DateToken& x = t_[j];
    if (is_de(j - 1) && !months) return false;  // "Jeux d'hiver", "heure d'été"
    if (season == 2 && !months && !year && !fn(j - 1, kEn) && !x.sentence_start) return false;
    if (!x.lowercase && !x.sentence_start && !year && !months) return false;  // "le Printemps" (a shop)
    if (year) {
      TimexSpec s;
      s.grain = Grain::kSeason;
      s.season = season;
      s.year = y;
      f.add(i, j + 2, s);
    } else {
      f.add(i, j + 1, literal(TimexType::kDate, std::string("XXXX-") + season_code(season)));
    }
    return true;
  }

  // "il y a trois semaines", "dans deux jours", "d'ici deux ans", "trois jours plus tard".
  bool ago_or_in(size_t i, Found& f) const {
    size_t j = i;
    int sign = 0;
    if (fn(j, kIl) && fn(j + 1, kY) && fn(j + 2, kAVerb)) {
      sign = -1;
      j += 3;
    } else if (fn(j, kDans)) {
      sign = 1;
      j += 1;
    } else if (fn(j, kD) && fn(j + 1, kIci)) {
      sign = 1;
      j += 2;
    } else {
      // "trois jours plus tard", "deux ans plus tôt": counted from the last date mentioned
      Qty q;
      if (!quantity(j, q, false) || q.vague || !cat(q.end, Cat::kUnit)) return false;
      const size_t u = q.end;
      const Unit un = Unit(val(u, Cat::kUnit));
      if (un == kHour || un == kMinute || un == kSecond) return false;
      if (!fn(u + 1, kPlus) || !(fn(u + 2, kTard) || fn(u + 2, kTot))) return false;
      TimexSpec s = offset_spec(q, un, fn(u + 2, kTard) ? 1 : -1);
      s.anchor = Anchor::kReference;
      f.add(i, u + 3, s);
      return true;
    }
    if (fn(j, kEnviron) || fn(j, kPresque)) {
      ++j;
    } else if ((fn(j, kPlus) || fn(j, kMoins) || fn(j, kPres)) && is_de(j + 1)) {
      j += 2;
    }
    Qty q;
    if (!quantity(j, q, false) || !cat(q.end, Cat::kUnit)) return false;
    const Unit u = Unit(val(q.end, Cat::kUnit));
    if (q.vague) {  // "il y a quelques mois": how long ago is not said
      if (sign > 0) return false;
      f.add(i, q.end + 1, literal(TimexType::kDuration, duration_value(0, true, u)));
      return true;
    }
    f.add(i, q.end + 1, offset_spec(q, u, sign));
    return true;
  }

  static TimexSpec offset_spec(const Qty& q, Unit u, int sign) {
    TimexSpec s;
    s.anchor = Anchor::kPublication;
    s.relative = true;
    s.offset = sign * static_cast<int>(std::lround(q.value));
    s.offset_unit = u;
    switch (u) {
      case kSecond:
      case kMinute:
      case kHour:  // "il y a deux heures": the day is all a publication date tells
        s.offset = 0;
        s.offset_unit = kDay;
        s.grain = Grain::kDay;
        break;
      case kDay:
      case kWeek:
      case kFortnight: s.grain = Grain::kDay; break;
      case kMonthUnit:
      case kQuarter:
      case kSemester: s.grain = Grain::kMonth; break;
      case kYear: s.grain = Grain::kYear; break;
      case kDecade: s.grain = Grain::kDecade; break;
      case kCentury: s.grain = Grain::kCentury; break;
    }
    return s;
  }

  // Clock times: "à 10h30", "18 h", "vers 15 heures", "midi", "de 18 h à 23 h", "20 h ce soir".
  bool clock_expr(size_t i, Found& f) const {
    int h, m;
    bool sure;
    const size_t j = clock_at(i, h, m, sure);
    if (!j) return false;
    // a day right after the time: "20 h ce soir", "8 heures ce soir", "10 heures demain", "13h30 samedi 21 septembre"
    Found day;
    const bool day_follows = at(j) && !is_punct(j) &&
                             (deictic(j, day) || day_date(j, day) || relative_period(j, day)) && day.n == 1 &&
                             day.m[0].spec.literal.empty() && day.m[0].spec.hour < 0 &&
                             (!day.m[0].spec.relative || day.m[0].spec.offset_unit == kDay);
    if (cat(i + 1, Cat::kHourMark) || t_[i].kind == K::kClock) {
      // "en 24 h", "pendant 3 h", "plus de 48 h": a duration
      if (fn(i - 1, kEn) || fn(i - 1, kPendant) || fn(i - 1, kDurant) || fn(i - 1, kLes) || fn(i - 1, kDes) ||
          (is_de(i - 1) && (fn(i - 2, kPlus) || fn(i - 2, kMoins) || fn(i - 2, kPres))))
        return false;
    } else if (cat(i, Cat::kClockWord)) {
      // "le Midi", "du midi", "Midi Libre": not noon
      if (!t_[i].lowercase && !t_[i].sentence_start) return false;
      if (fn(i - 1, kLe) || fn(i - 1, kDu)) return false;
    } else if (!sure && !day_follows) {
      // "18 heures": a time after "à", "vers", "dès"..., or in "de 18 heures à 20 heures"; else a duration
      bool range = false;
      if (is_de(i - 1) || fn(i - 1, kEntre)) {
        int h2, m2;
        bool s2;
        range = (fn(j, kAGrave) || fn(j, kEt)) && clock_at(j + 1, h2, m2, s2);
        if (!range && fn(j, kJusqu) && fn(j + 1, kAGrave)) range = clock_at(j + 2, h2, m2, s2) != 0;
      }
      if (!range && !clock_context_before(i)) return false;
    }
    if (day_follows) {
      TimexSpec merged = day.m[0].spec;
      // "8 heures ce soir", "à 3 heures cet après-midi": the afternoon and evening count from noon
      if ((merged.part == kAfternoon || merged.part == kEvening) && h < 12) h += 12;
      merged.type = TimexType::kTime;
      merged.grain = Grain::kMinute;
      merged.hour = h;
      merged.minute = m;
      merged.part = 0;
      f.add(i, day.last, merged);
      return true;
    }
    TimexSpec s;
    s.type = TimexType::kTime;
    s.grain = Grain::kMinute;
    s.anchor = Anchor::kReference;
    s.hour = h;
    s.minute = m;
    f.add(i, j, s).clock_only = true;
    return true;
  }

  // Durations: "deux jours", "30 minutes", "environ une heure", "six mois", "un quart de siècle",
  // "une demi-heure", "un an et demi", "quelques mois", "des années", "en 24 h", "le quinquennat".
  bool duration(size_t i, Found& f) const {
    if (cat(i, Cat::kTerm)) {
      f.add(i, i + 1, literal(TimexType::kDuration, "P" + std::to_string(val(i, Cat::kTerm)) + "Y"));
      return true;
    }
    if ((fn(i, kToute) || fn(i, kTout)) && (fn(i + 1, kL) || fn(i + 1, kLa) || fn(i + 1, kLe)) &&
        cat(i + 2, Cat::kUnit) && !flag(i + 2, kPlural)) {  // "toute l'année", "toute la journée"
      f.add(i, i + 3, literal(TimexType::kDuration, duration_value(1, false, Unit(val(i + 2, Cat::kUnit)))));
      return true;
    }
    size_t j = i;
    if (fn(j, kEnviron) || fn(j, kPresque) || fn(j, kQuelque)) {  // approximations stay in the span
      ++j;
    } else if ((fn(j, kPres) || fn(j, kPlus) || fn(j, kMoins)) && is_de(j + 1)) {
      j += 2;
    } else if (fn(j, kAu) && fn(j + 1, kMoins)) {
      j += 2;
    } else if ((fn(j, kUne) && fn(j + 1, kBonne)) || (fn(j, kUn) && fn(j + 1, kBon))) {
      j += 2;
    }
    if ((fn(j, kUn) || fn(j, kUne)) && fn(j + 1, kQuart) && is_de(j + 2) && cat(j + 3, Cat::kUnit)) {
      f.add(i, j + 4, literal(TimexType::kDuration, duration_value(0.25, false, Unit(val(j + 3, Cat::kUnit)))));
      return true;
    }
    if ((fn(j, kUn) || fn(j, kUne)) && (fn(j + 1, kDemi) || fn(j + 1, kDemie)) && punct(j + 2, '-') &&
        cat(j + 3, Cat::kUnit)) {  // "une demi-heure"
      f.add(i, j + 4, literal(TimexType::kDuration, duration_value(0.5, false, Unit(val(j + 3, Cat::kUnit)))));
      return true;
    }
    Qty q;
    if (!quantity(j, q, true)) return false;
    const size_t u_at = q.end;
    if (cat(u_at, Cat::kHourMark) && !q.vague &&
        (fn(j - 1, kEn) || fn(j - 1, kPendant) || fn(j - 1, kDurant) || j != i)) {  // "en 24 h"
      f.add(i, u_at + 1, literal(TimexType::kDuration, duration_value(q.value, false, kHour)));
      return true;
    }
    if (!cat(u_at, Cat::kUnit)) return false;
    const Unit u = Unit(val(u_at, Cat::kUnit));
    size_t k = u_at + 1;
    if (fn(j, kDes)) {
      // "des années" (PXY); "des jours" only after "depuis", "pendant": not "des jours fériés"
      if (!flag(u_at, kPlural) || plain_word(k) || number(k) || u == kSecond) return false;  // not "des années 70"
      const bool lasting = fn(j - 1, kDepuis) || fn(j - 1, kPendant) || fn(j - 1, kDurant);
      if (!lasting && u != kYear && u != kDecade && u != kCentury && u != kMonthUnit) return false;
    }
    if (!q.vague && !q.digits && q.value == 1 && u == kDay && !fn(j - 1, kPendant) && !fn(j - 1, kDurant)) {
      return false;  // "un jour": some day
    }
    if (!q.vague && q.value == 1 && flag(u_at, kFeminine) && (u == kYear || u == kDay) &&
        (plain_word(k) || cat(k, Cat::kRelative))) {
      return false;  // "une année difficile", "une journée noire"
    }
    if (u == kHour && !q.vague) {
      int h, m;
      bool sure;
      if (clock_at(j, h, m, sure) && (sure || clock_context_before(j))) return false;  // a time of day
    }
    if (u == kYear && !q.vague && is_age(i, j, k)) return false;
    double value = q.value;
    if (fn(k, kEt) && (fn(k + 1, kDemi) || fn(k + 1, kDemie))) {  // "un an et demi"
      value += 0.5;
      k += 2;
    }
    // "trois jours plus tard" is a date (ago_or_in); "une heure plus tard" stays a length of time
    if (fn(k, kPlus) && (fn(k + 1, kTard) || fn(k + 1, kTot)) && !q.vague && u != kHour && u != kMinute &&
        u != kSecond)
      return false;
    f.add(i, k, literal(TimexType::kDuration, duration_value(value, q.vague, u)));
    return true;
  }

  // "N ans" that tells an age: "un homme de 38 ans", "Alain, 53 ans,", "âgé de 90 ans", "à 38 ans",
  // "les moins de 17 ans", "ses 50 ans", "les 6-16 ans". `q_at` is the quantity, `after` what follows "ans".
  bool is_age(size_t i, size_t q_at, size_t after) const {
    const size_t p = i - 1;
    if (punct(q_at - 1, '-') && glued(q_at - 1)) return true;
    if ((punct(p, ',') || punct(p, '(')) && (!at(after) || punct(after, ',') || punct(after, ')') || punct(after, '.')))
      return true;
    if (fn(p, kAGrave) && !fn(p - 1, kIci) && (!at(after) || is_punct(after))) return true;  // "mort à 90 ans."
    if (q_at != i) return fn(p, kLes) || fn(p, kDes) || fn(p, kAux);  // "les moins de 17 ans"
    if (fn(p, kLes) && !(fn(p - 1, kPendant) || fn(p - 1, kDurant) || fn(p - 1, kDepuis) || fn(p - 1, kSur)))
      return true;  // "les 35 ans et plus", "les 10 ans de la marque"
    if (is_de(p) && (fn(p - 1, kMoins) || fn(p - 1, kPlus)) && (fn(p - 2, kLes) || fn(p - 2, kDes) || fn(p - 2, kAux)))
      return true;
    if (is_de(p)) {
      if (fn(p - 1, kAge)) return true;  // "âgé de"
      const DateToken* n = at(p - 1);
      return n && n->kind == K::kWord && !lasting_noun(p - 1);  // "un homme de 38 ans"
    }
    return possessive(p);  // "ses 50 ans"
  }

  // Nouns (and words) after which "de N ans" is a length of time: "une peine de 5 ans", "au terme de".
  bool lasting_noun(size_t i) const {
    static constexpr std::string_view kLasting[] = {
        "peine", "période", "durée", "terme", "délai", "délais", "absence", "retard", "mandat", "mandats",
        "contrat", "bail", "travaux", "programme", "plan", "moratoire", "attente", "emprisonnement", "réclusion",
        "prison", "sursis", "interdiction", "suspension", "bout", "cours", "espace", "horizon", "intervalle",
        "total", "moyenne", "détention", "engagement", "exil", "guerre", "règne", "carrière", "histoire",
        "existence", "vie", "cycle", "études", "enquête", "procédure", "conflit", "crise", "gel", "plus",
        "moins", "près", "travail", "service", "présence", "pause", "trêve", "vacances", "congé", "stage",
        "formation", "investissement", "investissements", "ans", "années", "mois", "jours", "semaines"};
    const std::string_view w = word_text(i);
    for (std::string_view l : kLasting)
      if (w == l) return true;
    return cat(i, Cat::kFn) && !fn(i, kLes) && !fn(i, kDes) && !fn(i, kUn) && !fn(i, kUne);
  }

  bool possessive(size_t i) const {
    static constexpr std::string_view kPossessives[] = {"ses", "son", "leurs", "leur", "mes", "nos", "tes",
                                                        "vos", "Ses", "Son", "Leurs", "Leur", "Mes", "Nos"};
    const std::string_view w = word_text(i);
    for (std::string_view p : kPossessives)
      if (w == p) return true;
    return false;
  }

  // Sets: "chaque jour", "tous les jeudis", "tous les deux ans", "toutes les heures", "par an",
  // "les deuxième et quatrième jeudis", "annuel", "chaque matin".
  bool set_expr(size_t i, Found& f) const {
    if (cat(i, Cat::kFrequencyAdj)) {
      f.add(i, i + 1, literal(TimexType::kSet, duration_value(1, false, Unit(val(i, Cat::kFrequencyAdj)))));
      return true;
    }
    size_t j = i;
    if (fn(j, kPar) && cat(j + 1, Cat::kUnit) && !flag(j + 1, kPlural) && !is_de(j + 2)) {  // "par an"
      f.add(i, j + 2, literal(TimexType::kSet, duration_value(1, false, Unit(val(j + 1, Cat::kUnit)))));
      return true;
    }
    if (fn(j, kLes)) {  // "les jeudis", "les deuxième et quatrième jeudis"
      size_t k = j + 1;
      while (at(k) && (cat(k, Cat::kOrdinal) || t_[k].kind == K::kOrdinalNumber || fn(k, kEt) || punct(k, ','))) ++k;
      if (!cat(k, Cat::kWeekdays)) return false;
      f.add(i, k + 1, literal(TimexType::kSet, "XXXX-WXX-" + std::to_string(val(k, Cat::kWeekdays))));
      return true;
    }
    if (fn(j, kChaque)) {
      ++j;
    } else if ((fn(j, kTous) || fn(j, kToutes)) && fn(j + 1, kLes)) {
      j += 2;
    } else {
      return false;
    }
    int n = 1;
    Qty q;
    if (quantity(j, q, false) && !q.vague && cat(q.end, Cat::kUnit)) {  // "tous les deux ans"
      n = static_cast<int>(q.value);
      j = q.end;
    }
    if (cat(j, Cat::kUnit)) {
      f.add(i, j + 1, literal(TimexType::kSet, duration_value(n, false, Unit(val(j, Cat::kUnit)))));
      return true;
    }
    if (cat(j, Cat::kWeekday) || cat(j, Cat::kWeekdays)) {
      const int wd = cat(j, Cat::kWeekday) ? val(j, Cat::kWeekday) : val(j, Cat::kWeekdays);
      std::string v = "XXXX-WXX-" + std::to_string(wd);
      size_t k = j + 1;
      if (cat(k, Cat::kPartOfDay)) {
        v += std::string("T") + part_code(val(k, Cat::kPartOfDay));
        ++k;
      }
      f.add(i, k, literal(TimexType::kSet, v));
      return true;
    }
    if (cat(j, Cat::kPartOfDay)) {
      f.add(i, j + 1, literal(TimexType::kSet, std::string("XXXX-XX-XXT") + part_code(val(j, Cat::kPartOfDay))));
      return true;
    }
    if (cat(j, Cat::kWeekend)) {
      f.add(i, j + 1, literal(TimexType::kSet, "XXXX-WXX-WE"));
      return true;
    }
    if (cat(j, Cat::kSeason)) {
      f.add(i, j + 1, literal(TimexType::kSet, std::string("XXXX-") + season_code(val(j, Cat::kSeason))));
      return true;
    }
    return false;
  }

  // Parts of a day after a preposition: "dans la nuit", "au cours de la nuit", "dans la soirée", "en fin de
  // journée", "la nuit de samedi à dimanche", "le matin même". Their day is the last one mentioned.
  bool part_of_day(size_t i, Found& f) const {
    TimexSpec s;
    s.type = TimexType::kTime;
    s.grain = Grain::kPartOfDay;
    s.anchor = Anchor::kReference;
    if (fn(i, kEn) && cat(i + 1, Cat::kBoundary) && is_de(i + 2) && cat(i + 3, Cat::kPartOfDay) &&
        !flag(i + 3, kPlural)) {  // "en fin de journée"
      s.part = val(i + 3, Cat::kPartOfDay);
      f.add(i, i + 4, s);
      return true;
    }
    const size_t bj = boundary(i);  // "à la fin de la journée", "au début de la soirée"
    if (bj != i && (fn(bj, kLa) || fn(bj, kL)) && cat(bj + 1, Cat::kPartOfDay) && !flag(bj + 1, kPlural)) {
      s.part = val(bj + 1, Cat::kPartOfDay);
      f.add(span_start(i), bj + 2, s);
      return true;
    }
    const bool la = fn(i, kLa) || fn(i, kL), le = fn(i, kLe);
    if ((!la && !le) || !cat(i + 1, Cat::kPartOfDay) || flag(i + 1, kPlural)) return false;
    const int p = val(i + 1, Cat::kPartOfDay);
    const size_t k = i + 2;
    const bool after_preposition = fn(i - 1, kDans) || fn(i - 1, kPendant) || fn(i - 1, kDurant) || is_de(i - 1) ||
                                   fn(i - 1, kEn) || fn(i - 1, kDesAccent) || fn(i - 1, kJusqu) ||
                                   fn(i - 1, kTard) || fn(i - 1, kTot) || fn(i - 1, kVers);
    s.part = p;
    if (le) {  // "le matin même"; "le soir" as an adverb, not "le soir du premier tour"
      if (p != kMorning && p != kEvening) return false;
      if (fn(k, kMeme)) {
        f.add(i, k + 1, s);
        return true;
      }
      if (!(punct(i - 1, ',') || !at(i - 1) || after_preposition) || !(is_punct(k) || !at(k))) return false;
      f.add(i, k, s);
      return true;
    }
    // "L'après-midi, ...", "..., la nuit.": an adverb on its own
    const bool alone = (punct(i - 1, ',') || !at(i - 1)) && (is_punct(k) || !at(k)) && !punct(k, '-');
    if (!after_preposition && !alone) return false;
    if (fn(k, kDe) && cat(k + 1, Cat::kWeekday)) {  // "la nuit de samedi à dimanche": Saturday's night
      TimexSpec d;
      d.type = TimexType::kTime;
      d.grain = Grain::kPartOfDay;
      d.anchor = Anchor::kPublication;
      d.direction = Direction::kByTense;
      d.weekday = val(k + 1, Cat::kWeekday);
      d.part = p;
      size_t e = k + 2;
      if ((fn(e, kAGrave) || fn(e, kAu)) && cat(e + 1, Cat::kWeekday)) e += 2;
      f.add(i, e, d);
      return true;
    }
    if (is_de(k) || fn(k, kDu) || fn(k, kDes) || plain_word(k)) return false;  // "la nuit du 4 août", "la journée mondiale"
    if (p == kDaytime && !(fn(i - 1, kDans) || fn(i - 1, kDurant) || fn(i - 1, kPendant))) return false;
    f.add(i, k, s);
    return true;
  }

  // Holidays: "Noël", "la Toussaint", "Pâques", "la Saint-Sylvestre", "le jour de l'an", "le nouvel an".
  bool holiday(size_t i, Found& f) const {
    size_t j = i;
    if (fn(j, kLa) || fn(j, kLe)) ++j;
    TimexSpec s;
    s.anchor = Anchor::kPublication;
    if (cat(j, Cat::kHoliday)) {
      if (fn(j - 1, kPere) || fn(i - 1, kPere)) return false;  // "le père Noël"
      // "Jean-Noël Guérini", "Noël Ajoury": a first name
      if ((punct(j - 1, '-') && glued(j)) || (at(j + 1) && t_[j + 1].kind == K::kWord && t_[j + 1].capitalized &&
                                                !t_[j + 1].lex))
        return false;
      s.holiday = val(j, Cat::kHoliday);
      ++j;
    } else if (fn(j, kNouvel) && unit(j + 1, kYear)) {
      s.holiday = kNewYearsDay;
      j += 2;
    } else if (unit(j, kDay) && is_de(j + 1) && fn(j + 2, kL) && unit(j + 3, kYear) && !flag(j + 3, kPlural)) {
      s.holiday = kNewYearsDay;  // "le jour de l'an"
      j += 4;
    } else {
      return false;
    }
    int y = 0;
    if (number(j) && t_[j].ndigits[0] == 4 && year_after(j, y)) {
      s.year = y;
      s.anchor = Anchor::kNone;
      ++j;
    }
    f.add(i, j, s);
    return true;
  }

  // Words that name the present, past or future as such: "actuellement", "désormais", "autrefois",
  // "prochainement", "à présent" (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF).
  bool ref_adverb(size_t i, Found& f) const {
    int r = 0;
    size_t e = i + 1;
    if (cat(i, Cat::kRefAdverb)) {
      r = val(i, Cat::kRefAdverb);
    } else if (fn(i, kAGrave) && fn(i + 1, kPresent)) {
      r = kPresentRef;
      e = i + 2;
    } else if (fn(i, kEn) && fn(i + 1, kCe) && fn(i + 2, kMoment)) {
      r = kPresentRef;
      e = i + 3;
    } else {
      return false;
    }
    f.add(i, e, literal(TimexType::kTime, r == kPresentRef ? "PRESENT_REF" : r == kPastRef ? "PAST_REF"
                                                                                           : "FUTURE_REF"));
    return true;
  }

  std::string_view text_;
  const std::vector<DateToken>& t_;
  size_t b_, e_;
};


// ---------------------------------------------------------------- tense

bool ends_with(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

bool lower_word(std::string_view w) { return !w.empty() && ((w[0] >= 'a' && w[0] <= 'z') || w[0] == '\xc3'); }

// Futur simple: "sera", "aura", "ira", "viendra", "pourront", "annoncera". Read on the text as written, so
// that "opéra" and "caméra" (é before the r) do not count. The endings: -erai -irai -eras -iras, and
// -ra -rons -rez -ront after e, i, u, r, d or v; tested from the last letters, as this runs on every word
// near a bare weekday.
bool future_form(std::string_view w) {
  if (!lower_word(w) || w.size() < 3) return false;
  auto before = [&](size_t n, std::string_view letters) {
    return w.size() > n && letters.find(w[w.size() - 1 - n]) != std::string_view::npos;
  };
  constexpr std::string_view kAny = "eiurdv", kEI = "ei";
  const bool ending = ends_with(w, "ra")                        ? before(2, kAny)
                      : ends_with(w, "rai") || ends_with(w, "ras") ? before(3, kEI)
                      : ends_with(w, "rez")                       ? before(3, kAny)
                      : ends_with(w, "rons") || ends_with(w, "ront") ? before(4, kAny)
                                                                    : false;
  if (!ending) return false;
  static constexpr std::string_view kExceptions[] = {
      "environs", "extra", "ultra", "cobra", "sierra", "mantra", "contra", "terra", "tiara", "escadrons",
      "marrons", "chaperons", "vignerons", "bûcherons", "forgerons", "liserons", "biberons", "moucherons"};
  for (std::string_view e : kExceptions)
    if (w == e) return false;
  return true;
}

bool infinitive(std::string_view w) {
  return lower_word(w) && w.size() >= 3 &&
         (ends_with(w, "er") || ends_with(w, "ir") || ends_with(w, "re") || ends_with(w, "oir"));
}

bool participle(std::string_view w) {
  if (!lower_word(w) || w.size() < 2) return false;
  static constexpr std::string_view kEndings[] = {"é",  "ée", "és",  "ées",  "i",   "ie",   "is",  "it",
                                                  "its", "ite", "ites", "u",   "ue",  "us",   "ert", "erte",
                                                  "erts", "ort", "orte", "int", "inte", "ints"};
  for (std::string_view e : kEndings)
    if (ends_with(w, e)) return true;
  return false;
}

// The words the tense reader reads by name, found with one look-up (most words are none of them).
enum VerbWord : uint8_t {
  kGoingVerb = 1,  // makes an infinitive after it a future: "va se rendre", "doit s'exprimer"; "devait
                   // débuter en septembre", "allait signer": a future seen from the past, still ahead when told
  kPlanned = 2,    // "prévu", "programmé", "attendu"
  kAuxiliary = 4,  // with a participle, the passé composé or the plus-que-parfait
  kBeing = 8,      // an auxiliary "être": "est prévu" is no past
  kQue = 16,       // opens another clause
};

struct VerbEntry {
  std::string_view word;
  uint8_t roles;
};
constexpr VerbEntry kVerbWords[] = {
    {"va", kGoingVerb}, {"vont", kGoingVerb}, {"vais", kGoingVerb}, {"allons", kGoingVerb},
    {"doit", kGoingVerb}, {"doivent", kGoingVerb}, {"devrait", kGoingVerb}, {"devraient", kGoingVerb},
    {"devra", kGoingVerb}, {"devront", kGoingVerb}, {"devait", kGoingVerb}, {"devaient", kGoingVerb},
    {"allait", kGoingVerb}, {"allaient", kGoingVerb},
    {"prévu", kPlanned}, {"prévue", kPlanned}, {"prévus", kPlanned}, {"prévues", kPlanned},
    {"programmé", kPlanned}, {"programmée", kPlanned}, {"programmés", kPlanned}, {"programmées", kPlanned},
    {"attendu", kPlanned}, {"attendue", kPlanned},
    {"a", kAuxiliary}, {"ont", kAuxiliary}, {"avait", kAuxiliary}, {"avaient", kAuxiliary}, {"ai", kAuxiliary},
    {"avons", kAuxiliary}, {"avez", kAuxiliary}, {"eu", kAuxiliary}, {"est", kAuxiliary | kBeing},
    {"sont", kAuxiliary | kBeing}, {"était", kAuxiliary | kBeing}, {"étaient", kAuxiliary | kBeing},
    {"fut", kAuxiliary}, {"furent", kAuxiliary}, {"été", kAuxiliary},
    {"que", kQue}, {"qu'", kQue}, {"qu’", kQue},
};

// A word's length and first byte in one number; the table sorted by it is searched by halves.
constexpr uint16_t verb_key(std::string_view w) {
  return static_cast<uint16_t>(w.size() << 8 | static_cast<unsigned char>(w[0]));
}
constexpr auto kVerbTable = [] {
  std::array<VerbEntry, std::size(kVerbWords)> t{};
  std::copy(std::begin(kVerbWords), std::end(kVerbWords), t.begin());
  std::sort(t.begin(), t.end(), [](const VerbEntry& a, const VerbEntry& b) { return verb_key(a.word) < verb_key(b.word); });
  return t;
}();
constexpr auto kVerbKeys = [] {
  std::array<uint16_t, kVerbTable.size()> keys{};
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = verb_key(kVerbTable[i].word);
  return keys;
}();

uint8_t verb_word(std::string_view w) {
  if (w.empty() || w.size() > 12) return 0;
  const uint16_t key = verb_key(w);
  for (size_t i = std::lower_bound(kVerbKeys.begin(), kVerbKeys.end(), key) - kVerbKeys.begin();
       i < kVerbKeys.size() && kVerbKeys[i] == key; ++i)
    if (kVerbTable[i].word == w) return kVerbTable[i].roles;
  return 0;
}

enum class Marker : uint8_t { kNone, kPast, kFuture, kBoundary };

// What a word says of its clause's tense; kBoundary: the word opens another clause (an infinitive that no
// "va"/"doit" governs, "que"), past which the verbs are not the expression's.
Marker marker_at(std::string_view text, const Token* t, size_t i, size_t end) {
  const Token& x = t[i];
  if (!x.has(Token::kWord)) {  // a colon, a question, a quotation: another clause
    const std::string_view p = text.substr(x.span.begin, x.span.size());
    return p == ":" || p == ";" || p == "?" || p == "!" || p == "\"" || p == "«" || p == "»" || p == "“" || p == "”"
               ? Marker::kBoundary
               : Marker::kNone;
  }
  if (x.has(Token::kCapitalized) || x.has(Token::kNumber)) return Marker::kNone;
  const std::string_view w = text.substr(x.span.begin, x.span.size());
  auto next_word = [&](size_t from, size_t span, auto&& pred) {
    for (size_t k = from; k < end && k < from + span; ++k) {
      if (!t[k].has(Token::kWord)) return false;
      if (pred(text.substr(t[k].span.begin, t[k].span.size()))) return true;
    }
    return false;
  };
  const uint8_t roles = verb_word(w);
  // futur proche, and "doit"/"devrait" + infinitive: "va se rendre", "doit s'exprimer"
  if ((roles & kGoingVerb) && next_word(i + 1, 3, infinitive)) return Marker::kFuture;
  if (roles & kPlanned) return Marker::kFuture;
  if (future_form(w)) return Marker::kFuture;
  // passé composé and plus-que-parfait: an auxiliary and a participle. The imperfect alone ("avaient
  // jusqu'au 30 juin", often reported speech) says little; with a participle ("avait annoncé") it is a past.
  if (roles & kAuxiliary) {
    if (w == "été") return Marker::kPast;
    if (next_word(i + 1, 3, [&](std::string_view n) {
          if ((roles & kBeing) && (n == "prévu" || n == "prévue" || n == "prévus" || n == "prévues")) return false;
          return participle(n) || n == "été" || n == "eu";
        }))
      return Marker::kPast;
  }
  if (roles & kQue) return Marker::kBoundary;
  if (w.size() >= 4 && (ends_with(w, "er") || ends_with(w, "ir"))) {
    // an infinitive ("venir", "concentrer"), unless a future auxiliary governs it ("va se rendre")
    for (size_t k = i; k-- > 0 && k + 4 > i;) {
      if (!t[k].has(Token::kWord)) break;
      if (verb_word(text.substr(t[k].span.begin, t[k].span.size())) & kGoingVerb) return Marker::kFuture;
    }
    return dates::lookup_surface(w) ? Marker::kNone : Marker::kBoundary;  // "hier", "janvier" are no verbs
  }
  return Marker::kNone;
}

// The lexicon entry of short words already seen by this thread. Folding and looking up a word depends on
// its bytes alone (and, for "A", on whether it opens a sentence), and the words that get this far are mostly
// the same few function words ("le", "de", "à"), so a small direct-mapped table of words of up to 8 bytes
// spares most of them the folding and the hash look-up. The first halves of compounds ("avant", "week")
// depend on the next tokens and are never kept.
class ShortWordMemo {
 public:
  //! Whether `w` (opening a sentence or not) was kept; if so its entry (perhaps none) is in `lex`.
  bool find(std::string_view w, bool sentence_start, const LexEntry*& lex) const {
    if (w.size() > 8) return false;
    const uint64_t key = pack(w);
    const Slot& s = slots_[index(key, meta(w, sentence_start))];
    if (s.meta != meta(w, sentence_start) || s.key != key) return false;
    lex = s.lex;
    return true;
  }
  void keep(std::string_view w, bool sentence_start, const LexEntry* lex) {
    if (w.size() > 8) return;
    const uint64_t key = pack(w);
    Slot& s = slots_[index(key, meta(w, sentence_start))];
    s.key = key;
    s.meta = meta(w, sentence_start);
    s.lex = lex;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t meta = 0;  // 0: empty
    const LexEntry* lex = nullptr;
  };
  static constexpr size_t kSlots = 256;
  static uint64_t pack(std::string_view w) {
    uint64_t k = 0;
    for (size_t i = 0; i < w.size(); ++i) k |= static_cast<uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
    return k;
  }
  static uint32_t meta(std::string_view w, bool sentence_start) {
    return static_cast<uint32_t>(w.size()) | (sentence_start ? 16u : 0u);
  }
  static size_t index(uint64_t key, uint32_t meta) {
    return static_cast<size_t>(((key ^ meta) * 0x9E3779B97F4A7C15ull) >> 56) & (kSlots - 1);
  }
  Slot slots_[kSlots];
};

}  // namespace

void make_date_tokens(std::string_view text, const Token* tokens, size_t n, std::vector<DateToken>& out) {
  out.reserve(out.size() + n);
  thread_local const TermFilter filter;
  thread_local ShortWordMemo memo;
  uint32_t prev_end = UINT32_MAX;
  char buf[kMaxWordBytes + 2];
  for (size_t k = 0; k < n; ++k) {
    const Token& tok = tokens[k];
    DateToken& t = out.emplace_back();
    t.source = static_cast<uint32_t>(k);
    t.begin = tok.span.begin;
    t.end = tok.span.end;
    t.space_before = prev_end == UINT32_MAX || tok.span.begin != prev_end;
    prev_end = tok.span.end;
    t.capitalized = tok.has(Token::kCapitalized);
    t.sentence_start = tok.has(Token::kSentenceStart);
    t.stop = tok.has(Token::kStop);
    const std::string_view w = text.substr(tok.span.begin, tok.span.size());
    if (!tok.has(Token::kWord)) {
      t.kind = K::kPunct;
      t.punct = static_cast<unsigned char>(w[0]) < 0x80 ? w[0] : 0;
      continue;
    }
    if (tok.has(Token::kNumber)) {
      t.kind = K::kNumber;
      t.temporal = true;
      parse_number(w, t);
      continue;
    }
    t.kind = K::kWord;
    if (is_digit(w[0])) {
      t.temporal = parse_digit_word(w, t);
      continue;
    }
    t.lowercase = !t.capitalized;
    if (tok.term != 0 && !filter.may_be_word(tok.term)) {  // most words: no need to fold them
      continue;
    }
    auto take = [&t](const LexEntry* e) {
      t.lex = e;
      t.temporal = names_time(e);
      if (e && e->is(Cat::kFn)) t.fn = static_cast<int8_t>(e->value_of(Cat::kFn));
    };
    if (const LexEntry* e = nullptr; memo.find(w, t.sentence_start, e)) {
      take(e);
      continue;
    }
    bool accented = false;
    size_t len = fold_word(w, buf, accented);
    if (len == 0) {
      memo.keep(w, t.sentence_start, nullptr);
      continue;
    }
    // compounds the segmenter splits at the hyphen: "avant-hier", "après-midi", "week-end", "Saint-Sylvestre"
    const std::string_view first(buf, len);
    const bool head = first == "avant" || first == "apres" || first == "week" || first == "saint";
    if (head && k + 2 < n &&
        !tokens[k + 1].has(Token::kWord) && tokens[k + 1].span.begin == tok.span.end &&
        tokens[k + 1].span.size() == 1 && text[tokens[k + 1].span.begin] == '-' &&
        tokens[k + 2].span.begin == tokens[k + 1].span.end && tokens[k + 2].has(Token::kWord)) {
      char joined[2 * kMaxWordBytes + 4];
      std::memcpy(joined, buf, len);
      joined[len] = '-';
      bool accented2 = false;
      const size_t len2 = fold_word(text.substr(tokens[k + 2].span.begin, tokens[k + 2].span.size()),
                                    joined + len + 1, accented2);
      if (len2 && len + 1 + len2 <= kMaxWordBytes) {
        if (const LexEntry* e = lookup(std::string_view(joined, len + 1 + len2))) {
          t.lex = e;
          t.temporal = true;
          t.end = tokens[k + 2].span.end;
          prev_end = t.end;
          k += 2;
          continue;
        }
      }
    }
    // à, dès, là; and "A" opening a sentence, which is "À" without its accent (the verb never opens one)
    if ((accented && (first == "a" || first == "des" || first == "la")) || (w == "A" && t.sentence_start)) {
      buf[len++] = '`';
    }
    take(lookup(std::string_view(buf, len)));
    if (!head) memo.keep(w, t.sentence_start, t.lex);
  }
}

void date_windows(std::string_view text, const Token* t, size_t n, std::vector<std::pair<uint32_t, uint32_t>>& out) {
  // Room around an anchor for the rest of an expression and the context the grammar reads: the longest
  // lead before an anchor is "à la fin de l'[année]", the longest tail "[30] du soir", plus two tokens.
  constexpr size_t kBefore = 8, kAfter = 7;
  thread_local const TermFilter filter;
  auto word = [&](size_t k) { return text.substr(t[k].span.begin, t[k].span.size()); };
  auto is_one_of = [&](size_t k, std::initializer_list<std::string_view> words) {
    const std::string_view w = word(k);
    for (std::string_view x : words)
      if (w == x) return true;
    return false;
  };
  auto anchor = [&](size_t k) {
    const Token& x = t[k];
    if (!x.has(Token::kWord)) return false;
    if (x.has(Token::kNumber)) {
      if (x.span.size() == 4 && (text[x.span.begin] == '1' || text[x.span.begin] == '2')) return true;  // a year?
      if (k + 1 < n) {
        const Token& y = t[k + 1];
        if (y.has(Token::kWord) ? (filter.code(y.term) & TermFilter::kTime) || is_one_of(k + 1, {"h", "H"})
                                : y.span.begin == x.span.end && is_one_of(k + 1, {"/", ":", "-"}))
          return true;
      }
      return k > 0 && is_one_of(k - 1, {"le", "Le", "les", "Les", "du", "au", "Du", "Au"});
    }
    // Below, a word that names no time is an anchor only if it starts with a digit: most words leave here.
    const bool digit = text[x.span.begin] >= '0' && text[x.span.begin] <= '9';
    if (!digit && !filter.may_name_time(x.term)) return false;
    const uint8_t code = filter.code(x.term);
    if (code & TermFilter::kTime) return true;
    if (code == 0) {  // "10h30" is an anchor; "1er" and "35e" need a month, which is one
      return digit && word(k).find_first_of("hH") != std::string_view::npos;
    }
    if (code & TermFilter::kEte) {  // the season, not the participle: "en été", "l'été", "cet été", "été 2020"
      return x.has(Token::kSentenceStart) ||
             (k > 0 && is_one_of(k - 1, {"en", "En", "l'", "L'", "l’", "L’", "cet", "Cet", "chaque", "Chaque"})) ||
             (k + 1 < n && t[k + 1].has(Token::kNumber));
    }
    return false;
  };
  for (size_t k = 0; k < n; ++k) {
    if (!anchor(k)) continue;
    const auto b = static_cast<uint32_t>(k > kBefore ? k - kBefore : 0);
    const auto e = static_cast<uint32_t>(std::min(n, k + 1 + kAfter));
    if (!out.empty() && out.back().second >= b) {
      out.back().second = e;
    } else {
      out.emplace_back(b, e);
    }
  }
}

void match_dates(std::string_view text, const std::vector<DateToken>& tokens, size_t begin, size_t end,
                 std::vector<DateMatch>& out) {
  Matcher(text, tokens, begin, end).run(out);
}

Tense tense_at(std::string_view text, const Token* tokens, size_t n, size_t at) {
  return TenseReader(text, tokens, n).at(at);
}

namespace {
std::vector<int8_t>& tense_memo() {
  thread_local std::vector<int8_t> memo;
  return memo;
}
}  // namespace

TenseReader::TenseReader(std::string_view field_text, const Token* tokens, size_t n)
    : text_(field_text), tokens_(tokens), n_(n), memo_(tense_memo()) {
  memo_.assign(n, -1);
}

Tense TenseReader::at(size_t at) {
  // The nearest marker of the expression's clause wins; on the left first at equal distance (the verb
  // usually comes before the date). A clause boundary stops the search on its side.
  constexpr size_t kReach = 15;  // tokens either side; a verb farther away belongs to another clause
  bool open[2] = {true, true};
  for (size_t d = 1; d < n_ && d <= kReach && (open[0] || open[1]); ++d) {
    for (int side = 0; side < 2; ++side) {
      if (!open[side] || (side == 0 && at < d)) continue;
      const size_t i = side == 0 ? at - d : at + d;
      if (i >= n_) continue;
      int8_t& memo = memo_[i];
      if (memo < 0) memo = static_cast<int8_t>(marker_at(text_, tokens_, i, n_));
      switch (static_cast<Marker>(memo)) {
        case Marker::kFuture: return Tense::kFuture;
        case Marker::kPast: return Tense::kPast;
        case Marker::kBoundary: open[side] = false; break;
        case Marker::kNone: break;
      }
    }
  }
  return Tense::kPresent;
}

}  // namespace recoupe::dates
