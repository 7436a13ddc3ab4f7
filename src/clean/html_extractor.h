// src/clean/html_extractor.h
//
// A raw HTML page → the article it carries: title, body paragraphs in order, publication date,
// author, language, canonical URL and site name; menus, share bars, cookie banners, related links,
// comments, "Lire aussi" blocks, captions and credits left out. The steps, each in its own unit:
//   html_charset    bytes as served → UTF-8 (BOM, <meta charset>, Content-Type, then the bytes)
//   html_dom        a tolerant tokenizer and tree builder (why not libxml2 or gumbo: see there)
//   html_metadata   <meta>, JSON-LD, <link rel=canonical>, dates in every form
//   html_blocks     the document walk: visible text cut into blocks with their densities
//   html_boilerplate which blocks are the article
// Thread safety: extract_page is reentrant (one thread_local JSON parser per thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace recoupe {

struct ExtractedPage {
  std::string title;
  std::vector<std::string> paragraphs;  //!< body paragraphs in page order, the lead first; no title
  std::string published;                //!< ISO 8601 as precise as the page says, or empty
  std::string author;
  std::string lang;                     //!< declared by the page ("fr"), or empty
  std::string canonical_url;            //!< <link rel=canonical>, og:url, else the URL given
  std::string site_name;                //!< og:site_name or the JSON-LD publisher
  std::string encoding;                 //!< the encoding the bytes were read in

  //! The paragraphs joined by "\n".
  std::string text() const;
};

//! Extracts the article of `html_bytes` (bytes as served). `content_type` is the HTTP Content-Type
//! (may carry a charset), `url` where the page came from (a date may hide in it); both may be empty.
//! Fails (kBadInput) on an empty page or when no article text is found.
Result<ExtractedPage> extract_page(std::string_view html_bytes, std::string_view content_type = {},
                                   std::string_view url = {});

}  // namespace recoupe
