#include <gtest/gtest.h>

#include "common/flat_hash_map.h"
#include "common/hash_bits.h"
#include "common/folding.h"
#include "common/json_writer.h"
#include "common/timestamp.h"
#include "common/utf8.h"
#include "common/word_set.h"

namespace recoupe {
namespace {

TEST(Utf8, FindInvalid) {
  struct Case {
    std::string text;
    size_t want;
  };
  const Case cases[] = {
      {"", std::string::npos},
      {"plain ascii text", std::string::npos},
      {"Élysée « café »", std::string::npos},
      {"emoji \xF0\x9F\x93\xB0 ok", std::string::npos},
      {"bad \xC3\x28 pair", 4},
      {"lone \xFF byte", 5},
      {"overlong \xC0\xAF", 9},
      {"surrogate \xED\xA0\x80", 10},
      {"cut at end \xE2\x80", 11},
      {"above max \xF4\x90\x80\x80", 10},
      {"0123456789abcdef\x80", 16},  // after the 8-byte ASCII fast path
  };
  for (const auto& c : cases) EXPECT_EQ(utf8::find_invalid(c.text), c.want) << c.text;
}

TEST(Utf8, TruncateKeepsWholeCodePoints) {
  EXPECT_EQ(utf8::truncate("abc", 10), "abc");
  EXPECT_EQ(utf8::truncate("éé", 3), "é");  // 'é' is 2 bytes: cutting at 3 would split the second
  EXPECT_EQ(utf8::truncate("éé", 2), "é");
  EXPECT_EQ(utf8::truncate("é", 1), "");
}

TEST(Timestamp, Parse) {
  struct Case {
    const char* text;
    bool ok;
    const char* date;
    Timestamp::Precision precision;
  };
  using P = Timestamp::Precision;
  const Case cases[] = {
      {"2022-09", true, "2022-09", P::kMonth},
      {"2022", true, "2022", P::kYear},
      {"2022-09-27", true, "2022-09-27", P::kDay},
      {"2022-09-27T10:41:53+02:00", true, "2022-09-27", P::kSecond},
      {"2022-09-27 10:41", true, "2022-09-27", P::kMinute},
      {"2020-06-15T01:04:22Z", true, "2020-06-15", P::kSecond},
      {"2020-02-29", true, "2020-02-29", P::kDay},
      {"2019-02-29", false, "", P::kDay},
      {"2022-13-01", false, "", P::kDay},
      {"27/09/2022", false, "", P::kDay},
      {"", false, "", P::kDay},
      {"2022-09-27T25:00", false, "", P::kDay},
      {"2022-09-27Tjunk", false, "", P::kDay},
  };
  for (const auto& c : cases) {
    auto t = Timestamp::parse(c.text);
    ASSERT_EQ(t.has_value(), c.ok) << c.text;
    if (!t) continue;
    EXPECT_EQ(t->date_string(), c.date) << c.text;
    EXPECT_EQ(t->precision, c.precision) << c.text;
  }
}

TEST(Timestamp, OffsetsAreApplied) {
  auto a = Timestamp::parse("2022-09-27T10:00:00+02:00");
  auto b = Timestamp::parse("2022-09-27T08:00:00Z");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->seconds, b->seconds);
  EXPECT_EQ(Timestamp::parse("1970-01-02")->seconds, 86400);
}

TEST(Timestamp, PeriodEnd) {
  struct Case {
    const char* text;
    const char* start;
    const char* end;  // as a timestamp one second later
  };
  const Case cases[] = {
      {"2023-11", "2023-11-01", "2023-12-01"},
      {"2023-12", "2023-12-01", "2024-01-01"},
      {"2024-02", "2024-02-01", "2024-03-01"},
      {"2024", "2024-01-01", "2025-01-01"},
      {"2024-02-29", "2024-02-29", "2024-03-01"},
  };
  for (const auto& c : cases) {
    auto t = Timestamp::parse(c.text);
    ASSERT_TRUE(t) << c.text;
    EXPECT_EQ(t->seconds, Timestamp::parse(c.start)->seconds) << c.text;
    EXPECT_EQ(t->end_seconds() + 1, Timestamp::parse(c.end)->seconds) << c.text;
  }
  auto exact = Timestamp::parse("2024-02-29T10:00:00Z");
  EXPECT_EQ(exact->end_seconds(), exact->seconds);
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("t").value("a\"b\\c\nd\x01 « é »").key("n").value(int64_t{-3}).key("z").null();
  w.key("l").begin_array().value(true).value(0.5).end_array().end_object();
  EXPECT_EQ(out, "{\"t\":\"a\\\"b\\\\c\\nd\\u0001 « é »\",\"n\":-3,\"z\":null,\"l\":[true,0.5]}");
}

TEST(JsonWriter, EscapesAtAnyPlaceOfALongString) {
  // The writer passes plain bytes eight at a time: a mark to escape is found wherever it falls.
  const std::pair<char, std::string> marks[] = {{'"', "\\\""}, {'\\', "\\\\"}, {'\x1f', "\\u001f"}, {'\t', "\\t"}};
  for (const auto& [mark, escaped] : marks) {
    for (size_t at = 0; at < 20; ++at) {
      std::string text = "é" + std::string(18, 'x');
      text.insert(at, 1, mark);
      std::string out;
      JsonWriter::append_string(out, text);
      EXPECT_EQ(out, "\"" + text.substr(0, at) + escaped + text.substr(at + 1) + "\"") << at;
    }
  }
}

TEST(Folding, CaseAccentsLigaturesApostrophes) {
  EXPECT_EQ(fold("Élysée"), "elysee");
  EXPECT_EQ(fold("ŒUVRE cœur"), "oeuvre coeur");
  EXPECT_EQ(fold("l’État"), "l'etat");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("ÇA VA"), "ca va");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(lower("Élysée"), "élysée");
  EXPECT_TRUE(is_upper(U'É'));
  EXPECT_FALSE(is_upper(U'é'));
  EXPECT_TRUE(is_lower(U'ç'));
}

TEST(HashBits, NeverTurnsAwayWhatWasAddedAndTurnsAwayMostOfTheRest) {
  HashBits<12> bits;
  auto hash = [](uint64_t k) { return (k + 1) * 0x9E3779B97F4A7C15ULL; };
  for (uint64_t k = 0; k < 100; ++k) EXPECT_FALSE(bits.may_contain(hash(k)));
  for (uint64_t k = 0; k < 100; ++k) bits.add(hash(k));
  for (uint64_t k = 0; k < 100; ++k) EXPECT_TRUE(bits.may_contain(hash(k))) << k;
  int passed = 0;
  for (uint64_t k = 100; k < 10100; ++k) passed += bits.may_contain(hash(k));
  EXPECT_LT(passed, 1000);  // 100 of 4,096 bits set: about 2.5% pass
  HashBits<6> word;  // one 64-bit word: the top six bits
  word.add(uint64_t{5} << 58);
  EXPECT_TRUE(word.may_contain((uint64_t{5} << 58) | 12345));
  EXPECT_FALSE(word.may_contain(uint64_t{6} << 58));
}

TEST(WordSet, MembersAndOthers) {
  const WordSet small = {"de", "du", "l'", "aujourd'hui", "de"};
  EXPECT_EQ(small.size(), 4u);
  for (const char* w : {"de", "du", "l'", "aujourd'hui"}) EXPECT_TRUE(small.contains(w)) << w;
  for (const char* w : {"", "d", "des", "l", "aujourd", "DE"}) EXPECT_FALSE(small.contains(w)) << w;
  WordSet grown;  // past several doublings of its table
  for (int i = 0; i < 5000; ++i) grown.insert("w" + std::to_string(i * 7));
  EXPECT_EQ(grown.size(), 5000u);
  for (int i = 0; i < 35000; ++i) EXPECT_EQ(grown.contains("w" + std::to_string(i)), i % 7 == 0) << i;
}

TEST(FlatHashMap, InsertFindGrowAndZeroKey) {
  FlatHashMap<uint32_t> map(4);
  for (uint64_t k = 0; k < 10000; ++k) {
    auto [value, inserted] = map.try_emplace(k * 0xD6E8FEB86659FD93ULL, static_cast<uint32_t>(k));
    EXPECT_TRUE(inserted);
    EXPECT_EQ(value, k);
  }
  EXPECT_EQ(map.size(), 10000u);
  for (uint64_t k = 0; k < 10000; ++k) {
    const uint32_t* v = map.find(k * 0xD6E8FEB86659FD93ULL);
    ASSERT_NE(v, nullptr) << k;  // k = 0 is the key 0
    EXPECT_EQ(*v, k);
  }
  EXPECT_EQ(map.find(12345), nullptr);
  auto [again, inserted] = map.try_emplace(0, 99);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(again, 0u);
  again = 7;  // the reference writes through
  EXPECT_EQ(*map.find(0), 7u);
}

}  // namespace
}  // namespace recoupe
