// Quotation marks are paired with a small stack of mark families, so that a
// quote inside a quote does not close the outer one, and any closing mark
// closes a quote at depth one (typographers mix “ and »). Straight quotes
// open or close by their position; ’ is the French apostrophe, so it only
// closes a ‘ quote when no letter follows.
#include "analyze/quote_scanner.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/folding.h"
#include "common/utf8.h"
#include "common/word_bytes.h"

namespace recoupe {
namespace {

enum class Family : uint8_t { kNone, kGuillemet, kDouble, kStraight, kSingle, kSingleGuillemet, kApostrophe };
enum class Role : uint8_t { kNone, kOpen, kClose, kEither };

struct Mark {
  Family family = Family::kNone;
  Role role = Role::kNone;
};

Mark classify(char32_t c) {
  switch (c) {
    case U'«': return {Family::kGuillemet, Role::kOpen};
    case U'»': return {Family::kGuillemet, Role::kClose};
    case U'“': return {Family::kDouble, Role::kEither};  // opens in French, closes in some typesetting
    case U'„': return {Family::kDouble, Role::kOpen};
    case U'”': return {Family::kDouble, Role::kClose};
    case U'"': return {Family::kStraight, Role::kEither};
    case U'\'': return {Family::kApostrophe, Role::kEither};
    case U'‘': return {Family::kSingle, Role::kOpen};
    case U'’': return {Family::kSingle, Role::kClose};
    case U'‹': return {Family::kSingleGuillemet, Role::kOpen};
    case U'›': return {Family::kSingleGuillemet, Role::kClose};
    default: return {};
  }
}

// The bytes that can start a mark or end a paragraph: '"', '\'', '\n' and the lead bytes of
// « » (0xC2) and of “ ” „ ‘ ’ ‹ › (0xE2). Most text is none of these: it is passed over without
// decoding, sixteen (or eight) bytes at a time (next_mark_lead), then a byte at a time by this table.
constexpr std::array<bool, 256> kMarkLead = [] {
  std::array<bool, 256> lead{};
  for (const char b : {'"', '\'', '\n', '\xC2', '\xE2'}) lead[static_cast<unsigned char>(b)] = true;
  return lead;
}();

#if defined(__SSE2__)
// The first lead byte at or after `i` (text.size() when none): sixteen bytes at a time, each compared
// with the five lead bytes at once, then one at a time for the tail.
size_t next_mark_lead(std::string_view text, size_t i) {
  const __m128i quote = _mm_set1_epi8('"'), apostrophe = _mm_set1_epi8('\''), newline = _mm_set1_epi8('\n');
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2)), e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, quote), _mm_cmpeq_epi8(w, apostrophe)),
                                     _mm_or_si128(_mm_cmpeq_epi8(w, newline),
                                                  _mm_or_si128(_mm_cmpeq_epi8(w, c2), _mm_cmpeq_epi8(w, e2))));
    if (const int bits = _mm_movemask_epi8(hit); bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
  while (i < text.size() && !kMarkLead[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}
#else
// True when one of the eight bytes of `w` is a mark's lead byte (or 0x02, tested with '"' as one).
bool has_mark_lead(uint64_t w) {
  using namespace word_bytes;
  const uint64_t w20 = w | (kOnes * 0x20);  // 0x22 and 0x02 as one, 0xE2 and 0xC2 as one
  return (equal(w20, 0x22) | equal(w, 0x27) | equal(w, 0x0A) | equal(w20, 0xE2)) != 0;
}

// The first lead byte at or after `i` (text.size() when none): eight bytes at a time, then one.
size_t next_mark_lead(std::string_view text, size_t i) {
  for (; i + 8 <= text.size(); i += 8) {
    if (has_mark_lead(word_bytes::load(text.data() + i))) break;
  }
  while (i < text.size() && !kMarkLead[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}
#endif

bool is_ascii_letter_or_digit(unsigned char c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

// How many bytes from `i`, a mark's lead byte, are a character the scan would pass over anyway:
// a no-break space, a dash or an ellipsis, an apostrophe between letters ("l'État", "aujourd’hui").
// 0 when the character must be looked at.
size_t look_alike_at(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0; };
  const bool after_letter = i > 0 && is_ascii_letter_or_digit(byte(i - 1));
  switch (byte(i)) {
    case '\'':
      return after_letter && is_ascii_letter_or_digit(byte(i + 1)) ? 1 : 0;
    case 0xC2:  // U+0080-U+00BF: of these, only « and » are marks
      return byte(i + 1) != 0xAB && byte(i + 1) != 0xBB ? 2 : 0;
    case 0xE2: {  // U+2000-U+2FFF: “ ” „ ‘ ’ ‹ › are E2 80 98/99/9C/9D/9E/B9/BA
      if (byte(i + 1) != 0x80) return 3;
      switch (byte(i + 2)) {
        case 0x99: return after_letter && is_ascii_letter_or_digit(byte(i + 3)) ? 3 : 0;
        case 0x98: case 0x9C: case 0x9D: case 0x9E: case 0xB9: case 0xBA: return 0;
        default: return 3;
      }
    }
    default:
      return 0;
  }
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009 || c == '\r'; }

bool is_letter_or_digit(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) && c != 0xAB && c != 0xBB;
}

// True when the last character before byte `at`, over spaces, ends a sentence: '.', '!', '?' or '…'.
bool after_sentence_end(std::string_view text, size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  if (at == 0) return false;
  const char c = text[at - 1];
  return c == '.' || c == '!' || c == '?' || text.substr(0, at).ends_with("…");
}

}  // namespace

std::vector<MarkedQuote> scan_quote_marks(std::string_view text) {
  std::vector<MarkedQuote> out;
  scan_quote_marks(text, out);
  return out;
}

void scan_quote_marks(std::string_view text, std::vector<MarkedQuote>& out) {
  // The open marks, innermost last: the thread's own, kept from one call to the next.
  thread_local std::vector<Family> stack;
  stack.clear();
  MarkedQuote cur;
  uint32_t paragraph = 0;
  char32_t prev = '\n';

  auto trim_and_emit = [&](uint32_t inner_end, uint32_t after, bool closed) {
    uint32_t b = cur.begin, e = inner_end;
    // Skip edge spaces (ASCII, no-break and thin spaces) on both sides.
    while (b < e) {
      size_t i = b;
      if (!is_space(utf8::next(text, i))) break;
      b = static_cast<uint32_t>(i);
    }
    while (e > b) {
      size_t k = e - 1;
      while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      size_t i = k;
      if (!is_space(utf8::next(text, i))) break;
      e = static_cast<uint32_t>(k);
    }
    if (e > b) {
      cur.begin = b;
      cur.end = e;
      cur.after = after;
      cur.closed = closed;
      out.push_back(cur);
    }
    stack.clear();
  };

  // A quotation opens at the mark at byte `at`; its words start at `inside`.
  auto open_quote = [&](Family family, uint32_t at, uint32_t inside) {
    stack.push_back(family);
    cur = MarkedQuote{};
    cur.open = at;
    cur.begin = inside;
    cur.paragraph = paragraph;
  };

  // A straight quote opened inside a paragraph and still open at its end, when the next paragraph
  // starts with a straight quote: a paragraph break restored between a sentence's end and its
  // closing mark ('plus."De' read as 'plus.' and '"De'). That mark closes; it opens nothing.
  bool closer_on_next_line = false;
  size_t i = 0;
  while (i < text.size()) {
    // Skip to the next character that can matter, and decode the one before it when one is found.
    // (After a restored paragraph break, the next byte is the straight quote that closes.)
    if (!closer_on_next_line) {
      while ((i = next_mark_lead(text, i)) < text.size()) {
        const size_t look_alike = look_alike_at(text, i);
        if (look_alike == 0) break;
        i += look_alike;
      }
      if (i == text.size()) break;
    }
    if (i > 0 && !closer_on_next_line) {
      size_t k = i - 1;
      while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      prev = utf8::next(text, k);
    }
    const auto at = static_cast<uint32_t>(i);
    const char32_t c = utf8::next(text, i);
    if (closer_on_next_line) {
      closer_on_next_line = false;
      if (c == '"') {
        prev = c;
        continue;
      }
    }
    if (c == '\n') {
      if (!stack.empty()) {
        const bool straight_mid = stack.size() == 1 && stack[0] == Family::kStraight && cur.open > 0 &&
                                  text[cur.open - 1] != '\n';
        const bool glued = straight_mid && i < text.size() && text[i] == '"' && at > 0 &&
                           (text[at - 1] == '.' || text[at - 1] == '!' || text[at - 1] == '?');
        trim_and_emit(at, at, glued);
        closer_on_next_line = glued;
      }
      if (prev != '\n') ++paragraph;  // blank lines do not count
      prev = c;
      continue;
    }
    const Mark m = classify(c);
    if (m.family == Family::kNone) {
      prev = c;
      continue;
    }
    char32_t next = '\n';
    if (i < text.size()) {
      size_t j = i;
      next = utf8::next(text, j);
    }
    const bool next_blank = next == '\n' || is_space(next);
    const bool prev_word = is_letter_or_digit(prev);
    // ’ and ‘ between letters are apostrophes, never marks.
    if (m.family == Family::kSingle && prev_word && is_letter_or_digit(next)) {
      prev = c;
      continue;
    }
    // A straight ' is an apostrophe unless a space (or the line start) precedes it and a capital follows,
    // or it closes such a quote, followed by no letter.
    if (m.family == Family::kApostrophe) {
      const bool opens = stack.empty() && !prev_word && (prev == '\n' || is_space(prev) || prev == '(') && is_upper(next);
      const bool closes = !stack.empty() && stack.back() == Family::kApostrophe && !is_letter_or_digit(next);
      if (!opens && !closes) {
        prev = c;
        continue;
      }
    }
    // A straight quote glued to the word before it opens when a letter follows and nothing is open
    // ('parents"Malgré', 'l"insulte'): scraped text loses spaces.
    const bool can_open = m.role == Role::kOpen ||
                          (m.role == Role::kEither && !next_blank && (!prev_word || (stack.empty() && is_letter_or_digit(next))));
    // A straight quote glued after a sentence's end closes, whatever follows: a paragraph break was lost
    // ('pas !"Sa plateforme').
    const bool glued_after_stop =
        m.family == Family::kStraight && (prev == '.' || prev == '!' || prev == '?' || prev == U'…');
    const bool can_close = m.role == Role::kClose || glued_after_stop ||
                           (m.role == Role::kEither && !(next != '\n' && !next_blank && is_letter_or_digit(next) && !prev_word));
    if (stack.empty()) {
      // A lone ’ closes nothing; a closing mark with nothing open is a stray, except » glued to the
      // word after it, which some typesetting uses to open ("d' »inacceptable »").
      const bool reversed = c == U'»' && !prev_word && is_letter_or_digit(next);
      if ((can_open && m.role != Role::kClose) || reversed) open_quote(m.family, at, static_cast<uint32_t>(i));
      prev = c;
      continue;
    }
    if (m.family == Family::kSingle && m.role == Role::kClose && stack.back() != Family::kSingle) {
      prev = c;  // an apostrophe at a word's end ("les parents’"), not a mark
      continue;
    }
    // A straight quote opening a sentence while a straight quote is open: the open one was left
    // unclosed ('qu'on "ne peut pas tout faire. "À ce stade, …"'), and ends where the new one opens.
    // Within a sentence ('à des "appels" non contraignants') it is a quote inside the quote.
    if (m.family == Family::kStraight && can_open && !can_close && stack.size() == 1 &&
        stack[0] == Family::kStraight && prev == ' ' && is_upper(next) && after_sentence_end(text, at)) {
      trim_and_emit(at, at, false);
      open_quote(m.family, at, static_cast<uint32_t>(i));
      prev = c;
      continue;
    }
    const bool closes_top = can_close && (stack.back() == m.family || stack.size() == 1);
    if (closes_top && !(can_open && stack.back() != m.family && m.role == Role::kEither)) {
      stack.pop_back();
      if (stack.empty()) trim_and_emit(at, static_cast<uint32_t>(i), true);
    } else if (can_open && m.role != Role::kClose) {
      stack.push_back(m.family);  // a quote inside the quote
    } else if (can_close) {
      // Closes an outer family: unwind to it (or close everything).
      while (!stack.empty() && stack.back() != m.family) stack.pop_back();
      if (!stack.empty()) stack.pop_back();
      if (stack.empty()) trim_and_emit(at, static_cast<uint32_t>(i), true);
    }
    prev = c;
  }
  if (!stack.empty()) trim_and_emit(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size()), false);
}

}  // namespace recoupe
