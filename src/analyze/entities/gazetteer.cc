#include "analyze/entities/gazetteer.h"

#include "analyze/components.h"
#include "analyze/entities/data.h"
#include "analyze/lexicon.h"
#include "common/folding.h"
#include "common/utf8.h"

namespace recoupe::ner {
namespace {

uint64_t salt(Entity::Type type) noexcept { return 0x9E3779B97F4A7C15ULL * (static_cast<uint64_t>(type) + 1); }

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  return is_upper(utf8::next(s, i));
}

}  // namespace

uint64_t Gazetteer::extend(uint64_t h, uint64_t form) noexcept {
  h ^= form + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0x7fb5d329728ea185ULL;
  h ^= h >> 27;
  return h;
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer* g = [] {
    auto* out = new Gazetteer;
    for (std::string_view list : data::gazetteer_lists()) out->add_list(list);
    return out;
  }();
  return *g;
}

std::vector<uint64_t> Gazetteer::forms_of(std::string_view name, bool* capitalised) const {
  thread_local std::unique_ptr<Component> segmenter = make_segmenter();
  Doc doc;
  doc.field(Field::kText) = std::string(name);
  segmenter->process(doc);
  std::vector<uint64_t> forms;
  std::string folded;
  for (const Token& t : doc.tokens) {
    fold_word(doc.text(t.span), folded);
    forms.push_back(form_hash(folded));
  }
  *capitalised = !doc.tokens.empty() && starts_upper(doc.text(doc.tokens.front().span));
  return forms;
}

void Gazetteer::add_canonical(uint64_t key, const std::string& canonical, FlatHashMap<uint32_t>& map) {
  if (strings_.empty() || strings_.back() != canonical) strings_.push_back(canonical);
  const auto index = static_cast<uint32_t>(strings_.size());
  auto [slot, fresh] = map.try_emplace(key, index);
  if (!fresh && &map == &surnames_ && slot != kAmbiguous && strings_[slot - 1] != canonical) slot = kAmbiguous;
}

void Gazetteer::add(GazCategory category, std::string_view name, std::string_view canonical) {
  bool capital = false;
  const std::vector<uint64_t> forms = forms_of(name, &capital);
  if (forms.empty() || forms.size() > kMaxTokens) return;
  if (!capital) lower_starts_.add(forms[0]);
  starts_.add(forms[0]);
  uint64_t h = kSeed;
  for (size_t k = 0; k < forms.size(); ++k) {
    h = extend(h, forms[k]);
    uint16_t& bits = entries_.try_emplace(h, 0).first;
    if (k + 1 < forms.size()) bits |= kPrefixBit;
    else bits |= static_cast<uint16_t>(1u << (category + (capital ? 0 : 4)));
  }
  if (category == kGazFirst) return;
  const Entity::Type type = category == kGazLoc ? Entity::Type::kLoc
                            : category == kGazOrg ? Entity::Type::kOrg
                                                  : Entity::Type::kPer;
  const std::string canon(canonical.empty() ? name : canonical);
  add_canonical(h ^ salt(type), canon, names_);
}

void Gazetteer::add_list(std::string_view text) {
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view type = line.substr(0, tab);
    std::string_view names = line.substr(tab + 1);
    GazCategory category;
    if (type == "LOC") category = kGazLoc;
    else if (type == "ORG") category = kGazOrg;
    else if (type == "PER") category = kGazPer;
    else if (type == "FIRST") category = kGazFirst;
    else continue;
    std::string_view canonical;
    while (!names.empty()) {
      const size_t bar = names.find('|');
      std::string_view name = names.substr(0, bar);
      names.remove_prefix(bar == std::string_view::npos ? names.size() : bar + 1);
      if (name.empty()) continue;
      if (canonical.empty()) canonical = name;
      add(category, name, canonical);
      if (category != kGazPer) continue;
      // A listed person's surname alone: the words after the first name, and the last word.
      const std::string canon(canonical);
      if (const size_t space = name.find(' '); space != std::string_view::npos) {
        const std::string_view surname = name.substr(space + 1);
        const std::string_view last = name.substr(name.rfind(' ') + 1);
        for (std::string_view s : {surname, last}) {
          // Not a regnal number ("Charles III") nor an initial.
          if (s.size() < 3 || s.find_first_not_of("IVX") == std::string_view::npos) continue;
          bool capital = false;
          const std::vector<uint64_t> forms = forms_of(s, &capital);
          if (forms.empty() || forms.size() > kMaxTokens) continue;
          uint64_t h = kSeed;
          for (uint64_t f : forms) h = extend(h, f);
          add_canonical(h, canon, surnames_);
          add(kGazPer, s, canonical);
        }
      }
    }
  }
}

void Gazetteer::mark(DocView& view, size_t begin, size_t end) const {
  for (size_t i = begin; i < end; ++i) {
    const TokenView& first = view.tokens[i];
    // One branch for the three tests (&, not &&): words, capitals and punctuation come in no order a
    // branch predictor could learn.
    const bool capital = (first.flags & Token::kCapitalized) != 0;
    const bool lower_start = lower_starts_.may_contain(first.form);
    if (!(((first.flags & Token::kWord) != 0) & (capital | lower_start) & starts_.may_contain(first.form))) continue;
    uint64_t h = kSeed;
    for (size_t j = i; j < end && j - i < static_cast<size_t>(kMaxTokens); ++j) {
      h = extend(h, view.tokens[j].form);
      const uint16_t* bits = entries_.find(h);
      if (!bits) break;
      const auto cats = static_cast<uint8_t>((capital ? (*bits & 0xF) : 0) | ((*bits >> 4) & 0xF));
      for (int c = 0; c < kGazCategoryCount; ++c) {
        if (!(cats & (1u << c))) continue;
        view.tokens[i].gaz |= gaz_begin_bit(static_cast<GazCategory>(c));
        for (size_t k = i; k <= j; ++k) view.tokens[k].gaz |= gaz_inside_bit(static_cast<GazCategory>(c));
      }
      if (!(*bits & kPrefixBit)) break;
    }
  }
}

const std::string* Gazetteer::known_name(Entity::Type type, uint64_t sequence) const {
  const uint32_t* i = names_.find(sequence ^ salt(type));
  return i ? &strings_[*i - 1] : nullptr;
}

bool Gazetteer::first_name(uint64_t form) const {
  const uint16_t* bits = entries_.find(extend(kSeed, form));
  return bits && (*bits & (1u << kGazFirst | 1u << (kGazFirst + 4))) != 0;
}

const std::string* Gazetteer::person_by_surname(uint64_t sequence) const {
  const uint32_t* i = surnames_.find(sequence);
  return i && *i != kAmbiguous ? &strings_[*i - 1] : nullptr;
}

}  // namespace recoupe::ner
