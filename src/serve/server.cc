// src/serve/server.cc
#include "serve/server.h"

#include <httplib.h>

#include <charconv>
#include <set>

#include "common/timestamp.h"
#include "common/utf8.h"
#include "serve/api.h"
#include "serve/assets.h"
#include "store/store.h"

namespace recoupe::serve {
namespace {

using Params = std::multimap<std::string, std::string>;

constexpr size_t kMaxTextParam = 500;  // bytes of a query, an entity or a source name
constexpr int64_t kMaxLimit = 100;
constexpr int64_t kMaxOffset = 1'000'000;
constexpr const char* kJson = "application/json; charset=utf-8";

Reply json_error(int status, std::string_view message) { return {status, kJson, Api::error_body(status, message)}; }

// Checks that `params` holds only `allowed` names, each at most once.
Status check_names(const Params& params, std::initializer_list<std::string_view> allowed) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    bool known = false;
    for (auto a : allowed) known = known || it->first == a;
    if (!known) {
      std::string names;
      for (auto a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      return Error{Errc::kBadInput, "unknown parameter '" + utf8::with_replacements(it->first) + "'" +
                                        (names.empty() ? " (this path takes none)" : " (known: " + names + ")")};
    }
    if (params.count(it->first) > 1) return Error{Errc::kBadInput, "parameter '" + it->first + "' is given twice"};
  }
  return {};
}

const std::string* find(const Params& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

Result<int64_t> int_param(const Params& params, const char* name, int64_t fallback, int64_t min, int64_t max) {
  const std::string* v = find(params, name);
  if (!v) return fallback;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || end != v->data() + v->size() || n < min || n > max) {
    return Error{Errc::kBadInput, std::string("parameter '") + name + "' must be an integer from " + std::to_string(min) +
                                      " to " + std::to_string(max)};
  }
  return n;
}

Result<std::string> text_param(const Params& params, const char* name) {
  const std::string* v = find(params, name);
  if (!v) return std::string();
  if (v->size() > kMaxTextParam) {
    return Error{Errc::kBadInput, std::string("parameter '") + name + "' is longer than " +
                                      std::to_string(kMaxTextParam) + " bytes"};
  }
  if (!utf8::is_valid(*v)) return Error{Errc::kBadInput, std::string("parameter '") + name + "' is not valid UTF-8"};
  return *v;
}

// A date or date-time (ISO 8601, as precise as wanted); `end` gives the last second of the period named.
Result<std::optional<int64_t>> date_param(const Params& params, const char* name, bool end) {
  const std::string* v = find(params, name);
  if (!v) return std::optional<int64_t>();
  auto t = v->size() <= 40 ? Timestamp::parse(*v) : std::nullopt;
  if (!t) return Error{Errc::kBadInput, std::string("parameter '") + name + "' must be a date like 2025-07-08"};
  return std::optional<int64_t>(end ? t->end_seconds() : t->seconds);
}

Reply from(const Result<std::string>& r) {
  if (r) return {200, kJson, r.value()};
  switch (r.error().code) {
    case Errc::kBadInput: return json_error(400, r.error().message);
    case Errc::kNotFound: return json_error(404, r.error().message);
    default: return json_error(500, r.error().message);
  }
}

#define RECOUPE_TRY(var, expr)                                \
  auto var##_result = (expr);                                 \
  if (!var##_result) return from(var##_result.error());       \
  auto var = std::move(var##_result.value())

}  // namespace

Server::Server(ServeOptions options) : options_(std::move(options)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::open(const ServeOptions& options) {
  {
    // Store::open migrates an older database (adding the full-text index) before the readers need it.
    auto store = Store::open(options.db_path);
    if (!store) return store.error();
  }
  std::unique_ptr<Server> server(new Server(options));
  Error e;
  auto reader = server->acquire(e);
  if (!reader) return e;
  server->release(std::move(reader));
  return server;
}

std::unique_ptr<StoreReader> Server::acquire(Error& error) {
  {
    std::lock_guard lock(pool_mutex_);
    if (!pool_.empty()) {
      auto r = std::move(pool_.back());
      pool_.pop_back();
      return r;
    }
  }
  auto r = StoreReader::open(options_.db_path);
  if (!r) {
    error = r.error();
    return nullptr;
  }
  return std::move(r.value());
}

void Server::release(std::unique_ptr<StoreReader> reader) {
  std::lock_guard lock(pool_mutex_);
  pool_.push_back(std::move(reader));
}

Reply Server::handle(const std::string& path, const Params& params) {
  if (!utf8::is_valid(path)) return json_error(400, "the path is not valid UTF-8");
  for (const auto& [k, v] : params) {
    if (!utf8::is_valid(k) || !utf8::is_valid(v)) return json_error(400, "a query parameter is not valid UTF-8");
  }
  if (path.rfind("/api/", 0) == 0 && path != "/api/openapi.json") return api(path, params);
  if (const Asset* a = find_asset(path)) return {200, std::string(a->content_type), std::string(a->body)};
  return json_error(404, "nothing at " + path);
}

Reply Server::api(const std::string& path, const Params& params) {
  Error open_error;
  std::unique_ptr<StoreReader> reader = acquire(open_error);
  if (!reader) return json_error(503, open_error.message);
  struct Return {  // gives the reader back to the pool on every path out
    Server& s;
    std::unique_ptr<StoreReader>& r;
    ~Return() { s.release(std::move(r)); }
  } give_back{*this, reader};
  Api api(*reader);

  const std::string_view p(path);
  if (p == "/api/stories") {
    if (Status st = check_names(params, {"from", "to", "entity", "source", "q", "sort", "limit", "offset"}); !st) {
      return from(st.error());
    }
    StoryQuery q;
    RECOUPE_TRY(from_ts, date_param(params, "from", false));
    RECOUPE_TRY(to_ts, date_param(params, "to", true));
    q.from = from_ts;
    q.to = to_ts;
    if (q.from && q.to && *q.from > *q.to) return json_error(400, "parameter 'from' is after 'to'");
    RECOUPE_TRY(entity, text_param(params, "entity"));
    RECOUPE_TRY(source, text_param(params, "source"));
    RECOUPE_TRY(text, text_param(params, "q"));
    q.entity = std::move(entity);
    q.source = std::move(source);
    q.text = std::move(text);
    if (const std::string* sort = find(params, "sort")) {
      if (*sort == "newest") {
        q.sort = StoryQuery::Sort::kNewest;
      } else if (*sort == "biggest") {
        q.sort = StoryQuery::Sort::kBiggest;
      } else {
        return json_error(400, "parameter 'sort' must be 'newest' or 'biggest'");
      }
    }
    RECOUPE_TRY(limit, int_param(params, "limit", 20, 1, kMaxLimit));
    RECOUPE_TRY(offset, int_param(params, "offset", 0, 0, kMaxOffset));
    q.limit = limit;
    q.offset = offset;
    return from(api.stories(q));
  }
  if (p.rfind("/api/stories/", 0) == 0) {
    if (Status st = check_names(params, {}); !st) return from(st.error());
    return from(api.story(p.substr(13)));
  }
  if (p == "/api/entities") {
    if (Status st = check_names(params, {"q", "type", "limit", "offset"}); !st) return from(st.error());
    RECOUPE_TRY(text, text_param(params, "q"));
    RECOUPE_TRY(type, text_param(params, "type"));
    RECOUPE_TRY(limit, int_param(params, "limit", 20, 1, kMaxLimit));
    RECOUPE_TRY(offset, int_param(params, "offset", 0, 0, kMaxOffset));
    return from(api.entities(text, type, limit, offset));
  }
  if (p.rfind("/api/entities/", 0) == 0 && p.size() > 14) {
    if (Status st = check_names(params, {}); !st) return from(st.error());
    if (p.size() - 14 > kMaxTextParam) return json_error(404, "no entity with so long a name");
    return from(api.entity(std::string(p.substr(14))));
  }
  if (p == "/api/search") {
    if (Status st = check_names(params, {"q", "sort", "limit", "offset"}); !st) return from(st.error());
    RECOUPE_TRY(text, text_param(params, "q"));
    if (text.empty()) return json_error(400, "parameter 'q' is required");
    bool relevance = false;
    if (const std::string* sort = find(params, "sort")) {
      if (*sort != "newest" && *sort != "relevance") return json_error(400, "parameter 'sort' must be 'newest' or 'relevance'");
      relevance = *sort == "relevance";
    }
    RECOUPE_TRY(limit, int_param(params, "limit", 20, 1, kMaxLimit));
    RECOUPE_TRY(offset, int_param(params, "offset", 0, 0, kMaxOffset));
    return from(api.search(text, limit, offset, relevance));
  }
  if (p == "/api/sources") {
    if (Status st = check_names(params, {}); !st) return from(st.error());
    return from(api.sources());
  }
  return json_error(404, "no API path " + path + " (see /api/openapi.json)");
}

Status Server::bind() {
  http_ = std::make_unique<httplib::Server>();
  const int threads = options_.threads > 0 ? options_.threads : 16;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http_->set_keep_alive_max_count(10000);
  http_->set_tcp_nodelay(true);  // headers and body are two writes: without it, Nagle and delayed ACKs add 40 ms
  http_->set_payload_max_length(64 * 1024);
  auto send = [](const Reply& r, httplib::Response& res) {
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
    // The reader builds its pages from data with textContent only; this forbids any script but its own.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                   " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-cache");
  };
  http_->Get(".*", [this, send](const httplib::Request& req, httplib::Response& res) {
    send(handle(req.path, Params(req.params.begin(), req.params.end())), res);
  });
  http_->set_exception_handler([send](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what += std::string(": ") + e.what();
    } catch (...) {
    }
    send(json_error(500, what), res);
  });
  http_->set_error_handler([send](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    send(json_error(res.status, res.status == 404 ? "nothing at " + utf8::with_replacements(req.path) : "bad request"), res);
  });
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    if (port_ <= 0) return Error{Errc::kIo, "cannot listen on " + options_.host + " (any port)"};
  } else {
    if (!http_->bind_to_port(options_.host, options_.port)) {
      return Error{Errc::kIo, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                  " (in use, or not an address of this machine)"};
    }
    port_ = options_.port;
  }
  return {};
}

Status Server::listen() {
  if (!http_) return Error{Errc::kIo, "bind() first"};
  if (!http_->listen_after_bind()) return Error{Errc::kIo, "the server stopped on an error"};
  return {};
}

void Server::stop() {
  if (http_) http_->stop();
}

}  // namespace recoupe::serve
