// The entities component: mentions and types on sentences written for these tests, canonical grouping,
// exact byte offsets on accented text, the shipped model and gazetteer, and training end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "analyze/entities/canonical.h"
#include "analyze/entities/data.h"
#include "analyze/entities/gazetteer.h"
#include "analyze/entities/recognizer.h"
#include "analyze/entities/tagger.h"
#include "analyze/entities/training.h"
#include "doc/serializer.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

Doc analysed(const std::string& text, const std::string& title = "") {
  RawRecord r;
  r.id = "t";
  r.title = title;
  r.text = text;
  r.lang = "fr";
  return testing::analysed_doc(std::move(r));
}

struct Found {
  std::string text, type, canonical;
  bool operator<(const Found& o) const { return std::tie(text, type, canonical) < std::tie(o.text, o.type, o.canonical); }
};

std::vector<Found> found(const Doc& d) {
  std::vector<Found> out;
  for (const Entity& e : *d.entities) {
    out.push_back({std::string(d.text(e.span)), entity_type_name(e.type), e.canonical});
  }
  return out;
}

bool has(const std::vector<Found>& f, const std::string& text, const std::string& type) {
  return std::any_of(f.begin(), f.end(), [&](const Found& x) { return x.text == text && x.type == type; });
}

// Sentences of French news written for this test, and mentions the shipped model must find in them.
struct Case {
  const char* text;
  std::vector<std::pair<const char*, const char*>> want;  // (mention, type)
};

TEST(Entities, FindsPeoplePlacesAndOrganisations) {
  const Case cases[] = {
      {"Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz.",
       {{"Emmanuel Macron", "PER"}, {"Olaf Scholz", "PER"}}},
      {"La ministre s'est rendue à Marseille puis à Toulouse, selon l'AFP.",
       {{"Marseille", "LOC"}, {"Toulouse", "LOC"}, {"AFP", "ORG"}}},
      {"La CGT appelle à manifester devant le siège du groupe à Boulogne-Billancourt.",
       {{"CGT", "ORG"}, {"Boulogne-Billancourt", "LOC"}}},
      {"Selon Le Monde, la Commission européenne prépare des sanctions contre la Russie.",
       {{"Le Monde", "ORG"}, {"Commission européenne", "ORG"}, {"Russie", "LOC"}}},
      {"M. Dupont-Aignan a dénoncé la décision du Conseil constitutionnel.",
       {{"Dupont-Aignan", "PER"}, {"Conseil constitutionnel", "ORG"}}},
  };
  for (const Case& c : cases) {
    const Doc d = analysed(c.text);
    ASSERT_TRUE(d.entities.has_value());
    const auto f = found(d);
    for (const auto& [text, type] : c.want) EXPECT_TRUE(has(f, text, type)) << c.text << " lacks " << text << " " << type;
  }
}

// Regression: towns with hyphenated particles were read as people ("Rumigny-les-Bois" among a story's people,
// in the shipped sample, whose sentences these are).
TEST(Entities, HyphenatedPlaceNamesAreNotPeople) {
  const std::pair<const char*, const char*> kCases[] = {
      {"Rumigny-les-Bois : un hangar agricole et 300 bottes de paille partent en fumée",
       "Dans la nuit de mercredi à jeudi, un violent incendie a ravagé un hangar agricole de 800 mètres carrés situé "
       "à la sortie de Rumigny-les-Bois, sur la route de Liart."},
      {"Municipale de Saint-Véran-des-Landes : Jean-Baptiste Darrigade saisit le tribunal administratif",
       "Il demande l'annulation de l'élection municipale partielle de Saint-Véran-des-Landes."}};
  for (const auto& [title, text] : kCases) {
    const Doc d = analysed(text, title);
    ASSERT_TRUE(d.entities);
    size_t places = 0;
    for (const Entity& e : *d.entities) {
      const std::string_view name = d.text(e.span);
      if (name.find("-les-") == std::string_view::npos && name.find("-des-") == std::string_view::npos) continue;
      EXPECT_EQ(e.type, Entity::Type::kLoc) << name << " in: " << title;
      ++places;
    }
    EXPECT_GE(places, 2u) << title;  // the town, in the title and in the text
  }
}

TEST(Entities, NoTitlesRolesOrDemonyms) {
  const Doc d = analysed("Le ministre de l'Intérieur a rencontré les Français. M. Martin Leroux était présent.");
  for (const auto& f : found(d)) {
    EXPECT_EQ(f.text.find("M."), std::string::npos) << f.text;
    EXPECT_NE(f.text, "Français");
    EXPECT_NE(f.text, "ministre");
  }
  EXPECT_TRUE(has(found(d), "Martin Leroux", "PER"));
}

TEST(Entities, CanonicalGroupsSurnamesAndAcronyms) {
  const Doc d = analysed(
      "Jean Dupuis, maire de Brest, a reçu Sophie Kermarrec. M. Dupuis a salué son travail. "
      "Plus tard, Dupuis a annoncé sa candidature. L'Organisation mondiale de la santé (OMS) a publié un rapport. "
      "Selon l'OMS, la situation est grave.");
  std::map<std::string, std::set<std::string>> canonical;
  for (const auto& f : found(d)) canonical[f.text].insert(f.canonical);
  ASSERT_TRUE(canonical.count("Dupuis"));
  EXPECT_EQ(canonical["Dupuis"], std::set<std::string>{"Jean Dupuis"});
  EXPECT_EQ(canonical["Jean Dupuis"], std::set<std::string>{"Jean Dupuis"});
  ASSERT_TRUE(canonical.count("OMS"));
  EXPECT_EQ(canonical["OMS"], std::set<std::string>{"Organisation mondiale de la santé"});
}

TEST(Entities, CanonicalAcrossSpellingsAndCase) {
  // The gazetteer lists "Alexander Lukashenko" as a spelling of "Alexandre Loukachenko".
  const Doc en = analysed("Vladimir Poutine a reçu Alexander Lukashenko à Sotchi. Lukashenko a promis son soutien.");
  for (const auto& f : found(en)) {
    if (f.text.find("Lukashenko") != std::string::npos) {
      EXPECT_EQ(f.canonical, "Alexandre Loukachenko") << f.text;
    }
  }
  const Doc caps = analysed("VLADIMIR Poutine a reçu hier le président biélorusse.");
  const auto f = found(caps);
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f[0].canonical, "Vladimir Poutine");
  EXPECT_EQ(ner::normalise_name("JEAN-YVES Le Drian", true), "Jean-Yves Le Drian");
  EXPECT_EQ(ner::normalise_name("Ligue des droits de l\xE2\x80\x99homme", false), "Ligue des droits de l'homme");
  EXPECT_EQ(ner::normalise_name("EELV", true), "EELV");  // one word in capitals: an acronym, kept
}

TEST(Entities, OffsetsAreExactBytesOnAccentedText) {
  const std::string title = "Éloïse Bérégovoy à Besançon";
  const std::string text = "Après l’été, Éloïse Bérégovoy s’est installée à Besançon, près de la Franche-Comté.";
  const Doc d = analysed(text, title);
  ASSERT_FALSE(d.entities->empty());
  for (const Entity& e : *d.entities) {
    const std::string& field = d.field(e.span.field);
    ASSERT_LE(e.span.end, field.size());
    EXPECT_EQ(field.substr(e.span.begin, e.span.size()), std::string(d.text(e.span)));
  }
  const auto f = found(d);
  EXPECT_TRUE(has(f, "Besançon", "LOC"));
  const auto it = std::find_if(d.entities->begin(), d.entities->end(), [&](const Entity& e) {
    return e.span.field == Field::kText && d.text(e.span) == "Besançon";
  });
  ASSERT_NE(it, d.entities->end());
  EXPECT_EQ(it->span.begin, text.find("Besançon"));
  EXPECT_EQ(it->span.end, text.find("Besançon") + std::string("Besançon").size());
  // The contract's JSON names the field and the offsets.
  std::string json;
  append_contract_json(d, json);
  EXPECT_NE(json.find("\"entities\":[{\"field\":"), std::string::npos);
  EXPECT_NE(json.find("\"type\":\"LOC\",\"canonical\":\"Besançon\""), std::string::npos);
}

TEST(Entities, OtherLanguagesGetAnEmptyList) {
  RawRecord r;
  r.id = "en";
  r.text = "President Joe Biden met Chancellor Olaf Scholz in Washington on Tuesday.";
  r.lang = "en";
  const Doc d = testing::analysed_doc(std::move(r));
  ASSERT_TRUE(d.entities.has_value());
  EXPECT_TRUE(d.entities->empty());
}

// Model::score adds a row's eight weights as one 64-bit word, in parts of 256 features, and reads a row
// of zeros for a feature without one: the sums must be those of the weights one by one, for the extreme
// weights, for features whose row is not stored (before the first, between, after the last) and for
// lists longer than a part.
TEST(EntityModel, ScoreIsTheSumOfTheStoredRows) {
  std::map<uint32_t, std::array<int8_t, ner::kRow>> stored;
  for (uint32_t r : {5u, 6u, 64u, 700u, 701u, 131071u, 200000u}) {
    std::array<int8_t, ner::kRow> w{};
    for (size_t c = 0; c < w.size(); ++c) w[c] = static_cast<int8_t>(static_cast<int>((r * 37 + c * 91) % 255) - 127);
    stored[r] = w;
  }
  stored[700] = {127, 127, 127, 127, 127, 127, 127, 127};
  stored[701] = {-128, -128, -128, -128, -128, -128, -128, -128};
  std::string bytes = "RNER";
  auto put32 = [&](uint32_t v) { bytes.append(reinterpret_cast<const char*>(&v), 4); };
  put32(1);
  put32(ner::kRowBits);
  put32(static_cast<uint32_t>(stored.size()));
  const float scale = 1;
  bytes.append(reinterpret_cast<const char*>(&scale), 4);
  for (const auto& [r, w] : stored) {
    put32(r);
    bytes.append(reinterpret_cast<const char*>(w.data()), ner::kRow);
  }
  auto model = ner::Model::parse(bytes);
  ASSERT_TRUE(model.ok()) << model.error().message;
  auto feature = [](uint32_t row) { return (uint64_t{row} << (64 - ner::kRowBits)) | 0x1234; };
  // 7 and 65 are not stored but share a block with rows that are; 200001 comes after the last stored row.
  const std::vector<uint32_t> rows = {0, 5, 6, 7, 64, 65, 700, 701, 131071, 131072, 200000, 200001, 262143};
  for (size_t n : {size_t{0}, size_t{1}, size_t{12}, size_t{256}, size_t{257}, size_t{700}}) {
    std::vector<uint64_t> features;
    std::array<int64_t, ner::kRow> want{};
    for (size_t k = 0; k < n; ++k) {
      // Mostly the two extreme rows, so that long lists reach the largest sums a lane must hold.
      const uint32_t r = k % 3 == 0 ? rows[k % rows.size()] : (k % 3 == 1 ? 700u : 701u);
      features.push_back(feature(r));
      if (auto it = stored.find(r); it != stored.end()) {
        for (size_t c = 0; c < want.size(); ++c) want[c] += it->second[c];
      }
    }
    std::array<int32_t, ner::kRow> got{};
    got.fill(1000);  // score() adds to what is there
    model->score(features, got.data());
    for (size_t c = 0; c < got.size(); ++c) EXPECT_EQ(got[c], want[c] + 1000) << n << " " << c;
  }
}

TEST(EntityModel, ShippedModelLoadsAndTags) {
  auto model = ner::Model::parse(ner::data::model());
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_GT(model->nonzero_rows(), 1000u);
  EXPECT_GT(ner::Gazetteer::builtin().size(), 1000u);
  const Doc d = analysed("Gérald Darmanin s'est rendu à Lille.");
  const auto f = found(d);
  EXPECT_TRUE(has(f, "Gérald Darmanin", "PER"));
  EXPECT_TRUE(has(f, "Lille", "LOC"));
  EXPECT_FALSE(ner::Model::parse("RNER\x02").ok());
  EXPECT_FALSE(ner::Model::parse("nope").ok());
}

// Document hints: a capitalised word learns whether its form is seen capitalised mid-sentence and whether it
// is seen in lower case anywhere in the article, before or after it; a lower-case word takes no hint.
TEST(EntityModel, HintsSayWhereElseAFormIsCapitalisedOrLowerCase) {
  const Doc d = analysed("Verger est venu. Le Verger de la ville a rouvert. On a taillé le verger hier. "
                         "Tassin a parlé. Puis Tassin est parti.");
  ner::DocView view;
  ner::build_view(d, ner::Gazetteer::builtin(), view);
  std::vector<std::pair<std::string, int>> got;
  for (const ner::TokenView& v : view.tokens) {
    if (v.surface == "Verger" || v.surface == "verger" || v.surface == "Tassin") got.emplace_back(v.surface, v.hint);
  }
  const int both = ner::kSeenCapitalMid | ner::kSeenLower;
  const std::vector<std::pair<std::string, int>> want = {
      {"Verger", both}, {"Verger", both}, {"verger", 0}, {"Tassin", ner::kSeenCapitalMid},
      {"Tassin", ner::kSeenCapitalMid}};
  EXPECT_EQ(got, want);
}

// The view lists the capitalised tokens, in order, for the search of names the tagger left out
// (recognizer.cc); a view built again for another text keeps none of the first one's.
TEST(EntityModel, ViewListsTheCapitalisedTokens) {
  const Doc first = analysed("Au Nord de Valbrune, la Loire déborde. Selon Anne, l'ÉTAT n'a rien vu.");
  const Doc second = analysed("rien de neuf. Puis rien.");
  ner::DocView view;
  ner::build_view(first, ner::Gazetteer::builtin(), view);
  std::vector<std::string_view> got;
  for (const uint32_t i : view.capitalised) got.push_back(view.tokens[i].surface);
  const std::vector<std::string_view> want = {"Au", "Nord", "Valbrune", "Loire", "Selon", "Anne", "ÉTAT"};
  EXPECT_EQ(got, want);
  ner::build_view(second, ner::Gazetteer::builtin(), view);
  ASSERT_EQ(view.capitalised.size(), 1u);
  EXPECT_EQ(view.tokens[view.capitalised[0]].surface, "Puis");
}

// The tagger adds up a token's own features once per thread and model (tagger.cc): own and context features
// must be the whole feature set, tokens with one key must have the same own features, and a thread that
// switches models must not reuse the other model's sums.
TEST(EntityModel, OwnFeaturesAreSummedOncePerModel) {
  const Doc d = analysed("Mme Odile Verchère a rencontré Paul Tassin à Grenoble. Paul Tassin a parlé avec Odile Verchère.");
  ner::DocView view;
  ner::build_view(d, ner::Gazetteer::builtin(), view);
  ASSERT_EQ(view.sentences.size(), 2u);
  std::map<std::pair<uint64_t, uint64_t>, std::vector<uint64_t>> own_by_key;
  for (const auto& [b, e] : view.sentences) {
    for (size_t i = b; i < e; ++i) {
      std::vector<uint64_t> all, parts, own;
      ner::static_features(view, b, e, i, false, all);
      ner::history_features(view, i, ner::kBPer, ner::kO, false, all);
      ner::static_features(view, b, e, i, false, own, ner::kOwnFeatures);
      ner::history_features(view, i, ner::kBPer, ner::kO, false, own, ner::kOwnFeatures);
      parts = own;
      ner::static_features(view, b, e, i, false, parts, ner::kContextFeatures);
      ner::history_features(view, i, ner::kBPer, ner::kO, false, parts, ner::kContextFeatures);
      std::sort(all.begin(), all.end());
      std::sort(parts.begin(), parts.end());
      EXPECT_EQ(parts, all) << i;
      const ner::OwnKey key = ner::own_key(view, b, i);
      auto [it, fresh] = own_by_key.try_emplace({key.form, key.marks}, own);
      if (!fresh) {
        EXPECT_EQ(it->second, own) << i;  // "Paul Tassin", "Odile Verchère" come back
      }
    }
  }
  EXPECT_LT(own_by_key.size(), view.tokens.size());

  // A second model: the shipped one with every weight negated.
  std::string bytes(ner::data::model());
  const size_t header = 4 + 4 * 4;
  for (size_t row = header; row + 4 + ner::kRow <= bytes.size(); row += 4 + ner::kRow) {
    for (int c = 0; c < ner::kRow; ++c) bytes[row + 4 + c] = static_cast<char>(-static_cast<int8_t>(bytes[row + 4 + c]));
  }
  auto negated = ner::Model::parse(bytes);
  ASSERT_TRUE(negated.ok()) << negated.error().message;
  const ner::Model& shipped = ner::Model::builtin();
  ASSERT_NE(negated->id(), shipped.id());
  auto tag_all = [&](const ner::Model& m) {
    std::vector<uint8_t> out, tags;
    for (const auto& [b, e] : view.sentences) {
      ner::tag_sentence(m, view, b, e, tags);
      out.insert(out.end(), tags.begin(), tags.end());
    }
    return out;
  };
  std::vector<uint8_t> fresh_negated;
  std::thread([&] { fresh_negated = tag_all(*negated); }).join();
  const std::vector<uint8_t> first = tag_all(shipped);
  EXPECT_EQ(tag_all(*negated), fresh_negated);  // after the shipped model, on the same thread
  EXPECT_NE(fresh_negated, first);
  EXPECT_EQ(tag_all(shipped), first);
}

// The tagger scores the context features that read no word from tables of every code (tagger.h,
// score_codes()): own, word-context and code features must be the whole feature set, the tables must
// give the sums that scoring the code features one by one gives, and score_context() the sums of both parts.
TEST(EntityModel, CodeFeaturesAreTheContextFeaturesThatReadNoWord) {
  const Doc d = analysed("« Le maire de Brivezac, M. Aurélien Troude, a dit : non. » Selon l'AFP, tout va bien.");
  ner::DocView view;
  ner::build_view(d, ner::Gazetteer::builtin(), view);
  const ner::Model& model = ner::Model::builtin();
  size_t with_trigger = 0, at_edges = 0;
  for (const auto& [b, e] : view.sentences) {
    for (size_t i = b; i < e; ++i) {
      for (const auto& [prev, prev2] : {std::pair{ner::kO, ner::kO}, std::pair{ner::kIPer, ner::kBPer}}) {
        std::vector<uint64_t> all, parts, codes_alone;
        ner::static_features(view, b, e, i, false, all);
        ner::history_features(view, i, prev, prev2, false, all);
        ner::static_features(view, b, e, i, false, parts, ner::kOwnFeatures);
        ner::history_features(view, i, prev, prev2, false, parts, ner::kOwnFeatures);
        ner::static_features(view, b, e, i, false, parts, ner::kWordContextFeatures);
        uint32_t codes[ner::kCodeFeatureCount];
        ner::feature_codes(view, b, e, i, prev, prev2, codes);
        for (int f = 0; f < ner::kCodeFeatureCount; ++f) {
          ASSERT_LT(codes[f], ner::kCodeCounts[f]) << i << " " << f;
          uint64_t feature = 0;
          if (ner::code_feature(static_cast<ner::CodeFeature>(f), codes[f], feature)) codes_alone.push_back(feature);
        }
        parts.insert(parts.end(), codes_alone.begin(), codes_alone.end());
        std::sort(all.begin(), all.end());
        std::sort(parts.begin(), parts.end());
        EXPECT_EQ(parts, all) << i;
        std::array<int32_t, ner::kRow> one_by_one{}, tables{};
        model.score(codes_alone, one_by_one.data());
        model.score_codes(codes, tables.data());
        EXPECT_EQ(tables, one_by_one) << i;
        // The word-context features and the codes summed at once, as the tagger does.
        uint64_t words[ner::kWordContextCount];
        ner::word_context_features(view, b, e, i, words);
        std::array<int32_t, ner::kRow> apart{}, together{};
        model.score(words, ner::kWordContextCount, apart.data());
        model.score_codes(codes, apart.data());
        model.score_context(words, codes, together.data());
        EXPECT_EQ(together, apart) << i;
      }
      with_trigger += view.tokens[i].trigger != 0;
      at_edges += i == b || i + 1 == e;
    }
  }
  EXPECT_GT(with_trigger, 2u);  // "maire", "de", "M.", "Selon"... mark their neighbours
  EXPECT_GE(at_edges, 4u);
}

TEST(EntityGazetteer, MatchesTokensOfMultiWordNames) {
  ner::Gazetteer g;
  g.add_list("LOC\tPas-de-Calais\nORG\tOrganisation mondiale de la santé|OMS\nPER\tAlexandre Loukachenko|Alexander Lukashenko\n");
  const Doc d = analysed("Le Pas-de-Calais et l'OMS. Lukashenko parle.");
  ner::DocView view;
  ner::build_view(d, g, view);
  size_t pas = 0;
  while (pas < d.tokens.size() && d.text(d.tokens[pas].span) != "Pas") ++pas;
  ASSERT_LT(pas, d.tokens.size());
  EXPECT_TRUE(view.tokens[pas].gaz & ner::gaz_begin_bit(ner::kGazLoc));
  EXPECT_TRUE(view.tokens[pas + 4].gaz & ner::gaz_inside_bit(ner::kGazLoc));  // Pas - de - Calais
  uint64_t oms = ner::Gazetteer::kSeed;
  for (const Token& t : d.tokens) {
    if (d.text(t.span) == "OMS") oms = ner::Gazetteer::extend(oms, view.tokens[&t - d.tokens.data()].form);
  }
  ASSERT_NE(g.known_name(Entity::Type::kOrg, oms), nullptr);
  EXPECT_EQ(*g.known_name(Entity::Type::kOrg, oms), "Organisation mondiale de la santé");
}

TEST(EntityTraining, ReadsTheThreeFormats) {
  auto txt = ner::read_annotated(std::string(RECOUPE_FIXTURES) + "/entities/tiny.txt");
  ASSERT_TRUE(txt.ok()) << txt.error().message;
  ASSERT_EQ(txt->size(), 2u);  // two articles
  const auto& first = (*txt)[0];
  ASSERT_EQ(first.spans.size(), 6u);
  EXPECT_EQ(first.text.substr(first.spans[0].begin, first.spans[0].end - first.spans[0].begin), "Jean Dupont");
  EXPECT_EQ(first.spans[2].type, Entity::Type::kOrg);

  auto bio = ner::read_annotated(std::string(RECOUPE_FIXTURES) + "/entities/tiny.bio");
  ASSERT_TRUE(bio.ok()) << bio.error().message;
  ASSERT_EQ(bio->size(), 1u);
  const auto& b = (*bio)[0];
  ASSERT_EQ(b.spans.size(), 2u);  // "Monsieur" dropped from the person
  EXPECT_EQ(b.text.substr(b.spans[0].begin, b.spans[0].end - b.spans[0].begin), "Durand");

  auto tsv = ner::read_annotated(std::string(RECOUPE_FIXTURES) + "/entities/tiny.tsv");
  ASSERT_TRUE(tsv.ok()) << tsv.error().message;
  const auto& t = (*tsv)[0];
  EXPECT_EQ(t.text, "M. Poincaré, à Paris. ");
  ASSERT_EQ(t.spans.size(), 2u);
  EXPECT_EQ(t.text.substr(t.spans[0].begin, t.spans[0].end - t.spans[0].begin), "Poincaré");
  EXPECT_EQ(t.spans[1].type, Entity::Type::kLoc);

  EXPECT_FALSE(ner::parse_bracketed("[XYZ foo]", "x").ok());
  EXPECT_FALSE(ner::parse_bracketed("[PER foo", "x").ok());
}

TEST(EntityTraining, RoundTripLearnsATinyFixture) {
  auto texts = ner::read_annotated(std::string(RECOUPE_FIXTURES) + "/entities/tiny.txt");
  ASSERT_TRUE(texts.ok());
  std::vector<std::unique_ptr<ner::Prepared>> prepared;
  std::vector<std::pair<const ner::Prepared*, int>> training;
  std::vector<const ner::Prepared*> eval;
  for (const auto& t : *texts) {
    prepared.push_back(ner::prepare(t, ner::Gazetteer::builtin()));
    training.emplace_back(prepared.back().get(), 3);
    eval.push_back(prepared.back().get());
  }
  ner::TrainOptions options;
  options.epochs = 15;
  options.gazetteer_dropout = 0;
  const std::string bytes = ner::train(training, options, nullptr);
  auto model = ner::Model::parse(bytes);
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_GT(model->nonzero_rows(), 10u);
  // The model learnt its own training text (typed mentions, exact boundaries).
  const ner::MentionScore s = ner::evaluate(eval, bytes, ner::Gazetteer::builtin());
  EXPECT_GE(s.f1(), 0.9) << "tp " << s.tp << " fp " << s.fp << " fn " << s.fn;
  // Training is deterministic.
  EXPECT_EQ(ner::train(training, options, nullptr), bytes);
}

}  // namespace
}  // namespace recoupe

namespace recoupe {
namespace {

// Boundaries and types fixed by rules after the tagger, on sentences written for this test: each wanted
// mention found with its type, and no mention containing the `never` words.
TEST(Entities, BoundaryAndTypeRules) {
  struct Rule {
    const char* text;
    const char* mention;
    const char* type;
    const char* never;  // a word no mention may contain
  };
  const Rule cases[] = {
      {"L'ancien président George W. Bush a visité Dallas en mars.", "George W. Bush", "PER", "Dallas"},
      {"Elle a demandé au ministère de la Culture de publier le rapport.", "ministère de la Culture", "ORG",
       "publier"},
      {"Interrogé par France Info dimanche, le maire a démenti.", "France Info", "ORG", "dimanche"},
      {"Le dirigeant a parlé longuement, selon l'agence BelTA.", "BelTA", "ORG", "agence"},
      {"Cet ancien officier du KGB brutal et cynique a été limogé.", "KGB", "ORG", "brutal"},
  };
  for (const Rule& c : cases) {
    const Doc d = analysed(c.text);
    const auto f = found(d);
    EXPECT_TRUE(has(f, c.mention, c.type)) << c.text;
    for (const Found& x : f) EXPECT_EQ(x.text.find(c.never), std::string::npos) << c.text << " -> " << x.text;
  }
}

// The holders of photo credits, which the clean stage takes out of the text, are entities of the credits:
// the tagger's reading when it finds one, else an organisation (or a person, from a listed first name).
TEST(Entities, CreditHoldersAreEntitiesOfTheCredits) {
  const Doc d = analysed(
      "Le festival de Montrevel a ouvert ses portes vendredi.\n2 crédit : Atelier Norval\n"
      "Les organisateurs attendent dix mille visiteurs.\nCrédit photo : Studio Pelerin / Anne Ravoux\n"
      "Crédit : DR\n© Louis & Co.");
  ASSERT_EQ(d.field(Field::kCredits),
            "2 crédit : Atelier Norval\nCrédit photo : Studio Pelerin / Anne Ravoux\nCrédit : DR\n© Louis & Co.");
  std::vector<Found> credits;
  for (const Entity& e : d.credit_entities) {
    EXPECT_EQ(e.span.field, Field::kCredits);
    credits.push_back({std::string(d.text(e.span)), entity_type_name(e.type), e.canonical});
  }
  std::sort(credits.begin(), credits.end());
  const std::vector<Found> want = {{"Anne Ravoux", "PER", "Anne Ravoux"},
                                   {"Atelier Norval", "ORG", "Atelier Norval"},
                                   {"Louis & Co.", "ORG", "Louis & Co."},  // a firm, though "Louis" is a first name
                                   {"Studio Pelerin", "ORG", "Studio Pelerin"}};
  ASSERT_EQ(credits.size(), want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(credits[k].text, want[k].text);
    EXPECT_EQ(credits[k].type, want[k].type);
    EXPECT_EQ(credits[k].canonical, want[k].canonical);
  }
  // Not names of the article: nothing that reads `entities` (links, roles, speakers) sees them.
  for (const Found& f : found(d)) EXPECT_EQ(f.text.find("Norval"), std::string::npos) << f.text;

  // In the output: the credits echoed, and the entities' offsets into them.
  std::string json;
  append_contract_json(d, json);
  EXPECT_NE(json.find("\"credits\":\"2 crédit : Atelier Norval\\nCrédit photo : Studio Pelerin / Anne Ravoux\\nCrédit : DR"
                      "\\n© Louis & Co.\""),
            std::string::npos) << json;
  const std::string& text = d.field(Field::kCredits);
  const size_t at = text.find("Atelier Norval");
  EXPECT_NE(json.find("{\"field\":\"credits\",\"start\":" + std::to_string(at) + ",\"end\":" +
                      std::to_string(at + 14) + ",\"text\":\"Atelier Norval\",\"type\":\"ORG\""),
            std::string::npos) << json;
}

}  // namespace
}  // namespace recoupe
