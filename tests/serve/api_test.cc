#include "serve/api.h"

#include <gtest/gtest.h>

#include "common/utf8.h"
#include "support/sample_store.h"

namespace recoupe::serve {
namespace {

TEST(ApiText, InvalidUtf8BecomesReplacementCharacters) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"Élysée", "Élysée"},
      {"a\xff" "b", "a\xEF\xBF\xBD" "b"},
      {"cut \xc3", "cut \xEF\xBF\xBD"},
      {"\xed\xa0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // an encoded surrogate
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(utf8::with_replacements(c.in), c.out) << c.in;
  EXPECT_EQ(Api::error_body(400, "bad \xff"), "{\"error\":\"bad \xEF\xBF\xBD\",\"status\":400}");
}

using ApiTest = testing::SampleStore;

TEST_F(ApiTest, StoryGroupsQuotationsByUtteranceAndListsWhatItHolds) {
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok());
  Api api(*reader.value());
  auto list = reader.value()->stories({});
  auto body = api.story(list->stories[1].label);
  ASSERT_TRUE(body.ok());
  const std::string& j = body.value();
  // One quotation group (u1) with both wordings, in article order.
  EXPECT_NE(j.find("\"quotations\":[{\"utterance\":\"u1\",\"speaker\":\"Lucie Bernardin\",\"versions\":[{\"article\":\"a\""),
            std::string::npos) << j;
  EXPECT_NE(j.find("Nous tiendrons aussi longtemps"), std::string::npos);
  EXPECT_NE(j.find("\"flags\":[{\"flag\":\"stock-author-bio\",\"articles\":[\"a\",\"b\"]}]"), std::string::npos) << j;
  EXPECT_NE(j.find("\"dates\":[{\"value\":\"2024-05-06\",\"type\":\"DATE\",\"mentions\":[{\"article\":\"a\""),
            std::string::npos) << j;
  EXPECT_NE(j.find("\"timeline\":[{\"day\":\"2024-05-06\",\"articles\":[\"a\"]},{\"day\":\"2024-05-07\""),
            std::string::npos) << j;
  // Where: "Nantes : l'aéroport perturbé…" heads a title; "l'aéroport de Nantes" alone would not say it.
  EXPECT_NE(j.find("\"event_place\":\"Nantes\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"sources\":[{\"name\":\"Le Courrier\",\"articles\":1},{\"name\":\"Ouest Matin\",\"articles\":1}]"),
            std::string::npos) << j;
  for (const char* bad : {"s", "x1", "s1x", "s99999999999999999999"}) {
    auto r = api.story(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, Errc::kNotFound);
  }
}

}  // namespace
}  // namespace recoupe::serve
