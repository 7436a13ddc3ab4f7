// src/serve/assets.h
//
// The web reader's static files and the OpenAPI description, embedded in the
// binary at build time (src/serve/assets/, see CMakeLists.txt), so that
// `recoupe serve` runs from anywhere with nothing to install or build.
#pragma once

#include <string_view>

namespace recoupe::serve {

struct Asset {
  std::string_view path;          //!< as requested, e.g. "/app.js"
  std::string_view content_type;
  std::string_view body;
};

//! The asset served at `path`, or nullptr.
const Asset* find_asset(std::string_view path);

}  // namespace recoupe::serve
