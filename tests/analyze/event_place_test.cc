// Where the reported event happened, on sentences written for these tests.
#include <gtest/gtest.h>

#include "support/analysed_doc.h"

namespace recoupe {
namespace {

struct Case {
  const char* name;
  const char* title;
  const char* text;
  const char* want;  // "" = no event place
};

const Case kCases[] = {
    {"town after à", "",
     "La réunion des deux présidents a eu lieu à Marseille mardi. Ils ont parlé de la Pologne et de l'Espagne.",
     "Marseille"},
    {"dateline", "",
     "STRASBOURG (AFP) - Le conseil municipal a voté mardi soir le budget. Le maire de Lyon a salué ce vote.",
     "Strasbourg"},
    {"place leading the title", "Bordeaux : un incendie ravage un entrepôt",
     "Un incendie a détruit un entrepôt dans la nuit de lundi à mardi. Les pompiers venus de Toulouse l'ont maîtrisé.",
     "Bordeaux"},
    {"countries concerned, no place of the event", "",
     "Le gouvernement de la Pologne a critiqué la décision de l'Allemagne. En Espagne, les syndicats ont protesté.",
     ""},
    {"an owner is not where it happened", "",
     "Le maire de Lille a annoncé sa démission dans une lettre aux habitants.", ""},
    {"the lead outweighs a later, similar case", "",
     "Un cycliste a été renversé à Nantes lundi matin par un camion. Il a été hospitalisé. Le chauffeur a été entendu. "
     "Les témoins ont été interrogés. La circulation a été rétablie. Un accident semblable avait eu lieu à Rennes en mai.",
     "Nantes"},
    {"a birthplace is not where it happened", "Mort du comédien Paul Vernet",
     "Le comédien Paul Vernet, né à Oran en 1931, est mort dimanche. Il avait joué dans plus de cent films.", ""},
    {"a country named as a subject in the title", "La Norvège ferme ses frontières aux Italiens",
     "Le gouvernement norvégien a prolongé jeudi les restrictions de voyage.", ""},
    {"the title's place before a colon outweighs the body's towns", "Portugal : un feu de forêt près de Leiria",
     "Les pompiers ont été appelés à Coimbra et à Porto pour renforcer les équipes.", "Portugal"},
    {"a span of towns is not one place", "",
     "De Rouen à Caen, les cortèges ont défilé samedi dans le calme.", ""},
    {"a seat of power stands for an institution", "",
     "Le Premier ministre a réuni ses ministres à Matignon pour préparer la rentrée.", ""},
    {"a person's visit to a town", "",
     "La visite du président Marc Dumoulin à Grenoble a eu lieu jeudi sous la pluie.", "Grenoble"},
};

TEST(EventPlace, Table) {
  for (const Case& c : kCases) {
    RawRecord r;
    r.id = c.name;
    r.title = c.title;
    r.text = c.text;
    r.published = "2031-05-06";
    const Doc d = testing::analysed_doc(std::move(r));
    EXPECT_EQ(d.event_place, c.want) << c.name;
  }
}

TEST(EventPlace, NothingWithoutEntities) {
  RawRecord r;
  r.id = "no-entities";
  r.text = "La réunion a eu lieu à Marseille mardi.";
  Result<Doc> doc = make_doc(std::move(r));
  ASSERT_TRUE(doc.ok());
  auto pipeline = Pipeline::build({"segmenter", "lexical", "event_place"});
  ASSERT_TRUE(pipeline.ok());
  pipeline->process(*doc);
  EXPECT_EQ(doc->event_place, "");
}

}  // namespace
}  // namespace recoupe
