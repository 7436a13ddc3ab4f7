#include <gtest/gtest.h>

#include <cstdio>

#include "doc/serializer.h"
#include "engine/engine.h"

namespace recoupe {
namespace {

const std::string kFixtures = RECOUPE_FIXTURES;

std::string analyze(const std::vector<std::string>& inputs, unsigned threads, size_t batch = 100000) {
  Diagnostics diagnostics(false, [](const std::string&) {});
  Linker linker;
  EngineOptions o;
  o.threads = threads;
  o.batch_size = batch;
  Engine engine(o, std::move(Pipeline::build(Pipeline::default_names()).value()), linker, diagnostics);
  std::string out;
  Status st = engine.run(inputs, [&](std::vector<Doc>& docs) -> Status {
    for (const auto& d : docs) append_contract_json(d, out);
    return {};
  });
  EXPECT_TRUE(st.ok());
  return out;
}

TEST(Engine, SameOutputWhateverTheThreads) {
  const std::vector<std::string> inputs = {kFixtures + "/news_small.jsonl", kFixtures + "/txt"};
  const std::string one = analyze(inputs, 1);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, analyze(inputs, 2));
  EXPECT_EQ(one, analyze(inputs, 4));
}

TEST(Engine, OutputIsInInputOrder) {
  const std::string out = analyze({kFixtures + "/news_small.jsonl"}, 2);
  size_t last = 0;
  for (int i = 1; i <= 12; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "\"id\":\"ns-%02d\"", i);
    const size_t at = out.find(id);
    ASSERT_NE(at, std::string::npos) << id;
    EXPECT_GE(at, last);
    last = at;
  }
}

TEST(Engine, CountsSkippedRecords) {
  Diagnostics diagnostics(false, [](const std::string&) {});
  Linker linker;
  Engine engine(EngineOptions{}, std::move(Pipeline::build(Pipeline::default_names()).value()), linker, diagnostics);
  size_t seen = 0;
  Status st = engine.run({kFixtures + "/bad/broken.jsonl", kFixtures + "/bad/bad_utf8.jsonl"},
                         [&](std::vector<Doc>& docs) -> Status {
                           seen += docs.size();
                           return {};
                         });
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(seen, 5u);
  EXPECT_EQ(engine.counts().read, 5u);
  EXPECT_EQ(engine.counts().skipped, 4u);
}

}  // namespace
}  // namespace recoupe
