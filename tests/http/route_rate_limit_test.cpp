// The rate-limit hook per route (api_handler's `rate_limit`, Frappe's
// @rate_limit on an endpoint): a route built with a limit refuses the call
// after `limit` hits in its window with RateLimitExceededError (417) and
// does not run its handler; the counter is per client address and per path;
// verbs outside the rule's list are not counted.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../support/temp_dir.h"
#include "db/sqlite/sqlite_database.h"
#include "http/api.h"
#include "http/site_app.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;
namespace bhttp = boost::beast::http;

class RouteRateLimit : public ::testing::Test {
 protected:
  RouteRateLimit()
      : app(
            [path = (dir.path() / "site.db").string()] {
              return db::SqliteDatabase::open(path, true);
            },
            Json::object()) {}

  Response call(const std::string& target, bhttp::verb verb = bhttp::verb::get,
                std::string_view ip = "10.0.0.1") {
    Request request{verb, target, 11};
    request.set(bhttp::field::host, "localhost");
    request.prepare_payload();
    return router.handle(request, ip);
  }

  quire::testing::TempDir dir;
  SiteApp app;
  Router router;
  int runs = 0;
};

TEST_F(RouteRateLimit, TheCallPastTheLimitIsRefusedAndDoesNotRun) {
  RateLimit rule;
  rule.limit = 2;
  rule.seconds = 3600;
  router.add_pattern("/api/limited/{what}", api_handler(
                                                app,
                                                [this](ApiRequest&) {
                                                  ++runs;
                                                  return Json("ran");
                                                },
                                                Envelope::v1_message, rule));
  EXPECT_EQ(call("/api/limited/a").result(), Status::ok);
  EXPECT_EQ(call("/api/limited/a?x=1").result(), Status::ok);
  auto refused = call("/api/limited/a");
  EXPECT_EQ(refused.result(), Status::expectation_failed);
  auto body = Json::parse(refused.body());
  EXPECT_EQ(body["exc_type"], "RateLimitExceededError");
  EXPECT_EQ(runs, 2);
  // Another client address and another path have counters of their own.
  EXPECT_EQ(call("/api/limited/a", bhttp::verb::get, "10.0.0.2").result(), Status::ok);
  EXPECT_EQ(call("/api/limited/b").result(), Status::ok);
  EXPECT_EQ(runs, 4);
}

TEST_F(RouteRateLimit, OnlyTheRulesVerbsAreCounted) {
  RateLimit rule;
  rule.limit = 1;
  rule.seconds = 3600;
  rule.methods = {"POST"};
  router.add_pattern("/api/limited/{what}",
                     api_handler(
                         app, [](ApiRequest&) { return Json("ran"); }, Envelope::v1_message, rule));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(call("/api/limited/a").result(), Status::ok);
  EXPECT_EQ(call("/api/limited/a", bhttp::verb::post).result(), Status::ok);
  EXPECT_EQ(call("/api/limited/a", bhttp::verb::post).result(), Status::expectation_failed);
}

TEST_F(RouteRateLimit, ARouteWithoutALimitIsNeverRefused) {
  router.add_pattern("/api/free/{what}",
                     api_handler(
                         app, [](ApiRequest&) { return Json("ran"); }, Envelope::v1_message));
  for (int i = 0; i < 20; ++i) EXPECT_EQ(call("/api/free/a").result(), Status::ok);
}

}  // namespace
}  // namespace quire::http
