#include "clean/html_blocks.h"

#include "common/ascii.h"

namespace recoupe::html {
namespace {

constexpr auto is_space = ascii::is_html_space;

bool contains_ci(std::string_view s, std::string_view lower_needle) noexcept {
  if (s.size() < lower_needle.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= s.size(); ++i) {
    size_t k = 0;
    while (k < lower_needle.size()) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
      if (c != lower_needle[k]) break;
      ++k;
    }
    if (k == lower_needle.size()) return true;
  }
  return false;
}

// Accumulates the text of the block being read.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::vector<Block>& out) : out_(out) {}

  void add(std::string_view text, bool in_link) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (is_space(c)) {
        space_ = true;
        continue;
      }
      // Invisible characters that only guide line breaking: soft hyphen (U+00AD), zero-width space
      // (U+200B), word joiner (U+2060), a BOM inside the text (U+FEFF). Left in, they split words.
      if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xAD') {
        ++i;
        continue;
      }
      if ((c == '\xE2' || c == '\xEF') && i + 2 < text.size()) {
        const std::string_view three = text.substr(i, 3);
        if (three == "\xE2\x80\x8B" || three == "\xE2\x81\xA0" || three == "\xEF\xBB\xBF") {
          i += 2;
          continue;
        }
      }
      if (space_ && !current_.text.empty()) {
        current_.text.push_back(' ');
        ++current_.chars;
        if (in_link) ++current_.link_chars;
      }
      space_ = false;
      current_.text.push_back(c);
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++current_.chars;
        if (in_link) ++current_.link_chars;
      }
    }
  }

  // Ends the current block; `owner` and the flags describe the block that follows.
  void flush() {
    if (!current_.text.empty()) out_.push_back(std::move(current_));
    current_ = Block{};
    space_ = false;
  }

  Block& current() { return current_; }

 private:
  std::vector<Block>& out_;
  Block current_;
  bool space_ = false;
};

}  // namespace

bool is_hidden(const Dom& dom, const Node& node) noexcept {
  for (const Attribute* a = dom.attr_begin(node); a != dom.attr_end(node); ++a) {
    if (a->name.empty()) continue;
    switch (a->name[0] | 0x20) {  // most attributes are refused by their first letter
      case 'h':
        if (iequals(a->name, "hidden")) return true;
        break;
      case 'a':
        if (iequals(a->name, "aria-hidden") && iequals(a->value, "true")) return true;
        break;
      case 's':
        if (iequals(a->name, "style") && (contains_ci(a->value, "display:none") ||
                                          contains_ci(a->value, "display: none") ||
                                          contains_ci(a->value, "visibility:hidden"))) {
          return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

std::vector<Block> segment_blocks(const Dom& dom) {
  std::vector<Block> blocks;
  blocks.reserve(256);
  BlockBuilder builder(blocks);

  // Iterative pre-order walk (no recursion: the depth is bounded by the Dom, but a loop costs nothing).
  // Per open element: whether it is a block, a link, a heading, a caption, a list item.
  struct Frame {
    uint32_t node;
    bool block;
  };
  std::vector<Frame> stack;
  stack.reserve(64);
  std::vector<uint32_t> owners = {Dom::root()};
  int links = 0, headings = 0, captions = 0, items = 0;

  auto start_block = [&]() {
    builder.flush();
    Block& b = builder.current();
    b.owner = owners.back();
    b.tag = dom.node(b.owner).tag;
    b.heading = headings > 0;
    b.caption = captions > 0;
    b.list_item = items > 0;
  };
  auto counters = [&](Tag t, int delta) {
    if (t == Tag::kA) links += delta;
    else if (is_heading(t)) headings += delta;
    else if (t == Tag::kFigure || t == Tag::kFigcaption || t == Tag::kCaption) captions += delta;
    else if (t == Tag::kLi || t == Tag::kDt || t == Tag::kDd) items += delta;
  };

  start_block();
  uint32_t next = dom.node(Dom::root()).first_child;
  while (true) {
    if (next != Node::kNone) {
      const Node& n = dom.node(next);
      if (n.is_text()) {
        builder.add(dom.text(n), links > 0);
      } else if (n.tag == Tag::kBr || n.tag == Tag::kHr) {
        start_block();
      } else if (!is_dropped(n.tag) && !is_hidden(dom, n)) {
        const bool block = is_block(n.tag);
        counters(n.tag, +1);
        if (block) {
          owners.push_back(next);
          start_block();
        }
        stack.push_back({next, block});
        if (n.first_child != Node::kNone) {
          next = n.first_child;
          continue;
        }
        // An empty element: closed at once below.
        next = Node::kNone;
        continue;
      }
      next = n.next_sibling;
      continue;
    }
    // Climb: close the innermost open element, go on with its next sibling.
    if (stack.empty()) break;
    const Frame f = stack.back();
    stack.pop_back();
    const Node& n = dom.node(f.node);
    counters(n.tag, -1);
    if (f.block) {
      owners.pop_back();
      start_block();
    }
    next = n.next_sibling;
  }
  builder.flush();
  return blocks;
}

}  // namespace recoupe::html
