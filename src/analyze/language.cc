// Language identification with CLD2 over the title, lead and the start of the
// body. An input that gives `lang` keeps it.
// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
#include <cld2/public/compact_lang_det.h>

#include "analyze/components.h"
#include "common/utf8.h"

namespace recoupe {
namespace {

// CLD2 is reliable on a few hundred bytes of prose, and its cost grows with the sample.
constexpr size_t kSampleBytes = 512;

class Language final : public Component {
 public:
  std::string name() const override { return "language"; }
  std::vector<std::string> requires_() const override { return {"doc.fields"}; }
  std::vector<std::string> assigns() const override { return {"doc.lang"}; }
  void process(Doc& doc) const override {
    if (!doc.lang.empty()) return;
    std::string sample;
    for (Field f : kAllFields) {
      if (sample.size() >= kSampleBytes) break;
      sample += utf8::truncate(doc.field(f), kSampleBytes - sample.size());
      sample += '\n';
    }
    bool reliable = false;
    const CLD2::Language lang =
        CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &reliable);
    if (lang == CLD2::UNKNOWN_LANGUAGE) return;
    doc.lang = CLD2::LanguageCode(lang);
  }
};

}  // namespace

std::unique_ptr<Component> make_language() { return std::make_unique<Language>(); }

}  // namespace recoupe
