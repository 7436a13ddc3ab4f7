// src/serve/server.h
//
// `recoupe serve`: the JSON API and the web reader over one database, on one
// HTTP port (cpp-httplib, a thread per connection from a fixed pool). Routing
// and parameter checks live here; the answers are Api's. Every request gets
// a read-only StoreReader from a pool, so requests never share a connection
// and an ingest may write to the same file meanwhile.
//
// Errors are JSON: a bad parameter is a 400 naming it, an unknown id a 404;
// nothing the client sends can make a 500.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/store_reader.h"

namespace httplib {
class Server;
}

namespace recoupe::serve {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";  //!< loopback unless told otherwise
  int port = 8080;                 //!< 0: any free port (see Server::port())
  int threads = 16;                //!< connections served at once
};

//! One answer, before it goes on the wire.
struct Reply {
  int status = 200;
  std::string content_type;
  std::string body;
};

class Server {
 public:
  //! Opens (and migrates) the database and checks it can be read.
  static Result<std::unique_ptr<Server>> open(const ServeOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  //! Answers GET `path` (already URL-decoded) with query `params`; what the HTTP layer calls.
  Reply handle(const std::string& path, const std::multimap<std::string, std::string>& params);

  //! Binds the listening socket; afterwards port() is the real port.
  Status bind();
  int port() const { return port_; }
  //! Serves until stop() (from another thread or a signal watcher).
  Status listen();
  void stop();

 private:
  explicit Server(ServeOptions options);
  Reply api(const std::string& path, const std::multimap<std::string, std::string>& params);
  std::unique_ptr<StoreReader> acquire(Error& error);
  void release(std::unique_ptr<StoreReader> reader);

  ServeOptions options_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> http_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<StoreReader>> pool_;
};

}  // namespace recoupe::serve
