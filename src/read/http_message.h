// src/read/http_message.h
//
// The HTTP/1.x response a crawler stored: status line, header fields, body; and the
// body's transfer and content codings undone (chunked; gzip, deflate), with a limit
// on what decoding may produce (a small gzip can inflate to gigabytes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace recoupe {

struct HttpHead {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> fields;  //!< name as given, value trimmed
  size_t body_offset = 0;                                    //!< where the body starts in the message

  //! The value of the first field of that name (case-insensitive), or empty.
  std::string_view field(std::string_view name) const noexcept;
};

//! Parses the status line and header fields at the start of `message` (lines end in CRLF or LF;
//! folded lines are joined). Fails when there is no "HTTP/x.y NNN" line or the head does not end.
Result<HttpHead> parse_http_response_head(std::string_view message);

//! Joins the chunks of a `Transfer-Encoding: chunked` body. A body that does not start with a
//! chunk-size line is returned as it is: some crawlers store it joined but keep the header.
//! `cut_ok`: the body is known to be cut (WARC-Truncated): a last chunk cut short is kept.
Result<std::string> dechunk(std::string_view body, size_t limit, bool cut_ok = false);

//! Undoes `Content-Encoding` (gzip, x-gzip, deflate; a list is undone last first); identity is
//! returned as it is, and so is a body that is visibly not compressed (a crawler decoded it).
//! Fails on bad data, an unknown coding (br, zstd) or output over `limit` bytes. `cut_ok`: the body
//! is known to be cut (WARC-Truncated): what decompresses before the cut is kept.
Result<std::string> decode_content(std::string_view body, std::string_view coding, size_t limit, bool cut_ok = false);

//! True for text/html and application/xhtml+xml (parameters such as charset ignored).
bool is_html_media_type(std::string_view content_type) noexcept;

//! True when the bytes start (after a BOM and blanks) like an HTML page: <!doctype html, <html,
//! <head, <body, or an HTML comment followed by one of those.
bool looks_like_html(std::string_view body) noexcept;

//! ASCII case-insensitive equality and prefix test.
bool iequals(std::string_view a, std::string_view b) noexcept;
bool istarts_with(std::string_view s, std::string_view prefix) noexcept;

}  // namespace recoupe
