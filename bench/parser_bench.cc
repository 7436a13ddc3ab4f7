// Why recoupe parses HTML itself: the parse of every OrangeSum page by libxml2 (tree and SAX), gumbo, and
// recoupe's html::Dom, then recoupe's whole extraction, one thread, pages held in memory.
//
//   build/bench/parser_bench DIR [REPEATS]     (DIR: the unpacked pages, e.g. html/ of html_3000.tar.gz)
//
// Built only when libxml2 and gumbo are installed (scripts/install-deps.sh --bench). The product links
// neither. Prints one line per parser: pages/s and MB/s.
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "clean/html_dom.h"
#include "clean/html_extractor.h"

namespace {

size_t g_sink = 0;  // keeps the work observable
void sax_start(void*, const xmlChar*, const xmlChar**) { ++g_sink; }
void sax_chars(void*, const xmlChar*, int n) { g_sink += static_cast<size_t>(n); }
void sax_silent(void*, const char*, ...) {}

constexpr int kQuiet = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

void libxml2_tree(const std::string& page) {
  htmlDocPtr doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                                  kQuiet | HTML_PARSE_COMPACT);
  g_sink += doc != nullptr;
  xmlFreeDoc(doc);
}

void libxml2_sax(const std::string& page) {
  htmlParserCtxtPtr ctx = htmlCreateMemoryParserCtxt(page.data(), static_cast<int>(page.size()));
  if (!ctx) return;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = sax_start;
  sax.characters = sax_chars;
  sax.error = sax_silent;
  sax.warning = sax_silent;
  std::memcpy(ctx->sax, &sax, sizeof sax);
  htmlCtxtUseOptions(ctx, kQuiet);
  xmlSwitchEncoding(ctx, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctx);
  htmlFreeParserCtxt(ctx);
}

void gumbo_tree(const std::string& page) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
  g_sink += out->root != nullptr;
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

void recoupe_dom(const std::string& page) { g_sink += recoupe::html::Dom::parse(page).size(); }

void recoupe_extract(const std::string& page) {
  auto p = recoupe::extract_page(page);
  g_sink += p.ok() ? p->paragraphs.size() : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parser_bench DIR [REPEATS]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 2;
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    pages.push_back(ss.str());
    bytes += pages.back().size();
  }
  if (pages.empty()) {
    std::fprintf(stderr, "parser_bench: no pages in %s\n", argv[1]);
    return 1;
  }
  std::printf("%zu pages, %.1f MB, best of %d runs, one thread\n", pages.size(), bytes / 1e6, repeats);
  const std::pair<const char*, std::function<void(const std::string&)>> parsers[] = {
      {"libxml2 htmlReadMemory (tree)", libxml2_tree},
      {"libxml2 SAX (no tree)", libxml2_sax},
      {"gumbo (tree)", gumbo_tree},
      {"recoupe html::Dom (tree)", recoupe_dom},
      {"recoupe extract_page (all of it)", recoupe_extract},
  };
  for (const auto& [name, parse] : parsers) {
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      for (const auto& p : pages) parse(p);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("%-34s %8.0f pages/s %7.1f MB/s\n", name, pages.size() / best, bytes / 1e6 / best);
  }
  return g_sink == 0;
}
