// src/clean/html_boilerplate.h
//
// Telling the article from the rest of the page. Three kinds of evidence, each a small function:
//  - the names a page gives its elements: tag (<nav>, <aside>, <footer>, <figcaption>), class, id,
//    role and itemprop ("share-bar", "cookie-banner", "lire-aussi", "article__body",
//    itemprop="articleBody"); see element_verdict;
//  - the text of a block: "Lire aussi : ...", "© AFP", "Partager sur Facebook", a byline
//    ("Publié le 15 juin 2020 à 10h30"); see text_verdict;
//  - densities: a block that is mostly link text is navigation, a long block with sentences is prose.
// select_content weighs the blocks (prose counts for, boilerplate against), sums the weights up the
// tree, and keeps the element with the best sum: the smallest subtree that holds the prose and as
// little else as possible. JSON-LD articleBody, when the page has one, confirms blocks that belong
// to it, which outweighs the guesses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clean/html_blocks.h"
#include "clean/html_dom.h"

namespace recoupe::html {

enum class Verdict : int8_t { kBoilerplate = -1, kNeutral = 0, kContent = 1 };

//! What an element's tag alone says: <nav>, <aside>, <footer>, <figure>, ... are boilerplate.
Verdict tag_verdict(Tag tag);

//! What an element's tag and names say about its content (see file comment).
Verdict element_verdict(const Dom& dom, const Node& node);

//! What a block's text says on its own: kBoilerplate for "Lire aussi", credits, share buttons,
//! bylines and the like; kNeutral otherwise.
Verdict text_verdict(std::string_view text, uint32_t chars);

//! Lower-cased text with spaces, punctuation and accents dropped: for comparing a block with the
//! title or with JSON-LD articleBody without caring about typography.
std::string fold_for_match(std::string_view text);

struct ContentHints {
  std::string_view title;         //!< the page's title: its block is not body text
  std::string_view article_body;  //!< JSON-LD articleBody, may be empty
};

struct Selection {
  uint32_t container = Node::kNone;  //!< the element chosen as the article, kNone when none
  std::vector<uint32_t> blocks;      //!< indices of the blocks kept, in page order
  bool from_article_body = false;    //!< true when the DOM text was too poor and articleBody was used
};

//! Chooses the article's blocks (see file comment).
Selection select_content(const Dom& dom, const std::vector<Block>& blocks, const ContentHints& hints);

}  // namespace recoupe::html
