// Unit tests of the REST layer's small parts: pattern routes, request
// parsing (form_dict, cookies, arguments), rate limits, login lockout,
// session expiry settings, password hashes, error envelopes.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/api_error.h"
#include "http/auth_sessions.h"
#include "http/envelope.h"
#include "http/rate_limit.h"
#include "http/request_data.h"
#include "http/router.h"
#include "http/users.h"
#include "model/errors.h"
#include "site/password.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;

Request make_request(boost::beast::http::verb verb, const std::string& target,
                     const std::string& body = "", const std::string& content_type = "") {
  Request request{verb, target, 11};
  if (!content_type.empty()) request.set(boost::beast::http::field::content_type, content_type);
  request.body() = body;
  request.prepare_payload();
  return request;
}

TEST(Router, ExactRoutesWinOverPatternsAndPlaceholdersAreDecoded) {
  Router router;
  router.add("/api/method/ping", [](const Request&) { return Response{Status::ok, 11}; });
  router.add_pattern("/api/method/{cmd}", [](const Request&, const RouteContext&) {
    return Response{Status::ok, 11};
  });
  router.add_pattern("/api/resource/{doctype}/{name}", [](const Request&, const RouteContext&) {
    return Response{Status::ok, 11};
  });
  std::vector<std::string> params;
  const auto* ping = router.match("/api/method/ping", params);
  ASSERT_NE(ping, nullptr);
  EXPECT_TRUE(params.empty());
  EXPECT_EQ(ping->execution, Execution::event_loop);
  const auto* method = router.match("/api/method/frappe.client.get", params);
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(method->execution, Execution::worker_pool);
  EXPECT_EQ(params, std::vector<std::string>{"frappe.client.get"});
  ASSERT_NE(router.match("/api/resource/Sales%20Order/SO%2F0001", params), nullptr);
  EXPECT_EQ(params, (std::vector<std::string>{"Sales Order", "SO/0001"}));
  EXPECT_EQ(router.match("/api/resource/ToDo", params), nullptr);
  EXPECT_EQ(router.match("/api/resource//x", params), nullptr);
  EXPECT_EQ(router.match("/api/resource/a/b/c", params), nullptr);
  EXPECT_EQ(router.handle(make_request(boost::beast::http::verb::get, "/nowhere")).result(),
            Status::not_found);
}

TEST(Router, PercentDecodingKeepsMalformedEscapes) {
  EXPECT_EQ(percent_decode("a%20b%2x%"), "a b%2x%");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a+b"), "a+b");
  EXPECT_EQ(percent_decode("%e2%82%ac"), "\xe2\x82\xac");
}

TEST(RequestData, FormDictFromQueryFormAndJson) {
  using boost::beast::http::verb;
  EXPECT_EQ(form_dict(make_request(verb::get, "/x?a=1&b=two+words&_=123")),
            Json({{"a", "1"}, {"b", "two words"}}));
  EXPECT_EQ(form_dict(make_request(verb::post, "/x?a=1", "b=2&c=%7B%7D",
                                   "application/x-www-form-urlencoded")),
            Json({{"a", "1"}, {"b", "2"}, {"c", "{}"}}));
  EXPECT_EQ(form_dict(make_request(verb::post, "/x?a=1", R"({"b": [1, 2]})",
                                   "application/json; charset=utf-8")),
            Json({{"b", {1, 2}}}));
  EXPECT_EQ(form_dict(make_request(verb::post, "/x", "[1]", "application/json")),
            Json({{"data", {1}}}));
  EXPECT_THROW(form_dict(make_request(verb::post, "/x", "{", "application/json")), ApiError);
  EXPECT_THROW(form_dict(make_request(verb::post, "/x", "\"s\"", "application/json")), ApiError);
  try {
    form_dict(make_request(verb::post, "/x", "<a/>", "application/xml"));
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), Status::unsupported_media_type);
  }
}

TEST(RequestData, JsonNestedTooDeeplyIsABadRequest) {
  using boost::beast::http::verb;
  auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  // 1000 levels are read (the scripting layer takes as many); 1001 and a
  // 200k-deep body (which crashed the process when copied) are 400s.
  EXPECT_EQ(
      form_dict(make_request(verb::post, "/x", nested(1000), "application/json"))["data"].size(),
      1u);
  for (int depth : {1001, 200000}) {
    try {
      form_dict(make_request(verb::post, "/x", nested(depth), "application/json"));
      FAIL() << depth;
    } catch (const ApiError& e) {
      EXPECT_EQ(e.status(), Status::bad_request);
      EXPECT_NE(std::string(e.what()).find("nested more than 1000 levels"), std::string::npos)
          << e.what();
    }
    EXPECT_THROW(parse_json_arg(Json(nested(depth))), ApiError);
  }
  EXPECT_EQ(parse_json_arg(Json("{\"a\": " + nested(998) + "}")).size(), 1u);
}

TEST(RequestData, CookiesAndArguments) {
  auto cookies = parse_cookies(R"(sid=abc123; full_name="Jane%20Doe";  x=1;bad)");
  EXPECT_EQ(cookies["sid"], "abc123");
  EXPECT_EQ(cookies["full_name"], "Jane Doe");
  EXPECT_EQ(cookies["x"], "1");
  EXPECT_EQ(cookies.count("bad"), 0u);
  Json args = {{"n", "12"}, {"f", 3.9}, {"t", "true"}, {"z", "abc"}, {"j", "[1,2]"}, {"s", "[x"}};
  EXPECT_EQ(int_arg(args, "n", 0), 12);
  EXPECT_EQ(int_arg(args, "f", 0), 3);
  EXPECT_EQ(int_arg(args, "z", 7), 7);
  EXPECT_EQ(int_arg(args, "missing", 5), 5);
  EXPECT_TRUE(bool_arg(args, "t", false));
  EXPECT_EQ(parse_json_arg(args["j"]), Json({1, 2}));
  EXPECT_THROW(parse_json_arg(args["s"]), ApiError);
  EXPECT_EQ(parse_json_arg("plain"), Json("plain"));
}

TEST(RateLimit, CountsPerEndpointAndIdentity) {
  RateLimiter limiter;
  RateLimit rule;
  rule.limit = 2;
  rule.seconds = 3600;
  Json form = {{"user", "a"}};
  limiter.enforce(rule, "m", "GET", "1.1.1.1", form);
  limiter.enforce(rule, "m", "GET", "1.1.1.1", form);
  try {
    limiter.enforce(rule, "m", "GET", "1.1.1.1", form);
    FAIL() << "the third call should be refused";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), Status::expectation_failed);
    EXPECT_EQ(e.exc_type(), "RateLimitExceededError");
  }
  // Another address, another endpoint: their own counters.
  limiter.enforce(rule, "m", "GET", "2.2.2.2", form);
  limiter.enforce(rule, "other", "GET", "1.1.1.1", form);
  // Verbs outside `methods` are not counted.
  rule.methods = {"POST"};
  for (int i = 0; i < 5; ++i) limiter.enforce(rule, "m2", "GET", "1.1.1.1", form);
  // Keyed without IP: per key value.
  RateLimit keyed;
  keyed.limit = 1;
  keyed.key = "user";
  keyed.ip_based = false;
  limiter.enforce(keyed, "k", "GET", "1.1.1.1", form);
  limiter.enforce(keyed, "k", "GET", "1.1.1.1", {{"user", "b"}});
  EXPECT_THROW(limiter.enforce(keyed, "k", "GET", "9.9.9.9", form), ApiError);
  EXPECT_THROW(limiter.enforce(keyed, "k", "GET", "1.1.1.1", Json::object()), ApiError);
}

TEST(LoginGuard, LocksAfterConsecutiveFailuresAndSuccessClears) {
  LoginGuard guard(3, 3600);
  guard.failed("u");
  guard.failed("u");
  guard.succeeded("u");
  guard.failed("u");
  guard.failed("u");
  EXPECT_NO_THROW(guard.check("u"));
  guard.failed("u");
  try {
    guard.check("u");
    FAIL();
  } catch (const model::FrappeError& e) {
    EXPECT_EQ(e.kind(), model::ErrorKind::AuthenticationError);
    EXPECT_NE(std::string(e.what()).find("Your account has been locked and will resume after"),
              std::string::npos);
  }
  EXPECT_NO_THROW(guard.check("other"));
  LoginGuard never(0, 60);
  for (int i = 0; i < 10; ++i) never.failed("u");
  EXPECT_NO_THROW(never.check("u"));
}

TEST(Sessions, ExpirySettingParsesFrappesHoursAndMinutes) {
  EXPECT_EQ(parse_session_expiry("240:00"), 240 * 3600);
  EXPECT_EQ(parse_session_expiry("1:30"), 5400);
  EXPECT_EQ(parse_session_expiry("6"), 6 * 3600);
  EXPECT_EQ(parse_session_expiry("0:00"), std::nullopt);
  EXPECT_EQ(parse_session_expiry("1:75"), std::nullopt);
  EXPECT_EQ(parse_session_expiry("x"), std::nullopt);
  EXPECT_EQ(parse_session_expiry("-1:00"), std::nullopt);
}

TEST(Passwords, Argon2ForNewHashesAndPbkdf2FromFrappe) {
  auto hash = hash_user_password("correct horse");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_TRUE(verify_user_password("correct horse", hash));
  EXPECT_FALSE(verify_user_password("correct horse!", hash));
  auto frappe_hash = site::hash_password("imported");
  EXPECT_TRUE(verify_user_password("imported", frappe_hash));
  EXPECT_FALSE(verify_user_password("other", frappe_hash));
  EXPECT_FALSE(verify_user_password("x", "plain-text-is-never-accepted"));
  auto secret = hash_api_secret("s3cret");
  EXPECT_TRUE(verify_api_secret("s3cret", secret));
  EXPECT_FALSE(verify_api_secret("s3cres", secret));
  EXPECT_FALSE(verify_api_secret("s3cret", "s3cret"));
  auto token = random_token(15);
  EXPECT_EQ(token.size(), 15u);
  EXPECT_EQ(token.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789"), std::string::npos);
}

TEST(Envelope, FrappeErrorsKeepTheirClassAndStatus) {
  auto info = describe_error(std::make_exception_ptr(
      model::FrappeError(model::ErrorKind::DuplicateEntryError, "ToDo x already exists")));
  EXPECT_EQ(info.status, Status::conflict);
  EXPECT_EQ(info.exc_type, "DuplicateEntryError");
  auto response = error_envelope(info, false, true);
  auto body = Json::parse(response.body());
  EXPECT_EQ(body["exc_type"], "DuplicateEntryError");
  EXPECT_EQ(body["exception"], "frappe.exceptions.DuplicateEntryError: ToDo x already exists");
  EXPECT_EQ(Json::parse(body["exc"].get<std::string>()),
            Json::array({"frappe.exceptions.DuplicateEntryError: ToDo x already exists"}));
  auto messages = Json::parse(body["_server_messages"].get<std::string>());
  EXPECT_EQ(Json::parse(messages[0].get<std::string>())["message"], "ToDo x already exists");
  auto v2 = Json::parse(error_envelope(info, true, true).body());
  EXPECT_EQ(v2["errors"][0]["type"], "DuplicateEntryError");
  EXPECT_EQ(v2["errors"][0]["message"], "ToDo x already exists");
  auto type_error = describe_error(
      std::make_exception_ptr(Json::type_error::create(302, "type must be string", nullptr)));
  EXPECT_EQ(type_error.status, Status::expectation_failed);
  auto other = describe_error(std::make_exception_ptr(std::runtime_error("boom")));
  EXPECT_EQ(other.status, Status::internal_server_error);
}

TEST(Envelope, WithoutTracebackThereIsNoExceptionNorExc) {
  ErrorInfo info;
  info.status = Status::expectation_failed;
  info.exc_type = "ValidationError";
  info.message = "Not allowed";
  for (bool v2 : {false, true}) {
    auto body = Json::parse(error_envelope(info, v2, false).body());
    EXPECT_FALSE(body.contains("exception")) << body;
    EXPECT_FALSE(body.contains("exc")) << body;
    if (v2) {
      EXPECT_FALSE(body["errors"][0].contains("exception")) << body;
      EXPECT_EQ(body["errors"][0]["message"], "Not allowed");
    } else {
      EXPECT_TRUE(body.contains("_server_messages")) << body;
    }
  }
}

TEST(Envelope, AScriptsTracebackGoesInExcAndItsLastLineIsTheException) {
  ErrorInfo info;
  info.status = Status::internal_server_error;
  info.exc_type = "KeyError";
  info.message = "'missing'";
  info.traceback =
      "Traceback (most recent call last):\n  File \"<serverscript>: s\", line 2, in "
      "<module>\nKeyError: 'missing'\n";
  auto body = Json::parse(error_envelope(info, false, true).body());
  EXPECT_EQ(body["exception"], "KeyError: 'missing'");
  auto exc = Json::parse(body["exc"].get<std::string>());
  ASSERT_EQ(exc.size(), 1u);
  EXPECT_NE(exc[0].get<std::string>().find("line 2, in <module>"), std::string::npos);
  auto v2 = Json::parse(error_envelope(info, true, true).body());
  EXPECT_EQ(v2["errors"][0]["exception"], exc[0]);
}

TEST(Envelope, A500sTextReachesOnlyThoseAllowedATraceback) {
  auto info = describe_error(std::make_exception_ptr(std::runtime_error("table tabX is locked")));
  ASSERT_EQ(info.status, Status::internal_server_error);
  for (bool v2 : {false, true}) {
    auto hidden = error_envelope(info, v2, false).body();
    EXPECT_EQ(hidden.find("tabX"), std::string::npos) << hidden;
    auto shown = error_envelope(info, v2, true).body();
    EXPECT_NE(shown.find("tabX"), std::string::npos) << shown;
  }
  auto body = Json::parse(error_envelope(info, false, false).body());
  EXPECT_EQ(body, Json({{"exc_type", "Exception"}}));
}

}  // namespace
}  // namespace quire::http
