// Role phrases resolved to a person: by a description of the person elsewhere in the article, by the one
// salient person, or left unresolved when the article does not make it clear. Sentences written for this test.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyze/entities/roles.h"
#include "doc/serializer.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

Doc analysed(const std::string& text) {
  RawRecord r;
  r.id = "t";
  r.text = text;
  r.lang = "fr";
  return testing::analysed_doc(std::move(r));
}

// The span of the last occurrence of `phrase` in the text (the role phrase after its description).
Span last(const Doc& d, const std::string& phrase) {
  const size_t at = d.field(Field::kText).rfind(phrase);
  EXPECT_NE(at, std::string::npos) << phrase;
  return Span{Field::kText, static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
}

struct Case {
  const char* text;
  const char* role;    // the role phrase, resolved at its last occurrence
  const char* person;  // expected canonical name; "" when it must stay a role
};

TEST(Roles, ResolvesRolePhrases) {
  const Case cases[] = {
      // A role before the name, then the same role alone.
      {"Le président biélorusse Alexandre Loukachenko a reçu lundi des journalistes à Minsk. "
       "Le président biélorusse a promis des réformes.",
       "Le président biélorusse", "Alexandre Loukachenko"},
      // An apposition after the name; the demonym matches the country.
      {"Alexandre Loukachenko, président de la Biélorussie, a dénoncé les sanctions. "
       "Selon le président biélorusse, l'économie résiste.",
       "le président biélorusse", "Alexandre Loukachenko"},
      // Two ministers: the complement tells them apart.
      {"Le ministre de la Santé Olivier Véran a présenté le plan. Le ministre de l'Intérieur Gérald Darmanin "
       "était absent. Selon le ministre de la Santé, les lits manquent.",
       "le ministre de la Santé", "Olivier Véran"},
      {"Le ministre de la Santé Olivier Véran a présenté le plan. Le ministre de l'Intérieur Gérald Darmanin "
       "était absent. Le ministre de l'Intérieur a répondu aux syndicats.",
       "Le ministre de l'Intérieur", "Gérald Darmanin"},
      // A role no one is described by: the one salient person.
      {"Alexandre Loukachenko a fait arrêter des opposants. Loukachenko refuse tout dialogue. "
       "Le tyran de Minsk ne cède pas.",
       "Le tyran de Minsk", "Alexandre Loukachenko"},
      {"Vladimir Poutine a réuni ses ministres mardi. Poutine veut des résultats. Le chef du Kremlin a haussé le ton.",
       "Le chef du Kremlin", "Vladimir Poutine"},
      // Two people as salient as each other: not clear.
      {"Emmanuel Macron et Olaf Scholz se sont parlé au téléphone. Le président a appelé au calme.",
       "Le président", ""},
      // The one person is described by another office: "le ministre" is someone else.
      {"Le président Emmanuel Macron a parlé mardi. Macron a insisté sur l'école. "
       "Le ministre de la Santé a ensuite précisé les mesures.",
       "Le ministre de la Santé", ""},
      // Not a role noun; "premier" only as "Premier ministre".
      {"Emmanuel Macron a parlé mardi. Le village attend.", "Le village", ""},
      {"Anne Hidalgo arrive en tête. Hidalgo a gagné le premier tour.", "le premier tour", ""},
  };
  for (const Case& c : cases) {
    const Doc d = analysed(c.text);
    EXPECT_EQ(ner::resolve_role(d, last(d, c.role)), c.person) << c.text;
  }
}

// The descriptions are read through the tokens' form hashes and the mentions found from the previous
// one (roles.cc): the answers must not depend on the order of the entities, nor on whether the lexical
// component set the forms (without them, words are folded).
TEST(Roles, SameAnswerWhateverTheEntityOrderAndWithoutForms) {
  const char* text =
      "Le ministre de la Santé Olivier Véran a présenté le plan. Gérald Darmanin, ministre de l'Intérieur, "
      "était absent. Selon le ministre de la Santé, les lits manquent. Le ministre de l'Intérieur a répondu.";
  const Doc d = analysed(text);
  ASSERT_TRUE(d.entities.has_value());
  ASSERT_GE(d.entities->size(), 2u);
  const std::pair<const char*, const char*> roles[] = {{"le ministre de la Santé", "Olivier Véran"},
                                                       {"Le ministre de l'Intérieur", "Gérald Darmanin"}};
  Doc reversed = analysed(text);
  std::reverse(reversed.entities->begin(), reversed.entities->end());
  Doc formless = analysed(text);
  for (Token& t : formless.tokens) t.form = 0;
  ner::RoleResolver resolver(d);  // one document, many phrases: the people gathered once
  for (const auto& [role, person] : roles) {
    const Span span = last(d, role);
    EXPECT_EQ(ner::resolve_role(d, span), person) << role;
    EXPECT_EQ(resolver.resolve(span), person) << role;
    EXPECT_EQ(ner::resolve_role(reversed, span), person) << role;
    EXPECT_EQ(ner::resolve_role(formless, span), person) << role;
  }
  EXPECT_EQ(ner::find_roles(formless).size(), ner::find_roles(d).size());
}

TEST(Roles, FindsResolvedRolesOnTheDocAndWritesThem) {
  const Doc d = analysed(
      "Alexandre Loukachenko, président de la Biélorussie, a dénoncé les sanctions. "
      "Selon le président biélorusse, l'économie résiste.");
  const Span want = last(d, "le président biélorusse");
  ASSERT_FALSE(d.roles.empty());
  const auto it = std::find_if(d.roles.begin(), d.roles.end(), [&](const Role& r) { return r.span == want; });
  ASSERT_NE(it, d.roles.end());
  EXPECT_EQ(it->canonical, "Alexandre Loukachenko");
  std::string json;
  append_contract_json(d, json);
  EXPECT_NE(json.find("\"roles\":[{\"field\":\"text\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"text\":\"le président biélorusse\",\"canonical\":\"Alexandre Loukachenko\""),
            std::string::npos)
      << json;
}

// A role phrase starts at any of the determiners find_roles() looks for ("le", "la", "l'", "du", "au"),
// which it tells by the tokens' form hashes, or by folding the words when the lexical component set none.
TEST(Roles, FindsRolesAfterEachDeterminerWithAndWithoutForms) {
  const char* text =
      "Le maire Paul Morvan a inauguré le pont. La présidente Anne Caradec était là. L'entraîneur Rémi "
      "Sarrau aussi. Selon le maire, le pont tiendra. La présidente a applaudi. L'entraîneur a souri. Le "
      "discours du maire a plu. On a parlé au maire.";
  for (const bool hashed : {true, false}) {
    SCOPED_TRACE(hashed ? "hashed" : "unhashed");
    Doc d = analysed(text);
    if (!hashed) {
      for (Token& t : d.tokens) t.form = 0;
    }
    const std::vector<Role> roles = ner::find_roles(d);
    auto found = [&](const std::string& phrase, size_t from) {
      const size_t at = d.field(Field::kText).find(phrase, from);
      const Span want{Field::kText, static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
      const auto it = std::find_if(roles.begin(), roles.end(), [&](const Role& r) { return r.span == want; });
      return it == roles.end() ? std::string("(none)") : it->canonical;
    };
    const size_t later = d.field(Field::kText).find("Selon");
    EXPECT_EQ(found("le maire", later), "Paul Morvan");
    EXPECT_EQ(found("La présidente", later), "Anne Caradec");
    EXPECT_EQ(found("L'entraîneur", later), "Rémi Sarrau");
    EXPECT_EQ(found("maire", d.field(Field::kText).find("du maire")), "Paul Morvan");  // "du": the noun on
    EXPECT_EQ(found("maire", d.field(Field::kText).find("au maire")), "Paul Morvan");
    // The resolver gathers the people at the first phrase a role noun heads, not at the first phrase.
    ner::RoleResolver resolver(d);
    EXPECT_EQ(resolver.resolve(last(d, "le pont")), "");
    EXPECT_EQ(resolver.resolve(last(d, "L'entraîneur")), "Rémi Sarrau");
    EXPECT_EQ(resolver.resolve(last(d, "La présidente")), "Anne Caradec");
  }
}

TEST(Roles, NoneWithoutPeople) {
  const Doc d = analysed("Le président de la région a inauguré le pont. Le maire de Lyon était présent.");
  EXPECT_TRUE(d.roles.empty());
}

}  // namespace
}  // namespace recoupe
