#include "read/markup_text.h"

#include <string>
#include <unordered_map>

#include "common/ascii.h"

namespace recoupe {

namespace {

using ascii::ifind;
using ascii::lower;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

const std::unordered_map<std::string_view, uint32_t>& named_entities() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, uint32_t>{
        {"quot", 34},      {"amp", 38},       {"apos", 39},      {"lt", 60},        {"gt", 62},
        {"OElig", 338},    {"oelig", 339},    {"Scaron", 352},   {"scaron", 353},   {"Yuml", 376},
        {"fnof", 402},     {"circ", 710},     {"tilde", 732},    {"ensp", 8194},    {"emsp", 8195},
        {"thinsp", 8201},  {"zwnj", 8204},    {"zwj", 8205},     {"lrm", 8206},     {"rlm", 8207},
        {"ndash", 8211},   {"mdash", 8212},   {"lsquo", 8216},   {"rsquo", 8217},   {"sbquo", 8218},
        {"ldquo", 8220},   {"rdquo", 8221},   {"bdquo", 8222},   {"dagger", 8224},  {"Dagger", 8225},
        {"bull", 8226},    {"hellip", 8230},  {"permil", 8240},  {"prime", 8242},   {"Prime", 8243},
        {"lsaquo", 8249},  {"rsaquo", 8250},  {"oline", 8254},   {"frasl", 8260},   {"euro", 8364},
        {"trade", 8482},   {"larr", 8592},    {"uarr", 8593},    {"rarr", 8594},    {"darr", 8595},
        {"harr", 8596},    {"minus", 8722},   {"infin", 8734},   {"ne", 8800},      {"le", 8804},
        {"ge", 8805},      {"hearts", 9829},  {"nbsp", 160},
    };
    // U+00A1..U+00FF in order: the Latin-1 entities.
    static constexpr std::string_view kLatin1[] = {
        "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
        "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
        "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34",
        "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave",
        "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve",
        "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",
        "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",
        "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
        "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
        "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};
    uint32_t cp = 0xA1;
    for (std::string_view name : kLatin1) t->emplace(name, cp++);
    return t;
  }();
  return *table;
}

// Windows-1252's characters for the C1 code points, as HTML reads &#128; .. &#159;.
uint32_t c1_as_windows_1252(uint32_t cp) {
  static constexpr uint32_t kMap[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  return cp >= 0x80 && cp <= 0x9F ? kMap[cp - 0x80] : cp;
}

// Decodes the reference at s[i] == '&' into `out`; returns the bytes it took (0: not a reference).
size_t decode_reference(std::string_view s, size_t i, std::string& out) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    const size_t start = j;
    uint32_t cp = 0;
    while (j < s.size() && j - start < 8) {
      const char c = lower(s[j]);
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (digit < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      ++j;
    }
    if (j == start) return 0;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || (hex && is_alnum(s[j]) && lower(s[j]) <= 'f'))) {
      cp = 0x110000;  // too many digits
      ++j;
    }
    if (j < s.size() && s[j] == ';') ++j;
    cp = c1_as_windows_1252(cp);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    append_utf8(out, cp);
    return j - i;
  }
  const size_t start = j;
  while (j < s.size() && j - start < 10 && is_alnum(s[j])) ++j;
  if (j == start) return 0;
  const std::string_view name = s.substr(start, j - start);
  const auto& table = named_entities();
  const auto it = table.find(name);
  if (it == table.end()) return 0;
  if (j < s.size() && s[j] == ';') {
    ++j;
  } else if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "nbsp") {
    return 0;  // without ';' only the commonest are taken
  }
  append_utf8(out, it->second);
  return j - i;
}

bool is_block_tag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "address", "article", "aside", "blockquote", "br",  "dd",     "div",    "dl",      "dt",
      "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
      "nav", "ol", "p", "pre", "section", "table", "tr", "ul"};
  for (std::string_view b : kBlocks) {
    if (b == name) return true;
  }
  return false;
}

}  // namespace

uint32_t windows_1252_code_point(unsigned char byte) noexcept { return c1_as_windows_1252(byte); }

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      if (const size_t n = decode_reference(text, i, out)) {
        i += n;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

std::string html_fragment_to_text(std::string_view s, bool single_line) {
  // First pass: tags out, references decoded; '\n' marks a block break (a tag), any blank a space.
  std::string raw;
  raw.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '&') {
      if (const size_t n = decode_reference(s, i, raw)) {
        i += n;
        continue;
      }
      raw.push_back(c);
      ++i;
      continue;
    }
    if (c != '<' || i + 1 >= s.size()) {
      raw.push_back(c == '\n' ? ' ' : c);  // a line end in the source is a blank; breaks come from tags
      ++i;
      continue;
    }
    const char next = s[i + 1];
    if (s.substr(i, 4) == "<!--") {
      const size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
      raw.push_back(' ');
      continue;
    }
    if (!is_alpha(next) && next != '/' && next != '!' && next != '?') {  // "a < b": a literal '<'
      raw.push_back(c);
      ++i;
      continue;
    }
    // A tag: its name, then up to its '>' (quoted attribute values may hold '>').
    size_t j = i + 1;
    const bool closing = s[j] == '/';
    if (closing) ++j;
    std::string name;
    while (j < s.size() && is_alnum(s[j]) && name.size() < 16) name.push_back(lower(s[j++]));
    char quote = 0;
    while (j < s.size()) {
      const char d = s[j];
      if (quote) {
        if (d == quote) quote = 0;
      } else if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '>') {
        break;
      }
      ++j;
    }
    i = j < s.size() ? j + 1 : s.size();
    if (!closing && (name == "script" || name == "style")) {  // their content is not text
      const size_t end = ifind(s, name == "script" ? "</script" : "</style", i);
      if (end == std::string_view::npos) {
        i = s.size();
      } else {
        const size_t gt = s.find('>', end);
        i = gt == std::string_view::npos ? s.size() : gt + 1;
      }
      raw.push_back(' ');
      continue;
    }
    if (is_block_tag(name)) {
      raw.push_back('\n');
    } else if (name == "td" || name == "th") {
      raw.push_back(' ');
    }
  }
  // Second pass: blanks collapsed, at most one line break in a row, no blank at a line's ends.
  std::string out;
  out.reserve(raw.size());
  bool space = false, newline = false;
  for (size_t k = 0; k < raw.size(); ++k) {
    const char c = raw[k];
    const bool nbsp = c == '\xC2' && k + 1 < raw.size() && raw[k + 1] == '\xA0';
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || nbsp || (c == '\n' && single_line)) {
      if (nbsp) ++k;
      space = true;
      continue;
    }
    if (c == '\n') {
      newline = true;
      continue;
    }
    if (!out.empty()) {
      if (newline) out.push_back('\n');
      else if (space) out.push_back(' ');
    }
    space = newline = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace recoupe
