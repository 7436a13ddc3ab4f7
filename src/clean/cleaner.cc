#include "clean/cleaner.h"

#include "clean/text_quality.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <vector>

#include "clean/html_extractor.h"
#include "common/folding.h"
#include "common/utf8.h"
#include "common/word_bytes.h"

namespace recoupe {
namespace {

// Code points below U+3000 that normalisation to NFC leaves alone whatever their neighbours: NFC
// quick check "yes" and combining class 0. A text made only of those (and ASCII) is NFC.
constexpr char32_t kInertTabled = 0x3000;
const std::vector<bool>& nfc_inert() {
  static const std::vector<bool> table = [] {
    std::vector<bool> t(kInertTabled);
    for (char32_t c = 0; c < kInertTabled; ++c) {
      const auto u = static_cast<UChar32>(c);
      t[c] = u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(u) == 0;
    }
    return t;
  }();
  return table;
}

// True when `text` is NFC by the quick check alone: ASCII, eight bytes at a time, and inert code
// points. False says nothing (ICU decides).
bool surely_nfc(std::string_view text) {
  const std::vector<bool>& inert = nfc_inert();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n && utf8::ascii8(p + i)) {
      i += 8;
      continue;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = utf8::next(text, i);
    if (c >= kInertTabled || !inert[c]) return false;
  }
  return true;
}

// `text` in NFC; `storage` holds it when it had to change, else the view is `text` itself.
std::string_view to_nfc(std::string_view text, std::string& storage) {
  if (surely_nfc(text)) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return text;
  storage = std::move(out);
  return storage;
}

bool is_opening_quote(char32_t c) { return c == '"' || c == 0xAB || c == 0x201C || c == 0x2018 || c == '\''; }

}  // namespace

std::string restore_glued_sentences(std::string_view s) {
  // <lower-case letter, digit or closing mark> <. ! ?> [opening quote] <Upper><lower>: a paragraph
  // break lost by the scraper. "M.Dupont" (upper case before the dot) and "3.5" stay as they are.
  // Only the bytes around each sentence mark are decoded.
  std::string out;
  size_t copied = 0;
  // Sentence marks, found with memchr ('!' and '?' only when the text has any).
  std::vector<size_t> marks;
  for (const char mark : {'.', '!', '?'}) {
    for (size_t p = s.find(mark, 1); p != std::string_view::npos && p + 2 < s.size(); p = s.find(mark, p + 1)) {
      marks.push_back(p);
    }
  }
  if (marks.empty()) return std::string(s);
  std::sort(marks.begin(), marks.end());
  for (const size_t p : marks) {
    size_t b = p - 1;  // start of the code point before the mark
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    size_t i = b;
    const char32_t before = utf8::next(s, i);
    if (!(is_lower(before) || (before >= '0' && before <= '9') || before == ')' || before == '"' ||
          before == 0xBB || before == 0x201D)) {
      continue;
    }
    size_t k = p + 1;
    char32_t first = utf8::next(s, k);
    if (is_opening_quote(first) && k < s.size()) first = utf8::next(s, k);
    if (!is_upper(first) || k >= s.size() || !is_lower(utf8::next(s, k))) continue;
    if (out.empty()) out.reserve(s.size() + 64);
    out.append(s.data() + copied, p + 1 - copied);
    out.push_back('\n');
    copied = p + 1;
  }
  if (copied == 0) return std::string(s);
  out.append(s.data() + copied, s.size() - copied);
  return out;
}

// True when clean_text() would change nothing but the glued sentences: the common case, checked fast.
bool already_clean(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.front() == '\n' || s.back() == ' ' || s.back() == '\n') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    // Eight bytes at a time while none is a control character (word-wise byte tests).
    while (i + 8 <= s.size()) {
      const uint64_t w = word_bytes::load(s.data() + i);
      if (word_bytes::below(w, 0x20) | word_bytes::equal(w, 0x7F)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != 0x7F) continue;
    if (c != '\n') return false;
    if (s[i - 1] == ' ' || s[i + 1] == ' ') return false;  // spaces around a line end
    if (s[i + 1] == '\n' && s[i + 2] == '\n') return false;  // more than one blank line (s.back() != '\n')
  }
  return true;
}

std::string clean_text(std::string_view text) {
  std::string normalized;
  const std::string_view s = to_nfc(text, normalized);
  if (already_clean(s)) return restore_glued_sentences(s);
  // Line ends to \n, other control characters dropped, tabs to spaces, trailing spaces trimmed,
  // no more than one blank line in a row, no leading or trailing blank lines.
  std::string out;
  out.reserve(s.size());
  int newlines = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\t' || c == '\f' || c == '\v') c = ' ';
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n') continue;
    if (u == 0x7F) continue;
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (out.empty()) continue;
      if (++newlines > 2) continue;
      out.push_back('\n');
      continue;
    }
    if (c == ' ' && (out.empty() || out.back() == '\n')) continue;  // leading spaces of a line
    newlines = 0;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return restore_glued_sentences(out);
}

Status apply_page(RawRecord& r, std::string* lang_hint, std::string* author) {
  if (r.html.empty() || !r.text.empty()) return {};
  auto page = extract_page(r.html, r.content_type, r.url);
  if (!page) return Error{Errc::kBadInput, "page: " + page.error().message};
  r.text = page->text();
  if (r.title.empty()) r.title = std::move(page->title);
  if (r.published.empty()) r.published = std::move(page->published);
  if (r.url.empty()) r.url = std::move(page->canonical_url);
  if (r.source.empty()) r.source = std::move(page->site_name);
  if (lang_hint) *lang_hint = std::move(page->lang);
  if (author) *author = std::move(page->author);
  std::string().swap(r.html);  // the page is no longer needed; it may be large
  return {};
}

namespace {

// The photo credits taken out of the fields, one a line, each once ("1 crédit : X" under every picture).
std::string credits_of(const std::vector<TextFlag>& flags) {
  std::string out;
  std::vector<std::string_view> seen;
  for (const TextFlag& f : flags) {
    if (f.kind != "photo-credit" || f.text.empty() || std::find(seen.begin(), seen.end(), f.text) != seen.end()) continue;
    seen.push_back(f.text);
    if (!out.empty()) out.push_back('\n');
    out += f.text;
  }
  return out;
}

}  // namespace

Result<Doc> make_doc(RawRecord&& r, std::string* warning) {
  std::string lang_hint;
  if (Status st = apply_page(r, &lang_hint); !st) return Error{st.error().code, st.error().message + " (id " + r.id + ")"};
  Doc doc;
  doc.lang_hint = std::move(lang_hint);
  doc.id = std::move(r.id);
  doc.origin = std::move(r.origin);
  doc.field(Field::kTitle) = clean_text(r.title);
  doc.field(Field::kAbstract) = clean_text(r.abstract);
  doc.field(Field::kText) = clean_text(r.text);
  for (const Field f : kAllFields) {
    std::vector<TextFlag> found = strip_noise(f, doc.field(f));
    doc.flags.insert(doc.flags.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  doc.field(Field::kCredits) = credits_of(doc.flags);
  if (doc.field(Field::kTitle).empty() && doc.field(Field::kAbstract).empty() && doc.field(Field::kText).empty()) {
    return Error{Errc::kBadInput, "no title, abstract or text"};
  }
  doc.published_text = std::move(r.published);
  if (!doc.published_text.empty()) {
    doc.published = Timestamp::parse(doc.published_text);
    if (!doc.published && warning) {
      *warning = "\"published\" is not an ISO 8601 date: \"" + doc.published_text + "\"; the article is treated as undated";
    }
  }
  doc.url = std::move(r.url);
  doc.source = std::move(r.source);
  doc.lang = std::move(r.lang);
  return doc;
}

}  // namespace recoupe
