#include <gtest/gtest.h>

#include "clean/cleaner.h"

namespace recoupe {
namespace {

TEST(RestoreGluedSentences, Table) {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"dans la nuit de jeudi.Le gouvernement", "dans la nuit de jeudi.\nLe gouvernement"},
      {"le 24 juin.Une seconde", "le 24 juin.\nUne seconde"},
      {"des revendications\".\"Le ministre", "des revendications\".\n\"Le ministre"},
      {"a-t-il dit.«Nous", "a-t-il dit.\n«Nous"},  // an opening quote may stand before the next sentence
      {"a-t-il dit.« Nous", "a-t-il dit.« Nous"},
      {"vraiment?Oui", "vraiment?\nOui"},
      {"selon M.Dupont", "selon M.Dupont"},        // upper case before the dot: an initial
      {"3.5 millions", "3.5 millions"},
      {"www.Orange.fr", "www.\nOrange.fr"},      // a known limit: host names with capitals look glued
      {"les U.S.A. sont", "les U.S.A. sont"},
      {"fin.", "fin."},
      {"", ""},
      {"déjà vu.Énorme", "déjà vu.\nÉnorme"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(restore_glued_sentences(c.in), c.want) << c.in;
  }
}

TEST(CleanText, WhitespaceAndControls) {
  EXPECT_EQ(clean_text("  Ligne un.\r\nLigne\tdeux.  \r\n\r\n\r\n\r\nLigne trois.\x01\n\n"),
            "Ligne un.\nLigne deux.\n\nLigne trois.");
  EXPECT_EQ(clean_text(""), "");
  EXPECT_EQ(clean_text("\n\n  \n"), "");
}

TEST(CleanText, CleanTextIsKeptAsIs) {
  // Text that needs nothing takes a fast path; it must agree with the full one.
  for (const char* text : {"Une ligne.", "Ligne un.\nLigne deux.\n\nLigne trois.", "a  b", "« Guillemets »\u00a0!",
                           "x", "fin.Début"}) {
    const std::string want = std::string(text) == "fin.Début" ? "fin.\nDébut" : text;
    EXPECT_EQ(clean_text(text), want) << text;
  }
  EXPECT_EQ(clean_text("a\n\n\nb"), "a\n\nb");
  EXPECT_EQ(clean_text("a \nb"), "a\nb");
  EXPECT_EQ(clean_text("a\n b"), "a\nb");
}

TEST(CleanText, NormalisesToNfc) {
  // "é" written as e + combining acute becomes the single code point U+00E9.
  EXPECT_EQ(clean_text("cafe\xCC\x81"), "caf\xC3\xA9");
  EXPECT_EQ(clean_text("café"), "café");
}

TEST(CleanText, NormalisesWhatTheFastCheckDoesNotVouchFor) {
  // The fast check passes ASCII eight bytes at a time and inert code points; anything else goes to ICU.
  EXPECT_EQ(clean_text("Une longue phrase avant le cafe\xCC\x81"), "Une longue phrase avant le caf\xC3\xA9");
  EXPECT_EQ(clean_text("un\xE2\x80\x80" "espace"), "un\xE2\x80\x82" "espace");  // U+2000 is U+2002 in NFC
  EXPECT_EQ(clean_text("\xC3\xA9t\xC3\xA9 \xE2\x80\x99 \xC2\xAB oui \xC2\xBB"), "\xC3\xA9t\xC3\xA9 \xE2\x80\x99 \xC2\xAB oui \xC2\xBB");
  EXPECT_EQ(clean_text("\xE2\x84\xA6"), "\xCE\xA9");  // the ohm sign is the Greek capital omega
}

TEST(MakeDoc, CreditsTakenOutOfTheTextAreKeptOnTheirOwn) {
  RawRecord r;
  r.id = "c";
  r.text = "La halle du marché rouvre ses portes samedi.\nCrédit photo : Atelier Norval\n"
           "Les commerçants reviennent un à un.\nCrédit photo : Atelier Norval\n"
           "(© Studio Pelerin / Anne Ravoux)";
  auto d = make_doc(std::move(r));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->field(Field::kText), "La halle du marché rouvre ses portes samedi.\nLes commerçants reviennent un à un.");
  // Each credit once, one a line, as the text wrote it.
  EXPECT_EQ(d->field(Field::kCredits), "Crédit photo : Atelier Norval\n(© Studio Pelerin / Anne Ravoux)");

  RawRecord none;
  none.id = "n";
  none.text = "Il a obtenu un crédit : trois mille euros.";  // the text's own words, no credit
  auto plain = make_doc(std::move(none));
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->field(Field::kCredits).empty());
}

TEST(MakeDoc, FieldsDatesAndErrors) {
  RawRecord r;
  r.id = "x";
  r.title = "Titre";
  r.text = "Premier.Deuxième phrase.";
  r.published = "2022-09-27T10:41:53+02:00";
  std::string warning;
  auto d = make_doc(std::move(r), &warning);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->field(Field::kText), "Premier.\nDeuxième phrase.");
  ASSERT_TRUE(d->published.has_value());
  EXPECT_EQ(d->published->date_string(), "2022-09-27");
  EXPECT_TRUE(warning.empty());

  RawRecord bad_date;
  bad_date.id = "y";
  bad_date.text = "Texte.";
  bad_date.published = "hier";
  auto d2 = make_doc(std::move(bad_date), &warning);
  ASSERT_TRUE(d2.ok());
  EXPECT_FALSE(d2->published.has_value());
  EXPECT_EQ(d2->published_text, "hier");
  EXPECT_NE(warning.find("not an ISO 8601 date"), std::string::npos);

  RawRecord empty;
  empty.id = "z";
  empty.text = " \n ";
  auto d3 = make_doc(std::move(empty));
  ASSERT_FALSE(d3.ok());
  EXPECT_EQ(d3.error().code, Errc::kBadInput);
}

}  // namespace
}  // namespace recoupe
