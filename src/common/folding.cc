#include "common/folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <unordered_map>
#include <vector>

#include "common/utf8.h"

namespace recoupe {
namespace {

// The folded form of one non-ASCII code point, computed once per thread.
std::string fold_code_point_uncached(char32_t c);

// Folded code points, computed once per thread: a direct table for the scripts most text is in (Latin,
// Greek, Cyrillic, Arabic, Indic…, up to U+2FFF, with the punctuation of U+2000-U+206F), a map beyond.
const std::string& fold_code_point(char32_t c) {
  constexpr char32_t kTabled = 0x3000;
  if (c < kTabled) {
    struct Table {
      std::vector<std::string> folded = std::vector<std::string>(kTabled);
      std::vector<uint8_t> known = std::vector<uint8_t>(kTabled, 0);
    };
    thread_local Table table;
    if (!table.known[c]) {
      table.folded[c] = fold_code_point_uncached(c);
      table.known[c] = 1;
    }
    return table.folded[c];
  }
  thread_local std::unordered_map<char32_t, std::string> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  return cache.emplace(c, fold_code_point_uncached(c)).first->second;
}

std::string fold_code_point_uncached(char32_t c) {
  std::string out;
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) {
    out = "'";
  } else if (c == 0x0153 || c == 0x0152) {
    out = "oe";
  } else if (c == 0x00E6 || c == 0x00C6) {
    out = "ae";
  } else if (c == 0x00DF || c == 0x1E9E) {  // ß: full case folding gives "ss", simple folding does not
    out = "ss";
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString folded(static_cast<UChar32>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(folded, status) : folded;
    if (U_FAILURE(status)) decomposed = folded;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 d = decomposed.char32At(i);
      i += U16_LENGTH(d);
      if (u_charType(d) == U_NON_SPACING_MARK) continue;  // the accent itself
      utf8::append(out, static_cast<char32_t>(d));
    }
  }
  return out;
}

// Lower-cases ASCII in place and hands every other code point to `other`.
template <typename Other>
void map_code_points(std::string_view s, std::string& out, Other&& other) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    other(utf8::next(s, i));
  }
}

}  // namespace

void fold_append(std::string_view s, std::string& out) {
  map_code_points(s, out, [&](char32_t c) { out += fold_code_point(c); });
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  fold_append(s, out);
  return out;
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  map_code_points(s, out, [&](char32_t c) {
    if (c == 0x2019) {
      out.push_back('\'');
    } else {
      utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
  });
  return out;
}

bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

}  // namespace recoupe
