// recoupe: the command line. Dispatch only; each command lives in its own file.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

void print_usage(std::FILE* out) {
  std::fprintf(out,
               "recoupe: French news articles in, stories out.\n\n"
               "usage: recoupe <command> [options]   (recoupe <command> --help for its options)\n\n"
               "commands:\n");
  for (const auto& c : recoupe::cli::commands()) std::fprintf(out, "  %-15s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\nexit status: 0 ok, 1 error, 2 bad usage, 3 done but some records were skipped\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return recoupe::cli::kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    print_usage(stdout);
    return recoupe::cli::kExitOk;
  }
  for (const auto& c : recoupe::cli::commands()) {
    if (name == c.name) return c.run(std::vector<std::string>(argv + 2, argv + argc));
  }
  std::fprintf(stderr, "recoupe: unknown command '%s'\n\n", name.c_str());
  print_usage(stderr);
  return recoupe::cli::kExitUsage;
}
