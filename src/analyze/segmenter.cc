// Sentences with ICU's break iterator over a UTF-16 copy of the text, its
// break positions mapped back to byte offsets (ICU reads UTF-16 directly, and
// reading UTF-8 through a UText cost it as much as finding the breaks). Words follow the
// UAX #29 word rules for alphabetic scripts with a scanner over ICU character
// classes (the rule-based iterator costs several times more on news text);
// text in scripts that need a dictionary (CJK, Thai, ...) goes to ICU's word
// iterator. French elision ("l'annonce", "qu’il") is split off, since UAX #29
// keeps it whole.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include "analyze/components.h"
#include "common/folding.h"
#include "common/utf8.h"
#include "common/word_bytes.h"

namespace recoupe {
namespace {

struct Iterators {
  std::unique_ptr<icu::BreakIterator> sentences, words;
};

Iterators& thread_iterators() {
  thread_local Iterators its = [] {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard" suppresses breaks after known abbreviations ("M. Macron").
    icu::Locale fr("fr@ss=standard");
    Iterators i;
    i.sentences.reset(icu::BreakIterator::createSentenceInstance(fr, status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      i.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("fr"), status));
    }
    i.words.reset(icu::BreakIterator::createWordInstance(icu::Locale("fr"), status));
    if (U_FAILURE(status) || !i.sentences || !i.words) {
      throw std::runtime_error(std::string("ICU break iterators unavailable: ") + u_errorName(status));
    }
    return i;
  }();
  return its;
}

// Character classes for the word scanner.
enum CharClass : uint8_t { kOther, kSpace, kLetter, kDigit, kMidLetter, kMidNum, kMidNumLet, kExtendNumLet, kDictionary };

CharClass classify_slow(char32_t c);

constexpr std::array<CharClass, 0x80> kAsciiClasses = [] {
  std::array<CharClass, 0x80> t{};
  for (char32_t c = 0; c < 0x80; ++c) {
    CharClass k = kOther;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') k = kLetter;
    else if (c >= '0' && c <= '9') k = kDigit;
    else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') k = kSpace;
    else if (c == '\'' || c == '.') k = kMidNumLet;
    else if (c == ',' || c == ';') k = kMidNum;
    else if (c == '_') k = kExtendNumLet;
    t[c] = k;
  }
  return t;
}();

// The classes of the Basic Multilingual Plane, filled in as characters come, one table per thread;
// taken once per document, so that the scanner's calls do not each go through thread-local storage.
uint8_t* bmp_class_cache() {
  thread_local std::unique_ptr<uint8_t[]> cache = [] {
    auto table = std::make_unique<uint8_t[]>(0x10000);
    std::memset(table.get(), 0xFF, 0x10000);
    return table;
  }();
  return cache.get();
}

class CharClasses {
 public:
  CharClasses() : cache_(bmp_class_cache()) {}
  CharClass operator()(char32_t c) const {
    if (c < 0x80) return kAsciiClasses[c];
    if (c >= 0x10000) return classify_slow(c);
    uint8_t& slot = cache_[c];
    if (slot == 0xFF) slot = classify_slow(c);
    return static_cast<CharClass>(slot);
  }

 private:
  uint8_t* cache_;
};

CharClass classify_slow(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  const auto script = static_cast<UScriptCode>(u_getIntPropertyValue(u, UCHAR_SCRIPT));
  switch (script) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_THAI: case USCRIPT_LAO:
    case USCRIPT_KHMER: case USCRIPT_MYANMAR:
      return kDictionary;
    default: break;
  }
  const auto wb = u_getIntPropertyValue(u, UCHAR_WORD_BREAK);
  switch (wb) {
    case U_WB_ALETTER: case U_WB_HEBREW_LETTER: case U_WB_EXTEND: case U_WB_FORMAT: case U_WB_ZWJ:
      return kLetter;
    case U_WB_NUMERIC: return kDigit;
    case U_WB_MIDLETTER: return kMidLetter;
    case U_WB_MIDNUM: return kMidNum;
    case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return kMidNumLet;
    case U_WB_EXTENDNUMLET: return kExtendNumLet;
    default: break;
  }
  return u_isUWhiteSpace(u) || c == 0x200B ? kSpace : kOther;
}

// Length in bytes of an elided article or pronoun at the start of `w` ("l'", "qu’"), or 0.
size_t elision_prefix(std::string_view w) {
  // Elided forms are at most "quoiqu’" long; most words have no apostrophe near the start.
  const std::string_view head = w.substr(0, 9);
  bool apostrophe = false;  // ' or the lead byte of ’, in one pass
  for (const char c : head) apostrophe |= c == '\'' || c == '\xE2';
  if (!apostrophe) return 0;
  static constexpr std::string_view kPrefixes[] = {"jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d", "j",
                                                   "m", "n", "s", "t", "c"};
  for (std::string_view p : kPrefixes) {
    if (w.size() <= p.size() + 1) continue;
    bool same = true;
    for (size_t k = 0; k < p.size() && same; ++k) same = (w[k] | 0x20) == p[k];
    if (!same) continue;
    const std::string_view rest = w.substr(p.size());
    if (rest[0] == '\'') return p.size() + 1;
    if (rest.substr(0, 3) == "\xE2\x80\x99") return p.size() + 3;  // ’
  }
  return 0;
}

enum class Piece : uint8_t { kPunct, kNumber, kLetters };

// Calls emit(begin, end, kind, joined) for each word or punctuation mark of `text`, spaces skipped;
// `joined` says that a middle mark (an apostrophe among them) joined the word's parts.
template <typename Emit>
void scan_words(std::string_view text, const CharClasses& char_class, Emit&& emit) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    const CharClass cls = char_class(utf8::next(text, i));
    if (cls == kSpace) continue;
    if (cls != kLetter && cls != kDigit && cls != kExtendNumLet) {
      emit(start, i, Piece::kPunct, false);
      continue;
    }
    bool letters = cls == kLetter;
    bool joined = false;
    CharClass prev = cls;
    size_t last = start;  // offset of the last character taken
    while (i < n) {
      size_t j = i;
      const CharClass next = char_class(utf8::next(text, j));
      if (next == kLetter || next == kDigit || next == kExtendNumLet) {
        letters |= next == kLetter;
        prev = next;
        last = i;
        i = j;
        continue;
      }
      // A middle mark joins two letters ("aujourd'hui") or two digits ("3,5"), not more.
      if ((next == kMidLetter || next == kMidNumLet || next == kMidNum) && j < n &&
          (prev == kLetter || prev == kDigit)) {
        size_t k = j;
        const CharClass after = char_class(utf8::next(text, k));
        bool join_letters = prev == kLetter && after == kLetter && next != kMidNum;
        // "jeudi.Le", "Dupont.L'avocat": a full stop glued between a lower-case letter and a capital
        // is two sentences run together (paragraph breaks lost), not one word ("U.S.A" stays one).
        if (join_letters && text[i] == '.') {
          size_t a = last, b = j;
          join_letters = !(is_lower(utf8::next(text, a)) && is_upper(utf8::next(text, b)));
        }
        const bool join_digits = prev == kDigit && after == kDigit && next != kMidLetter;
        if (join_letters || join_digits) {
          joined = true;
          prev = after;
          last = j;
          i = k;
          continue;
        }
      }
      break;
    }
    emit(start, i, letters ? Piece::kLetters : Piece::kNumber, joined);
  }
}

// The text in UTF-16 for the sentence iterator, in a buffer each thread reuses.
class Utf16Copy {
 public:
  //! On failure `status` says so, as ICU's functions do.
  Utf16Copy(std::string_view text, UErrorCode& status) : text_(text) {
    thread_local std::vector<UChar> buffer;
    if (buffer.size() < text.size()) buffer.resize(text.size());  // never more units than bytes
    int32_t units = 0;
    u_strFromUTF8(buffer.data(), static_cast<int32_t>(buffer.size()), &units, text.data(),
                  static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    utext_openUChars(&utext_, buffer.data(), units, &status);
  }
  ~Utf16Copy() { utext_close(&utext_); }
  Utf16Copy(const Utf16Copy&) = delete;
  Utf16Copy& operator=(const Utf16Copy&) = delete;

  UText* utext() { return &utext_; }
  //! The byte offset of UTF-16 index `unit`; calls must come in increasing order.
  uint32_t byte_offset(int32_t unit) {
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    while (unit_ < unit) {
      if (unit_ + 8 <= unit && utf8::ascii8(p + byte_)) {  // eight ASCII bytes are eight units
        byte_ += 8;
        unit_ += 8;
        continue;
      }
      const unsigned char b = p[byte_];
      const uint32_t length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      byte_ += length;
      unit_ += length == 4 ? 2 : 1;
    }
    return byte_;
  }

 private:
  std::string_view text_;
  UText utext_ = UTEXT_INITIALIZER;
  int32_t unit_ = 0;
  uint32_t byte_ = 0;
};

bool needs_dictionary(std::string_view text, const CharClasses& char_class) {
  // The scripts of kDictionary start at U+0E00 (Thai): only lead bytes from 0xE0 need a look, and
  // blocks of eight bytes with none pass at once.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {
      // A byte is >= 0xE0 when its top three bits are all set.
      const uint64_t w = word_bytes::load(p + i);
      if (!word_bytes::equal(w & (word_bytes::kOnes * 0xE0), 0xE0)) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0xE0) {
      ++i;
      continue;
    }
    if (char_class(utf8::next(text, i)) == kDictionary) return true;
  }
  return false;
}

class Segmenter final : public Component {
 public:
  std::string name() const override { return "segmenter"; }
  std::vector<std::string> requires_() const override { return {"doc.fields"}; }
  std::vector<std::string> assigns() const override { return {"doc.sentences", "doc.tokens"}; }

  void process(Doc& doc) const override {
    Iterators& its = thread_iterators();
    const CharClasses char_class;
    size_t bytes = 0;
    for (Field f : kAllFields) bytes += doc.field(f).size();
    doc.tokens.reserve(doc.tokens.size() + bytes / 5);  // about one token per five bytes of French
    for (Field f : kAllFields) {
      const std::string& text = doc.field(f);
      if (text.empty()) continue;
      UErrorCode status = U_ZERO_ERROR;
      // Sentences, trimmed of surrounding space.
      const size_t first_sentence = doc.sentences.size();
      Utf16Copy utf16(text, status);
      its.sentences->setText(utf16.utext(), status);
      if (U_FAILURE(status)) continue;
      uint32_t previous = utf16.byte_offset(its.sentences->first());
      for (int32_t end = its.sentences->next(); end != icu::BreakIterator::DONE; end = its.sentences->next()) {
        const uint32_t next = utf16.byte_offset(end);
        uint32_t b = previous, e = next;
        previous = next;
        while (b < e && is_space_ascii(text[b])) ++b;
        while (e > b && is_space_ascii(text[e - 1])) --e;
        if (e > b) doc.sentences.push_back(Span{f, b, e});
      }
      // Words and punctuation.
      size_t sentence = first_sentence;
      bool sentence_open = false;
      auto emit = [&](size_t begin, size_t end, Piece kind, bool joined) {
        const auto b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(end);
        while (sentence < doc.sentences.size() && doc.sentences[sentence].end <= b) {
          ++sentence;
          sentence_open = false;
        }
        Token t;
        t.span = Span{f, b, e};
        if (kind == Piece::kPunct) {
          doc.tokens.push_back(t);
          return;
        }
        const std::string_view piece(text.data() + b, e - b);
        t.flags |= Token::kWord;
        if (kind == Piece::kNumber) t.flags |= Token::kNumber;
        if (!sentence_open) t.flags |= Token::kSentenceStart;
        sentence_open = true;
        // Without a middle mark there is no apostrophe, hence no elision.
        if (size_t p = joined ? elision_prefix(piece) : 0; p > 0) {
          Token article = t;
          article.span.end = b + static_cast<uint32_t>(p);
          doc.tokens.push_back(article);
          t.flags &= static_cast<uint8_t>(~Token::kSentenceStart);
          t.span.begin = b + static_cast<uint32_t>(p);
          size_t j = p;
          if (is_upper(utf8::next(piece, j))) t.flags |= Token::kCapitalized;
          doc.tokens.push_back(t);
          return;
        }
        size_t j = 0;
        if (is_upper(utf8::next(piece, j))) t.flags |= Token::kCapitalized;
        doc.tokens.push_back(t);
      };
      if (!needs_dictionary(text, char_class)) {
        scan_words(text, char_class, emit);
      } else {
        UText ut = UTEXT_INITIALIZER;
        utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
        its.words->setText(&ut, status);
        int32_t start = its.words->first();
        for (int32_t end = its.words->next(); end != icu::BreakIterator::DONE; start = end, end = its.words->next()) {
          const int32_t rule = its.words->getRuleStatus();
          size_t k = static_cast<size_t>(start);
          if (rule < UBRK_WORD_NUMBER && char_class(utf8::next(text, k)) == kSpace) continue;
          emit(static_cast<size_t>(start), static_cast<size_t>(end),
               rule >= UBRK_WORD_LETTER ? Piece::kLetters : rule >= UBRK_WORD_NUMBER ? Piece::kNumber : Piece::kPunct,
               /*joined=*/true);
        }
        utext_close(&ut);
      }
    }
  }

 private:
  static bool is_space_ascii(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
};

}  // namespace

std::unique_ptr<Component> make_segmenter() { return std::make_unique<Segmenter>(); }

}  // namespace recoupe
