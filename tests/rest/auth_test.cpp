// Authentication over real HTTP: login/logout with the sid cookie, API keys
// (token and Basic), CSRF for browser sessions, the login lockout and rate
// limit, and the user CLI commands (spec §8.1).

#include <sqlite3.h>

#include "rest_fixture.h"

namespace quire::rest_testing {
namespace {

std::string base64(const std::string& text) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    unsigned v =
        (unsigned char)text[i] << 16 | (unsigned char)text[i + 1] << 8 | (unsigned char)text[i + 2];
    for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
  }
  if (i + 1 == text.size()) {
    unsigned v = (unsigned char)text[i] << 16;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == text.size()) {
    unsigned v = (unsigned char)text[i] << 16 | (unsigned char)text[i + 1] << 8;
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += table[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// One value from the site database, read with SQLite directly.
std::string sql_value(const std::filesystem::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* statement = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0)) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

class Auth : public ::testing::Test {
 protected:
  void start() {
    server.start();
    server.add_user("plain@example.com", "plain-pass-1", {});
  }
  std::filesystem::path db_path() const {
    return server.dir() / "sites" / "test.local" / "site.db";
  }
  RestServer server;
};

TEST_F(Auth, LoginSetsTheSidCookieAndAnswersAsFrappe) {
  start();
  auto client = server.client();
  auto r = client.login("Administrator", kAdminPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["message"], "Logged In");
  EXPECT_EQ(r.json["home_page"], "/app");
  EXPECT_EQ(r.json["full_name"], "Administrator");
  ASSERT_TRUE(client.cookies.count("sid"));
  EXPECT_EQ(client.cookies["system_user"], "yes");
  EXPECT_EQ(client.cookies["user_id"], "Administrator");
  bool http_only = false;
  for (const auto& c : r.set_cookies) {
    if (c.starts_with("sid=")) http_only = c.find("HttpOnly") != std::string::npos;
  }
  EXPECT_TRUE(http_only);
  EXPECT_EQ(client.get("/api/method/frappe.auth.get_logged_user").json["message"], "Administrator");
  // The session lives in the database, stored as a hash of the sid.
  EXPECT_NE(sql_value(db_path(), "SELECT count(*) FROM __Sessions WHERE user = 'Administrator'"),
            "0");
  EXPECT_EQ(sql_value(db_path(), "SELECT count(*) FROM __Sessions WHERE sid_hash = '" +
                                     client.cookies["sid"] + "'"),
            "0");
}

TEST_F(Auth, FormEncodedLoginAndLoginByEmail) {
  start();
  auto client = server.client();
  auto r = client.post_form("/api/method/login",
                            {{"usr", "plain@example.com"}, {"pwd", "plain-pass-1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(client.get("/api/method/frappe.auth.get_logged_user").json["message"],
            "plain@example.com");
}

TEST_F(Auth, WrongPasswordIs401WithFrappesMessage) {
  start();
  auto client = server.client();
  auto r = client.login("Administrator", "wrong");
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(r.exc_type(), "AuthenticationError");
  EXPECT_EQ(r.json["message"], "Incorrect password");
  EXPECT_FALSE(client.cookies.count("sid"));
  EXPECT_EQ(client.login("nobody@example.com", "x").status, 401);
  EXPECT_EQ(client.post_json("/api/method/login", {{"usr", "Administrator"}}).status, 401);
}

TEST_F(Auth, LogoutEndsTheSession) {
  start();
  auto client = server.admin();
  std::string sid = client.cookies["sid"];
  auto out = client.post_json("/api/method/logout", Json::object());
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_FALSE(client.cookies.count("sid"));
  // The old sid is worth nothing now: the request is a Guest's.
  auto stale = server.client();
  stale.cookies["sid"] = sid;
  auto r = stale.get("/api/method/frappe.auth.get_logged_user");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(stale.get("/api/resource/ToDo").status, 403);
}

TEST_F(Auth, DisablingAUserEndsTheirSessionsAndLogins) {
  start();
  auto plain = server.client();
  ASSERT_EQ(plain.login("plain@example.com", "plain-pass-1").status, 200);
  auto admin = server.admin();
  auto disabled = admin.put_json("/api/resource/User/plain@example.com", {{"enabled", 0}});
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(plain.get("/api/method/frappe.auth.get_logged_user").status, 403);
  auto again = server.client().login("plain@example.com", "plain-pass-1");
  EXPECT_EQ(again.status, 401) << again.body;
  EXPECT_EQ(again.json["message"], "User disabled or missing");
}

TEST_F(Auth, GuestsMayCallOnlyGuestMethods) {
  start();
  auto guest = server.client();
  auto r = guest.get("/api/method/frappe.auth.get_logged_user");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.exc_type(), "PermissionError");
  EXPECT_NE(r.server_message().find("is not whitelisted"), std::string::npos) << r.body;
  EXPECT_EQ(guest.get("/api/method/ping").json["message"], "pong");
  EXPECT_EQ(guest.post_json("/api/method/logout", Json::object()).status, 200);
}

TEST_F(Auth, ApiKeysWorkAsTokenAndBasic) {
  start();
  auto admin = server.admin();
  auto keys = admin.post_json("/api/method/frappe.core.doctype.user.user.generate_keys",
                              {{"user", "plain@example.com"}});
  ASSERT_EQ(keys.status, 200) << keys.body;
  std::string key = keys.json["message"]["api_key"], secret = keys.json["message"]["api_secret"];

  auto token = server.client();
  token.headers["Authorization"] = "token " + key + ":" + secret;
  EXPECT_EQ(token.get("/api/method/frappe.auth.get_logged_user").json["message"],
            "plain@example.com");
  auto basic = server.client();
  basic.headers["Authorization"] = "Basic " + base64(key + ":" + secret);
  EXPECT_EQ(basic.get("/api/method/frappe.auth.get_logged_user").json["message"],
            "plain@example.com");

  // The secret is stored hashed, never as given.
  auto stored = sql_value(db_path(),
                          "SELECT password FROM __Auth WHERE doctype = 'User' AND "
                          "name = 'plain@example.com' AND fieldname = 'api_secret'");
  EXPECT_TRUE(stored.starts_with("sha256$")) << stored;
  EXPECT_EQ(stored.find(secret), std::string::npos);

  auto wrong = server.client();
  wrong.headers["Authorization"] = "token " + key + ":nope";
  auto w = wrong.get("/api/method/frappe.auth.get_logged_user");
  EXPECT_EQ(w.status, 401) << w.body;
  EXPECT_EQ(w.exc_type(), "AuthenticationError");
  auto undecodable = server.client();
  undecodable.headers["Authorization"] = "Basic %%%not-base64";
  auto u = undecodable.get("/api/method/frappe.auth.get_logged_user");
  EXPECT_EQ(u.status, 400) << u.body;
  EXPECT_EQ(u.exc_type(), "InvalidAuthorizationToken");
  EXPECT_EQ(u.server_message(),
            "Failed to decode token, please provide a valid base64-encoded token.");
  auto no_colon = server.client();
  no_colon.headers["Authorization"] = "token justakey";
  EXPECT_EQ(no_colon.get("/api/resource/ToDo").status, 400);
  auto odd = server.client();
  odd.headers["Authorization"] = "Digest abc";
  EXPECT_EQ(odd.get("/api/resource/ToDo").status, 400);

  // A new secret replaces the old one.
  auto again = admin.post_json("/api/method/frappe.core.doctype.user.user.generate_keys",
                               {{"user", "plain@example.com"}});
  EXPECT_EQ(again.json["message"]["api_key"], key);
  EXPECT_EQ(token.get("/api/method/frappe.auth.get_logged_user").status, 401);
}

TEST_F(Auth, OnlySystemManagersGenerateKeys) {
  start();
  auto plain = server.client();
  ASSERT_EQ(plain.login("plain@example.com", "plain-pass-1").status, 200);
  auto r = plain.post_json("/api/method/frappe.core.doctype.user.user.generate_keys",
                           {{"user", "plain@example.com"}});
  EXPECT_EQ(r.status, 403) << r.body;
}

TEST_F(Auth, CsrfTokenIsRequiredOnceTheSessionHasOne) {
  start();
  auto browser = server.admin();
  // A REST client that logged in has no token yet: writes pass.
  EXPECT_EQ(browser.post_json("/api/resource/ToDo", {{"description", "no token yet"}}).status, 200);
  auto token = browser.get("/api/method/quire.auth.get_csrf_token");
  ASSERT_EQ(token.status, 200) << token.body;
  std::string csrf = token.json["message"];
  EXPECT_EQ(csrf.size(), 32u);
  EXPECT_EQ(browser.get("/api/method/quire.auth.get_csrf_token").json["message"], csrf);

  auto refused = browser.post_json("/api/resource/ToDo", {{"description", "forged"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.exc_type(), "CSRFTokenError");
  EXPECT_EQ(refused.server_message(), "Invalid Request");
  auto wrong = browser.send(bhttp::verb::post, "/api/resource/ToDo", R"({"description":"x"})",
                            "application/json", {{"X-Frappe-CSRF-Token", "wrong"}});
  EXPECT_EQ(wrong.status, 400);
  auto ok = browser.send(bhttp::verb::post, "/api/resource/ToDo", R"({"description":"x"})",
                         "application/json", {{"X-Frappe-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  auto form = browser.post_form("/api/resource/ToDo",
                                {{"data", R"({"description":"form"})"}, {"csrf_token", csrf}});
  EXPECT_EQ(form.status, 200) << form.body;
  // Reads need no token.
  EXPECT_EQ(browser.get("/api/resource/ToDo").status, 200);
  // Nothing forged was written.
  auto listed = browser.get("/api/resource/ToDo?fields=" + q(R"(["description"])") + "&limit=0");
  for (const auto& row : listed.json["data"]) EXPECT_NE(row["description"], "forged");
}

TEST_F(Auth, RepeatedFailuresLockTheAccount) {
  server.config("allow_consecutive_login_attempts", 3);
  server.config("allow_login_after_fail", 3600);
  start();
  auto client = server.client();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.login("plain@example.com", "bad").status, 401);
  auto locked = client.login("plain@example.com", "plain-pass-1");
  EXPECT_EQ(locked.status, 401) << locked.body;
  EXPECT_NE(locked.server_message().find("Your account has been locked"), std::string::npos)
      << locked.body;
  // Other users are not affected.
  EXPECT_EQ(client.login("Administrator", kAdminPassword).status, 200);
}

TEST_F(Auth, LoginCallsAreRateLimitedPerAddress) {
  server.config("login_rate_limit", Json{{"limit", 3}, {"seconds", 3600}});
  server.start();
  auto client = server.client();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.login("Administrator", "bad").status, 401);
  auto limited = client.login("Administrator", kAdminPassword);
  EXPECT_EQ(limited.status, 417) << limited.body;
  EXPECT_EQ(limited.exc_type(), "RateLimitExceededError");
}

TEST_F(Auth, CliAddsUsersSetsPasswordsAndGeneratesKeys) {
  start();
  auto added = server.run({"add-user", "cli@example.com", "--first-name", "Cli", "--password",
                           "first-pass", "--roles", "System Manager"});
  ASSERT_EQ(added.code, 0) << added.err;
  auto client = server.client();
  auto login = client.login("cli@example.com", "first-pass");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json["full_name"], "Cli");
  // New passwords are argon2id hashes.
  auto hash = sql_value(db_path(),
                        "SELECT password FROM __Auth WHERE name = 'cli@example.com' "
                        "AND fieldname = 'password'");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  // Administrator's (from new-site) is Frappe's pbkdf2 form, and still logs in.
  EXPECT_TRUE(sql_value(db_path(),
                        "SELECT password FROM __Auth WHERE name = 'Administrator' "
                        "AND fieldname = 'password'")
                  .starts_with("$pbkdf2-sha256$"));

  auto set = server.run({"set-password", "cli@example.com"}, {"QUIRE_PASSWORD=second-pass"});
  ASSERT_EQ(set.code, 0) << set.err;
  EXPECT_EQ(server.client().login("cli@example.com", "first-pass").status, 401);
  EXPECT_EQ(server.client().login("cli@example.com", "second-pass").status, 200);

  auto keys = server.run({"generate-api-key", "cli@example.com"});
  ASSERT_EQ(keys.code, 0) << keys.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(keys.out, m, std::regex("api_key: (\\w+)\napi_secret: (\\w+)")))
      << keys.out;
  auto token = server.client();
  token.headers["Authorization"] = "token " + m[1].str() + ":" + m[2].str();
  EXPECT_EQ(token.get("/api/method/frappe.auth.get_logged_user").json["message"],
            "cli@example.com");

  auto duplicate = server.run({"add-user", "cli@example.com"});
  EXPECT_NE(duplicate.code, 0);
  EXPECT_NE(duplicate.err.find("must be unique"), std::string::npos) << duplicate.err;
  auto unknown = server.run({"set-password", "ghost@example.com", "--password", "x"});
  EXPECT_NE(unknown.code, 0);
}

}  // namespace
}  // namespace quire::rest_testing
