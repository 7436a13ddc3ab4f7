#include "analyze/date_resolver.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "common/timestamp.h"

namespace recoupe::dates {

// ---------------------------------------------------------------- calendar

Civil civil_from_days(int64_t z) noexcept {
  // Howard Hinnant's civil_from_days, the inverse of days_from_civil.
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Civil{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int64_t days_of(int year, int month, int day) noexcept {
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

int days_in_month(int year, int month) noexcept {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

int weekday_of(int64_t days) noexcept {
  // 1970-01-01 was a Thursday.
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
}

namespace {

// Appends v with at least `width` digits (values here are small and not negative).
void digits(std::string& out, int v, int width) {
  char buf[12];
  int n = 12;  // filled from the end
  do {
    buf[--n] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 && n > 1);
  while (12 - n < width) buf[--n] = '0';
  out.append(buf + n, static_cast<size_t>(12 - n));
}

void append_day(std::string& out, int64_t days) {
  const Civil c = civil_from_days(days);
  digits(out, c.year, 4);
  out.push_back('-');
  digits(out, c.month, 2);
  out.push_back('-');
  digits(out, c.day, 2);
}

}  // namespace

std::string format_day(int64_t days) {
  std::string out;
  append_day(out, days);
  return out;
}

int64_t easter(int y) noexcept {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return days_of(y, month, day);
}

bool publication_range(std::string_view s, int64_t& first, int64_t& last) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  auto digits = [&](size_t at, size_t n, int& out) {
    if (s.size() < at + n) return false;
    int v = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      v = v * 10 + (s[k] - '0');
    }
    out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || y < 1000) return false;
  if (s.size() == 4 || s[4] != '-' || !digits(5, 2, m) || m < 1 || m > 12) {
    first = days_of(y, 1, 1);
    last = days_of(y, 12, 31);
    return s.size() == 4 || s[4] == 'T' || s[4] == ' ';
  }
  if (s.size() == 7 || s[7] != '-' || !digits(8, 2, d) || d < 1 || d > days_in_month(y, m)) {
    first = days_of(y, m, 1);
    last = days_of(y, m, days_in_month(y, m));
    return true;
  }
  first = last = days_of(y, m, d);
  return true;
}

namespace {

// ---------------------------------------------------------------- values

// A resolved point or period, before formatting.
struct CalValue {
  Grain grain = Grain::kDay;
  int64_t day = 0;  // day-based grains: the day (the Monday of a week, the Saturday of a weekend)
  int year = 0, month = 0, season = 0;
  int part = 0, hour = -1, minute = -1;
};

struct IsoWeek {
  int year;
  int week;
};

IsoWeek iso_week(int64_t day) {
  const int64_t thursday = day - weekday_of(day) + 4;
  const int y = civil_from_days(thursday).year;
  return IsoWeek{y, static_cast<int>((thursday - days_of(y, 1, 1)) / 7 + 1)};
}

}  // namespace

const char* part_code(int part) noexcept {
  switch (part) {
    case kMorning: return "MO";
    case kAfternoon: return "AF";
    case kEvening: return "EV";
    case kNight: return "NI";
    case kDaytime: return "DT";
    case kNoonPart: return "MI";
    default: return "";
  }
}

const char* season_code(int season) noexcept {
  switch (season) {
    case 1: return "SP";
    case 2: return "SU";
    case 3: return "FA";
    default: return "WI";
  }
}

namespace {

std::string format(const CalValue& v) {
  std::string out;
  switch (v.grain) {
    case Grain::kCentury: digits(out, v.year / 100, 2); break;
    case Grain::kDecade: digits(out, v.year / 10, 3); break;
    case Grain::kYear: digits(out, v.year, 4); break;
    case Grain::kSeason:
      digits(out, v.year, 4);
      out += '-';
      out += season_code(v.season);
      break;
    case Grain::kMonth:
      digits(out, v.year, 4);
      out += '-';
      digits(out, v.month, 2);
      break;
    case Grain::kWeek:
    case Grain::kWeekend: {
      const IsoWeek w = iso_week(v.day);
      digits(out, w.year, 4);
      out += "-W";
      digits(out, w.week, 2);
      if (v.grain == Grain::kWeekend) out += "-WE";
      break;
    }
    case Grain::kDay: append_day(out, v.day); break;
    case Grain::kPartOfDay:
      append_day(out, v.day);
      out += 'T';
      out += part_code(v.part);
      break;
    case Grain::kMinute:
      append_day(out, v.day);
      out += 'T';
      digits(out, v.hour, 2);
      out += ':';
      digits(out, v.minute < 0 ? 0 : v.minute, 2);
      break;
  }
  return out;
}

// The value when the anchor is unknown: explicit parts, TIMEX3 placeholders for the rest.
std::string placeholder(const TimexSpec& s) {
  char buf[48];
  std::string date;
  switch (s.grain) {
    case Grain::kCentury: return "XX";
    case Grain::kDecade: return "XXX";
    case Grain::kYear: return "XXXX";
    case Grain::kSeason: return std::string("XXXX-") + season_code(s.season ? s.season : 2);
    case Grain::kMonth:
      if (s.month) {
        std::snprintf(buf, sizeof buf, "XXXX-%02d", s.month);
        return buf;
      }
      return "XXXX-XX";
    case Grain::kWeek: return "XXXX-WXX";
    case Grain::kWeekend: return "XXXX-WXX-WE";
    default: break;
  }
  if (s.month && s.day && !s.relative) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", s.month, s.day);
    date = buf;
  } else if (s.weekday && !s.relative) {
    std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", s.weekday);
    date = buf;
  } else {
    date = "XXXX-XX-XX";
  }
  if (s.grain == Grain::kPartOfDay) return date + "T" + part_code(s.part);
  if (s.grain == Grain::kMinute) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", s.hour, s.minute < 0 ? 0 : s.minute);
    return date + buf;
  }
  return date;
}

// Months since year 0, for month arithmetic.
int month_index(int y, int m) { return y * 12 + (m - 1); }

// A few candidate days, without allocating (at most 15: the weekdays of a fortnight, the months of a year).
class Candidates {
 public:
  void push_back(int64_t d) {
    if (n_ < kMax) days_[n_++] = d;
  }
  bool empty() const { return n_ == 0; }
  const int64_t* begin() const { return days_; }
  const int64_t* end() const { return days_ + n_; }

 private:
  static constexpr size_t kMax = 16;
  int64_t days_[kMax];
  size_t n_ = 0;
};

// Picks among candidate days the one `direction` means relative to `anchor`.
template <typename Candidates>
std::optional<int64_t> pick(const Candidates& candidates, int64_t anchor, Direction direction, Tense tense) {
  std::optional<int64_t> best;
  double best_cost = 0;
  for (int64_t c : candidates) {
    double cost;
    const int64_t delta = c - anchor;
    switch (direction) {
      case Direction::kLast:
        if (delta >= 0) continue;
        cost = static_cast<double>(-delta);
        break;
      case Direction::kNext:
        if (delta <= 0) continue;
        cost = static_cast<double>(delta);
        break;
      case Direction::kNextOrSame:
        if (delta < 0) continue;
        cost = static_cast<double>(delta);
        break;
      case Direction::kByTense:  // the news convention: the next one in the future tense, else the last one
        if (tense == Tense::kFuture ? delta < 0 : delta > 0) continue;
        cost = static_cast<double>(std::llabs(delta));
        break;
      case Direction::kNearest:
      default:
        // The clause's tense all but rules out the other side: "aura lieu le 15 juin" in September is next
        // June, "ont fêté Noël" last Christmas; a date on the other side must be four times as close. With
        // no tense (the present), news leans to the past: a future date must be twice as close.
        cost = static_cast<double>(std::llabs(delta));
        if ((tense == Tense::kFuture && delta < 0) || (tense == Tense::kPast && delta > 0)) cost *= 4;
        if (tense == Tense::kPresent && delta > 0) cost *= 2;
        break;
    }
    if (!best || cost < best_cost) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

int64_t season_start(int y, int season) {
  switch (season) {
    case 1: return days_of(y, 3, 1);
    case 2: return days_of(y, 6, 1);
    case 3: return days_of(y, 9, 1);
    default: return days_of(y - 1, 12, 1);  // winter Y: December Y-1 to February Y
  }
}
int64_t season_end(int y, int season) {
  switch (season) {
    case 1: return days_of(y, 5, 31);
    case 2: return days_of(y, 8, 31);
    case 3: return days_of(y, 11, 30);
    default: return days_of(y, 3, 1) - 1;
  }
}
int season_year_of(int64_t day) {
  const Civil c = civil_from_days(day);
  return c.month == 12 ? c.year + 1 : c.year;  // December belongs to the next year's winter
}

// Attaches the time of day of `s` to a resolved day.
CalValue on_day(const TimexSpec& s, int64_t day) {
  CalValue v;
  v.day = day + s.shift_days;
  if (s.hour >= 0) {
    v.grain = Grain::kMinute;
    v.hour = s.hour;
    v.minute = s.minute;
  } else if (s.part) {
    v.grain = Grain::kPartOfDay;
    v.part = s.part;
  } else {
    v.grain = Grain::kDay;
  }
  return v;
}

std::optional<int64_t> holiday_day(int holiday, int y) {
  switch (holiday) {
    case kChristmas: return days_of(y, 12, 25);
    case kAllSaints: return days_of(y, 11, 1);
    case kNewYearsEve: return days_of(y, 12, 31);
    case kNewYearsDay: return days_of(y, 1, 1);
    case kEaster: return easter(y);
    case kLabourDay: return days_of(y, 5, 1);
    case kBastille: return days_of(y, 7, 14);
    default: return std::nullopt;
  }
}

// Resolves `s` for one anchor day. nullopt when the parts contradict the calendar (31 February).
std::optional<CalValue> resolve_at(const TimexSpec& s, int64_t anchor, Tense tense) {
  const Civil a = civil_from_days(anchor);
  CalValue v;
  v.grain = s.grain;

  if (s.relative) {
    int64_t day = anchor;
    switch (s.offset_unit) {
      case kDay: day = anchor + s.offset; break;
      case kWeek: day = anchor + 7 * s.offset; break;
      case kFortnight: day = anchor + 14 * s.offset; break;
      case kMonthUnit:
      case kQuarter:
      case kSemester: {
        const int months = s.offset * (s.offset_unit == kQuarter ? 3 : s.offset_unit == kSemester ? 6 : 1);
        const int idx = month_index(a.year, a.month) + months;
        const int y = idx / 12, m = idx % 12 + 1;
        day = days_of(y, m, std::min(a.day, days_in_month(y, m)));
        break;
      }
      case kYear:
      case kDecade:
      case kCentury: {
        const int years = s.offset * (s.offset_unit == kDecade ? 10 : s.offset_unit == kCentury ? 100 : 1);
        const int y = a.year + years;
        day = days_of(y, a.month, std::min(a.day, days_in_month(y, a.month)));
        break;
      }
      default: break;
    }
    if (s.grain == Grain::kWeekend) {
      // "ce week-end": this week's in future tense, the last one in past tense (this one from Saturday on);
      // "le week-end dernier": the last one over; "le week-end prochain": the next one not under way.
      const int wd = weekday_of(day);
      int64_t saturday = day - wd + 6;
      switch (s.direction) {
        case Direction::kLast:
          if (saturday + 1 >= anchor) saturday -= 7;
          break;
        case Direction::kNext:
          if (saturday <= anchor) saturday += 7;
          break;
        default:
          if (tense == Tense::kPast && wd < 6) saturday -= 7;
          break;
      }
      v.day = saturday;
      return v;
    }
    if (s.grain == Grain::kSeason) {
      // "cet été": the season of the anchor's year; "l'été dernier/prochain": the last/next one not under way.
      int y = season_year_of(day);
      if (s.direction == Direction::kLast) {
        y = season_year_of(anchor);
        if (season_end(y, s.season) >= anchor) --y;
      } else if (s.direction == Direction::kNext) {
        y = season_year_of(anchor);
        if (season_start(y, s.season) <= anchor) ++y;
      }
      v.year = y;
      v.season = s.season;
      return v;
    }
    const Civil c = civil_from_days(day);
    switch (s.grain) {
      case Grain::kCentury:
      case Grain::kDecade:
      case Grain::kYear: v.year = c.year; return v;
      case Grain::kMonth: v.year = c.year; v.month = c.month; return v;
      case Grain::kWeek: v.day = day - weekday_of(day) + 1; return v;
      default: break;
    }
    if (s.weekday) {  // "lundi de la semaine prochaine"
      day = day - weekday_of(day) + s.weekday;
    }
    return on_day(s, day);
  }

  // A given year: nothing to choose.
  if (s.year) {
    v.year = s.year;
    if (s.grain <= Grain::kYear || (s.grain == Grain::kSeason && !s.season)) return v;
    if (s.grain == Grain::kSeason) {
      v.season = s.season;
      return v;
    }
    if (s.holiday) {
      const auto d = holiday_day(s.holiday, s.year);
      if (!d) return std::nullopt;
      return on_day(s, *d);
    }
    if (!s.month) return v;
    v.month = s.month;
    if (s.grain == Grain::kMonth || !s.day) {
      v.grain = Grain::kMonth;
      return v;
    }
    if (s.day > days_in_month(s.year, s.month)) return std::nullopt;
    return on_day(s, days_of(s.year, s.month, s.day));
  }

  // A day and month, or a holiday, without a year: the year of the occurrence meant.
  if ((s.month && s.day) || s.holiday) {
    Candidates candidates;
    for (int y = a.year - 1; y <= a.year + 1; ++y) {
      if (s.holiday) {
        if (auto d = holiday_day(s.holiday, y)) candidates.push_back(*d);
        continue;
      }
      if (s.day > days_in_month(y, s.month)) continue;
      const int64_t d = days_of(y, s.month, s.day);
      if (s.weekday && weekday_of(d) != s.weekday) continue;
      candidates.push_back(d);
    }
    if (candidates.empty() && s.weekday) {  // the weekday contradicts every year: trust the day and month
      TimexSpec without = s;
      without.weekday = 0;
      return resolve_at(without, anchor, tense);
    }
    const Direction dir = s.direction == Direction::kByTense ? Direction::kNearest : s.direction;
    auto d = pick(candidates, anchor, dir, tense);
    if (!d) return std::nullopt;
    return on_day(s, *d);
  }

  // A month without a year ("en juin", "septembre dernier", "fin mars").
  if (s.month) {
    Candidates candidates;  // the first of each candidate month, compared by month
    for (int y = a.year - 1; y <= a.year + 1; ++y) candidates.push_back(days_of(y, s.month, 1));
    const int64_t anchor_month = days_of(a.year, a.month, 1);
    const Direction dir = s.direction == Direction::kByTense ? Direction::kNearest : s.direction;
    auto d = pick(candidates, anchor_month, dir, tense);
    if (!d) return std::nullopt;
    const Civil c = civil_from_days(*d);
    v.grain = Grain::kMonth;
    v.year = c.year;
    v.month = c.month;
    return v;
  }

  // A day of the month alone ("le 16"), perhaps with its weekday ("mercredi 13").
  if (s.day) {
    Candidates candidates;
    const int span = s.weekday ? 6 : 1;
    for (int k = -span; k <= span; ++k) {
      const int idx = month_index(a.year, a.month) + k;
      const int y = idx / 12, m = idx % 12 + 1;
      if (s.day > days_in_month(y, m)) continue;
      const int64_t d = days_of(y, m, s.day);
      if (s.weekday && weekday_of(d) != s.weekday) continue;
      candidates.push_back(d);
    }
    const Direction dir = s.direction == Direction::kByTense ? Direction::kNearest : s.direction;
    auto d = pick(candidates, anchor, dir, tense);
    if (!d) return std::nullopt;
    return on_day(s, *d);
  }

  // A weekday ("mardi", "lundi dernier", "ce dimanche").
  if (s.weekday) {
    Candidates candidates;
    for (int k = -7; k <= 7; ++k) {
      const int64_t d = anchor + k;
      if (weekday_of(d) == s.weekday) candidates.push_back(d);
    }
    if (s.direction == Direction::kByTense) {  // the same day counts: "a annoncé mardi" in Tuesday's paper
      auto d = pick(candidates, anchor, Direction::kByTense, tense);
      if (!d) return std::nullopt;
      return on_day(s, *d);
    }
    auto d = pick(candidates, anchor, s.direction, tense);
    if (!d) return std::nullopt;
    return on_day(s, *d);
  }

  // Nothing but a time of day: the anchor's day.
  return on_day(s, anchor);
}

// The coarser value two resolutions agree on, or nullopt.
std::optional<std::string> common_value(const CalValue& x, const CalValue& y) {
  const std::string fx = format(x), fy = format(y);
  if (fx == fy) return fx;
  auto ym = [](const CalValue& v) {
    if (v.grain >= Grain::kWeek) {
      const Civil c = civil_from_days(v.day);
      return std::pair<int, int>(c.year, v.grain == Grain::kWeek || v.grain == Grain::kWeekend ? 0 : c.month);
    }
    return std::pair<int, int>(v.year, v.grain >= Grain::kMonth ? v.month : 0);
  };
  const auto [y1, m1] = ym(x);
  const auto [y2, m2] = ym(y);
  char buf[16];
  if (y1 == y2 && m1 && m1 == m2) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y1, m1);
    return std::string(buf);
  }
  if (y1 == y2 && x.grain >= Grain::kYear) {
    std::snprintf(buf, sizeof buf, "%04d", y1);
    return std::string(buf);
  }
  return std::nullopt;
}

}  // namespace

Resolved resolve(const TimexSpec& s, const ResolveContext& ctx) {
  Resolved out;
  if (!s.literal.empty()) {
    out.value = s.literal;
    return out;
  }
  const bool needs_anchor = s.anchor != Anchor::kNone || (!s.year && !s.relative);
  if (!needs_anchor) {
    auto v = resolve_at(s, 0, ctx.tense);
    out.value = v ? format(*v) : placeholder(s);
    if (v && v->grain >= Grain::kDay) out.day = v->day;
    return out;
  }
  std::optional<int64_t> first, last;
  if (s.anchor == Anchor::kReference && ctx.reference) {
    first = last = ctx.reference;
  } else if (ctx.publication_first && ctx.publication_last) {
    first = ctx.publication_first;
    last = ctx.publication_last;
  } else if (ctx.reference && !s.relative) {
    // No publication date, but the text gave one: "le 3 mai" takes its year from it.
    first = last = ctx.reference;
  }
  if (!first) {
    out.value = placeholder(s);
    return out;
  }
  auto v1 = resolve_at(s, *first, ctx.tense);
  if (!v1) {
    out.value = placeholder(s);
    return out;
  }
  if (*first == *last) {
    out.value = format(*v1);
    if (v1->grain >= Grain::kDay) out.day = v1->day;
    return out;
  }
  auto v2 = resolve_at(s, *last, ctx.tense);
  if (!v2) {
    out.value = placeholder(s);
    return out;
  }
  auto common = common_value(*v1, *v2);
  out.value = common ? *common : placeholder(s);
  if (common && *common == format(*v1) && v1->grain >= Grain::kDay) out.day = v1->day;
  return out;
}

}  // namespace recoupe::dates
