#include "common/timestamp.h"

#include <cstdio>

namespace recoupe {
namespace {

// Reads exactly `n` digits at s[i], advancing i.
bool digits(std::string_view s, size_t& i, int n, int& out) {
  if (i + n > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += n;
  out = v;
  return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

// Howard Hinnant's days_from_civil.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<Timestamp> Timestamp::parse(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  size_t i = 0;
  int y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0;
  Timestamp t;
  if (!digits(s, i, 4, y)) return std::nullopt;
  t.precision = Precision::kYear;
  if (i < s.size()) {
    if (s[i++] != '-' || !digits(s, i, 2, mo) || mo < 1 || mo > 12) return std::nullopt;
    t.precision = Precision::kMonth;
  }
  if (i < s.size()) {
    if (s[i++] != '-' || !digits(s, i, 2, d) || d < 1 || d > month_days(y, mo)) return std::nullopt;
    t.precision = Precision::kDay;
  }
  int offset_minutes = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
    ++i;
    if (!digits(s, i, 2, h) || h > 23) return std::nullopt;
    if (i >= s.size() || s[i++] != ':' || !digits(s, i, 2, mi) || mi > 59) return std::nullopt;
    t.precision = Precision::kMinute;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!digits(s, i, 2, sec) || sec > 60) return std::nullopt;
      t.precision = Precision::kSecond;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      }
    }
    if (i < s.size()) {
      if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
      } else if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int oh = 0, om = 0;
        if (!digits(s, i, 2, oh)) return std::nullopt;
        if (i < s.size() && s[i] == ':') ++i;
        if (i < s.size() && !digits(s, i, 2, om)) return std::nullopt;
        if (oh > 14 || om > 59) return std::nullopt;
        offset_minutes = sign * (oh * 60 + om);
      }
    }
    if (i != s.size()) return std::nullopt;
  }
  t.seconds = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
              h * 3600 + mi * 60 + sec - offset_minutes * 60;
  return t;
}

int64_t Timestamp::end_seconds() const noexcept {
  switch (precision) {
    case Precision::kSecond: return seconds;
    case Precision::kMinute: return seconds + 59;
    case Precision::kDay: return seconds + 86399;
    case Precision::kMonth:
    case Precision::kYear: {
      // Parse the start back into y-m, then step one month or one year.
      const std::string start = date_string();
      const int y = std::stoi(start.substr(0, 4));
      if (precision == Precision::kYear) return days_from_civil(y + 1, 1, 1) * 86400 - 1;
      const unsigned m = static_cast<unsigned>(std::stoi(start.substr(5, 2)));
      return (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) * 86400 - 1;
    }
  }
  return seconds;
}

std::string Timestamp::date_string() const {
  int64_t z = (seconds >= 0 ? seconds : seconds - 86399) / 86400;
  // civil_from_days
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[32];
  switch (precision) {
    case Precision::kYear: std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(y)); break;
    case Precision::kMonth: std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(y), m); break;
    default: std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d); break;
  }
  return buf;
}

}  // namespace recoupe
