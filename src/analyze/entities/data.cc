// The files are pulled in by the assembler (.incbin): a model is binary, and a
// few megabytes of string literal would slow the compiler down. CMake passes
// RECOUPE_DATA_DIR and rebuilds this file when one of them changes.
#include "analyze/entities/data.h"

#ifndef RECOUPE_DATA_DIR
#error "RECOUPE_DATA_DIR must name the data/ folder"
#endif

#define RECOUPE_EMBED(symbol, file)                                      \
  __asm__(".section .rodata\n"                                           \
          ".balign 16\n"                                                 \
          ".local " #symbol "_begin\n" #symbol "_begin:\n"               \
          ".incbin \"" RECOUPE_DATA_DIR "/" file "\"\n"                  \
          ".local " #symbol "_end\n" #symbol "_end:\n"                   \
          ".byte 0\n"                                                    \
          ".previous\n");                                                \
  extern "C" const char symbol##_begin[];                                \
  extern "C" const char symbol##_end[];                                  \
  static std::string_view symbol() { return {symbol##_begin, static_cast<size_t>(symbol##_end - symbol##_begin)}; }

RECOUPE_EMBED(recoupe_ner_model, "models/entities_fr.bin")
RECOUPE_EMBED(recoupe_gaz_iso, "gazetteer/iso_codes.tsv")
RECOUPE_EMBED(recoupe_gaz_places, "gazetteer/places.tsv")
RECOUPE_EMBED(recoupe_gaz_organisations, "gazetteer/organisations.tsv")
RECOUPE_EMBED(recoupe_gaz_people, "gazetteer/people.tsv")
RECOUPE_EMBED(recoupe_gaz_first_names, "gazetteer/first_names.tsv")

namespace recoupe::ner::data {

std::string_view model() { return recoupe_ner_model(); }

const std::vector<std::string_view>& gazetteer_lists() {
  // The project's own lists first: the first canonical name given for a variant wins.
  static const std::vector<std::string_view> lists = {recoupe_gaz_places(), recoupe_gaz_organisations(),
                                                      recoupe_gaz_people(), recoupe_gaz_first_names(),
                                                      recoupe_gaz_iso()};
  return lists;
}

}  // namespace recoupe::ner::data
