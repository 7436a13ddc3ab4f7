// recoupe serve --db news.db [--port 8080] [--host 127.0.0.1]: the web reader and the JSON API.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "serve/server.h"

namespace recoupe::cli {

int run_serve(const std::vector<std::string>& args) {
  CLI::App app("Serve a database: a web reader at / and a JSON API under /api/ (described at /api/openapi.json).",
               "serve");
  serve::ServeOptions options;
  app.add_option("--db", options.db_path, "database file")->required()->check(CLI::ExistingFile);
  app.add_option("--port", options.port, "TCP port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  app.add_option("--host", options.host, "address to listen on (loopback unless told otherwise)")->capture_default_str();
  app.add_option("--threads", options.threads, "connections served at once")->capture_default_str()->check(CLI::Range(1, 256));
  if (int rc = parse(app, args); rc >= 0) return rc;

  // SIGINT and SIGTERM stop the server cleanly: blocked here (so every thread inherits the mask),
  // waited for by one thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = serve::Server::open(options);
  if (!server) {
    std::fprintf(stderr, "recoupe serve: %s\n", server.error().message.c_str());
    return kExitError;
  }
  if (Status st = server.value()->bind(); !st) {
    std::fprintf(stderr, "recoupe serve: %s\n", st.error().message.c_str());
    return kExitError;
  }
  const std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::printf("recoupe serve: http://%s:%d/ (API at /api/, Ctrl-C stops)\n", host.c_str(), server.value()->port());
  std::fflush(stdout);

  serve::Server* s = server.value().get();
  std::thread watcher([&stop_signals, s] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (sig != 0) s->stop();
  });
  const Status st = s->listen();
  // Wake the watcher if the server stopped by itself.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  if (!st) {
    std::fprintf(stderr, "recoupe serve: %s\n", st.error().message.c_str());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace recoupe::cli
