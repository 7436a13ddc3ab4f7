#include "store/store_reader.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unicode/uchar.h>

#include "common/timestamp.h"
#include "common/utf8.h"
#include "store/fts_tokenizer.h"
#include "support/sample_store.h"

namespace recoupe {
namespace {

using testing::SampleStore;

TEST(FtsTerms, FoldsAndStemsFrench) {
  // Case, accents and French endings meet; elided articles are words of their own.
  struct Case {
    const char* a;
    const char* b;
  } same[] = {{"grève", "GREVES"}, {"élections", "Election"}, {"évacués", "évacuation"}, {"inondées", "inondation"}};
  for (const auto& c : same) {
    auto a = fts_terms(c.a), b = fts_terms(c.b);
    ASSERT_EQ(a.size(), 1u) << c.a;
    EXPECT_EQ(a, b) << c.a << " / " << c.b;
  }
  EXPECT_EQ(fts_terms("l'aéroport de Nantes").size(), 4u);
  EXPECT_NE(fts_terms("grève"), fts_terms("greffe"));
  EXPECT_TRUE(fts_terms(" … « » — ").empty());
  EXPECT_EQ(fts_terms("a\xff" "b").size(), 2u);  // invalid bytes separate words, never crash
}

TEST(FtsTokenizer, SpansAreThoseOfTheTokens) {
  // Accents, ligatures, digits, elisions, a word of combining marks alone (no token), one that opens with a
  // mark, one too long to stem.
  const std::string text = "L'\u0153uvre \u00c7a 2024 na\u00efve \u0301 \u0301x ABC " + std::string(80, 'z') +
                           " \u00e9t\u00e9s fin";
  FtsTokenizer t;
  std::vector<std::pair<size_t, size_t>> expected;
  for (const FtsToken& token : t.tokens(text)) expected.emplace_back(token.start, token.end);
  ASSERT_EQ(expected.size(), 10u);  // all the words but the lone mark
  EXPECT_EQ(t.spans(text), expected);
  const std::vector<std::pair<size_t, size_t>> first3(expected.begin(), expected.begin() + 3);
  EXPECT_EQ(t.spans(text, 3), first3);
  EXPECT_TRUE(t.spans(text, 0).empty());
}

TEST(FtsTokenizer, EveryWordOpeningWithALetterOrDigitMakesATerm) {
  // What spans() counts on: no letter or digit of Unicode stems or folds to nothing.
  FtsTokenizer t;
  size_t checked = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (!u_isalnum(c)) continue;
    std::string word;
    utf8::append(word, static_cast<char32_t>(c));
    ++checked;
    const auto tokens = t.tokens(word);
    ASSERT_EQ(tokens.size(), 1u) << "U+" << std::hex << c;
    ASSERT_FALSE(tokens[0].term.empty()) << "U+" << std::hex << c;
  }
  EXPECT_GT(checked, 100000u);
}

TEST(MatchExpression, QuotesEveryWordAndDropsSyntax) {
  EXPECT_EQ(StoreReader::match_expression("grève Nantes"), "\"grève\" \"Nantes\"");
  EXPECT_EQ(StoreReader::match_expression("a OR b* \"c\" NEAR(d)"), "\"a\" \"OR\" \"b\" \"c\" \"NEAR\" \"d\"");
  EXPECT_EQ(StoreReader::match_expression("*** \" ' ()"), "");
}

TEST_F(SampleStore, StoriesFiltersAndOrder) {
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  StoryQuery q;
  auto all = reader.value()->stories(q);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 2);
  EXPECT_EQ(all->stories[0].title, "Fête du pain à Vannes");  // newest first
  q.sort = StoryQuery::Sort::kBiggest;
  EXPECT_EQ(reader.value()->stories(q)->stories[0].articles, 2);
  q = {};
  q.entity = "Lucie Bernardin";
  EXPECT_EQ(reader.value()->stories(q)->total, 1);
  q = {};
  q.source = "Le Courrier";
  EXPECT_EQ(reader.value()->stories(q)->total, 1);
  q = {};
  q.text = "grèves";
  EXPECT_EQ(reader.value()->stories(q)->total, 1);
  q.text = "***";
  auto bad = reader.value()->stories(q);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::kBadInput);
  q = {};
  q.from = Timestamp::parse("2024-05-08")->seconds;
  EXPECT_EQ(reader.value()->stories(q)->total, 1);
  q = {};
  q.limit = 1;
  q.offset = 1;
  auto second = reader.value()->stories(q);
  EXPECT_EQ(second->total, 2);
  ASSERT_EQ(second->stories.size(), 1u);
  EXPECT_EQ(second->stories[0].articles, 2);
}

TEST_F(SampleStore, StoryEntityAndSearch) {
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  auto page = reader.value()->stories({});
  const int64_t strike = page->stories[1].id;
  auto d = reader.value()->story(strike);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->articles.size(), 2u);
  EXPECT_EQ(d->articles[0].id, "a");  // publication order
  EXPECT_EQ(d->articles[0].flags, std::vector<std::string>{"stock-author-bio"});
  ASSERT_EQ(d->entities.size(), 2u);
  EXPECT_EQ(d->entities[0].articles, 2);
  EXPECT_EQ(d->quotes.size(), 2u);
  EXPECT_EQ(d->quotes[1].quote, "Nous tiendrons aussi longtemps qu'il le faudra");
  ASSERT_EQ(d->dates.size(), 2u);
  EXPECT_EQ(d->dates[0].value, "2024-05-06");
  EXPECT_EQ(reader.value()->story(9999).error().code, Errc::kNotFound);

  auto e = reader.value()->entity("Nantes");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->entity.articles, 2);
  EXPECT_EQ(e->entity.mentions, 4);  // twice in each article's analysis
  EXPECT_EQ(e->days.size(), 2u);
  auto speaker = reader.value()->entity("Lucie Bernardin");
  ASSERT_TRUE(speaker.ok());
  EXPECT_EQ(speaker->quotes.size(), 2u);
  EXPECT_EQ(reader.value()->entity("Personne").error().code, Errc::kNotFound);
  int64_t total = 0;
  auto list = reader.value()->entities("nan", "", 10, 0, &total);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(total, 1);

  auto hits = reader.value()->search("AEROPORT greve", 10, 0);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->total, 2);
  EXPECT_NE(hits->hits[0].snippet.find('\x02'), std::string::npos);
  EXPECT_EQ(hits->hits[0].article, "b");  // the last stored first
  auto best = reader.value()->search("aéroport de Nantes grève", 1, 0, true);
  ASSERT_TRUE(best.ok());
  EXPECT_EQ(best->total, 2);
  ASSERT_EQ(best->hits.size(), 1u);
  EXPECT_EQ(reader.value()->search("boulangère", 10, 0)->total, 1);
  EXPECT_EQ(reader.value()->search("boulanger aéroport", 10, 0)->total, 0);
  EXPECT_FALSE(hits->total_is_lower_bound);
}

TEST_F(SampleStore, CountsSearchMatchesUpToACap) {
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  // Two articles match. Capped at one (and no page asked for), the count stops there and says so.
  auto capped = reader.value()->search("AEROPORT greve", 0, 0, false, 1);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->total, 1);
  EXPECT_TRUE(capped->total_is_lower_bound);
  EXPECT_TRUE(capped->hits.empty());
  // A page of one moves the cap to offset + limit + 1, so whether a next page exists stays known.
  auto page = reader.value()->search("AEROPORT greve", 1, 0, false, 1);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  EXPECT_FALSE(page->total_is_lower_bound);
  ASSERT_EQ(page->hits.size(), 1u);
  EXPECT_EQ(page->hits[0].article, "b");
  // Exactly at the cap is exact.
  auto at = reader.value()->search("AEROPORT greve", 0, 0, true, 2);
  ASSERT_TRUE(at.ok());
  EXPECT_EQ(at->total, 2);
  EXPECT_FALSE(at->total_is_lower_bound);
}

TEST_F(SampleStore, CachedSearchesFollowTheDatabase) {
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  ASSERT_EQ(reader.value()->search("pain Vannes", 10, 0)->total, 1);
  EXPECT_EQ(reader.value()->search(" pain  Vannes", 10, 0)->total, 1);  // the same FTS5 query: one entry
  EXPECT_EQ(reader.value()->cached_searches(), 1u);
  {  // Another connection commits a new match: the cached answer must not be served.
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    std::vector<Doc> docs;
    docs.push_back(testing::sample_doc("d", "Le pain de Vannes primé", "Un pain de Vannes gagne le concours.",
                                       "2024-05-09T09:00:00+02:00", "Le Courrier"));
    Linker linker;
    ASSERT_TRUE(store.value()->load_into(linker).ok());
    for (auto& d : docs) linker.link(d);
    ASSERT_TRUE(store.value()->add(docs).ok());
  }
  auto after = reader.value()->search("pain Vannes", 10, 0);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, 2);
  ASSERT_EQ(after->hits.size(), 2u);
  EXPECT_EQ(after->hits[0].article, "d");
  EXPECT_EQ(reader.value()->cached_searches(), 1u);
  // Bounded: distinct pages beyond the size push the oldest out.
  for (int64_t offset = 0; offset < static_cast<int64_t>(StoreReader::kSearchCacheSize) + 5; ++offset) {
    ASSERT_TRUE(reader.value()->search("pain", 1, offset).ok());
  }
  EXPECT_EQ(reader.value()->cached_searches(), StoreReader::kSearchCacheSize);
}

TEST_F(SampleStore, SnippetsOfLongBodiesComeFromTheirStartWhenItMatches) {
  std::string body = "Le fournil ouvre ses portes.";
  for (int i = 0; i < 200; ++i) body += " Des mots sans rapport.";
  body += " Le fournil et le moulin ferment.";
  ASSERT_GT(body.size(), 4000u);
  {
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    std::vector<Doc> docs;
    docs.push_back(testing::sample_doc("e", "Portes ouvertes", body, "2024-05-09T09:00:00+02:00", "Le Courrier"));
    Linker linker;
    ASSERT_TRUE(store.value()->load_into(linker).ok());
    for (auto& d : docs) linker.link(d);
    ASSERT_TRUE(store.value()->add(docs).ok());
  }
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  // "fournil" opens the body: the window is there, and more text follows it.
  auto first = reader.value()->search("fournil", 10, 0);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->hits.size(), 1u);
  EXPECT_EQ(first->hits[0].snippet.rfind("Le \x02" "fournil\x03 ouvre", 0), 0u) << first->hits[0].snippet;
  EXPECT_TRUE(first->hits[0].snippet.ends_with("…"));
  // "moulin" is only past the scanned start: the whole body is read for it.
  auto late = reader.value()->search("moulin", 10, 0);
  ASSERT_TRUE(late.ok());
  ASSERT_EQ(late->hits.size(), 1u);
  EXPECT_NE(late->hits[0].snippet.find("\x02moulin\x03 ferment."), std::string::npos) << late->hits[0].snippet;
  // Only the title holds it ("ouvre" is another stem): the snippet is the title.
  auto title = reader.value()->search("ouvertes", 10, 0);
  ASSERT_TRUE(title.ok());
  ASSERT_EQ(title->hits.size(), 1u);
  EXPECT_EQ(title->hits[0].snippet, "Portes \x02ouvertes\x03");
  // A word of combining marks alone has no term and matches nothing: the next word is still the first term.
  auto mark = reader.value()->search("\u0301 fournil", 10, 0);
  ASSERT_TRUE(mark.ok());
  ASSERT_EQ(mark->hits.size(), 1u);
  EXPECT_EQ(mark->hits[0].snippet.rfind("Le \x02" "fournil\x03 ouvre", 0), 0u) << mark->hits[0].snippet;
}

TEST_F(SampleStore, SearchesAVersion3DatabaseOnceMigrated) {
  // Version 3 is version 4 without articles_search_row.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP INDEX articles_search_row; UPDATE meta SET value = '3' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  EXPECT_EQ(StoreReader::open(path_).error().code, Errc::kCorrupt);  // readers never migrate
  ASSERT_TRUE(Store::open(path_).ok());
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto hits = reader.value()->search("boulangers", 10, 0);
  ASSERT_TRUE(hits.ok()) << hits.error().message;
  ASSERT_EQ(hits->hits.size(), 1u);
  EXPECT_EQ(hits->hits[0].article, "c");
  EXPECT_EQ(hits->hits[0].title, "Fête du pain à Vannes");
  EXPECT_EQ(hits->hits[0].source, "Ouest Matin");
}

TEST_F(SampleStore, SnippetsMarkEveryWordOfTheQueryAndCountRepeatedTermsOnce) {
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  // "grève" and "grèves" are one term; the window holds two of the three words, as the title does, and the
  // body comes first on a tie (after the lead, empty here). The body is short: all of it, no ellipsis.
  auto hits = reader.value()->search("grève grèves Nantes", 10, 0);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->hits.size(), 2u);
  EXPECT_EQ(hits->hits[0].article, "b");
  EXPECT_EQ(hits->hits[0].snippet,
            "La \x02grève\x03 des agents de sûreté perturbe l'aéroport de \x02Nantes\x03 pour le deuxième jour. "
            "« Nous tiendrons aussi longtemps qu'il le faudra », dit Lucie Bernardin.");
}

TEST_F(SampleStore, ReindexesARewrittenAnalysisAndRefusesAnOldSchema) {
  Annotate("c", "Le pain, c'est la fête");
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader.value()->entity("Lucie Bernardin")->quotes.size(), 3u);
  Annotate("c", "Une autre phrase");  // replaced, not added
  EXPECT_EQ(reader.value()->entity("Lucie Bernardin")->quotes.size(), 3u);
  EXPECT_FALSE(StoreReader::open(path_ + ".absent").ok());
}

}  // namespace
}  // namespace recoupe
