// Language identification with CLD2 over the title, lead and the start of the
// body. An input that gives `lang` keeps it.
// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cld2/internal/lang_script.h>

#include "analyze/components.h"
#include "common/utf8.h"

namespace recoupe {
namespace {

// CLD2 is reliable on a few hundred bytes of prose, and its cost grows with the sample.
constexpr size_t kSampleBytes = 320;

class Language final : public Component {
 public:
  std::string name() const override { return "language"; }
  std::vector<std::string> requires_() const override { return {"doc.fields"}; }
  std::vector<std::string> assigns() const override { return {"doc.lang"}; }
  void process(Doc& doc) const override {
    if (!doc.lang.empty()) return;
    // Body first: titles are short and full of names, which mislead a character-level model.
    std::string sample;
    for (Field f : {Field::kText, Field::kAbstract, Field::kTitle}) {
      if (sample.size() >= kSampleBytes) break;
      sample += utf8::truncate(doc.field(f), kSampleBytes - sample.size());
      sample += '\n';
    }
    // French is the stream's expected language: the hint tips the balance when a short sample is
    // dominated by foreign names ("Manuel Valls ... Barcelone"), and does not outweigh real text.
    // A page's declared language (doc.lang_hint) takes the place of French when there is one.
    CLD2::Language hint = CLD2::FRENCH;
    if (!doc.lang_hint.empty()) {
      const CLD2::Language declared = CLD2::GetLanguageFromName(doc.lang_hint.c_str());
      if (declared != CLD2::UNKNOWN_LANGUAGE) hint = declared;
    }
    bool reliable = false;
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
        sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, /*tld_hint=*/"",
        CLD2::UNKNOWN_ENCODING, hint, top3, percent3, &text_bytes, &reliable);
    if (lang == CLD2::UNKNOWN_LANGUAGE) return;
    doc.lang = CLD2::LanguageCode(lang);
  }
};

}  // namespace

std::unique_ptr<Component> make_language() { return std::make_unique<Language>(); }

}  // namespace recoupe
