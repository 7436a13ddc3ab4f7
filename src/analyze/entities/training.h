// src/analyze/entities/training.h
//
// Training data for the tagger and the training loop behind
// `recoupe train-entities`. Three formats, chosen by file name:
//   *.tsv  CoNLL-like HIPE files: a TOKEN column, NE-COARSE-LIT (IOB2, pers/loc/org or PER/LOC/ORG),
//          MISC flags NoSpaceAfter and EndOfLine; "# ... document_id" comments start a document;
//   *.bio  one "token TAG" per line (IOB1 or IOB2), no document breaks (cut every few hundred words);
//   *.txt  text written for this project: one paragraph a line, "[PER Emmanuel Macron]" around names,
//          a blank line between articles, '#' lines ignored.
// Mentions from other annotation schemes are brought to the guide of
// ../shared/gold/GUIDE_entities.md: a leading title or article is dropped
// ("M. Dupont", "la Villette"), a person ends before an apposition ("Dupont, avocat de ...").
// Every text is cut into tokens by the segmenter used at run time.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "analyze/entities/features.h"
#include "common/result.h"

namespace recoupe::ner {

struct GoldSpan {
  uint32_t begin = 0, end = 0;  //!< bytes of AnnotatedText::text
  Entity::Type type = Entity::Type::kMisc;
};

struct AnnotatedText {
  std::string origin;  //!< "file:line" of its start
  std::string text;
  std::vector<GoldSpan> spans;
};

//! Reads one training file (format by extension, see file comment).
Result<std::vector<AnnotatedText>> read_annotated(const std::string& path);
//! Parses the project's bracketed format (*.txt).
Result<std::vector<AnnotatedText>> parse_bracketed(std::string_view content, const std::string& origin);

struct TrainOptions {
  int epochs = 10;
  uint64_t seed = 20261122;
  double gazetteer_dropout = 0.25;  //!< share of sentences seen without gazetteer marks, per epoch
  size_t max_rows = 300000;         //!< rows kept in the shipped model (the strongest)
};

//! A text ready for the tagger: its Doc, view and gold tag per token.
struct Prepared {
  Doc doc;
  DocView view;
  std::vector<uint8_t> gold;
};
std::unique_ptr<Prepared> prepare(const AnnotatedText& text, const Gazetteer& gazetteer);

//! Trains on `docs` (each with how many times it is seen per epoch); returns the model file's bytes.
//! Progress goes to `log` when not null.
std::string train(const std::vector<std::pair<const Prepared*, int>>& docs, const TrainOptions& options,
                  std::FILE* log);

struct MentionScore {
  size_t tp = 0, fp = 0, fn = 0;
  double f1() const { return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn); }
};
//! Exact-match typed mention scores of the model on `docs` (the whole recogniser, not just the tagger).
MentionScore evaluate(const std::vector<const Prepared*>& docs, const std::string& model_bytes,
                      const Gazetteer& gazetteer);

}  // namespace recoupe::ner
