#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/rate_limit.h"
#include "http/router.h"
#include "http/types.h"
#include "model/session.h"

namespace quire::http {

class SiteApp;

// How the caller proved who they are.
enum class AuthVia { guest, session_cookie, token, basic };

struct Identity {
  std::string user = "Guest";
  AuthVia via = AuthVia::guest;
  // For session_cookie: the sid and the session's CSRF token ("" = none yet).
  std::string sid;
  std::string csrf_token;
};

// What a handler builds besides its return value.
struct Reply {
  Status status = Status::ok;
  // Extra envelope keys (Frappe's frappe.response): "docs", "home_page"...
  nlohmann::json body = nlohmann::json::object();
  std::vector<std::string> set_cookies;
  // Frappe's frappe.local.flags.commit: commit even though the verb is GET
  // (login and logout change the session table whatever the verb).
  bool commit = false;
};

// Everything a REST handler sees.
struct ApiRequest {
  SiteApp& app;
  const Request& http;
  const RouteContext& route;
  // Frappe's form_dict (see request_data.h).
  nlohmann::json args;
  model::Session& session;
  Identity& identity;
  Reply& reply;
  bool v2 = false;

  std::string verb() const { return std::string(to_std(http.method_string())); }
  const std::string& param(size_t i) const { return route.params.at(i); }
};

// Which envelope a route answers with: v1 methods put the value under
// "message" (left out when null); v1 resources and every v2 route under
// "data"; errors are v1's exc_type/_server_messages or v2's errors list.
enum class Envelope { v1_message, v1_data, v2 };

using ApiFunction = std::function<nlohmann::json(ApiRequest&)>;

// Runs around every API call, inside its transaction: how a later layer
// keeps per-request state for the call (the scripting layer's msgprint log,
// sent back as _server_messages in `request.reply.body`). It must call `call`
// and return its value.
using RequestWrapper =
    std::function<nlohmann::json(ApiRequest& request, const std::function<nlohmann::json()>& call)>;

// Wraps `fn` as a router handler that does what every API request needs, in
// Frappe's order: parse form_dict; authenticate (sid cookie, token, Basic);
// check the CSRF token of cookie sessions on writes; run `fn` in one
// transaction — committed for POST/PUT/PATCH/DELETE when it succeeds, rolled
// back for GET/HEAD (spec §8.4) and on any error; then build the envelope.
// Every exception becomes Frappe's error envelope with its class's status;
// only unexpected ones are 500s.
//
// `rate_limit` is Frappe's @rate_limit for the whole route (spec §11):
// checked once the caller is known, before `fn`, counting per request path
// ("rl:<path>:<ip>[:<form_dict[key]>]"); over the limit the request fails
// with RateLimitExceededError (417) and `fn` does not run. Methods under
// /api/method carry their own (Method::rate_limit, methods.h), which is what
// API Server Scripts' enable_rate_limit sets.
Router::Handler api_handler(SiteApp& app, ApiFunction fn, Envelope envelope,
                            std::optional<RateLimit> rate_limit = std::nullopt);

}  // namespace quire::http
