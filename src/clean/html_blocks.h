// src/clean/html_blocks.h
//
// The document walk: the page's visible text cut into blocks, in reading order. A block is the text
// between two block-level boundaries (<p>, <div>, <li>, <h2>, <br>, ...), whitespace collapsed, with
// what the scorer needs to judge it: its owner element (the innermost block-level element around
// it), its length, how much of it sits inside links. Hidden elements (hidden, aria-hidden,
// display:none) and the dropped tags of the Dom (scripts, forms, svg, ...) give no blocks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clean/html_dom.h"

namespace recoupe::html {

struct Block {
  uint32_t owner = 0;       //!< innermost block-level element holding the text
  Tag tag = Tag::kDiv;      //!< the owner's tag
  std::string text;         //!< whitespace collapsed, trimmed
  uint32_t chars = 0;       //!< code points in text
  uint32_t link_chars = 0;  //!< code points inside <a href>
  bool heading = false;     //!< inside h1..h6
  bool caption = false;     //!< inside <figure>, <figcaption> or a table <caption>
  bool list_item = false;   //!< inside <li>, <dt> or <dd>
  double link_density() const noexcept { return chars ? static_cast<double>(link_chars) / chars : 0.0; }
};

//! Cuts the page into blocks (see file comment).
std::vector<Block> segment_blocks(const Dom& dom);

//! True when the element is hidden from readers: `hidden`, aria-hidden="true", display:none.
bool is_hidden(const Dom& dom, const Node& node) noexcept;

}  // namespace recoupe::html
