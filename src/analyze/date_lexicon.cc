#include "analyze/date_lexicon.h"

#include <array>
#include <cstring>
#include <string>

#include "analyze/lexicon.h"
#include "common/folding.h"

namespace recoupe::dates {
namespace {

struct Row {
  const char* word;
  LexEntry entry;
};

constexpr LexEntry E(Cat c, int v, uint8_t flags = 0) {
  return LexEntry{c, static_cast<int16_t>(v), Cat::kNone, 0, flags};
}
constexpr LexEntry E2(Cat c, int v, Cat c2, int v2, uint8_t flags = 0) {
  return LexEntry{c, static_cast<int16_t>(v), c2, static_cast<int16_t>(v2), flags};
}
constexpr bool starts(Fn f) {
  switch (f) {
    case kLe: case kLa: case kLes: case kL: case kCe: case kCet: case kCette: case kCes: case kUn: case kUne:
    case kEn: case kDes: case kD: case kAu: case kAux: case kAGrave: case kIl: case kDans: case kPar: case kChaque:
    case kTous: case kToutes: case kTout: case kToute: case kEnviron: case kPresque: case kQuelque: case kPres:
    case kPlus: case kMoins: case kNouvel:
      return true;
    default:
      return false;
  }
}
constexpr LexEntry F(Fn f) { return E(Cat::kFn, f, starts(f) ? kStarter : 0); }

// Words as they are written; the table keys them by their folded form (see fold_word), and knows the terms
// the lexical component gives them. A word with two readings carries both.
const Row kRows[] = {
    // months, and abbreviations that only count after a day number
    {"janvier", E(Cat::kMonth, 1)}, {"février", E(Cat::kMonth, 2)}, {"mars", E(Cat::kMonth, 3)},
    {"avril", E(Cat::kMonth, 4)}, {"mai", E(Cat::kMonth, 5)}, {"juin", E(Cat::kMonth, 6)},
    {"juillet", E(Cat::kMonth, 7)}, {"août", E(Cat::kMonth, 8)}, {"septembre", E(Cat::kMonth, 9)},
    {"octobre", E(Cat::kMonth, 10)}, {"novembre", E(Cat::kMonth, 11)}, {"décembre", E(Cat::kMonth, 12)},
    {"janv", E(Cat::kMonthAbbr, 1)}, {"fév", E(Cat::kMonthAbbr, 2)}, {"févr", E(Cat::kMonthAbbr, 2)},
    {"avr", E(Cat::kMonthAbbr, 4)}, {"juil", E(Cat::kMonthAbbr, 7)}, {"oct", E(Cat::kMonthAbbr, 10)},
    {"nov", E(Cat::kMonthAbbr, 11)}, {"déc", E(Cat::kMonthAbbr, 12)},
    // weekdays
    {"lundi", E(Cat::kWeekday, 1)}, {"mardi", E(Cat::kWeekday, 2)}, {"mercredi", E(Cat::kWeekday, 3)},
    {"jeudi", E(Cat::kWeekday, 4)}, {"vendredi", E(Cat::kWeekday, 5)}, {"samedi", E(Cat::kWeekday, 6)},
    {"dimanche", E(Cat::kWeekday, 7)},
    {"lundis", E(Cat::kWeekdays, 1)}, {"mardis", E(Cat::kWeekdays, 2)}, {"mercredis", E(Cat::kWeekdays, 3)},
    {"jeudis", E(Cat::kWeekdays, 4)}, {"vendredis", E(Cat::kWeekdays, 5)}, {"samedis", E(Cat::kWeekdays, 6)},
    {"dimanches", E(Cat::kWeekdays, 7)},
    // numbers in words; compounds ("dix-huit", "vingt et un", "quatre-vingt-dix") are parsed by the matcher
    {"zéro", E(Cat::kNumber, 0)}, {"un", E2(Cat::kNumber, 1, Cat::kFn, kUn, kStarter)},
    {"une", E2(Cat::kNumber, 1, Cat::kFn, kUne, kFeminine | kStarter)}, {"deux", E(Cat::kNumber, 2)},
    {"trois", E(Cat::kNumber, 3)}, {"quatre", E(Cat::kNumber, 4)}, {"cinq", E(Cat::kNumber, 5)},
    {"six", E(Cat::kNumber, 6)}, {"sept", E2(Cat::kNumber, 7, Cat::kMonthAbbr, 9)}, {"huit", E(Cat::kNumber, 8)},
    {"neuf", E(Cat::kNumber, 9)}, {"dix", E(Cat::kNumber, 10)}, {"onze", E(Cat::kNumber, 11)},
    {"douze", E(Cat::kNumber, 12)}, {"treize", E(Cat::kNumber, 13)}, {"quatorze", E(Cat::kNumber, 14)},
    {"quinze", E(Cat::kNumber, 15)}, {"seize", E(Cat::kNumber, 16)}, {"vingt", E(Cat::kNumber, 20)},
    {"vingts", E(Cat::kNumber, 20)}, {"trente", E(Cat::kNumber, 30)}, {"quarante", E(Cat::kNumber, 40)},
    {"cinquante", E(Cat::kNumber, 50)}, {"soixante", E(Cat::kNumber, 60)}, {"cent", E(Cat::kNumber, 100)},
    {"cents", E(Cat::kNumber, 100)}, {"mille", E(Cat::kNumber, 1000)},
    // ordinals
    {"premier", E(Cat::kOrdinal, 1)}, {"première", E(Cat::kOrdinal, 1, kFeminine)},
    {"premiers", E(Cat::kOrdinal, 1, kPlural)}, {"premières", E(Cat::kOrdinal, 1, kPlural | kFeminine)},
    {"deuxième", E(Cat::kOrdinal, 2)}, {"second", E(Cat::kOrdinal, 2)}, {"troisième", E(Cat::kOrdinal, 3)},
    {"quatrième", E(Cat::kOrdinal, 4)}, {"cinquième", E(Cat::kOrdinal, 5)}, {"sixième", E(Cat::kOrdinal, 6)},
    {"septième", E(Cat::kOrdinal, 7)}, {"huitième", E(Cat::kOrdinal, 8)}, {"neuvième", E(Cat::kOrdinal, 9)},
    {"dixième", E(Cat::kOrdinal, 10)},
    // units of time
    {"seconde", E(Cat::kUnit, kSecond, kFeminine)}, {"secondes", E(Cat::kUnit, kSecond, kPlural | kFeminine)},
    {"minute", E(Cat::kUnit, kMinute, kFeminine)}, {"minutes", E(Cat::kUnit, kMinute, kPlural | kFeminine)},
    {"min", E(Cat::kUnit, kMinute, kPlural)}, {"mn", E(Cat::kUnit, kMinute, kPlural)},
    {"heure", E(Cat::kUnit, kHour, kFeminine)}, {"heures", E(Cat::kUnit, kHour, kPlural | kFeminine)},
    {"jour", E(Cat::kUnit, kDay)}, {"jours", E(Cat::kUnit, kDay, kPlural)},
    {"journée", E2(Cat::kUnit, kDay, Cat::kPartOfDay, kDaytime, kFeminine)},
    {"journées", E(Cat::kUnit, kDay, kPlural | kFeminine)},
    {"semaine", E(Cat::kUnit, kWeek, kFeminine)}, {"semaines", E(Cat::kUnit, kWeek, kPlural | kFeminine)},
    {"quinzaine", E(Cat::kUnit, kFortnight, kFeminine)},
    {"mois", E(Cat::kUnit, kMonthUnit, kPlural)},  // singular and plural
    {"trimestre", E(Cat::kUnit, kQuarter)}, {"trimestres", E(Cat::kUnit, kQuarter, kPlural)},
    {"semestre", E(Cat::kUnit, kSemester)}, {"semestres", E(Cat::kUnit, kSemester, kPlural)},
    {"an", E(Cat::kUnit, kYear)}, {"ans", E(Cat::kUnit, kYear, kPlural)},
    {"année", E(Cat::kUnit, kYear, kFeminine)}, {"années", E(Cat::kUnit, kYear, kPlural | kFeminine)},
    {"décennie", E(Cat::kUnit, kDecade, kFeminine)}, {"décennies", E(Cat::kUnit, kDecade, kPlural | kFeminine)},
    {"siècle", E(Cat::kUnit, kCentury)}, {"siècles", E(Cat::kUnit, kCentury, kPlural)},
    // parts of the day
    {"matin", E(Cat::kPartOfDay, kMorning)}, {"matinée", E(Cat::kPartOfDay, kMorning, kFeminine)},
    {"après-midi", E(Cat::kPartOfDay, kAfternoon)}, {"soir", E(Cat::kPartOfDay, kEvening)},
    {"soirée", E(Cat::kPartOfDay, kEvening, kFeminine)}, {"nuit", E(Cat::kPartOfDay, kNight, kFeminine)},
    {"matins", E(Cat::kPartOfDay, kMorning, kPlural)}, {"soirs", E(Cat::kPartOfDay, kEvening, kPlural)},
    {"nuits", E(Cat::kPartOfDay, kNight, kPlural | kFeminine)},
    // seasons ("été" is also a past participle: the matcher asks for a determiner)
    {"printemps", E(Cat::kSeason, 1)}, {"été", E(Cat::kSeason, 2)}, {"automne", E(Cat::kSeason, 3)},
    {"hiver", E(Cat::kSeason, 4)},
    // deictics
    {"hier", E(Cat::kDeictic, -1)}, {"avant-hier", E(Cat::kDeictic, -2)},
    {"aujourd'hui", E(Cat::kDeictic, 0)}, {"demain", E(Cat::kDeictic, 1)}, {"après-demain", E(Cat::kDeictic, 2)},
    {"veille", E(Cat::kDeictic, -1, kFromReference)}, {"avant-veille", E(Cat::kDeictic, -2, kFromReference)},
    {"lendemain", E(Cat::kDeictic, 1, kFromReference)}, {"surlendemain", E(Cat::kDeictic, 2, kFromReference)},
    // relative adjectives
    {"dernier", E(Cat::kRelative, -1)}, {"dernière", E(Cat::kRelative, -1, kFeminine)},
    {"derniers", E(Cat::kRelative, -1, kPlural)}, {"dernières", E(Cat::kRelative, -1, kPlural | kFeminine)},
    {"passé", E(Cat::kRelative, -1)}, {"passée", E(Cat::kRelative, -1, kFeminine)},
    {"passés", E(Cat::kRelative, -1, kPlural)}, {"passées", E(Cat::kRelative, -1, kPlural | kFeminine)},
    {"prochain", E(Cat::kRelative, 1)}, {"prochaine", E(Cat::kRelative, 1, kFeminine)},
    {"prochains", E(Cat::kRelative, 1, kPlural)}, {"prochaines", E(Cat::kRelative, 1, kPlural | kFeminine)},
    {"suivant", E(Cat::kRelative, 1, kFromReference)}, {"suivante", E(Cat::kRelative, 1, kFromReference | kFeminine)},
    {"précédent", E(Cat::kRelative, -1, kFromReference)},
    {"précédente", E(Cat::kRelative, -1, kFromReference | kFeminine)},
    // clock words and marks
    {"midi", E(Cat::kClockWord, 12)}, {"minuit", E(Cat::kClockWord, 0)}, {"h", E(Cat::kHourMark, 0)},
    // boundaries of a period
    {"début", E(Cat::kBoundary, kStart)}, {"mi", E(Cat::kBoundary, kMid)}, {"milieu", E(Cat::kBoundary, kMiddle)},
    {"fin", E(Cat::kBoundary, kEnd)}, {"courant", E(Cat::kBoundary, kCurrent)},
    {"week-end", E(Cat::kWeekend, 0)}, {"weekend", E(Cat::kWeekend, 0)},
    {"week-ends", E(Cat::kWeekend, 0, kPlural)}, {"weekends", E(Cat::kWeekend, 0, kPlural)},
    // holidays
    {"noël", E(Cat::kHoliday, kChristmas)}, {"toussaint", E(Cat::kHoliday, kAllSaints)},
    {"saint-sylvestre", E(Cat::kHoliday, kNewYearsEve)}, {"pâques", E(Cat::kHoliday, kEaster)},
    // words that refer to the present, the past or the future as such (TIMEX3 PRESENT_REF, ...)
    {"actuellement", E(Cat::kRefAdverb, kPresentRef)}, {"désormais", E(Cat::kRefAdverb, kPresentRef)},
    {"maintenant", E(Cat::kRefAdverb, kPresentRef)}, {"auparavant", E(Cat::kRefAdverb, kPastRef)},
    {"autrefois", E(Cat::kRefAdverb, kPastRef)}, {"jadis", E(Cat::kRefAdverb, kPastRef)},
    {"naguère", E(Cat::kRefAdverb, kPastRef)}, {"récemment", E(Cat::kRefAdverb, kPastRef)},
    {"prochainement", E(Cat::kRefAdverb, kFutureRef)}, {"bientôt", E(Cat::kRefAdverb, kFutureRef)},
    // frequencies and terms
    {"annuel", E(Cat::kFrequencyAdj, kYear)}, {"annuelle", E(Cat::kFrequencyAdj, kYear)},
    {"annuels", E(Cat::kFrequencyAdj, kYear)}, {"annuelles", E(Cat::kFrequencyAdj, kYear)},
    {"mensuel", E(Cat::kFrequencyAdj, kMonthUnit)}, {"mensuelle", E(Cat::kFrequencyAdj, kMonthUnit)},
    {"mensuels", E(Cat::kFrequencyAdj, kMonthUnit)}, {"mensuelles", E(Cat::kFrequencyAdj, kMonthUnit)},
    {"hebdomadaire", E(Cat::kFrequencyAdj, kWeek)}, {"hebdomadaires", E(Cat::kFrequencyAdj, kWeek)},
    {"quinquennat", E(Cat::kTerm, 5)}, {"septennat", E(Cat::kTerm, 7)},
    {"quelques", E(Cat::kVague, 0)}, {"plusieurs", E(Cat::kVague, 0)},
    // function words
    {"le", F(kLe)}, {"la", F(kLa)}, {"les", F(kLes)}, {"l'", F(kL)}, {"ce", F(kCe)}, {"cet", F(kCet)},
    {"cette", F(kCette)}, {"ces", F(kCes)}, {"en", F(kEn)}, {"de", F(kDe)}, {"d'", F(kD)}, {"du", F(kDu)},
    {"des", F(kDes)}, {"dès", F(kDesAccent)}, {"au", F(kAu)}, {"aux", F(kAux)}, {"à", F(kAGrave)},
    {"a", F(kAVerb)}, {"il", F(kIl)}, {"y", F(kY)}, {"vers", F(kVers)}, {"depuis", F(kDepuis)},
    {"jusqu'", F(kJusqu)}, {"jusque", F(kJusqu)}, {"dans", F(kDans)}, {"pendant", F(kPendant)},
    {"durant", F(kDurant)}, {"sur", F(kSur)}, {"par", F(kPar)}, {"pour", F(kPour)}, {"entre", F(kEntre)},
    {"avant", F(kAvant)}, {"après", F(kApres)}, {"plus", F(kPlus)}, {"moins", F(kMoins)}, {"tard", F(kTard)},
    {"tôt", F(kTot)}, {"même", F(kMeme)}, {"quart", F(kQuart)}, {"quarts", F(kQuart)}, {"demi", F(kDemi)}, {"demie", F(kDemie)},
    {"et", F(kEt)}, {"ou", F(kOu)}, {"partir", F(kPartir)}, {"alentours", F(kAlentours)}, {"autour", F(kAutour)},
    {"ici", F(kIci)}, {"ci", F(kCi)}, {"là", F(kLaGrave)}, {"tout", F(kTout)}, {"toute", F(kToute)},
    {"tous", F(kTous)}, {"toutes", F(kToutes)}, {"chaque", F(kChaque)}, {"environ", F(kEnviron)},
    {"près", F(kPres)}, {"quelque", F(kQuelque)}, {"presque", F(kPresque)}, {"cours", F(kCours)},
    {"pile", F(kPile)}, {"précises", F(kPrecises)}, {"père", F(kPere)}, {"nouvel", F(kNouvel)}, {"moment", F(kMoment)},
    {"présent", F(kPresent)},
    {"dizaine", F(kDizaine)}, {"vingtaine", F(kVingtaine)}, {"centaine", F(kCentaine)},
    {"âge", F(kAge)}, {"âgé", F(kAge)}, {"âgée", F(kAge)}, {"âgés", F(kAge)}, {"âgées", F(kAge)}, {"bon", F(kBon)}, {"bonne", F(kBonne)},
};

// Open addressing over FNV-1a of the folded word; the table is a few times larger than the rows.
constexpr size_t kSlots = 1024;

struct Slot {
  char key[kMaxWordBytes + 2];
  uint8_t len;
  LexEntry entry;
  bool used;
};

inline uint64_t fnv1a(std::string_view s) noexcept {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// The folded key of a row: "dès" is "des`" (see lookup()).
size_t row_key(std::string_view word, char* out) {
  bool accented = false;
  size_t n = fold_word(word, out, accented);
  const std::string_view k(out, n);
  if (accented && (k == "a" || k == "des" || k == "la")) out[n++] = '`';
  return n;
}

}  // namespace

// The table behind TermFilter (see date_lexicon.h).
struct TermSet {
  std::array<uint32_t, TermFilter::kSlots> slots{};
  std::array<uint64_t, TermFilter::kTimeBits / 64> time_bits{};
  void insert(uint64_t t, uint8_t code) {
    if (t == 0) return;  // the lexical component gives punctuation term 0
    const uint32_t f = TermFilter::fingerprint(t);
    if (code & (TermFilter::kTime | TermFilter::kEte)) {
      const uint32_t bit = f & (TermFilter::kTimeBits - 1);
      time_bits[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    size_t i = t & (TermFilter::kSlots - 1);
    while (slots[i] != 0 && (slots[i] >> 8) != f) i = (i + 1) & (TermFilter::kSlots - 1);
    slots[i] = (f << 8) | (slots[i] & 0xFFu) | code;
  }
};

namespace {

struct Table {
  std::array<Slot, kSlots> slots{};

  Table() {
    static_assert(sizeof(kRows) / sizeof(kRows[0]) < kSlots / 2, "the lexicon table is too full");
    for (const Row& r : kRows) {
      char key[kMaxWordBytes + 2];
      const size_t n = row_key(r.word, key);
      size_t i = fnv1a(std::string_view(key, n)) & (kSlots - 1);
      while (slots[i].used) i = (i + 1) & (kSlots - 1);
      Slot& s = slots[i];
      std::memcpy(s.key, key, n);
      s.len = static_cast<uint8_t>(n);
      s.entry = r.entry;
      s.used = true;
    }
  }
};

const Table& table() {
  static const Table t;
  return t;
}

// Words every expression has one of: a month, a weekday, a unit, "hier", "matin", "été", a number word...
// ("dernier", "plusieurs", "fin" and the function words only ever come with one of these).
bool core(const LexEntry& e) {
  switch (e.cat) {
    case Cat::kRelative: case Cat::kVague: case Cat::kBoundary: case Cat::kHourMark: case Cat::kOrdinal:
      return false;
    case Cat::kFn: return e.value == kPresent || e.value == kMoment;  // "à présent", "en ce moment"
    case Cat::kSeason: return e.value != 2;      // "été" is mostly a participle: see TermFilter::kEte
    default: return names_time(&e);
  }
}

// Terms are filled on first use, apart from the table: they need the stemmer (via term_of).
struct Terms {
  TermSet set;  // codes: TermFilter::kWord | kTime | kEte
  Terms() {
    auto add = [&](std::string_view word, bool names_time) {
      // as written, without accents, and with an unaccented capital's lower case ("Eté" → "eté")
      std::string variants[3];
      variants[0] = lower(word);
      variants[1] = fold(word);
      variants[2] = variants[0];
      if (variants[2].size() >= 2 && static_cast<unsigned char>(variants[2][0]) == 0xC3) {
        bool acc = false;
        char c[kMaxWordBytes + 2];
        if (fold_word(variants[2].substr(0, 2), c, acc) == 1) variants[2] = std::string(1, c[0]) + variants[2].substr(2);
      }
      for (const auto& v : variants) {
        set.insert(term_of(v), static_cast<uint8_t>(TermFilter::kWord | (names_time ? TermFilter::kTime : 0)));
      }
    };
    for (const Row& r : kRows) add(r.word, core(r.entry));
    for (std::string_view v : {"été", "Été", "Eté", "ete", "ETE", "ÉTÉ"}) set.insert(term_of(v), TermFilter::kEte);
    for (std::string_view head : {"avant", "après", "week", "saint"}) add(head, true);  // compounds' first halves
  }
};

const Terms& terms() {
  static const Terms t;
  return t;
}

}  // namespace

size_t fold_word(std::string_view w, char* out, bool& accented) noexcept {
  accented = false;
  size_t n = 0;
  auto put = [&](char c) {
    if (n >= kMaxWordBytes) return false;
    out[n++] = c;
    return true;
  };
  for (size_t i = 0; i < w.size();) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      if (!put(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b))) return 0;
      ++i;
      continue;
    }
    if (b == 0xC3 && i + 1 < w.size()) {
      const auto c = static_cast<unsigned char>(w[i + 1]) & 0xDF;  // upper and lower case alike
      static const char kMap[32] = {'a', 'a', 'a', 'a', 'a', 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
                                    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0};
      const char m = c >= 0x80 && c < 0xA0 ? kMap[c - 0x80] : 0;
      if (m == 0) return 0;
      if (!put(m)) return 0;
      accented = true;
      i += 2;
      continue;
    }
    if (b == 0xC5 && i + 1 < w.size() && (static_cast<unsigned char>(w[i + 1]) == 0x93 ||
                                          static_cast<unsigned char>(w[i + 1]) == 0x92)) {  // œ Œ
      if (!put('o') || !put('e')) return 0;
      i += 2;
      continue;
    }
    if (b == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 || static_cast<unsigned char>(w[i + 2]) == 0x98)) {  // ’ ‘
      if (!put('\'')) return 0;
      i += 3;
      continue;
    }
    return 0;
  }
  return n;
}

const LexEntry* lookup(std::string_view folded) noexcept {
  if (folded.empty() || folded.size() > kMaxWordBytes) return nullptr;
  const Table& t = table();
  size_t i = fnv1a(folded) & (kSlots - 1);
  while (t.slots[i].used) {
    const Slot& s = t.slots[i];
    if (s.len == folded.size() && std::memcmp(s.key, folded.data(), s.len) == 0) return &s.entry;
    i = (i + 1) & (kSlots - 1);
  }
  return nullptr;
}

bool names_time(const LexEntry* e) noexcept {
  if (!e) return false;
  if (e->cat != Cat::kFn) return !(e->cat == Cat::kNumber && e->cat2 == Cat::kFn);  // "un", "une": articles
  switch (e->value) {
    case kQuart: case kDemi: case kDemie: case kPresent: case kNouvel: case kDizaine: case kVingtaine:
    case kCentaine: case kIci: case kMoment:
      return true;
    default:
      return false;
  }
}

TermFilter::TermFilter() : slots_(terms().set.slots.data()), time_bits_(terms().set.time_bits.data()) {}

const LexEntry* lookup_surface(std::string_view w) noexcept {
  char buf[kMaxWordBytes + 2];
  bool accented = false;
  size_t n = fold_word(w, buf, accented);
  if (n == 0) return nullptr;
  if (accented && (std::string_view(buf, n) == "a" || std::string_view(buf, n) == "des" ||
                   std::string_view(buf, n) == "la")) {
    buf[n++] = '`';
  }
  return lookup(std::string_view(buf, n));
}

}  // namespace recoupe::dates
