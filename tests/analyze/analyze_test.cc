#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "analyze/components.h"
#include "analyze/lexicon.h"
#include "clean/cleaner.h"
#include "common/string_store.h"
#include "doc/serializer.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

Doc analysed(const std::string& title, const std::string& text) {
  RawRecord r;
  r.id = "t";
  r.title = title;
  r.text = text;
  return testing::analysed_doc(std::move(r));
}

std::vector<std::string> words(const Doc& d, Field f) {
  std::vector<std::string> out;
  for (const auto& t : d.tokens)
    if (t.span.field == f && t.has(Token::kWord)) out.emplace_back(d.text(t.span));
  return out;
}

TEST(Pipeline, RefusesUnmetRequirementsAndUnknownNames) {
  auto bad_order = Pipeline::build({"lexical", "segmenter"});
  ASSERT_FALSE(bad_order.ok());
  EXPECT_NE(bad_order.error().message.find("requires 'doc.tokens'"), std::string::npos);
  auto unknown = Pipeline::build({"segmenter", "nope"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown component 'nope'"), std::string::npos);
  auto good = Pipeline::build(Pipeline::default_names());
  ASSERT_TRUE(good.ok());
  EXPECT_NE(good->explain().find("link_features"), std::string::npos);
}

// A component that writes its name into the document's source, to show the order the group ran in, and
// throws on the document whose id it is told.
class Recorder : public Component {
 public:
  Recorder(std::string name, std::string fail_on, std::vector<std::string>& log)
      : name_(std::move(name)), fail_on_(std::move(fail_on)), log_(log) {}
  std::string name() const override { return name_; }
  std::vector<std::string> assigns() const override { return {"doc." + name_}; }
  void process(Doc& doc) const override {
    if (doc.id == fail_on_) throw std::runtime_error("cannot read " + doc.id);
    log_.push_back(name_ + ":" + doc.id);
  }

 private:
  std::string name_, fail_on_;
  std::vector<std::string>& log_;
};

TEST(Pipeline, AGroupRunsComponentAfterComponentAndLeavesAFailedDocumentOut) {
  std::vector<std::string> log;
  ComponentRegistry registry;
  registry.add("first", [&] { return std::make_unique<Recorder>("first", "b", log); });
  registry.add("second", [&] { return std::make_unique<Recorder>("second", "", log); });
  auto pipeline = Pipeline::build({"first", "second"}, registry);
  ASSERT_TRUE(pipeline.ok());
  std::vector<Doc> docs(3);
  docs[0].id = "a";
  docs[1].id = "b";
  docs[2].id = "c";
  const std::vector<std::string> failures = pipeline->process(std::span<Doc>(docs));
  EXPECT_EQ(log, (std::vector<std::string>{"first:a", "first:c", "second:a", "second:c"}));
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0], "");
  EXPECT_EQ(failures[1], "first: cannot read b");
  EXPECT_EQ(failures[2], "");
}

TEST(Pipeline, AGroupGivesWhatDocumentAfterDocumentGives) {
  // Components keep per-thread caches: none may carry one document's state into the next one's analysis.
  const std::vector<std::pair<std::string, std::string>> articles = {
      {"Grève à la gare de Brévannes", "« Nous ne céderons pas », a déclaré hier Hélène Marchetti, secrétaire du "
                                        "syndicat. Le trafic reprendra lundi 16 juin, selon la direction."},
      {"Le maire de Sorbe inaugure le pont", "Le maire, Paul Vernet, a coupé le ruban samedi. « C'est un grand "
                                              "jour », a-t-il dit devant deux cents habitants."},
      {"", "Il pleuvra cette semaine sur la Bretagne et la Normandie, annonce Météo-France."},
  };
  auto pipeline = Pipeline::build(Pipeline::default_names());
  ASSERT_TRUE(pipeline.ok());
  std::vector<Doc> group;
  std::string one_by_one;
  for (size_t i = 0; i < articles.size(); ++i) {
    RawRecord r;
    r.id = "g" + std::to_string(i);
    r.title = articles[i].first;
    r.text = articles[i].second;
    r.published = "2025-06-14T10:00:00+02:00";
    Result<Doc> alone = make_doc(RawRecord(r));
    Result<Doc> grouped = make_doc(std::move(r));
    ASSERT_TRUE(alone.ok() && grouped.ok());
    pipeline->process(*alone);
    append_contract_json(*alone, one_by_one);
    group.push_back(std::move(grouped.value()));
  }
  const std::vector<std::string> failures = pipeline->process(std::span<Doc>(group));
  std::string together;
  for (size_t i = 0; i < group.size(); ++i) {
    EXPECT_EQ(failures[i], "");
    append_contract_json(group[i], together);
  }
  EXPECT_EQ(together, one_by_one);
  EXPECT_NE(together.find("Hélène Marchetti"), std::string::npos);
}

TEST(Segmenter, SentencesIncludingGluedOnes) {
  Doc d = analysed("", "Le gouvernement a tranché jeudi.Les syndicats protestent. M. Dupont répond ce soir.");
  std::vector<std::string> sentences;
  for (const auto& s : d.sentences) sentences.emplace_back(d.text(s));
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0], "Le gouvernement a tranché jeudi.");
  EXPECT_EQ(sentences[1], "Les syndicats protestent.");
  EXPECT_EQ(sentences[2], "M. Dupont répond ce soir.");  // no break after the abbreviation "M."
}

TEST(Segmenter, SentenceOffsetsAreBytesPastWideCharacters) {
  // ICU finds the breaks in UTF-16: two- and three-byte characters and a four-byte one (two UTF-16
  // units) before a break must still give byte offsets.
  Doc d = analysed("", "Un été à Noël \U0001F600 fini. « Déjà » répond-il\u2026 ensuite. Puis \U0001D11E la fin.");
  std::vector<std::string> sentences;
  for (const auto& s : d.sentences) sentences.emplace_back(d.text(s));
  const std::vector<std::string> want = {"Un été à Noël \U0001F600 fini.", "« Déjà » répond-il\u2026 ensuite.",
                                         "Puis \U0001D11E la fin."};
  EXPECT_EQ(sentences, want);
}

TEST(Segmenter, AGluedFullStopSplitsTheWords) {
  // Paragraph breaks lost: "Vidal.L'avocat" is two sentences; "U.S.A" and "Franceinfo.fr" are one word.
  Doc d = analysed("", "Il a vu Me Paul Vidal.L'avocat parle aux U.S.A et sur Franceinfo.fr demain.");
  const auto w = words(d, Field::kText);
  const std::vector<std::string> want = {"Il", "a", "vu", "Me", "Paul", "Vidal", "L'", "avocat", "parle", "aux",
                                         "U.S.A", "et", "sur", "Franceinfo.fr", "demain"};
  EXPECT_EQ(w, want);
}

TEST(Segmenter, ElisionIsSplitAndOffsetsAreExact) {
  Doc d = analysed("", "L’annonce qu'il a faite aujourd'hui, à l'Élysée.");
  const auto w = words(d, Field::kText);
  const std::vector<std::string> want = {"L’", "annonce", "qu'", "il", "a", "faite", "aujourd'hui", "à", "l'", "Élysée"};
  EXPECT_EQ(w, want);
  for (const auto& t : d.tokens) {
    ASSERT_LE(t.span.end, d.field(t.span.field).size());
    ASSERT_LT(t.span.begin, t.span.end);
  }
  // "Élysée" follows an elided article, mid-sentence: capitalised, not a sentence start.
  auto it = std::find_if(d.tokens.begin(), d.tokens.end(), [&](const Token& t) { return d.text(t.span) == "Élysée"; });
  ASSERT_NE(it, d.tokens.end());
  EXPECT_TRUE(it->has(Token::kCapitalized));
  EXPECT_FALSE(it->has(Token::kSentenceStart));
}

TEST(Segmenter, DictionaryScriptsGoToIcuWithoutSpaceTokens) {
  Doc d = analysed("", "東京で会議。\u3000参加者 百人。");
  ASSERT_FALSE(d.tokens.empty());
  for (const auto& t : d.tokens) {
    const std::string_view piece = d.text(t.span);
    EXPECT_NE(piece, "\u3000");  // the ideographic space is no token
    EXPECT_NE(piece, " ");
  }
  EXPECT_GE(words(d, Field::kText).size(), 4u);
}

TEST(Lexical, StemsFoldAndStopwords) {
  Doc d = analysed("", "Les manifestations et la manifestation. Élections, election, ÉLECTION.");
  std::vector<const Token*> w;
  for (const auto& t : d.tokens)
    if (t.has(Token::kWord)) w.push_back(&t);
  ASSERT_EQ(w.size(), 8u);
  EXPECT_TRUE(w[0]->has(Token::kStop));   // Les
  EXPECT_FALSE(w[1]->has(Token::kStop));  // manifestations
  EXPECT_EQ(w[1]->term, w[4]->term);      // manifestations ~ manifestation
  EXPECT_EQ(w[5]->term, w[6]->term);      // Élections ~ election
  EXPECT_EQ(w[6]->term, w[7]->term);      // election ~ ÉLECTION
  EXPECT_NE(w[1]->term, w[5]->term);
  EXPECT_TRUE(is_stopword("les"));
  EXPECT_FALSE(is_stopword("gouvernement"));
}

TEST(Language, FrenchAndEnglish) {
  Doc fr = analysed("Le conseil municipal vote le budget",
                    "Les élus se sont réunis mardi soir pour adopter le budget de la commune, malgré l'opposition.");
  EXPECT_EQ(fr.lang, "fr");
  Doc en = analysed("The city council votes on the budget",
                    "Councillors met on Tuesday evening to adopt the town budget despite the opposition.");
  EXPECT_EQ(en.lang, "en");
}

TEST(LinkFeatures, TitleWeighsMoreAndNamesAreFound) {
  Doc d = analysed("Incendie à Montrevel", "Un incendie a détruit un entrepôt. Les pompiers de Montrevel sont intervenus.");
  const auto& terms = d.features.terms;
  ASSERT_FALSE(terms.empty());
  EXPECT_TRUE(std::is_sorted(terms.begin(), terms.end(), [](auto& a, auto& b) { return a.term < b.term; }));
  auto weight_of = [&](const char* surface) {
    for (const auto& t : d.tokens) {
      if (d.text(t.span) == surface) {
        for (const auto& tw : terms)
          if (tw.term == t.term) return tw.weight;
      }
    }
    return 0.0f;
  };
  EXPECT_GT(weight_of("incendie"), weight_of("entrepôt"));  // also in the title
  EXPECT_GT(weight_of("Montrevel"), weight_of("pompiers"));  // a name
  EXPECT_EQ(weight_of("les"), 0.0f);                          // stopwords carry nothing
  EXPECT_EQ(d.features.minhash.size(), static_cast<size_t>(LinkFeatures::kMinhashSize));
}

TEST(LinkFeatures, MinhashIgnoresTheTitle) {
  const std::string body = "Le conseil départemental a voté mardi un plan de cinq millions d'euros pour les routes.";
  Doc a = analysed("Un titre", body);
  Doc b = analysed("Un tout autre titre pour la reprise", body);
  EXPECT_EQ(a.features.minhash, b.features.minhash);
  Doc c = analysed("Un titre", "Rien à voir : la saison de pêche ouvre samedi dans le département.");
  EXPECT_NE(a.features.minhash, c.features.minhash);
}

TEST(LinkFeatures, EachTermOnceWhenAnEntityIsNamedAgain) {
  // The entity terms join the words' terms: a person named three times is one term, its weights summed.
  Doc d = analysed("Jeanne Vautrin en visite",
                   "Jeanne Vautrin a inauguré le pont lundi. Le soir, Jeanne Vautrin a dîné avec les élus du canton.");
  ASSERT_TRUE(d.entities);
  const auto& terms = d.features.terms;
  EXPECT_EQ(std::adjacent_find(terms.begin(), terms.end(), [](auto& a, auto& b) { return a.term >= b.term; }), terms.end());
  size_t entity_terms = 0;
  for (const auto& tw : terms) entity_terms += StringStore::global().lookup(tw.term) == "Jeanne Vautrin";
  EXPECT_EQ(entity_terms, 1u);
}

TEST(LinkFeatures, SpellingsOfOneEntityShareANameTerm) {
  // Two spellings of one person, which no stem has in common: the canonical entity links them.
  Doc a = analysed("Visite à Sotchi", "Le dirigeant Alexander Lukashenko a rencontré Vladimir Poutine lundi.");
  Doc b = analysed("Visite à Sotchi", "Alexandre Loukachenko a rencontré Vladimir Poutine lundi.");
  ASSERT_TRUE(a.entities && b.entities);
  std::vector<uint64_t> shared;
  std::set_intersection(a.features.names.begin(), a.features.names.end(), b.features.names.begin(),
                        b.features.names.end(), std::back_inserter(shared));
  std::vector<std::string> readable;
  for (uint64_t h : shared) readable.push_back(StringStore::global().lookup(h));
  EXPECT_NE(std::find(readable.begin(), readable.end(), "Alexandre Loukachenko"), readable.end())
      << ::testing::PrintToString(readable);
}

}  // namespace
}  // namespace recoupe
