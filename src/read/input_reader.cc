#include "read/input_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "common/utf8.h"
#include "read/line_reader.h"

namespace recoupe {
namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_jsonl_name(const std::string& p) {
  return ends_with(p, ".jsonl") || ends_with(p, ".jsonl.gz") || ends_with(p, ".ndjson") ||
         ends_with(p, ".json.gz") || ends_with(p, ".ndjson.gz");
}

// Reads the start of a file to decide: JSON lines or text (gzip counts as JSON lines).
bool sniff_jsonl(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c)) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0x1f) return true;  // gzip magic
    if (u == 0xEF || u == 0xBB || u == 0xBF || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return true;  // empty: reported as an empty JSON-lines file
}

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

class InputReader::JsonlFile {
 public:
  std::string path;
  LineReader lines;
  size_t good = 0;
  bool done = false;
};

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
        if (entry.is_regular_file() && (ends_with(p, ".txt") || is_jsonl_name(p))) found.push_back(p);
      }
      if (ec) diagnostics_.input_error(in, "cannot list folder: " + ec.message());
      std::sort(found.begin(), found.end());
      if (found.empty()) diagnostics_.note(in, "folder has no .txt or .jsonl files");
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  pending_.assign(files.rbegin(), files.rend());
}

InputReader::~InputReader() = default;

bool InputReader::read_text_file(const std::string& path, RawRecord& out) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    diagnostics_.input_error(path, "cannot read: " + ec.message());
    return false;
  }
  if (size > options_.max_record_bytes) {
    diagnostics_.skip_record(path, "file is " + std::to_string(size) + " bytes, over the record limit of " +
                                       std::to_string(options_.max_record_bytes));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::string content(size, '\0');
  if (!in.read(content.data(), static_cast<std::streamsize>(size))) {
    diagnostics_.input_error(path, "cannot read");
    return false;
  }
  if (const size_t bad = utf8::find_invalid(content); bad != std::string::npos) {
    diagnostics_.skip_record(path, "invalid UTF-8 at byte " + std::to_string(bad));
    return false;
  }
  out = RawRecord{};
  parse_text_article(std::move(content), out);
  if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics_.skip_record(path, "empty article");
    return false;
  }
  out.id = fs::path(path).filename().string();
  out.origin = path;
  return true;
}

bool InputReader::open_next_input() {
  jsonl_.reset();
  const std::string path = pending_.back();
  pending_.pop_back();
  auto file = std::make_unique<JsonlFile>();
  file->path = path;
  if (auto st = file->lines.open(path, options_.max_record_bytes); !st) {
    diagnostics_.input_error(path, st.error().message.substr(path.size() + 2));
    return false;
  }
  jsonl_ = std::move(file);
  return true;
}

bool InputReader::next(RawRecord& out) {
  std::string line;
  while (!diagnostics_.fatal()) {
    if (!jsonl_) {
      if (pending_.empty()) return false;
      const std::string& path = pending_.back();
      std::error_code ec;
      const bool text = path != "-" && !is_jsonl_name(path) &&
                        (ends_with(path, ".txt") || (fs::is_regular_file(path, ec) && !sniff_jsonl(path)));
      if (text) {
        const std::string p = path;
        pending_.pop_back();
        if (!fs::exists(p, ec)) {
          diagnostics_.input_error(p, "no such file");
          continue;
        }
        if (read_text_file(p, out)) return true;
        continue;
      }
      open_next_input();
      continue;
    }
    JsonlFile& f = *jsonl_;
    const auto outcome = f.lines.next(line);
    const std::string where = f.path + ":" + std::to_string(f.lines.line_number());
    switch (outcome) {
      case LineReader::Outcome::kEnd:
        if (f.lines.line_number() == 0) diagnostics_.note(f.path, "empty file, no records");
        jsonl_.reset();
        continue;
      case LineReader::Outcome::kError:
        diagnostics_.input_error(where, "read error: " + f.lines.error());
        jsonl_.reset();
        continue;
      case LineReader::Outcome::kTruncated:
        diagnostics_.skip_record(where, "gzip stream cut short: the file ends inside this record; " +
                                            std::to_string(f.good) + " records before it were read");
        jsonl_.reset();
        continue;
      case LineReader::Outcome::kTooLong:
        diagnostics_.skip_record(where, "record is " + std::to_string(f.lines.too_long_bytes()) +
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
    ++f.good;
    return true;
  }
  return false;
}

}  // namespace recoupe
