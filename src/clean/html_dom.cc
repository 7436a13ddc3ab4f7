#include "clean/html_dom.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "common/ascii.h"
#include "common/utf8.h"

namespace recoupe::html {
namespace {

struct TagInfo {
  const char* name;
  Tag tag;
};

constexpr TagInfo kTags[] = {
    {"a", Tag::kA},           {"abbr", Tag::kAbbr},         {"address", Tag::kAddress},
    {"article", Tag::kArticle}, {"aside", Tag::kAside},     {"audio", Tag::kAudio},
    {"b", Tag::kB},           {"base", Tag::kBase},         {"blockquote", Tag::kBlockquote},
    {"body", Tag::kBody},     {"br", Tag::kBr},             {"button", Tag::kButton},
    {"canvas", Tag::kCanvas}, {"caption", Tag::kCaption},   {"center", Tag::kCenter},
    {"cite", Tag::kCite},     {"code", Tag::kCode},         {"dd", Tag::kDd},
    {"details", Tag::kDetails}, {"dialog", Tag::kDialog},   {"div", Tag::kDiv},
    {"dl", Tag::kDl},         {"dt", Tag::kDt},             {"em", Tag::kEm},
    {"embed", Tag::kEmbed},   {"fieldset", Tag::kFieldset}, {"figcaption", Tag::kFigcaption},
    {"figure", Tag::kFigure}, {"font", Tag::kFont},         {"footer", Tag::kFooter},
    {"form", Tag::kForm},     {"h1", Tag::kH1},             {"h2", Tag::kH2},
    {"h3", Tag::kH3},         {"h4", Tag::kH4},             {"h5", Tag::kH5},
    {"h6", Tag::kH6},         {"head", Tag::kHead},         {"header", Tag::kHeader},
    {"hgroup", Tag::kHgroup}, {"hr", Tag::kHr},             {"html", Tag::kHtml},
    {"i", Tag::kI},           {"iframe", Tag::kIframe},     {"img", Tag::kImg},
    {"input", Tag::kInput},   {"label", Tag::kLabel},       {"legend", Tag::kLegend},
    {"li", Tag::kLi},         {"link", Tag::kLink},         {"main", Tag::kMain},
    {"map", Tag::kMap},       {"mark", Tag::kMark},         {"math", Tag::kMath},
    {"menu", Tag::kMenu},     {"meta", Tag::kMeta},         {"nav", Tag::kNav},
    {"noscript", Tag::kNoscript}, {"object", Tag::kObject}, {"ol", Tag::kOl},
    {"option", Tag::kOption}, {"p", Tag::kP},               {"picture", Tag::kPicture},
    {"pre", Tag::kPre},       {"q", Tag::kQ},               {"script", Tag::kScript},
    {"section", Tag::kSection}, {"select", Tag::kSelect},   {"small", Tag::kSmall},
    {"source", Tag::kSource}, {"span", Tag::kSpan},         {"strong", Tag::kStrong},
    {"style", Tag::kStyle},   {"sub", Tag::kSub},           {"summary", Tag::kSummary},
    {"sup", Tag::kSup},       {"svg", Tag::kSvg},           {"table", Tag::kTable},
    {"tbody", Tag::kTbody},   {"td", Tag::kTd},             {"template", Tag::kTemplate},
    {"textarea", Tag::kTextarea}, {"tfoot", Tag::kTfoot},   {"th", Tag::kTh},
    {"thead", Tag::kThead},   {"time", Tag::kTime},         {"title", Tag::kTitle},
    {"tr", Tag::kTr},         {"u", Tag::kU},               {"ul", Tag::kUl},
    {"video", Tag::kVideo},   {"wbr", Tag::kWbr},
};

// Tags by first letter: a lookup compares lengths first and a few names at most (a binary search over
// all names cost 7% of the extraction).
class TagTable {
 public:
  TagTable() {
    for (const TagInfo& t : kTags) by_first_[static_cast<unsigned char>(t.name[0]) - 'a'].push_back({t.name, t.tag});
  }
  Tag find(std::string_view lower) const noexcept {
    const auto c = static_cast<unsigned char>(lower[0]);
    if (c < 'a' || c > 'z') return Tag::kOther;
    for (const auto& [name, tag] : by_first_[c - 'a']) {
      if (name.size() == lower.size() && std::memcmp(name.data(), lower.data(), lower.size()) == 0) return tag;
    }
    return Tag::kOther;
  }

 private:
  std::vector<std::pair<std::string_view, Tag>> by_first_[26];
};

Tag lookup_tag(std::string_view lower) noexcept {
  static const TagTable table;
  return lower.empty() ? Tag::kOther : table.find(lower);
}

// Per-tag properties, one bit each, filled once.
enum : uint8_t { kBlockBit = 1, kVoidBit = 2, kDropBit = 4, kClosesPBit = 8, kScopeBit = 16 };

struct Properties {
  std::array<uint8_t, static_cast<size_t>(Tag::kCount)> bits{};
  Properties() {
    auto set = [&](std::initializer_list<Tag> tags, uint8_t bit) {
      for (Tag t : tags) bits[static_cast<size_t>(t)] |= bit;
    };
    set({Tag::kRoot, Tag::kHtml, Tag::kBody, Tag::kArticle, Tag::kSection, Tag::kMain, Tag::kNav, Tag::kAside,
         Tag::kHeader, Tag::kFooter, Tag::kDiv, Tag::kP, Tag::kH1, Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5, Tag::kH6,
         Tag::kBlockquote, Tag::kPre, Tag::kAddress, Tag::kHgroup, Tag::kCenter, Tag::kDetails, Tag::kSummary,
         Tag::kDialog, Tag::kMenu, Tag::kUl, Tag::kOl, Tag::kLi, Tag::kDl, Tag::kDt, Tag::kDd, Tag::kTable,
         Tag::kCaption, Tag::kThead, Tag::kTbody, Tag::kTfoot, Tag::kTr, Tag::kTd, Tag::kTh, Tag::kFigure,
         Tag::kFigcaption, Tag::kForm, Tag::kFieldset, Tag::kLegend, Tag::kHr, Tag::kBr, Tag::kHead, Tag::kTitle},
        kBlockBit);
    set({Tag::kMeta, Tag::kLink, Tag::kBase, Tag::kHr, Tag::kBr, Tag::kImg, Tag::kSource, Tag::kWbr, Tag::kInput,
         Tag::kEmbed},
        kVoidBit);
    set({Tag::kScript, Tag::kStyle, Tag::kNoscript, Tag::kTemplate, Tag::kSvg, Tag::kMath, Tag::kIframe,
         Tag::kObject, Tag::kEmbed, Tag::kCanvas, Tag::kVideo, Tag::kAudio, Tag::kSelect, Tag::kButton,
         Tag::kInput, Tag::kTextarea, Tag::kOption, Tag::kMap, Tag::kHead, Tag::kTitle},
        kDropBit);
    // Start tags that close an open <p> (HTML's "close a p element").
    set({Tag::kAddress, Tag::kArticle, Tag::kAside, Tag::kBlockquote, Tag::kCenter, Tag::kDetails, Tag::kDialog,
         Tag::kDiv, Tag::kDl, Tag::kFieldset, Tag::kFigcaption, Tag::kFigure, Tag::kFooter, Tag::kForm, Tag::kH1,
         Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5, Tag::kH6, Tag::kHeader, Tag::kHgroup, Tag::kHr, Tag::kMain,
         Tag::kMenu, Tag::kNav, Tag::kOl, Tag::kP, Tag::kPre, Tag::kSection, Tag::kTable, Tag::kUl, Tag::kLi,
         Tag::kDd, Tag::kDt, Tag::kSummary},
        kClosesPBit);
    // Where a search for an open element to close stops (HTML's scope markers).
    set({Tag::kRoot, Tag::kHtml, Tag::kTable, Tag::kTd, Tag::kTh, Tag::kCaption, Tag::kObject, Tag::kTemplate},
        kScopeBit);
  }
  bool has(Tag t, uint8_t bit) const noexcept { return (bits[static_cast<size_t>(t)] & bit) != 0; }
};

const Properties& props() {
  static const Properties p;
  return p;
}

constexpr auto is_space = ascii::is_html_space;
inline bool is_alpha(char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

struct Entity {
  const char* name;
  uint32_t code;
};
constexpr Entity kEntities[] = {
#include "clean/html_entities.inc"
};

// Decodes the reference at raw[i] == '&'; returns the bytes consumed (0: not a reference).
size_t decode_reference(std::string_view raw, size_t i, std::string& out) {
  size_t j = i + 1;
  if (j < raw.size() && raw[j] == '#') {
    ++j;
    const bool hex = j < raw.size() && (raw[j] == 'x' || raw[j] == 'X');
    if (hex) ++j;
    uint32_t code = 0;
    const size_t start = j;
    while (j < raw.size() && j - start < 8) {
      const char c = raw[j];
      uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = static_cast<uint32_t>((c | 0x20) - 'a' + 10);
      else break;
      code = code * (hex ? 16 : 10) + d;
      ++j;
    }
    if (j == start) return 0;
    if (j < raw.size() && raw[j] == ';') ++j;
    // HTML maps the C1 range to windows-1252 (&#150; is an en dash); NUL, surrogates and
    // out-of-range values become U+FFFD.
    static constexpr char16_t kC1[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                         0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                         0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                         0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    if (code >= 0x80 && code < 0xA0) code = kC1[code - 0x80];
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    utf8::append(out, code);
    return j - i;
  }
  // Named: the longest name is 8 letters ("thetasym"); a ';' is expected but often missing.
  size_t k = j;
  while (k < raw.size() && k - j < 10 && (is_alpha(raw[k]) || (raw[k] >= '0' && raw[k] <= '9'))) ++k;
  if (k == j) return 0;
  for (size_t end = k; end > j; --end) {  // longest match first: "&notin;" before "&not"
    const std::string_view name = raw.substr(j, end - j);
    const auto* it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                                      [](const Entity& e, std::string_view n) { return std::string_view(e.name) < n; });
    if (it != std::end(kEntities) && std::string_view(it->name) == name) {
      const bool semicolon = end < raw.size() && raw[end] == ';';
      if (!semicolon && end != k) continue;  // "&notit" is not "&not" + "it"... unless nothing longer fits
      utf8::append(out, it->code);
      return end - i + (semicolon ? 1 : 0);
    }
  }
  return 0;
}

}  // namespace

bool is_block(Tag t) noexcept { return props().has(t, kBlockBit); }
bool is_void(Tag t) noexcept { return props().has(t, kVoidBit); }
bool is_dropped(Tag t) noexcept { return props().has(t, kDropBit); }

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

void decode_entities(std::string_view raw, std::string& out) {
  size_t copied = 0;
  for (size_t i = raw.find('&'); i != std::string_view::npos; i = raw.find('&', i)) {
    out.append(raw.data() + copied, i - copied);
    const size_t used = decode_reference(raw, i, out);
    if (used == 0) {
      out.push_back('&');
      ++i;
    } else {
      i += used;
    }
    copied = i;
  }
  out.append(raw.data() + copied, raw.size() - copied);
}

std::string_view Dom::attr(const Node& n, std::string_view name) const noexcept {
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (iequals(attributes_[a].name, name)) return attributes_[a].value;
  }
  return {};
}

bool Dom::has_attr(const Node& n, std::string_view name) const noexcept {
  for (uint32_t a = n.attr_begin; a < n.attr_end; ++a) {
    if (iequals(attributes_[a].name, name)) return true;
  }
  return false;
}

// Tokenizes the input and builds the tree in one pass (see the header for the rules kept).
class TreeBuilder {
 public:
  TreeBuilder(std::string_view in, Dom& dom) : in_(in), dom_(dom) {}

  void run() {
    dom_.nodes_.reserve(in_.size() / 24 + 16);
    dom_.attributes_.reserve(in_.size() / 40 + 16);
    dom_.text_.reserve(in_.size() / 3 + 16);
    Node root;
    root.tag = Tag::kRoot;
    dom_.nodes_.push_back(root);
    stack_.push_back(0);
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      const void* lt = std::memchr(in_.data() + i, '<', n - i);
      const size_t j = lt ? static_cast<size_t>(static_cast<const char*>(lt) - in_.data()) : n;
      if (j > i) add_text(in_.substr(i, j - i));
      if (j + 1 >= n) {
        if (j < n) add_text("<");
        break;
      }
      i = markup(j);
    }
  }

 private:
  // Handles the markup at in_[i] == '<'; returns where to go on.
  size_t markup(size_t i) {
    const size_t n = in_.size();
    const char c = in_[i + 1];
    if (c == '!') {
      if (in_.compare(i, 4, "<!--") == 0) {
        const size_t end = in_.find("-->", i + 4);
        return end == std::string_view::npos ? n : end + 3;
      }
      return skip_to_gt(i + 2);  // doctype, CDATA: dropped
    }
    if (c == '?') return skip_to_gt(i + 2);
    if (c == '/') {
      if (i + 2 < n && is_alpha(in_[i + 2])) {
        size_t p = i + 2;
        const std::string_view name = read_name(p);
        end_tag(name);
        return skip_to_gt(p);
      }
      return skip_to_gt(i + 2);  // "</>" or "</ ...": a bogus comment
    }
    if (is_alpha(c)) return start_tag(i);
    add_text(in_.substr(i, 1));  // a lone '<' is text
    return i + 1;
  }

  size_t skip_to_gt(size_t p) const {
    const size_t gt = in_.find('>', p);
    return gt == std::string_view::npos ? in_.size() : gt + 1;
  }

  std::string_view read_name(size_t& p) const {
    const size_t start = p;
    while (p < in_.size() && !is_space(in_[p]) && in_[p] != '/' && in_[p] != '>') ++p;
    return in_.substr(start, p - start);
  }

  static Tag tag_of(std::string_view name) {
    char buf[16];
    if (name.size() > sizeof buf) return Tag::kOther;
    for (size_t k = 0; k < name.size(); ++k) buf[k] = lower(name[k]);
    return lookup_tag(std::string_view(buf, name.size()));
  }

  size_t start_tag(size_t i) {
    const size_t n = in_.size();
    size_t p = i + 1;
    const std::string_view name = read_name(p);
    const Tag tag = tag_of(name);
    const auto attr_begin = static_cast<uint32_t>(dom_.attributes_.size());
    bool self_closing = false;
    while (true) {
      while (p < n && (is_space(in_[p]) || in_[p] == '/')) {
        self_closing = in_[p] == '/';
        ++p;
      }
      if (p >= n) {  // the page ends inside a tag: the tag is dropped
        dom_.attributes_.resize(attr_begin);
        return n;
      }
      if (in_[p] == '>') {
        ++p;
        break;
      }
      self_closing = false;
      const size_t name_start = p++;  // a first '=' belongs to the name
      while (p < n && !is_space(in_[p]) && in_[p] != '/' && in_[p] != '>' && in_[p] != '=') ++p;
      const std::string_view attr_name = in_.substr(name_start, p - name_start);
      size_t q = p;
      while (q < n && is_space(in_[q])) ++q;
      std::string_view value;
      if (q < n && in_[q] == '=') {
        ++q;
        while (q < n && is_space(in_[q])) ++q;
        if (q < n && (in_[q] == '"' || in_[q] == '\'')) {
          const size_t close = in_.find(in_[q], q + 1);
          const size_t end = close == std::string_view::npos ? n : close;
          value = in_.substr(q + 1, end - q - 1);
          q = end == n ? n : end + 1;
        } else {
          const size_t start = q;
          while (q < n && !is_space(in_[q]) && in_[q] != '>') ++q;
          value = in_.substr(start, q - start);
        }
        p = q;
      }
      if (dom_.attributes_.size() - attr_begin < Dom::kMaxAttributes) dom_.attributes_.push_back({attr_name, value});
    }
    const auto attr_end = static_cast<uint32_t>(dom_.attributes_.size());

    // Raw text: the content runs to the matching end tag, markup and all.
    if (tag == Tag::kScript || tag == Tag::kStyle || tag == Tag::kNoscript || tag == Tag::kIframe ||
        tag == Tag::kTextarea || (tag == Tag::kTitle && open_[static_cast<size_t>(Tag::kSvg)] == 0) ||
        (tag == Tag::kOther && (iequals(name, "xmp") || iequals(name, "noembed") || iequals(name, "noframes")))) {
      if (self_closing && tag != Tag::kScript && tag != Tag::kTitle) {
        dom_.attributes_.resize(attr_begin);
        return p;
      }
      const size_t end = find_end_tag(p, name);
      // Without its end tag, HTML would make the rest of the page this element's text; a page that
      // forgot </title> or </textarea> keeps its body instead (a script still runs to the end).
      if (end >= n && tag != Tag::kScript && tag != Tag::kStyle) {
        dom_.attributes_.resize(attr_begin);
        return p;
      }
      const std::string_view content = in_.substr(p, end - p);
      Node probe;
      probe.attr_begin = attr_begin;
      probe.attr_end = attr_end;
      if (tag == Tag::kScript) {
        const std::string_view type = dom_.attr(probe, "type");
        if (iequals(type, "application/ld+json")) dom_.json_ld_.push_back(content);
      } else if (tag == Tag::kTitle && dom_.title_.empty()) {
        decode_entities(content, dom_.title_);
      }
      dom_.attributes_.resize(attr_begin);
      return end >= n ? n : skip_to_gt(end + 2);
    }

    open_element(tag, name, attr_begin, attr_end, self_closing);
    return p;
  }

  // Position of "</name" (any case, followed by a delimiter) from p, or the end of the input.
  size_t find_end_tag(size_t p, std::string_view name) const {
    const size_t n = in_.size();
    while (p < n) {
      const void* lt = std::memchr(in_.data() + p, '<', n - p);
      if (!lt) return n;
      const size_t k = static_cast<size_t>(static_cast<const char*>(lt) - in_.data());
      if (k + 2 + name.size() <= n && in_[k + 1] == '/' && iequals(in_.substr(k + 2, name.size()), name)) {
        const size_t after = k + 2 + name.size();
        if (after == n || is_space(in_[after]) || in_[after] == '>' || in_[after] == '/') return k;
      }
      p = k + 1;
    }
    return n;
  }

  uint32_t top() const { return stack_.back(); }
  Tag top_tag() const { return dom_.nodes_[top()].tag; }

  void pop() {
    const Tag t = dom_.nodes_[stack_.back()].tag;
    --open_[static_cast<size_t>(t)];
    stack_.pop_back();
  }
  // Pops up to and including stack_[k].
  void pop_to(size_t k) {
    while (stack_.size() > k) pop();
  }

  // Index in stack_ of the innermost open `tag` found before a node for which `stop` holds, or 0.
  template <typename Stop>
  size_t find_open(Tag tag, Stop stop) const {
    if (open_[static_cast<size_t>(tag)] == 0) return 0;
    for (size_t k = stack_.size() - 1; k > 0; --k) {
      const Tag t = dom_.nodes_[stack_[k]].tag;
      if (t == tag) return k;
      if (stop(t)) return 0;
    }
    return 0;
  }

  void close_implied(Tag tag) {
    const auto scope = [](Tag t) { return props().has(t, kScopeBit); };
    if (props().has(tag, kClosesPBit)) {  // "button scope": a <p> inside a <button> stays there
      if (size_t k = find_open(Tag::kP, [](Tag t) { return props().has(t, kScopeBit) || t == Tag::kButton; })) {
        pop_to(k);
      }
    }
    switch (tag) {
      case Tag::kLi:
        if (size_t k = find_open(Tag::kLi, [&](Tag t) { return scope(t) || t == Tag::kUl || t == Tag::kOl; })) pop_to(k);
        break;
      case Tag::kDt:
      case Tag::kDd: {
        const auto stop = [&](Tag t) { return scope(t) || t == Tag::kDl; };
        size_t k = std::max(find_open(Tag::kDt, stop), find_open(Tag::kDd, stop));
        if (k) pop_to(k);
        break;
      }
      case Tag::kTd:
      case Tag::kTh: {
        const auto stop = [](Tag t) { return t == Tag::kTr || t == Tag::kTable || t == Tag::kRoot; };
        size_t k = std::max(find_open(Tag::kTd, stop), find_open(Tag::kTh, stop));
        if (k) pop_to(k);
        break;
      }
      case Tag::kTr:
        if (size_t k = find_open(Tag::kTr, [](Tag t) { return t == Tag::kTable || t == Tag::kRoot; })) pop_to(k);
        break;
      case Tag::kA:  // <a> inside <a> closes the first
        if (size_t k = find_open(Tag::kA, [&](Tag t) { return scope(t); })) pop_to(k);
        break;
      case Tag::kOption:
        if (top_tag() == Tag::kOption) pop();
        break;
      case Tag::kButton:  // <button> inside <button> closes the first
        if (size_t k = find_open(Tag::kButton, scope)) pop_to(k);
        break;
      default:
        if (is_heading(tag) && is_heading(top_tag())) pop();
        break;
    }
  }

  void open_element(Tag tag, std::string_view name, uint32_t attr_begin, uint32_t attr_end, bool self_closing) {
    // html, head and body are made once; a second start tag adds nothing (HTML merges its attributes).
    if (tag == Tag::kHtml || tag == Tag::kBody || tag == Tag::kHead) {
      uint8_t& seen = seen_[tag == Tag::kHtml ? 0 : tag == Tag::kBody ? 1 : 2];
      if (seen) return;
      seen = 1;
    }
    if (stack_.size() >= static_cast<size_t>(Dom::kMaxDepth)) return;  // too deep: the tag is ignored
    // Anything but head material closes an open <head>, as in HTML ("in head" insertion mode): a page
    // that never writes </head> keeps its body.
    if (open_[static_cast<size_t>(Tag::kHead)] > 0 && !belongs_in_head(tag)) close_head();
    close_implied(tag);
    Node node;
    node.tag = tag;
    node.attr_begin = attr_begin;
    node.attr_end = attr_end;
    if (tag == Tag::kOther) {  // keep the name, for end-tag matching
      node.text_begin = static_cast<uint32_t>(name.data() - in_.data());
      node.text_size = static_cast<uint32_t>(name.size());
    }
    const uint32_t index = append_child(node);
    const bool foreign = open_[static_cast<size_t>(Tag::kSvg)] + open_[static_cast<size_t>(Tag::kMath)] > 0 ||
                         tag == Tag::kSvg || tag == Tag::kMath;
    if (is_void(tag) || (self_closing && foreign)) return;
    stack_.push_back(index);
    ++open_[static_cast<size_t>(tag)];
  }

  static bool belongs_in_head(Tag t) {
    return t == Tag::kMeta || t == Tag::kLink || t == Tag::kBase || t == Tag::kTitle || t == Tag::kScript ||
           t == Tag::kStyle || t == Tag::kNoscript || t == Tag::kTemplate || t == Tag::kHead;
  }
  void close_head() {
    if (size_t k = find_open(Tag::kHead, [](Tag) { return false; })) pop_to(k);
  }

  uint32_t append_child(Node node) {
    const uint32_t parent = top();
    const auto index = static_cast<uint32_t>(dom_.nodes_.size());
    node.parent = parent;
    node.depth = static_cast<uint16_t>(stack_.size());
    Node& p = dom_.nodes_[parent];
    if (p.last_child == Node::kNone) {
      p.first_child = index;
    } else {
      dom_.nodes_[p.last_child].next_sibling = index;
    }
    p.last_child = index;
    dom_.nodes_.push_back(node);
    return index;
  }

  void end_tag(std::string_view name) {
    const Tag tag = tag_of(name);
    if (tag == Tag::kBr) {  // </br> is read as <br>
      open_element(Tag::kBr, name, 0, 0, false);
      return;
    }
    if (tag == Tag::kHtml || tag == Tag::kBody || tag == Tag::kHead) return;  // content after them goes on
    if (open_[static_cast<size_t>(tag)] == 0) return;
    const bool inline_tag = !is_block(tag);
    for (size_t k = stack_.size() - 1; k > 0; --k) {
      const Node& n = dom_.nodes_[stack_[k]];
      if (n.tag == tag && (tag != Tag::kOther || iequals(name, in_.substr(n.text_begin, n.text_size)))) {
        pop_to(k);
        return;
      }
      // An inline end tag never closes a block; no end tag reaches out of a table cell or a table.
      if (inline_tag && is_block(n.tag)) return;
      if (props().has(n.tag, kScopeBit) && tag != Tag::kTable && tag != Tag::kTr && tag != Tag::kTbody &&
          tag != Tag::kThead && tag != Tag::kTfoot) {
        return;
      }
    }
  }

  void add_text(std::string_view raw) {
    // Whitespace between tags is kept as one space: it separates words of adjacent inline elements.
    bool blank = true;
    for (const char c : raw) {
      if (!is_space(c)) {
        blank = false;
        break;
      }
    }
    if (!blank && open_[static_cast<size_t>(Tag::kHead)] > 0) close_head();
    Node& parent = dom_.nodes_[top()];
    if (parent.last_child != Node::kNone) {
      Node& last = dom_.nodes_[parent.last_child];
      if (last.is_text() && last.text_begin + last.text_size == dom_.text_.size()) {  // extend it
        if (blank) {
          if (dom_.text_.back() != ' ') dom_.text_.push_back(' ');
        } else {
          decode_entities(raw, dom_.text_);
        }
        last.text_size = static_cast<uint32_t>(dom_.text_.size() - last.text_begin);
        return;
      }
    }
    Node node;
    node.tag = Tag::kText;
    node.text_begin = static_cast<uint32_t>(dom_.text_.size());
    if (blank) {
      dom_.text_.push_back(' ');
    } else {
      decode_entities(raw, dom_.text_);
    }
    node.text_size = static_cast<uint32_t>(dom_.text_.size() - node.text_begin);
    append_child(node);
  }

  std::string_view in_;
  Dom& dom_;
  std::vector<uint32_t> stack_;  // open elements, root first
  std::array<uint32_t, static_cast<size_t>(Tag::kCount)> open_{};  // open elements per tag
  uint8_t seen_[3] = {0, 0, 0};
};

Dom Dom::parse(std::string_view html) {
  Dom dom;
  if (html.size() >= UINT32_MAX / 2) html = html.substr(0, UINT32_MAX / 2);  // offsets are 32-bit
  TreeBuilder(html, dom).run();
  return dom;
}

}  // namespace recoupe::html
