#include "engine/engine.h"

#include <chrono>
#include <cstdio>
#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <thread>

#include "clean/cleaner.h"
#include "common/thread_pool.h"

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

Engine::Chunk Engine::analyze_chunk(std::vector<RawRecord> records) const {
  Chunk out;
  std::vector<Doc> docs;  // each keeps its record's origin (make_doc), for the messages
  docs.reserve(records.size());
  for (RawRecord& record : records) {
    std::string origin = record.origin;
    std::string warning;
    Result<Doc> made = make_doc(std::move(record), &warning);
    if (!warning.empty()) out.notes.emplace_back(origin, warning);
    if (!made) {
      out.skipped.emplace_back(origin, made.error().message);
      continue;
    }
    docs.push_back(std::move(made.value()));
  }
  // The whole chunk goes through each component before the next one (see Pipeline::process).
  const std::vector<std::string> failures = pipeline_.process(std::span<Doc>(docs));
  out.docs.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!failures[i].empty()) {
      out.skipped.emplace_back(docs[i].origin, "analysis failed: " + failures[i]);
      continue;
    }
    docs[i].release_analysis();
    out.docs.push_back(std::move(docs[i]));
  }
  return out;
}

void Engine::report_progress(bool final) {
  if (!options_.progress) return;
  const double t = now_seconds();
  if (!final && t - last_report_ < 5.0) return;
  last_report_ = t;
  const double elapsed = std::max(t - started_, 1e-9);
  std::fprintf(stderr, "recoupe: %.1f s: %zu articles read (%.0f/s), %zu linked and written%s\n", elapsed,
               counts_.read, static_cast<double>(counts_.read) / elapsed, counts_.analyzed, final ? ", done" : "");
}

Status Engine::run(const std::vector<std::string>& inputs, const Sink& sink, const SkipFilter& skip) {
  started_ = last_report_ = now_seconds();
  InputReader reader(inputs, options_.read, diagnostics_);
  const unsigned threads = resolve_threads(options_.threads);
  // Chunks of a batch in input order: analysed in the background while reading goes on
  // (at most `threads` at once), or in this thread when there is one.
  std::unique_ptr<ThreadPool> pool;
  if (threads > 1) pool = std::make_unique<ThreadPool>(threads);
  std::deque<std::future<Chunk>> pending;
  std::vector<Chunk> done;
  std::vector<RawRecord> chunk;
  size_t batch_records = 0;
  std::unordered_set<std::string> batch_ids;

  auto submit = [&] {
    if (chunk.empty()) return;
    if (threads <= 1) {
      done.push_back(analyze_chunk(std::move(chunk)));
    } else {
      if (pending.size() >= threads) {
        done.push_back(pending.front().get());
        pending.pop_front();
      }
      pending.push_back(pool->submit([this, c = std::move(chunk)]() mutable { return analyze_chunk(std::move(c)); }));
    }
    chunk = {};
  };
  auto flush = [&]() -> Status {
    submit();
    while (!pending.empty()) {
      done.push_back(pending.front().get());
      pending.pop_front();
    }
    std::vector<Doc> docs;
    docs.reserve(batch_records);
    for (Chunk& c : done) {  // messages in input order, whatever the threads did
      for (const auto& [where, what] : c.notes) diagnostics_.note(where, what);
      for (const auto& [where, what] : c.skipped) diagnostics_.skip_record(where, what);
      for (Doc& d : c.docs) docs.push_back(std::move(d));
    }
    done.clear();
    batch_records = 0;
    batch_ids.clear();
    if (diagnostics_.fatal()) return Error{Errc::kBadInput, "stopped at the first bad record (--strict)"};
    if (docs.empty()) return {};
    for (size_t i : publication_order(docs)) linker_.link(docs[i]);
    counts_.analyzed += docs.size();
    Status st = sink(docs);
    report_progress(false);
    return st;
  };

  RawRecord r;
  while (reader.next(r)) {
    ++counts_.read;
    if (skip && (skip(r.id) || !batch_ids.insert(r.id).second)) {  // stored, or twice in this batch
      ++counts_.existing;
      continue;
    }
    if (r.origin.empty()) r.origin = r.id;
    chunk.push_back(std::move(r));
    ++batch_records;
    if (chunk.size() >= kChunkRecords) {
      submit();
      report_progress(false);
    }
    if (batch_records >= options_.batch_size) {
      if (Status st = flush(); !st) return finish(st);
    }
  }
  // Under --strict, a bad record ends the run: nothing of its batch is linked or written.
  if (diagnostics_.fatal()) return finish(Error{Errc::kBadInput, "stopped at the first bad record (--strict)"});
  return finish(flush());
}

Status Engine::finish(Status status) {
  counts_.skipped = diagnostics_.skipped();
  counts_.input_errors = diagnostics_.input_errors();
  counts_.ignored = diagnostics_.ignored();
  report_progress(true);
  return status;
}

}  // namespace recoupe
