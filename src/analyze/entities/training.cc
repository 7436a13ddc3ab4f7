#include "analyze/entities/training.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "analyze/entities/gazetteer.h"
#include "analyze/entities/recognizer.h"
#include "analyze/entities/tagger.h"
#include "analyze/lexicon.h"
#include "common/folding.h"

namespace recoupe::ner {
namespace {

struct SourceToken {
  std::string text;
  int type = -1;  // Entity::Type, or -1 outside names
  bool begin = false;
  bool space_after = true;
};

int type_of_label(std::string_view label) {
  std::string l = lower(label);
  if (l.rfind("pers", 0) == 0 || l.rfind("per", 0) == 0) return static_cast<int>(Entity::Type::kPer);
  if (l.rfind("loc", 0) == 0) return static_cast<int>(Entity::Type::kLoc);
  if (l.rfind("org", 0) == 0) return static_cast<int>(Entity::Type::kOrg);
  return -1;
}

// Sets type/begin from an IOB1 or IOB2 tag.
void apply_tag(std::string_view tag, const SourceToken* prev, SourceToken& t) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return;
  t.type = type_of_label(tag.substr(2));
  if (t.type < 0) return;
  t.begin = tag[0] == 'B' || !prev || prev->type != t.type;
}

bool is_title_or_article(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "docteur", "general", "president", "le", "la", "les",
      "l", "l'", "du", "de", "des", "d", "d'", "'", "\xE2\x80\x99", ".", "sir", "lord", "saint-pere", "abbe",
      "monsieur", "madame", "mademoiselle", "mgr", "s", "pere", "ministre", "marechal", "colonel", "capitaine",
      "lieutenant", "amiral", "commandant", "baron", "baronne", "comte", "comtesse", "duc", "duchesse", "marquis",
      "prince", "princesse", "roi", "reine", "professeur", "maitre", "me", "cardinal", "citoyen", "camarade",
      "<", ">", "«", "»", "\"", ",", ";", ":", "(", ")", "-"};
  for (std::string_view w : kWords) {
    if (folded == w) return true;
  }
  return false;
}

// Brings other schemes' mentions to the project's guide (see training.h).
void clean_runs(std::vector<SourceToken>& tokens) {
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i].type < 0) {
      ++i;
      continue;
    }
    size_t e = i + 1;
    while (e < tokens.size() && tokens[e].type == tokens[i].type && !tokens[e].begin) ++e;
    const int type = tokens[i].type;
    size_t b = i;
    while (b < e && is_title_or_article(fold(tokens[b].text)) &&
           !(b + 1 == e)) {  // keep a run of one token as it is
      tokens[b].type = -1;
      ++b;
    }
    size_t end = e;
    if (type == static_cast<int>(Entity::Type::kPer)) {
      for (size_t k = b; k < e; ++k) {
        if (tokens[k].text == "," || tokens[k].text == "(") {
          end = k;
          break;
        }
      }
    }
    for (size_t k = end; k < e; ++k) tokens[k].type = -1;
    while (end > b && is_title_or_article(fold(tokens[end - 1].text))) tokens[--end].type = -1;
    if (b < end) tokens[b].begin = true;
    i = e;
  }
}

// Joins tokens into text, one space between them unless told otherwise; hyphenation at line ends undone.
AnnotatedText assemble(std::vector<SourceToken>& tokens, const std::string& origin) {
  clean_runs(tokens);
  AnnotatedText out;
  out.origin = origin;
  GoldSpan open;
  bool in_span = false;
  auto close = [&] {
    if (in_span) out.spans.push_back(open);
    in_span = false;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    SourceToken& t = tokens[i];
    std::string text = t.text;
    bool space = t.space_after;
    // "Poin¬" + "caré": one word again.
    while (text.size() >= 2 && text.compare(text.size() - 2, 2, "\xC2\xAC") == 0 && i + 1 < tokens.size()) {
      text.resize(text.size() - 2);
      text += tokens[i + 1].text;
      space = tokens[i + 1].space_after;
      ++i;
    }
    if (t.type < 0 || t.begin) close();
    const auto start = static_cast<uint32_t>(out.text.size());
    out.text += text;
    if (t.type >= 0) {
      if (!in_span) {
        open = GoldSpan{start, 0, static_cast<Entity::Type>(t.type)};
        in_span = true;
      }
      open.end = static_cast<uint32_t>(out.text.size());
    }
    if (space) out.text.push_back(' ');
  }
  close();
  return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  while (true) {
    const size_t tab = line.find('\t');
    cols.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return cols;
}

Result<std::vector<AnnotatedText>> parse_tsv(std::string_view content, const std::string& path) {
  std::vector<AnnotatedText> docs;
  std::vector<SourceToken> tokens;
  size_t token_col = 0, ne_col = 1, misc_col = SIZE_MAX, line_no = 0, doc_line = 1;
  auto flush = [&] {
    if (!tokens.empty()) docs.push_back(assemble(tokens, path + ":" + std::to_string(doc_line)));
    tokens.clear();
  };
  while (!content.empty()) {
    const std::string_view line = take_line(content);
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.find("document_id") != std::string_view::npos) {
        flush();
        doc_line = line_no;
      }
      continue;
    }
    const auto cols = split_tabs(line);
    if (cols[0] == "TOKEN") {
      for (size_t c = 0; c < cols.size(); ++c) {
        if (cols[c] == "NE-COARSE-LIT") ne_col = c;
        if (cols[c] == "MISC") misc_col = c;
      }
      continue;
    }
    if (cols.size() <= std::max(token_col, ne_col)) {
      return Error{Errc::kBadInput, path + ":" + std::to_string(line_no) + ": too few columns"};
    }
    SourceToken t;
    t.text = std::string(cols[token_col]);
    if (misc_col < cols.size()) t.space_after = cols[misc_col].find("NoSpaceAfter") == std::string_view::npos;
    apply_tag(cols[ne_col], tokens.empty() ? nullptr : &tokens.back(), t);
    tokens.push_back(std::move(t));
  }
  flush();
  return docs;
}

Result<std::vector<AnnotatedText>> parse_bio(std::string_view content, const std::string& path) {
  constexpr size_t kWordsPerDoc = 300;
  std::vector<AnnotatedText> docs;
  std::vector<SourceToken> tokens;
  size_t line_no = 0, doc_line = 1;
  auto flush = [&] {
    if (!tokens.empty()) docs.push_back(assemble(tokens, path + ":" + std::to_string(doc_line)));
    tokens.clear();
    doc_line = line_no + 1;
  };
  while (!content.empty()) {
    const std::string_view line = take_line(content);
    ++line_no;
    if (line.empty()) {
      flush();
      continue;
    }
    const size_t sp = line.rfind(' ');
    if (sp == std::string_view::npos || sp == 0) continue;
    SourceToken t;
    t.text = std::string(line.substr(0, sp));
    const char last = t.text.back();
    t.space_after = !(last == '\'' || (t.text.size() >= 3 && t.text.compare(t.text.size() - 3, 3, "\xE2\x80\x99") == 0));
    apply_tag(line.substr(sp + 1), tokens.empty() ? nullptr : &tokens.back(), t);
    const bool sentence_end = t.text == "." || t.text == "!" || t.text == "?";
    tokens.push_back(std::move(t));
    if (sentence_end && tokens.size() >= kWordsPerDoc) flush();
  }
  flush();
  return docs;
}

}  // namespace

Result<std::vector<AnnotatedText>> parse_bracketed(std::string_view content, const std::string& origin) {
  std::vector<AnnotatedText> docs;
  AnnotatedText doc;
  size_t line_no = 0;
  auto flush = [&] {
    if (!doc.text.empty()) docs.push_back(std::move(doc));
    doc = AnnotatedText{};
  };
  while (!content.empty()) {
    const std::string_view line = take_line(content);
    ++line_no;
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    if (doc.text.empty()) doc.origin = origin + ":" + std::to_string(line_no);
    else doc.text.push_back('\n');
    const std::string where = origin + ":" + std::to_string(line_no);
    for (size_t i = 0; i < line.size();) {
      if (line[i] == ']') return Error{Errc::kBadInput, where + ": ']' with no '[' before it"};
      if (line[i] != '[') {
        doc.text.push_back(line[i++]);
        continue;
      }
      const size_t sp = line.find(' ', i);
      const size_t close = line.find(']', i);
      if (sp == std::string_view::npos || close == std::string_view::npos || close < sp) {
        return Error{Errc::kBadInput, where + ": '[' must be followed by a type, a space, a name and ']'"};
      }
      const int type = type_of_label(line.substr(i + 1, sp - i - 1));
      if (type < 0) return Error{Errc::kBadInput, where + ": unknown type '" + std::string(line.substr(i + 1, sp - i - 1)) + "'"};
      GoldSpan s;
      s.begin = static_cast<uint32_t>(doc.text.size());
      doc.text.append(line.substr(sp + 1, close - sp - 1));
      s.end = static_cast<uint32_t>(doc.text.size());
      s.type = static_cast<Entity::Type>(type);
      doc.spans.push_back(s);
      i = close + 1;
    }
  }
  flush();
  return docs;
}

Result<std::vector<AnnotatedText>> read_annotated(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{Errc::kIo, path + ": cannot open"};
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string content = ss.str();
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".tsv")) return parse_tsv(content, path);
  if (ends_with(".bio")) return parse_bio(content, path);
  if (ends_with(".txt")) return parse_bracketed(content, path);
  return Error{Errc::kBadInput, path + ": unknown format (want .tsv, .bio or .txt)"};
}

std::unique_ptr<Prepared> prepare(const AnnotatedText& text, const Gazetteer& gazetteer) {
  auto p = std::make_unique<Prepared>();
  p->doc.id = text.origin;
  p->doc.field(Field::kText) = text.text;
  prepare_for_tagging(p->doc);
  build_view(p->doc, gazetteer, p->view);
  p->gold.assign(p->doc.tokens.size(), kO);
  size_t t = 0;
  for (const GoldSpan& s : text.spans) {
    while (t < p->doc.tokens.size() && p->doc.tokens[t].span.end <= s.begin) ++t;
    bool first = true;
    for (size_t k = t; k < p->doc.tokens.size() && p->doc.tokens[k].span.begin < s.end; ++k) {
      const int b = begin_tag(s.type);
      if (b == kO) break;
      p->gold[k] = static_cast<uint8_t>(first ? b : b + 1);
      first = false;
    }
  }
  return p;
}

std::string train(const std::vector<std::pair<const Prepared*, int>>& docs, const TrainOptions& options,
                  std::FILE* log) {
  struct Item {
    const Prepared* doc;
    uint32_t begin, end;
  };
  std::vector<Item> items;
  for (const auto& [doc, repeat] : docs) {
    for (int r = 0; r < repeat; ++r) {
      for (const auto& [b, e] : doc->view.sentences) items.push_back(Item{doc, b, e});
    }
  }
  Trainer trainer;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(items.begin(), items.end(), rng);
    size_t errors = 0, tokens = 0;
    for (const Item& it : items) {
      const bool drop = coin(rng) < options.gazetteer_dropout;
      errors += trainer.learn(it.doc->view, it.begin, it.end, it.doc->gold.data() + it.begin, drop);
      tokens += it.end - it.begin;
    }
    if (log) {
      std::fprintf(log, "epoch %d: %zu sentences, %zu tokens, %.3f%% tagged wrong\n", epoch, items.size(), tokens,
                   100.0 * static_cast<double>(errors) / static_cast<double>(std::max<size_t>(tokens, 1)));
    }
  }
  return trainer.save(options.max_rows);
}

MentionScore evaluate(const std::vector<const Prepared*>& docs, const std::string& model_bytes,
                      const Gazetteer& gazetteer) {
  MentionScore score;
  Result<Model> model = Model::parse(model_bytes);
  if (!model) return score;
  DocView view;
  for (const Prepared* p : docs) {
    std::vector<std::tuple<uint32_t, uint32_t, int>> gold, found;
    for (uint32_t i = 0; i < p->gold.size();) {
      if (!is_begin(p->gold[i])) {
        ++i;
        continue;
      }
      const uint32_t b = i++;
      while (i < p->gold.size() && is_inside(p->gold[i]) && p->gold[i] == p->gold[b] + 1) ++i;
      gold.emplace_back(b, i, p->gold[b]);
    }
    for (const Mention& m : find_mentions(p->doc, view, *model, gazetteer)) {
      found.emplace_back(m.begin, m.end, begin_tag(m.type));
    }
    std::sort(gold.begin(), gold.end());
    std::sort(found.begin(), found.end());
    std::vector<std::tuple<uint32_t, uint32_t, int>> both;
    std::set_intersection(gold.begin(), gold.end(), found.begin(), found.end(), std::back_inserter(both));
    score.tp += both.size();
    score.fp += found.size() - both.size();
    score.fn += gold.size() - both.size();
  }
  return score;
}

}  // namespace recoupe::ner
