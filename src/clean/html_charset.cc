#include "clean/html_charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <memory>

#include "common/ascii.h"
#include "common/utf8.h"

namespace recoupe::html {
namespace {

constexpr size_t kPrescanBytes = 16 * 1024;

using ascii::ifind;
using ascii::lower;
constexpr auto is_space = ascii::is_html_space;

// "charset=xyz" inside `s` (a Content-Type value): the label, unquoted; empty when absent.
std::string_view charset_param(std::string_view s) noexcept {
  const size_t at = ifind(s, "charset");
  if (at == std::string_view::npos) return {};
  size_t i = at + 7;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return {};
  ++i;
  while (i < s.size() && (is_space(s[i]) || s[i] == '"' || s[i] == '\'')) ++i;
  const size_t start = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != ';' && s[i] != '"' && s[i] != '\'' && s[i] != '>' &&
         s[i] != '/') {
    ++i;
  }
  return s.substr(start, i - start);
}

enum class Kind { kUtf8, kWindows1252, kOther, kUnknown };

Kind classify(std::string_view label, std::string& name) {
  name.clear();
  for (char c : label) name.push_back(lower(c));
  if (name.empty()) return Kind::kUnknown;
  if (name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8") return Kind::kUtf8;
  // WHATWG: all these labels mean windows-1252.
  static const char* const k1252[] = {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                                      "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "iso-ir-100",
                                      "ibm819", "cp819", "csisolatin1", "iso_8859-1:1987", "iso88591"};
  for (const char* l : k1252) {
    if (name == l) return Kind::kWindows1252;
  }
  // UTF-16 declared inside the page cannot be true once the bytes were ASCII enough to read it.
  if (name.rfind("utf-16", 0) == 0 || name.rfind("utf16", 0) == 0) return Kind::kUtf8;
  return Kind::kOther;
}

std::string windows1252_to_utf8(std::string_view bytes) {
  static constexpr char16_t kHigh[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                         0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                         0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                         0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else {
      utf8::append(out, b < 0xA0 ? kHigh[b - 0x80] : b);
    }
  }
  return out;
}

// Converts with ICU; false when ICU has no converter of that name.
bool icu_to_utf8(std::string_view bytes, const std::string& name, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || !conv) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, &ucnv_close);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
  if (U_FAILURE(status)) return false;
  out.clear();
  u.toUTF8String(out);
  out = repair_utf8(out);  // unpaired surrogates from a broken UTF-16 page
  return true;
}

bool has_non_ascii(std::string_view s) noexcept {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// Invalid sequences per thousand non-ASCII bytes; the sign of a page that is not really UTF-8.
size_t invalid_per_mille(std::string_view s) {
  size_t invalid = 0, non_ascii = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t bad = utf8::find_invalid(s.substr(i));
    if (bad == std::string_view::npos) break;
    ++invalid;
    i += bad + 1;
  }
  for (const char c : s) non_ascii += static_cast<unsigned char>(c) >= 0x80;
  return non_ascii ? invalid * 1000 / non_ascii : 0;
}

}  // namespace

std::string_view content_type_charset(std::string_view content_type) noexcept { return charset_param(content_type); }

std::string_view meta_charset(std::string_view bytes) noexcept {
  const std::string_view head = bytes.substr(0, kPrescanBytes);
  for (size_t at = ifind(head, "<meta"); at != std::string_view::npos; at = ifind(head, "<meta", at + 5)) {
    const size_t end = head.find('>', at);
    const std::string_view tag = head.substr(at, end == std::string_view::npos ? head.size() - at : end - at);
    // <meta charset="x"> ; the charset= of <meta http-equiv="Content-Type" content="text/html; charset=x">
    // is found the same way (the first "charset" of the tag, then "=").
    if (const std::string_view label = charset_param(tag); !label.empty()) return label;
  }
  return {};
}

std::string repair_utf8(std::string_view bytes) {
  size_t bad = utf8::find_invalid(bytes);
  if (bad == std::string_view::npos) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + 16);
  size_t i = 0;
  while (bad != std::string_view::npos) {
    out.append(bytes.data() + i, bad);
    out.append("\xEF\xBF\xBD");  // U+FFFD
    i += bad + 1;
    // Skip the continuation bytes of the broken sequence: one U+FFFD per sequence.
    while (i < bytes.size() && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80) ++i;
    bad = utf8::find_invalid(bytes.substr(i));
  }
  out.append(bytes.data() + i, bytes.size() - i);
  return out;
}

std::string to_utf8(std::string_view bytes, std::string_view content_type, std::string* encoding) {
  std::string used;
  std::string out;
  auto finish = [&](std::string name) {
    if (encoding) *encoding = std::move(name);
    return std::move(out);
  };
  // 1. A byte-order mark settles it.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out = repair_utf8(bytes.substr(3));
    return finish("UTF-8");
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const std::string name = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (icu_to_utf8(bytes.substr(2), name, out)) return finish(name);
  }
  // 2. What the page says, then what the server said.
  std::string name;
  Kind kind = classify(meta_charset(bytes), name);
  if (kind == Kind::kUnknown) kind = classify(content_type_charset(content_type), name);
  const bool valid_utf8 = utf8::is_valid(bytes);
  switch (kind) {
    case Kind::kUtf8:
      if (valid_utf8) {
        out = std::string(bytes);
        return finish("UTF-8");
      }
      if (invalid_per_mille(bytes) < 20) {
        out = repair_utf8(bytes);
        return finish("UTF-8");
      }
      out = windows1252_to_utf8(bytes);  // declared UTF-8, written in Latin-1
      return finish("windows-1252");
    case Kind::kWindows1252:
      if (valid_utf8 && has_non_ascii(bytes)) {  // declared Latin-1, written in UTF-8
        out = std::string(bytes);
        return finish("UTF-8");
      }
      out = windows1252_to_utf8(bytes);
      return finish("windows-1252");
    case Kind::kOther:
      if (valid_utf8 && has_non_ascii(bytes)) {
        out = std::string(bytes);
        return finish("UTF-8");
      }
      if (icu_to_utf8(bytes, name, out)) return finish(name);
      break;  // a label ICU does not know: guess below
    case Kind::kUnknown:
      break;
  }
  // 3. Nothing usable declared: the bytes decide.
  if (valid_utf8) {
    out = std::string(bytes);
    return finish("UTF-8");
  }
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_SUCCESS(status)) {
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, &ucsdet_close);
    const std::string_view sample = bytes.substr(0, 64 * 1024);
    ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
    ucsdet_enableInputFilter(det, true);  // ignore markup
    const UCharsetMatch* match = ucsdet_detect(det, &status);
    if (U_SUCCESS(status) && match) {
      const int confidence = ucsdet_getConfidence(match, &status);
      const char* detected = ucsdet_getName(match, &status);
      if (U_SUCCESS(status) && detected && confidence >= 50) {
        std::string guess;
        const Kind k = classify(detected, guess);
        if (k == Kind::kOther && icu_to_utf8(bytes, guess, out)) return finish(guess);
      }
    }
  }
  out = windows1252_to_utf8(bytes);
  return finish("windows-1252");
}

}  // namespace recoupe::html
