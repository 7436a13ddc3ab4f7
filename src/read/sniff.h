// src/read/sniff.h
//
// What kind of input a file is: from its name when the name says (".warc.gz", ".rss"),
// else from its first bytes ("<!doctype html", "WARC/1.", "<rss", gzip's magic and
// then what it holds).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recoupe {

enum class InputKind {
  kJsonl,     //!< JSON lines (also gzip)
  kText,      //!< one plain-text article
  kHtml,      //!< one HTML page
  kWarc,      //!< a web archive: WARC or ARC, plain or gzip
  kFeed,      //!< RSS, Atom or RDF
  kJsonFeed,  //!< JSON Feed
};

const char* kind_name(InputKind kind) noexcept;

//! The kind a file name gives (case-insensitive extension), or nullopt.
std::optional<InputKind> kind_from_name(std::string_view path);

//! The kind the first bytes of a file give (already decompressed when gzip). `gzip`: the file was
//! gzip, where plain text is read as JSON lines (as it always was).
InputKind sniff_kind(std::string_view head, bool gzip = false);

//! Reads the start of `path` (decompressing gzip) and sniffs it; nullopt when it cannot be opened
//! (`why` says why).
std::optional<InputKind> sniff_file(const std::string& path, std::string& why);

//! Whether a folder's file is read: a name of a known kind; a .json or .xml only when it is a feed.
bool is_folder_member(const std::string& path);

//! sniff_kind() over a buffer that may be gzip.
InputKind sniff_bytes(std::string_view bytes);

}  // namespace recoupe
