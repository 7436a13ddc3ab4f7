#include "read/sniff.h"

#include <zlib.h>

#include <algorithm>
#include <vector>

#include "read/byte_source.h"
#include "read/http_message.h"

namespace recoupe {

namespace {

constexpr size_t kSniffBytes = 4096;

bool ends_with_i(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The decompressed start of a gzip buffer (as much as inflates, errors ignored).
std::string gunzip_head(std::string_view raw) {
  z_stream zs{};
  std::string out(kSniffBytes, '\0');
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return {};
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(raw.size(), 1u << 30));
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_SYNC_FLUSH);
  out.resize(out.size() - zs.avail_out);
  inflateEnd(&zs);
  return out;
}

bool is_gzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f && static_cast<unsigned char>(b[1]) == 0x8b;
}

// The markup kind of a document starting with '<': a feed's root or a page's. `root_known`: the
// root element named the kind (not a guess from an XML declaration).
InputKind sniff_markup(std::string_view s, bool xml_declared, bool* root_known = nullptr) {
  if (root_known) *root_known = true;
  for (int guard = 0; guard < 32 && !s.empty(); ++guard) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    if (s.empty() || s.front() != '<') break;
    if (s.substr(0, 4) == "<!--") {
      const size_t end = s.find("-->");
      if (end == std::string_view::npos) break;
      s.remove_prefix(end + 3);
      continue;
    }
    if (s.substr(0, 2) == "<?") {
      if (istarts_with(s, "<?xml ") || istarts_with(s, "<?xml?")) xml_declared = true;
      const size_t end = s.find("?>");
      if (end == std::string_view::npos) break;
      s.remove_prefix(end + 2);
      continue;
    }
    if (istarts_with(s, "<!doctype")) {
      if (istarts_with(s, "<!doctype html")) return InputKind::kHtml;
      const size_t end = s.find('>');
      if (end == std::string_view::npos) break;
      s.remove_prefix(end + 1);
      continue;
    }
    // The root element.
    size_t n = 1;
    while (n < s.size() && !is_blank(s[n]) && s[n] != '>' && s[n] != '/') ++n;
    std::string_view name = s.substr(1, n - 1);
    if (const size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (iequals(name, "rss") || iequals(name, "feed") || iequals(name, "RDF") || iequals(name, "channel")) {
      return InputKind::kFeed;
    }
    if (iequals(name, "html") || iequals(name, "head") || iequals(name, "body")) return InputKind::kHtml;
    break;
  }
  if (root_known) *root_known = false;
  return xml_declared ? InputKind::kFeed : InputKind::kHtml;
}

}  // namespace

const char* kind_name(InputKind kind) noexcept {
  switch (kind) {
    case InputKind::kJsonl: return "JSON lines";
    case InputKind::kText: return "text";
    case InputKind::kHtml: return "HTML page";
    case InputKind::kWarc: return "web archive (WARC/ARC)";
    case InputKind::kFeed: return "feed (RSS/Atom)";
    case InputKind::kJsonFeed: return "JSON Feed";
  }
  return "?";
}

std::optional<InputKind> kind_from_name(std::string_view p) {
  for (std::string_view ext : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz"}) {
    if (ends_with_i(p, ext)) return InputKind::kJsonl;
  }
  if (ends_with_i(p, ".txt")) return InputKind::kText;
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz"}) {
    if (ends_with_i(p, ext)) return InputKind::kHtml;
  }
  for (std::string_view ext : {".warc", ".warc.gz", ".arc", ".arc.gz"}) {
    if (ends_with_i(p, ext)) return InputKind::kWarc;
  }
  for (std::string_view ext : {".rss", ".atom", ".rdf", ".xml", ".rss.gz", ".atom.gz", ".xml.gz"}) {
    if (ends_with_i(p, ext)) return InputKind::kFeed;
  }
  return std::nullopt;  // ".json" among them: JSON Feed or JSON lines, the content says
}

InputKind sniff_kind(std::string_view s, bool gzip) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  if (s.empty()) return InputKind::kJsonl;  // reported as an empty file
  if (s.substr(0, 5) == "WARC/" || s.substr(0, 11) == "filedesc://") return InputKind::kWarc;
  if (s.front() == '{') {
    // JSON Feed names its version, "https://jsonfeed.org/version/1.1" (slashes may be escaped).
    if (const size_t v = s.find("\"version\""); v != std::string_view::npos) {
      std::string_view rest = s.substr(v + 9);
      while (!rest.empty() && (is_blank(rest.front()) || rest.front() == ':')) rest.remove_prefix(1);
      if (rest.rfind("\"https://jsonfeed.org/", 0) == 0 || rest.rfind("\"https:\\/\\/jsonfeed.org\\/", 0) == 0) {
        return InputKind::kJsonFeed;
      }
    }
    return InputKind::kJsonl;
  }
  if (s.front() == '<') return sniff_markup(s, false);
  return gzip ? InputKind::kJsonl : InputKind::kText;
}

InputKind sniff_bytes(std::string_view bytes) {
  if (is_gzip(bytes)) return sniff_kind(gunzip_head(bytes.substr(0, size_t{1} << 16)), true);
  return sniff_kind(bytes.substr(0, kSniffBytes), false);
}

bool is_folder_member(const std::string& path) {
  const auto kind = kind_from_name(path);
  const bool json = path.size() >= 5 && iequals(std::string_view(path).substr(path.size() - 5), ".json");
  const bool xml = ends_with_i(path, ".xml") || ends_with_i(path, ".xml.gz");
  if (kind && !xml) return true;
  if (!json && !xml) return false;
  // A folder's .json and .xml files may be anything (gold files, sitemaps): only feeds are taken.
  std::string why;
  auto file = FileSource::open(path, why);
  if (!file) return false;
  std::string head(size_t{1} << 16, '\0');
  head.resize(file->read(head.data(), head.size()));
  if (is_gzip(head)) head = gunzip_head(head);
  if (json) return sniff_kind(head) == InputKind::kJsonFeed;
  std::string_view s = head;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  bool root_known = false;
  return !s.empty() && s.front() == '<' && sniff_markup(s, true, &root_known) == InputKind::kFeed && root_known;
}

std::optional<InputKind> sniff_file(const std::string& path, std::string& why) {
  auto file = FileSource::open(path, why);
  if (!file) return std::nullopt;
  std::string head(size_t{1} << 16, '\0');
  size_t have = 0;
  while (have < head.size()) {
    const size_t got = file->read(head.data() + have, head.size() - have);
    if (got == 0) break;
    have += got;
    if (!is_gzip(std::string_view(head.data(), have)) && have >= kSniffBytes) break;
  }
  head.resize(have);
  return sniff_bytes(head);
}

}  // namespace recoupe
