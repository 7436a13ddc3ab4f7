// src/clean/html_dom.h
//
// A tolerant HTML tokenizer and tree builder made for article extraction, not for rendering.
//
// Why not libxml2 or gumbo: measured on the 3,000 OrangeSum pages (60 kB each, one thread), parsing
// alone runs at 789 pages/s with libxml2's SAX parser (502 pages/s building its tree) and 197 pages/s
// with gumbo: both below the 1,000 pages/s the whole extraction must reach. libxml2 spends its time
// decoding one character at a time (xmlNextChar); this tokenizer jumps from '<' to '<' with memchr
// and decodes nothing it does not keep, and parses the same pages at several hundred MB/s
// (bench/parser_bench.cc measures all three).
//
// What it keeps: elements (tag, attributes as views into the input), text (entities decoded), the
// JSON of <script type="application/ld+json">. What it drops at once: scripts, styles, <noscript>,
// <template>, <svg>, <math> and form controls, comments. The tree follows the HTML rules that matter
// for finding paragraphs: void elements, <p> closed by a block, <li>/<dt>/<dd>/<td>/<tr> closing
// their open sibling, an end tag that matches nothing ignored, an inline end tag never closing a
// block. Everything else (adoption agency, foster parenting) is simplified; a page that breaks those
// rules still yields its text in document order.
//
// Bounds: at most kMaxDepth open elements (deeper start tags are ignored, their text kept), at most
// kMaxAttributes attributes per tag, end-tag matching looks kMaxDepth elements up; every step is
// linear in the input, so no page can make it hang.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe::html {

//! The tags the extractor reasons about; any other is kOther (its name is kept in the node).
enum class Tag : uint8_t {
  kText = 0,  // a text node, not an element
  kRoot, kOther,
  // document structure
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase,
  // sectioning and blocks
  kArticle, kSection, kMain, kNav, kAside, kHeader, kFooter, kDiv, kP, kH1, kH2, kH3, kH4, kH5, kH6,
  kBlockquote, kPre, kAddress, kHgroup, kCenter, kDetails, kSummary, kDialog, kMenu,
  kUl, kOl, kLi, kDl, kDt, kDd,
  kTable, kCaption, kThead, kTbody, kTfoot, kTr, kTd, kTh,
  kFigure, kFigcaption, kForm, kFieldset, kLegend, kHr, kBr,
  // inline
  kA, kSpan, kStrong, kB, kEm, kI, kU, kSmall, kSub, kSup, kTime, kAbbr, kCite, kQ, kMark, kCode, kFont,
  kLabel, kImg, kPicture, kSource, kWbr,
  // dropped with their content
  kScript, kStyle, kNoscript, kTemplate, kSvg, kMath, kIframe, kObject, kEmbed, kCanvas, kVideo, kAudio,
  kSelect, kButton, kInput, kTextarea, kOption, kMap,
  kCount
};

//! Block-level: starts and ends a paragraph of text.
bool is_block(Tag t) noexcept;
//! Never has children (<br>, <img>, <meta>, ...).
bool is_void(Tag t) noexcept;
//! Dropped with everything inside it: never holds article text.
bool is_dropped(Tag t) noexcept;
//! h1..h6
inline bool is_heading(Tag t) noexcept { return t >= Tag::kH1 && t <= Tag::kH6; }

struct Attribute {
  std::string_view name;   //!< lower case when the page wrote it so (compare with attr_equals)
  std::string_view value;  //!< raw: character references not decoded (see decode_entities)
};

struct Node {
  static constexpr uint32_t kNone = UINT32_MAX;
  Tag tag = Tag::kText;
  uint32_t parent = kNone;
  uint32_t first_child = kNone, last_child = kNone, next_sibling = kNone;
  uint32_t attr_begin = 0, attr_end = 0;  //!< elements: range in Dom::attributes
  uint32_t text_begin = 0, text_size = 0; //!< text nodes: range in Dom::text (kOther: name offset in the input)
  uint16_t depth = 0;
  bool is_text() const noexcept { return tag == Tag::kText; }
};

//! The parsed page. Attribute views point into the input, which must outlive the Dom.
class Dom {
 public:
  static constexpr int kMaxDepth = 256;
  static constexpr int kMaxAttributes = 48;

  //! Parses UTF-8 `html` (see file comment). Never fails: an empty page gives a lone root.
  static Dom parse(std::string_view html);

  const Node& node(uint32_t i) const noexcept { return nodes_[i]; }
  uint32_t size() const noexcept { return static_cast<uint32_t>(nodes_.size()); }
  static constexpr uint32_t root() noexcept { return 0; }

  std::string_view text(const Node& n) const noexcept { return std::string_view(text_).substr(n.text_begin, n.text_size); }
  //! Value of attribute `name` (lower case) of element `n`, raw; empty when absent.
  std::string_view attr(const Node& n, std::string_view name) const noexcept;
  bool has_attr(const Node& n, std::string_view name) const noexcept;
  const Attribute* attr_begin(const Node& n) const noexcept { return attributes_.data() + n.attr_begin; }
  const Attribute* attr_end(const Node& n) const noexcept { return attributes_.data() + n.attr_end; }

  //! The bodies of <script type="application/ld+json">, in page order.
  const std::vector<std::string_view>& json_ld() const noexcept { return json_ld_; }
  //! The <title> element's text (decoded), first one.
  const std::string& title() const noexcept { return title_; }

 private:
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::vector<Attribute> attributes_;
  std::string text_;  // decoded text of every text node, back to back
  std::vector<std::string_view> json_ld_;
  std::string title_;
};

//! Appends `raw` to `out` with character references (&eacute; &#233; &#xE9;) decoded; an unknown
//! or malformed reference is kept as written. Invalid code points become U+FFFD.
void decode_entities(std::string_view raw, std::string& out);

//! ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace recoupe::html
