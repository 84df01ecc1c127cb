#pragma once

#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "db/connection_per_thread.h"
#include "http/api.h"
#include "http/auth_sessions.h"
#include "http/methods.h"
#include "http/rate_limit.h"
#include "http/router.h"
#include "model/events.h"
#include "model/meta_store.h"
#include "site/site_documents.h"

namespace quire::http {

// One site as the REST API serves it: a database connection per worker
// thread, the site's DocTypes and event hooks, the whitelisted methods, the
// login sessions, rate limits and the login lockout.
//
// Site config keys read here (Frappe's names where Frappe has one):
//   session_expiry                    "HH:MM", default "240:00"
//   allow_consecutive_login_attempts  failures before a lockout (default 10; 0 = never)
//   allow_login_after_fail            lockout seconds (default 60)
//   login_rate_limit                  {"limit": n, "seconds": s}: login calls per
//                                     client address (default 60 per 60 s)
//   ignore_csrf                       truthy: no CSRF check (Frappe's flag)
class SiteApp {
 public:
  using Opener = std::function<std::unique_ptr<db::Database>()>;

  // Prepares the site on the calling thread: the session table, the core
  // DocTypes (model::install_core, idempotent), the site's DocTypes, the
  // Administrator and Guest users; registers the built-in methods.
  SiteApp(Opener open, nlohmann::json config);
  SiteApp(const SiteApp&) = delete;
  SiteApp& operator=(const SiteApp&) = delete;

  // The calling thread's connection.
  db::Database& connection() { return connections_.get(); }
  model::MetaStore& metas() { return documents_.metas; }
  model::EventRegistry& events() { return documents_.events; }
  // The site's metadata and hooks, to share with other layers of the same
  // process (jobs, scripts).
  site::SiteDocuments& documents() { return documents_; }
  Methods& methods() { return methods_; }
  RateLimiter& rate_limiter() { return rate_limiter_; }
  LoginGuard& login_guard() { return login_guard_; }
  const SessionStore& sessions() const { return sessions_; }
  const nlohmann::json& config() const { return config_; }
  const RateLimit& login_rate_limit() const { return login_rate_limit_; }
  // Set before the server starts (api.h).
  void set_request_wrapper(RequestWrapper wrapper) { request_wrapper_ = std::move(wrapper); }
  const RequestWrapper& request_wrapper() const { return request_wrapper_; }

  // Who the request is from: Authorization header (token / Basic) first,
  // else the sid cookie, else Guest. Throws ApiError / FrappeError for a
  // malformed or wrong credential (a stale sid just means Guest).
  Identity authenticate(const Request& request, model::Session& session) const;

  // Every /api route: ping, /api/method/*, /api/resource/*, the same under
  // /api/v1/, and /api/v2/.
  void add_routes(Router& router);

 private:
  nlohmann::json config_;
  db::ConnectionPerThread connections_;
  site::SiteDocuments documents_;
  Methods methods_;
  RateLimiter rate_limiter_;
  LoginGuard login_guard_;
  SessionStore sessions_;
  RateLimit login_rate_limit_;
  RequestWrapper request_wrapper_;
};

}  // namespace quire::http
