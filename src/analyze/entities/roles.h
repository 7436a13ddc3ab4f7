// src/analyze/entities/roles.h
//
// Role phrases ("le président biélorusse", "le chef du Kremlin", "le ministre
// de la Santé", "le tyran de Minsk") and the person they stand for. A person
// is described by the words around their mentions: a role before the name
// ("le président biélorusse Alexandre Loukachenko") or an apposition after it
// ("Alexandre Loukachenko, président de la Biélorussie"). A role phrase whose
// head noun and qualifiers all match the description of exactly one person is
// that person; a demonym matches its country ("biélorusse", "Biélorussie").
// A role that no person's description names is the article's one salient
// person when no other comes close (at least twice as many mentions as the
// next), unless that person is described by another office ("ministre" is
// not the "président"). Otherwise the phrase stays a role.
//
// Thread safety: pure functions of the Doc.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "doc/doc.h"

namespace recoupe::ner {

//! True when `folded` (folded word) is a noun of office that may head a role phrase ("president", "chef").
bool is_role_noun(std::string_view folded) noexcept;

//! The canonical name of the person that the role phrase `role` stands for in `doc`, or empty when the
//! article does not make it clear. Needs doc.tokens and doc.entities (empty without them).
std::string resolve_role(const Doc& doc, const Span& role);

//! resolve_role() for many role phrases of one document: the document's people and what describes them
//! are gathered once, at the first phrase a role noun heads, instead of at each (quotations ask about
//! every definite speaker phrase). The Doc must outlive it, its tokens and entities unchanged.
class RoleResolver {
 public:
  explicit RoleResolver(const Doc& doc);
  ~RoleResolver();
  std::string resolve(const Span& role);

 private:
  struct People;
  const Doc& doc_;
  std::unique_ptr<People> people_;  // on first use
};

//! Role phrases of `doc` (determiner, role noun, an adjective, "de ..." complement) resolved to a person.
std::vector<Role> find_roles(const Doc& doc);

}  // namespace recoupe::ner
