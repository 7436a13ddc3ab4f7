// src/clean/html_metadata.h
//
// What a page says about itself, outside its body text: <meta> tags (Open Graph, Dublin Core,
// parsely, article:*), JSON-LD (schema.org NewsArticle and kin, @graph included), <link
// rel=canonical>, <html lang>, <time datetime>. And publication dates in every form a French news
// page writes them: machine dates in meta tags and JSON-LD, the URL (/2020/06/15/), and the visible
// byline ("Publié le 15 juin 2020 à 10h30"). Dates come out as ISO 8601 as precise as the source is:
// a byline without a year, or a URL with only a month, never gets an invented day.
#pragma once

#include <string>
#include <string_view>

#include "clean/html_dom.h"

namespace recoupe::html {

struct PageMetadata {
  std::string title;            //!< og:title, else JSON-LD headline, else <title>
  std::string html_title;       //!< <title>
  std::string description;      //!< og:description or meta description
  std::string published;        //!< ISO 8601, from meta tags, JSON-LD or <time itemprop=datePublished>
  std::string modified;         //!< ISO 8601 of the last update, when given
  std::string author;
  std::string lang;             //!< primary language subtag, lower case ("fr")
  std::string canonical_url;
  std::string site_name;
  std::string article_body;     //!< JSON-LD articleBody, when the page gives one
};

//! Reads the metadata of a parsed page (no body text).
PageMetadata read_metadata(const Dom& dom);

//! A machine-written date ("2020-06-15T10:30:00+02:00", "2020-06-15 10:30", "20200615",
//! "2020/06/15", "15/06/2020", "Mon, 15 Jun 2020 10:30:00 GMT") as ISO 8601, or empty.
std::string normalize_date(std::string_view raw);

//! The date a URL carries (/2020/06/15/, /2020-06-15-, -20200615, /2020/06/): ISO 8601, or empty.
std::string date_from_url(std::string_view url);

//! The first date written for people in `text` ("15 juin 2020", "lundi 1er juin 2020 à 10h30",
//! "15/06/2020 14:05", "June 15, 2020"), as ISO 8601; empty when none. `after_marker`: only a date
//! within a few words after "publié", "posted" or "published" counts.
std::string date_from_text(std::string_view text, bool after_marker = false);

}  // namespace recoupe::html
