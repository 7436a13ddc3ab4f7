// Sentences and words with ICU's break iterators over the UTF-8 text itself
// (UText), so that break positions are byte offsets with no UTF-16 copy.
// French elision ("l'annonce", "qu’il") is split off, since UAX #29 keeps it whole.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>

#include "analyze/components.h"
#include "common/folding.h"
#include "common/utf8.h"

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

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x202F || c == 0x2009 ||
         c == 0x2007 || c == 0x200B || c == 0x3000 || (c >= 0x2000 && c <= 0x200A);
}

// Length in bytes of an elided article or pronoun at the start of `w` ("l'", "qu’"), or 0.
size_t elision_prefix(std::string_view w) {
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

class Segmenter final : public Component {
 public:
  std::string name() const override { return "segmenter"; }
  std::vector<std::string> requires_() const override { return {"doc.fields"}; }
  std::vector<std::string> assigns() const override { return {"doc.sentences", "doc.tokens"}; }

  void process(Doc& doc) const override {
    Iterators& its = thread_iterators();
    for (Field f : kAllFields) {
      const std::string& text = doc.field(f);
      if (text.empty()) continue;
      UErrorCode status = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
      if (U_FAILURE(status)) continue;
      // Sentences, trimmed of surrounding space.
      const size_t first_sentence = doc.sentences.size();
      its.sentences->setText(ut, status);
      int32_t start = its.sentences->first();
      for (int32_t end = its.sentences->next(); end != icu::BreakIterator::DONE;
           start = end, end = its.sentences->next()) {
        auto b = static_cast<uint32_t>(start), e = static_cast<uint32_t>(end);
        while (b < e && is_space_ascii(text[b])) ++b;
        while (e > b && is_space_ascii(text[e - 1])) --e;
        if (e > b) doc.sentences.push_back(Span{f, b, e});
      }
      // Words and punctuation.
      its.words->setText(ut, status);
      size_t sentence = first_sentence;
      bool sentence_open = false;
      start = its.words->first();
      for (int32_t end = its.words->next(); end != icu::BreakIterator::DONE; start = end, end = its.words->next()) {
        const int32_t rule = its.words->getRuleStatus();
        auto b = static_cast<uint32_t>(start), e = static_cast<uint32_t>(end);
        const std::string_view piece(text.data() + b, e - b);
        size_t i = 0;
        const char32_t first = utf8::next(piece, i);
        if (rule < UBRK_WORD_NUMBER && is_space_cp(first)) continue;
        while (sentence < doc.sentences.size() && doc.sentences[sentence].end <= b) {
          ++sentence;
          sentence_open = false;
        }
        Token t;
        t.span = Span{f, b, e};
        if (rule >= UBRK_WORD_NUMBER) {
          t.flags |= Token::kWord;
          if (rule < UBRK_WORD_LETTER) t.flags |= Token::kNumber;
          if (!sentence_open) t.flags |= Token::kSentenceStart;
          sentence_open = true;
          if (size_t p = elision_prefix(piece); p > 0) {
            Token article = t;
            article.span.end = b + static_cast<uint32_t>(p);
            doc.tokens.push_back(article);
            t.flags &= static_cast<uint8_t>(~Token::kSentenceStart);
            t.span.begin = b + static_cast<uint32_t>(p);
            size_t j = p;
            if (is_upper(utf8::next(piece, j))) t.flags |= Token::kCapitalized;
            doc.tokens.push_back(t);
            continue;
          }
          if (is_upper(first)) t.flags |= Token::kCapitalized;
        }
        doc.tokens.push_back(t);
      }
      utext_close(ut);
    }
  }

 private:
  static bool is_space_ascii(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
};

}  // namespace

std::unique_ptr<Component> make_segmenter() { return std::make_unique<Segmenter>(); }

}  // namespace recoupe
