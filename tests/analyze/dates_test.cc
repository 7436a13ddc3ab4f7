// The dates component and its units: the French date lexicon, the calendar resolver, the token matcher
// (through the component) and the tense reader. Sentences are written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/date_lexicon.h"
#include "analyze/date_matcher.h"
#include "analyze/date_resolver.h"
#include "analyze/lexicon.h"
#include "support/analysed_doc.h"

namespace recoupe {
namespace {

Doc analysed(const std::string& text, const std::string& published) {
  RawRecord r;
  r.id = "t";
  r.text = text;
  r.published = published;
  return testing::analysed_doc(std::move(r));
}

std::string describe(const Doc& d) {
  std::string out;
  for (const auto& m : d.dates) {
    out += "[" + std::string(d.text(m.span)) + " | " + timex_type_name(m.type) + " " + m.value + "] ";
  }
  return out.empty() ? "(none)" : out;
}

// ---------------------------------------------------------------- lexicon

TEST(DateLexicon, FoldsLatinWordsAndRefusesOthers) {
  struct Case {
    const char* word;
    const char* folded;  // "" when the word cannot be in the lexicon
    bool accented;
  };
  const Case cases[] = {
      {"Février", "fevrier", true}, {"AOÛT", "aout", true}, {"décembre", "decembre", true},
      {"aujourd’hui", "aujourd'hui", false}, {"œuvre", "oeuvre", false}, {"mardi", "mardi", false},
      {"Москва", "", false}, {"", "", false}, {"anticonstitutionnellement", "", false},
  };
  for (const Case& c : cases) {
    char buf[dates::kMaxWordBytes + 2];
    bool accented = false;
    const size_t n = dates::fold_word(c.word, buf, accented);
    EXPECT_EQ(std::string(buf, n), c.folded) << c.word;
    if (n) {
      EXPECT_EQ(accented, c.accented) << c.word;
    }
  }
}

TEST(DateLexicon, KnowsMonthsWeekdaysNumbersAndTellsAccentedFunctionWords) {
  using dates::Cat;
  struct Case {
    const char* word;
    Cat cat;
    int value;
  };
  const Case cases[] = {
      {"janvier", Cat::kMonth, 1}, {"Fevrier", Cat::kMonth, 2}, {"AOÛT", Cat::kMonth, 8},
      {"dimanche", Cat::kWeekday, 7}, {"jeudis", Cat::kWeekdays, 4}, {"trente", Cat::kNumber, 30},
      {"quinze", Cat::kNumber, 15}, {"sept", Cat::kNumber, 7}, {"sept", Cat::kMonthAbbr, 9},
      {"hier", Cat::kDeictic, -1}, {"avant-hier", Cat::kDeictic, -2}, {"lendemain", Cat::kDeictic, 1},
      {"après-midi", Cat::kPartOfDay, dates::kAfternoon}, {"Été", Cat::kSeason, 2},
      {"dernière", Cat::kRelative, -1}, {"prochains", Cat::kRelative, 1}, {"ans", Cat::kUnit, dates::kYear},
      {"mois", Cat::kUnit, dates::kMonthUnit}, {"à", Cat::kFn, dates::kAGrave}, {"a", Cat::kFn, dates::kAVerb},
      {"dès", Cat::kFn, dates::kDesAccent}, {"des", Cat::kFn, dates::kDes},
  };
  for (const Case& c : cases) {
    const dates::LexEntry* e = dates::lookup_surface(c.word);
    ASSERT_NE(e, nullptr) << c.word;
    EXPECT_TRUE(e->is(c.cat)) << c.word;
    EXPECT_EQ(e->value_of(c.cat), c.value) << c.word;
  }
  EXPECT_EQ(dates::lookup_surface("manifestants"), nullptr);
  EXPECT_EQ(dates::lookup_surface("Paris"), nullptr);
}

// The term filter must know every way a lexicon word is written, or the component would skip it.
TEST(DateLexicon, TermFilterKnowsWrittenVariants) {
  const dates::TermFilter filter;
  for (const char* w : {"décembre", "Décembre", "DECEMBRE", "decembre", "Août", "aout", "lundi", "Lundi",
                        "heures", "Heures", "année", "Annee", "années", "hier", "Hier", "aujourd'hui",
                        "aujourd’hui", "Aujourd’hui", "trente", "semaine", "Semaines", "soirée", "week"}) {
    EXPECT_TRUE(filter.code(term_of(w)) & dates::TermFilter::kTime) << w;
  }
  for (const char* w : {"été", "Été", "Eté"}) EXPECT_TRUE(filter.code(term_of(w)) & dates::TermFilter::kEte) << w;
  for (const char* w : {"le", "dès", "dernier", "fin"}) {
    EXPECT_EQ(filter.code(term_of(w)), dates::TermFilter::kWord) << w;  // in the lexicon, but no anchor
  }
  for (const char* w : {"manifestants", "gouvernement", "Paris"}) EXPECT_EQ(filter.code(term_of(w)), 0) << w;
}

// may_name_time() may turn a word away only when code() gives it neither kTime nor kEte: the anchors of
// date_windows() depend on it. Words it turns away are mostly the function words the lexicon does hold.
TEST(DateLexicon, TermFilterBitSetKeepsEveryTimeWord) {
  const dates::TermFilter filter;
  for (const char* w : {"décembre", "Décembre", "DECEMBRE", "lundi", "heures", "année", "hier", "Aujourd’hui",
                        "trente", "semaine", "week", "été", "Été", "Eté", "avant", "après"}) {
    const uint64_t t = term_of(w);
    ASSERT_TRUE(filter.code(t) & (dates::TermFilter::kTime | dates::TermFilter::kEte)) << w;
    EXPECT_TRUE(filter.may_name_time(t)) << w;
  }
  size_t turned_away = 0, words = 0;
  for (const char* w : {"le", "la", "de", "des", "du", "à", "en", "dès", "dernier", "fin", "manifestants",
                        "gouvernement", "Paris", "ministre", "annoncé", "selon", "président", "contre"}) {
    const uint64_t t = term_of(w);
    EXPECT_FALSE(filter.code(t) & (dates::TermFilter::kTime | dates::TermFilter::kEte)) << w;
    ++words;
    turned_away += !filter.may_name_time(t);
  }
  EXPECT_GE(turned_away + 2, words);  // a few hundred bits set of 16,384 let few other words through
}

// ---------------------------------------------------------------- resolver

TEST(DateResolver, CalendarArithmetic) {
  EXPECT_EQ(dates::format_day(dates::days_of(2022, 9, 26)), "2022-09-26");
  EXPECT_EQ(dates::weekday_of(dates::days_of(2022, 9, 26)), 1);  // a Monday
  EXPECT_EQ(dates::weekday_of(dates::days_of(2013, 2, 12)), 2);  // a Tuesday
  EXPECT_EQ(dates::days_in_month(2024, 2), 29);
  EXPECT_EQ(dates::days_in_month(1900, 2), 28);
  EXPECT_EQ(dates::format_day(dates::easter(2024)), "2024-03-31");
  EXPECT_EQ(dates::format_day(dates::easter(2019)), "2019-04-21");
  for (int64_t d = dates::days_of(1899, 12, 25); d < dates::days_of(2101, 1, 5); d += 37) {
    const dates::Civil c = dates::civil_from_days(d);
    EXPECT_EQ(dates::days_of(c.year, c.month, c.day), d);
  }
  int64_t first = 0, last = 0;
  ASSERT_TRUE(dates::publication_range("2022-09", first, last));
  EXPECT_EQ(dates::format_day(first), "2022-09-01");
  EXPECT_EQ(dates::format_day(last), "2022-09-30");
  ASSERT_TRUE(dates::publication_range("2022-09-27T23:30:00+02:00", first, last));  // the publisher's day
  EXPECT_EQ(first, last);
  EXPECT_EQ(dates::format_day(first), "2022-09-27");
  ASSERT_TRUE(dates::publication_range("2021", first, last));
  EXPECT_EQ(dates::format_day(last), "2021-12-31");
  EXPECT_FALSE(dates::publication_range("hier", first, last));
  EXPECT_FALSE(dates::publication_range("", first, last));
}

dates::TimexSpec relative(int offset, dates::Unit unit, dates::Grain grain) {
  dates::TimexSpec s;
  s.anchor = dates::Anchor::kPublication;
  s.relative = true;
  s.offset = offset;
  s.offset_unit = unit;
  s.grain = grain;
  return s;
}

dates::TimexSpec weekday(int wd, dates::Direction dir) {
  dates::TimexSpec s;
  s.anchor = dates::Anchor::kPublication;
  s.weekday = wd;
  s.direction = dir;
  return s;
}

TEST(DateResolver, ResolvesAgainstThePublicationKeepingPrecisionHonest) {
  using dates::Direction;
  using dates::Grain;
  dates::TimexSpec day_month;  // "le 15 juin"
  day_month.anchor = dates::Anchor::kPublication;
  day_month.month = 6;
  day_month.day = 15;
  dates::TimexSpec clock;  // "à 10h30"
  clock.type = TimexType::kTime;
  clock.grain = Grain::kMinute;
  clock.anchor = dates::Anchor::kReference;
  clock.hour = 10;
  clock.minute = 30;
  dates::TimexSpec weekend = relative(0, dates::kDay, Grain::kWeekend);
  weekend.direction = Direction::kByTense;
  struct Case {
    const char* what;
    dates::TimexSpec spec;
    const char* published;
    dates::Tense tense;
    const char* want;
  };
  const Case cases[] = {
      {"hier", relative(-1, dates::kDay, Grain::kDay), "2022-09-27", dates::Tense::kPast, "2022-09-26"},
      {"hier, across a year", relative(-1, dates::kDay, Grain::kDay), "2023-01-01", dates::Tense::kPast,
       "2022-12-31"},
      {"hier, month-only publication: may be 31 August", relative(-1, dates::kDay, Grain::kDay), "2022-09",
       dates::Tense::kPast, "2022"},
      {"hier, no publication", relative(-1, dates::kDay, Grain::kDay), "", dates::Tense::kPast, "XXXX-XX-XX"},
      {"le mois dernier, month-only publication", relative(-1, dates::kMonthUnit, Grain::kMonth), "2022-09",
       dates::Tense::kPast, "2022-08"},
      {"l'an dernier", relative(-1, dates::kYear, Grain::kYear), "2022-09-27", dates::Tense::kPast, "2021"},
      {"la semaine prochaine", relative(1, dates::kWeek, Grain::kWeek), "2022-09-27", dates::Tense::kPast,
       "2022-W40"},
      {"la semaine prochaine, across a year", relative(1, dates::kWeek, Grain::kWeek), "2020-12-29",
       dates::Tense::kPast, "2021-W01"},
      {"ce week-end, past", weekend, "2003-02-04", dates::Tense::kPast, "2003-W05-WE"},
      {"ce week-end, future", weekend, "2003-02-04", dates::Tense::kFuture, "2003-W06-WE"},
      {"ce week-end, on a Saturday", weekend, "2003-02-08", dates::Tense::kPast, "2003-W06-WE"},
      {"lundi dernier, on a Monday", weekday(1, Direction::kLast), "2022-09-26", dates::Tense::kPast,
       "2022-09-19"},
      {"mardi prochain", weekday(2, Direction::kNext), "2022-09-27", dates::Tense::kPast, "2022-10-04"},
      {"jeudi, past", weekday(4, Direction::kByTense), "2022-09-27", dates::Tense::kPast, "2022-09-22"},
      {"jeudi, present", weekday(4, Direction::kByTense), "2022-09-27", dates::Tense::kPresent, "2022-09-22"},
      {"jeudi, future", weekday(4, Direction::kByTense), "2022-09-27", dates::Tense::kFuture, "2022-09-29"},
      {"mardi, the same day", weekday(2, Direction::kByTense), "2022-09-27", dates::Tense::kFuture,
       "2022-09-27"},
      {"lundi, no publication", weekday(1, Direction::kByTense), "", dates::Tense::kPast, "XXXX-WXX-1"},
      {"le 15 juin, past", day_month, "2022-09-27", dates::Tense::kPast, "2022-06-15"},
      {"le 15 juin, future", day_month, "2022-09-27", dates::Tense::kFuture, "2023-06-15"},
      {"le 15 juin, month-only publication", day_month, "2022-09", dates::Tense::kPast, "2022-06-15"},
      {"le 15 juin, no publication", day_month, "", dates::Tense::kPast, "XXXX-06-15"},
      {"à 10h30", clock, "2022-09-27", dates::Tense::kPast, "2022-09-27T10:30"},
      {"à 10h30, no publication", clock, "", dates::Tense::kPast, "XXXX-XX-XXT10:30"},
  };
  for (const Case& c : cases) {
    dates::ResolveContext ctx;
    int64_t first = 0, last = 0;
    if (dates::publication_range(c.published, first, last)) {
      ctx.publication_first = first;
      ctx.publication_last = last;
    }
    ctx.tense = c.tense;
    EXPECT_EQ(dates::resolve(c.spec, ctx).value, c.want) << c.what;
  }
}

TEST(DateResolver, ReferenceAnchorsUseTheLastDayMentioned) {
  dates::TimexSpec veille = relative(-1, dates::kDay, dates::Grain::kDay);
  veille.anchor = dates::Anchor::kReference;
  dates::ResolveContext ctx;
  ctx.publication_first = ctx.publication_last = dates::days_of(2022, 9, 27);
  EXPECT_EQ(dates::resolve(veille, ctx).value, "2022-09-26");  // no date mentioned yet: the publication
  ctx.reference = dates::days_of(2022, 3, 1);
  const auto r = dates::resolve(veille, ctx);
  EXPECT_EQ(r.value, "2022-02-28");
  ASSERT_TRUE(r.day.has_value());
  EXPECT_EQ(*r.day, dates::days_of(2022, 2, 28));
}

// ---------------------------------------------------------------- the component, sentence by sentence

struct Case {
  const char* text;
  const char* published;
  const char* span;   // the expression's text
  const char* type;
  const char* value;
};

void expect_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const Doc d = analysed(c.text, c.published);
    bool found = false;
    for (const auto& m : d.dates) {
      if (d.text(m.span) != c.span) continue;
      found = true;
      EXPECT_STREQ(timex_type_name(m.type), c.type) << c.text;
      EXPECT_EQ(m.value, c.value) << c.text;
    }
    EXPECT_TRUE(found) << "no \"" << c.span << "\" in: " << c.text << "\n  found: " << describe(d);
  }
}

// Published on Tuesday 27 September 2022 unless said otherwise.
TEST(Dates, AbsoluteDates) {
  expect_cases({
      {"La réunion s'est tenue le 26 septembre 2022 à Minsk.", "2022-09-27", "le 26 septembre 2022", "DATE",
       "2022-09-26"},
      {"Le décret est paru au Journal officiel le 3/10.", "2022-09-27", "le 3/10", "DATE", "2022-10-03"},
      {"Le contrat a été signé le 15.06.2020 devant notaire.", "2022-09-27", "le 15.06.2020", "DATE", "2020-06-15"},
      {"Le formulaire daté du 05/01/2021 a été perdu.", "2022-09-27", "05/01/2021", "DATE", "2021-01-05"},
      {"Les syndicats défileront le 1er mai.", "2022-09-27", "le 1er mai", "DATE", "2023-05-01"},
      {"Le verdict sera rendu mardi 11 octobre.", "2022-09-27", "mardi 11 octobre", "DATE", "2022-10-11"},
      {"Le groupe a été fondé en 2019.", "2022-09-27", "2019", "DATE", "2019"},
      {"Le chantier a débuté en juin 2020.", "2022-09-27", "juin 2020", "DATE", "2020-06"},
      {"Il est né le trente et un décembre 1999.", "2022-09-27", "le trente et un décembre 1999", "DATE",
       "1999-12-31"},
      {"L'accord date d'octobre 98.", "2022-09-27", "d'octobre 98", "DATE", "1998-10"},
      {"Rendez-vous à 10h30 devant la mairie.", "2022-09-27", "10h30", "TIME", "2022-09-27T10:30"},
      {"Le concert aura lieu le 15 juin à 18 heures.", "2022-09-27", "le 15 juin à 18 heures", "TIME",
       "2023-06-15T18:00"},
      {"Le train part à 7 h 45 de la gare.", "2022-09-27", "7 h 45", "TIME", "2022-09-27T07:45"},
      {"Les portes ouvriront à midi et demi.", "2022-09-27", "midi et demi", "TIME", "2022-09-27T12:30"},
      {"La fête du village aura lieu les 8 et 9 octobre.", "2022-09-27", "les 8", "DATE", "2022-10-08"},
      {"La fête du village aura lieu les 8 et 9 octobre.", "2022-09-27", "9 octobre", "DATE", "2022-10-09"},
      {"Le salon se tiendra du 13 au 15 octobre.", "2022-09-27", "13", "DATE", "2022-10-13"},
      {"Les marchés de Noël ouvriront en décembre.", "2022-09-27", "décembre", "DATE", "2022-12"},
      {"Ils ont fêté Noël en famille.", "2022-09-27", "Noël", "DATE", "2021-12-25"},
      {"Il a invité le pape à venir à Paris en décembre.", "2022-09-27", "décembre", "DATE", "2022-12"},
      {"Les immatriculations de janvier à juillet progressent.", "2022-09-27", "janvier", "DATE", "2022-01"},
  });
}

TEST(Dates, RelativeDates) {
  expect_cases({
      {"Le ministre est arrivé hier à Paris.", "2022-09-27", "hier", "DATE", "2022-09-26"},
      {"Le match a eu lieu avant-hier.", "2022-09-27", "avant-hier", "DATE", "2022-09-25"},
      {"Le texte est examiné aujourd'hui.", "2022-09-27", "aujourd'hui", "DATE", "2022-09-27"},
      {"Le texte sera voté demain.", "2022-09-27", "demain", "DATE", "2022-09-28"},
      {"Il s'est exprimé ce matin sur France Inter.", "2022-09-27", "ce matin", "TIME", "2022-09-27TMO"},
      {"Le suspect a été interpellé hier soir.", "2022-09-27", "hier soir", "TIME", "2022-09-26TEV"},
      {"La décision a été prise lundi dernier.", "2022-09-27", "lundi dernier", "DATE", "2022-09-26"},
      {"Les résultats seront publiés mardi prochain.", "2022-09-27", "mardi prochain", "DATE", "2022-10-04"},
      {"L'incendie s'est déclaré il y a trois semaines.", "2022-09-27", "il y a trois semaines", "DATE",
       "2022-09-06"},
      {"Le sommet se tiendra la semaine prochaine.", "2022-09-27", "la semaine prochaine", "DATE", "2022-W40"},
      {"Les prix ont augmenté la semaine dernière.", "2022-09-27", "la semaine dernière", "DATE", "2022-W38"},
      {"Les ventes ont chuté le mois dernier.", "2022-09-27", "le mois dernier", "DATE", "2022-08"},
      {"Le club a été relégué l'an dernier.", "2022-09-27", "l'an dernier", "DATE", "2021"},
      {"Les travaux ont commencé fin mars.", "2022-09-27", "fin mars", "DATE", "2022-03"},
      {"Le projet verra le jour début 2024.", "2022-09-27", "début 2024", "DATE", "2024"},
      {"Il a fait très chaud cet été.", "2022-09-27", "cet été", "DATE", "2022-SU"},
      {"Les deux équipes se sont affrontées ce week-end.", "2022-09-27", "ce week-end", "DATE", "2022-W38-WE"},
      {"Les deux équipes s'affronteront ce week-end.", "2022-09-27", "ce week-end", "DATE", "2022-W39-WE"},
      {"La réponse arrivera dans deux jours.", "2022-09-27", "dans deux jours", "DATE", "2022-09-29"},
      {"Le lendemain, la police a ouvert une enquête.", "2022-09-27", "Le lendemain", "DATE", "2022-09-28"},
      {"Les faits se sont produits le 3 mars. La veille, il avait été vu.", "2022-09-27", "La veille", "DATE",
       "2022-03-02"},
      {"Le feu a pris le 3 mars. Les pompiers sont arrivés à 4 h 10.", "2022-09-27", "4 h 10", "TIME",
       "2022-03-03T04:10"},
      {"Vers 23 h, jeudi, la voiture a quitté la route.", "2022-09-27", "23 h", "TIME", "2022-09-22T23:00"},
      {"Les députés ont siégé dans la nuit de samedi à dimanche.", "2022-09-27", "la nuit de samedi à dimanche",
       "TIME", "2022-09-24TNI"},
      {"Les négociations ont repris à la fin de l'année dernière.", "2022-09-27", "la fin de l'année dernière",
       "DATE", "2021"},
      {"Ces derniers jours, la tension est montée.", "2022-09-27", "Ces derniers jours", "DURATION", "PXD"},
  });
}

TEST(Dates, YearsDecadesDurationsAndSets) {
  expect_cases({
      {"En 2020, la pandémie a tout changé.", "2022-09-27", "2020", "DATE", "2020"},
      {"La saison 2021/2022 s'achève.", "2022-09-27", "2022", "DATE", "2022"},
      {"La mode des années 90 revient.", "2022-09-27", "années 90", "DATE", "199"},
      {"Les années 1980 ont vu naître le rap.", "2022-09-27", "Les années 1980", "DATE", "198"},
      {"Il est resté hospitalisé pendant deux jours.", "2022-09-27", "deux jours", "DURATION", "P2D"},
      {"Le match a duré trois heures.", "2022-09-27", "trois heures", "DURATION", "PT3H"},
      {"Le bus est arrivé avec 30 minutes de retard.", "2022-09-27", "30 minutes", "DURATION", "PT30M"},
      {"Il a attendu une demi-heure.", "2022-09-27", "une demi-heure", "DURATION", "PT30M"},
      {"Le chantier durera un an et demi.", "2022-09-27", "un an et demi", "DURATION", "P18M"},
      {"Il a purgé dix-huit mois de prison.", "2022-09-27", "dix-huit mois", "DURATION", "P18M"},
      {"Le record tient depuis un quart de siècle.", "2022-09-27", "un quart de siècle", "DURATION", "P25Y"},
      {"L'enquête a duré environ deux mois.", "2022-09-27", "environ deux mois", "DURATION", "P2M"},
      {"Il vit ici depuis plusieurs années.", "2022-09-27", "plusieurs années", "DURATION", "PXY"},
      {"Il a couru 10 km en 45,5 secondes de plus.", "2022-09-27", "45,5 secondes", "DURATION", "PT45.5S"},
      {"Le marché se tient chaque lundi.", "2022-09-27", "chaque lundi", "SET", "XXXX-WXX-1"},
      {"Il se rend au bureau tous les jours.", "2022-09-27", "tous les jours", "SET", "P1D"},
      {"Le festival a lieu tous les deux ans.", "2022-09-27", "tous les deux ans", "SET", "P2Y"},
      {"Les permanences ont lieu tous les jeudis.", "2022-09-27", "tous les jeudis", "SET", "XXXX-WXX-4"},
      {"La bibliothèque ouvre le samedi.", "2022-09-27", "le samedi", "SET", "XXXX-WXX-6"},
      {"Il gagne 30.000 euros par an.", "2022-09-27", "par an", "SET", "P1Y"},
      {"Le bilan annuel sera publié.", "2022-09-27", "annuel", "SET", "P1Y"},
  });
}

// A bare weekday: the last one (the publication day included) unless the verb is in the future.
TEST(Dates, BareWeekdayFollowsTheTense) {
  expect_cases({
      {"Le ministre a annoncé jeudi sa démission.", "2022-09-27", "jeudi", "DATE", "2022-09-22"},
      {"Le ministre annoncera jeudi sa démission.", "2022-09-27", "jeudi", "DATE", "2022-09-29"},
      {"Le ministre va annoncer jeudi sa démission.", "2022-09-27", "jeudi", "DATE", "2022-09-29"},
      {"Le ministre doit s'exprimer jeudi devant les députés.", "2022-09-27", "jeudi", "DATE", "2022-09-29"},
      {"Le ministre annonce jeudi sa démission.", "2022-09-27", "jeudi", "DATE", "2022-09-22"},
      {"Le ministre annonce mardi sa démission.", "2022-09-27", "mardi", "DATE", "2022-09-27"},
      {"La séance, prévue vendredi, est annulée.", "2022-09-27", "vendredi", "DATE", "2022-09-30"},
      {"Dimanche, le président a pris la parole.", "2022-09-27", "Dimanche", "DATE", "2022-09-25"},
  });
}

TEST(Dates, MonthOnlyAndMissingPublication) {
  expect_cases({
      // "hier" in September 2022 may be 31 August: only the year is sure
      {"Le ministre est arrivé hier à Paris.", "2022-09", "hier", "DATE", "2022"},
      {"Les ventes ont chuté le mois dernier.", "2022-09", "le mois dernier", "DATE", "2022-08"},
      {"La loi a été votée le 14 juillet.", "2022-09", "le 14 juillet", "DATE", "2022-07-14"},
      {"Le ministre est arrivé hier à Paris.", "", "hier", "DATE", "XXXX-XX-XX"},
      {"La décision a été prise lundi dernier.", "", "lundi dernier", "DATE", "XXXX-WXX-1"},
      {"La loi a été votée le 15 juin.", "", "le 15 juin", "DATE", "XXXX-06-15"},
      {"Rendez-vous à 10h30 devant la mairie.", "", "10h30", "TIME", "XXXX-XX-XXT10:30"},
      {"Le sommet se tiendra la semaine prochaine.", "", "la semaine prochaine", "DATE", "XXXX-WXX"},
      {"Le groupe a été fondé en 2019.", "", "2019", "DATE", "2019"},
      {"Le mandat court jusqu'au 3 mai 2023. Il avait été élu la veille.", "", "la veille", "DATE",
       "2023-05-02"},
  });
}

// "hier lundi 26 septembre 2022" in an article dated only "2022-09" says it was written on the 27th:
// everything relative is then resolved against that day.
TEST(Dates, TheTextDatesAMonthOnlyArticle) {
  const Doc d = analysed(
      "Les deux présidents se sont rencontrés hier lundi 26 septembre 2022 à Sotchi. Ils se reverront jeudi.",
      "2022-09");
  EXPECT_EQ(d.written_date, "2022-09-27");
  EXPECT_EQ(d.event_date, "2022-09-26");
  ASSERT_EQ(d.dates.size(), 2u) << describe(d);
  EXPECT_EQ(d.text(d.dates[0].span), "hier lundi 26 septembre 2022");
  EXPECT_EQ(d.dates[0].value, "2022-09-26");
  EXPECT_EQ(d.dates[1].value, "2022-09-29");  // future tense, from Tuesday 27
}

TEST(Dates, EventDateIsTheFirstDayNearThePublication) {
  const Doc d = analysed("Né le 4 mars 1950, il est mort mardi à Lyon. Ses obsèques auront lieu samedi.",
                         "2022-09-29");
  EXPECT_EQ(d.event_date, "2022-09-27") << describe(d);  // not 1950
  const Doc undated = analysed("Pas de date ici, seulement des mots.", "2022-09-29");
  EXPECT_EQ(undated.event_date, "");
}

TEST(Dates, NoFalseHitsOnNumbersThatAreNotDates) {
  struct Negative {
    const char* text;
    const char* not_a_date;  // no mention may contain it
  };
  const Negative cases[] = {
      {"Au premier tour, 3/10 des votants ont choisi le non.", "3/10"},
      {"Plus de 2020 manifestants ont défilé dans le calme.", "2020"},
      {"Le gouvernement a de nouveau utilisé le 49.3 mercredi.", "49.3"},
      {"Un homme de 38 ans a été interpellé.", "38"},
      {"Le conducteur, 26 ans, a été blessé.", "26"},
      {"Agée de 90 ans, elle vivait seule.", "90"},
      {"Il a été élu au premier tour.", "été"},
      {"Les Jeux d'hiver ont commencé hier.", "hiver"},
      {"Le Premier ministre a parlé.", "Premier"},
      {"Le feu a pris au 10, rue de Rivoli.", "10"},
      {"La vente a rapporté 2000 €.", "2000"},
      {"Il a terminé 4e de la course, le 2e étant son frère.", "2e"},
      {"Le score était de 8 à 3.", "8"},
      {"Appelez le 03.29.88.43.12 pour réserver.", "03"},
      {"Les 35 ans et plus sont concernés.", "35"},
  };
  for (const Negative& c : cases) {
    const Doc d = analysed(c.text, "2022-09-27");
    for (const auto& m : d.dates) {
      EXPECT_EQ(d.text(m.span).find(c.not_a_date), std::string_view::npos) << c.text << "\n  found: " << describe(d);
    }
  }
}

TEST(Dates, OffsetsAreBytesIntoTheirField) {
  RawRecord r;
  r.id = "t";
  r.title = "Réunion décisive jeudi";
  r.text = "Les élus se réuniront à l’hôtel de ville le 3 février à 18 heures.";
  r.published = "2022-01-25";
  const Doc d = testing::analysed_doc(std::move(r));
  ASSERT_EQ(d.dates.size(), 2u) << describe(d);
  EXPECT_EQ(d.dates[0].span.field, Field::kTitle);
  EXPECT_EQ(d.text(d.dates[0].span), "jeudi");
  EXPECT_EQ(d.dates[1].span.field, Field::kText);
  EXPECT_EQ(d.text(d.dates[1].span), "le 3 février à 18 heures");
  EXPECT_EQ(d.field(Field::kText).substr(d.dates[1].span.begin, d.dates[1].span.size()), "le 3 février à 18 heures");
  EXPECT_EQ(d.dates[1].value, "2022-02-03T18:00");
}

// Each sentence's tokens are found by a galloping search over the doc's tokens: the expressions of every
// field come out, in text order, whether their sentence is first, last, or after long sentences without any.
TEST(Dates, FindsTheExpressionsOfEverySentenceOfEveryField) {
  RawRecord r;
  r.id = "t";
  r.title = "Le conseil se réunit lundi";
  r.abstract = "Rien de neuf sur le parvis de la mairie. Les conseillers arrivent mardi.";
  std::string filler;
  for (int i = 0; i < 6; ++i) filler += " Le maire a longuement parlé des travaux de voirie, des écoles et du marché couvert.";
  r.text = "Le vote a eu lieu le 3 février." + filler + " Un second vote suivra en mars 2023." + filler +
           " Les résultats seront publiés vendredi.";
  r.published = "2022-01-25";
  const Doc d = testing::analysed_doc(std::move(r));
  std::vector<std::pair<Field, std::string>> got;
  for (const auto& m : d.dates) got.emplace_back(m.span.field, std::string(d.text(m.span)));
  const std::vector<std::pair<Field, std::string>> want = {
      {Field::kTitle, "lundi"},          {Field::kAbstract, "mardi"},     {Field::kText, "le 3 février"},
      {Field::kText, "mars 2023"},       {Field::kText, "vendredi"}};
  EXPECT_EQ(got, want) << describe(d);
}

// ---------------------------------------------------------------- tense

TEST(DateTense, NearestVerbForm) {
  struct TenseCase {
    const char* text;
    const char* word;  // the expression's first word
    dates::Tense want;
  };
  const TenseCase cases[] = {
      {"Le ministre a annoncé jeudi sa démission.", "jeudi", dates::Tense::kPast},
      {"Le ministre annoncera jeudi sa démission.", "jeudi", dates::Tense::kFuture},
      {"Le ministre va se rendre jeudi à Berlin.", "jeudi", dates::Tense::kFuture},
      {"Le ministre se rend jeudi à Berlin.", "jeudi", dates::Tense::kPresent},
      {"Il avait promis qu'il viendrait jeudi.", "jeudi", dates::Tense::kPresent},  // "qu'" opens a clause
      {"Il a invité le ministre à venir jeudi.", "jeudi", dates::Tense::kPresent},  // so does "venir"
      {"Le ministre doit s'exprimer jeudi.", "jeudi", dates::Tense::kFuture},
      {"Il a dit qu'il viendra jeudi.", "jeudi", dates::Tense::kFuture},  // the nearest verb wins
      {"Le film passe à l'opéra jeudi.", "jeudi", dates::Tense::kPresent},  // "opéra" is no future
      // each ending of the futur simple, read from the word's last letters
      {"Je vous le dirai jeudi.", "jeudi", dates::Tense::kFuture},      // -irai
      {"Tu finiras jeudi.", "jeudi", dates::Tense::kFuture},            // -iras
      {"Vous le saurez jeudi.", "jeudi", dates::Tense::kFuture},        // -urez
      {"Les élus voteront jeudi.", "jeudi", dates::Tense::kFuture},     // -eront
      {"Nous partirons jeudi.", "jeudi", dates::Tense::kFuture},        // -irons
      {"Le navire viendra jeudi.", "jeudi", dates::Tense::kFuture},     // -dra
      {"Le cobra sort jeudi.", "jeudi", dates::Tense::kPresent},        // a noun with a future's ending
      {"Le ministre avait annoncé jeudi sa venue.", "jeudi", dates::Tense::kPast},
      {"La réunion était prévue jeudi.", "jeudi", dates::Tense::kFuture},  // "prévue" marks a plan
      {"Il devrait bientôt signer jeudi.", "jeudi", dates::Tense::kFuture},
  };
  for (const TenseCase& c : cases) {
    const Doc d = analysed(c.text, "2022-09-27");
    size_t at = d.tokens.size();
    for (size_t i = 0; i < d.tokens.size(); ++i)
      if (d.text(d.tokens[i].span) == c.word) at = i;
    ASSERT_LT(at, d.tokens.size()) << c.text;
    EXPECT_EQ(dates::tense_at(d.field(Field::kText), d.tokens.data(), d.tokens.size(), at), c.want) << c.text;
  }
}

// The token maker remembers the entry of short words it has seen; the same bytes read differently when
// they open a sentence ("A" is then "À") or head a compound ("avant" of "avant-hier"), and must still do so
// after the word was seen elsewhere.
TEST(Dates, ARememberedWordStillReadsByItsContext) {
  const Doc d = analysed("Le groupe A a joué lundi avant la pause. A 18 heures, il est revenu. Il était là avant-hier.",
                         "2022-09-27");
  EXPECT_EQ(describe(d), "[lundi | DATE 2022-09-26] [18 heures | TIME 2022-09-26T18:00] [avant-hier | DATE 2022-09-25] ");
}

TEST(Dates, CanBeLeftOutOfThePipeline) {
  auto without = Pipeline::build({"segmenter", "lexical", "language", "link_features"});
  ASSERT_TRUE(without.ok());
  auto needs_terms = Pipeline::build({"segmenter", "dates"});
  ASSERT_FALSE(needs_terms.ok());
  EXPECT_NE(needs_terms.error().message.find("token.term"), std::string::npos);
}

}  // namespace
}  // namespace recoupe
