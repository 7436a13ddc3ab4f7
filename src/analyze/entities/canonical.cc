#include "analyze/entities/canonical.h"

#include <unicode/uchar.h>

#include <array>
#include <numeric>

#include "common/folding.h"
#include "common/utf8.h"

namespace recoupe::ner {
namespace {

// Words that acronyms usually skip ("Organisation mondiale de la santé" → OMS).
bool is_function_word(const TokenView& t) {
  return (t.trigger & kTrigConnector) != 0 || t.shape == kElided || (t.flags & Token::kStop) != 0;
}

// The words of a mention: token indices, a slice of one list shared by all the mentions of an article.
struct Words {
  const uint32_t* first = nullptr;
  size_t count = 0;
  size_t size() const noexcept { return count; }
  bool empty() const noexcept { return count == 0; }
  uint32_t operator[](size_t k) const noexcept { return first[k]; }
};

struct Info {
  Words words;
  uint64_t sequence = 0;  // Gazetteer sequence hash of all the tokens
  bool acronym = false;
  std::string initials_all, initials_content;
};

int find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

bool all_caps_word(std::string_view w) {
  size_t letters = 0;
  for (size_t i = 0; i < w.size();) {
    const char32_t c = utf8::next(w, i);
    if (is_lower(c)) return false;
    letters += is_upper(c);
  }
  return letters >= 2;
}

void append_title_case(std::string_view word, std::string& out) {
  const std::string low = lower(word);
  size_t i = 0;
  const char32_t first = utf8::next(low, i);
  utf8::append(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(first))));
  out.append(low, i, std::string::npos);
}

}  // namespace

std::string normalise_name(std::string_view text, bool person) {
  // Words split at spaces; hyphenated parts are cased one by one ("JEAN-YVES" → "Jean-Yves"). The list is
  // the thread's, kept from one name to the next.
  thread_local std::vector<std::string_view> words;
  words.clear();
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
    size_t j = i;
    while (j < text.size() && !(text[j] == ' ' || text[j] == '\n' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  bool every_word_caps = words.size() > 1;
  for (std::string_view w : words) every_word_caps &= all_caps_word(w);
  std::string out;
  out.reserve(text.size());  // about as long as its text: one allocation, not one per doubling
  for (std::string_view w : words) {
    if (!out.empty()) out.push_back(' ');
    if (((person && words.size() > 1) || every_word_caps) && all_caps_word(w)) {
      size_t start = 0;
      for (size_t k = 0; k <= w.size(); ++k) {
        if (k == w.size() || w[k] == '-') {
          const std::string_view part = w.substr(start, k - start);
          if (!part.empty()) append_title_case(part, out);
          if (k < w.size()) out.push_back('-');
          start = k + 1;
        }
      }
    } else {
      out.append(w);
    }
  }
  // Straight apostrophes, so that one name is one string whatever the typography.
  if (out.find("\xE2\x80\x99") == std::string::npos) return out;
  std::string straight;
  straight.reserve(out.size());
  for (size_t p = 0; p < out.size(); ++p) {
    if (out.compare(p, 3, "\xE2\x80\x99") == 0) {
      straight.push_back('\'');
      p += 2;
    } else {
      straight.push_back(out[p]);
    }
  }
  return straight;
}

std::vector<std::string> canonical_names(const Doc& doc, const DocView& view, const Gazetteer& gazetteer,
                                         const std::vector<Mention>& mentions) {
  const size_t n = mentions.size();
  // The per-mention lists below are the thread's, kept from one article to the next.
  thread_local std::vector<Info> info;
  info.assign(n, Info{});
  thread_local std::vector<uint32_t> word_tokens;
  word_tokens.clear();
  size_t tokens = 0;
  for (const Mention& m : mentions) tokens += m.end - m.begin;
  word_tokens.reserve(tokens);  // the slices point into it: no reallocation below
  for (size_t m = 0; m < n; ++m) {
    Info& in = info[m];
    in.sequence = Gazetteer::kSeed;
    in.words.first = word_tokens.data() + word_tokens.size();
    for (uint32_t t = mentions[m].begin; t < mentions[m].end; ++t) {
      in.sequence = Gazetteer::extend(in.sequence, view.tokens[t].form);
      if (!(view.tokens[t].flags & Token::kWord)) continue;
      word_tokens.push_back(t);
      in.words.count += 1;
      const TokenView& tv = view.tokens[t];
      if (tv.initial == 0) continue;
      in.initials_all.push_back(tv.initial);
      if (!is_function_word(tv)) in.initials_content.push_back(tv.initial);
    }
    const TokenView& first = view.tokens[mentions[m].begin];
    in.acronym = in.words.size() == 1 && (first.shape == kAllCaps || first.shape == kMixedCase) &&
                 first.length >= 2 && first.length <= 8;
  }
  auto same_words = [&](const Info& a, size_t a_from, const Info& b, size_t b_from, size_t count) {
    for (size_t k = 0; k < count; ++k) {
      if (view.tokens[a.words[a_from + k]].form != view.tokens[b.words[b_from + k]].form) return false;
    }
    return true;
  };

  thread_local std::vector<int> parent;
  parent.resize(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto join = [&](size_t a, size_t b) { parent[find(parent, static_cast<int>(a))] = find(parent, static_cast<int>(b)); };

  // The mentions of each type, in order: a mention is compared with those of its type only.
  thread_local std::array<std::vector<uint32_t>, 4> of_type;
  for (std::vector<uint32_t>& list : of_type) list.clear();
  for (size_t m = 0; m < n; ++m) of_type[static_cast<size_t>(mentions[m].type)].push_back(static_cast<uint32_t>(m));
  for (size_t m = 0; m < n; ++m) {
    const Info& a = info[m];
    if (a.words.empty()) continue;
    // The longer mention this one stands for: the longest, then the nearest one before it, else the first after.
    // The same words are the same entity.
    int best = -1;
    std::string acr;
    int listed = -1;  // whether the gazetteer lists this one-word name: asked once, when needed
    for (const uint32_t o : of_type[static_cast<size_t>(mentions[m].type)]) {
      if (o == m) continue;
      const Info& b = info[o];
      if (b.words.size() == a.words.size() && b.sequence == a.sequence) {
        join(m, o);
        continue;
      }
      bool match = false;
      if (b.words.size() > a.words.size()) {
        if (mentions[m].type == Entity::Type::kPer) {
          match = same_words(a, 0, b, b.words.size() - a.words.size(), a.words.size());  // surname
        } else if (a.acronym) {
          if (acr.empty()) acr = fold(doc.text(doc.tokens[a.words[0]].span));  // once per mention
          match = acr == b.initials_all || acr == b.initials_content;
        } else if (a.words.size() == 1) {
          if (listed < 0) listed = gazetteer.known_name(mentions[m].type, a.sequence) != nullptr;
          // "Lion" for "Lion de Belfort", not "France" for "France Info"
          if (!listed) match = same_words(a, 0, b, 0, 1);
        }
      }
      if (!match) continue;
      const size_t have = best < 0 ? 0 : info[static_cast<size_t>(best)].words.size();
      if (b.words.size() > have || (b.words.size() == have && o < m)) best = static_cast<int>(o);
    }
    if (best >= 0) join(m, static_cast<size_t>(best));
  }
  // "Organisation mondiale de la santé (OMS)": the bracketed acronym is the name before it.
  for (size_t m = 0; m + 1 < n; ++m) {
    const Mention& a = mentions[m];
    const Mention& b = mentions[m + 1];
    if (!info[m + 1].acronym || b.begin != a.end + 1 || b.end >= doc.tokens.size()) continue;
    if (doc.text(doc.tokens[a.end].span) == "(" && doc.text(doc.tokens[b.end].span) == ")") join(m + 1, m);
  }

  // Each group's name: its longest mention (most words, then first), unless listed as a variant.
  thread_local std::vector<int> representative;
  representative.assign(n, -1);
  for (size_t m = 0; m < n; ++m) {
    const int root = find(parent, static_cast<int>(m));
    int& r = representative[static_cast<size_t>(root)];
    if (r < 0 || info[m].words.size() > info[static_cast<size_t>(r)].words.size() ||
        (info[m].words.size() == info[static_cast<size_t>(r)].words.size() && info[static_cast<size_t>(r)].acronym &&
         !info[m].acronym)) {
      r = static_cast<int>(m);
    }
  }
  // Each mention gets a copy of its group's name, and the group's first mention the name itself.
  std::vector<std::string> names(n);
  thread_local std::vector<std::string> group_name;
  group_name.clear();
  group_name.resize(n);
  thread_local std::vector<uint32_t> first_of_group;
  first_of_group.assign(n, UINT32_MAX);
  for (size_t m = 0; m < n; ++m) {
    const auto root = static_cast<size_t>(find(parent, static_cast<int>(m)));
    if (first_of_group[root] == UINT32_MAX) {
      first_of_group[root] = static_cast<uint32_t>(m);
      const auto r = static_cast<size_t>(representative[root]);
      const Mention& rep = mentions[r];
      std::string name;
      if (const std::string* listed = gazetteer.known_name(rep.type, info[r].sequence)) {
        name = *listed;
      } else if (rep.type == Entity::Type::kPer && info[r].words.size() <= 2) {
        if (const std::string* person = gazetteer.person_by_surname(info[r].sequence)) name = *person;
      }
      if (name.empty()) {
        const Token& first = doc.tokens[rep.begin];
        const Token& last = doc.tokens[rep.end - 1];
        const std::string_view text =
            std::string_view(doc.field(first.span.field)).substr(first.span.begin, last.span.end - first.span.begin);
        name = normalise_name(text, rep.type == Entity::Type::kPer);
      }
      group_name[root] = std::move(name);
    }
  }
  for (size_t m = n; m-- > 0;) {  // the first mention of a group last
    const auto root = static_cast<size_t>(find(parent, static_cast<int>(m)));
    names[m] = first_of_group[root] == m ? std::move(group_name[root]) : group_name[root];
  }
  return names;
}

}  // namespace recoupe::ner
