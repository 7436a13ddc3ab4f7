#include "clean/html_extractor.h"

#include <algorithm>

#include "clean/html_blocks.h"
#include "clean/html_boilerplate.h"
#include "clean/html_charset.h"
#include "clean/html_dom.h"
#include "clean/html_metadata.h"
#include "common/ascii.h"

namespace recoupe {
namespace {

using html::Block;
using html::Dom;
using html::Node;
using html::Tag;

bool is_blank(std::string_view s) {
  for (const char c : s) {
    if (!ascii::is_html_space(c)) return false;
  }
  return true;
}

constexpr auto collapse = ascii::collapse_html_space;

// "Titre de l'article - Le Site" → "Titre de l'article" when the suffix names the site, or for any
// " | X" / " - X" suffix much shorter than the title when the site is unknown.
std::string strip_site_suffix(std::string title, std::string_view site) {
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : "}) {
    const size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view tail = std::string_view(title).substr(at + sep.size());
    const bool names_site = !site.empty() && html::fold_for_match(tail) == html::fold_for_match(site);
    const bool short_tail = site.empty() && sep != " : " && tail.size() * 2 < at && tail.size() < 40;
    if (names_site || short_tail) {
      title.resize(at);
      return title;
    }
  }
  return title;
}

// The text under element `i`, cut at about `max_bytes` (for reading a dateline).
std::string element_text(const Dom& dom, uint32_t i, size_t max_bytes) {
  std::string out;
  const uint32_t end = [&] {
    uint32_t last = i;
    while (dom.node(last).last_child != Node::kNone) last = dom.node(last).last_child;
    return last + 1;
  }();
  // Bounded in nodes too: an element named "date" around a huge empty subtree costs no more than a small one.
  for (uint32_t k = i + 1; k < end && k <= i + 256 && out.size() < max_bytes; ++k) {
    if (dom.node(k).is_text()) out += dom.text(dom.node(k));
  }
  return out;
}

// True when the element's class, id or itemprop names a date ("date", "published", "fecha", "time").
bool names_a_date(const Dom& dom, const Node& n) {
  for (const html::Attribute* a = dom.attr_begin(n); a != dom.attr_end(n); ++a) {
    if (!html::iequals(a->name, "class") && !html::iequals(a->name, "id") && !html::iequals(a->name, "itemprop")) {
      continue;
    }
    std::string v(a->value);
    for (char& c : v) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    for (const char* w : {"date", "publi", "fecha", "time", "datum", "meta"}) {
      if (v.find(w) != std::string::npos && v.find("update") == std::string::npos &&
          v.find("modif") == std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

// The publication date, from the strongest evidence to the weakest (see html_metadata.h). Dates in
// the page's markup are looked for after the title's <h1> first: what comes before it (a header,
// a list of other articles) is about other things.
std::string find_published(const Dom& dom, const html::PageMetadata& meta, const std::vector<Block>& blocks,
                           std::string_view title, std::string_view url, uint32_t container) {
  if (!meta.published.empty()) return meta.published;
  std::string from_url = html::date_from_url(url);
  if (from_url.empty() && !meta.canonical_url.empty()) from_url = html::date_from_url(meta.canonical_url);
  if (from_url.size() == 10) return from_url;  // a full day in the URL
  const std::string title_folded = html::fold_for_match(title);
  uint32_t h1 = 0;  // node of the title's heading (0: none found)
  size_t h1_block = blocks.size();
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (blocks[k].tag == Tag::kH1 && (h1 == 0 || html::fold_for_match(blocks[k].text) == title_folded)) {
      h1 = blocks[k].owner;
      h1_block = k;
      if (html::fold_for_match(blocks[k].text) == title_folded) break;
    }
  }
  // <time datetime>, then an element named as a date: around the article first (the container's
  // parent), after the title next, then anywhere.
  std::string time_any, named_any, near;
  uint32_t region = container, region_end = 0;
  if (region != Node::kNone) {
    if (dom.node(region).parent != Node::kNone && dom.node(region).parent != Dom::root()) region = dom.node(region).parent;
    region_end = region;
    while (dom.node(region_end).last_child != Node::kNone) region_end = dom.node(region_end).last_child;
    ++region_end;
  }
  for (uint32_t i = 1; i < dom.size(); ++i) {
    const Node& n = dom.node(i);
    if (n.is_text()) continue;
    std::string d;
    if (n.tag == Tag::kTime) {
      std::string raw;
      html::decode_entities(dom.attr(n, "datetime"), raw);
      d = html::normalize_date(raw);
      if (d.empty()) d = html::date_from_text(element_text(dom, i, 120));
    } else if (names_a_date(dom, n)) {
      d = html::date_from_text(element_text(dom, i, 200));
      if (!d.empty() && named_any.empty()) named_any = d;
      if (i > h1 && !d.empty() && time_any.empty()) time_any = d;  // ranks with <time> after the title
      continue;
    } else {
      continue;
    }
    if (d.empty()) continue;
    if (i >= region && i < region_end) return d;
    if (i > h1 && near.empty()) near = d;
    if (time_any.empty()) time_any = d;
  }
  if (!near.empty()) return near;
  // A byline: "Publié le 15 juin 2020 à 10h30".
  for (const Block& b : blocks) {
    if (b.chars > 300) continue;
    if (std::string d = html::date_from_text(b.text, /*after_marker=*/true); !d.empty()) return d;
  }
  if (!time_any.empty()) return time_any;
  if (!named_any.empty()) return named_any;
  if (!from_url.empty()) return from_url;
  // A date alone near the title.
  for (size_t k = h1_block < blocks.size() ? (h1_block > 3 ? h1_block - 3 : 0) : blocks.size();
       k < blocks.size() && k < h1_block + 8; ++k) {
    if (blocks[k].chars > 120) continue;
    if (std::string d = html::date_from_text(blocks[k].text); !d.empty()) return d;
  }
  return {};
}

// "Paul Girard" out of "Par Paul Girard, publié le ..." or "By Paul Girard | 15 juin": the words after
// "Par"/"By" up to a comma, a bar, a dash or a date word.
std::string name_after_by(std::string_view s) {
  for (std::string_view by : {"Par ", "par ", "PAR ", "By ", "by "}) {
    if (s.substr(0, by.size()) != by) continue;
    s.remove_prefix(by.size());
    size_t end = s.size();
    for (std::string_view stop : {",", " |", " - ", " \xE2\x80\x93", " le ", " publi", " Publi", " mis ", " Mis ", " \xC3\xA0 ", " (", "\n"}) {
      end = std::min(end, s.find(stop));
    }
    std::string name = collapse(s.substr(0, end));
    const auto first = static_cast<unsigned char>(name.empty() ? 0 : name[0]);
    if (name.size() >= 3 && name.size() <= 60 && ((first >= 'A' && first <= 'Z') || first >= 0xC3)) return name;
    return {};
  }
  return {};
}

// An author as pages write it, tidied: "Par X", "Auteur : X", "Recueilli par X." → "X"; a name written
// twice (a visible and a screen-reader copy) once. Empty when what is left does not look like a name.
std::string tidy_author(std::string a) {
  a = collapse(a);
  bool changed = true;
  while (changed && !a.empty()) {
    changed = false;
    for (std::string_view prefix : {", ", "Par ", "par ", "PAR ", "By ", "by ", "Auteur : ", "Auteur: ", "Auteurs : ",
                                    "Recueilli par ", "Propos recueillis par ", "Texte : ", "Written by "}) {
      if (a.size() > prefix.size() && a.compare(0, prefix.size(), prefix) == 0) {
        a.erase(0, prefix.size());
        changed = true;
      }
    }
  }
  // A final '.' goes unless it ends an initial ("Nicolas Gutierrez C.").
  while (!a.empty() && (a.back() == ',' || a.back() == ' ' ||
                        (a.back() == '.' && a.size() >= 2 && !(a[a.size() - 2] >= 'A' && a[a.size() - 2] <= 'Z')))) {
    a.pop_back();
  }
  if (a.size() % 2 == 0 && a.size() >= 6 && a.compare(0, a.size() / 2, a, a.size() / 2, a.size() / 2) == 0) {
    a.resize(a.size() / 2);
  }
  if (a.size() < 3 || a.size() > 80 || a.find(':') != std::string::npos || a.find("://") != std::string::npos) return {};
  for (const char c : a) {
    if (c >= '0' && c <= '9') return {};  // a date or a count, not a name
  }
  return a;
}

// The author when the page's metadata does not name one: an element marked as the author (rel=author,
// itemprop=author, class "author", "byline", "signature", "auteur"), else a byline "Par ...".
std::string find_author(const Dom& dom, const std::vector<Block>& blocks) {
  for (uint32_t i = 1; i < dom.size(); ++i) {
    const Node& n = dom.node(i);
    if (n.is_text()) continue;
    bool marked = html::iequals(dom.attr(n, "rel"), "author") || html::iequals(dom.attr(n, "itemprop"), "author");
    if (!marked) {
      std::string cls(dom.attr(n, "class"));
      for (char& c : cls) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      for (const char* w : {"author", "byline", "signature", "auteur"}) {
        if (cls.find(w) != std::string::npos) marked = true;
      }
    }
    if (!marked) continue;
    std::string text = collapse(element_text(dom, i, 200));
    if (std::string by = name_after_by(text); !by.empty()) return by;
    if (text.size() <= 60) {
      if (std::string a = tidy_author(text); !a.empty()) return a;
    }
  }
  for (const Block& b : blocks) {
    if (b.chars > 120) continue;
    if (std::string by = name_after_by(b.text); !by.empty()) return by;
  }
  return {};
}

}  // namespace

std::string ExtractedPage::text() const {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out.push_back('\n');
    out += p;
  }
  return out;
}

namespace {

// True when the markup has neither an <html> nor a <body> tag.
bool is_fragment(std::string_view markup) {
  for (size_t lt = markup.find('<'); lt != std::string_view::npos; lt = markup.find('<', lt + 1)) {
    const std::string tag = html::fold_for_match(markup.substr(lt + 1, 4));
    if (tag == "html" || tag == "body") return false;
  }
  return true;
}

}  // namespace

Result<ExtractedPage> extract_page(std::string_view html_bytes, std::string_view content_type, std::string_view url) {
  if (is_blank(html_bytes)) return Error{Errc::kBadInput, "empty page"};
  ExtractedPage page;
  const std::string utf8 = html::to_utf8(html_bytes, content_type, &page.encoding);
  const Dom dom = Dom::parse(utf8);
  html::PageMetadata meta = html::read_metadata(dom);
  const std::vector<Block> blocks = html::segment_blocks(dom);

  // Title: the page's own (og:title, headline, <title>), else its first <h1>. When the first <h1>
  // starts that title ("Titre" in "Titre - Le Site"), the <h1> is the title without the site's name.
  std::string title = collapse(meta.title);
  for (const Block& b : blocks) {
    if (b.tag != Tag::kH1) continue;
    const std::string h1 = html::fold_for_match(b.text);
    const std::string folded = html::fold_for_match(title);
    if (title.empty() || (h1.size() * 2 >= folded.size() && folded.compare(0, h1.size(), h1) == 0)) title = b.text;
    break;
  }
  page.title = strip_site_suffix(std::move(title), meta.site_name);

  const html::Selection sel = html::select_content(dom, blocks, {page.title, meta.article_body});
  if (sel.from_article_body || (sel.blocks.empty() && !meta.article_body.empty())) {
    // articleBody keeps its line breaks as paragraph breaks, when it has any.
    std::string_view body = meta.article_body;
    while (!body.empty()) {
      const size_t nl = body.find('\n');
      std::string p = collapse(body.substr(0, nl));
      if (!p.empty()) page.paragraphs.push_back(std::move(p));
      if (nl == std::string_view::npos) break;
      body.remove_prefix(nl + 1);
    }
  } else {
    for (const uint32_t b : sel.blocks) {
      const std::string& text = blocks[b].text;
      if (!page.paragraphs.empty() && page.paragraphs.back() == text) continue;  // a block shown twice
      page.paragraphs.push_back(text);
    }
  }
  // A fragment (a feed item's content: no <html>, no <body>) is the article itself, however short:
  // nothing around it to leave out.
  if (page.paragraphs.empty() && is_fragment(utf8)) {
    for (const Block& b : blocks) {
      if (!b.text.empty()) page.paragraphs.push_back(b.text);
    }
  }
  if (page.paragraphs.empty()) return Error{Errc::kBadInput, "no article text found in the page"};

  page.published = find_published(dom, meta, blocks, page.title, url, sel.container);
  page.author = tidy_author(meta.author);
  if (page.author.empty()) page.author = tidy_author(find_author(dom, blocks));
  page.lang = std::move(meta.lang);
  page.canonical_url = !meta.canonical_url.empty() ? std::move(meta.canonical_url) : std::string(url);
  page.site_name = std::move(meta.site_name);
  return page;
}

}  // namespace recoupe
