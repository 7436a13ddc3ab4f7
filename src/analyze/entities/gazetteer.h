// src/analyze/entities/gazetteer.h
//
// Lists of names that the tagger reads as features (places, organisations,
// people, first names) and that the canonicaliser reads to give one name to
// the variants of an entity ("Lukashenko", "Loukachenko" → "Alexandre
// Loukachenko"). Entries are cut into tokens by the segmenter itself and
// matched on folded forms, so that "Pas-de-Calais" and "Côte d'Ivoire" match
// the tokens the Doc has.
//
// A list is lines of "TYPE<TAB>Name|Variant|...", TYPE one of LOC, ORG, PER,
// FIRST; the first name of a line is the canonical one; '#' starts a comment.
// An entry that starts with a capital matches only text that does too.
//
// Thread safety: immutable once built; builtin() is built once, on first use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities/features.h"
#include "common/flat_hash_map.h"
#include "common/hash_bits.h"

namespace recoupe::ner {

class Gazetteer {
 public:
  //! The lists shipped in data/gazetteer/ (see NOTICE), embedded in the binary.
  static const Gazetteer& builtin();

  //! Adds every line of a list (see file comment).
  void add_list(std::string_view text);
  //! Adds one name; `canonical` is the name it stands for (itself when empty).
  void add(GazCategory category, std::string_view name, std::string_view canonical = {});

  //! Sets TokenView::gaz on the tokens of the sentence [begin, end).
  void mark(DocView& view, size_t begin, size_t end) const;

  //! The canonical name listed for this sequence of folded forms (see sequence_hash()), or nullptr.
  const std::string* known_name(Entity::Type type, uint64_t sequence) const;
  //! The one listed person with this surname ("Loukachenko", "Le Pen"), or nullptr (none, or several).
  const std::string* person_by_surname(uint64_t sequence) const;

  //! True when the word of this form (TokenView::form) is a listed first name.
  bool first_name(uint64_t form) const;

  size_t size() const noexcept { return entries_.size(); }

  //! Hash of a sequence of forms: start from kSeed, extend() with each TokenView::form.
  static constexpr uint64_t kSeed = 0x243F6A8885A308D3ULL;
  static uint64_t extend(uint64_t h, uint64_t form) noexcept;

  static constexpr int kMaxTokens = 12;

 private:
  // Value of entries_: bits 0-3 categories when capitalised, 4-7 in any case, 8 a prefix of a longer entry.
  static constexpr uint16_t kPrefixBit = 1u << 8;
  std::vector<uint64_t> forms_of(std::string_view name, bool* capitalised) const;
  void add_canonical(uint64_t key, const std::string& canonical, FlatHashMap<uint32_t>& map);

  // First forms of the entries that do not start with a capital ("franceinfo", "20 Minutes"), as a bit set
  // on the form's top bits: most lower-case words of a text are then not looked up at all.
  HashBits<12> lower_starts_;
  // First forms of all entries, as a bit set on the form's top 17 bits (16 KB): most capitalised words
  // of a text ("Il", "Selon", a surname) begin no entry and are passed over without a table lookup.
  HashBits<17> starts_;
  FlatHashMap<uint16_t> entries_{4096};
  FlatHashMap<uint32_t> names_{4096};     // salted sequence → 1 + index in strings_
  FlatHashMap<uint32_t> surnames_{1024};  // sequence → 1 + index, or kAmbiguous
  std::vector<std::string> strings_;
  static constexpr uint32_t kAmbiguous = 0xFFFFFFFFu;
};

}  // namespace recoupe::ner
