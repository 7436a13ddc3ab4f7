#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "read/input_reader.h"
#include "support/read_inputs.h"
#include "read/line_reader.h"

namespace recoupe {
namespace {

namespace fs = std::filesystem;
const std::string kFixtures = RECOUPE_FIXTURES;

using testing::ReadAll;
using testing::read_inputs;

fs::path temp_file(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / ("recoupe_read_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

TEST(JsonlRecord, Fields) {
  std::string line = R"({"id":"a1","title":"T","abstract":"A","text":"Corps","published":"2022-09-27","url":"u","source":"S","lang":"fr","extra":{"x":1}})";
  RawRecord r;
  ASSERT_EQ(parse_jsonl_record(line, r), "");
  EXPECT_EQ(r.id, "a1");
  EXPECT_EQ(r.title, "T");
  EXPECT_EQ(r.abstract, "A");
  EXPECT_EQ(r.text, "Corps");
  EXPECT_EQ(r.published, "2022-09-27");
  EXPECT_EQ(r.source, "S");
  EXPECT_EQ(r.lang, "fr");
}

TEST(JsonlRecord, Errors) {
  struct Case {
    std::string line;
    std::string reason_contains;  // empty: accepted
  };
  const Case cases[] = {
      {R"({"id":"x","text":"ok"})", ""},
      {R"({"id":42,"text":"integer ids become their decimal text"})", ""},
      {R"({"id":"x","published_time":"2020-01-01T10:00:00+01:00"})", ""},
      {R"({"id":"x","text":"unterminated)", "broken JSON"},
      {R"({"text":"no id"})", "no \"id\""},
      {R"({"id":"","text":"t"})", "empty"},
      {R"({"id":null,"text":"t"})", "null"},
      {R"({"id":["x"],"text":"t"})", "string or an integer"},
      {R"({"id":"x","text":12})", "\"text\" must be a string"},
      {R"(["x","y"])", "not a JSON object"},
      {R"({"id":"x"} trailing)", "broken JSON"},
      {"{\"id\":\"x\",\"text\":\"caf\xC3\x28\"}", "invalid UTF-8 at byte"},
      {R"({"id":"x","text":"\ud800 lone surrogate escape"})", "lone surrogate"},
  };
  for (auto c : cases) {
    RawRecord r;
    const std::string reason = parse_jsonl_record(c.line, r);
    if (c.reason_contains.empty()) {
      EXPECT_EQ(reason, "") << c.line;
    } else {
      EXPECT_NE(reason.find(c.reason_contains), std::string::npos) << c.line << " → " << reason;
    }
  }
}

TEST(JsonlRecord, PublishedFallsBackToOrangeSumNames) {
  std::string line = R"({"id":"1","date":"2020-07-02","published_time":"2020-07-02T19:32:00+02:00"})";
  RawRecord r;
  ASSERT_EQ(parse_jsonl_record(line, r), "");
  EXPECT_EQ(r.published, "2020-07-02T19:32:00+02:00");
}

TEST(TextArticle, DatePrefix) {
  struct Case {
    std::string content, published, text;
  };
  const Case cases[] = {
      {" date 2022-09 Le texte commence ici.", "2022-09", "Le texte commence ici."},
      {"date 2023-11-14\nPremière ligne.", "2023-11-14", "Première ligne."},
      {"Pas de date ici.", "", "Pas de date ici."},
      {"\xEF\xBB\xBF date 2021-01-02 Avec BOM.", "2021-01-02", "Avec BOM."},
      {" date inconnue Suite.", "", " date inconnue Suite."},
  };
  for (const auto& c : cases) {
    RawRecord r;
    parse_text_article(c.content, r);
    EXPECT_EQ(r.published, c.published) << c.content;
    EXPECT_EQ(r.text, c.text) << c.content;
  }
}

TEST(InputReader, BrokenLinesAreSkippedWithFileAndLine) {
  auto r = read_inputs({kFixtures + "/bad/broken.jsonl"});
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].id, "brk-1");
  EXPECT_EQ(r.records[1].id, "brk-3");
  EXPECT_EQ(r.records[2].id, "brk-5");
  EXPECT_EQ(r.skipped, 3u);
  ASSERT_EQ(r.messages.size(), 3u);
  EXPECT_NE(r.messages[0].find("broken.jsonl:2: skipped: broken JSON"), std::string::npos) << r.messages[0];
  EXPECT_NE(r.messages[1].find("broken.jsonl:4: skipped: no \"id\""), std::string::npos) << r.messages[1];
  EXPECT_NE(r.messages[2].find("broken.jsonl:6: skipped: not a JSON object"), std::string::npos) << r.messages[2];
  EXPECT_EQ(r.records[1].origin, kFixtures + "/bad/broken.jsonl:3");
}

TEST(InputReader, StrictStopsAtFirstBadRecord) {
  auto r = read_inputs({kFixtures + "/bad/broken.jsonl"}, 1 << 20, /*strict=*/true);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(r.fatal);
  EXPECT_EQ(r.skipped, 1u);
}

TEST(InputReader, InvalidUtf8) {
  auto r = read_inputs({kFixtures + "/bad/bad_utf8.jsonl"});
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.messages[0].find(":2: skipped: invalid UTF-8 at byte 66"), std::string::npos) << r.messages[0];
}

TEST(InputReader, EmptyFileIsANoteNotAnError) {
  auto r = read_inputs({kFixtures + "/bad/empty.jsonl"});
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.skipped, 0u);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_NE(r.messages[0].find("empty file"), std::string::npos);
}

TEST(InputReader, BlankLinesAndCrlfAndNoFinalNewline) {
  auto r = read_inputs({kFixtures + "/bad/blank_lines.jsonl"});
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[3].id, "blk-4");
  EXPECT_EQ(r.skipped, 0u);
  for (const auto& rec : r.records) EXPECT_EQ(rec.text.find('\r'), std::string::npos);
}

TEST(InputReader, TruncatedGzipKeepsWhatCameBefore) {
  auto r = read_inputs({kFixtures + "/bad/truncated.jsonl.gz"});
  ASSERT_EQ(r.records.size(), 6u);
  EXPECT_EQ(r.records[5].id, "trc-06");
  EXPECT_EQ(r.skipped, 1u);
  ASSERT_FALSE(r.messages.empty());
  EXPECT_NE(r.messages.back().find("gzip stream cut short"), std::string::npos) << r.messages.back();
}

TEST(InputReader, NumericAndEmptyIds) {
  auto r = read_inputs({kFixtures + "/bad/numeric_id.jsonl"});
  ASSERT_EQ(r.records.size(), 3u);  // "num-1", 42 (as "42"), "num-5"
  EXPECT_EQ(r.records[1].id, "42");
  EXPECT_EQ(r.skipped, 2u);  // "" and null
}

TEST(InputReader, OversizedRecordIsSkippedWithoutStoppingTheFile) {
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(3000, 'x') + "\"}\n";
  auto p = temp_file("big.jsonl", "{\"id\":\"a\",\"text\":\"petit\"}\n" + big + "{\"id\":\"b\",\"text\":\"petit\"}\n");
  auto r = read_inputs({p.string()}, /*max_bytes=*/1000);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].id, "b");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_NE(r.messages[0].find(":2: skipped: record is 3022 bytes, over the limit of 1000"), std::string::npos)
      << r.messages[0];
  fs::remove(p);
}

TEST(InputReader, GzipWithSeveralMembers) {
  auto p = fs::temp_directory_path() / ("recoupe_read_test_" + std::to_string(::getpid()) + "_multi.jsonl.gz");
  for (const char* mode : {"wb", "ab"}) {
    gzFile f = gzopen(p.c_str(), mode);
    ASSERT_NE(f, nullptr);
    const std::string line = std::string("{\"id\":\"") + (mode[0] == 'w' ? "m1" : "m2") + "\",\"text\":\"t\"}\n";
    gzwrite(f, line.data(), static_cast<unsigned>(line.size()));
    gzclose(f);
  }
  auto r = read_inputs({p.string()});
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].id, "m2");
  fs::remove(p);
}

TEST(InputReader, FoldersOfTextFilesSortedByName) {
  auto r = read_inputs({kFixtures + "/txt"});
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[0].id, "001_pont_montrevel.txt");
  EXPECT_EQ(r.records[0].published, "2023-11-14");
  EXPECT_EQ(r.records[1].published, "2023-11");
  EXPECT_EQ(r.records[3].published, "");
  EXPECT_EQ(r.records[0].text.rfind(" date", 0), std::string::npos);
}

TEST(InputReader, MissingFileIsReportedAndTheRunGoesOn) {
  auto r = read_inputs({"/nonexistent/recoupe.jsonl", kFixtures + "/bad/blank_lines.jsonl"});
  EXPECT_EQ(r.records.size(), 4u);
  ASSERT_FALSE(r.messages.empty());
  EXPECT_NE(r.messages[0].find("/nonexistent/recoupe.jsonl"), std::string::npos);
}

TEST(JsonlRecord, MutatedLinesNeverCrashAndAreAccountedFor) {
  // Seeded byte flips, cuts and insertions of a good record: every variant is either a record with
  // an id or a reason, never a crash (run under a sanitizer build to catch memory errors too).
  const std::string good =
      R"({"id":"m-1","title":"Titre « élu »","abstract":"Résumé","text":"Le maire a parlé.\nFin.","published":"2024-01-02"})";
  std::mt19937 rng(20261122);
  size_t records = 0, reasons = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string line = good;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const size_t at = rng() % line.size();
      switch (rng() % 3) {
        case 0: line[at] = static_cast<char>(rng() % 256); break;
        case 1: line.resize(at); break;
        default: line.insert(at, 1, "{}[]\",:\\\xC3\xFF"[rng() % 10]); break;
      }
    }
    RawRecord r;
    const std::string reason = parse_jsonl_record(line, r);
    if (reason.empty()) {
      EXPECT_FALSE(r.id.empty()) << line;
      ++records;
    } else {
      ++reasons;
    }
  }
  EXPECT_EQ(records + reasons, 5000u);
  EXPECT_GT(reasons, 0u);
}

TEST(LineReader, LongLinesAreMeasuredNotKept) {
  auto p = temp_file("lines.txt", "short\n" + std::string(5000, 'y') + "\nlast");
  LineReader lr;
  ASSERT_TRUE(lr.open(p.string(), 100).ok());
  std::string line;
  EXPECT_EQ(lr.next(line), LineReader::Outcome::kLine);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(lr.next(line), LineReader::Outcome::kTooLong);
  EXPECT_EQ(lr.too_long_bytes(), 5000u);
  EXPECT_LE(line.capacity(), 5000u);
  EXPECT_EQ(lr.next(line), LineReader::Outcome::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(lr.line_number(), 3u);
  EXPECT_EQ(lr.next(line), LineReader::Outcome::kEnd);
  fs::remove(p);
}

}  // namespace
}  // namespace recoupe
