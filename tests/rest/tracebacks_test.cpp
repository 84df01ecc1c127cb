// Tracebacks in error envelopes (spec §8.4; Frappe's report_error and
// is_traceback_allowed): v1 "exception" (the last traceback line) and "exc"
// (JSON text of the traceback list), v2 errors[].exception — for System
// Users while tracebacks are allowed on the site, never for 404s, Guests,
// Website Users or CSRF failures; and a 500's internals reach nobody else.

#include "python_traceback.h"
#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

const char* kBreaker =
    "values = {}\n"
    "frappe.response['message'] = values['missing']\n";

class Tracebacks : public ::testing::Test {
 protected:
  void start(bool allow = true) {
    server.enable_server_scripts();
    if (!allow) server.config("allow_error_traceback", 0);
    server.start();
    admin = std::make_unique<Client>(server.admin());
    auto created = admin->post_json("/api/resource/Server Script", {{"name", "breaker"},
                                                                    {"script_type", "API"},
                                                                    {"api_method", "t.breaker"},
                                                                    {"allow_guest", 1},
                                                                    {"script", kBreaker}});
    ASSERT_EQ(created.status, 200) << created.body;
  }
  std::unique_ptr<Client> login(const std::string& user, const std::string& password) {
    auto client = std::make_unique<Client>(server.client());
    auto r = client->login(user, password);
    EXPECT_EQ(r.status, 200) << r.body;
    return client;
  }
  RestServer server;
  std::unique_ptr<Client> admin;
};

void expect_no_traceback(const HttpResult& r) {
  EXPECT_FALSE(r.json.contains("exception")) << r.body;
  EXPECT_FALSE(r.json.contains("exc")) << r.body;
  if (r.json.contains("errors")) {
    EXPECT_FALSE(r.json["errors"][0].contains("exception")) << r.body;
  }
}

TEST_F(Tracebacks, SystemUsersGetTheExceptionLineAndExc) {
  start();
  auto r = admin->post_json("/api/resource/ToDo", {{"status", "Open"}});
  ASSERT_EQ(r.status, 417) << r.body;
  const std::string line = r.json["exception"].get<std::string>();
  EXPECT_TRUE(line.starts_with("frappe.exceptions.MandatoryError: ")) << r.body;
  auto exc = Json::parse(r.json["exc"].get<std::string>());
  ASSERT_EQ(exc.size(), 1u) << r.body;
  EXPECT_EQ(exc[0].get<std::string>().substr(exc[0].get<std::string>().rfind('\n') + 1), line);
  // A plain System User too (Frappe's is_system_user), and v2 puts it in errors.
  server.add_user("sam@example.com", "sam-pass", {});
  auto sam = login("sam@example.com", "sam-pass");
  auto v2 = sam->post_json("/api/v2/document/ToDo", {{"status", "Open"}});
  ASSERT_EQ(v2.status, 417) << v2.body;
  EXPECT_TRUE(v2.json["errors"][0]["exception"].get<std::string>().ends_with(
      v2.json["errors"][0]["message"].get<std::string>()))
      << v2.body;
}

TEST_F(Tracebacks, AScriptErrorCarriesTheScriptsTracebackAsCPythonWordsIt) {
  start();
  auto expected = python_error(server.dir(), "<serverscript>: breaker", kBreaker);
  ASSERT_FALSE(expected.file_line.empty());
  auto r = admin->get("/api/method/t.breaker");
  ASSERT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(r.json["exc_type"], "KeyError") << r.body;
  EXPECT_EQ(r.json["exception"], expected.last_line) << r.body;
  auto exc = Json::parse(r.json["exc"].get<std::string>());
  ASSERT_EQ(exc.size(), 1u);
  EXPECT_NE(exc[0].get<std::string>().find(expected.file_line), std::string::npos)
      << "want: " << expected.file_line << "\nin: " << exc[0];
  // v2: the whole traceback is the error's exception.
  auto v2 = admin->get("/api/v2/method/t.breaker");
  ASSERT_EQ(v2.status, 500) << v2.body;
  EXPECT_NE(v2.json["errors"][0]["exception"].get<std::string>().find(expected.file_line),
            std::string::npos)
      << v2.body;
}

TEST_F(Tracebacks, GuestsWebsiteUsersAnd404sGetNone) {
  start();
  // Guest: the class only, and a 500 tells nothing of the script.
  Client guest = server.client();
  auto script = guest.get("/api/method/t.breaker");
  EXPECT_EQ(script.status, 500) << script.body;
  expect_no_traceback(script);
  EXPECT_EQ(script.body.find("missing"), std::string::npos) << script.body;
  EXPECT_EQ(script.json, Json({{"exc_type", "KeyError"}})) << script.body;
  auto forbidden = guest.get("/api/resource/ToDo");
  EXPECT_EQ(forbidden.status, 403) << forbidden.body;
  expect_no_traceback(forbidden);
  EXPECT_FALSE(forbidden.server_message().empty()) << "the message itself is still sent";
  // A Website User.
  server.add_user("web@example.com", "web-pass", {});
  ASSERT_EQ(
      admin->put_json("/api/resource/User/web@example.com", {{"user_type", "Website User"}}).status,
      200);
  auto web = login("web@example.com", "web-pass");
  auto bad = web->post_json("/api/resource/ToDo", {{"status", "Open"}});
  EXPECT_EQ(bad.status / 100, 4) << bad.body;
  expect_no_traceback(bad);
  // 404s stay bare even for Administrator.
  auto missing = admin->get("/api/resource/ToDo/no-such-todo");
  EXPECT_EQ(missing.status, 404) << missing.body;
  expect_no_traceback(missing);
}

TEST_F(Tracebacks, ACsrfFailureNeverCarriesOne) {
  start();
  auto token = admin->get("/api/method/quire.auth.get_csrf_token");
  ASSERT_EQ(token.status, 200) << token.body;
  auto refused = admin->post_json("/api/resource/ToDo", {{"description", "no token"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.exc_type(), "CSRFTokenError");
  expect_no_traceback(refused);
}

TEST_F(Tracebacks, TheSiteCanTurnThemOff) {
  start(false);
  auto r = admin->post_json("/api/resource/ToDo", {{"status", "Open"}});
  EXPECT_EQ(r.status, 417) << r.body;
  expect_no_traceback(r);
  auto script = admin->get("/api/method/t.breaker");
  EXPECT_EQ(script.status, 500) << script.body;
  EXPECT_EQ(script.body.find("missing"), std::string::npos) << script.body;
}

}  // namespace
}  // namespace quire::rest_testing
