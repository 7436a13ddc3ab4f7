#include "read/input_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "common/utf8.h"
#include "read/feed_reader.h"
#include "read/gzip_stream.h"
#include "read/json_feed_reader.h"
#include "read/line_reader.h"
#include "read/warc_reader.h"

namespace recoupe {
namespace fs = std::filesystem;

namespace {

std::string describe_json_error(simdjson::error_code e) {
  using namespace simdjson;
  switch (e) {
    case UTF8_ERROR: return "invalid UTF-8";
    case UNCLOSED_STRING: return "broken JSON (unterminated string)";
    case STRING_ERROR: return "broken JSON (invalid string: bad escape or lone surrogate)";
    case TAPE_ERROR: return "broken JSON (malformed structure)";
    case INCORRECT_TYPE: return "a field has the wrong type";
    case EMPTY: return "empty record";
    default: return std::string("broken JSON (") + error_message(e) + ")";
  }
}

}  // namespace

std::string parse_jsonl_record(std::string& line, RawRecord& out) {
  using namespace simdjson;
  if (line.capacity() < line.size() + SIMDJSON_PADDING) line.reserve(line.size() + SIMDJSON_PADDING);
  thread_local dom::parser parser;
  dom::element root;
  // The whole line is validated (structure, UTF-8, nothing after the object).
  if (auto e = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/false).get(root)) {
    if (e == UTF8_ERROR) {  // simdjson says so; find where, for the message
      return "invalid UTF-8 at byte " + std::to_string(utf8::find_invalid(line)) + " of the line";
    }
    return describe_json_error(e);
  }
  dom::object obj;
  if (root.get(obj)) return "not a JSON object";
  bool has_id = false;
  std::string published_time, date;  // OrangeSum's names, used when `published` is absent
  for (auto [key, value] : obj) {
    if (key == "id") {
      if (value.is_string()) {
        out.id.assign(std::string_view(value));
      } else if (value.is_int64() || value.is_uint64()) {
        out.id = value.is_int64() ? std::to_string(int64_t(value)) : std::to_string(uint64_t(value));
      } else if (value.is_null()) {
        return "\"id\" is null";
      } else {
        return "\"id\" must be a string or an integer";
      }
      has_id = true;
      continue;
    }
    std::string* target = nullptr;
    if (key == "title") target = &out.title;
    else if (key == "abstract") target = &out.abstract;
    else if (key == "text") target = &out.text;
    else if (key == "html") target = &out.html;
    else if (key == "published") target = &out.published;
    else if (key == "published_time") target = &published_time;
    else if (key == "date") target = &date;
    else if (key == "url") target = &out.url;
    else if (key == "source") target = &out.source;
    else if (key == "lang") target = &out.lang;
    if (!target || value.is_null()) continue;  // other keys belong to the source, not to us
    if (!value.is_string()) return "\"" + std::string(key) + "\" must be a string";
    target->assign(std::string_view(value));
  }
  if (!has_id) return "no \"id\"";
  if (out.id.empty()) return "\"id\" is empty";
  if (out.published.empty()) out.published = !published_time.empty() ? published_time : date;
  return {};  // simdjson validated the UTF-8 of the line and of every escape (a lone \ud800 is an error)
}

Result<std::vector<std::string>> read_input_list(const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) return Error{Errc::kNotFound, path + ": cannot open the list of inputs"};
    in = &file;
  }
  std::vector<std::string> inputs;
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const size_t end = line.find_last_not_of(" \t");
    inputs.push_back(line.substr(start, end - start + 1));
  }
  return inputs;
}

void parse_text_article(std::string content, RawRecord& out) {
  std::string_view s(content);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  // " date 2022-09 Text starts here..." (the date may sit alone on its line)
  std::string_view rest = s;
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  if (rest.substr(0, 5) == "date ") {
    rest.remove_prefix(5);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    size_t n = 0;
    while (n < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[n])) || rest[n] == '-')) ++n;
    if (n >= 4) {
      out.published.assign(rest.substr(0, n));
      rest.remove_prefix(n);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n' || rest.front() == '\r')) rest.remove_prefix(1);
      s = rest;
    }
  }
  out.text.assign(s);
}

namespace {

// JSON lines, one record per line (plain or gzip).
class JsonlSource final : public RecordSource {
 public:
  JsonlSource(std::unique_ptr<ByteSource> bytes, std::string name, const ReadOptions& options, Diagnostics& d)
      : name_(std::move(name)), options_(options), diagnostics_(d) {
    lines_.open(std::move(bytes), options_.max_record_bytes);
  }

  bool next(RawRecord& out) override {
    std::string line;
    while (!done_ && !diagnostics_.fatal()) {
      const auto outcome = lines_.next(line);
      const std::string where = name_ + ":" + std::to_string(lines_.line_number());
      switch (outcome) {
        case LineReader::Outcome::kEnd:
          if (lines_.line_number() == 0) diagnostics_.note(name_, "empty file, no records");
          done_ = true;
          continue;
        case LineReader::Outcome::kError:
          diagnostics_.input_error(where, "read error: " + lines_.error());
          done_ = true;
          continue;
        case LineReader::Outcome::kTruncated:
          diagnostics_.skip_record(where, "gzip stream cut short: the file ends inside this record; " +
                                              std::to_string(good_) + " records before it were read");
          done_ = true;
          continue;
        case LineReader::Outcome::kTooLong:
          diagnostics_.skip_record(where, "record is " + std::to_string(lines_.too_long_bytes()) +
                                              " bytes, over the limit of " + std::to_string(options_.max_record_bytes));
          continue;
        case LineReader::Outcome::kLine:
          break;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines are not records
      out = RawRecord{};
      if (std::string reason = parse_jsonl_record(line, out); !reason.empty()) {
        if (!out.id.empty()) reason += " (id " + out.id + ")";
        diagnostics_.skip_record(where, reason);
        continue;
      }
      out.origin = where;
      ++good_;
      return true;
    }
    return false;
  }

 private:
  std::string name_;
  ReadOptions options_;
  Diagnostics& diagnostics_;
  LineReader lines_;
  size_t good_ = 0;
  bool done_ = false;
};

// One article per file: a text (.txt) or a page (.html). Held whole, so bounded by the record limit.
class WholeFileSource final : public RecordSource {
 public:
  WholeFileSource(InputKind kind, std::unique_ptr<ByteSource> bytes, std::string name, const ReadOptions& options,
                  Diagnostics& d)
      : kind_(kind), bytes_(std::move(bytes)), name_(std::move(name)), options_(options), diagnostics_(d) {}

  bool next(RawRecord& out) override {
    if (done_) return false;
    done_ = true;
    std::string content;
    uint64_t size = 0;
    char chunk[1 << 16];
    for (;;) {
      const size_t got = bytes_->read(chunk, sizeof chunk);
      if (got == 0) break;
      size += got;
      if (size <= options_.max_record_bytes) content.append(chunk, got);
      else content = std::string();  // over the limit: only counted from here on
    }
    if (!bytes_->error().empty()) {
      diagnostics_.input_error(name_, "cannot read: " + bytes_->error());
      return false;
    }
    if (size > options_.max_record_bytes) {
      diagnostics_.skip_record(name_, "file is " + std::to_string(size) + " bytes, over the record limit of " +
                                          std::to_string(options_.max_record_bytes));
      return false;
    }
    out = RawRecord{};
    out.id = fs::path(name_).filename().string();
    out.origin = name_;
    if (kind_ == InputKind::kHtml) {
      if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
        diagnostics_.skip_record(name_, "empty page");
        return false;
      }
      out.html = std::move(content);  // bytes as they are: the page extractor finds the charset
      return true;
    }
    if (const size_t bad = utf8::find_invalid(content); bad != std::string::npos) {
      diagnostics_.skip_record(name_, "invalid UTF-8 at byte " + std::to_string(bad));
      return false;
    }
    parse_text_article(std::move(content), out);
    if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      diagnostics_.skip_record(name_, "empty article");
      return false;
    }
    return true;
  }

 private:
  InputKind kind_;
  std::unique_ptr<ByteSource> bytes_;
  std::string name_;
  ReadOptions options_;
  Diagnostics& diagnostics_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordSource> open_input(InputKind kind, std::unique_ptr<ByteSource> bytes, const std::string& name,
                                         const ReadOptions& options, Diagnostics& diagnostics) {
  switch (kind) {
    case InputKind::kJsonl: return std::make_unique<JsonlSource>(std::move(bytes), name, options, diagnostics);
    case InputKind::kText:
      return std::make_unique<WholeFileSource>(kind, std::move(bytes), name, options, diagnostics);
    case InputKind::kHtml:
      return std::make_unique<WholeFileSource>(kind, std::make_unique<GunzipSource>(std::move(bytes)), name, options,
                                               diagnostics);
    case InputKind::kWarc: return std::make_unique<WarcReader>(std::move(bytes), name, options, diagnostics);
    case InputKind::kFeed:
      return std::make_unique<FeedReader>(std::make_unique<GunzipSource>(std::move(bytes)), name, options, diagnostics);
    case InputKind::kJsonFeed:
      return std::make_unique<JsonFeedReader>(std::make_unique<GunzipSource>(std::move(bytes)), name, options,
                                              diagnostics);
  }
  return nullptr;
}

InputReader::InputReader(std::vector<std::string> inputs, ReadOptions options, Diagnostics& diagnostics)
    : options_(options), diagnostics_(diagnostics) {
  // Expand folders now so that the order is fixed before anything is read.
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(in, ec)) {
        const std::string p = entry.path().string();
        if (entry.is_regular_file() && is_folder_member(p)) found.push_back(p);
      }
      if (ec) diagnostics_.input_error(in, "cannot list folder: " + ec.message());
      std::sort(found.begin(), found.end());
      if (found.empty()) diagnostics_.note(in, "folder has no files of a kind recoupe reads");
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  pending_.assign(files.rbegin(), files.rend());
}

InputReader::~InputReader() = default;

void InputReader::open_next_input() {
  const std::string path = pending_.back();
  pending_.pop_back();
  std::string why;
  std::optional<InputKind> kind = path == "-" ? InputKind::kJsonl : kind_from_name(path);
  if (!kind) kind = sniff_file(path, why);
  std::unique_ptr<FileSource> file = kind ? FileSource::open(path, why) : nullptr;
  if (!file) {
    diagnostics_.input_error(path, why);
    return;
  }
  current_ = open_input(*kind, std::move(file), path, options_, diagnostics_);
}

bool InputReader::next(RawRecord& out) {
  while (!diagnostics_.fatal()) {
    if (!current_) {
      if (pending_.empty()) return false;
      open_next_input();
      continue;
    }
    if (current_->next(out)) return true;
    current_.reset();
  }
  return false;
}

}  // namespace recoupe
