// recoupe train-entities FILE[*N]... -o MODEL: trains the entity tagger (see
// src/analyze/entities/training.h for the formats) and writes the model file
// that the build embeds (data/models/entities_fr.bin). `make entities-model`
// runs it on the data the shipped model may be trained on (see NOTICE).
#include <chrono>
#include <cstdio>
#include <fstream>

#include "analyze/entities/gazetteer.h"
#include "analyze/entities/training.h"
#include "cli/cli_options.h"
#include "cli/commands.h"

namespace recoupe::cli {
namespace {

struct Loaded {
  std::vector<std::unique_ptr<ner::Prepared>> docs;
  size_t mentions = 0;
};

// Reads "path" or "path*N" (the file's texts are seen N times per epoch).
Result<Loaded> load(const std::string& arg, int* repeat) {
  std::string path = arg;
  *repeat = 1;
  if (const size_t star = arg.rfind('*'); star != std::string::npos && star + 1 < arg.size()) {
    path = arg.substr(0, star);
    try {
      *repeat = std::stoi(arg.substr(star + 1));
    } catch (const std::exception&) {
      return Error{Errc::kBadInput, arg + ": the count after '*' is not a number"};
    }
  }
  auto texts = ner::read_annotated(path);
  if (!texts) return texts.error();
  Loaded out;
  for (const auto& t : texts.value()) {
    out.mentions += t.spans.size();
    out.docs.push_back(ner::prepare(t, ner::Gazetteer::builtin()));
  }
  return out;
}

}  // namespace

int run_train_entities(const std::vector<std::string>& args) {
  CLI::App app("Train the entity tagger on annotated files and write its model.\n"
               "FILE: .tsv (HIPE), .bio (token TAG) or .txt ([PER Name] in text); FILE*N sees it N times an epoch.",
               "train-entities");
  std::vector<std::string> files, eval_files;
  std::string output;
  ner::TrainOptions options;
  app.add_option("files", files, "training files")->required();
  app.add_option("-o,--output", output, "model file to write")->required();
  app.add_option("--eval", eval_files, "report typed mention F1 on these files after training")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--epochs", options.epochs, "passes over the data")->capture_default_str();
  app.add_option("--seed", options.seed, "shuffling seed")->capture_default_str();
  app.add_option("--gazetteer-dropout", options.gazetteer_dropout, "share of sentences seen without gazetteer")
      ->capture_default_str();
  app.add_option("--max-rows", options.max_rows, "weight rows kept in the model")->capture_default_str();
  if (int rc = parse(app, args); rc >= 0) return rc;

  const auto started = std::chrono::steady_clock::now();
  std::vector<Loaded> loaded;
  std::vector<std::pair<const ner::Prepared*, int>> training;
  for (const auto& f : files) {
    int repeat = 1;
    auto l = load(f, &repeat);
    if (!l) {
      std::fprintf(stderr, "recoupe train-entities: %s\n", l.error().message.c_str());
      return kExitError;
    }
    std::fprintf(stderr, "%s: %zu texts, %zu mentions, seen %d times an epoch\n", f.c_str(), l->docs.size(),
                 l->mentions, repeat);
    for (const auto& d : l->docs) training.emplace_back(d.get(), repeat);
    loaded.push_back(std::move(l.value()));
  }
  const std::string model = ner::train(training, options, stderr);
  std::ofstream out(output, std::ios::binary);
  out.write(model.data(), static_cast<std::streamsize>(model.size()));
  if (!out.flush()) {
    std::fprintf(stderr, "recoupe train-entities: %s: write failed\n", output.c_str());
    return kExitError;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "wrote %s: %zu bytes, in %.1f s\n", output.c_str(), model.size(), seconds);
  for (const auto& f : eval_files) {
    int repeat = 1;
    auto l = load(f, &repeat);
    if (!l) {
      std::fprintf(stderr, "recoupe train-entities: %s\n", l.error().message.c_str());
      return kExitError;
    }
    std::vector<const ner::Prepared*> docs;
    for (const auto& d : l->docs) docs.push_back(d.get());
    const ner::MentionScore s = ner::evaluate(docs, model, ner::Gazetteer::builtin());
    std::printf("%s: typed mention F1 %.3f (tp %zu, fp %zu, fn %zu)\n", f.c_str(), s.f1(), s.tp, s.fp, s.fn);
  }
  return kExitOk;
}

}  // namespace recoupe::cli
