#include "http/api.h"

#include <cstdio>

#include "model/time_zone.h"

#include "http/api_error.h"
#include "http/envelope.h"
#include "http/json_response.h"
#include "http/request_data.h"
#include "http/site_app.h"
#include "http/traceback_policy.h"
#include "http/users.h"
#include "model/transaction.h"

namespace quire::http {
namespace {

namespace bhttp = boost::beast::http;
using Json = nlohmann::json;

bool is_write(bhttp::verb verb) {
  return verb == bhttp::verb::post || verb == bhttp::verb::put || verb == bhttp::verb::patch ||
         verb == bhttp::verb::delete_;
}

bool truthy(const Json& config, const char* key) {
  auto found = config.find(key);
  if (found == config.end()) return false;
  if (found->is_boolean()) return found->get<bool>();
  if (found->is_number()) return found->get<double>() != 0;
  return false;
}

// Frappe's validate_csrf_token: writes through a browser session that has a
// CSRF token must repeat it (header, or the csrf_token form field). Token and
// Basic auth carry no session and are not checked; nor is a session that
// never asked for a token (REST clients that logged in with
// /api/method/login).
void check_csrf(const ApiRequest& request, Json& args) {
  if (!is_write(request.http.method())) return;
  Json from_form;
  if (auto found = args.find("csrf_token"); found != args.end()) {
    from_form = *found;
    args.erase(found);
  }
  if (request.identity.via != AuthVia::session_cookie || request.identity.csrf_token.empty())
    return;
  if (truthy(request.app.config(), "ignore_csrf")) return;
  std::string sent(to_std(request.http["X-Frappe-CSRF-Token"]));
  if (sent.empty() && from_form.is_string()) sent = from_form.get<std::string>();
  if (sent != request.identity.csrf_token) {
    throw ApiError(Status::bad_request, "CSRFTokenError", "Invalid Request");
  }
}

// A GET's work is rolled back (Frappe commits only writes, unless the
// handler sets flags.commit); a deferred BEGIN keeps reads in parallel while
// giving the request one consistent snapshot.
Json run_read_only(model::Session& session, const std::function<Json()>& body, const Reply& reply) {
  session.db.execute("BEGIN");
  session.transaction_depth = 1;
  auto finish = [&](bool commit) {
    session.transaction_depth = 0;
    if (commit) {
      session.db.commit();
      auto callbacks = std::move(session.after_commit);
      session.after_commit.clear();
      session.after_rollback.clear();
      for (auto& callback : callbacks) callback();
      return;
    }
    try {
      session.db.rollback();
    } catch (...) {
    }
    auto undo = std::move(session.after_rollback);
    session.after_rollback.clear();
    session.after_commit.clear();
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
      try {
        (*it)();
      } catch (...) {
      }
    }
  };
  Json value;
  try {
    value = body();
  } catch (...) {
    finish(false);
    throw;
  }
  if (reply.commit) {
    try {
      finish(true);
    } catch (...) {
      finish(false);
      throw;
    }
  } else {
    finish(false);
  }
  return value;
}

Json run_writing(model::Session& session, const std::function<Json()>& body) {
  model::Transaction tx(session);
  Json value = body();
  tx.commit();
  return value;
}

// A 500's text reaches the client only with a traceback (traceback_policy.h):
// the operator finds it on the server's standard error.
void log_internal_error(const Request& http, const ErrorInfo& error) {
  std::string line = "quire: 500 " + error.exc_type + " on " +
                     std::string(to_std(http.method_string())) + " " +
                     std::string(to_std(http.target())) + ": " + error.message + "\n";
  if (!error.traceback.empty()) line += error.traceback + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

Response build(const Reply& reply, Envelope envelope, Json value) {
  Json body = reply.body;
  if (envelope == Envelope::v1_message) {
    if (!value.is_null()) body["message"] = std::move(value);
  } else {
    body["data"] = std::move(value);
  }
  return json_response(reply.status, body);
}

}  // namespace

Router::Handler api_handler(SiteApp& app, ApiFunction fn, Envelope envelope,
                            std::optional<RateLimit> rate_limit) {
  return [&app, fn = std::move(fn), envelope, rate_limit](const Request& http,
                                                          const RouteContext& route) -> Response {
    Reply reply;
    Response response;
    std::string acting_user = "Guest";
    try {
      Json args = form_dict(http);
      model::Session session(app.connection(), app.metas(), app.events());
      model::use_site_time_zone(session);
      Identity identity = app.authenticate(http, session);
      act_as(session, identity.user);
      acting_user = identity.user;
      if (rate_limit) {
        std::string verb(to_std(http.method_string()));
        app.rate_limiter().enforce(*rate_limit, path_of(to_std(http.target())),
                                   verb == "HEAD" ? "GET" : verb, route.remote_ip, args);
      }
      ApiRequest request{app,     http,     route, std::move(args),
                         session, identity, reply, envelope == Envelope::v2};
      check_csrf(request, request.args);
      auto body = [&] {
        const auto& wrapper = app.request_wrapper();
        return wrapper ? wrapper(request, [&] { return fn(request); }) : fn(request);
      };
      Json value = is_write(http.method()) ? run_writing(session, body)
                                           : run_read_only(session, body, reply);
      response = build(reply, envelope, std::move(value));
    } catch (...) {
      ErrorInfo error = describe_error(std::current_exception());
      if (error.status == Status::internal_server_error) log_internal_error(http, error);
      response = error_envelope(error, envelope == Envelope::v2,
                                traceback_allowed(app, acting_user, error));
      // What the handler put in frappe.response before failing stays (a
      // failed login's "message": "Incorrect password"); _server_messages set
      // by a request wrapper (the messages logged before the error, as
      // Frappe keeps them) replaces the envelope's single message.
      if (!reply.body.empty()) {
        Json body = Json::parse(response.body());
        for (auto& [key, value] : reply.body.items()) {
          if (!body.contains(key) || key == "_server_messages") body[key] = value;
        }
        response.body() = body.dump(-1, ' ', false, Json::error_handler_t::replace);
      }
    }
    for (const auto& cookie : reply.set_cookies) response.insert(bhttp::field::set_cookie, cookie);
    return response;
  };
}

}  // namespace quire::http
