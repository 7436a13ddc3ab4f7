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

// A resumed run (Linker rebuilt from what the store keeps) groups a new report with the utterance an
// earlier run opened, and gives the same ids as one uninterrupted run.
TEST(UtteranceGrouper, ResumedRunJoinsUtterancesOfEarlierRuns) {
  Linker one_run;
  Doc a = make("a", kReportA), b = make("b", kReportB);
  one_run.link(a);
  one_run.link(b);
  ASSERT_EQ(b.quotes.size(), 1u);
  ASSERT_EQ(b.quotes[0].utterance, a.quotes[0].utterance) << "the reports must be one utterance for this test";

  Linker resumed;
  Doc stored = make("a", kReportA);
  Linker first_run;
  first_run.link(stored);
  const std::vector<UtteranceRecord> records = UtteranceGrouper::records_of(stored);
  ASSERT_EQ(records.size(), 2u);  // two sentences of his, two utterances
  resumed.replay(stored.id, stored.features, stored.published, stored.link.story, stored.link.duplicate_of, records);
  Doc later = make("b", kReportB);
  resumed.link(later);
  EXPECT_EQ(later.link.story, stored.link.story);
  EXPECT_EQ(later.quotes[0].utterance, stored.quotes[0].utterance);
  EXPECT_EQ(later.quotes[0].utterance, b.quotes[0].utterance);

  // Without the records, the new quotation opens a new utterance after the stored ids.
  Linker forgetful;
  forgetful.replay(stored.id, stored.features, stored.published, stored.link.story, stored.link.duplicate_of, {});
  forgetful.skip_utterance_ids(2);
  Doc alone = make("b", kReportB);
  forgetful.link(alone);
  EXPECT_EQ(alone.quotes[0].utterance, "u3");
}

TEST(UtteranceGrouper, RecordsOfADocumentOnePerId) {
  Doc d;
  d.quotes.resize(3);
  d.quotes[0].utterance = "u4";
  d.quotes[0].speaker = "Otto Brenner";
  d.quotes[0].terms = {1, 5};
  d.quotes[1].utterance = "u7";
  d.quotes[1].terms = {2};
  d.quotes[2].utterance = "u4";
  d.quotes[2].speaker = "Otto Brenner";
  d.quotes[2].terms = {3, 5};
  const std::vector<UtteranceRecord> want = {{4, "Otto Brenner", {1, 3, 5}}, {7, "", {2}}};
  EXPECT_EQ(UtteranceGrouper::records_of(d), want);
}

Quote quote(const std::string& speaker, uint32_t passage, std::vector<uint64_t> terms) {
  Quote q;
  q.speaker = speaker;
  q.passage = passage;
  q.terms = std::move(terms);
  return q;
}

// Passages of one article are taken in passage order, each with its own speaker, and never join an
// utterance the same article opened; another article of the story joins the oldest that fits.
TEST(UtteranceGrouper, PassagesOfAnArticleAndTheirSpeakers) {
  UtteranceGrouper grouper;
  Doc first;
  first.link.story = "s1";
  first.quotes.push_back(quote("Anne Roy", 0, {1, 2, 3, 4}));
  first.quotes.push_back(quote("Paul Mas", 1, {10, 11}));
  first.quotes.push_back(quote("Anne Roy", 0, {5}));  // her passage goes on after his words
  first.quotes.push_back(quote("Anne Roy", 3, {1, 2, 3, 4, 5}));
  grouper.assign(first);
  EXPECT_EQ(first.quotes[0].utterance, "u1");
  EXPECT_EQ(first.quotes[2].utterance, "u1");
  EXPECT_EQ(first.quotes[1].utterance, "u2");
  EXPECT_EQ(first.quotes[3].utterance, "u3");  // same words, same article: not one utterance

  Doc silent;  // an article without quotations opens nothing
  silent.link.story = "s2";
  grouper.assign(silent);
  EXPECT_EQ(grouper.size(), 3u);

  Doc second;
  second.link.story = "s1";
  second.quotes.push_back(quote("Roy", 0, {2, 3, 4, 5}));
  second.quotes.push_back(quote("Paul Mas", 1, {99}));
  grouper.assign(second);
  EXPECT_EQ(second.quotes[0].utterance, "u1");  // u1 and u3 contain it all: the oldest
  EXPECT_EQ(second.quotes[1].utterance, "u4");  // his words there share nothing with u2
}

}  // namespace
}  // namespace recoupe
