// src/common/timestamp.h
//
// Publication dates as the contract gives them: ISO 8601 "as precise as known"
// (2022-09, 2022-09-27, 2022-09-27T10:41:53+02:00). The precision is kept, so
// that nothing downstream invents a day that the source never gave.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace recoupe {

struct Timestamp {
  enum class Precision : uint8_t { kYear, kMonth, kDay, kMinute, kSecond };
  int64_t seconds = 0;  //!< UTC seconds since 1970-01-01 at the start of the period given
  Precision precision = Precision::kSecond;

  //! Parses ISO 8601 dates and date-times (a space may replace 'T'; offset Z, +HH:MM, +HHMM or none,
  //! which means UTC). Returns nullopt for anything else, or an impossible date.
  static std::optional<Timestamp> parse(std::string_view text) noexcept;

  //! UTC seconds at the end of the period given: a month-only date covers the whole month.
  int64_t end_seconds() const noexcept;

  //! The date part as ISO 8601, as precise as known ("2022-09", "2022-09-27").
  std::string date_string() const;
  double days_since(const Timestamp& earlier) const noexcept {
    return static_cast<double>(seconds - earlier.seconds) / 86400.0;
  }
};

//! Days since 1970-01-01 of a proleptic Gregorian civil date.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) noexcept;

}  // namespace recoupe
