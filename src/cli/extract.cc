// recoupe extract INPUT... [-o OUT.jsonl]: the article of each page, no analysis (as trafilatura's
// command line): one JSON line per record with id, url, published, title, text, author, site.
// Records that carry text rather than a page pass through with their own fields.
#include <cstdio>
#include <memory>

#include "clean/cleaner.h"
#include "cli/cli_options.h"
#include "cli/commands.h"
#include "common/json_writer.h"
#include "read/input_reader.h"

namespace recoupe::cli {
namespace {

void append_extracted_json(const RawRecord& r, const std::string& author, std::string& out) {
  JsonWriter w(out);
  auto field = [&](const char* key, const std::string& value) {
    w.key(key);
    if (value.empty()) w.null(); else w.value(value);
  };
  w.begin_object();
  w.key("id").value(r.id);
  field("url", r.url);
  field("published", r.published);
  field("title", r.title);
  field("text", r.text);
  field("author", author);
  field("site", r.source);
  w.end_object();
  out.push_back('\n');
}

}  // namespace

int run_extract(const std::vector<std::string>& args) {
  CLI::App app("Extract the article of each page (records with \"html\"): one JSON line per record with\n"
               "id, url, published, title, text (paragraphs joined by \\n), author, site. No analysis.", "extract");
  std::vector<std::string> inputs;
  std::string files_from, output = "-";
  bool strict = false;
  double max_record_mb = 16;
  app.add_option("inputs", inputs, "JSONL or JSONL.gz files with an \"html\" field (- for stdin), or folders");
  app.add_option("--files-from", files_from, "also read the inputs listed in this file, one per line (- for stdin)");
  app.add_option("-o,--output", output, "write JSONL here instead of stdout");
  app.add_flag("--strict", strict, "stop at the first bad record (exit 1)");
  app.add_option("--max-record-mb", max_record_mb, "skip records larger than this")->capture_default_str();
  if (int rc = parse(app, args); rc >= 0) return rc;
  if (!files_from.empty()) {
    auto listed = read_input_list(files_from);
    if (!listed) {
      std::fprintf(stderr, "recoupe extract: %s\n", listed.error().message.c_str());
      return kExitError;
    }
    inputs.insert(inputs.end(), listed->begin(), listed->end());
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "recoupe extract: no inputs: give files, folders or - (stdin), or --files-from LIST\n\n%s",
                 app.help().c_str());
    return kExitUsage;
  }

  std::FILE* out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (output != "-") {
    file.reset(std::fopen(output.c_str(), "wb"));
    if (!file) {
      std::perror(("recoupe extract: " + output).c_str());
      return kExitError;
    }
    out = file.get();
  }
  Diagnostics diagnostics(strict);
  ReadOptions read_options;
  read_options.max_record_bytes = static_cast<size_t>(max_record_mb * 1024 * 1024);
  InputReader reader(inputs, read_options, diagnostics);
  RawRecord record;
  std::string buffer, author;
  size_t read = 0, extracted = 0, failed = 0;
  bool write_error = false;
  while (!write_error && reader.next(record)) {
    ++read;
    author.clear();
    if (Status st = apply_page(record, nullptr, &author); !st) {
      diagnostics.skip_record(record.origin, st.error().message + " (id " + record.id + ")");
      ++failed;
      if (diagnostics.fatal()) break;
      continue;
    }
    ++extracted;
    append_extracted_json(record, author, buffer);
    if (buffer.size() > (1 << 20)) {
      write_error = std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size();
      buffer.clear();
    }
  }
  if (!write_error) write_error = std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size();
  if (std::fflush(out) != 0) write_error = true;
  std::fprintf(stderr, "recoupe extract: %zu records read, %zu extracted, %zu skipped\n", read + diagnostics.skipped() - failed,
               extracted, diagnostics.skipped());
  if (write_error) {
    std::fprintf(stderr, "recoupe extract: %s: write failed\n", output.c_str());
    return kExitError;
  }
  if (diagnostics.input_errors() || diagnostics.fatal()) return kExitError;
  return diagnostics.skipped() ? kExitSkipped : kExitOk;
}

}  // namespace recoupe::cli
