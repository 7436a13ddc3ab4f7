// src/analyze/speech_cues.h
//
// The words that introduce or follow a quotation in French news: speech verbs
// in every inflected form (data/quotes/speech_verbs_fr.txt, see NOTICE),
// auxiliaries, prepositional cues ("selon", "d'après"), nouns of roles that
// name a person ("le ministre"), and nouns that name a work or a thing rather
// than a speaker ("l'opération", "le film"). All lookups take folded words.
#pragma once

#include <cstdint>
#include <string_view>

namespace recoupe {

//! "déclaré", "ajoute", "estime", "martèle": a verb that reports speech.
bool is_speech_verb(std::string_view folded) noexcept;
//! The same test on a word's folded-form hash (Token::form, ner::form_hash): no folding, no string hashing.
bool is_speech_verb_form(uint64_t form) noexcept;
//! "a", "avait", "aurait", "ont": an auxiliary before a past participle.
bool is_auxiliary(std::string_view folded) noexcept;
//! "selon", "pour": a cue whose object is the speaker ("d'après" is two words, matched by the caller).
bool is_source_preposition(std::string_view folded) noexcept;
//! "il", "elle", "ils", "elles", "on": a subject pronoun.
bool is_subject_pronoun(std::string_view folded) noexcept;
//! "lui", "elle", "eux", "elles": a pronoun after a preposition ("selon lui").
bool is_stressed_pronoun(std::string_view folded) noexcept;
//! "le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "ce", "cette": a determiner.
bool is_determiner(std::string_view folded) noexcept;
//! "président", "ministre", "porte-parole", "avocate": a noun for a person by role.
bool is_person_role(std::string_view folded) noexcept;
//! "compagnie", "groupe", "syndicat": a noun that stands for an organisation named before.
bool is_organisation_noun(std::string_view folded) noexcept;
//! "communiqué", "lettre", "tweet": a text that speaks for its author ("le communiqué de la ministre").
bool is_document_noun(std::string_view folded) noexcept;
//! "opération", "film", "plan", "slogan": a noun whose quoted complement is a name, not speech.
bool is_naming_noun(std::string_view folded) noexcept;
//! +1 for a man's given name ("pierre", "jean-marc"), -1 for a woman's ("isabelle", "marie-ange"), 0 when
//! unknown or given to both ("camille"): data/quotes/given_names_fr.txt.
int given_name_gender(std::string_view folded) noexcept;
//! "M.", "Mme", "Dr": a title before a name, never part of it.
bool is_honorific(std::string_view folded) noexcept;

//! "egalement", "lundi", "ne", "lui": an adverb, clitic or time word between a subject and its verb.
bool is_adverb(std::string_view folded) noexcept;
//! "de", "au", "dans", "selon": a preposition.
bool is_preposition_word(std::string_view folded) noexcept;
//! "qui", "et", "dans", "lundi": a word that ends a noun phrase.
bool is_noun_phrase_stop(std::string_view folded) noexcept;

//! The lists above, as bits of cue_classes().
enum CueClass : uint16_t {
  kCueAuxiliary = 1 << 0,
  kCueDeterminer = 1 << 1,
  kCuePersonRole = 1 << 2,
  kCuePluralRole = 1 << 3,  //!< a role's plural: "avocats", "ex-maires"
  kCueOrganisationNoun = 1 << 4,
  kCueDocumentNoun = 1 << 5,
  kCueNamingNoun = 1 << 6,
  kCueHonorific = 1 << 7,
  kCueAdverb = 1 << 8,
  kCuePreposition = 1 << 9,
  kCueNounPhraseStop = 1 << 10,
  kCueSourcePreposition = 1 << 11,
  kCueSubjectPronoun = 1 << 12,
  kCueStressedPronoun = 1 << 13,
};
//! Every list above a folded word is in (bits 0-13), by the hash of the folded word (Token::form,
//! ner::form_hash): one probe answers them all, where asking each list hashed the word again.
uint16_t cue_classes(uint64_t form) noexcept;

}  // namespace recoupe
