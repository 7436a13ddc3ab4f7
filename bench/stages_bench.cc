// One benchmark per stage over the shipped sample, reported in articles/s and
// bytes/s. Each checks that it processed what it should, and reports an error
// instead of a timing when it did not.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "analyze/pipeline.h"
#include "clean/cleaner.h"
#include "doc/serializer.h"
#include "link/linker.h"
#include "read/input_reader.h"
#include "store/store.h"

namespace recoupe {
namespace {

constexpr size_t kSampleArticles = 42;

std::vector<RawRecord> sample_records() {
  Diagnostics d(false, [](const std::string&) {});
  InputReader reader({RECOUPE_SAMPLE}, {}, d);
  std::vector<RawRecord> out;
  RawRecord r;
  while (reader.next(r)) out.push_back(r);
  return out;
}

size_t bytes_of(const std::vector<RawRecord>& rs) {
  size_t n = 0;
  for (const auto& r : rs) n += r.title.size() + r.abstract.size() + r.text.size();
  return n;
}

std::vector<Doc> analysed_sample() {
  auto pipeline = Pipeline::build(Pipeline::default_names());
  std::vector<Doc> docs;
  for (auto r : sample_records()) {
    auto d = make_doc(std::move(r));
    pipeline->process(*d);
    d->release_analysis();
    docs.push_back(std::move(d.value()));
  }
  return docs;
}

void set_rates(benchmark::State& state, size_t articles, size_t bytes) {
  state.counters["articles/s"] = benchmark::Counter(static_cast<double>(articles * state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
}

void BM_Read(benchmark::State& state) {
  const size_t bytes = bytes_of(sample_records());
  for (auto _ : state) {
    auto rs = sample_records();
    if (rs.size() != kSampleArticles) state.SkipWithError("wrong number of records read");
    benchmark::DoNotOptimize(rs.data());
  }
  set_rates(state, kSampleArticles, bytes);
}

void BM_Clean(benchmark::State& state) {
  const auto records = sample_records();
  for (auto _ : state) {
    size_t ok = 0;
    for (auto r : records) ok += make_doc(std::move(r)).ok();
    if (ok != records.size()) state.SkipWithError("a record failed to clean");
  }
  set_rates(state, records.size(), bytes_of(records));
}

// Runs the named components over the sample.
void BM_Analyze(benchmark::State& state, std::vector<std::string> components) {
  const auto records = sample_records();
  std::vector<Doc> docs;
  for (auto r : records) docs.push_back(std::move(make_doc(std::move(r)).value()));
  auto pipeline = Pipeline::build(components);
  if (!pipeline) {
    state.SkipWithError(pipeline.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    size_t annotations = 0;
    for (auto& d : docs) {
      d.tokens.clear();
      d.sentences.clear();
      d.lang.clear();
      pipeline->process(d);
      annotations += d.tokens.size() + !d.lang.empty();
    }
    if (annotations == 0) state.SkipWithError("nothing annotated");
  }
  set_rates(state, records.size(), bytes_of(records));
}

// The dates component alone, on the sample already segmented and stemmed; checks that it finds dates.
void BM_Dates(benchmark::State& state) {
  const auto records = sample_records();
  auto prepare = Pipeline::build({"segmenter", "lexical"});
  std::vector<Doc> docs;
  for (auto r : records) {
    auto d = make_doc(std::move(r));
    prepare->process(*d);
    docs.push_back(std::move(d.value()));
  }
  const auto dates = ComponentRegistry::global().make("dates");
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (auto& d : docs) {
      dates->process(d);
      found += d.dates.size();
    }
    if (found == 0) state.SkipWithError("no date found in the sample");
  }
  state.counters["dates/article"] = static_cast<double>(found) / static_cast<double>(docs.size());
  set_rates(state, records.size(), bytes_of(records));
}

void BM_Link(benchmark::State& state) {
  const auto docs_template = analysed_sample();
  std::vector<Doc> docs;
  for (const auto& d : docs_template) {
    Doc c;
    c.id = d.id;
    c.published = d.published;
    c.features = d.features;
    docs.push_back(std::move(c));
  }
  for (auto _ : state) {
    Linker linker;
    for (size_t i : publication_order(docs)) linker.link(docs[i]);
    if (linker.stories().stories().empty()) state.SkipWithError("no stories");
  }
  set_rates(state, docs.size(), 0);
}

void BM_Serialize(benchmark::State& state) {
  auto docs = analysed_sample();
  Linker linker;
  for (auto& d : docs) linker.link(d);
  std::string out;
  for (auto _ : state) {
    out.clear();
    for (const auto& d : docs) append_contract_json(d, out);
    if (out.empty()) state.SkipWithError("nothing written");
  }
  set_rates(state, docs.size(), out.size());
}

void BM_Store(benchmark::State& state) {
  auto docs = analysed_sample();
  const std::string path = (std::filesystem::temp_directory_path() / ("recoupe_bench_" + std::to_string(::getpid()) + ".db")).string();
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    Linker linker;
    for (auto& d : docs) linker.link(d);
    auto store = Store::open(path);
    state.ResumeTiming();
    if (!store || !store.value()->add(docs).ok()) state.SkipWithError("store failed");
  }
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  set_rates(state, docs.size(), 0);
}

BENCHMARK(BM_Read);
BENCHMARK(BM_Clean);
BENCHMARK_CAPTURE(BM_Analyze, segmenter, std::vector<std::string>{"segmenter"});
BENCHMARK_CAPTURE(BM_Analyze, segmenter_lexical, std::vector<std::string>{"segmenter", "lexical"});
BENCHMARK_CAPTURE(BM_Analyze, language, std::vector<std::string>{"language"});
BENCHMARK_CAPTURE(BM_Analyze, full, Pipeline::default_names());
BENCHMARK_CAPTURE(BM_Analyze, full_without_dates,
                  std::vector<std::string>{"segmenter", "lexical", "language", "link_features"});
BENCHMARK(BM_Dates);
BENCHMARK(BM_Link);
BENCHMARK(BM_Serialize);
BENCHMARK(BM_Store);

}  // namespace
}  // namespace recoupe

BENCHMARK_MAIN();
