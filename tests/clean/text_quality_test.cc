#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "clean/text_quality.h"

namespace recoupe {
namespace {

struct Found {
  std::string kind, text;
  bool removed;
  bool operator==(const Found&) const = default;
};

std::vector<Found> kinds_of(const std::vector<TextFlag>& flags) {
  std::vector<Found> out;
  for (const auto& f : flags) out.push_back({f.kind, f.text, f.removed});
  return out;
}

TEST(StripNoise, Table) {
  struct Case {
    const char* name;
    const char* in;
    const char* want_text;
    std::vector<Found> want;
  };
  const Case cases[] = {
      {"caption line ending in a counted credit",
       "Le maire inaugure la passerelle 2 crédit : Studio Rhône\nLa foule était au rendez-vous.",
       "Le maire inaugure la passerelle\nLa foule était au rendez-vous.",
       {{"photo-credit", "2 crédit : Studio Rhône", true}}},
      {"credit on its own line",
       "Les travaux dureront un an.\nCrédit photo : Agence du Nord",
       "Les travaux dureront un an.",
       {{"photo-credit", "Crédit photo : Agence du Nord", true}}},
      {"credit in parentheses after the sentence",
       "Le cortège a traversé la ville. (Crédit photo : J. Morel / AFP)",
       "Le cortège a traversé la ville.",
       {{"photo-credit", "(Crédit photo : J. Morel / AFP)", true}}},
      {"copyright sign",
       "La nouvelle gare vue du ciel © Région Bretagne\nElle ouvrira en mai.",
       "La nouvelle gare vue du ciel\nElle ouvrira en mai.",
       {{"photo-credit", "© Région Bretagne", true}}},
      {"a loan is not a credit line",
       "Il a obtenu un crédit : 3 000 euros sur dix ans.",
       "Il a obtenu un crédit : 3 000 euros sur dix ans.",
       {}},
      {"credit as a plain word",
       "Le crédit immobilier reste cher.",
       "Le crédit immobilier reste cher.",
       {}},
      {"caption line",
       "Le salon ouvre jeudi.\nPhoto : le nouveau modèle exposé à Genève\nIl fermera dimanche.",
       "Le salon ouvre jeudi.\nIl fermera dimanche.",
       {{"photo-caption", "Photo : le nouveau modèle exposé à Genève", true}}},
      {"photography is a word",
       "Photographie et peinture se côtoient au musée.",
       "Photographie et peinture se côtoient au musée.",
       {}},
      {"read-also link",
       "Le budget a été voté.\nÀ lire aussi : La dette inquiète les maires\nLe vote a eu lieu tard.",
       "Le budget a été voté.\nLe vote a eu lieu tard.",
       {{"boilerplate", "À lire aussi : La dette inquiète les maires", true}}},
      {"read-also as the article's words",
       "Lire aussi les petites lignes, conseille l'avocate.",
       "Lire aussi les petites lignes, conseille l'avocate.",
       {}},
      {"share bar and cookie prompt",
       "Le match est reporté.\n\nPartager Facebook Twitter E-mail\n\nCe site utilise des cookies pour mesurer l'audience.",
       "Le match est reporté.",
       {{"boilerplate", "Partager Facebook Twitter E-mail", true},
        {"boilerplate", "Ce site utilise des cookies pour mesurer l'audience.", true}}},
      {"stock bio, English, in quotation marks",
       "La réunion a duré deux heures.\n« Coffee aficionado. Friendly web ninja. Music lover. Beeraholic. »",
       "La réunion a duré deux heures.",
       {{"author-bio", "« Coffee aficionado. Friendly web ninja. Music lover. Beeraholic. »", true}}},
      {"stock bio, French",
       "La réunion a duré deux heures.\nPassionné de café. Expert en télévision. Mordu de voyages.",
       "La réunion a duré deux heures.",
       {{"author-bio", "Passionné de café. Expert en télévision. Mordu de voyages.", true}}},
      {"short closing sentences are not a bio",
       "La fête a réuni le village.\nMerci à tous. Rendez-vous l'an prochain.",
       "La fête a réuni le village.\nMerci à tous. Rendez-vous l'an prochain.",
       {}},
      {"a bio is only looked for at the end",
       "Fan de rugby. Expert en vins. Passionné de pêche.\nLe reste de l'article suit ici.",
       "Fan de rugby. Expert en vins. Passionné de pêche.\nLe reste de l'article suit ici.",
       {}},
      {"English left in brackets",
       "« Disons que 20 000 [people] partent », a-t-il dit.",
       "« Disons que 20 000 [people] partent », a-t-il dit.",
       {{"untranslated-fragment", "[people]", false}}},
      {"French editorial brackets",
       "« Ils [les élus] ont voté », dit-elle. « C'est [Paul Marchand] qui décide. »",
       "« Ils [les élus] ont voté », dit-elle. « C'est [Paul Marchand] qui décide. »",
       {}},
      {"empty", "", "", {}},
  };
  for (const auto& c : cases) {
    std::string text = c.in;
    const auto flags = strip_noise(Field::kText, text);
    EXPECT_EQ(text, c.want_text) << c.name;
    EXPECT_EQ(kinds_of(flags), c.want) << c.name;
  }
}

TEST(StripNoise, SpansPointIntoTheCleanText) {
  std::string text = "Le pont est fermé 1 crédit : Studio Est\nLe maire a dit : « Let them [later] come back. »";
  const auto flags = strip_noise(Field::kText, text);
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_EQ(flags[0].kind, "photo-credit");
  EXPECT_EQ(flags[0].span.begin, flags[0].span.end);  // text left out: an empty span where it was
  EXPECT_EQ(text.substr(0, flags[0].span.begin), "Le pont est fermé");
  EXPECT_EQ(flags[1].kind, "untranslated-fragment");
  EXPECT_EQ(text.substr(flags[1].span.begin, flags[1].span.size()), "[later]");
}

TEST(StripNoise, NothingFoundLeavesTheTextAsItWas) {
  const std::string original = "Premier paragraphe.\n\nSecond paragraphe, avec  deux espaces.";
  std::string text = original;
  EXPECT_TRUE(strip_noise(Field::kText, text).empty());
  EXPECT_EQ(text, original);
}

TEST(MakeDoc, FlagsEveryField) {
  RawRecord r;
  r.id = "q1";
  r.title = "Le col rouvre [later]";
  r.text = "La route est dégagée.\nCrédit photo : Conseil départemental";
  auto doc = make_doc(std::move(r));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->field(Field::kText), "La route est dégagée.");
  EXPECT_EQ(doc->flag_kinds(), (std::vector<std::string>{"untranslated-fragment", "photo-credit"}));
}

TEST(EnglishOnlyWords, FrenchHomographsAreLeftOut) {
  for (const char* w : {"the", "people", "later", "after", "would"}) EXPECT_TRUE(is_english_only_word(w)) << w;
  for (const char* w : {"on", "a", "plus", "son", "but", "or", "place", "date", "en"}) {
    EXPECT_FALSE(is_english_only_word(w)) << w;
  }
}

}  // namespace
}  // namespace recoupe
