// The quote scanner's skipping (sixteen bytes at a time, look-alike characters passed over without
// decoding) and the folded-token cache: both must give what the plain, byte-by-byte reading gives.
// Sentences are written for these tests.
#include <gtest/gtest.h>

#include "analyze/folded_tokens.h"
#include "analyze/quote_scanner.h"
#include "common/folding.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

std::vector<std::string> inside(const std::string& text) {
  std::vector<std::string> out;
  for (const MarkedQuote& q : scan_quote_marks(text)) out.push_back(text.substr(q.begin, q.end - q.begin));
  return out;
}

TEST(QuoteScanner, FindsAMarkAtEveryOffsetOfASixteenByteBlock) {
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string before(pad, 'x'), after(pad % 7, 'y');
    const std::string text = before + " «\xC2\xA0oui\xC2\xA0» " + after;
    SCOPED_TRACE(pad);
    const auto found = scan_quote_marks(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].open, pad + 1);
    EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "oui");  // no-break spaces trimmed
    EXPECT_EQ(found[0].after, pad + 1 + 2 + 2 + 3 + 2 + 2);
  }
}

TEST(QuoteScanner, LookAlikesAreNotMarks) {
  // Apostrophes inside words, no-break and thin spaces, dashes and ellipses around real marks.
  EXPECT_EQ(inside("L'équipe d'Anne n'a rien dit aujourd'hui."), std::vector<std::string>{});
  EXPECT_EQ(inside("L’équipe d’Anne — aujourd’hui… rien."), std::vector<std::string>{});
  EXPECT_EQ(inside("Il a dit\xE2\x80\xAF: «\xE2\x80\xAFl'été est là\xE2\x80\xAF» — puis s’est tu."),
            std::vector<std::string>{"l'été est là"});
  // ’ closes a ‘ quote when no letter follows it, even after a letter.
  EXPECT_EQ(inside("Un ‘mot’ puis l’autre."), std::vector<std::string>{"mot"});
  // A straight apostrophe after a space and before a capital opens; one between letters does not close.
  EXPECT_EQ(inside("Le titre 'Rien n'est perdu' reste."), std::vector<std::string>{"Rien n'est perdu"});
  // Paragraphs are still counted across skipped text.
  const auto found = scan_quote_marks("Un.\nDeux l'a dit.\nTrois « oui ».");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].paragraph, 2u);
}

TEST(FoldedTokens, GivesFoldOfEachToken) {
  RawRecord r;
  r.id = "f";
  r.text = "L'ÉTÉ de Zoé à Saint-Étienne : « Œuvre » et CAFÉ, 2024 — Ça va.";
  const Doc d = testing::analysed_doc(std::move(r));
  ASSERT_FALSE(d.tokens.empty());
  FoldedTokens folded(d);
  for (uint32_t t = 0; t < d.tokens.size(); ++t) {
    std::string expected = fold(d.text(d.tokens[t].span));
    if (expected.empty()) expected = " ";
    EXPECT_EQ(folded.of(t), expected) << d.text(d.tokens[t].span);
    EXPECT_EQ(&folded.of(t), &folded.of(t));  // folded once, then kept
  }
}

// The folded size, asked without folding an ASCII word, is the size of the folded word.
TEST(FoldedTokens, SizeOfIsTheFoldedSize) {
  RawRecord r;
  r.id = "s";
  r.text = "Œdipe, l'ÉLÈVE, dit « straße » et « fin » : déjà 42 ans… ÇA.";
  const Doc d = testing::analysed_doc(std::move(r));
  FoldedTokens sizes(d);
  for (uint32_t t = 0; t < d.tokens.size(); ++t) {
    std::string expected = fold(d.text(d.tokens[t].span));
    if (expected.empty()) expected = " ";
    EXPECT_EQ(sizes.size_of(t), expected.size()) << d.text(d.tokens[t].span);
  }
}

// The slots are the thread's, reused from one document to the next: a long word folded in one
// document leaves nothing behind for the short one at the same place in the next, and a second cache
// alive at the same time has slots of its own.
TEST(FoldedTokens, SlotsReusedAcrossDocumentsAndNestedCaches) {
  RawRecord a, b;
  a.id = "a";
  a.text = "Anticonstitutionnellement, INTERGOUVERNEMENTALISATIONS et Élisabeth-Charlotte parlent.";
  b.id = "b";
  b.text = "Un mot. Ça va très bien, dit-il.";
  const Doc da = testing::analysed_doc(std::move(a));
  const Doc db = testing::analysed_doc(std::move(b));
  auto check = [](const Doc& d, FoldedTokens& folded) {
    for (uint32_t t = 0; t < d.tokens.size(); ++t) {
      std::string expected = fold(d.text(d.tokens[t].span));
      if (expected.empty()) expected = " ";
      EXPECT_EQ(folded.of(t), expected) << d.text(d.tokens[t].span);
    }
  };
  {
    FoldedTokens first(da);
    check(da, first);
    FoldedTokens nested(db);  // while `first` holds the thread's slots
    check(db, nested);
  }
  {
    FoldedTokens second(db);  // the thread's slots again, emptied
    check(db, second);
  }
  FoldedTokens third(da);
  check(da, third);
}

}  // namespace
}  // namespace recoupe
