#include "read/feed_date.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "common/ascii.h"
#include "common/timestamp.h"

namespace recoupe {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// 1..12 for a month name or its abbreviation ("jun", "june", "sept."), in the languages news feeds
// write dates in when they do not follow RFC 822 to the letter (French, Portuguese, Spanish,
// German, Italian); else 0.
int month_number(std::string_view token) {
  struct Month {
    std::string_view name;
    int number;
  };
  static constexpr Month kMonths[] = {
      {"january", 1},   {"february", 2},  {"march", 3},      {"april", 4},     {"may", 5},        {"june", 6},
      {"july", 7},      {"august", 8},    {"september", 9},  {"october", 10},  {"november", 11},  {"december", 12},
      {"janvier", 1},   {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5}, {"juin", 6},
      {"juillet", 7},   {"août", 8}, {"aout", 8},    {"septembre", 9}, {"octobre", 10},   {"novembre", 11},
      {"décembre", 12}, {"decembre", 12},
      {"janeiro", 1},   {"fevereiro", 2}, {"março", 3}, {"abril", 4},  {"maio", 5},       {"junho", 6},
      {"julho", 7},     {"agosto", 8},    {"setembro", 9},   {"outubro", 10},  {"dezembro", 12},
      {"enero", 1},     {"febrero", 2},   {"marzo", 3},      {"mayo", 5},      {"junio", 6},      {"julio", 7},
      {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
      {"januar", 1},    {"februar", 2},   {"märz", 3}, {"mrz", 3},     {"juni", 6},       {"juli", 7},
      {"oktober", 10},  {"dezember", 12},
      {"gennaio", 1},   {"febbraio", 2},  {"aprile", 4},     {"maggio", 5},    {"giugno", 6},     {"luglio", 7},
      {"settembre", 9}, {"ottobre", 10},  {"dicembre", 12},
  };
  std::string t = lowered(token);
  if (!t.empty() && t.back() == '.') t.pop_back();
  if (t.size() < 3) return 0;
  for (const Month& m : kMonths) {
    if (m.name.substr(0, t.size()) == t) return m.number;
  }
  return 0;
}

bool is_day_name(std::string_view token) {
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                             "friday", "saturday", "sunday"};
  std::string t = lowered(token);
  if (!t.empty() && t.back() == '.') t.pop_back();
  if (t.size() < 2) return false;
  for (auto d : kDays) {
    if (d.substr(0, t.size()) == t) return true;
  }
  return false;
}

// Offset in minutes east of UTC for a zone name; false when unknown.
bool zone_offset(std::string_view name, int& minutes) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"ut", 0},       {"utc", 0},      {"gmt", 0},       {"z", 0},         {"est", -300}, {"edt", -240},
      {"cst", -360},   {"cdt", -300},   {"mst", -420},    {"mdt", -360},    {"pst", -480}, {"pdt", -420},
      {"akst", -540},  {"akdt", -480},  {"hst", -600},    {"wet", 0},       {"west", 60},  {"bst", 60},
      {"cet", 60},     {"cest", 120},   {"met", 60},      {"mest", 120},    {"eet", 120},  {"eest", 180},
      {"msk", 180},    {"jst", 540},    {"kst", 540},     {"aest", 600},    {"aedt", 660}, {"nzst", 720},
      {"nzdt", 780},
  };
  const std::string t = lowered(name);
  for (const Zone& z : kZones) {
    if (z.name == t) {
      minutes = z.minutes;
      return true;
    }
  }
  return false;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

constexpr auto trim = ascii::trim_xml_space;

}  // namespace

std::optional<std::string> rfc822_to_iso8601(std::string_view date) {
  date = trim(date);
  if (date.size() > 200) return std::nullopt;
  // Tokens split on blanks and commas; a parenthesised comment at the end is dropped.
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < date.size()) {
    const char c = date[i];
    if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '(') break;
    const size_t start = i;
    while (i < date.size() && date[i] != ' ' && date[i] != '\t' && date[i] != ',' && date[i] != '(' &&
           date[i] != '\r' && date[i] != '\n') {
      ++i;
    }
    tokens.push_back(date.substr(start, i - start));
  }
  // A day name first ("Mon", "Monday", "lun.", "Seg"), in whatever language: any word before the day.
  size_t t = 0;
  if (t < tokens.size() && (is_day_name(tokens[t]) || (!is_digit(tokens[t][0]) && month_number(tokens[t]) == 0 &&
                                                       t + 1 < tokens.size() && is_digit(tokens[t + 1][0])))) {
    ++t;
  }
  // day month year, or month day year ("Jun 15 2020", as some feeds write)
  if (t + 3 > tokens.size()) return std::nullopt;
  int day = 0, month = 0, year = 0;
  std::string_view year_token;
  if (all_digits(tokens[t]) && tokens[t].size() <= 2 && (month = month_number(tokens[t + 1])) != 0) {
    day = to_int(tokens[t]);
  } else if ((month = month_number(tokens[t])) != 0 && all_digits(tokens[t + 1]) && tokens[t + 1].size() <= 2) {
    day = to_int(tokens[t + 1]);
  } else {
    return std::nullopt;
  }
  year_token = tokens[t + 2];
  t += 3;
  if (!all_digits(year_token)) return std::nullopt;
  if (year_token.size() == 4) {
    year = to_int(year_token);
  } else if (year_token.size() == 2) {
    year = to_int(year_token);
    year += year < 50 ? 2000 : 1900;
  } else {
    return std::nullopt;
  }
  if (year < 1000 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  char out[96];
  if (t == tokens.size()) {  // a date without a time
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return std::string(out);
  }
  // HH:MM[:SS[.fff]]
  const std::string_view time = tokens[t++];
  int hour = 0, minute = 0, second = 0;
  bool has_seconds = false;
  if (time.size() < 4) return std::nullopt;
  size_t colon = time.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || !all_digits(time.substr(0, colon))) {
    return std::nullopt;
  }
  hour = to_int(time.substr(0, colon));
  std::string_view rest = time.substr(colon + 1);
  if (rest.size() < 2 || !is_digit(rest[0]) || !is_digit(rest[1])) return std::nullopt;
  minute = to_int(rest.substr(0, 2));
  rest.remove_prefix(2);
  if (!rest.empty()) {
    if (rest[0] != ':' || rest.size() < 3 || !is_digit(rest[1]) || !is_digit(rest[2])) return std::nullopt;
    second = to_int(rest.substr(1, 2));
    has_seconds = true;
    rest.remove_prefix(3);
    if (!rest.empty()) {
      if (rest[0] != '.' || !all_digits(rest.substr(1))) return std::nullopt;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  if (second == 60) second = 59;  // a leap second: ISO 8601 readers seldom take it
  // Zone: +hhmm, +hh:mm, a name, or absent (then the time is taken as UTC, as Timestamp does).
  std::string zone;
  if (t < tokens.size()) {
    std::string_view z = tokens[t++];
    if ((lowered(z.substr(0, 3)) == "gmt" || lowered(z.substr(0, 3)) == "utc") && z.size() > 3 &&
        (z[3] == '+' || z[3] == '-')) {
      z.remove_prefix(3);  // "GMT+0200"
    }
    int minutes = 0;
    if ((z[0] == '+' || z[0] == '-') && z.size() >= 3) {
      std::string digits;
      for (char c : z.substr(1)) {
        if (c != ':') digits.push_back(c);
      }
      if (!all_digits(digits) || (digits.size() != 4 && digits.size() != 2)) return std::nullopt;
      const int hh = to_int(std::string_view(digits).substr(0, 2));
      const int mm = digits.size() == 4 ? to_int(std::string_view(digits).substr(2, 2)) : 0;
      if (hh > 14 || mm > 59) return std::nullopt;
      minutes = (z[0] == '-' ? -1 : 1) * (hh * 60 + mm);
      if (minutes == 0 && z[0] == '-') {
        zone = "Z";  // RFC 2822's -0000: UTC, local zone unknown
      } else {
        std::snprintf(out, sizeof out, "%c%02d:%02d", z[0], hh, mm);
        zone = out;
      }
    } else if (zone_offset(z, minutes)) {
      if (minutes == 0) {
        zone = "Z";
      } else {
        std::snprintf(out, sizeof out, "%c%02d:%02d", minutes < 0 ? '-' : '+', std::abs(minutes) / 60,
                      std::abs(minutes) % 60);
        zone = out;
      }
    } else if (z.size() == 1 && is_alpha(z[0])) {
      zone = "Z";  // a military zone letter: RFC 2822 says to read it as -0000
    } else {
      return std::nullopt;
    }
  }
  if (t != tokens.size()) return std::nullopt;
  if (has_seconds) {
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
  } else {
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  }
  return std::string(out) + zone;
}

std::optional<std::string> feed_date_to_iso8601(std::string_view date) {
  date = trim(date);
  if (date.empty()) return std::nullopt;
  if (date.size() >= 4 && is_digit(date[0]) && is_digit(date[1]) && is_digit(date[2]) && is_digit(date[3])) {
    if (Timestamp::parse(date)) {
      std::string iso(date);
      if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
      return iso;
    }
  }
  return rfc822_to_iso8601(date);
}

}  // namespace recoupe
