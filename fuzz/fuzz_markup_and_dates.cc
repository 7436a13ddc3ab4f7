// The small parsers the readers share: HTML fragments to text, character references, feed dates,
// an HTTP response head, chunked bodies and content codings. Properties: valid UTF-8 in gives
// valid UTF-8 out; a date converted is one Timestamp reads; decoding stays within its limit.
#include <cstdlib>
#include <string>

#include "common/timestamp.h"
#include "common/utf8.h"
#include "fuzz/fuzz_common.h"
#include "read/feed_date.h"
#include "read/http_message.h"
#include "read/markup_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  const std::string_view bytes = fuzz::as_view(data, size);
  const bool valid = utf8::is_valid(bytes);
  for (bool single_line : {false, true}) {
    const std::string text = html_fragment_to_text(bytes, single_line);
    if (valid && !utf8::is_valid(text)) std::abort();
    if (single_line && text.find('\n') != std::string::npos) std::abort();
  }
  if (valid && !utf8::is_valid(decode_html_entities(bytes))) std::abort();
  if (auto iso = feed_date_to_iso8601(bytes.substr(0, 256))) {
    if (!Timestamp::parse(*iso)) std::abort();
  }
  if (auto head = parse_http_response_head(bytes)) {
    if (head->body_offset > bytes.size()) std::abort();
    const std::string_view body = bytes.substr(head->body_offset);
    constexpr size_t kLimit = 1 << 16;
    if (auto joined = dechunk(body, kLimit); joined && joined->size() > std::max(kLimit, body.size())) std::abort();
    if (auto decoded = decode_content(body, head->field("Content-Encoding"), kLimit);
        decoded && decoded->size() > std::max(kLimit, body.size())) {
      std::abort();
    }
  }
  (void)looks_like_html(bytes);
  return 0;
}
