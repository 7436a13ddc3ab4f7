#include <gtest/gtest.h>

#include <random>

#include "analyze/pipeline.h"
#include "clean/cleaner.h"
#include "support/analysed_doc.h"
#include "common/string_store.h"
#include "link/linker.h"

namespace recoupe {
namespace {

Doc make(const std::string& id, const std::string& title, const std::string& text, const std::string& published = "") {
  RawRecord r;
  r.id = id;
  r.title = title;
  r.text = text;
  r.published = published;
  return testing::analysed_doc(std::move(r));
}

const char* kFloodA =
    "La Loire a débordé dans la nuit à Saumur. Les pompiers du Maine-et-Loire ont évacué quarante habitants "
    "du quartier de l'île d'Offard. Le maire de Saumur, Jacques Ferrand, a ouvert le gymnase municipal. "
    "La préfecture maintient la vigilance rouge crues jusqu'à jeudi.";
const char* kFloodB =
    "À Saumur, la crue de la Loire a contraint les pompiers à évacuer quarante habitants de l'île d'Offard. "
    "Jacques Ferrand, maire de Saumur, a ouvert le gymnase. La vigilance rouge crues est maintenue par la préfecture.";
const char* kMarathon =
    "Le marathon de Nantes a réuni douze mille coureurs dimanche. Le Kényan Peter Kiprono s'est imposé "
    "en deux heures et huit minutes devant deux Éthiopiens, sous un soleil de plomb.";

std::string edited(const std::string& text) {
  // A wire copy with one sentence reworded and one added: what a second outlet does.
  std::string out = text;
  const auto pos = out.find("Le maire");
  out.replace(pos, 8, "L'édile");
  return out + " Une cellule d'écoute a été mise en place par la mairie.";
}

TEST(NearDuplicates, CopiesFoundUnrelatedNot) {
  Linker linker;
  Doc a = make("a", "Crue de la Loire à Saumur", kFloodA, "2024-03-01T08:00:00Z");
  Doc b = make("b", "Saumur : quarante évacués", edited(kFloodA), "2024-03-01T10:00:00Z");
  Doc c = make("c", "Autre titre encore", edited(kFloodA), "2024-03-01T11:00:00Z");
  Doc d = make("d", "Et un autre", edited(kFloodA) + " La circulation reste coupée sur le pont Cessart.",
               "2024-03-01T11:30:00Z");
  Doc m = make("m", "Marathon de Nantes", kMarathon, "2024-03-01T12:00:00Z");
  for (Doc* x : {&a, &b, &c, &d, &m}) linker.link(*x);
  EXPECT_FALSE(a.link.duplicate_of.has_value());
  ASSERT_TRUE(b.link.duplicate_of.has_value());
  EXPECT_EQ(*b.link.duplicate_of, "a");
  ASSERT_TRUE(c.link.duplicate_of.has_value());
  EXPECT_EQ(*c.link.duplicate_of, "b");  // a verbatim republication names its exact source
  ASSERT_TRUE(d.link.duplicate_of.has_value());
  EXPECT_EQ(*d.link.duplicate_of, "a");  // an edited copy names the first of the group, not the closest
  EXPECT_FALSE(m.link.duplicate_of.has_value());
  EXPECT_EQ(b.link.story, a.link.story);
  EXPECT_NE(m.link.story, a.link.story);
}

TEST(NearDuplicateIndex, JaccardEstimateAndShortSignatures) {
  NearDuplicateIndex index(0.5);
  std::vector<uint32_t> s1(128), s2(128);
  for (uint32_t i = 0; i < 128; ++i) s1[i] = s2[i] = i * 7919u;
  for (uint32_t i = 0; i < 32; ++i) s2[i] = 1u + i;  // 3/4 of the bins agree
  EXPECT_DOUBLE_EQ(NearDuplicateIndex::estimate_jaccard(s1.data(), s2.data(), 128), 0.75);
  EXPECT_FALSE(index.find(s1).has_value());
  index.add(s1, std::nullopt);
  auto m = index.find(s2);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->original, 0u);
  EXPECT_FALSE(index.find({}).has_value());  // documents with no signature are never matched
  index.add({}, std::nullopt);
  EXPECT_EQ(index.size(), 2u);
}

TEST(Stories, SameEventJoinsOtherEventOpens) {
  Linker linker;
  Doc a = make("a", "Crue de la Loire : quarante habitants évacués à Saumur", kFloodA, "2024-03-01T08:00:00Z");
  Doc b = make("b", "Saumur face à la crue de la Loire", kFloodB, "2024-03-01T15:00:00Z");
  Doc m = make("m", "Marathon de Nantes : victoire de Peter Kiprono", kMarathon, "2024-03-02T12:00:00Z");
  for (Doc* d : {&a, &b, &m}) linker.link(*d);
  EXPECT_EQ(a.link.story, b.link.story);
  EXPECT_FALSE(b.link.new_story);
  EXPECT_GE(b.link.similarity, b.link.threshold);
  EXPECT_NE(m.link.story, a.link.story);
  EXPECT_TRUE(m.link.new_story);
  // The explanation names what the articles share.
  std::vector<std::string> shared;
  for (uint64_t t : b.link.shared_terms) shared.push_back(StringStore::global().lookup(t));
  EXPECT_NE(std::find(shared.begin(), shared.end(), "saumur"), shared.end());
}

TEST(Stories, AQuietStoryStopsAttracting) {
  Linker linker;
  Doc a = make("a", "Crue de la Loire à Saumur", kFloodA, "2024-03-01T08:00:00Z");
  Doc late = make("late", "Saumur face à la crue de la Loire", kFloodB, "2024-06-01T08:00:00Z");
  linker.link(a);
  linker.link(late);
  EXPECT_NE(late.link.story, a.link.story);
  EXPECT_TRUE(late.link.new_story);
}

TEST(Stories, AnArticleFarOlderThanTheStoryDoesNotJoinIt) {
  // Input out of time order: the story is from June, the article from March.
  Linker linker;
  Doc june = make("june", "Crue de la Loire à Saumur", kFloodA, "2024-06-01T08:00:00Z");
  Doc march = make("march", "Saumur face à la crue de la Loire", kFloodB, "2024-03-01T08:00:00Z");
  Doc june2 = make("june2", "Crue de la Loire : Saumur évacue l'île d'Offard",
                   "Quarante habitants de l'île d'Offard ont quitté leur maison à Saumur, où la Loire est sortie de son lit. "
                   "Le maire Jacques Ferrand a ouvert le gymnase municipal et la préfecture garde la vigilance rouge crues.",
                   "2024-06-01T12:00:00Z");
  for (Doc* d : {&june, &march, &june2}) linker.link(*d);
  EXPECT_NE(march.link.story, june.link.story);
  EXPECT_EQ(june2.link.story, june.link.story);
}

TEST(Stories, UndatedArticlesStillCluster) {
  Linker linker;
  Doc a = make("a", "Crue de la Loire à Saumur", kFloodA);
  Doc b = make("b", "Saumur face à la crue de la Loire", kFloodB);
  linker.link(a);
  linker.link(b);
  EXPECT_EQ(a.link.story, b.link.story);
  EXPECT_LT(b.link.gap_days, 0);  // unknown
}

TEST(Linker, ReplayRebuildsTheSameState) {
  std::vector<Doc> docs;
  docs.push_back(make("a", "Crue de la Loire à Saumur", kFloodA, "2024-03-01T08:00:00Z"));
  docs.push_back(make("m", "Marathon de Nantes", kMarathon, "2024-03-01T09:00:00Z"));
  docs.push_back(make("b", "Saumur : quarante évacués", edited(kFloodA), "2024-03-01T10:00:00Z"));
  Linker live;
  for (auto& d : docs) live.link(d);
  Linker rebuilt;
  for (const auto& d : docs) {
    rebuilt.replay(d.id, d.features, d.published, d.link.story, d.link.duplicate_of, UtteranceGrouper::records_of(d));
  }
  Doc next1 = make("n", "Crue : Saumur compte ses dégâts", kFloodB, "2024-03-02T10:00:00Z");
  Doc next2 = make("n", "Crue : Saumur compte ses dégâts", kFloodB, "2024-03-02T10:00:00Z");
  live.link(next1);
  rebuilt.link(next2);
  EXPECT_EQ(next1.link.story, next2.link.story);
  EXPECT_DOUBLE_EQ(next1.link.similarity, next2.link.similarity);
  EXPECT_EQ(next1.link.order, next2.link.order);
}

TEST(PublicationOrder, DatedFirstUndatedStayAfterTheirPredecessor) {
  std::vector<Doc> docs;
  docs.push_back(make("late", "t", "x", "2024-03-03"));
  docs.push_back(make("undated", "t", "x"));
  docs.push_back(make("early", "t", "x", "2024-03-01"));
  docs.push_back(make("tie", "t", "x", "2024-03-01"));
  const auto order = publication_order(docs);
  std::vector<std::string> ids;
  for (size_t i : order) ids.push_back(docs[i].id);
  EXPECT_EQ(ids, (std::vector<std::string>{"early", "tie", "late", "undated"}));
}

}  // namespace
}  // namespace recoupe
