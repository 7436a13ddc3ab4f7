#include "engine/engine.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>

#include "clean/cleaner.h"

namespace recoupe {
namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

Engine::Engine(EngineOptions options, Pipeline pipeline, Linker& linker, Diagnostics& diagnostics)
    : options_(options), pipeline_(std::move(pipeline)), linker_(linker), diagnostics_(diagnostics) {}

std::vector<Doc> Engine::analyze_batch(std::vector<RawRecord>& records) {
  const size_t n = records.size();
  std::vector<Doc> docs(n);
  std::vector<std::string> errors(n), warnings(n);
  std::vector<char> ok(n, 0);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) {
      std::string origin = records[i].origin;
      Result<Doc> made = make_doc(std::move(records[i]), &warnings[i]);
      if (!made) {
        errors[i] = made.error().message;
        continue;
      }
      try {
        pipeline_.process(*made);
        made->release_analysis();
        docs[i] = std::move(made.value());
        ok[i] = 1;
      } catch (const std::exception& e) {
        errors[i] = std::string("analysis failed: ") + e.what();
      }
      records[i].origin = std::move(origin);
    }
  };
  const unsigned threads = std::min<unsigned>(resolve_threads(options_.threads), static_cast<unsigned>(std::max<size_t>(n, 1)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  // Report in input order, so that messages do not depend on thread timing.
  std::vector<Doc> good;
  good.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!warnings[i].empty()) diagnostics_.note(records[i].origin, warnings[i]);
    if (!ok[i]) {
      diagnostics_.skip_record(records[i].origin, errors[i]);
      continue;
    }
    docs[i].origin = records[i].origin;
    good.push_back(std::move(docs[i]));
  }
  return good;
}

void Engine::report_progress(bool final) {
  if (!options_.progress) return;
  const double t = now_seconds();
  if (!final && t - last_report_ < 5.0) return;
  last_report_ = t;
  const double elapsed = std::max(t - started_, 1e-9);
  std::fprintf(stderr, "recoupe: %zu articles in %.1f s (%.0f/s)%s\n", counts_.analyzed, elapsed,
               static_cast<double>(counts_.analyzed) / elapsed, final ? ", done" : "");
}

Status Engine::run(const std::vector<std::string>& inputs, const Sink& sink, const SkipFilter& skip) {
  started_ = last_report_ = now_seconds();
  InputReader reader(inputs, options_.read, diagnostics_);
  std::vector<RawRecord> records;
  std::unordered_set<std::string> batch_ids;
  RawRecord r;
  auto flush = [&]() -> Status {
    if (records.empty()) return {};
    std::vector<Doc> docs = analyze_batch(records);
    records.clear();
    batch_ids.clear();
    for (size_t i : publication_order(docs)) linker_.link(docs[i]);
    counts_.analyzed += docs.size();
    Status st = sink(docs);
    report_progress(false);
    return st;
  };
  for (;;) {
    const bool more = reader.next(r);
    if (!more) break;
    ++counts_.read;
    if (skip && skip(r.id)) {
      ++counts_.existing;
      continue;
    }
    if (!batch_ids.insert(r.id).second && skip) {  // the same id twice in one ingest batch
      ++counts_.existing;
      continue;
    }
    r.origin = r.origin.empty() ? r.id : r.origin;
    records.push_back(std::move(r));
    if (records.size() >= options_.batch_size) {
      if (Status st = flush(); !st) return st;
    }
  }
  if (diagnostics_.fatal()) {
    counts_.skipped = diagnostics_.skipped();
    counts_.input_errors = diagnostics_.input_errors();
    return Error{Errc::kBadInput, "stopped at the first bad record (--strict)"};
  }
  Status st = flush();
  counts_.skipped = diagnostics_.skipped();
  counts_.input_errors = diagnostics_.input_errors();
  report_progress(true);
  if (!st) return st;
  if (diagnostics_.fatal()) return Error{Errc::kBadInput, "stopped at the first bad record (--strict)"};
  return {};
}

}  // namespace recoupe
