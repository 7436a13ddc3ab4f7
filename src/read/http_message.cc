#include "read/http_message.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace recoupe {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Inflates `in` with the given window bits; kNotCompressed when the first bytes are not
// a stream of that kind (so that the caller may try another, or keep the body as it is).
enum class Inflated { kOk, kNotCompressed, kBad, kCut, kTooBig };

Inflated inflate_all(std::string_view in, int window_bits, size_t limit, std::string& out, std::string& why) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    why = "zlib could not start";
    return Inflated::kBad;
  }
  out.clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 31));
  char chunk[1 << 14];
  Inflated result = Inflated::kOk;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    const int ret = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = sizeof chunk - zs.avail_out;
    if (out.size() + produced > limit) {
      result = Inflated::kTooBig;
      break;
    }
    out.append(chunk, produced);
    if (ret == Z_STREAM_END) break;
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) {
      why = "the compressed body is cut short";
      result = out.empty() && zs.total_in < 16 ? Inflated::kNotCompressed : Inflated::kCut;
      break;
    }
    why = zs.msg ? zs.msg : "zlib error " + std::to_string(ret);
    result = out.empty() ? Inflated::kNotCompressed : Inflated::kBad;
    break;
  }
  inflateEnd(&zs);
  return result;
}

Result<std::string> decode_one(std::string_view body, std::string_view coding, size_t limit, bool cut_ok) {
  std::string out, why;
  // What an inflate outcome gives: the body (a cut one only when cut_ok), the size error, or nothing when
  // the data did not inflate.
  const auto settle = [&](Inflated outcome) -> std::optional<Result<std::string>> {
    if (outcome == Inflated::kOk || (outcome == Inflated::kCut && cut_ok)) return Result<std::string>(std::move(out));
    if (outcome == Inflated::kTooBig) {
      return Result<std::string>(Error{Errc::kBadInput, "the body decodes to more than " + std::to_string(limit) +
                                                            " bytes (the record limit)"});
    }
    return std::nullopt;
  };
  if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
    if (body.size() < 2 || static_cast<unsigned char>(body[0]) != 0x1f || static_cast<unsigned char>(body[1]) != 0x8b) {
      return std::string(body);  // already decoded by the crawler
    }
    if (auto decoded = settle(inflate_all(body, 16 + MAX_WBITS, limit, out, why))) return std::move(*decoded);
    return Error{Errc::kBadInput, "bad gzip body (Content-Encoding: gzip): " + why};
  }
  if (iequals(coding, "deflate")) {
    // "deflate" is zlib-wrapped by the standard, raw deflate by some servers.
    const Inflated zlib = inflate_all(body, MAX_WBITS, limit, out, why);
    if (auto decoded = settle(zlib)) return std::move(*decoded);
    if (zlib == Inflated::kNotCompressed) {
      std::string raw_why;
      if (auto decoded = settle(inflate_all(body, -MAX_WBITS, limit, out, raw_why))) return std::move(*decoded);
    }
    return Error{Errc::kBadInput, "bad deflate body (Content-Encoding: deflate): " + why};
  }
  if (coding.empty() || iequals(coding, "identity") || iequals(coding, "none")) return std::string(body);
  return Error{Errc::kBadInput, "Content-Encoding \"" + std::string(coding) + "\" is not supported"};
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string_view HttpHead::field(std::string_view name) const noexcept {
  for (const auto& [n, v] : fields) {
    if (iequals(n, name)) return v;
  }
  return {};
}

Result<HttpHead> parse_http_response_head(std::string_view message) {
  HttpHead head;
  size_t pos = 0;
  auto next_line = [&](std::string_view& line) {
    const size_t nl = message.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    line = message.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(line)) return Error{Errc::kBadInput, "HTTP status line does not end"};
  // "HTTP/1.1 200 OK", "HTTP/2 200" (the reason phrase may be absent).
  const size_t space = line.find(' ');
  if (!istarts_with(line, "HTTP/") || space == std::string_view::npos || space < 6 || space > 9 ||
      line.size() < space + 4) {
    return Error{Errc::kBadInput, "no HTTP status line (\"" + std::string(line.substr(0, 40)) + "\")"};
  }
  int status = 0;
  for (size_t i = space + 1; i < space + 4; ++i) {
    if (line[i] < '0' || line[i] > '9') return Error{Errc::kBadInput, "bad HTTP status code"};
    status = status * 10 + (line[i] - '0');
  }
  if (line.size() > space + 4 && line[space + 4] != ' ') return Error{Errc::kBadInput, "bad HTTP status code"};
  head.status = status;
  for (;;) {
    if (!next_line(line)) return Error{Errc::kBadInput, "HTTP header does not end (no blank line)"};
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !head.fields.empty()) {  // folded value
      const std::string_view more = trim(line);
      if (!more.empty()) head.fields.back().second.append(" ").append(more);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;  // not a field: ignored, as browsers do
    head.fields.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  head.body_offset = pos;
  return head;
}

Result<std::string> dechunk(std::string_view body, size_t limit, bool cut_ok) {
  auto is_hex = [](char c) { return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'f'); };
  size_t first = 0;
  while (first < body.size() && (body[first] == ' ' || body[first] == '\t')) ++first;
  if (first == body.size() || !is_hex(body[first])) return std::string(body);
  // A chunk-size line: hex digits, optional extensions, CRLF; else the body is not chunked.
  {
    size_t i = first;
    while (i < body.size() && is_hex(body[i])) ++i;
    const size_t nl = body.find('\n', i);
    if (nl == std::string_view::npos || nl - first > 1024) return std::string(body);
    const std::string_view rest = trim(body.substr(i, nl - i));
    if (!rest.empty() && rest.front() != ';') return std::string(body);
  }
  std::string out;
  size_t pos = first;
  for (;;) {
    if (pos >= body.size()) return out;  // ended at a chunk boundary without the last chunk: keep it
    const size_t start = pos;
    uint64_t size = 0;
    size_t digits = 0;
    while (pos < body.size() && is_hex(body[pos])) {
      if (++digits > 15) return Error{Errc::kBadInput, "bad chunked encoding: chunk size too large at byte " + std::to_string(start) + " of the body"};
      const char c = lower(body[pos]);
      size = size * 16 + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      ++pos;
    }
    const size_t nl = body.find('\n', pos);
    if (digits == 0 || nl == std::string_view::npos) {
      return Error{Errc::kBadInput, "bad chunked encoding: no chunk size at byte " + std::to_string(start) + " of the body"};
    }
    const std::string_view ext = trim(body.substr(pos, nl - pos));
    if (!ext.empty() && ext.front() != ';') {
      return Error{Errc::kBadInput, "bad chunked encoding: no chunk size at byte " + std::to_string(start) + " of the body"};
    }
    pos = nl + 1;
    if (size == 0) return out;  // the last chunk; trailer fields are not kept
    if (size > body.size() - pos) {
      if (cut_ok && out.size() + (body.size() - pos) <= limit) {
        out.append(body.substr(pos));
        return out;
      }
      return Error{Errc::kBadInput, "bad chunked encoding: a chunk of " + std::to_string(size) + " bytes at byte " +
                                        std::to_string(start) + " of the body goes beyond its end (" +
                                        std::to_string(body.size() - pos) + " bytes left)"};
    }
    if (out.size() + size > limit) {
      return Error{Errc::kBadInput, "the body is more than " + std::to_string(limit) + " bytes (the record limit)"};
    }
    out.append(body.substr(pos, static_cast<size_t>(size)));
    pos += static_cast<size_t>(size);
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size()) {
      if (body[pos] != '\n') {
        return Error{Errc::kBadInput, "bad chunked encoding: the chunk at byte " + std::to_string(start) +
                                          " of the body is not followed by a line end"};
      }
      ++pos;
    }
  }
}

Result<std::string> decode_content(std::string_view body, std::string_view coding, size_t limit, bool cut_ok) {
  // Codings are listed in the order they were applied: undo the last first.
  std::vector<std::string_view> codings;
  size_t start = 0;
  while (start <= coding.size()) {
    size_t comma = coding.find(',', start);
    if (comma == std::string_view::npos) comma = coding.size();
    const std::string_view c = trim(coding.substr(start, comma - start));
    if (!c.empty() && !iequals(c, "identity")) codings.push_back(c);
    start = comma + 1;
  }
  if (codings.size() > 4) return Error{Errc::kBadInput, "too many Content-Encodings"};
  std::string current(body);
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    auto decoded = decode_one(current, *it, limit, cut_ok);
    if (!decoded) return decoded.error();
    current = std::move(decoded.value());
  }
  return current;
}

bool is_html_media_type(std::string_view content_type) noexcept {
  const std::string_view type = trim(content_type.substr(0, content_type.find(';')));
  return iequals(type, "text/html") || iequals(type, "application/xhtml+xml");
}

bool looks_like_html(std::string_view body) noexcept {
  std::string_view s = body.substr(0, 4096);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  for (int guard = 0; guard < 16; ++guard) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
    }
    if (istarts_with(s, "<!--")) {  // a comment before the page
      const size_t end = s.find("-->");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 3);
      continue;
    }
    if (istarts_with(s, "<?xml")) {  // XHTML
      const size_t end = s.find("?>");
      if (end == std::string_view::npos) return false;
      s.remove_prefix(end + 2);
      continue;
    }
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
      if (istarts_with(s, tag)) {
        const char after = s.size() > tag.size() ? s[tag.size()] : '>';
        return after == '>' || after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '/';
      }
    }
    return false;
  }
  return false;
}

}  // namespace recoupe
