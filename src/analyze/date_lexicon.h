// src/analyze/date_lexicon.h
//
// The French words temporal expressions are made of: months, weekdays,
// numbers written in words (up to "mille", so "trente et un" and
// "quatre-vingt-dix" parse), ordinals, units of time, parts of the day,
// seasons, deictics ("hier", "le lendemain") and the few function words the
// date matcher needs to tell "à 10 h" from "en 10 h". Words are looked up in
// a folded ASCII form (lower case, accents removed), with three exceptions
// where the accent is the meaning: "à" (not "a"), "dès" (not "des"), "là".
//
// Thread safety: the table is built once, before main, and only read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace recoupe::dates {

//! What a word is to the date matcher.
enum class Cat : uint8_t {
  kNone = 0,
  kMonth,          //!< value 1..12
  kMonthAbbr,      //!< value 1..12; only after a day number ("5 juil.")
  kWeekday,        //!< value 1 (lundi) .. 7 (dimanche)
  kWeekdays,       //!< plural ("les jeudis"), value 1..7
  kNumber,         //!< a number word, value 0..1000
  kOrdinal,        //!< premier 1, deuxième 2, ...
  kUnit,           //!< value: Unit
  kPartOfDay,      //!< value: PartOfDay
  kSeason,         //!< value 1 printemps, 2 été, 3 automne, 4 hiver
  kDeictic,        //!< value: days from the publication (hier -1), or from the reference with kFromReference
  kRelative,       //!< dernier/passé/précédent -1, prochain/suivant +1; kFromReference for suivant/précédent
  kClockWord,      //!< midi 12, minuit 0
  kHourMark,       //!< "h" in "18 h 30"
  kBoundary,       //!< value: Boundary (début, mi, fin, courant)
  kWeekend,        //!< week-end
  kHoliday,        //!< value: Holiday
  kRefAdverb,      //!< value: RefWord (actuellement, autrefois, prochainement)
  kFrequencyAdj,   //!< annuel, mensuel, hebdomadaire; value: Unit
  kTerm,           //!< a term of office: quinquennat 5, septennat 7 (years)
  kVague,          //!< quelques, plusieurs
  kFn,             //!< a function word; value: Fn
};

enum Unit : int8_t { kSecond = 1, kMinute, kHour, kDay, kWeek, kFortnight, kMonthUnit, kQuarter, kSemester, kYear, kDecade, kCentury };
enum PartOfDay : int8_t { kMorning = 1, kAfternoon, kEvening, kNight, kDaytime, kNoonPart };
enum Boundary : int8_t { kStart = 1, kMid, kEnd, kCurrent, kMiddle };  // kMid: "mi-"; kMiddle: "milieu"
enum Holiday : int8_t { kChristmas = 1, kAllSaints, kNewYearsEve, kNewYearsDay, kEaster, kLabourDay, kBastille };
enum RefWord : int8_t { kPresentRef = 1, kPastRef, kFutureRef };

//! Function words the matcher reads by name.
enum Fn : int8_t {
  kLe = 1, kLa, kLes, kL, kCe, kCet, kCette, kCes, kUn, kUne, kEn, kDe, kD, kDu, kDes, kDesAccent, kAu, kAux,
  kAGrave, kAVerb, kIl, kY, kVers, kDepuis, kJusqu, kDans, kPendant, kDurant, kSur, kPar, kPour, kEntre, kAvant,
  kApres, kPlus, kMoins, kTard, kTot, kMeme, kQuart, kDemi, kDemie, kEt, kOu, kPartir, kAlentours, kAutour, kIci,
  kCi, kLaGrave, kTout, kToute, kTous, kToutes, kChaque, kEnviron, kPres, kQuelque, kPresque, kCours, kPile,
  kPrecises, kPere, kDizaine, kVingtaine, kCentaine, kAge, kBon, kBonne, kNouvel, kPresent, kMoment,
};

//! Word flags.
enum : uint8_t {
  kPlural = 1,
  kFromReference = 2,  //!< counted from the last date mentioned, not from the publication
  kFeminine = 4,
  kStarter = 8,  //!< a function word that can open an expression ("le", "à", "il", "chaque"; not "de", "et")
};

struct LexEntry {
  Cat cat = Cat::kNone;
  int16_t value = 0;
  Cat cat2 = Cat::kNone;  //!< a second reading ("sept": 7 and September)
  int16_t value2 = 0;
  uint8_t flags = 0;
  bool is(Cat c) const noexcept { return cat == c || cat2 == c; }
  int16_t value_of(Cat c) const noexcept { return cat == c ? value : value2; }
};

//! Longest folded word in the lexicon, in bytes.
inline constexpr size_t kMaxWordBytes = 24;

//! Folds a UTF-8 word to lower-case ASCII into `out` (room for kMaxWordBytes): Latin-1 letters lose
//! their accents, œ → oe, ’ → '. Returns the length, or 0 when the word cannot be in the lexicon (too
//! long, or a character outside Latin-1). `accented` says whether an accented letter was folded.
size_t fold_word(std::string_view utf8_word, char* out, bool& accented) noexcept;

//! The entry of a folded word (see fold_word), or nullptr. "à", "dès" and "là" are looked up as
//! "a`", "des`" and "la`": callers append the backquote when the word was accented.
const LexEntry* lookup(std::string_view folded) noexcept;

//! Looks up a word as it appears in the text (folding it first).
const LexEntry* lookup_surface(std::string_view utf8_word) noexcept;

//! Whether an entry names time (a month, a unit, "hier", a number...), as opposed to a function word the
//! grammar reads around such words ("le", "à"; "un" and "une" are mostly articles).
bool names_time(const LexEntry* e) noexcept;

//! A fast filter on the term the lexical component gave a token (Token::term), with no folding: is the
//! word perhaps in the lexicon (kWord), one of the words every expression holds one of (kTime: a month, a
//! weekday, a unit, "hier", a number word...; not "dernier", "plusieurs", "fin" or function words), or
//! "été" (kEte: a season only after "en", "l'", "cet" or before a year, else the participle)? A term the
//! filter does not know is surely none of these. It is called on every token of a text, hence inline, and
//! its table is 8 KB: each slot packs 24 bits of a term (a fingerprint; a random word matches one of the
//! ~700 terms about once in 24,000 tokens, which costs a lexicon lookup) and the code.
class TermFilter {
 public:
  enum : uint8_t { kWord = 1, kTime = 2, kEte = 4 };
  static constexpr size_t kSlots = 2048;
  static constexpr uint32_t kTimeBits = 1u << 14;  //!< size of the bit set behind may_name_time()
  TermFilter();
  //! False when code(term) has neither kTime nor kEte. Function words (kWord) make up much of a text, so
  //! whether code()'s probe finds a slot follows no pattern; this test, on a 2 KB bit set of the low bits
  //! of those slots' fingerprints (a few hundred of 16,384 bits), turns away nearly every other word with a
  //! branch that is nearly always taken.
  bool may_name_time(uint64_t term) const noexcept {
    const uint32_t bit = fingerprint(term) & (kTimeBits - 1);
    return (time_bits_[bit / 64] >> (bit % 64)) & 1;
  }
  uint8_t code(uint64_t term) const noexcept {
    const uint32_t f = fingerprint(term);
    for (size_t i = term & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const uint32_t slot = slots_[i];
      if (slot == 0) return 0;
      if ((slot >> 8) == f) return static_cast<uint8_t>(slot & 0xFFu);
    }
  }
  bool may_be_word(uint64_t term) const noexcept { return code(term) != 0; }
  static uint32_t fingerprint(uint64_t term) noexcept {
    const auto f = static_cast<uint32_t>(term >> 40) & 0xFFFFFFu;
    return f ? f : 1;
  }

 private:
  const uint32_t* slots_;
  const uint64_t* time_bits_;  // bit f % kTimeBits is set for the fingerprint f of each kTime or kEte slot
};

}  // namespace recoupe::dates
