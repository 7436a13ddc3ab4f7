// src/doc/serializer.h
//
// The one place a Doc becomes the contract's JSON (shared CONTRACT.md).
#pragma once

#include <string>

#include "doc/doc.h"

namespace recoupe {

//! Appends one JSON line (with its trailing newline) describing `doc` to `out`.
void append_contract_json(const Doc& doc, std::string& out);

//! The link decision as a JSON object, for `recoupe explain` and the store.
std::string link_decision_json(const Doc& doc);

}  // namespace recoupe
