#include "http/site_app.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "http/api_error.h"
#include "http/api_routes.h"
#include "http/request_data.h"
#include "http/routes.h"
#include "http/users.h"
#include "model/errors.h"
#include "model/transaction.h"

namespace quire::http {
namespace {

namespace bhttp = boost::beast::http;

long config_int(const nlohmann::json& config, const char* key, long fallback) {
  auto found = config.find(key);
  if (found == config.end() || !found->is_number_integer()) return fallback;
  return found->get<long>();
}

std::chrono::seconds session_lifetime(const nlohmann::json& config) {
  auto found = config.find("session_expiry");
  if (found != config.end() && found->is_string()) {
    if (auto seconds = parse_session_expiry(found->get<std::string>())) {
      return std::chrono::seconds(*seconds);
    }
  }
  return std::chrono::hours(240);
}

RateLimit login_limit_from(const nlohmann::json& config) {
  RateLimit rule;
  rule.limit = 60;
  rule.seconds = 60;
  auto found = config.find("login_rate_limit");
  if (found != config.end() && found->is_object()) {
    rule.limit = static_cast<int>(config_int(*found, "limit", rule.limit));
    rule.seconds = static_cast<int>(config_int(*found, "seconds", rule.seconds));
  }
  return rule;
}

[[noreturn]] void bad_token() {
  throw ApiError(Status::bad_request, "InvalidAuthorizationToken",
                 "Failed to decode token, please provide a valid base64-encoded token.");
}

std::string decode_base64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), " \t", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    bad_token();
  }
  out.resize(length);
  return out;
}

}  // namespace

SiteApp::SiteApp(Opener open, nlohmann::json config)
    : config_(std::move(config)),
      connections_(std::move(open)),
      login_guard_(static_cast<int>(config_int(config_, "allow_consecutive_login_attempts", 10)),
                   static_cast<int>(config_int(config_, "allow_login_after_fail", 60))),
      sessions_(session_lifetime(config_)),
      login_rate_limit_(login_limit_from(config_)) {
  register_user_controller(documents_.events);
  // Password fields are stored Fernet-encrypted under the site's key (sites
  // created before keys existed have none and keep storing them as given).
  if (config_.contains("encryption_key") && config_["encryption_key"].is_string()) {
    documents_.set_encryption_key(config_["encryption_key"].get<std::string>());
  }
  auto& db = connections_.get();
  SessionStore::ensure_table(db);
  documents_.load(db);
  model::Session session(db, documents_.metas, documents_.events);
  {
    model::Transaction tx(session);
    ensure_standard_users(session);
    tx.commit();
  }
  register_auth_methods(methods_);
  register_client_methods(methods_);
}

Identity SiteApp::authenticate(const Request& request, model::Session& session) const {
  Identity identity;
  auto header = to_std(request[bhttp::field::authorization]);
  if (!header.empty()) {
    auto space = header.find(' ');
    std::string type(header.substr(0, space));
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view token = space == std::string_view::npos ? "" : header.substr(space + 1);
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    std::string credentials;
    if (type == "token") {
      credentials = token;
      identity.via = AuthVia::token;
    } else if (type == "basic") {
      credentials = decode_base64(token);
      identity.via = AuthVia::basic;
    } else if (type == "bearer") {
      model::raise(model::ErrorKind::AuthenticationError,
                   "OAuth bearer tokens are not supported by this server");
    } else {
      throw ApiError(Status::bad_request, "InvalidAuthorizationPrefix",
                     "Invalid Authorization Type");
    }
    auto colon = credentials.find(':');
    if (colon == std::string::npos) {
      throw ApiError(Status::bad_request, "InvalidAuthorizationToken",
                     "Invalid Authorization Token: expected api_key:api_secret");
    }
    auto user = user_for_api_key(session, credentials.substr(0, colon),
                                 std::string_view(credentials).substr(colon + 1));
    if (!user) model::raise(model::ErrorKind::AuthenticationError, "Invalid API key or secret");
    identity.user = *user;
    return identity;
  }
  auto cookies = parse_cookies(to_std(request[bhttp::field::cookie]));
  if (auto sid = cookies.find("sid"); sid != cookies.end()) {
    if (auto stored = sessions_.resume(session.db, sid->second)) {
      identity.user = stored->user;
      identity.via = AuthVia::session_cookie;
      identity.sid = sid->second;
      identity.csrf_token = stored->csrf_token;
    }
  }
  return identity;
}

void SiteApp::add_routes(Router& router) {
  add_builtin_routes(router);
  add_method_routes(*this, router);
  add_resource_routes(*this, router);
  add_v2_routes(*this, router);
}

}  // namespace quire::http
