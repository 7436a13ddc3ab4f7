// src/read/feed_date.h
//
// Feed dates to ISO 8601. RSS 2.0 gives RFC 822 dates ("Mon, 15 Jun 2020 10:30:00 +0200"
// becomes "2020-06-15T10:30:00+02:00"), with the liberties feeds take (no day name, full
// month names, two-digit years, no seconds, zone names such as GMT, EST or CEST); Atom
// and Dublin Core give W3C dates, which are ISO 8601 already and kept as given.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recoupe {

//! An RFC 822 / RFC 2822 date-time as ISO 8601, or nullopt when it is not one (or is impossible).
std::optional<std::string> rfc822_to_iso8601(std::string_view date);

//! Any feed date: ISO 8601 as given (trimmed), else RFC 822 converted; nullopt when neither.
std::optional<std::string> feed_date_to_iso8601(std::string_view date);

}  // namespace recoupe
