#include "read/warc_reader.h"

#include <algorithm>
#include <cstring>

#include "read/http_message.h"

namespace recoupe {

namespace {

constexpr size_t kMaxHeaderBytes = size_t{1} << 16;  // a WARC header, an HTTP head, an ARC line
constexpr size_t kScanChunk = size_t{1} << 16;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool parse_length(std::string_view s, uint64_t& out) {
  s = trim(s);
  if (s.empty() || s.size() > 18) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// "WARC/1.0", "WARC/1.1", "WARC/0.18": the version line that starts a record.
bool is_warc_magic(std::string_view s) {
  return s.size() >= 7 && s.substr(0, 5) == "WARC/" && s[5] >= '0' && s[5] <= '9' && s[6] == '.';
}

std::string plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

struct WarcReader::Resync {
  bool found = false;
  uint64_t skipped = 0;  // bytes passed over
  std::string at;        // where reading goes on, when found
};

// A record that may be an HTML page, once its header is read and the cursor is on its block.
struct WarcReader::Candidate {
  std::string where;          // "file@offset" of the record
  std::string uri;            // WARC-Target-URI or the ARC URL
  bool http = false;          // the block is an HTTP response (status line, fields, body)
  std::string declared_type;  // the WARC or ARC Content-Type of the block
  uint64_t length = 0;        // of the block
  bool arc = false;           // an ARC record (messages say "length", not "Content-Length")
  bool truncated = false;     // WARC-Truncated: the crawler kept only the start of the page
};

WarcReader::WarcReader(std::unique_ptr<ByteSource> source, std::string name, const ReadOptions& options,
                       Diagnostics& diagnostics)
    : source_(std::move(source)),
      stream_(*source_),
      buf_(stream_),
      name_(std::move(name)),
      options_(options),
      diagnostics_(diagnostics) {}

WarcReader::~WarcReader() = default;

bool WarcReader::next(RawRecord& out) {
  while (!diagnostics_.fatal()) {
    const Step s = step(out);
    if (s == Step::kRecord) return true;
    if (s == Step::kEnd) break;
  }
  finish();
  return false;
}

void WarcReader::finish() {
  if (finished_) return;
  finished_ = true;
  if (records_ == 0 && stream_.state() == GzipStream::State::kEnd) {
    diagnostics_.note(name_, "empty file, no records");
    return;
  }
  size_t total = 0;
  std::string what;
  for (const auto& [kind, count] : ignored_) {
    total += count;
    if (!what.empty()) what += ", ";
    what += std::to_string(count) + " " + kind;
  }
  diagnostics_.ignore_records(name_, total, what);
}

void WarcReader::ignore(const std::string& kind) {
  for (auto& [k, count] : ignored_) {
    if (k == kind) {
      ++count;
      return;
    }
  }
  ignored_.emplace_back(kind, 1);
}

void WarcReader::skip_blank_lines() {
  for (;;) {
    if (buf_.want(1) == 0) return;
    const std::string_view v = buf_.view();
    size_t n = 0;
    while (n < v.size() && (v[n] == '\r' || v[n] == '\n')) ++n;
    buf_.consume(n);
    if (n < v.size()) return;
  }
}

void WarcReader::cut_short(const std::string& where, const std::string& what) {
  if (stream_.state() != GzipStream::State::kError) {
    diagnostics_.skip_record(where, what + ": the file ends inside this record");
    return;
  }
  const std::string gzip_where = describe_position(name_, {stream_.error_offset(), 0}, true);
  std::string message = what + ": " + stream_.error();
  if (gzip_where != where) message += ", in the gzip member at " + gzip_where;
  const bool truncated = stream_.truncated();
  buf_.drop_all();
  if (const auto next = stream_.resync()) {
    message += "; went on at the next gzip member, " + name_ + "@" + std::to_string(*next);
  } else if (!truncated) {
    message += "; no gzip member follows that could be read";
  }
  diagnostics_.skip_record(where, message);
}

WarcReader::Step WarcReader::step(RawRecord& out) {
  skip_blank_lines();
  if (buf_.want(1) == 0) {
    if (stream_.state() == GzipStream::State::kError) {
      cut_short(describe_position(name_, stream_.position(), stream_.gzip()), "cannot read the next record");
      return stream_.state() == GzipStream::State::kOk ? Step::kNext : Step::kEnd;
    }
    return Step::kEnd;
  }
  const std::string where = describe_position(name_, buf_.position(), stream_.gzip());
  if (format_ == Format::kUnknown) {
    buf_.want(11);
    format_ = buf_.view().substr(0, 11) == "filedesc://" ? Format::kArc : Format::kWarc;
  }
  ++records_;
  return format_ == Format::kArc ? arc_step(out, where) : warc_step(out, where);
}

// Scans for the next record start: `magic` at the start of a line, or at the start of a gzip
// member. The cursor is left on it.
WarcReader::Resync WarcReader::resync(std::string_view magic) {
  Resync r;
  buf_.consume(1);  // not the record that failed again
  r.skipped = 1;
  const std::string pattern = "\n" + std::string(magic);
  for (;;) {
    const size_t have = buf_.want(kScanChunk);
    if (have == 0) return r;
    const std::string_view v = buf_.view();
    size_t hit = v.find(pattern);
    size_t skip = hit == std::string_view::npos ? hit : hit + 1;
    if (const size_t member = buf_.next_member_start(); member < skip && v.substr(member, magic.size()) == magic) {
      skip = member;
    }
    if (skip != std::string_view::npos) {
      buf_.consume(skip);
      r.skipped += skip;
      buf_.want(8);
      if (magic != "WARC/" || is_warc_magic(buf_.view())) {
        r.found = true;
        r.at = describe_position(name_, buf_.position(), stream_.gzip());
        return r;
      }
      continue;
    }
    // Keep the tail that could be the start of the pattern.
    const size_t keep = std::min(v.size(), pattern.size() - 1);
    const size_t drop = v.size() - keep;
    if (drop == 0) {
      if (buf_.want(have + 1) == have) {  // the input ends here
        buf_.consume(have);
        r.skipped += have;
        return r;
      }
      continue;
    }
    buf_.consume(drop);
    r.skipped += drop;
  }
}

WarcReader::Step WarcReader::warc_step(RawRecord& out, const std::string& where) {
  buf_.want(8);
  const auto report_resync = [&](const std::string& what) {
    const Resync r = resync("WARC/");
    std::string message = what;
    if (r.found) {
      message += "; went on at the next record, " + r.at + " (" + plural(r.skipped, "byte", "bytes") + " skipped)";
    } else if (stream_.state() == GzipStream::State::kError) {
      cut_short(where, message + " (" + plural(r.skipped, "byte", "bytes") + " skipped), then");
      return Step::kNext;
    } else {
      message += "; no record follows (" + plural(r.skipped, "byte", "bytes") + " skipped to the end)";
    }
    diagnostics_.skip_record(where, message);
    return Step::kNext;
  };
  if (!is_warc_magic(buf_.view())) {
    return report_resync("not a WARC record (no \"WARC/1.\" line here)");
  }
  // The header: up to the blank line ("\n\r\n" or "\n\n").
  size_t end = std::string_view::npos, header_len = 0, from = 0;
  for (;;) {
    const std::string_view v = buf_.view();
    const size_t crlf = v.find("\n\r\n", from), lf = v.find("\n\n", from);
    if (crlf != std::string_view::npos || lf != std::string_view::npos) {
      end = std::min(crlf, lf) + 1;
      header_len = end + (crlf < lf ? 2 : 1);
      break;
    }
    from = v.size() >= 2 ? v.size() - 2 : 0;
    if (v.size() > kMaxHeaderBytes) {
      return report_resync("broken WARC header: no blank line within " + std::to_string(kMaxHeaderBytes) + " bytes");
    }
    if (buf_.want(v.size() + 4096) == v.size()) {
      if (stream_.state() == GzipStream::State::kError) {
        cut_short(where, "WARC header cut short");
        return Step::kNext;
      }
      diagnostics_.skip_record(where, "WARC header cut short: the file ends inside it");
      buf_.consume(v.size());
      return Step::kEnd;
    }
  }
  const std::string header(buf_.view().substr(0, end));
  std::string type, uri, content_type;
  bool truncated = false;
  uint64_t length = 0;
  bool has_length = false;
  size_t pos = header.find('\n') + 1;  // after the version line
  size_t line_no = 1;
  while (pos < header.size()) {
    size_t nl = header.find('\n', pos);
    if (nl == std::string::npos) nl = header.size();
    const std::string_view raw = std::string_view(header).substr(pos, nl - pos);
    const std::string_view line = trim(raw);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || raw.front() == ' ' || raw.front() == '\t') continue;  // folded values are not used
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return report_resync("broken WARC header: line " + std::to_string(line_no) + " has no colon (\"" +
                           std::string(line.substr(0, 60)) + "\")");
    }
    const std::string_view name = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      has_length = parse_length(value, length);
      if (!has_length) {
        return report_resync("broken WARC header: Content-Length \"" + std::string(value.substr(0, 40)) +
                             "\" is not a number");
      }
    } else if (iequals(name, "WARC-Type")) {
      type = lowered(value);
    } else if (iequals(name, "WARC-Target-URI")) {
      uri = std::string(value);
    } else if (iequals(name, "Content-Type")) {
      content_type = std::string(value);
    } else if (iequals(name, "WARC-Truncated")) {
      truncated = true;
    }
  }
  if (!has_length) return report_resync("broken WARC header: no Content-Length");
  buf_.consume(header_len);
  // WARC 1.1 examples wrap the URI in <>; some writers followed them.
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);

  Candidate c;
  c.where = where;
  c.uri = uri;
  c.declared_type = content_type;
  c.length = length;
  c.truncated = truncated;
  if (type == "response") {
    c.http = istarts_with(content_type, "application/http") || (content_type.empty() && istarts_with(uri, "http"));
    if (!c.http) {
      ignore("response not HTTP");
    }
  } else if (type != "resource") {
    ignore(type.empty() ? "of no WARC-Type" : type);
  }
  if ((type != "response" && type != "resource") || (type == "response" && !c.http)) {
    if (buf_.discard(length) < length) {
      cut_short(where, "Content-Length " + std::to_string(length) + " goes beyond the end of the file");
      return stream_.state() == GzipStream::State::kOk ? Step::kNext : Step::kEnd;
    }
    return Step::kNext;
  }
  return read_payload(c, out);
}

WarcReader::Step WarcReader::read_payload(const Candidate& c, RawRecord& out) {
  const auto beyond_end = [&] {
    cut_short(c.where, std::string(c.arc ? "ARC record length " : "Content-Length ") + std::to_string(c.length) +
                           " goes beyond the end of the file");
    return stream_.state() == GzipStream::State::kOk ? Step::kNext : Step::kEnd;
  };
  const auto pass_over = [&](const std::string& kind) {
    ignore(kind);
    return buf_.discard(c.length) < c.length ? beyond_end() : Step::kNext;
  };
  // Decide from the first bytes whether this is an HTML page, before holding the whole block.
  const size_t head_n = static_cast<size_t>(std::min<uint64_t>(c.length, kMaxHeaderBytes));
  if (buf_.want(head_n) < head_n) return beyond_end();
  const std::string_view head_bytes = buf_.view().substr(0, head_n);
  HttpHead http;
  std::string content_type = c.declared_type;
  if (c.http) {
    auto parsed = parse_http_response_head(head_bytes);
    if (!parsed) {
      if (!istarts_with(head_bytes, "HTTP/") && !istarts_with(c.declared_type, "application/http")) {
        return pass_over("response not HTTP");
      }
      const std::string why = head_n < c.length && parsed.error().message.find("does not end") != std::string::npos
                                  ? "HTTP header longer than " + std::to_string(kMaxHeaderBytes) + " bytes"
                                  : parsed.error().message;
      diagnostics_.skip_record(c.where, "broken HTTP response: " + why + " (" + c.uri + ")");
      return buf_.discard(c.length) < c.length ? beyond_end() : Step::kNext;
    }
    http = std::move(parsed.value());
    if (http.status != 200) return pass_over("status not 200");
    content_type = std::string(http.field("Content-Type"));
  }
  const std::string_view body_head = head_bytes.substr(std::min(http.body_offset, head_bytes.size()));
  const bool html = content_type.empty() ? looks_like_html(body_head) : is_html_media_type(content_type);
  if (!html) return pass_over(c.http || c.arc ? "not HTML" : "resource not HTML");
  if (c.uri.empty()) {
    diagnostics_.skip_record(c.where, "an HTML page without a target URI (WARC-Target-URI)");
    return buf_.discard(c.length) < c.length ? beyond_end() : Step::kNext;
  }
  if (c.length > options_.max_record_bytes) {
    diagnostics_.skip_record(c.where, "record is " + std::to_string(c.length) + " bytes, over the limit of " +
                                          std::to_string(options_.max_record_bytes) + " (" + c.uri + ")");
    return buf_.discard(c.length) < c.length ? beyond_end() : Step::kNext;
  }
  // The whole block: at most the record limit.
  std::string block;
  block.reserve(static_cast<size_t>(c.length));
  while (block.size() < c.length) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(c.length - block.size(), kScanChunk));
    const size_t have = buf_.want(want);
    if (have == 0) return beyond_end();
    const size_t k = std::min(have, want);
    block.append(buf_.view().substr(0, k));
    buf_.consume(k);
  }
  std::string body = block.substr(std::min(http.body_offset, block.size()));
  block = std::string();
  if (c.http) {
    if (http.field("Transfer-Encoding").find("chunked") != std::string_view::npos ||
        http.field("Transfer-Encoding").find("Chunked") != std::string_view::npos) {
      auto joined = dechunk(body, options_.max_record_bytes, c.truncated);
      if (!joined) {
        diagnostics_.skip_record(c.where, joined.error().message + " (" + c.uri + ")");
        return Step::kNext;
      }
      body = std::move(joined.value());
    }
    if (const std::string_view coding = http.field("Content-Encoding"); !coding.empty()) {
      auto decoded = decode_content(body, coding, options_.max_record_bytes, c.truncated);
      if (!decoded) {
        diagnostics_.skip_record(c.where, decoded.error().message + " (" + c.uri + ")");
        return Step::kNext;
      }
      body = std::move(decoded.value());
    }
  }
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    ignore("empty page");
    return Step::kNext;
  }
  out = RawRecord{};
  // An article's identity is its URL: a page crawled twice is one article, not two, so the id is
  // the target URI (the WARC-Record-ID names the capture, not the page). WARC-Date is when the
  // page was crawled, not when it was published, so `published` is left to the page extractor.
  out.id = c.uri;
  out.url = c.uri;
  out.html = std::move(body);
  out.content_type = std::move(content_type);
  out.origin = c.where;
  return Step::kRecord;
}

// ----------------------------------------------------------------------------- ARC

bool WarcReader::arc_header_line(std::string_view line, std::string& url, std::string& mime, uint64_t& length,
                                 std::string& why) const {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && line[pos] == ' ') ++pos;
    const size_t start = pos;
    while (pos < line.size() && line[pos] != ' ') ++pos;
    if (pos > start) tokens.push_back(line.substr(start, pos - start));
  }
  // Version 1: URL IP-address Archive-date Content-type Archive-length;
  // version 2 adds Result-code Checksum Location Offset Filename before the length.
  const size_t fixed = arc_version_ == 2 ? 9 : 4;
  if (tokens.size() < fixed + 1) {
    why = "an ARC record line has " + std::to_string(tokens.size()) + " fields, not " + std::to_string(fixed + 1);
    return false;
  }
  if (!parse_length(tokens.back(), length)) {
    why = "ARC record length \"" + std::string(tokens.back().substr(0, 40)) + "\" is not a number";
    return false;
  }
  const size_t url_tokens = tokens.size() - fixed;
  // A URL with spaces in it spans several tokens.
  const char* url_begin = tokens.front().data();
  const char* url_end = tokens[url_tokens - 1].data() + tokens[url_tokens - 1].size();
  url.assign(url_begin, static_cast<size_t>(url_end - url_begin));
  mime.assign(tokens[url_tokens + 2]);
  return true;
}

WarcReader::Step WarcReader::arc_step(RawRecord& out, const std::string& where) {
  // The record line, up to its newline.
  size_t nl = std::string_view::npos;
  for (;;) {
    const std::string_view v = buf_.view();
    nl = v.find('\n');
    if (nl != std::string_view::npos) break;
    if (v.size() > kMaxHeaderBytes || buf_.want(v.size() + 4096) == v.size()) {
      if (stream_.state() == GzipStream::State::kError) {
        cut_short(where, "ARC record line cut short");
        return Step::kNext;
      }
      diagnostics_.skip_record(where, v.size() > kMaxHeaderBytes ? "an ARC record line longer than 65536 bytes"
                                                                  : "ARC record line cut short: the file ends inside it");
      buf_.discard(v.size());
      return v.size() > kMaxHeaderBytes ? Step::kNext : Step::kEnd;
    }
  }
  const std::string line(trim(buf_.view().substr(0, nl)));
  std::string url, mime, why;
  uint64_t length = 0;
  if (!arc_header_line(line, url, mime, length, why)) {
    // Go on at the next line that reads as a record line.
    buf_.consume(nl + 1);
    uint64_t skipped = nl + 1;
    for (;;) {
      skip_blank_lines();
      if (buf_.want(1) == 0) break;
      const std::string_view v = buf_.view();
      const size_t n = v.find('\n');
      std::string u, m, w;
      uint64_t l = 0;
      if (n != std::string_view::npos && arc_header_line(trim(v.substr(0, n)), u, m, l, w) &&
          u.find("://") != std::string::npos) {
        diagnostics_.skip_record(where, "broken ARC record: " + why + "; went on at the next record, " +
                                            describe_position(name_, buf_.position(), stream_.gzip()) + " (" +
                                            plural(skipped, "byte", "bytes") + " skipped)");
        return Step::kNext;
      }
      const size_t k = n == std::string_view::npos ? v.size() : n + 1;
      buf_.consume(k);
      skipped += k;
    }
    diagnostics_.skip_record(where, "broken ARC record: " + why + "; no record follows");
    return stream_.state() == GzipStream::State::kError ? Step::kNext : Step::kEnd;
  }
  buf_.consume(nl + 1);
  if (istarts_with(url, "filedesc://")) {  // the file's own description; its second line gives the version
    if (buf_.want(2) >= 1 && buf_.view().front() == '2') arc_version_ = 2;
    ignore("filedesc");
    if (buf_.discard(length) < length) {
      cut_short(where, "ARC record length " + std::to_string(length) + " goes beyond the end of the file");
      return stream_.state() == GzipStream::State::kOk ? Step::kNext : Step::kEnd;
    }
    return Step::kNext;
  }
  Candidate c;
  c.where = where;
  c.uri = url;
  c.length = length;
  c.declared_type = mime;
  c.arc = true;
  buf_.want(5);
  c.http = istarts_with(url, "http") && istarts_with(buf_.view(), "HTTP/");
  if (c.http) c.declared_type = "application/http";
  return read_payload(c, out);
}

}  // namespace recoupe
