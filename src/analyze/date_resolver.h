// src/analyze/date_resolver.h
//
// What a temporal expression means (a TimexSpec, filled by the date matcher)
// and how it becomes a TIMEX3 value: calendar arithmetic against the
// publication date ("hier", "la semaine dernière", "il y a trois jours"),
// against the last date the text mentioned ("la veille", "à 10 h"), or none
// ("26 septembre 2022").
//
// Precision is kept honest: when the publication date is known to the month
// only, an expression is resolved for the first and for the last day the
// article could have been published on, and the value keeps what both agree
// on ("hier" with a publication date of 2022-09 is "2022", since it may be
// 31 August; "le mois dernier" is "2022-08"). Without a publication date a
// relative expression keeps the TIMEX3 placeholders ("XXXX-XX-XX",
// "XXXX-WXX-1") and explicit parts ("le 15 juin" → "XXXX-06-15").
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analyze/date_lexicon.h"
#include "doc/doc.h"

namespace recoupe::dates {

//! How precise a value is, coarsest first.
enum class Grain : uint8_t { kCentury, kDecade, kYear, kSeason, kMonth, kWeek, kWeekend, kDay, kPartOfDay, kMinute };

//! Where the parts an expression does not give come from.
enum class Anchor : uint8_t {
  kNone,         //!< nowhere: every part needed is given, or the value is a literal
  kPublication,  //!< the publication date: "hier", "lundi dernier", "le 3 mai" (its year)
  kReference,    //!< the last date the text mentioned, else the publication: "la veille", "à 10 h"
};

//! Which occurrence of an incomplete date is meant (a weekday, a day and month without a year, ...).
enum class Direction : uint8_t {
  kNearest,  //!< the closest to the anchor, either side: a past or future tense makes the other side 4x as
             //!< far, the present makes the future 2x as far (news reports what happened)
  kLast,     //!< strictly before the anchor ("lundi dernier", "le 6 mai dernier")
  kNext,     //!< strictly after ("mardi prochain")
  kByTense,  //!< a bare weekday: the last one (same day included) in past or present tense, else the next
  kNextOrSame,  //!< the next one, the anchor's own day included ("mardi en huit" counts from it)
};

//! The tense of the clause an expression sits in, as the date component judges it (kPresent: no verb that
//! marks the past or the future).
enum class Tense : uint8_t { kPast, kPresent, kFuture };

struct TimexSpec {
  TimexType type = TimexType::kDate;
  Grain grain = Grain::kDay;
  Anchor anchor = Anchor::kNone;
  Direction direction = Direction::kNearest;
  std::string literal;  //!< a value that needs no calendar (P2D, XXXX-WXX-1, PRESENT_REF); wins when set
  int year = 0;         //!< 0: not given
  int month = 0;        //!< 1..12; 0: not given
  int day = 0;          //!< 1..31; 0: not given
  int weekday = 0;      //!< 1 Monday .. 7 Sunday; 0: not given
  int season = 0;       //!< 1 spring, 2 summer, 3 autumn, 4 winter; 0: none
  int holiday = 0;      //!< Holiday; 0: none
  int shift_days = 0;   //!< days added to the day found: "la veille de Noël" -1, "mardi en huit" +7
  int part = 0;         //!< PartOfDay appended to a day ("hier soir" → ...TEV); 0: none
  int hour = -1, minute = -1;  //!< a clock time; -1: none
  bool relative = false;       //!< counted `offset` `offset_unit`s from the anchor
  int offset = 0;
  Unit offset_unit = kDay;
};

struct ResolveContext {
  //! First and last day (days since 1970-01-01) the article may have been published on; unset when unknown.
  std::optional<int64_t> publication_first, publication_last;
  //! The day of the last date the text mentioned before the expression, if any.
  std::optional<int64_t> reference;
  Tense tense = Tense::kPresent;
};

struct Resolved {
  std::string value;
  std::optional<int64_t> day;  //!< the day the value names, when it names exactly one
};

//! The TIMEX3 value of `spec` in `context`.
Resolved resolve(const TimexSpec& spec, const ResolveContext& context);

//! Calendar helpers (proleptic Gregorian; days since 1970-01-01).
struct Civil {
  int year;
  int month;
  int day;
};
Civil civil_from_days(int64_t days) noexcept;
int64_t days_of(int year, int month, int day) noexcept;
int days_in_month(int year, int month) noexcept;
//! 1 Monday .. 7 Sunday.
int weekday_of(int64_t days) noexcept;
//! "2022-09-26".
std::string format_day(int64_t days);
//! TIMEX3 codes: part of day ("MO", "AF", "EV", "NI", "DT", "MI") and season ("SP", "SU", "FA", "WI").
const char* part_code(int part) noexcept;
const char* season_code(int season) noexcept;
//! Day of Easter Sunday (Gregorian computus).
int64_t easter(int year) noexcept;

//! Parses the date part of a contract `published` ("2022", "2022-09", "2022-09-27T10:41:53+02:00") as the
//! range of days it allows, in the publisher's own calendar (the offset is not applied). False when unusable.
bool publication_range(std::string_view published, int64_t& first, int64_t& last) noexcept;

}  // namespace recoupe::dates
