#include "clean/html_metadata.h"

#include <simdjson.h>

#include <cstdio>
#include <cstring>

#include "common/ascii.h"

namespace recoupe::html {
namespace {

using ascii::lower;
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr auto is_space = ascii::is_html_space;
constexpr auto collapse = ascii::collapse_html_space;

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string decoded(std::string_view raw) {
  std::string out;
  decode_entities(raw, out);
  return collapse(out);
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
bool valid_date(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return false;
  if (d == 0) return true;  // month precision
  return d >= 1 && d <= (m == 2 && leap(y) ? 29 : kDays[m - 1]);
}

std::string format_date(int y, int m, int d) {
  char buf[16];
  if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

// Reads 1..max digits at s[i]; returns the count read (0: none) and the value.
int read_int(std::string_view s, size_t& i, int max_digits, int& value) {
  int n = 0;
  value = 0;
  while (i < s.size() && n < max_digits && is_digit(s[i])) {
    value = value * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n;
}

// Skips spaces, including the no-break spaces of French typography (U+00A0, U+202F, U+2009).
size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else if (s.compare(i, 3, "\xE2\x80\xAF") == 0 || s.compare(i, 3, "\xE2\x80\x89") == 0) {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

// "HH:MM[:SS]" or "HHhMM" at s[i] (after spaces and "à", ",", "-", "|"); appends "THH:MM[:SS]".
bool read_time(std::string_view s, size_t i, std::string& out) {
  i = skip_spaces(s, i);
  for (std::string_view join : {"\xC3\xA0 ", "a ", "at ", ", ", "- ", "| ", "\xE2\x80\x93 ", ","}) {
    if (s.compare(i, join.size(), join) == 0) {
      i = skip_spaces(s, i + join.size());
      break;
    }
  }
  int h = 0, mi = 0, sec = -1;
  const size_t start = i;
  if (read_int(s, i, 2, h) == 0 || h > 23 || i >= s.size()) return false;
  (void)start;
  if (s[i] != ':' && s[i] != 'h' && s[i] != 'H') return false;
  const bool colon = s[i] == ':';
  ++i;
  if (read_int(s, i, 2, mi) != 2 || mi > 59) return false;
  if (colon && i + 2 < s.size() && s[i] == ':') {
    ++i;
    if (read_int(s, i, 2, sec) != 2 || sec > 60) sec = -1;
  }
  char buf[16];
  if (sec >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, sec);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
  }
  out += buf;
  return true;
}

struct Month {
  std::string_view name;
  int number;
};
// Longest forms first where one is a prefix of another ("sept" before "sep").
constexpr Month kMonths[] = {
    {"janvier", 1},   {"janv", 1},     {"january", 1},  {"jan", 1},     {"f\xC3\xA9vrier", 2}, {"fevrier", 2},
    {"f\xC3\xA9vr", 2}, {"fevr", 2},   {"february", 2}, {"f\xC3\xA9v", 2}, {"fev", 2},         {"feb", 2},
    {"mars", 3},      {"march", 3},    {"mar", 3},      {"avril", 4},   {"avr", 4},           {"april", 4},
    {"apr", 4},       {"mai", 5},      {"may", 5},      {"juin", 6},    {"june", 6},          {"jun", 6},
    {"juillet", 7},   {"juil", 7},     {"july", 7},     {"jul", 7},     {"ao\xC3\xBBt", 8},   {"aout", 8},
    {"august", 8},    {"aug", 8},      {"septembre", 9}, {"september", 9}, {"sept", 9},       {"sep", 9},
    {"octobre", 10},  {"october", 10}, {"oct", 10},     {"novembre", 11}, {"november", 11},   {"nov", 11},
    {"d\xC3\xA9\x63\x65mbre", 12}, {"decembre", 12}, {"december", 12}, {"d\xC3\xA9\x63", 12}, {"dec", 12},
};

// The month named at s[i] (any case; É and Û lowered too), advancing i past the word and a '.'.
int read_month(std::string_view s, size_t& i) {
  // Month names start with one of these letters: most words are refused at the first byte.
  if (i >= s.size()) return 0;
  switch (lower(s[i])) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
  }
  std::string word;
  size_t j = i;
  while (j < s.size() && word.size() < 12) {
    const char c = s[j];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      word.push_back(lower(c));
      ++j;
    } else if (static_cast<unsigned char>(c) == 0xC3 && j + 1 < s.size()) {
      char c2 = s[j + 1];
      if (c2 == '\x89') c2 = '\xA9';  // É → é
      if (c2 == '\x9B') c2 = '\xBB';  // Û → û
      word.push_back(c);
      word.push_back(c2);
      j += 2;
    } else {
      break;
    }
  }
  for (const Month& m : kMonths) {
    if (word == m.name) {
      i = j;
      if (i < s.size() && s[i] == '.') ++i;
      return m.number;
    }
  }
  return 0;
}

// A date starting at s[i] (a digit or a letter), in one of the written forms; appends ISO to out.
bool read_written_date(std::string_view s, size_t i, std::string& out) {
  size_t j = i;
  int a = 0;
  if (is_digit(s[j])) {
    const int na = read_int(s, j, 4, a);
    if (na == 4 && j < s.size() && s[j] == '-') {  // 2020-06-15 in running text
      int m = 0, d = 0;
      size_t k = j + 1;
      if (read_int(s, k, 2, m) == 2 && k < s.size() && s[k] == '-' && (++k, read_int(s, k, 2, d) == 2) &&
          valid_date(a, m, d) && (k == s.size() || !is_digit(s[k]))) {
        out = format_date(a, m, d);
        read_time(s, k, out);
        return true;
      }
      return false;
    }
    if (na > 2 || a < 1 || a > 31) return false;
    // 15/06/2020, 15.06.2020, 15-06-2020
    if (j < s.size() && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
      const char sep = s[j];
      size_t k = j + 1;
      int m = 0, y = 0;
      if (read_int(s, k, 2, m) == 0 || k >= s.size() || s[k] != sep) return false;
      ++k;
      const int ny = read_int(s, k, 4, y);
      if (ny == 2) y += 2000;
      else if (ny != 4) return false;
      if (k < s.size() && is_digit(s[k])) return false;
      if (!valid_date(y, m, a)) return false;
      out = format_date(y, m, a);
      read_time(s, k, out);
      return true;
    }
    // 15 juin 2020, 1er juin 2020
    if (s.compare(j, 2, "er") == 0) j += 2;
    else if (s.compare(j, 5, "\xE1\xB5\x89\xCA\xB3") == 0) j += 5;  // ᵉʳ
    const size_t after_day = j;
    j = skip_spaces(s, j);
    if (j == after_day) return false;
    const int m = read_month(s, j);
    if (!m) return false;
    j = skip_spaces(s, j);
    int y = 0;
    if (read_int(s, j, 4, y) != 4 || (j < s.size() && is_digit(s[j])) || !valid_date(y, m, a)) return false;
    out = format_date(y, m, a);
    read_time(s, j, out);
    return true;
  }
  // June 15, 2020
  const int m = read_month(s, j);
  if (!m) return false;
  j = skip_spaces(s, j);
  int d = 0, y = 0;
  if (read_int(s, j, 2, d) == 0) return false;
  if (s.compare(j, 2, "st") == 0 || s.compare(j, 2, "nd") == 0 || s.compare(j, 2, "rd") == 0 ||
      s.compare(j, 2, "th") == 0) {
    j += 2;
  }
  if (j < s.size() && s[j] == ',') ++j;
  j = skip_spaces(s, j);
  if (read_int(s, j, 4, y) != 4 || !valid_date(y, m, d)) return false;
  out = format_date(y, m, d);
  read_time(s, j, out);
  return true;
}

bool is_word_char(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// schema.org types whose datePublished is the article's.
bool is_article_type(std::string_view type) {
  return type.find("Article") != std::string_view::npos || type.find("Posting") != std::string_view::npos ||
         type == "Report" || type == "Blog";
}

struct Ranked {
  int rank = 1 << 20;
  std::string value;
  void offer(int r, std::string v) {
    if (r < rank && !v.empty()) {
      rank = r;
      value = std::move(v);
    }
  }
};

struct Collector {
  Ranked title, description, published, modified, author, lang, canonical, site, body;
};

std::string json_string(simdjson::dom::element e) {
  std::string_view v;
  if (e.get(v) == simdjson::SUCCESS) return collapse(v);
  return {};
}

// Names of an author field: "X", {"name": "X"}, or a list of those.
std::string json_names(simdjson::dom::element e, int depth = 0) {
  if (depth > 3) return {};
  if (e.is_string()) return json_string(e);
  simdjson::dom::object obj;
  if (e.get(obj) == simdjson::SUCCESS) {
    simdjson::dom::element name;
    if (obj["name"].get(name) == simdjson::SUCCESS) return json_names(name, depth + 1);
    return {};
  }
  simdjson::dom::array arr;
  std::string out;
  if (e.get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : arr) {
      std::string n = json_names(item, depth + 1);
      if (n.empty() || out.find(n) != std::string::npos) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
  }
  return out;
}

void visit_json_ld(simdjson::dom::element e, Collector& c, int depth) {
  if (depth > 6) return;
  simdjson::dom::array arr;
  if (e.get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : arr) visit_json_ld(item, c, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get(obj) != simdjson::SUCCESS) return;
  simdjson::dom::element graph;
  if (obj["@graph"].get(graph) == simdjson::SUCCESS) visit_json_ld(graph, c, depth + 1);
  bool article = false;
  simdjson::dom::element type;
  if (obj["@type"].get(type) == simdjson::SUCCESS) {
    std::string_view t;
    simdjson::dom::array types;
    if (type.get(t) == simdjson::SUCCESS) {
      article = is_article_type(t);
    } else if (type.get(types) == simdjson::SUCCESS) {
      for (simdjson::dom::element x : types) {
        if (x.get(t) == simdjson::SUCCESS && is_article_type(t)) article = true;
      }
    }
  }
  simdjson::dom::element v;
  const int bonus = article ? 0 : 10;  // an article's fields beat a WebPage's
  if (obj["datePublished"].get(v) == simdjson::SUCCESS) c.published.offer(0 + bonus, normalize_date(json_string(v)));
  if (obj["dateCreated"].get(v) == simdjson::SUCCESS) c.published.offer(5 + bonus, normalize_date(json_string(v)));
  if (obj["dateModified"].get(v) == simdjson::SUCCESS) c.modified.offer(0 + bonus, normalize_date(json_string(v)));
  if (article) {
    if (obj["headline"].get(v) == simdjson::SUCCESS) c.title.offer(2, decoded(json_string(v)));
    if (obj["author"].get(v) == simdjson::SUCCESS) c.author.offer(0, json_names(v));
    if (obj["articleBody"].get(v) == simdjson::SUCCESS) {
      std::string_view body;
      if (v.get(body) == simdjson::SUCCESS) c.body.offer(0, std::string(body));
    }
    if (obj["description"].get(v) == simdjson::SUCCESS) c.description.offer(3, decoded(json_string(v)));
    if (obj["inLanguage"].get(v) == simdjson::SUCCESS) c.lang.offer(3, json_string(v));
  }
  if (obj["publisher"].get(v) == simdjson::SUCCESS) c.site.offer(2 + bonus / 10, json_names(v));
}

// Without a JSON parse (broken JSON-LD is common): "datePublished": "..." found as text.
void scan_json_ld_text(std::string_view json, Collector& c) {
  for (std::string_view key : {"\"datePublished\"", "\"dateModified\""}) {
    const size_t at = json.find(key);
    if (at == std::string_view::npos) continue;
    size_t i = json.find('"', json.find(':', at + key.size()));
    if (i == std::string_view::npos) continue;
    const size_t end = json.find('"', i + 1);
    if (end == std::string_view::npos) continue;
    std::string date = normalize_date(json.substr(i + 1, end - i - 1));
    if (key == "\"datePublished\"") c.published.offer(1, std::move(date));
    else c.modified.offer(1, std::move(date));
  }
}

std::string primary_language(std::string_view tag) {
  std::string out;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    if ((c | 0x20) < 'a' || (c | 0x20) > 'z') return {};
    out.push_back(lower(c));
  }
  return out.size() >= 2 && out.size() <= 3 ? out : std::string();
}

// Rank of a <meta> key as a publication date (lower is better); -1: not a date key.
int published_rank(std::string_view key) {
  static const char* const kKeys[] = {
      "article:published_time", "og:article:published_time", "datepublished", "article:published",
      "og:published_time", "published_time", "publication_date", "publish-date", "publishdate", "publish_date",
      "pubdate", "parsely-pub-date", "sailthru.date", "article.published", "dc.date.issued", "dcterms.issued",
      "dc.date.created", "dcterms.created", "citation_publication_date", "rnews:datepublished", "date.published",
      "dc.date", "dc:date", "dcterms.date", "date", "article_date_original", "cxenseparse:recs:publishtime",
      "og:pubdate", "ptime", "citation_date", "bepress_citation_date", "dc.date.published", "datecreated"};
  for (size_t k = 0; k < std::size(kKeys); ++k) {
    if (key == kKeys[k]) return 20 + static_cast<int>(k);
  }
  return -1;
}

}  // namespace

std::string normalize_date(std::string_view raw) {
  while (!raw.empty() && is_space(raw.front())) raw.remove_prefix(1);
  while (!raw.empty() && is_space(raw.back())) raw.remove_suffix(1);
  if (raw.size() < 6) return {};
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  if (read_int(raw, i, 4, y) == 4) {
    if (i < raw.size() && is_digit(raw[i])) {  // 20200615[T...]
      size_t k = i;
      int md = 0;
      if (read_int(raw, k, 4, md) != 4 || (k < raw.size() && is_digit(raw[k]))) return {};
      m = md / 100;
      d = md % 100;
      if (!valid_date(y, m, d) || d == 0) return {};
      return format_date(y, m, d);
    }
    if (i >= raw.size() || (raw[i] != '-' && raw[i] != '/' && raw[i] != '.')) return {};
    const char sep = raw[i++];
    if (read_int(raw, i, 2, m) == 0) return {};
    if (i >= raw.size() || raw[i] != sep) {
      return i == raw.size() && valid_date(y, m, 0) ? format_date(y, m, 0) : std::string();
    }
    ++i;
    if (read_int(raw, i, 2, d) == 0 || d == 0 || !valid_date(y, m, d)) return {};
    std::string out = format_date(y, m, d);
    if (i >= raw.size() || (raw[i] != 'T' && raw[i] != 't' && raw[i] != ' ')) return out;
    ++i;
    int h = 0, mi = 0, sec = -1;
    if (read_int(raw, i, 2, h) != 2 || h > 23 || i >= raw.size() || raw[i] != ':') return out;
    ++i;
    if (read_int(raw, i, 2, mi) != 2 || mi > 59) return out;
    if (i < raw.size() && raw[i] == ':') {
      ++i;
      if (read_int(raw, i, 2, sec) != 2 || sec > 60) return out;
      if (i < raw.size() && (raw[i] == '.' || raw[i] == ',')) {
        ++i;
        while (i < raw.size() && is_digit(raw[i])) ++i;
      }
    }
    char buf[32];
    if (sec >= 0) std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, sec);
    else std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
    out += buf;
    while (i < raw.size() && raw[i] == ' ') ++i;
    if (i < raw.size() && (raw[i] == 'Z' || raw[i] == 'z')) {
      out += 'Z';
    } else if (i < raw.size() && (raw[i] == '+' || raw[i] == '-')) {
      const char sign = raw[i++];
      int oh = 0, om = 0;
      if (read_int(raw, i, 2, oh) == 2 && oh <= 14) {
        if (i < raw.size() && raw[i] == ':') ++i;
        if (read_int(raw, i, 2, om) != 2 || om > 59) om = 0;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, oh, om);
        out += buf;
      }
    }
    return out;
  }
  // Day first or written: "15/06/2020", "Mon, 15 Jun 2020 10:30:00 GMT", "15 juin 2020"
  std::string out;
  for (size_t k = 0; k < raw.size() && k < 12; ++k) {
    if ((k == 0 || !is_word_char(raw[k - 1])) && is_word_char(raw[k]) && read_written_date(raw, k, out)) return out;
  }
  return {};
}

std::string date_from_url(std::string_view url) {
  // Only the path: a host name holds no date.
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  const std::string_view path = url.substr(start);
  std::string month_only;
  for (size_t i = 0; i + 6 <= path.size(); ++i) {
    if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1]))) continue;
    size_t j = i;
    int y = 0;
    if (read_int(path, j, 4, y) != 4 || y < 1990 || y > 2100) continue;
    int m = 0, d = 0;
    if (j < path.size() && (path[j] == '/' || path[j] == '-' || path[j] == '_')) {
      const char sep = path[j];
      size_t k = j + 1;
      if (read_int(path, k, 2, m) != 2 || m < 1 || m > 12) continue;
      if (k < path.size() && path[k] == sep) {
        size_t q = k + 1;
        if (read_int(path, q, 2, d) == 2 && (q == path.size() || !is_digit(path[q])) && valid_date(y, m, d)) {
          return format_date(y, m, d);
        }
      }
      if (sep == '/' && (k == path.size() || path[k] == '/') && month_only.empty()) month_only = format_date(y, m, 0);
      continue;
    }
    // 20200615 between separators
    if (j + 4 <= path.size()) {
      size_t q = j;
      int md = 0;
      if (read_int(path, q, 4, md) == 4 && (q == path.size() || !is_digit(path[q]))) {
        m = md / 100;
        d = md % 100;
        if (d > 0 && valid_date(y, m, d)) return format_date(y, m, d);
      }
    }
  }
  return month_only;
}

std::string date_from_text(std::string_view text, bool after_marker) {
  std::string out;
  if (after_marker) {
    static const char* const kMarkers[] = {"publi\xC3\xA9", "Publi\xC3\xA9", "PUBLI\xC3\x89", "publie", "Publie",
                                           "PUBLIE", "mis en ligne", "Mis en ligne", "posted", "Posted",
                                           "published", "Published"};
    size_t best = std::string_view::npos;
    std::string found;
    for (const char* marker : kMarkers) {
      const size_t at = text.find(marker);
      if (at == std::string_view::npos || at >= best) continue;
      const size_t from = at + std::strlen(marker);
      const std::string_view window = text.substr(from, 60);
      std::string date = date_from_text(window, false);
      if (!date.empty()) {
        best = at;
        found = std::move(date);
      }
    }
    return found;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && is_word_char(text[i - 1])) continue;
    if (!is_word_char(text[i])) continue;
    if (read_written_date(text, i, out)) return out;
  }
  return {};
}

PageMetadata read_metadata(const Dom& dom) {
  Collector c;
  PageMetadata m;
  m.html_title = collapse(dom.title());
  for (uint32_t i = 0; i < dom.size(); ++i) {
    const Node& n = dom.node(i);
    if (n.is_text()) continue;
    switch (n.tag) {
      case Tag::kHtml:
        c.lang.offer(0, primary_language(dom.attr(n, "lang")));
        c.lang.offer(1, primary_language(dom.attr(n, "xml:lang")));
        break;
      case Tag::kMeta: {
        std::string key = to_lower(dom.attr(n, "property"));
        if (key.empty()) key = to_lower(dom.attr(n, "name"));
        if (key.empty()) key = to_lower(dom.attr(n, "itemprop"));
        const std::string_view content = dom.attr(n, "content");
        if (key.empty()) {
          if (iequals(dom.attr(n, "http-equiv"), "content-language")) c.lang.offer(2, primary_language(content));
          break;
        }
        if (content.empty()) break;
        if (const int r = published_rank(key); r >= 0) {
          c.published.offer(r, normalize_date(decoded(content)));
        } else if (key == "og:title" || key == "twitter:title") {
          c.title.offer(key == "og:title" ? 0 : 1, decoded(content));
        } else if (key == "og:description" || key == "description" || key == "twitter:description") {
          c.description.offer(key == "og:description" ? 0 : key == "description" ? 1 : 2, decoded(content));
        } else if (key == "og:site_name") {
          c.site.offer(0, decoded(content));
        } else if (key == "application-name" || key == "twitter:site") {
          std::string s = decoded(content);
          if (!s.empty() && s[0] == '@') break;  // a Twitter handle is not the outlet's name
          c.site.offer(5, std::move(s));
        } else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "parsely-author" ||
                   key == "sailthru.author" || key == "byl") {
          std::string a = decoded(content);
          if (a.find("://") != std::string::npos) break;  // article:author is often a profile URL
          if (a.rfind("By ", 0) == 0 || a.rfind("Par ", 0) == 0) a = a.substr(a.find(' ') + 1);
          c.author.offer(key == "author" ? 1 : 2, std::move(a));
        } else if (key == "article:modified_time" || key == "og:updated_time" || key == "datemodified" ||
                   key == "dc.date.modified" || key == "dcterms.modified" || key == "last-modified") {
          c.modified.offer(20, normalize_date(decoded(content)));
        } else if (key == "og:url") {
          c.canonical.offer(1, decoded(content));
        } else if (key == "og:locale") {
          c.lang.offer(3, primary_language(content));
        } else if (key == "inlanguage" || key == "language" || key == "dc.language") {
          c.lang.offer(4, primary_language(content));
        }
        break;
      }
      case Tag::kLink: {
        const std::string rel = to_lower(dom.attr(n, "rel"));
        if (rel == "canonical") c.canonical.offer(0, decoded(dom.attr(n, "href")));
        break;
      }
      default:
        // <time itemprop="datePublished" datetime=...>, <span itemprop="datePublished" content=...>
        if (iequals(dom.attr(n, "itemprop"), "datePublished")) {
          std::string_view v = dom.attr(n, "datetime");
          if (v.empty()) v = dom.attr(n, "content");
          c.published.offer(10, normalize_date(decoded(v)));
        } else if (n.tag == Tag::kTime && dom.has_attr(n, "pubdate")) {
          c.published.offer(12, normalize_date(decoded(dom.attr(n, "datetime"))));
        }
        break;
    }
  }
  thread_local simdjson::dom::parser parser;
  for (const std::string_view json : dom.json_ld()) {
    simdjson::padded_string padded(json);
    simdjson::dom::element root;
    if (parser.parse(padded).get(root) == simdjson::SUCCESS) {
      visit_json_ld(root, c, 0);
    } else {
      scan_json_ld_text(json, c);
    }
  }
  c.title.offer(10, m.html_title);
  m.title = std::move(c.title.value);
  m.description = std::move(c.description.value);
  m.published = std::move(c.published.value);
  m.modified = std::move(c.modified.value);
  m.author = std::move(c.author.value);
  m.lang = primary_language(c.lang.value);
  m.canonical_url = std::move(c.canonical.value);
  m.site_name = std::move(c.site.value);
  m.article_body = std::move(c.body.value);
  return m;
}

}  // namespace recoupe::html
