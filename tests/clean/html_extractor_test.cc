// The HTML extractor on invented French pages: charsets, dates, boilerplate, malformed markup.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "clean/cleaner.h"
#include "clean/html_charset.h"
#include "clean/html_dom.h"
#include "clean/html_extractor.h"
#include "clean/html_metadata.h"
#include "common/utf8.h"

namespace recoupe {
namespace {

// Three paragraphs of an invented article, long enough to be prose.
const char* const kBody[] = {
    "Le conseil municipal de Montrevel a voté jeudi soir la rénovation du pont de la Reyssouze, fermé aux "
    "camions depuis l'hiver dernier, pour un montant de 2,4 millions d'euros.",
    "Les travaux commenceront au printemps et dureront huit mois, selon le maire, qui promet une déviation "
    "balisée pour les habitants des hameaux situés sur la rive droite.",
    "L'opposition a dénoncé un calendrier trop serré, rappelant que le chantier du gymnase avait pris un an de "
    "retard, mais a voté le principe de la rénovation.",
};

std::string article_html(const std::string& head_extra = "", const std::string& around_body = "") {
  std::string body;
  for (const char* p : kBody) body += std::string("<p>") + p + "</p>\n";
  return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
         "<title>Le pont de la Reyssouze sera rénové - Le Courrier de l'Ain</title>" +
         head_extra +
         "</head><body>"
         "<header><nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/politique\">Politique</a></li>"
         "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>"
         "<main><article><h1>Le pont de la Reyssouze sera rénové</h1>" +
         around_body + body +
         "</article></main><footer><p>© Le Courrier de l'Ain 2020 – Mentions légales – Contact</p></footer>"
         "</body></html>";
}

ExtractedPage extract_ok(std::string_view html, std::string_view content_type = {}, std::string_view url = {}) {
  auto page = extract_page(html, content_type, url);
  EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
  return page.ok() ? std::move(page.value()) : ExtractedPage{};
}

bool has(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

TEST(HtmlExtractor, KeepsTheArticleInOrder) {
  const ExtractedPage page = extract_ok(article_html());
  EXPECT_EQ(page.title, "Le pont de la Reyssouze sera rénové");
  ASSERT_EQ(page.paragraphs.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(page.paragraphs[i], kBody[i]);
  EXPECT_EQ(page.text(), std::string(kBody[0]) + "\n" + kBody[1] + "\n" + kBody[2]);
  EXPECT_EQ(page.lang, "fr");
  EXPECT_EQ(page.encoding, "UTF-8");
}

TEST(HtmlExtractor, AFragmentIsTheArticleHoweverShort) {
  // A feed item's content: no <html>, no <body>, too short to look like a page's article.
  const ExtractedPage page = extract_ok("<p>La collecte reprend <b>mercredi</b>.</p><p>Sacs fournis.</p>");
  EXPECT_EQ(page.paragraphs, (std::vector<std::string>{"La collecte reprend mercredi.", "Sacs fournis."}));
  // The same words as a whole page with nothing article-like in it are still refused.
  EXPECT_FALSE(extract_page("<html><body><nav><a href=\"/\">Accueil</a></nav></body></html>", {}, {}).ok());
}

TEST(HtmlExtractor, DropsBoilerplateBlocks) {
  const std::string around =
      "<div class=\"share-bar\"><a href=\"#\">Partager sur Facebook</a><a href=\"#\">Twitter</a></div>"
      "<p class=\"chapo\">Le chantier, attendu depuis dix ans, doit rouvrir la route aux poids lourds avant "
      "la fin de l'année prochaine.</p>"
      "<figure><img src=\"pont.jpg\"><figcaption>Le pont vu depuis la rive gauche. Photo J. Martin / AFP"
      "</figcaption></figure>"
      "<p>Lire aussi : <a href=\"/a\">Le gymnase rouvre enfin ses portes après deux ans de travaux</a></p>"
      "<p class=\"byline\">Publié le 15 juin 2020 à 10h30</p>";
  const std::string tail =
      "<div id=\"cookie-banner\"><p>Nous utilisons des cookies pour améliorer votre expérience de navigation. "
      "Accepter ou paramétrer.</p></div>"
      "<aside class=\"related\"><h2>Sur le même sujet</h2><ul><li><a href=\"/1\">Un autre pont fermé à Bourg</a>"
      "</li><li><a href=\"/2\">La déviation de Viriat prolongée d'un mois par la préfecture</a></li></ul></aside>"
      "<section class=\"comments\"><p>Jean75 : Enfin ! Ce pont est dangereux depuis des années, il était temps "
      "que la mairie agisse pour les habitants.</p></section>";
  std::string html = article_html("", around);
  html.insert(html.find("</article>"), tail);
  const ExtractedPage page = extract_ok(html);
  const std::string text = page.text();
  EXPECT_TRUE(has(text, "Le chantier, attendu depuis dix ans")) << text;  // the lead (chapô) is kept, first
  EXPECT_EQ(text.find("Le chantier"), 0u) << text;
  for (const char* body : kBody) EXPECT_TRUE(has(text, body)) << body;
  for (const char* noise : {"Partager", "Twitter", "Photo J. Martin", "rive gauche", "Lire aussi", "gymnase rouvre",
                            "Publié le", "cookies", "Sur le même sujet", "Un autre pont", "Jean75", "Accueil",
                            "Mentions légales", "Le pont de la Reyssouze sera rénové"}) {
    EXPECT_FALSE(has(text, noise)) << noise << " in:\n" << text;
  }
  EXPECT_EQ(page.published, "2020-06-15T10:30");
}

TEST(HtmlExtractor, DropsOffersAndTeaserBoxes) {
  // A subscription offer under its own heading: the pitch is made of sentences, but the heading says what it is.
  const std::string offer =
      "<div><div><img src=\"offre.png\"></div><h3>Découvrez nos offres numériques !</h3>"
      "<div>Vous voulez suivre chaque jour la vie de votre commune et de votre canton. Nos journalistes sont "
      "sur le terrain pour vous raconter les décisions qui comptent et les gens qui les prennent.</div>"
      "<a href=\"/abonnement\">Je choisis mon offre</a></div>";
  // A box of pointers to other (paywalled) articles under a heading of its own.
  const std::string teasers =
      "<div class=\"encadre\"><h3>8h00 - Les infos du matin</h3><p>&gt; La foire de Bourg ouvre samedi</p>"
      "<p>Le marché de Noël avance d'une semaine</p><p>&gt; Les cantonniers en grève à Oyonnax</p></div>";
  std::string html = article_html("", teasers);
  html.insert(html.find("</article>"), offer);
  const ExtractedPage page = extract_ok(html);
  const std::string text = page.text();
  for (const char* body : kBody) EXPECT_TRUE(has(text, body)) << body;
  for (const char* noise : {"offres numériques", "Vous voulez suivre", "Je choisis", "Les infos du matin",
                            "La foire de Bourg", "marché de Noël", "cantonniers"}) {
    EXPECT_FALSE(has(text, noise)) << noise << " in:\n" << text;
  }
}

TEST(HtmlExtractor, AnArticleAboutSubscriptionsStays) {
  // Offers and subscribers as the article's own subject: sentences, no boilerplate heading before them.
  const char* const own[] = {
      "L'offre d'abonnement du théâtre de Montrevel change cette saison : les abonnés paieront douze euros de "
      "moins par spectacle, a annoncé la directrice.",
      "Déjà trois cents habitants ont souscrit la nouvelle formule, contre deux cents l'an dernier à la même "
      "date, un record pour la petite salle.",
      "> La billetterie reste ouverte tout l'été, du mardi au samedi, pour ceux qui préfèrent payer à la place."};
  std::string body;
  for (const char* p : own) body += std::string("<p>") + p + "</p>";
  const std::string html =
      "<html><head><title>Le théâtre change son abonnement</title></head><body><article>"
      "<h1>Le théâtre change son abonnement</h1><div><h2>Une offre pour les abonnés</h2>" + body +
      "</div></article></body></html>";
  const ExtractedPage page = extract_ok(html);
  const std::string text = page.text();
  for (const char* p : own) EXPECT_TRUE(has(text, p)) << p << " missing from:\n" << text;
  EXPECT_TRUE(has(text, "Une offre pour les abonnés")) << text;
}

TEST(HtmlExtractor, JsonLdArticleBodyWhenTheMarkupHidesTheText) {
  const std::string json =
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
      "\"headline\":\"Le pont rouvre\",\"datePublished\":\"2021-03-02T08:15:00+01:00\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Claire Dubois\"}],\"publisher\":{\"name\":\"Le Courrier\"},"
      "\"articleBody\":\"" + std::string(kBody[0]) + "\\n" + kBody[1] + "\\n" + kBody[2] + "\"}</script>";
  const std::string html = "<html><head>" + json + "</head><body><div id=\"app\"><h1>Le pont rouvre</h1>"
                           "<p>Chargement…</p></div></body></html>";
  const ExtractedPage page = extract_ok(html);
  ASSERT_EQ(page.paragraphs.size(), 3u) << page.text();
  EXPECT_EQ(page.paragraphs[1], kBody[1]);
  EXPECT_EQ(page.published, "2021-03-02T08:15:00+01:00");
  EXPECT_EQ(page.author, "Claire Dubois");
  EXPECT_EQ(page.site_name, "Le Courrier");
}

TEST(HtmlExtractor, Metadata) {
  const std::string head =
      "<meta property=\"og:title\" content=\"Le pont de la Reyssouze sera rénové\">"
      "<meta property=\"og:site_name\" content=\"Le Courrier de l&#39;Ain\">"
      "<meta name=\"author\" content=\"Paul Girard\">"
      "<link rel=\"canonical\" href=\"https://courrier.example/ain/pont-reyssouze\">";
  const ExtractedPage page = extract_ok(article_html(head), "", "https://courrier.example/ain/pont?utm=x");
  EXPECT_EQ(page.title, "Le pont de la Reyssouze sera rénové");
  EXPECT_EQ(page.site_name, "Le Courrier de l'Ain");
  EXPECT_EQ(page.author, "Paul Girard");
  EXPECT_EQ(page.canonical_url, "https://courrier.example/ain/pont-reyssouze");
}

// ---------------------------------------------------------------- dates

TEST(HtmlExtractor, PublicationDateSources) {
  struct Case {
    const char* name;
    std::string head, around, url, want;
  };
  const Case cases[] = {
      {"meta article:published_time", "<meta property=\"article:published_time\" content=\"2020-06-15T10:30:00+02:00\">",
       "", "", "2020-06-15T10:30:00+02:00"},
      {"meta date (Dublin Core)", "<meta name=\"DC.date\" content=\"2019-11-05\">", "", "", "2019-11-05"},
      {"JSON-LD datePublished",
       "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2018-01-01\"},"
       "{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-06-15T08:00:00Z\"}]}</script>",
       "", "", "2020-06-15T08:00:00Z"},
      {"JSON-LD published beats modified",
       "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"dateModified\":\"2020-06-20\","
       "\"datePublished\":\"2020-06-16\"}</script>",
       "", "", "2020-06-16"},
      {"time datetime", "", "<time datetime=\"2020-06-14T18:05:00+02:00\">14 juin</time>", "", "2020-06-14T18:05:00+02:00"},
      {"URL with a day", "", "", "https://courrier.example/2020/06/13/pont-reyssouze", "2020-06-13"},
      {"URL with a compact day", "", "", "https://courrier.example/ain/pont-reyssouze-20200612", "2020-06-12"},
      {"URL with a month only: no day invented", "", "", "https://courrier.example/2020/06/pont-reyssouze", "2020-06"},
      {"byline", "", "<p>Publié le 1er juin 2020 à 7h05, mis à jour le 3 juin 2020</p>", "", "2020-06-01T07:05"},
      {"byline with slashes", "", "<div class=\"info\">Publié le 11/06/2020 à 14:20</div>", "", "2020-06-11T14:20"},
      {"a dateline element", "", "<span class=\"date-publication\">mardi 9 juin 2020</span>", "", "2020-06-09"},
      {"nothing", "", "", "https://courrier.example/ain/pont", ""},
  };
  for (const Case& c : cases) {
    const ExtractedPage page = extract_ok(article_html(c.head, c.around), "", c.url);
    EXPECT_EQ(page.published, c.want) << c.name;
  }
}

TEST(HtmlDates, NormalizeDate) {
  const std::pair<const char*, const char*> cases[] = {
      {"2020-06-15T10:30:00+02:00", "2020-06-15T10:30:00+02:00"},
      {"2020-06-15T10:30:00.000Z", "2020-06-15T10:30:00Z"},
      {"2020-06-15 10:30:00", "2020-06-15T10:30:00"},
      {"2020-06-15T10:30+0200", "2020-06-15T10:30+02:00"},
      {"2020-06-15", "2020-06-15"},
      {"2020/06/15", "2020-06-15"},
      {"20200615", "2020-06-15"},
      {"15/06/2020", "2020-06-15"},
      {"Mon, 15 Jun 2020 10:30:00 GMT", "2020-06-15T10:30:00"},
      {"15 juin 2020", "2020-06-15"},
      {"2020-06", "2020-06"},
      {"2020-02-30", ""},   // no such day
      {"1593775114", ""},   // a Unix time is not a date we trust
      {"demain", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(html::normalize_date(in), want) << in;
}

TEST(HtmlDates, FromText) {
  const std::pair<const char*, const char*> cases[] = {
      {"Publié le 15 juin 2020 à 10h30", "2020-06-15T10:30"},
      {"lundi 1er juin 2020", "2020-06-01"},
      {"le 7 Mai 2020 - 12:38.", "2020-05-07T12:38"},
      {"PUBLIÉ LE 3 DÉCEMBRE 2019", "2019-12-03"},
      {"le 12 févr. 2021", "2021-02-12"},
      {"15/06/2020 14:05", "2020-06-15T14:05"},
      {"June 15, 2020", "2020-06-15"},
      {"en juin 2020", ""},            // no day: nothing is invented
      {"le 31 juin 2020", ""},         // no such day
      {"il a 15 ans et 2020 euros", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(html::date_from_text(in), want) << in;
  EXPECT_EQ(html::date_from_text("Mis à jour le 20 juin 2020. Publié le 15 juin 2020", true), "2020-06-15");
}

TEST(HtmlDates, FromUrl) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://www.lemonde.fr/politique/article/2023/08/30/titre_6187099_823448.html", "2023-08-30"},
      {"https://www.lefigaro.fr/international/guerre-en-ukraine-20241122", "2024-11-22"},
      {"https://example.fr/2020-06-15-titre", "2020-06-15"},
      {"https://example.fr/blog/2019/07/titre", "2019-07"},
      {"https://example.fr/article/6187099", ""},
      {"https://2020.example.fr/", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(html::date_from_url(in), want) << in;
}

// ---------------------------------------------------------------- charsets

TEST(HtmlCharset, Table) {
  struct Case {
    const char* name;
    std::string bytes, content_type, want_text, want_encoding;
  };
  const std::string latin1 = "<p>Le d\xE9put\xE9 a vot\xE9 \xE0 No\xEBl</p>";
  const std::string utf8 = "<p>Le député a voté à Noël</p>";
  const Case cases[] = {
      {"UTF-8 declared", "<meta charset=\"utf-8\">" + utf8, "", "<meta charset=\"utf-8\">" + utf8, "UTF-8"},
      {"UTF-8 undeclared", utf8, "", utf8, "UTF-8"},
      {"Latin-1 by meta charset", "<meta charset=\"ISO-8859-1\">" + latin1, "", "<meta charset=\"ISO-8859-1\">" + utf8,
       "windows-1252"},
      {"Latin-1 by http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">" + latin1,
       "", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">" + utf8, "windows-1252"},
      {"Latin-1 by Content-Type", latin1, "text/html; charset=ISO-8859-1", utf8, "windows-1252"},
      {"Latin-1 undeclared", latin1, "", utf8, "windows-1252"},
      {"declared Latin-1, really UTF-8", "<meta charset=\"iso-8859-1\">" + utf8, "",
       "<meta charset=\"iso-8859-1\">" + utf8, "UTF-8"},
      {"declared UTF-8, really Latin-1", latin1, "text/html; charset=utf-8", utf8, "windows-1252"},
      {"windows-1252 punctuation", "l\x92\xE9t\xE9 \x80 \x96 \x85", "text/html; charset=windows-1252",
       "l’été € – …", "windows-1252"},
      {"UTF-8 BOM", "\xEF\xBB\xBF" + utf8, "text/html; charset=iso-8859-1", utf8, "UTF-8"},
      {"UTF-16LE BOM", std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), "", "<p>é", "UTF-16LE"},
      {"ISO-8859-15 (euro sign at 0xA4)", "<meta charset=\"iso-8859-15\">\xA4", "",
       "<meta charset=\"iso-8859-15\">€", "iso-8859-15"},
  };
  for (const Case& c : cases) {
    std::string encoding;
    EXPECT_EQ(html::to_utf8(c.bytes, c.content_type, &encoding), c.want_text) << c.name;
    EXPECT_EQ(encoding, c.want_encoding) << c.name;
  }
}

TEST(HtmlCharset, DeclarationParsing) {
  EXPECT_EQ(html::content_type_charset("text/html; charset=ISO-8859-1"), "ISO-8859-1");
  EXPECT_EQ(html::content_type_charset("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(html::content_type_charset("text/html"), "");
  EXPECT_EQ(html::meta_charset("<head><META CHARSET='windows-1252'>"), "windows-1252");
  EXPECT_EQ(html::meta_charset("<meta name=\"x\" content=\"y\"><p>charset=utf-8</p>"), "");
}

TEST(HtmlCharset, ALatin1PageIsNotGarbled) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
      "<title>R\xE9novation du pont</title></head><body><article><h1>R\xE9novation du pont</h1>"
      "<p>Le conseil municipal a vot\xE9 jeudi la r\xE9novation du pont de la Reyssouze, ferm\xE9 aux camions "
      "depuis l'hiver dernier, pour 2,4 millions d'euros.</p></article></body></html>";
  const ExtractedPage p = extract_ok(page);
  EXPECT_EQ(p.title, "Rénovation du pont");
  EXPECT_TRUE(has(p.text(), "a voté jeudi la rénovation du pont de la Reyssouze, fermé aux camions")) << p.text();
  EXPECT_EQ(p.encoding, "windows-1252");
}

// ---------------------------------------------------------------- markup

TEST(HtmlDom, EntitiesAndWhitespace) {
  std::string out;
  html::decode_entities("Caf&eacute; &amp; th&#233; &#x2019; &nbsp;&laquo;x&raquo; &bogus; &amp &#0; &#150;", out);
  EXPECT_EQ(out, "Café & thé ’ \u00a0«x» &bogus; & \uFFFD –");
  const ExtractedPage page = extract_ok(
      "<article><h1>Titre</h1><p>Un   texte\n sur <b>plusieurs</b><i> lignes</i>, avec des es&shy;paces "
      "ins&#173;écables et assez de mots pour être de la prose.</p></article>");
  EXPECT_EQ(page.text(), "Un texte sur plusieurs lignes, avec des espaces insécables et assez de mots pour être de la prose.");
}

TEST(HtmlDom, ImpliedEndTags) {
  // <p> closed by the next <p> or a block, <li> by the next <li>: three paragraphs, in order.
  const ExtractedPage page = extract_ok(
      std::string("<body><article><h1>Titre</h1><p>") + kBody[0] + "<p>" + kBody[1] + "<div>" + kBody[2] +
      "</article>");
  ASSERT_EQ(page.paragraphs.size(), 3u) << page.text();
  EXPECT_EQ(page.paragraphs[2], kBody[2]);
}

TEST(HtmlDom, MalformedPagesNeverCrash) {
  const std::string good = article_html();
  std::vector<std::string> pages = {
      "",
      "   \n\t ",
      "<",
      "<<<<>>>>",
      "<!--",
      "<!-- never closed <p>texte</p>",
      "<script>while(true){}",
      "<title>Sans fin",
      "<textarea><p>" + std::string(kBody[0]) + "</p>",
      "<p class=\"unterminated>" + std::string(kBody[0]),
      "<p a=1 b='2' c=\"3\" d e=>" + std::string(kBody[0]) + "</p>",
      "</div></div></p></span>" + std::string(kBody[0]),
      "<table><tr><td>" + std::string(kBody[0]) + "<td>" + kBody[1] + "</table>",
      "<svg><p>dans un svg</p></svg><p>" + std::string(kBody[0]) + "</p>",
      "<button>Fermer</a></div><p>" + std::string(kBody[0]) + "</p>",
      std::string("<p>\0nul\0</p>", 12),
      good.substr(0, good.size() / 2),  // a truncated page
      good.substr(0, good.find("<p>") + 20),
  };
  std::string deep;  // far deeper than the tree builder keeps
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += std::string("<p>") + kBody[0] + "</p>";
  pages.push_back(deep);
  std::string unclosed;
  for (int i = 0; i < 20000; ++i) unclosed += "<b><i><span>mot ";
  pages.push_back(unclosed);
  std::string many_attrs = "<p";
  for (int i = 0; i < 5000; ++i) many_attrs += " a" + std::to_string(i) + "=x";
  pages.push_back(many_attrs + ">" + kBody[0] + "</p>");
  for (const std::string& p : pages) {
    auto page = extract_page(p);
    if (page.ok()) {
      EXPECT_TRUE(utf8::is_valid(page->text()));
      EXPECT_FALSE(page->paragraphs.empty());
    } else {
      EXPECT_FALSE(page.error().message.empty());
    }
  }
  auto deep_page = extract_page(deep);
  ASSERT_TRUE(deep_page.ok());
  EXPECT_TRUE(has(deep_page->text(), "Le conseil municipal de Montrevel")) << "text under the depth bound is kept";
  EXPECT_FALSE(extract_page("").ok());
  EXPECT_EQ(extract_page("  ").error().message, "empty page");
  EXPECT_EQ(extract_page("<html><body><nav><a href=/>Accueil</a></nav></body></html>").error().message,
            "no article text found in the page");
}

TEST(HtmlDom, RandomBytesNeverCrash) {
  // Seeded mutations of a real-looking page: flipped bytes, cut tags, stray markup.
  std::mt19937 rng(7);
  const std::string base = article_html("<meta property=\"article:published_time\" content=\"2020-06-15\">",
                                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>");
  const char kNoise[] = "<>/=\"'&;!-#\xC3\xA9\xFF\x80\0";
  for (int round = 0; round < 300; ++round) {
    std::string page = base;
    const int edits = 1 + static_cast<int>(rng() % 40);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % page.size();
      switch (rng() % 3) {
        case 0: page[at] = kNoise[rng() % (sizeof kNoise - 1)]; break;
        case 1: page.erase(at, rng() % 30); break;
        default: page.insert(at, 1, kNoise[rng() % (sizeof kNoise - 1)]); break;
      }
      if (page.empty()) page = "x";
    }
    auto page_out = extract_page(page);
    if (page_out.ok()) {
      EXPECT_TRUE(utf8::is_valid(page_out->text())) << round;
      EXPECT_TRUE(utf8::is_valid(page_out->title)) << round;
    }
  }
}

// ---------------------------------------------------------------- make_doc

TEST(MakeDoc, ExtractsAPage) {
  RawRecord r;
  r.id = "p1";
  r.html = article_html("<meta property=\"article:published_time\" content=\"2020-06-15T10:30:00+02:00\">"
                        "<meta property=\"og:site_name\" content=\"Le Courrier de l'Ain\">");
  r.url = "https://courrier.example/pont";
  auto doc = make_doc(std::move(r));
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->field(Field::kTitle), "Le pont de la Reyssouze sera rénové");
  EXPECT_EQ(doc->field(Field::kText), std::string(kBody[0]) + "\n" + kBody[1] + "\n" + kBody[2]);
  EXPECT_EQ(doc->published_text, "2020-06-15T10:30:00+02:00");
  EXPECT_TRUE(doc->published.has_value());
  EXPECT_EQ(doc->source, "Le Courrier de l'Ain");
  EXPECT_EQ(doc->url, "https://courrier.example/pont");  // the record's own URL wins
  EXPECT_EQ(doc->lang_hint, "fr");
}

TEST(MakeDoc, RecordFieldsWinOverThePage) {
  RawRecord r;
  r.id = "p2";
  r.title = "Titre donné";
  r.published = "2021-01-02";
  r.html = article_html();
  auto doc = make_doc(std::move(r));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->field(Field::kTitle), "Titre donné");
  EXPECT_EQ(doc->published_text, "2021-01-02");
  RawRecord with_text;
  with_text.id = "p3";
  with_text.text = "Le texte donné.";
  with_text.html = article_html();
  auto doc3 = make_doc(std::move(with_text));
  ASSERT_TRUE(doc3.ok());
  EXPECT_EQ(doc3->field(Field::kText), "Le texte donné.");  // text given: the page is not read
}

TEST(MakeDoc, APageWithoutArticleIsABadRecord) {
  RawRecord r;
  r.id = "p4";
  r.html = "<html><body><nav><a href=\"/\">Accueil</a> <a href=\"/a\">Actualités</a></nav></body></html>";
  auto doc = make_doc(std::move(r));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().message, "page: no article text found in the page (id p4)");
}

}  // namespace
}  // namespace recoupe
