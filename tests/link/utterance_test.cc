// Grouping quotations of one utterance across sources, on articles written for these tests.
#include <gtest/gtest.h>

#include "link/linker.h"
#include "link/utterance_grouper.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

Doc make(const std::string& id, const std::string& text, const std::string& published = "2031-03-02") {
  RawRecord r;
  r.id = id;
  r.text = text;
  r.published = published;
  return testing::analysed_doc(std::move(r));
}

TEST(UtteranceGrouper, ContainmentAndSpeakers) {
  EXPECT_DOUBLE_EQ(UtteranceGrouper::containment({1, 2, 3, 4}, {2, 4, 9}), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(UtteranceGrouper::containment({1}, {1, 5, 7}), 1.0);
  EXPECT_DOUBLE_EQ(UtteranceGrouper::containment({}, {1}), 0.0);
  EXPECT_TRUE(UtteranceGrouper::same_speaker("Brenner", "Otto Brenner"));
  EXPECT_TRUE(UtteranceGrouper::same_speaker("Otto BRENNER", "Otto Brenner"));
  EXPECT_FALSE(UtteranceGrouper::same_speaker("Otto Brenner", "Anna Brenneur"));
  EXPECT_FALSE(UtteranceGrouper::same_speaker("", "Otto Brenner"));
}

// Two reports of one press conference worded differently, and a third article on another matter.
const char* kReportA =
    "Le chancelier vallon Otto Brenner a tenu une conférence de presse à Dorvik sur la sécheresse. "
    "Il a répondu aux questions des agriculteurs du nord du pays.\n"
    "« Les réservoirs seront remplis avant l'été, les récoltes seront sauvées », a déclaré Otto Brenner.\n"
    "« Nous ouvrirons aussi trois nouveaux marchés couverts », a-t-il ajouté.";
const char* kReportB =
    "À Dorvik, le chancelier Otto Brenner a parlé de la sécheresse devant la presse et les agriculteurs du nord. "
    "« Avant l'été, les réservoirs seront remplis et nous sauverons les récoltes », a affirmé Brenner lors "
    "de cette conférence sur la sécheresse.";
const char* kOther =
    "La chanteuse Maëlle Dorin a rempli l'Olympia de Varnes samedi soir pour son dernier concert de la tournée. "
    "« Les réservoirs de mon énergie sont vides, je vais me reposer », a confié Maëlle Dorin à son public.";

TEST(UtteranceGrouper, SameWordsAcrossSourcesShareAnId) {
  Linker linker;
  std::vector<Doc> docs;
  docs.push_back(make("a", kReportA));
  docs.push_back(make("b", kReportB));
  docs.push_back(make("c", kOther));
  for (Doc& d : docs) linker.link(d);
  ASSERT_EQ(docs[0].link.story, docs[1].link.story) << "both reports must be one story for this test";
  ASSERT_EQ(docs[0].quotes.size(), 2u);
  ASSERT_EQ(docs[1].quotes.size(), 1u);
  ASSERT_EQ(docs[2].quotes.size(), 1u);
  EXPECT_FALSE(docs[0].quotes[0].utterance.empty());
  EXPECT_EQ(docs[1].quotes[0].utterance, docs[0].quotes[0].utterance);  // reworded, one utterance
  EXPECT_NE(docs[0].quotes[1].utterance, docs[0].quotes[0].utterance);  // another sentence of his
  EXPECT_NE(docs[2].quotes[0].utterance, docs[0].quotes[0].utterance);  // other speaker, other story
}

TEST(UtteranceGrouper, SameOutputWhateverTheOrderOfAnalysis) {
  // The ids depend on link order only: linking the same documents twice gives the same ids.
  auto run = [] {
    Linker linker;
    std::vector<Doc> docs;
    docs.push_back(make("a", kReportA));
    docs.push_back(make("b", kReportB));
    for (Doc& d : docs) linker.link(d);
    std::vector<std::string> ids;
    for (const Doc& d : docs)
      for (const Quote& q : d.quotes) ids.push_back(q.utterance);
    return ids;
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
}  // namespace recoupe
