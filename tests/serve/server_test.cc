#include "serve/server.h"

#include <gtest/gtest.h>

#include "serve/api.h"
#include "support/sample_store.h"

namespace recoupe::serve {
namespace {

using Params = std::multimap<std::string, std::string>;

class ServerTest : public testing::SampleStore {
 protected:
  void SetUp() override {
    SampleStore::SetUp();
    ServeOptions options;
    options.db_path = path_;
    auto s = Server::open(options);
    ASSERT_TRUE(s.ok()) << s.error().message;
    server_ = std::move(s.value());
  }
  void TearDown() override {
    server_.reset();
    SampleStore::TearDown();
  }
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, BadParametersAre400WithAJsonMessage) {
  struct Case {
    const char* path;
    Params params;
    const char* message;
  } cases[] = {
      {"/api/stories", {{"limit", "0"}}, "'limit' must be an integer from 1 to 100"},
      {"/api/stories", {{"limit", "abc"}}, "'limit'"},
      {"/api/stories", {{"limit", "99999999999999999999"}}, "'limit'"},
      {"/api/stories", {{"offset", "-1"}}, "'offset'"},
      {"/api/stories", {{"sort", "oldest"}}, "'sort' must be"},
      {"/api/stories", {{"from", "hier"}}, "'from' must be a date"},
      {"/api/stories", {{"from", "2024-05-08"}, {"to", "2024-05-01"}}, "'from' is after 'to'"},
      {"/api/stories", {{"q", "?!"}}, "no word"},
      {"/api/stories", {{"entity", std::string(501, 'x')}}, "longer than 500"},
      {"/api/stories", {{"limit", "5"}, {"limit", "6"}}, "given twice"},
      {"/api/stories", {{"colour", "red"}}, "unknown parameter 'colour'"},
      {"/api/search", {}, "'q' is required"},
      {"/api/search", {{"q", "gr\xc3"}}, "not valid UTF-8"},
      {"/api/stories/s1", {{"x", "1"}}, "takes none"},
  };
  for (const auto& c : cases) {
    Reply r = server_->handle(c.path, c.params);
    EXPECT_EQ(r.status, 400) << c.path << " " << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(r.body.rfind("{\"error\":", 0), 0u) << r.body;
    EXPECT_NE(r.body.find(c.message), std::string::npos) << r.body;
  }
}

TEST_F(ServerTest, UnknownIdsAndPathsAre404) {
  for (const char* path : {"/api/stories/s999", "/api/stories/12", "/api/stories/s99999999999999999999999",
                           "/api/stories/", "/api/entities/Personne", "/api/nothing", "/nothing.html"}) {
    Reply r = server_->handle(path, {});
    EXPECT_EQ(r.status, 404) << path << " " << r.body;
    EXPECT_NE(r.body.find("\"status\":404"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, AnswersAndAssets) {
  Reply list = server_->handle("/api/stories", {{"sort", "biggest"}, {"limit", "1"}});
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("\"total\":2"), std::string::npos) << list.body;
  EXPECT_NE(list.body.find("\"articles\":2"), std::string::npos) << list.body;
  Reply search = server_->handle("/api/search", {{"q", "grève"}});
  ASSERT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("{\"text\":\"grève\",\"match\":true}"), std::string::npos) << search.body;
  Reply entity = server_->handle("/api/entities/Lucie Bernardin", {});
  EXPECT_EQ(entity.status, 200) << entity.body;
  for (const char* path : {"/", "/app.js", "/app.css", "/api/openapi.json"}) {
    Reply r = server_->handle(path, {});
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_FALSE(r.body.empty()) << path;
  }
  EXPECT_EQ(server_->handle("/", {}).content_type, "text/html; charset=utf-8");
  EXPECT_NE(server_->handle("/api/openapi.json", {}).body.find("\"openapi\": \"3."), std::string::npos);
}

}  // namespace
}  // namespace recoupe::serve
