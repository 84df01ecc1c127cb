// login, logout and the other authentication methods (spec §8.1).

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/document_api.h"
#include "http/request_data.h"
#include "http/routes.h"
#include "http/site_app.h"
#include "http/users.h"
#include "model/coercion.h"
#include "model/db_api.h"
#include "model/errors.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;
using model::ErrorKind;

std::string cookie(const std::string& name, const std::string& value, long max_age,
                   bool http_only) {
  std::string out =
      name + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age) + "; SameSite=Lax";
  if (http_only) out += "; HttpOnly";
  return out;
}

// Cookie values must not carry separators; names are user-chosen text.
std::string cookie_safe(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c <= 0x20 || c == ';' || c == ',' || c == '"' || c == '\\' || c == '%' || c >= 0x7f) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

[[noreturn]] void fail_login(ApiRequest& request, const std::string& message) {
  request.reply.body["message"] = message;
  model::raise(ErrorKind::AuthenticationError, message);
}

Json login(ApiRequest& request) {
  request.reply.commit = true;
  auto& app = request.app;
  app.rate_limiter().enforce(app.login_rate_limit(), "login", "POST", request.route.remote_ip,
                             request.args);
  auto usr = string_arg(request.args, "usr");
  auto pwd = string_arg(request.args, "pwd");
  if (!usr || !pwd || usr->empty() || pwd->empty()) fail_login(request, "Incomplete login details");
  auto user = find_login_user(request.session, *usr);
  if (!user || *user == "Guest") fail_login(request, "Invalid login credentials");
  app.login_guard().check(*user);
  if (!user_enabled(request.session, *user)) fail_login(request, "User disabled or missing");
  if (!check_user_password(request.session, *user, *pwd)) {
    app.login_guard().failed(*user);
    fail_login(request, "Incorrect password");
  }
  app.login_guard().succeeded(*user);
  std::string sid =
      app.sessions().create(request.session.db, *user, std::string(request.route.remote_ip));
  act_as(request.session, *user);
  std::string full_name = user_full_name(request.session, *user);
  auto user_type = model::get_value(request.session, "User", *user, "user_type");
  bool website_user = model::cstr(user_type) == "Website User";
  long max_age = static_cast<long>(app.sessions().lifetime().count());
  auto& cookies = request.reply.set_cookies;
  cookies.push_back(cookie("sid", sid, max_age, true));
  cookies.push_back(cookie("system_user", website_user ? "no" : "yes", max_age, false));
  cookies.push_back(cookie("full_name", cookie_safe(full_name), max_age, false));
  cookies.push_back(cookie("user_id", cookie_safe(*user), max_age, false));
  cookies.push_back(cookie("user_image", "", max_age, false));
  request.reply.body["home_page"] = website_user ? "/me" : "/app";
  request.reply.body["full_name"] = full_name;
  return website_user ? "No App" : "Logged In";
}

Json logout(ApiRequest& request) {
  request.reply.commit = true;
  if (request.identity.via == AuthVia::session_cookie) {
    request.app.sessions().destroy(request.session.db, request.identity.sid);
  }
  for (const char* name : {"sid", "system_user", "full_name", "user_id", "user_image"}) {
    request.reply.set_cookies.push_back(cookie(name, "", 0, std::string(name) == "sid"));
  }
  return nullptr;
}

Json get_csrf_token(ApiRequest& request) {
  if (request.identity.via != AuthVia::session_cookie) {
    model::raise(ErrorKind::ValidationError,
                 "A CSRF token belongs to a browser session: log in with /api/method/login first");
  }
  request.reply.commit = true;
  return request.app.sessions().csrf_token(request.session.db, request.identity.sid);
}

Json generate_keys(ApiRequest& request) {
  if (!request.session.is_administrator() && !request.session.has_role("System Manager")) {
    model::raise(ErrorKind::PermissionError, "You are not permitted to access this resource.",
                 "Not Permitted");
  }
  std::string user = required_string(request.args, "user");
  auto keys = generate_api_keys(request.session, user);
  return {{"api_key", keys.api_key}, {"api_secret", keys.api_secret}};
}

}  // namespace

void register_auth_methods(Methods& methods) {
  methods.add("login", whitelisted(login, true));
  methods.add("logout", whitelisted(logout, true));
  methods.add("frappe.auth.get_logged_user",
              whitelisted([](ApiRequest& request) -> Json { return request.session.user; }));
  methods.add("quire.auth.get_csrf_token", whitelisted(get_csrf_token));
  methods.add("frappe.core.doctype.user.user.generate_keys", whitelisted(generate_keys));
}

}  // namespace quire::http
