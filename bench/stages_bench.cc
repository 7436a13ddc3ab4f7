// One benchmark per stage over the shipped sample, reported in articles/s and
// bytes/s. Each checks that it processed what it should, and reports an error
// instead of a timing when it did not.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "analyze/pipeline.h"
#include "clean/cleaner.h"
#include "clean/html_extractor.h"
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
      d.quotes.clear();
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

// A news page written here, shaped like the OrangeSum ones (about 60 kB): a head with meta tags,
// JSON-LD and a script, a menu of 120 links, the article (a sample article, one paragraph per
// sentence pair), a share bar, a "Lire aussi" block, related links, comments, a cookie banner, a footer.
std::string sample_page(const RawRecord& article, const std::vector<RawRecord>& others) {
  std::string page =
      "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + article.title +
      " - Le Quotidien</title><meta property=\"og:title\" content=\"" + article.title +
      "\"><meta property=\"og:site_name\" content=\"Le Quotidien\"><meta property=\"article:published_time\" "
      "content=\"2025-07-08T10:41:53+02:00\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2025-07-08T10:41:53+02:00\",\"author\":{\"name\":\"R\u00e9daction\"}}</script><script>";
  for (int i = 0; i < 300; ++i) page += "window.dataLayer=window.dataLayer||[];dataLayer.push({'event':'view','n':" + std::to_string(i) + "});";
  page += "</script></head><body><header class=\"site-header\"><nav class=\"menu\"><ul>";
  for (int i = 0; i < 120; ++i) {
    page += "<li class=\"menu__item\"><a class=\"menu__link\" href=\"/rubrique/" + std::to_string(i) + "\">" +
            others[static_cast<size_t>(i) % others.size()].title.substr(0, 24) + "</a></li>";
  }
  page += "</ul></nav></header><main><article class=\"article\"><h1 class=\"article__title\">" + article.title +
          "</h1><p class=\"article__chapo\">" + article.abstract +
          "</p><div class=\"share-bar\"><a href=\"#\">Partager sur Facebook</a><a href=\"#\">Twitter</a></div>"
          "<div class=\"article__body\">";
  std::string_view text = article.text;
  while (!text.empty()) {  // a paragraph per ~400 bytes, cut after a sentence
    const size_t dot = text.size() <= 400 ? std::string_view::npos : text.find(". ", 400);
    const size_t cut = dot == std::string_view::npos ? text.size() : dot + 1;
    page += "<p>" + std::string(text.substr(0, cut)) + "</p>";
    text.remove_prefix(cut);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  }
  page += "<p>Lire aussi : <a href=\"/a\">" + others[1].title + "</a></p></div>"
          "<figure><img src=\"a.jpg\"><figcaption>Une photo d'illustration. AFP</figcaption></figure></article>"
          "<aside class=\"related\"><h2>Sur le m\u00eame sujet</h2><ul>";
  for (size_t i = 2; i < others.size(); ++i) page += "<li><a href=\"/x\">" + others[i].title + "</a></li>";
  page += "</ul></aside><section class=\"comments\">";
  for (int i = 0; i < 8; ++i) page += "<div class=\"comment\"><p>Lecteur" + std::to_string(i) + " : " + others[3].abstract + "</p></div>";
  page += "</section></main><div id=\"cookie-banner\"><p>Nous utilisons des cookies pour am\u00e9liorer votre "
          "navigation. Accepter</p></div><footer><ul>";
  for (int i = 0; i < 40; ++i) page += "<li><a href=\"/f\">Mentions l\u00e9gales " + std::to_string(i) + "</a></li>";
  page += "</ul></footer></body></html>";
  while (page.size() < 60000) page.insert(page.find("</head>"), "<link rel=\"preload\" href=\"/static/fonts/font-regular.woff2\" as=\"font\">");
  return page;
}

void BM_ExtractPage(benchmark::State& state) {
  const auto records = sample_records();
  const std::string page = sample_page(records[0], records);
  const std::string first_words = records[0].text.substr(0, 40);
  for (auto _ : state) {
    auto extracted = extract_page(page, "text/html; charset=utf-8", "https://quotidien.example/2025/07/08/a");
    if (!extracted || extracted->text().find(first_words) == std::string::npos ||
        extracted->text().find("Partager") != std::string::npos) {
      state.SkipWithError("the sample page's article was not extracted");
      break;
    }
    benchmark::DoNotOptimize(extracted->paragraphs.data());
  }
  state.counters["pages/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(page.size() * state.iterations()));
}

BENCHMARK(BM_Read);
BENCHMARK(BM_Clean);
BENCHMARK(BM_ExtractPage);
BENCHMARK_CAPTURE(BM_Analyze, segmenter, std::vector<std::string>{"segmenter"});
BENCHMARK_CAPTURE(BM_Analyze, segmenter_lexical, std::vector<std::string>{"segmenter", "lexical"});
BENCHMARK_CAPTURE(BM_Analyze, language, std::vector<std::string>{"language"});
BENCHMARK_CAPTURE(BM_Analyze, full, Pipeline::default_names());
BENCHMARK_CAPTURE(BM_Analyze, full_without_quotes,
                  std::vector<std::string>{"segmenter", "lexical", "language", "dates", "entities", "event_place", "link_features"});
BENCHMARK_CAPTURE(BM_Analyze, full_without_dates,
                  std::vector<std::string>{"segmenter", "lexical", "language", "entities", "event_place", "link_features", "quotes"});
BENCHMARK_CAPTURE(BM_Analyze, event_place_after_entities,
                  std::vector<std::string>{"segmenter", "lexical", "language", "entities", "event_place"});
BENCHMARK_CAPTURE(BM_Analyze, quotes_after_lexical, std::vector<std::string>{"segmenter", "lexical", "quotes"});
BENCHMARK(BM_Dates);
BENCHMARK(BM_Link);
BENCHMARK(BM_Serialize);
BENCHMARK(BM_Store);

}  // namespace
}  // namespace recoupe

BENCHMARK_MAIN();
