// Quotations and speakers: one table row per quoting style or attribution pattern, on sentences
// written for these tests (people and places are invented).
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "analyze/entities/features.h"
#include "analyze/folded_tokens.h"
#include "analyze/quote_scanner.h"
#include "analyze/speaker_names.h"
#include "analyze/speech_cues.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

Doc analysed(const std::string& text, const std::string& title = "") {
  RawRecord r;
  r.id = "q";
  r.title = title;
  r.text = text;
  return testing::analysed_doc(std::move(r));
}

struct Expected {
  std::string quote;
  std::string speaker;  // "" when none is expected
};

struct Case {
  const char* name;
  std::string text;
  std::vector<Expected> quotes;
};

void check(const Case& c) {
  SCOPED_TRACE(c.name);
  const Doc d = analysed(c.text);
  ASSERT_EQ(d.quotes.size(), c.quotes.size()) << c.text;
  for (size_t i = 0; i < c.quotes.size(); ++i) {
    EXPECT_EQ(d.text(d.quotes[i].span), c.quotes[i].quote);
    EXPECT_EQ(d.quotes[i].speaker, c.quotes[i].speaker) << c.quotes[i].quote;
  }
}

TEST(QuoteScanner, PairsEveryKindOfMark) {
  struct Row {
    std::string text;
    std::vector<std::string> inside;
  };
  const std::vector<Row> rows = {
      {"Il a dit « oui » puis « non ».", {"oui", "non"}},
      {"Elle a dit “demain” et \"jamais\".", {"demain", "jamais"}},
      {"Un mot ‘rare’ et l’apostrophe d’usage.", {"rare"}},
      {"« Il a crié \"au feu\" dans la rue », dit-il.", {"Il a crié \"au feu\" dans la rue"}},
      {"“Nous partirons demain », a-t-il dit.", {"Nous partirons demain"}},  // mixed marks
      {"« Première phrase.\n« Seconde phrase. »", {"Première phrase.", "Seconde phrase."}},  // open: runs to line end
      {"Le mot » seul n'ouvre rien.", {}},
      {"'Une phrase entre apostrophes', dit le titre, et l'usage courant.", {"Une phrase entre apostrophes"}},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    const auto found = scan_quote_marks(r.text);
    ASSERT_EQ(found.size(), r.inside.size());
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(r.text.substr(found[i].begin, found[i].end - found[i].begin), r.inside[i]);
    }
  }
  const auto open = scan_quote_marks("« Première phrase.\nSuite.");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_FALSE(open[0].closed);
}

// The scanner's appending form (one vector reused over the fields of a document) keeps what the vector
// held, and its own stack of open marks does not carry a mark left open in one text into the next.
TEST(QuoteScanner, AppendsToAReusedVector) {
  std::vector<MarkedQuote> found;
  scan_quote_marks("Il a dit « oui » puis « non ».", found);
  ASSERT_EQ(found.size(), 2u);
  scan_quote_marks("« Laissée ouverte", found);
  scan_quote_marks("Puis « fermée » ici.", found);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_FALSE(found[2].closed);
  const std::string last = "Puis « fermée » ici.";
  EXPECT_EQ(last.substr(found[3].begin, found[3].end - found[3].begin), "fermée");
  EXPECT_TRUE(found[3].closed);
}

TEST(SpeechCues, LexiconHasInflectedSpeechVerbsAndNotOtherVerbs) {
  for (const char* w : {"declare", "a-t-il", "ajoute", "estime", "souligne", "affirmait", "explique"}) {
    if (std::string_view(w) == "a-t-il") continue;
    EXPECT_TRUE(is_speech_verb(w)) << w;
  }
  for (const char* w : {"mange", "table", "fut", "es", "sera", "soit", "savait", "eurent"}) EXPECT_FALSE(is_speech_verb(w)) << w;
  // By the form's hash (quotations ask so for every word), with the same answers.
  for (const char* w : {"declare", "ajoute", "estime", "souligne", "affirmait", "explique", "mange", "table", "fut",
                        "es", "sera", "soit", "savait", "eurent", "", "x"}) {
    EXPECT_EQ(is_speech_verb_form(ner::form_hash(w)), is_speech_verb(w)) << w;
  }
  EXPECT_TRUE(is_person_role("president"));
  EXPECT_TRUE(is_naming_noun("operation"));
}

// The one table of all the lists, by folded-form hash, answers as each list asked with the word.
TEST(SpeechCues, ClassesByFormAgreeWithEachList) {
  for (const char* w : {"a", "ont", "de", "le", "l'", "des", "du", "maire", "ex-maire", "maires", "ex-maires", "avocats",
                        "ex-", "exs", "ex-s", "pdgs", "roi", "rois", "elus", "groupe", "communique", "operation", "dr",
                        "mme", "egalement", "lundi", "n'", "par", "dans", "apres", "qui", "qu'", "selon", "pour", "il",
                        "elles", "lui", "eux", "on", "table", "", "x", "mange", "vice-presidents", "ex-pdg"}) {
    const std::string_view f = w;
    const uint16_t c = cue_classes(ner::form_hash(f));
    EXPECT_EQ((c & kCueAuxiliary) != 0, is_auxiliary(f)) << w;
    EXPECT_EQ((c & kCueDeterminer) != 0, is_determiner(f)) << w;
    EXPECT_EQ((c & kCuePersonRole) != 0, is_person_role(f)) << w;
    const bool plural = f.size() > 3 && f.back() == 's' && is_person_role(f.substr(0, f.size() - 1));
    EXPECT_EQ((c & kCuePluralRole) != 0, plural) << w;
    EXPECT_EQ((c & kCueOrganisationNoun) != 0, is_organisation_noun(f)) << w;
    EXPECT_EQ((c & kCueDocumentNoun) != 0, is_document_noun(f)) << w;
    EXPECT_EQ((c & kCueNamingNoun) != 0, is_naming_noun(f)) << w;
    EXPECT_EQ((c & kCueHonorific) != 0, is_honorific(f)) << w;
    EXPECT_EQ((c & kCueAdverb) != 0, is_adverb(f)) << w;
    EXPECT_EQ((c & kCuePreposition) != 0, is_preposition_word(f)) << w;
    EXPECT_EQ((c & kCueNounPhraseStop) != 0, is_noun_phrase_stop(f)) << w;
    EXPECT_EQ((c & kCueSourcePreposition) != 0, is_source_preposition(f)) << w;
    EXPECT_EQ((c & kCueSubjectPronoun) != 0, is_subject_pronoun(f)) << w;
    EXPECT_EQ((c & kCueStressedPronoun) != 0, is_stressed_pronoun(f)) << w;
  }
  EXPECT_NE(cue_classes(ner::form_hash("ex-maires")) & kCuePluralRole, 0);
  EXPECT_EQ(cue_classes(ner::form_hash("table")), 0);
}

TEST(Quotes, QuotingStyles) {
  const std::vector<Case> cases = {
      {"guillemets, speaker after",
       "Le maire de Valbrune, Hector Lamarque, a visité le chantier. « Les travaux finiront en mai », a déclaré "
       "Hector Lamarque.",
       {{"Les travaux finiront en mai", "Hector Lamarque"}}},
      {"english double quotes",
       "Sonia Ferrat préside la coopérative. “Nous vendrons tout le fromage cet hiver”, a-t-elle ajouté.",
       {{"Nous vendrons tout le fromage cet hiver", "Sonia Ferrat"}}},
      {"straight quotes",
       "Marc Dellile dirige le port. \"La saison a été meilleure que prévu\", explique Marc Dellile.",
       {{"La saison a été meilleure que prévu", "Marc Dellile"}}},
      {"unbalanced marks",
       "Paul Verdan a pris la parole. “Partez tous, partez vite », a déclaré Paul Verdan devant la foule.",
       {{"Partez tous, partez vite", "Paul Verdan"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, IncisesAndParagraphs) {
  const std::vector<Case> cases = {
      {"quote broken by an incise: two quotes, one speaker",
       "Lucie Bramant a répondu aux élus. « Nous gagnerons », a-t-elle dit, « car nous n'avons pas le choix ».",
       {{"Nous gagnerons", "Lucie Bramant"}, {"car nous n'avons pas le choix", "Lucie Bramant"}}},
      {"quote over several paragraphs, opened on each, closed at the end",
       "Le ministre Arnaud Tessier a parlé longtemps.\n« Le pays tiendra bon, a-t-il promis.\n« Nous "
       "reconstruirons chaque pont de la vallée.\n« Personne ne sera oublié. »",
       {{"Le pays tiendra bon", "Arnaud Tessier"},  // the incise is the writer's words
        {"Nous reconstruirons chaque pont de la vallée.", "Arnaud Tessier"},
        {"Personne ne sera oublié.", "Arnaud Tessier"}}},
      {"an incise inside the marks splits the quotation in two",
       "Le maire Octave Brunel a répondu. « Le marché restera ouvert, a expliqué le maire, Octave Brunel, "
       "jeudi soir. Les forains reviendront au printemps. »",
       {{"Le marché restera ouvert", "Octave Brunel"}, {"Les forains reviendront au printemps.", "Octave Brunel"}}},
      {"an inverted incise between commas",
       "Nina Castel a pris la parole. « Nous resterons, a-t-elle dit, car le village a besoin de nous. »",
       {{"Nous resterons", "Nina Castel"}, {"car le village a besoin de nous.", "Nina Castel"}}},
      {"straight quotes do not nest: an opening mark ends the quotation left open",
       "Le syndic Gaspard Moreau a estimé qu'on \"ne peut pas tout réparer cette année. \"Nous commencerons "
       "par le toit, a-t-il dit. Les façades attendront.\"",
       {{"ne peut pas tout réparer cette année.", "Gaspard Moreau"},
        {"Nous commencerons par le toit", "Gaspard Moreau"},
        {"Les façades attendront.", "Gaspard Moreau"}}},
      {"continuation paragraph keeps the running speaker",
       "« Le club remontera en première division », a assuré Jeanne Corvol.\n« Les joueurs le savent depuis "
       "le premier jour de la saison. »",
       {{"Le club remontera en première division", "Jeanne Corvol"},
        {"Les joueurs le savent depuis le premier jour de la saison.", "Jeanne Corvol"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, NamesTitlesAndScareQuotesAreNotQuotations) {
  const std::vector<Case> cases = {
      {"a plan's name", "Le gouvernement a lancé l'opération « Ports propres » à Brest cette semaine.", {}},
      {"a movement's name", "Les « bonnets verts » ont encore défilé samedi à Quimper.", {}},
      {"a work's title", "Le film « La Longue Marée » sort mercredi dans quarante salles.", {}},
      {"a scare quote with no speaker", "Cette réforme « historique » a été votée dans la nuit.", {}},
  };
  for (const Case& c : cases) check(c);
}

// Quotations in a title, or heading the text, with the speaker the article gives them.
TEST(Quotes, AHeadlineThatOpensWithItsSpeakerAndAColon) {
  {
    const Doc d = analysed("Roger Malval a parlé hier devant le conseil municipal.",
                           "Roger Malval : le budget est « un trompe-l'oeil »");
    ASSERT_EQ(d.quotes.size(), 1u);
    EXPECT_EQ(d.text(d.quotes[0].span), "un trompe-l'oeil");
    EXPECT_EQ(d.quotes[0].speaker, "Roger Malval");
  }
}

// A heading with no cue goes to the person the article names most, not to the next speaker.
TEST(Quotes, AHeadingGoesToThePersonTheArticleNamesMost) {
  {
    const Doc d = analysed(
        "« Nous tiendrons jusqu'au bout. » Le maire Roger Malval a maintenu son arrêté lundi. Roger Malval "
        "veut le défendre en justice. L'avocat de la ville, Me Anne Castel, a plaidé mardi : « Le texte est "
        "conforme à la loi. »");
    ASSERT_EQ(d.quotes.size(), 2u);
    EXPECT_EQ(d.quotes[0].speaker, "Roger Malval");
    EXPECT_EQ(d.quotes[1].speaker, "Anne Castel");
  }
}

TEST(Quotes, SpeakerPositions) {
  const std::vector<Case> cases = {
      {"speaker before, verb and colon",
       "Le syndicat a rencontré la direction. Nadia Perrec a déclaré : « La grève continuera jusqu'à lundi ».",
       {{"La grève continuera jusqu'à lundi", "Nadia Perrec"}}},
      {"speaker before, colon only",
       "Gilles Marot : « Je ne quitterai pas la mairie avant la fin du mandat ».",
       {{"Je ne quitterai pas la mairie avant la fin du mandat", "Gilles Marot"}}},
      {"inverted subject after the verb",
       "« Le service public doit rester ouvert le samedi », a souligné la CFDT.",
       {{"Le service public doit rester ouvert le samedi", "CFDT"}}},
      {"selon",
       "« Les prix baisseront à l'automne », selon Irène Vasseur.",
       {{"Les prix baisseront à l'automne", "Irène Vasseur"}}},
      {"partial quote inside a sentence",
       "Le préfet Roland Aubier a jugé la situation « très préoccupante » mardi soir.",
       {{"très préoccupante", "Roland Aubier"}}},
      {"estime que",
       "Hélène Dufaure estime que « la ville doit racheter le terrain du stade ».",
       {{"la ville doit racheter le terrain du stade", "Hélène Dufaure"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, PronounsSurnamesAndRoles) {
  const std::vector<Case> cases = {
      {"surname resolved to the fullest name",
       "Victor Amblard a présenté son budget. « Il n'y aura aucune hausse d'impôt », a promis Amblard.",
       {{"Il n'y aura aucune hausse d'impôt", "Victor Amblard"}}},
      {"pronoun resolved to the person named as subject before",
       "Clara Mounier a reçu Denis Faure à la mairie. « La piscine ouvrira en juin », a-t-elle annoncé.",
       {{"La piscine ouvrira en juin", "Clara Mounier"}}},
      {"role noun resolved by an apposition elsewhere",
       "Le ministre vallon Otto Brenner est arrivé à Lyon. « Nos deux pays sont liés », a déclaré le "
       "ministre vallon.",
       {{"Nos deux pays sont liés", "Otto Brenner"}}},
      {"pronoun agrees with a title's gender",
       "M. Paul Anselme a accueilli Mme Louise Berthier à Rennes. « Le projet avance bien », a-t-elle précisé.",
       {{"Le projet avance bien", "Louise Berthier"}}},
      {"indefinite role kept as written",
       "« Tout a brûlé en dix minutes », a raconté une habitante.",
       {{"Tout a brûlé en dix minutes", "une habitante"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, SpeakersThroughEntities) {
  const std::vector<Case> cases = {
      {"an organisation is not a pronoun's antecedent",
       "Marc Delorme dirige la coopérative depuis 2015. Le Crédit Agricole lui a refusé un prêt en mars. "
       "« Je n'ai rien à cacher », a-t-il affirmé.",
       {{"Je n'ai rien à cacher", "Marc Delorme"}}},
      {"an organisation speaks as the article writes it",
       "« Les négociations reprendront lundi », a indiqué la SNCF dans un communiqué.",
       {{"Les négociations reprendront lundi", "SNCF"}}},
      {"a role noun followed by a name in apposition is that person",
       "L'avocate Nadia Kerbel défend la partie civile. « Mon client n'a jamais vu cet argent », a déclaré son "
       "avocat Me Bastien Rouvier à la sortie.",
       {{"Mon client n'a jamais vu cet argent", "Bastien Rouvier"}}},
      {"a person named after a complement's noun is the inverted subject",
       "« Les horaires changeront en septembre », explique à la presse Amélie Tanguy, directrice de la piscine.",
       {{"Les horaires changeront en septembre", "Amélie Tanguy"}}},
      {"a surname the tagger leaves alone joins the full name",
       "Le maire Victor Amblard a présenté son budget. « Il n'y aura aucune hausse », a promis Amblard.",
       {{"Il n'y aura aucune hausse", "Victor Amblard"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, GivenNamesTellAPronounsGender) {
  const std::vector<Case> cases = {
      {"a woman's given name is not il's antecedent",
       "Sylvie Arnoux a reçu Marc Tellier à la mairie. « Le budget sera voté en mars », a-t-il précisé.",
       {{"Le budget sera voté en mars", "Marc Tellier"}}},
      {"a man's given name is not elle's antecedent",
       "Hervé Colin a salué Nadine Ferrand devant l'usine. « Nous rouvrirons en juin », a-t-elle annoncé.",
       {{"Nous rouvrirons en juin", "Nadine Ferrand"}}},
  };
  for (const Case& c : cases) check(c);
  EXPECT_EQ(given_name_gender("isabelle"), -1);
  EXPECT_EQ(given_name_gender("pierre"), 1);
  EXPECT_EQ(given_name_gender("marie-ange"), -1);  // by its first part
  EXPECT_EQ(given_name_gender("camille"), 0);      // given to both
}

TEST(Quotes, ComplementsBeforeAnInvertedSubject) {
  const std::vector<Case> cases = {
      {"to whom: a name after a name starts the subject",
       "Le chantier a repris. « Nous avons fini la charpente hier soir », confie à l'AFP Julie Marnier, qui "
       "dirige les travaux.",
       {{"Nous avons fini la charpente hier soir", "Julie Marnier"}}},
      {"de son côté and a medium",
       "« La ligne rouvrira lundi matin », a déclaré de son côté sur France Inter Paul Sorel.",
       {{"La ligne rouvrira lundi matin", "Paul Sorel"}}},
      {"dans un communiqué",
       "« Le trafic sera très perturbé demain », indique dans un communiqué la SNCF.",
       {{"Le trafic sera très perturbé demain", "SNCF"}}},
      {"a hyphenated time and a role with a complement before the name",
       "Ce « projet est aujourd'hui sans objet », a estimé mardi après-midi le secrétaire d'Etat aux Sports "
       "Jean-Luc Perrin à l'Assemblée.",
       {{"projet est aujourd'hui sans objet", "Jean-Luc Perrin"}}},
      {"a time complement with its own de complement",
       "« Vous avez menti à tout le monde ici », avait lancé au début du conseil municipal l'élu Rémi Castan.",
       {{"Vous avez menti à tout le monde ici", "Rémi Castan"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, SubjectsBeforeACommaAndAColon) {
  const std::vector<Case> cases = {
      {"a person named just before the comma is the subject",
       "Concerné par cette affaire, l'avocat Paul Darnet, a indiqué avoir déposé une plainte pour « violation "
       "de la vie privée et du secret ».",
       {{"violation de la vie privée et du secret", "Paul Darnet"}}},
      {"a colon after a common noun: the clause's subject speaks",
       "Pendant dix ans, Hervé Lanier s'est battu avec une obsession : « retrouver ma fille ».",
       {{"retrouver ma fille", "Hervé Lanier"}}},
      {"a colon after a date, the subject before an earlier quotation",
       "Léa Morin avait évoqué « la liberté » lors d'une visite au salon du livre, le 3 mars : « Nous devons "
       "protéger les auteurs ».",
       {{"la liberté", "Léa Morin"}, {"Nous devons protéger les auteurs", "Léa Morin"}}},
      {"a colon after a clause whose subject is a pronoun",
       "Me Paul Vidal plaide pour la commune. Il a aussi défendu le texte, mettant en garde contre une crise : « Il "
       "fallait agir avant l'été ».",
       {{"Il fallait agir avant l'été", "Paul Vidal"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, SpeechVerbsBeforeTheQuote) {
  const std::vector<Case> cases = {
      {"a past participle after the auxiliary a is not an infinitive after à",
       "Pierre Vallon a déclaré « nous partirons très tard ce soir ».",
       {{"nous partirons très tard ce soir", "Pierre Vallon"}}},
      {"a verb added to the list",
       "Me Paul Vidal a justifié l'abrogation du texte « très tard pour en prendre un autre ».",
       {{"très tard pour en prendre un autre", "Paul Vidal"}}},
      {"a speech verb in several words",
       "« Il faut se laver les mains encore longtemps », a mis en garde sur France Inter la virologue Anne "
       "Caradec.",
       {{"Il faut se laver les mains encore longtemps", "Anne Caradec"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, SourcePrepositionBeforeAPronoun) {
  const std::vector<Case> cases = {
      {"selon elle before the quotation",
       "Claire Montel dirige le collectif des riverains. Le chantier est, selon elle, un « gâchis ».",
       {{"gâchis", "Claire Montel"}}},
      {"selon lui after the quotation",
       "Bruno Farge a quitté la fédération en mai. Le budget a dérapé à cause des « imprévus », selon lui.",
       {{"imprévus", "Bruno Farge"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, AReportingClauseEndingTheSentence) {
  const std::vector<Case> cases = {
      {"a word quoted before a clause at the sentence end",
       "La digue a tenu « de justesse » pendant la nuit, a indiqué le maire de Lorvil, Gaston Peyrac.",
       {{"de justesse", "Gaston Peyrac"}}},
      {"an inverted pronoun ends the sentence",
       "Le préfet Henri Daumal a visité la digue. Les agents devaient « colmater » la brèche avant la nuit, "
       "a-t-il précisé.",
       {{"colmater", "Henri Daumal"}}},
      {"an incise between commas takes the words quoted before it",
       "Le maire Gaston Peyrac a visité le quartier. Voyant la digue « céder », il a fait évacuer les rues, ajoute "
       "le maire, mais trop tard.",
       {{"céder", "Gaston Peyrac"}}},
      {"selon and a person after a later quotation",
       "Le collectif veut « protéger » les riverains d'un « risque réel », selon sa présidente Lucie Varenne.",
       {{"protéger", "Lucie Varenne"}, {"risque réel", "Lucie Varenne"}}},
      {"selon and a document is no speaker",
       "Le parc a été « dévasté » par la tempête, selon un rapport de la préfecture du Var.",
       {}},
      {"a clause that does not end the sentence is not the cue",
       "Le club a fêté son « centenaire » devant mille supporters, a indiqué la mairie avant que le stade ne "
       "ferme.",
       {}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, RolePhrasesAndTheirComplements) {
  const std::vector<Case> cases = {
      {"a role's complement in à is part of the phrase, not the speaker",
       "Julie Brasseur a reçu les militants samedi. L'ex-candidate à la mairie a ensuite répondu : « La porte "
       "reste ouverte. »",
       {{"La porte reste ouverte.", "Julie Brasseur"}}},
      {"a run of capitalised words ending with a place is not a person",
       "Le procureur de la République de Lorvil a parlé lundi. Paul Rivière est prévenu de l'incendie du "
       "tribunal. Il se rend alors sur place. « Cette nuit-là m'a changé », raconte l'ancien procureur de la "
       "République.",
       {{"Cette nuit-là m'a changé", "Paul Rivière"}}},
      {"a former holder is not the person who holds the role now",
       "Hugo Lenoir, le procureur de la République, a ouvert une enquête lundi. Paul Rivière, qui occupait le "
       "poste avant lui, a été entendu mardi. « Je n'ai rien vu venir », confie l'ancien procureur de la "
       "République.",
       {{"Je n'ai rien vu venir", "Paul Rivière"}}},
      {"the singular of a party named in the plural is a member, a person",
       "Le secrétaire général des Démocrates, Hugo Farel, a présenté le programme. Questionné sur les retraites, "
       "le Démocrate estime qu'« une réforme par étapes serait plus juste ».",
       {{"une réforme par étapes serait plus juste", "Hugo Farel"}}},
      {"a person named right after a role's complement, with no comma, holds the role",
       "Les écoles rouvriront lundi. Elles recevront « deux mille tablettes pour les élèves », dont cent pour "
       "le collège, selon le ministre de l'Intérieur Gérald Darmanin.",
       {{"deux mille tablettes pour les élèves", "Gérald Darmanin"}}},
      {"a shorter role phrase is the role named in full before, when nobody holds it by name",
       "Un incendie a détruit un hangar. « Le feu a pris vers minuit », relate le vice-procureur de Lorvil. "
       "Les pompiers ont lutté trois heures. « Personne n'a été blessé », ajoute le procureur.",
       {{"Le feu a pris vers minuit", "le vice-procureur de Lorvil"},
        {"Personne n'a été blessé", "le vice-procureur de Lorvil"}}},
      {"two people in apposition both speak, and the plural role stands for both later",
       "Le tribunal a relaxé le maire. « Justice est rendue », se sont félicités les avocats du maire, Anne "
       "Vidal et Louis Marchand. « Il peut enfin tourner la page », ont ajouté les avocats du maire.",
       {{"Justice est rendue", "Anne Vidal et Louis Marchand"},
        {"Il peut enfin tourner la page", "Anne Vidal et Louis Marchand"}}},
      {"the antecedent of pour qui",
       "Le projet divise la ville. Il déplaît au maire de Lorvil, Roger Malval, pour qui le tracé est « une "
       "erreur de jugement ».",
       {{"une erreur de jugement", "Roger Malval"}}},
      {"a doctor is the person titled Dr",
       "Le Dr Paul Sarran suit Hugo Vernet depuis dix ans. Hugo Vernet a été hospitalisé lundi. Son médecin a "
       "assuré qu'il n'avait « aucun problème grave ».",
       {{"aucun problème grave", "Paul Sarran"}}},
      {"an infinitive after de is no reporting verb",
       "Hugo Vernet a parlé de la presse le 3 mai : « La presse est libre », de critiquer Paul Sarran ou les élus.",
       {{"La presse est libre", "Hugo Vernet"}}},
      {"a document speaks for its author",
       "Le pont de Lorvil a fermé lundi. « Les travaux dureront un mois », précise un communiqué d'Inès "
       "Carrel.",
       {{"Les travaux dureront un mois", "Inès Carrel"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, QuotationsUnderAVerbOfTheSentence) {
  const std::vector<Case> cases = {
      {"a later quotation in the sentence of a verb before the first",
       "La ministre Agnès Morel a promis de « relancer » les lignes « oubliées » du réseau rural.",
       {{"relancer", "Agnès Morel"}, {"oubliées", "Agnès Morel"}}},
      {"an infinitive after pour has the clause's subject, and a verb after the quote with none yields",
       "Le maire Eric Morin a écrit au ministre pour dénoncer une « négligence grave », jugeant que l'Etat avait "
       "« oublié la vallée ».",
       {{"négligence grave", "Eric Morin"}, {"oublié la vallée", "Eric Morin"}}},
      {"a word with no cue takes the speaker of the next quotation of its sentence",
       "Avec une « lassitude » visible, la maire Hélène Brun a déclaré que « le chantier doit finir cet été ».",
       {{"lassitude", "Hélène Brun"}, {"le chantier doit finir cet été", "Hélène Brun"}}},
      {"a word or two with no cue in a clause whose subject is a named person",
       "Gaston Peyrac a été réélu en mars. Il est président du club et « restera » jusqu'en 2030.",
       {{"restera", "Gaston Peyrac"}}},
      {"but not after a determiner, which holds the word at a distance",
       "Gaston Peyrac a respecté cette « règle » lors du vote.",
       {}},
      {"a verb whose subject is elided after et",
       "Gilles Ferrat a décrit la tempête à la radio. Et ajoute avoir dormi « sur le toit » cette nuit-là.",
       {{"sur le toit", "Gilles Ferrat"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, VerbsThatReportNoSpeech) {
  const std::vector<Case> cases = {
      {"c'est-à-dire explains, it does not cue",
       "Le club versera un « bonus », c'est-à-dire une prime de deux mois de salaire.",
       {}},
      {"a passive speech verb's subject is not the speaker",
       "Me Lucien Parrot a défendu son confrère. Le militant Hector Vial est accusé d'« outrage au tribunal ».",
       {}},
      {"after pour, a quoted phrase with no cue names a charge",
       "Me Lucien Parrot a défendu son confrère. Me Hector Vial a été condamné en mai pour « outrage et "
       "rébellion envers un agent de police ».",
       {}},
      {"a quotation in a relative clause takes the relative's antecedent, not the main verb's object",
       "L'entraîneuse Odile Ferran, qui a qualifié le match de « honteux et indigne », a ensuite réclamé une "
       "sanction.",
       {{"honteux et indigne", "Odile Ferran"}}},
  };
  for (const Case& c : cases) check(c);
}

// Entities as a tagger might have cut them, set by hand: the rules of SpeakerNames that repair them.
Entity entity_at(const Doc& d, std::string_view words, Entity::Type type) {
  const size_t at = d.field(Field::kText).find(words);
  EXPECT_NE(at, std::string::npos) << words;
  return Entity{Span{Field::kText, static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())}, type,
                std::string(words)};
}

TEST(SpeakerNames, AnOrganisationEndingWithAPersonsNameIsThatPerson) {
  Doc d = analysed("Amélie Tanguy dirige la piscine. « Nous rouvrons lundi », annonce à l'AFP Amélie Tanguy.");
  const size_t second = d.field(Field::kText).find("AFP");
  d.entities = std::vector<Entity>{entity_at(d, "Amélie Tanguy", Entity::Type::kPer),
                                   entity_at(d, "AFP Amélie Tanguy", Entity::Type::kOrg)};
  FoldedTokens folded(d);
  const SpeakerNames names(d, folded);
  const auto at = static_cast<uint32_t>(d.field(Field::kText).find("Amélie", second));
  const Span tail{Field::kText, at, at + static_cast<uint32_t>(std::string_view("Amélie Tanguy").size())};
  EXPECT_EQ(names.canonical(tail), "Amélie Tanguy");
  const auto* m = names.mention_at(static_cast<uint32_t>(d.token_at(Field::kText, at)));
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(names.is_person(*m));
}

TEST(SpeakerNames, APersonsNameCutShortIsCompleted) {
  Doc d = analysed("Son agent Jean-Marc Pont a confirmé la blessure. Le trésorier Paul-Henri Weiss a parlé ensuite.");
  d.entities = std::vector<Entity>{entity_at(d, "Jean-Marc", Entity::Type::kPer),
                                   entity_at(d, "Henri Weiss", Entity::Type::kPer)};
  FoldedTokens folded(d);
  const SpeakerNames names(d, folded);
  for (const auto& [word, name] : {std::pair{"Pont", "Jean-Marc Pont"}, std::pair{"Weiss", "Paul-Henri Weiss"}}) {
    const auto at = static_cast<uint32_t>(d.field(Field::kText).find(word));
    const auto* m = names.mention_at(static_cast<uint32_t>(d.token_at(Field::kText, at)));
    ASSERT_NE(m, nullptr) << word;
    EXPECT_EQ(names.canonical(*m), name);
    EXPECT_TRUE(names.is_person(*m));
  }
}

TEST(SpeakerNames, AHeadingGluedToANameIsNotPartOfIt) {
  Doc d = analysed("Le marché a rouvert.Les halles de NantesYves Carhaix tient un stand de fromages depuis 1998.");
  d.entities = std::vector<Entity>{};
  FoldedTokens folded(d);
  const SpeakerNames names(d, folded);
  const auto at = static_cast<uint32_t>(d.field(Field::kText).find("Carhaix"));
  const auto* m = names.mention_at(static_cast<uint32_t>(d.token_at(Field::kText, at)));
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(names.canonical(*m), "Yves Carhaix");
  EXPECT_TRUE(names.is_person(*m));
  EXPECT_FALSE(m->after_preposition);  // "en" was the heading's
}

// Prepositions and particles are told by the lexical component's form hashes when it ran, by folding
// the words otherwise: both give the same mentions.
TEST(SpeakerNames, PrepositionsAndParticlesWithAndWithoutFormHashes) {
  for (const bool hashed : {true, false}) {
    SCOPED_TRACE(hashed ? "hashed" : "unhashed");
    Doc doc = analysed("Le maire a écrit à Paul Morvan, puis Paul Morvan a reçu Anne de Villiers.");
    ASSERT_TRUE(std::any_of(doc.tokens.begin(), doc.tokens.end(), [](const Token& t) { return t.form != 0; }));
    if (!hashed) {
      for (Token& t : doc.tokens) t.form = 0;
    }
    doc.entities = std::vector<Entity>{};
    FoldedTokens folded(doc);
    const SpeakerNames names(doc, folded);
    const std::string& text = doc.field(Field::kText);
    auto mention = [&](size_t at) { return names.mention_at(static_cast<uint32_t>(doc.token_at(Field::kText, at))); };
    const auto* after_a = mention(text.find("Paul"));
    const auto* after_puis = mention(text.find("Paul", text.find("puis")));
    const auto* particle = mention(text.find("Villiers"));
    ASSERT_NE(after_a, nullptr);
    ASSERT_NE(after_puis, nullptr);
    ASSERT_NE(particle, nullptr);
    EXPECT_TRUE(after_a->after_preposition);
    EXPECT_FALSE(after_puis->after_preposition);
    EXPECT_EQ(names.canonical(*particle), "Anne de Villiers");
  }
}

// The words before a name that tell its gender (titles, an article before a role noun) are told by the
// lexical component's form hashes when it ran, by folding the words otherwise: both give the same genders.
TEST(SpeakerNames, GendersWithAndWithoutFormHashes) {
  for (const bool hashed : {true, false}) {
    SCOPED_TRACE(hashed ? "hashed" : "unhashed");
    Doc doc = analysed(
        "Mme Berthe Colin a ouvert la séance. M. Gaston Pelle a pris la parole. La ministre Odile Ferran a "
        "répondu. Le directeur Rémi Sarrau est resté.");
    if (!hashed) {
      for (Token& t : doc.tokens) t.form = 0;
    }
    doc.entities = std::vector<Entity>{};
    FoldedTokens folded(doc);
    const SpeakerNames names(doc, folded);
    const std::string& text = doc.field(Field::kText);
    for (const auto& [surname, gender] :
         {std::pair{"Colin", -1}, std::pair{"Pelle", 1}, std::pair{"Ferran", -1}, std::pair{"Sarrau", 1}}) {
      const auto* m = names.mention_at(static_cast<uint32_t>(doc.token_at(Field::kText, text.find(surname))));
      ASSERT_NE(m, nullptr) << surname;
      EXPECT_EQ(names.gender(*m), gender) << surname;
    }
  }
}

// The names of an article are indexed with buffers the thread keeps from one article to the next: an
// article indexed after another, larger one gets the same mentions as when it came first.
TEST(SpeakerNames, AnArticleIndexedAfterAnotherGetsTheSameNames) {
  Doc small = analysed("Le maire Paul Morvan a reçu Anne de Villiers. Morvan a parlé.");
  small.entities = std::vector<Entity>{entity_at(small, "Paul Morvan", Entity::Type::kPer)};
  Doc large = analysed(
      "La Fédération Nationale des Pêcheurs a écrit à Jeanne Bordas, à Hugo Lemaire et à Clara Vidal. "
      "Selon Jeanne Bordas, la Fédération Nationale des Pêcheurs attend. Hugo Lemaire et Clara Vidal aussi.");
  large.entities = std::vector<Entity>{entity_at(large, "Jeanne Bordas", Entity::Type::kPer),
                                       entity_at(large, "Fédération Nationale des Pêcheurs", Entity::Type::kOrg)};
  auto index = [](const Doc& d) {
    FoldedTokens folded(d);
    const SpeakerNames names(d, folded);
    std::vector<std::tuple<uint32_t, uint32_t, std::string, bool>> out;
    for (const auto& m : names.mentions()) {
      EXPECT_EQ(names.mention_at(m.first), &m);  // mention_at() agrees with the list, entities and runs merged
      out.emplace_back(m.first, m.last, names.canonical(m), names.is_person(m));
    }
    return out;
  };
  const auto first = index(small);
  ASSERT_GE(first.size(), 3u);
  EXPECT_GE(index(large).size(), 6u);
  EXPECT_EQ(index(small), first);
}

TEST(Quotes, NounsThatPointBack) {
  const std::vector<Case> cases = {
      {"an organisation noun stands for the organisation named before",
       "La SNCF a supprimé trois trains jeudi, selon la préfecture. La compagnie annonce toutefois qu'il n'y a "
       "« pas eu d'autres retards sur la ligne ».",
       {{"pas eu d'autres retards sur la ligne", "SNCF"}}},
      {"a demonstrative role is the person just quoted, not the one named since",
       "« Il faut porter le masque partout », a déclaré la virologue Anne Caradec sur France Inter. Le ministre "
       "Paul Rigaud a présenté un plan. « Il faut absolument que les gens restent prudents cet été », a insisté "
       "cette ancienne directrice de l'institut.",
       {{"Il faut porter le masque partout", "Anne Caradec"},
        {"Il faut absolument que les gens restent prudents cet été", "Anne Caradec"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, APronounFarFromItsAntecedent) {
  const std::vector<Case> cases = {
      {"the nearest subject of the pronoun's gender further back",
       "La ministre de la Culture, Sophie Lambert, a lancé une enquête sur le musée. Le conservateur Marc Dumas "
       "avait été nommé en 2015. Les travaux ont coûté dix millions. Le chantier a pris du retard. Les syndicats "
       "ont protesté. Les visiteurs attendent. La réouverture est prévue en mai. Le budget reste flou. « Nous "
       "saurons tout en juin », indique-t-elle.",
       {{"Nous saurons tout en juin", "Sophie Lambert"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, CoordinatedQuotesAndDit) {
  const std::vector<Case> cases = {
      {"a quote joined by et to a kept one is kept with its speaker",
       "L'avocat Paul Darnet a indiqué porter plainte pour « atteinte à la vie privée » et « abus de pouvoir ».",
       {{"atteinte à la vie privée", "Paul Darnet"}, {"abus de pouvoir", "Paul Darnet"}}},
      {"dit after a subject is the verb, not so-called",
       "Yves Colin visite le salon. Il dit « aimer le fromage mais pas tous les jours de la semaine ».",
       {{"aimer le fromage mais pas tous les jours de la semaine", "Yves Colin"}}},
      {"dit after an article still names a thing", "Le plan dit « Horizon bleu » sera lancé en mai.", {}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, MissedStopsEndTheSentence) {
  const std::vector<Case> cases = {
      {"a glued full stop ends the speaker's name",
       "« Le moteur a lâché, c'est un défaut du constructeur », a déclaré Me Paul Vidal.L'avocat affirme avoir "
       "d'autres témoignages.",
       {{"Le moteur a lâché, c'est un défaut du constructeur", "Paul Vidal"}}},
      {"a stop the splitter missed ends the sentence",
       "Le refuge aide des « copains de route », des bénévoles.- Titre -« Nous cherchons encore des familles », "
       "indique Anne Rolle.",
       {{"Nous cherchons encore des familles", "Anne Rolle"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST(Quotes, SpeakersWithoutEntities) {
  // Without the entities component, names are the runs of capitalised words.
  std::vector<std::string> names;
  for (const std::string& n : Pipeline::default_names()) {
    if (n != "entities") names.push_back(n);
  }
  static const Result<Pipeline> pipeline = Pipeline::build(names);
  ASSERT_TRUE(pipeline.ok());
  RawRecord r;
  r.id = "q";
  r.text = "Victor Amblard a présenté son budget. « Il n'y aura aucune hausse d'impôt », a promis Amblard.";
  Result<Doc> d = make_doc(std::move(r));
  ASSERT_TRUE(d.ok());
  pipeline->process(*d);
  EXPECT_FALSE(d->entities.has_value());
  ASSERT_EQ(d->quotes.size(), 1u);
  EXPECT_EQ(d->quotes[0].speaker, "Victor Amblard");
}

TEST(Quotes, TitleAndTermsForLinking) {
  const Doc d = analysed("Rémi Fabre a parlé devant les élus du conseil.", "Rémi Fabre : « Nous rouvrirons la gare »");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].span.field, Field::kTitle);
  EXPECT_EQ(d.quotes[0].speaker, "Rémi Fabre");
  EXPECT_EQ(d.quotes[0].terms.size(), 2u);  // "rouvrirons", "gare": "nous" and "la" are grammatical words
  EXPECT_TRUE(std::is_sorted(d.quotes[0].terms.begin(), d.quotes[0].terms.end()));
}

}  // namespace
}  // namespace recoupe
