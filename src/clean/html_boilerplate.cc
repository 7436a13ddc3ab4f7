#include "clean/html_boilerplate.h"

#include <algorithm>
#include <cstring>
#include <tuple>
#include <unordered_map>

#include "clean/html_metadata.h"

namespace recoupe::html {
namespace {

// Class and id fragments, matched in the name with separators dropped and lower-cased
// ("c-article__body" → "carticlebody"). Content wins over boilerplate when a name has both.
constexpr const char* kContentNames[] = {
    "articlebody", "articlecontent", "articletext", "articlecorps", "corpsarticle", "entrycontent",
    "postcontent", "postbody", "storybody", "storycontent", "contentbody", "bodytext", "articlechapo",
    "chapo", "chapeau", "standfirst", "articlelead", "leadtext", "textearticle", "articletexte", "richtext",
    "paywalledcontent", "contenuarticle", "articlecontenu", "postentry", "entrybody", "mainarticle"};
constexpr const char* kBoilerplateNames[] = {
    "comment", "share", "sharing", "social", "cookie", "consent", "didomi", "gdpr", "rgpd", "newsletter",
    "related", "outbrain", "taboola", "ligatus", "breadcrumb", "filariane", "sidebar", "footer", "navbar",
    "navigation", "menu", "lireaussi", "alireaussi", "alire", "voiraussi", "readmore", "readalso", "seealso",
    "surlememesujet", "memesujet", "mostread", "pluslus", "lesplus", "popular", "trending", "recommend",
    "widget", "banner", "promo", "savoirplus", "capping", "readingtime", "tempsdelecture", "sponsor", "advert", "adsense", "dfp", "caption", "legende", "credit",
    "copyright", "byline", "signature", "keyword", "motscles", "pagination", "pager", "modal", "popup",
    "overlay", "subscribe", "abonnement", "subscription", "toolbar", "skiplink", "sronly", "visuallyhidden",
    "screenreader", "disqus", "reaction", "partage", "reseaux", "teaser", "tagcloud", "taglist", "articletags",
    "tagslist", "authorbio", "authorinfo", "aboutauthor", "publicationdate", "publishdate", "dateline",
    "timestamp", "nocontent", "embed", "player", "slideshow", "carousel", "gallery", "diaporama", "thumbnail",
    "paywall", "registration", "login", "signup", "print"};
// Whole tokens only (too short to match inside a longer word): "share-bar", "nav__item", "adBox".
constexpr const char* kBoilerplateTokens[] = {"ad",  "ads", "pub",  "nav",  "author", "bio",
                                              "cta", "poll", "vote", "rating", "promo"};
// Whole class words only: as a token they name a part of something else ("field--label-hidden" hides a
// label, not the field; WordPress tags an article "tag-femme"; "date" alone is a dateline).
constexpr const char* kBoilerplateWords[] = {"hidden", "hide", "d-none", "more", "extra", "date", "meta", "links",
                                             "infos", "tools", "tool", "toolbox", "is-hidden", "tag", "tags", "aside"};

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }
bool is_alnum(char c) noexcept { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// A set of fragments found inside a word: bucketed by first letter, so that a word is read once.
class FragmentSet {
 public:
  template <size_t N>
  explicit FragmentSet(const char* const (&fragments)[N]) {
    for (const char* f : fragments) buckets_[static_cast<unsigned char>(f[0])].emplace_back(f);
  }
  bool found_in(std::string_view word) const {
    for (size_t i = 0; i < word.size(); ++i) {
      for (const std::string_view f : buckets_[static_cast<unsigned char>(word[i])]) {
        if (word.compare(i, f.size(), f) == 0) return true;
      }
    }
    return false;
  }

 private:
  std::vector<std::string_view> buckets_[256];
};

bool is_boilerplate_token(std::string_view token) {
  for (const char* b : kBoilerplateTokens) {
    if (token == b) return true;
  }
  return false;
}

// Judges one class, id, or role value (several words).
Verdict judge_names(std::string_view value) {
  static const FragmentSet content_names(kContentNames);
  static const FragmentSet boilerplate_names(kBoilerplateNames);
  bool content = false, boilerplate = false;
  size_t i = 0;
  std::string joined, token;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n')) ++i;
    const size_t start = i;
    while (i < value.size() && value[i] != ' ' && value[i] != '\t' && value[i] != '\n') ++i;
    const std::string_view word = value.substr(start, i - start);
    if (word.empty() || word.size() > 80) continue;
    for (const char* w : kBoilerplateWords) {
      if (word.size() == std::strlen(w) && iequals(word, w)) boilerplate = true;
    }
    joined.clear();
    for (const char c : word) {
      if (is_alnum(c)) joined.push_back(lower(c));
    }
    content = content || content_names.found_in(joined);
    boilerplate = boilerplate || boilerplate_names.found_in(joined);
    // Tokens: split at anything not alphanumeric, and at camelCase humps ("shareBar").
    size_t t = 0;
    while (t < word.size() && !boilerplate) {
      while (t < word.size() && !is_alnum(word[t])) ++t;
      if (t >= word.size()) break;
      const size_t ts = t++;
      while (t < word.size() && is_alnum(word[t]) && !(word[t] >= 'A' && word[t] <= 'Z' && word[t - 1] >= 'a')) ++t;
      token.clear();
      for (size_t k = ts; k < t; ++k) token.push_back(lower(word[k]));
      boilerplate = is_boilerplate_token(token);
    }
  }
  if (content) return Verdict::kContent;
  return boilerplate ? Verdict::kBoilerplate : Verdict::kNeutral;
}

// judge_names, remembered: a site's pages repeat the same few hundred class names.
Verdict name_verdict(std::string_view value) {
  thread_local std::unordered_map<std::string, Verdict> cache;
  thread_local std::string key;
  key.assign(value);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() > 100000) cache.clear();  // bounded: an adversarial stream cannot grow it forever
  const Verdict v = judge_names(value);
  cache.emplace(key, v);
  return v;
}

// The first bytes of `text` lower-cased into buf (ASCII, and the Latin-1 capitals À..Þ); never
// cuts a two-byte character.
std::string_view lower_head(std::string_view text, char* buf, size_t size) {
  size_t n = 0;
  for (size_t i = 0; i < text.size() && n < size; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      if (n + 2 > size) break;
      const auto c2 = static_cast<unsigned char>(text[i + 1]);
      buf[n++] = static_cast<char>(c);
      buf[n++] = static_cast<char>(c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97 ? c2 + 0x20 : c2);
      ++i;
      continue;
    }
    buf[n++] = lower(static_cast<char>(c));
  }
  return std::string_view(buf, n);
}

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Subtree of `c` in pre-order: [c, subtree_end(c)).
uint32_t subtree_end(const Dom& dom, uint32_t c) {
  uint32_t last = c;
  while (dom.node(last).last_child != Node::kNone) last = dom.node(last).last_child;
  return last + 1;
}

// True when the text ends as a sentence does (not a title, a label or a link).
bool ends_a_sentence(std::string_view t) {
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (t.empty()) return false;
  const char c = t.back();
  return c == '.' || c == '!' || c == '?' || c == ')' || c == '"' || t.ends_with("\xC2\xBB") ||
         t.ends_with("\xE2\x80\xA6");
}

// Teaser boxes and offers are judged as a whole when small: at most this many blocks and characters.
constexpr uint32_t kBoxBlocks = 6;
constexpr uint32_t kBoxChars = 1500;

// Weight of the block that repeats the page's title, in characters of prose.
constexpr double kTitleWeight = 150;
// Weight per character of a block whose names or text say boilerplate (link lists weigh -1).
constexpr double kNamedBoilerplateWeight = 0.25;

}  // namespace

Verdict tag_verdict(Tag tag) {
  switch (tag) {
    case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kFigure: case Tag::kFigcaption:
    case Tag::kMenu: case Tag::kDialog: case Tag::kCaption:
      return Verdict::kBoilerplate;
    default:
      return Verdict::kNeutral;
  }
}

Verdict element_verdict(const Dom& dom, const Node& node) {
  if (tag_verdict(node.tag) == Verdict::kBoilerplate) return Verdict::kBoilerplate;
  Verdict v = Verdict::kNeutral;
  for (const Attribute* a = dom.attr_begin(node); a != dom.attr_end(node); ++a) {
    if (iequals(a->name, "itemprop")) {
      if (iequals(a->value, "articleBody") || iequals(a->value, "text") || iequals(a->value, "description")) {
        return Verdict::kContent;
      }
    } else if (iequals(a->name, "role")) {
      const std::string role = lower_ascii(a->value);
      if (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "search" ||
          role == "menu" || role == "menubar" || role == "dialog" || role == "alertdialog" || role == "banner") {
        return Verdict::kBoilerplate;
      }
    } else if (iequals(a->name, "class") || iequals(a->name, "id")) {
      const Verdict w = name_verdict(a->value);
      if (w == Verdict::kContent) return w;
      if (w == Verdict::kBoilerplate) v = w;
    }
  }
  return v;
}

Verdict text_verdict(std::string_view text, uint32_t chars) {
  using namespace std::string_view_literals;
  if (chars >= 600 || text.empty()) return Verdict::kNeutral;
  // The start of the text, lower-cased (À, É, ... too): every prefix test reads this copy.
  char buf[48];
  const std::string_view head = lower_head(text, buf, sizeof buf);
  auto starts = [&](std::string_view p) { return head.substr(0, p.size()) == p; };
  // Pointers to more reading.
  static constexpr std::string_view kPointers[] = {
      "lire aussi"sv, "\xC3\xA0 lire aussi"sv, "a lire aussi"sv, "lire \xC3\xA9galement"sv,
      "\xC3\xA0 lire \xC3\xA9galement"sv, "voir aussi"sv, "\xC3\xA0 voir aussi"sv, "a voir aussi"sv,
      "sur le m\xC3\xAAme sujet"sv, "read also"sv, "read more"sv, "see also"sv, "pour aller plus loin"sv,
      "\xC3\xA0 d\xC3\xA9\x63ouvrir"sv, "d\xC3\xA9\x63ouvrez aussi"sv, "regarder aussi"sv,
      "\xC3\xA9\x63outer aussi"sv, "\xC3\xA0 \xC3\xA9\x63outer"sv, "lire la suite"sv, "voir la suite"sv,
      "tous nos articles"sv, "toute l'actualit\xC3\xA9"sv, "retrouvez"sv, "suivez-nous"sv, "suivez nous"sv,
      "abonnez-vous"sv, "inscrivez-vous"sv, "t\xC3\xA9l\xC3\xA9\x63hargez"sv,
      "cet article est r\xC3\xA9serv\xC3\xA9"sv, "il vous reste"sv, "vous avez aim\xC3\xA9"sv, "partager"sv,
      "publicit\xC3\xA9"sv, "temps de lecture"sv, "article r\xC3\xA9serv\xC3\xA9"sv, "r\xC3\xA9serv\xC3\xA9 aux abonn\xC3\xA9s"sv,
      "lecture restreinte"sv, "pour ajouter l"sv, "identifiez-vous"sv, "permalien"sv, "nouveau : d\xC3\xA9\x63ouvrez"sv,
      "d\xC3\xA9j\xC3\xA0 abonn\xC3\xA9"sv, "d\xC3\xA9\x63ouvrez nos offres"sv, "profitez de l'offre"sv};
  if (chars < 300) {
    for (const std::string_view p : kPointers) {
      if (starts(p)) return Verdict::kBoilerplate;
    }
  }
  if (chars < 160) {
    // A title behind an arrow ("> Un autre titre"): a pointer to another article, not a sentence.
    if (head.size() > 2 && head[0] == '>' && head[1] == ' ' && !ends_a_sentence(text)) return Verdict::kBoilerplate;
    // Credits and captions: "© AFP", "Crédit photo : ...", "BERTRAND GUAY / AFP".
    static constexpr std::string_view kCredits[] = {
        "\xC2\xA9"sv, "(c)"sv, "cr\xC3\xA9\x64it"sv, "credit"sv, "photo :"sv, "photo:"sv, "photos :"sv,
        "illustration :"sv, "illustration -"sv, "source :"sv, "image :"sv, "vid\xC3\xA9o :"sv, "(photo"sv};
    for (const std::string_view p : kCredits) {
      if (starts(p)) return Verdict::kBoilerplate;
    }
    const std::string low = lower_ascii(text);
    static constexpr std::string_view kAgencies[] = {
        "/ afp"sv, "/afp"sv, "/ reuters"sv, "/ ap"sv, "getty images"sv, "istock"sv, "shutterstock"sv, "maxppp"sv,
        "/ sipa"sv, "abaca"sv, "/ hans lucas"sv, "\xC2\xA9 "sv, "photo d'illustration"sv, ", photo:"sv,
        ", photo :"sv, "photo\xC2\xA0:"sv};
    for (const std::string_view a : kAgencies) {
      if (contains(low, a)) return Verdict::kBoilerplate;
    }
    // Bylines and dates: "Publié le 15 juin 2020 à 10h30", "Mis à jour le ...", "Par Jean Dupont".
    static constexpr std::string_view kBylines[] = {"publi\xC3\xA9 "sv, "mis \xC3\xA0 jour"sv, "modifi\xC3\xA9 le"sv,
                                                    "mise \xC3\xA0 jour"sv, "posted "sv, "published "sv,
                                                    "updated "sv};
    for (const std::string_view b : kBylines) {
      if (starts(b) && !date_from_text(text).empty()) return Verdict::kBoilerplate;
    }
    if (chars < 60 && text.find('.') == std::string_view::npos && !date_from_text(text).empty()) {
      return Verdict::kBoilerplate;  // a date alone, or "Le 15 juin 2020"
    }
    if (chars < 80 && (starts("par "sv) || starts("by "sv)) && text.size() > 4) {
      const size_t at = text.find(' ') + 1;
      const char first = text[at];
      if (((first >= 'A' && first <= 'Z') || static_cast<unsigned char>(first) == 0xC3) && text.back() != '.') {
        return Verdict::kBoilerplate;
      }
    }
  }
  if (chars < 40) {
    // Buttons and labels that pages leave as text.
    static constexpr std::string_view kLabels[] = {
        "partager"sv, "facebook"sv, "twitter"sv, "linkedin"sv, "whatsapp"sv, "pinterest"sv, "e-mail"sv, "email"sv,
        "imprimer"sv, "envoyer"sv, "copier le lien"sv, "tweeter"sv, "pub"sv, "abonnez-vous"sv, "s'abonner"sv,
        "je m'abonne"sv, "newsletter"sv, "commenter"sv, "commentaires"sv, "r\xC3\xA9\x61gir"sv, "suivre"sv,
        "fermer"sv, "menu"sv, "rechercher"sv, "accueil"sv, "se connecter"sv, "connexion"sv, "voir plus"sv,
        "afficher plus"sv, "haut de page"sv, "sommaire"sv, "sponsoris\xC3\xA9"sv,
        "contenus sponsoris\xC3\xA9s"sv, "mon compte"sv, "s'inscrire"sv, "retour"sv, "en direct"sv, "offert"sv,
        "abonn\xC3\xA9s"sv};
    std::string_view label = head;
    while (!label.empty() && (label.back() == ' ' || label.back() == ':' || label.back() == '.')) label.remove_suffix(1);
    for (const std::string_view l : kLabels) {
      if (label == l) return Verdict::kBoilerplate;
    }
  }
  // Cookie banners.
  if (text.find("ookie") != std::string_view::npos) {
    const std::string low = lower_ascii(text);
    if (contains(low, "accept") || contains(low, "consent") || contains(low, "param\xC3\xA8tr") ||
        contains(low, "utilis") || contains(low, "navigation")) {
      return Verdict::kBoilerplate;
    }
  }
  return Verdict::kNeutral;
}

std::string fold_for_match(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_alnum(static_cast<char>(c))) out.push_back(lower(static_cast<char>(c)));
      continue;
    }
    if (c == 0xC3 && i + 1 < text.size()) {  // Latin-1 letters: drop the accent
      static const char kBase[] = "aaaaaaeceeeeiiiidnooooo/ouuuuyts"
                                  "aaaaaaeceeeeiiiidnooooo/ouuuuyty";
      const auto c2 = static_cast<unsigned char>(text[++i]);
      if (c2 >= 0x80 && c2 <= 0xBF) {
        const char b = kBase[c2 - 0x80];
        if (b != '/') out.push_back(b);
      }
      continue;
    }
    if (c == 0xC2 || c == 0xE2) {  // Latin-1 punctuation, general punctuation (’ « » – …)
      i += c == 0xC2 ? 1 : 2;
      continue;
    }
    out.push_back(static_cast<char>(c));  // other scripts, as they are
  }
  return out;
}

Selection select_content(const Dom& dom, const std::vector<Block>& blocks, const ContentHints& hints) {
  Selection sel;
  const uint32_t n = dom.size();
  if (blocks.empty()) return sel;

  // 1. What each element's names say.
  std::vector<Verdict> verdict(n, Verdict::kNeutral);
  for (uint32_t i = 1; i < n; ++i) {
    if (!dom.node(i).is_text()) verdict[i] = element_verdict(dom, dom.node(i));
  }

  // 2. What each block says on its own, and whether the JSON-LD articleBody holds it.
  // (Bounded: an articleBody of more than 256 kB, or a block past the 4,000th, is not looked up, so that
  // the search stays linear in the page.)
  const std::string body_folded = hints.article_body.size() >= 200 && hints.article_body.size() <= (256u << 10)
                                      ? fold_for_match(hints.article_body)
                                      : "";
  const std::string title_folded = fold_for_match(hints.title);
  std::vector<Verdict> says(blocks.size());
  std::vector<uint8_t> confirmed(blocks.size(), 0);
  // Prose characters per element, summed up the tree below; what sits in <nav>, <aside>, <footer>
  // (the structure, surer than names) is not counted.
  std::vector<uint8_t> in_tagged(n, 0);
  for (uint32_t i = 1; i < n; ++i) {
    in_tagged[i] = in_tagged[dom.node(i).parent] || tag_verdict(dom.node(i).tag) == Verdict::kBoilerplate;
  }
  std::vector<double> prose(n, 0.0);
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    says[b] = text_verdict(blk.text, blk.chars);
    if (!body_folded.empty() && blk.chars >= 30 && b < 4000) {
      const std::string f = fold_for_match(blk.text);
      confirmed[b] = f.size() >= 20 && body_folded.find(f.substr(0, std::min<size_t>(f.size(), 200))) != std::string::npos;
    }
    if (says[b] != Verdict::kBoilerplate && !blk.heading && !blk.caption && blk.chars >= 50 &&
        blk.link_density() < 0.3 && !in_tagged[blk.owner]) {
      prose[blk.owner] += blk.chars;
    }
  }
  // A small box (the blocks of one element) goes whole when it is a teaser or an offer: after a heading that
  // says boilerplate ("Découvrez nos offres"), or when most of its lines say boilerplate and none is a
  // sentence (a list of pointers to other articles under its own heading).
  {
    std::vector<uint32_t> box_blocks(n, 0), box_chars(n, 0), box_noise(n, 0);
    std::vector<uint32_t> noise_heading(n, Node::kNone);
    std::vector<uint8_t> box_prose(n, 0);
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Block& blk = blocks[b];
      const uint32_t p = dom.node(blk.owner).parent;
      if (p == Node::kNone || p == 0) continue;
      ++box_blocks[p];
      box_chars[p] += blk.chars;
      if (says[b] == Verdict::kBoilerplate) {
        ++box_noise[p];
        if (blk.heading && noise_heading[p] == Node::kNone) noise_heading[p] = static_cast<uint32_t>(b);
      } else if (blk.chars >= 100 || (!blk.heading && ends_a_sentence(blk.text))) {  // a long heading is a lead
        box_prose[p] = 1;
      }
    }
    for (size_t b = 0; b < blocks.size(); ++b) {
      const uint32_t p = dom.node(blocks[b].owner).parent;
      if (p == Node::kNone || p == 0 || box_blocks[p] > kBoxBlocks || box_chars[p] > kBoxChars) continue;
      const bool after_noise_heading = noise_heading[p] != Node::kNone && noise_heading[p] < b;
      const bool pointer_list = box_noise[p] >= 2 && 2 * box_noise[p] >= box_blocks[p] && !box_prose[p];
      if (after_noise_heading || pointer_list) says[b] = Verdict::kBoilerplate;
    }
  }
  for (uint32_t i = n; i-- > 1;) prose[dom.node(i).parent] += prose[i];
  const double total_prose = prose[0];

  // A name that calls boilerplate an element holding nearly all the prose is wrong (a "page-with-sidebar"
  // wrapper): overruled.
  for (uint32_t i = 1; i < n; ++i) {
    if (verdict[i] == Verdict::kBoilerplate && total_prose > 200 && prose[i] >= 0.9 * total_prose) {
      verdict[i] = Verdict::kNeutral;
    }
  }
  auto is_title = [&](const Block& blk) {
    return blk.heading && !title_folded.empty() && fold_for_match(blk.text) == title_folded;
  };

  // 3. Block weights, summed up the tree: prose for, boilerplate and link lists against. Flags are
  // inherited from ancestors (pre-order: a parent comes before its children); an element named as the
  // article's body clears what its ancestors said.
  std::vector<uint8_t> flagged(n, 0);
  std::vector<double> score(n, 0.0);
  auto choose = [&]() {
    for (uint32_t i = 1; i < n; ++i) {
      flagged[i] =
          verdict[i] == Verdict::kContent ? 0 : flagged[dom.node(i).parent] || verdict[i] == Verdict::kBoilerplate;
    }
    std::fill(score.begin(), score.end(), 0.0);
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Block& blk = blocks[b];
      const double len = blk.chars;
      const double ld = blk.link_density();
      double w = 0;
      if (confirmed[b]) {
        w = 2 * len;
      } else if (flagged[blk.owner] || says[b] == Verdict::kBoilerplate || blk.caption) {
        // Named boilerplate is left out of the output anyway: it costs a container little, so that
        // paragraphs beside a long comment thread still make one article.
        w = -kNamedBoilerplateWeight * len;
      } else if (ld > 0.5) {
        w = -len;
      } else if (blk.heading) {
        // The title's own heading pulls the choice towards the element that holds it: a short
        // article under its title beats a longer form or teaser beside it.
        w = blk.tag == Tag::kH1 && is_title(blk) ? kTitleWeight : 0;
      } else if (len >= 50) {
        w = len * (1 - ld);
      }
      score[blk.owner] += w;
    }
    for (uint32_t i = n; i-- > 1;) score[dom.node(i).parent] += score[i];
    // 4. The element with the best sum; the deepest one when a parent adds nothing.
    double best = 0;
    uint32_t chosen = Node::kNone;
    for (uint32_t i = 1; i < n; ++i) {
      if (!dom.node(i).is_text() && score[i] > 0 && score[i] >= best) {
        best = score[i];
        chosen = i;
      }
    }
    return std::make_pair(chosen, best);
  };
  auto [container, best] = choose();
  // When the names led away from most of the prose (a live page whose every entry is a "comment"),
  // the names are wrong for this page: choose again on tags, text and links alone.
  if (total_prose > 400 && best < 0.25 * total_prose && best < 150) {
    for (uint32_t i = 1; i < n; ++i) verdict[i] = tag_verdict(dom.node(i).tag);
    std::tie(container, best) = choose();
  }
  if (container == Node::kNone) return sel;
  sel.container = container;
  const uint32_t end = subtree_end(dom, container);

  // 5. The container's blocks, less what is boilerplate within it.
  auto flagged_below = [&](uint32_t owner) {
    for (uint32_t a = owner; a != container && a != Node::kNone; a = dom.node(a).parent) {
      if (verdict[a] == Verdict::kBoilerplate) return true;
      if (verdict[a] == Verdict::kContent) return false;
    }
    return false;
  };
  size_t first_inside = blocks.size();
  std::vector<uint32_t> kept;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const Block& blk = blocks[b];
    if (blk.owner < container || blk.owner >= end) continue;
    if (first_inside == blocks.size()) first_inside = b;
    if (!confirmed[b]) {
      if (says[b] == Verdict::kBoilerplate || blk.caption || flagged_below(blk.owner)) continue;
      if (blk.link_density() > 0.5) continue;
      if (blk.list_item && blk.link_density() > 0.3) continue;
    }
    if (is_title(blk)) continue;
    kept.push_back(static_cast<uint32_t>(b));
  }

  // 6. The lead (chapô) often sits beside the container, between the title and the body.
  std::vector<uint32_t> lead;
  if (first_inside < blocks.size()) {
    size_t title_block = blocks.size();
    for (size_t b = first_inside; b-- > 0;) {
      if (blocks[b].heading && blocks[b].tag == Tag::kH1) {
        title_block = b;
        break;
      }
      if (first_inside - b > 12) break;
    }
    const size_t from = title_block < blocks.size() ? title_block + 1 : first_inside > 2 ? first_inside - 2 : 0;
    for (size_t b = from; b < first_inside; ++b) {
      const Block& blk = blocks[b];
      const bool named_lead = verdict[blk.owner] == Verdict::kContent;
      if (title_block == blocks.size() && !named_lead && !confirmed[b]) continue;
      if (says[b] == Verdict::kBoilerplate || blk.caption || (blk.heading && blk.chars < 100) || flagged[blk.owner]) {
        continue;
      }
      if (blk.chars < 40 || blk.link_density() > 0.3) continue;
      lead.push_back(static_cast<uint32_t>(b));
    }
  }

  // 7. Headings with nothing of theirs kept ("Sur le même sujet" over dropped links) go too.
  std::vector<uint32_t> out = lead;
  out.insert(out.end(), kept.begin(), kept.end());
  // Short lines after the last sentence (author, date, permalink, tags) are the article's footer.
  while (!out.empty()) {
    const Block& last = blocks[out.back()];
    if (last.heading || (last.chars < 50 && !ends_a_sentence(last.text))) {
      out.pop_back();
    } else {
      break;
    }
  }
  std::vector<uint32_t> cleaned;
  for (size_t k = 0; k < out.size(); ++k) {
    const Block& blk = blocks[out[k]];
    const bool short_heading = blk.heading && blk.chars < 100;  // a long "heading" is a lead set in <h2>
    if (short_heading && (k + 1 == out.size() || blocks[out[k + 1]].heading)) continue;
    cleaned.push_back(out[k]);
  }
  sel.blocks = std::move(cleaned);

  // 8. When the page's own articleBody says much more than the DOM gave, trust articleBody.
  if (!body_folded.empty()) {
    size_t kept_chars = 0;
    for (const uint32_t b : sel.blocks) kept_chars += blocks[b].chars;
    if (kept_chars < hints.article_body.size() / 2) sel.from_article_body = true;
  }
  return sel;
}

}  // namespace recoupe::html
