// src/clean/html_charset.h
//
// A page's bytes as served → valid UTF-8. The evidence, strongest first: a byte-order mark; what
// the page declares (<meta charset>, <meta http-equiv="Content-Type">); the HTTP Content-Type's
// charset; then the bytes themselves. Declarations lie often enough to be checked: a page declared
// Latin-1 whose bytes are valid UTF-8 with non-ASCII characters is UTF-8 (the reverse cannot happen
// by chance), and a page declared UTF-8 whose bytes are not is read as windows-1252 when the invalid
// sequences are many (a few stray bytes become U+FFFD instead). Undeclared pages that are not UTF-8
// go to ICU's charset detector, windows-1252 when it is unsure: the French web's usual legacy
// encoding. ISO-8859-1 and US-ASCII labels mean windows-1252, as in browsers (WHATWG Encoding).
#pragma once

#include <string>
#include <string_view>

namespace recoupe::html {

//! The page as valid UTF-8 (without a BOM). `encoding`, when given, receives the name used.
std::string to_utf8(std::string_view bytes, std::string_view content_type, std::string* encoding = nullptr);

//! The charset parameter of an HTTP Content-Type ("text/html; charset=ISO-8859-1"), or empty.
std::string_view content_type_charset(std::string_view content_type) noexcept;

//! The charset declared by the first <meta charset> or http-equiv Content-Type in the page's first
//! 16 kB, or empty.
std::string_view meta_charset(std::string_view bytes) noexcept;

//! `bytes` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes);

}  // namespace recoupe::html
