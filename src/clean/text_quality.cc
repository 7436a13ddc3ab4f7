#include "clean/text_quality.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "common/folding.h"

namespace recoupe {
namespace {

using std::string_view;

// -- matching French words in raw UTF-8, ignoring case and accents --------------------------------

// The unaccented lower-case ASCII letter of a Latin-1 letter (second byte after 0xC3), or 0.
char base_of_latin1(unsigned char second) noexcept {
  static constexpr char kTable[64] = {
      'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // 0x80 À..Ï
      0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   0,    // 0x90 Ð..ß
      'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // 0xA0 à..ï
      0,   'n', 'o', 'o', 'o', 'o', 'o', 0,   0,   'u', 'u', 'u', 'u', 'y', 0,   'y',  // 0xB0 ð..ÿ
  };
  return second >= 0x80 && second < 0xC0 ? kTable[second - 0x80] : 0;
}

// Reads one letter at `i` as unaccented lower-case ASCII (0 for anything else) and advances `i`.
char next_base_letter(string_view s, size_t& i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  if (c == 0xC3 && i + 1 < s.size()) {
    const char b = base_of_latin1(static_cast<unsigned char>(s[i + 1]));
    i += 2;
    return b;
  }
  ++i;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return 0;
}

// Length in bytes of `pattern` (lower-case ASCII) matched at s[pos] ignoring case and accents; 0 if none.
size_t match_at(string_view s, size_t pos, string_view pattern) noexcept {
  size_t i = pos;
  for (const char p : pattern) {
    if (i >= s.size()) return 0;
    const char c = next_base_letter(s, i);
    if (p == '\'' && (c == 0 && i >= 3 && s.substr(i - 3, 3) == "\u2019")) continue;  // ’ for '
    if (c != p) return 0;
  }
  return i - pos;
}

bool is_space(char c) noexcept { return c == ' ' || c == '\t'; }

// Whether s[i..] starts with a no-break or narrow no-break space (U+00A0, U+202F).
size_t nbsp_at(string_view s, size_t i) noexcept {
  if (s.substr(i, 2) == "\u00A0") return 2;
  if (s.substr(i, 3) == "\u202F") return 3;
  return 0;
}

size_t skip_spaces(string_view s, size_t i) noexcept {
  while (i < s.size()) {
    if (is_space(s[i])) { ++i; continue; }
    const size_t n = nbsp_at(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

string_view trim(string_view s) noexcept {
  size_t b = skip_spaces(s, 0);
  size_t e = s.size();
  while (e > b && (is_space(s[e - 1]) || static_cast<unsigned char>(s[e - 1]) == 0xA0 ||
                   static_cast<unsigned char>(s[e - 1]) == 0xAF)) {
    // 0xA0 / 0xAF end U+00A0 / U+202F; step back over the whole sequence.
    if (is_space(s[e - 1])) { --e; continue; }
    if (e >= 2 && s.substr(e - 2, 2) == "\u00A0") { e -= 2; continue; }
    if (e >= 3 && s.substr(e - 3, 3) == "\u202F") { e -= 3; continue; }
    break;
  }
  return s.substr(b, e - b);
}

bool is_word_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int count_words(string_view s) noexcept {
  int n = 0;
  bool in = false;
  for (const char c : s) {
    const bool w = is_word_byte(c);
    n += w && !in;
    in = w;
  }
  return n;
}

// -- lexicons ---------------------------------------------------------------------------------------

// Frequent English words that are not French words as well: "a", "an", "as", "on", "or", "but",
// "in", "us", "son", "plus", "place", "date" and the like are left out on purpose. Sorted.
constexpr auto kEnglishOnly = std::to_array<string_view>({
    "about", "after", "again", "against", "all", "also", "always", "and", "another", "any", "are", "around",
    "asked", "at", "away", "back", "be", "because", "been", "before", "being", "between", "both", "by", "came",
    "can", "come", "comes", "could", "country", "did", "do", "does", "doing", "done", "down", "during", "each",
    "even", "every", "for", "from", "get", "gets", "give", "going", "gone", "got", "government", "had", "has",
    "have", "having", "he", "her", "here", "him", "himself", "his", "how", "if", "into", "is", "it", "its",
    "just", "know", "last", "later", "least", "leave", "left", "less", "let", "like", "made", "make", "many",
    "may", "might", "more", "most", "much", "must", "my", "never", "new", "next", "not", "now", "of", "off",
    "often", "one", "only", "other", "our", "out", "over", "own", "people", "please", "protest", "protests",
    "really", "right", "said", "same", "say", "says", "see", "she", "should", "since", "so", "some", "still",
    "such", "take", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
    "think", "this", "those", "though", "through", "time", "to", "told", "too", "under", "until", "up", "upon",
    "very", "want", "wants", "war", "was", "way", "we", "well", "went", "were", "what", "when", "where",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "without", "world", "would", "year",
    "years", "you",
});

// Nouns a stock author bio is made of, English and French (folded). Sorted.
constexpr auto kBioNouns = std::to_array<string_view>({
    "accro", "addict", "adepte", "advocate", "aficionado", "amateur", "amatrice", "amoureuse", "amoureux",
    "analyst", "buff", "communicator", "creator", "defenseur", "devotee", "evangelist", "expert", "experte",
    "explorer", "fan", "fanatic", "fanatique", "geek", "gourou", "guru", "junkie", "lover", "maven", "mordu",
    "mordue", "nerd", "ninja", "passionne", "passionnee", "pioneer", "pionnier", "pionniere", "practitioner",
    "scholar", "specialist", "specialiste", "thinker", "trailblazer", "writer",
});

static_assert(std::is_sorted(kEnglishOnly.begin(), kEnglishOnly.end()));
static_assert(std::is_sorted(kBioNouns.begin(), kBioNouns.end()));

template <size_t N>
bool in_sorted(const std::array<string_view, N>& list, string_view w) noexcept {
  return std::binary_search(list.begin(), list.end(), w);
}

// Lower-cased ASCII copy of an ASCII word into `buf`; false when it is not ASCII or too long.
bool ascii_lower(string_view w, std::array<char, 32>& buf, string_view& out) noexcept {
  if (w.size() > buf.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out = string_view(buf.data(), w.size());
  return true;
}

// Calls f(word) for each run of letters, digits, apostrophes and hyphens inside words.
template <typename F>
void for_each_word(string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_word_byte(s[i])) ++i;
    size_t e = i;
    while (e < s.size() && (is_word_byte(s[e]) || ((s[e] == '\'' || s[e] == '-') && e + 1 < s.size() &&
                                                    is_word_byte(s[e + 1])))) {
      ++e;
    }
    if (e > i) f(s.substr(i, e - i));
    i = e;
  }
}

// -- line kinds -------------------------------------------------------------------------------------

// Lines that open with these and a separator (or nothing) point to other pages: "Lire aussi : …".
constexpr auto kLinkOpenings = std::to_array<string_view>({
    "a lire aussi", "a lire egalement", "a voir aussi", "lire aussi", "lire egalement", "voir aussi",
    "voir egalement",
});

// Lines that open with these are sharing, subscription or consent prompts, whatever follows.
constexpr auto kPromptOpenings = std::to_array<string_view>({
    "abonnez-vous", "accepter les cookies", "activez javascript", "ce site utilise des cookies",
    "cet article vous a plu", "en poursuivant votre navigation", "gerer les cookies",
    "inscrivez-vous a notre newsletter", "nous utilisons des cookies", "parametrer les cookies",
    "partager cet article", "partager l'article", "partager sur", "partagez sur", "recevez notre newsletter",
    "retrouvez-nous sur", "suivez-nous", "tous droits reserves", "vous avez aime cet article",
    "votre navigateur ne prend pas",
});

// Words of a share bar or a menu: a short line made only of them is boilerplate. Sorted.
constexpr auto kShareWords = std::to_array<string_view>({
    "accueil", "commentaires", "copier", "e-mail", "email", "envoyer", "facebook", "fermer", "imprimer",
    "lien", "linkedin", "mail", "menu", "partager", "pinterest", "pub", "publicite", "tweeter", "twitter",
    "whatsapp",
});

static_assert(std::is_sorted(kShareWords.begin(), kShareWords.end()));

bool is_boilerplate_line(string_view line) {
  if (line.size() > 240) return false;
  for (const string_view opening : kLinkOpenings) {
    const size_t n = match_at(line, 0, opening);
    if (n == 0) continue;
    const size_t k = skip_spaces(line, n);
    if (k == line.size() || std::strchr(":->|", line[k]) != nullptr) return true;
  }
  for (const string_view opening : kPromptOpenings) {
    const size_t n = match_at(line, 0, opening);
    if (n > 0 && (n == line.size() || !is_word_byte(line[n]))) return true;
  }
  if (line.size() > 80) return false;
  bool any = false, all = true;
  for_each_word(line, [&](string_view w) {
    const std::string f = fold(w);
    any = true;
    all = all && in_sorted(kShareWords, f);
  });
  return any && all;
}

// "Photo : la Bugatti Chiron à Francfort", "Illustration : …", "(Photo AFP)": a caption on its own line.
bool is_caption_line(string_view line) {
  if (line.size() > 300) return false;
  size_t i = line.front() == '(' ? 1 : 0;
  for (const string_view opening : {string_view("photos"), string_view("photo"), string_view("illustration"),
                                    string_view("image")}) {
    const size_t n = match_at(line, i, opening);
    if (n == 0) continue;
    const size_t k = skip_spaces(line, i + n);
    if (k < line.size() && line[k] == ':') return true;
    if (i == 1 && line.back() == ')') return true;  // "(Photo AFP)"
    return false;
  }
  return false;
}

// The quotation marks and spaces a bio may be wrapped in.
string_view strip_wrapping_quotes(string_view s) {
  for (;;) {
    s = trim(s);
    bool cut = false;
    for (const string_view q : {string_view("\u00AB"), string_view("\u201C"), string_view("\""), string_view("\u201E")}) {
      if (s.substr(0, q.size()) == q) { s.remove_prefix(q.size()); cut = true; }
    }
    for (const string_view q : {string_view("\u00BB"), string_view("\u201D"), string_view("\"")}) {
      if (s.size() >= q.size() && s.substr(s.size() - q.size()) == q) { s.remove_suffix(q.size()); cut = true; }
    }
    if (!cut) return s;
  }
}

// « Zombie enthusiast. Subtly charming travel practitioner. Webaholic. Internet expert. »: short phrases,
// most of them naming what the author is a fan or expert of. Generated by content farms, word for word.
bool is_stock_bio(string_view line) {
  if (line.size() > 300) return false;
  const string_view body = strip_wrapping_quotes(line);
  int phrases = 0, bio_like = 0;
  size_t b = 0;
  while (b < body.size()) {
    size_t e = body.find_first_of(".!|", b);
    if (e == string_view::npos) e = body.size();
    const string_view phrase = trim(body.substr(b, e - b));
    b = e + 1;
    if (phrase.empty()) continue;
    ++phrases;
    if (count_words(phrase) > 6) return false;
    bool bio = false;
    for_each_word(phrase, [&](string_view w) {
      const std::string f = fold(w);
      const bool aholic = f.size() > 6 && (f.ends_with("aholic") || f.ends_with("oholic"));
      bio = bio || aholic || in_sorted(kBioNouns, f);
    });
    bio_like += bio;
  }
  return phrases >= 2 && phrases <= 8 && bio_like * 3 >= phrases * 2;
}

// -- credits inside a line ----------------------------------------------------------------------------

struct Range {
  size_t begin = 0, end = 0;
  bool empty() const noexcept { return begin == end; }
};

// The holder of a credit runs to the end of the line (or to the closing parenthesis) and is short.
size_t credit_holder_end(string_view line, size_t from, bool in_parens) {
  size_t e = in_parens ? line.find(')', from) : line.size();
  if (e == string_view::npos) return 0;
  const string_view holder = trim(line.substr(from, e - from));
  if (holder.empty() || holder.size() > 80 || count_words(holder) > 8) return 0;
  return in_parens ? e + 1 : e;
}

// Finds "1 crédit : East2West", "Crédit photo : AFP", "Photo credit: Reuters", "© AFP" in a line.
Range find_credit(string_view line) {
  for (size_t p = 0; p < line.size(); ++p) {
    const auto c = static_cast<unsigned char>(line[p]);
    size_t after = 0;
    if (c == 0xC2 && p + 1 < line.size() && static_cast<unsigned char>(line[p + 1]) == 0xA9) {
      after = p + 2;  // ©
    } else if ((c == 'c' || c == 'C') && (p == 0 || !is_word_byte(line[p - 1]))) {
      size_t n = match_at(line, p, "credit");
      if (n == 0) continue;
      size_t k = p + n;
      if (k < line.size() && (line[k] == 's' || line[k] == 'S')) ++k;
      if (k < line.size() && is_word_byte(line[k])) continue;
      const size_t j = skip_spaces(line, k);
      for (const string_view what : {string_view("photos"), string_view("photo"), string_view("images"),
                                     string_view("image")}) {
        if (const size_t m = match_at(line, j, what); m > 0) { k = j + m; break; }
      }
      k = skip_spaces(line, k);
      if (k >= line.size() || line[k] != ':') continue;  // "crédit" as a word of the text: no colon
      after = k + 1;
    } else {
      continue;
    }
    // The credit starts at its marker, or before a "Photo" word, an image counter ("1 ") or a "(".
    size_t begin = p;
    size_t q = begin;
    while (q > 0 && is_space(line[q - 1])) --q;
    for (const string_view what : {string_view("photo"), string_view("image")}) {
      if (q >= what.size() && match_at(line, q - what.size(), what) == what.size() &&
          (q == what.size() || !is_word_byte(line[q - what.size() - 1]))) {
        begin = q - what.size();
        q = begin;
        while (q > 0 && is_space(line[q - 1])) --q;
        break;
      }
    }
    size_t d = q;
    while (d > 0 && line[d - 1] >= '0' && line[d - 1] <= '9') --d;
    if (d < q && (d == 0 || is_space(line[d - 1]))) {
      begin = d;
      q = d;
      while (q > 0 && is_space(line[q - 1])) --q;
    }
    const bool in_parens = q > 0 && line[q - 1] == '(';
    if (in_parens) begin = q - 1;
    // "Il a obtenu un crédit : 3 000 euros" is the text's own: a credit opens its line, or stands in
    // parentheses, or after a sentence, an image counter or the word "photo".
    if (c != 0xC2 && begin == p && q > 0 && std::strchr(".!?|-", line[q - 1]) == nullptr) continue;
    const size_t end = credit_holder_end(line, after, in_parens);
    if (end == 0) continue;
    return {begin, end};
  }
  return {};
}

// -- untranslated fragments -----------------------------------------------------------------------------

// "[people]", "[Belarus after protests over his vote-rigging]": English inside brackets, which a
// machine translation leaves where the source had a translator's note. "[dans le]" and "[Christophe
// Castaner]" are French editorial insertions and stay unflagged.
bool is_english_fragment(string_view inside) {
  if (inside.find_first_of("|<>{}=/") != string_view::npos) return false;  // markup, not words
  int words = 0, english = 0;
  size_t english_letters = 0;
  std::array<char, 32> buf{};
  for_each_word(inside, [&](string_view w) {
    ++words;
    string_view lw;
    if (ascii_lower(w, buf, lw) && is_english_only_word(lw)) {
      ++english;
      english_letters += lw.size();
    }
  });
  // One English word of three letters or more ("[later]"), or several: "[it]" alone says too little.
  return english * 2 >= words && (english >= 2 || english_letters >= 3);
}

void flag_untranslated(Field field, string_view text, std::vector<TextFlag>& flags) {
  for (size_t open = text.find('['); open != string_view::npos; open = text.find('[', open + 1)) {
    const size_t close = text.find_first_of("]\n[", open + 1);
    if (close == string_view::npos || text[close] != ']' || close - open > 200) continue;
    if (!is_english_fragment(text.substr(open + 1, close - open - 1))) continue;
    flags.push_back({"untranslated-fragment",
                     Span{field, static_cast<uint32_t>(open), static_cast<uint32_t>(close + 1)},
                     std::string(text.substr(open, close + 1 - open)), false});
  }
}

}  // namespace

bool is_english_only_word(std::string_view word) noexcept { return in_sorted(kEnglishOnly, word); }

std::vector<TextFlag> strip_noise(Field field, std::string& text) {
  std::vector<TextFlag> flags;
  const string_view in(text);
  // The last line with words: the only place a stock bio is looked for.
  size_t last_line = in.size();
  for (size_t e = in.size(); e > 0;) {
    const size_t b = in.rfind('\n', e - 1);
    const size_t start = b == string_view::npos ? 0 : b + 1;
    if (!trim(in.substr(start, e - start)).empty()) { last_line = start; break; }
    if (b == string_view::npos) break;
    e = b;
  }

  std::string out;
  bool changed = false;
  const auto removed = [&](const char* kind, string_view what) {
    const auto at = static_cast<uint32_t>(out.size());
    flags.push_back({kind, Span{field, at, at}, std::string(trim(what)), true});
    changed = true;
  };
  for (size_t b = 0; b <= in.size();) {
    size_t e = in.find('\n', b);
    if (e == string_view::npos) e = in.size();
    const string_view raw = in.substr(b, e - b);
    const string_view line = trim(raw);
    const bool is_last = b == last_line;
    b = e + 1;
    if (line.empty()) {  // a paragraph break: kept once
      if (!out.empty() && !out.ends_with("\n\n")) out.push_back('\n');
      continue;
    }
    if (is_boilerplate_line(line)) { removed("boilerplate", line); continue; }
    if (is_caption_line(line)) { removed("photo-caption", line); continue; }
    if (is_last && field == Field::kText && is_stock_bio(line)) { removed("author-bio", line); continue; }
    string_view keep = raw;
    std::string cut;
    if (const Range credit = find_credit(raw); !credit.empty()) {
      cut.assign(trim(raw.substr(0, credit.begin)));
      const string_view rest = trim(raw.substr(credit.end));
      if (!cut.empty() && !rest.empty()) cut.push_back(' ');
      cut.append(rest);
      const auto at = static_cast<uint32_t>(out.size() + trim(raw.substr(0, credit.begin)).size());
      flags.push_back({"photo-credit", Span{field, at, at},
                       std::string(trim(raw.substr(credit.begin, credit.end - credit.begin))), true});
      changed = true;
      keep = cut;
      if (trim(keep).empty()) continue;
    }
    out.append(keep);
    out.push_back('\n');
  }
  if (changed) {
    while (!out.empty() && out.back() == '\n') out.pop_back();
    for (TextFlag& f : flags) {  // a removal at the very end points at the end of the text
      f.span.begin = std::min<uint32_t>(f.span.begin, static_cast<uint32_t>(out.size()));
      f.span.end = f.span.begin;
    }
    text = std::move(out);
  }
  flag_untranslated(field, text, flags);
  std::stable_sort(flags.begin(), flags.end(),
                   [](const TextFlag& a, const TextFlag& b) { return a.span.begin < b.span.begin; });
  return flags;
}

}  // namespace recoupe
