// /api/method/<cmd>, /api/v1/method/<cmd> and /api/v2/method/<cmd>: look the
// dotted name up in the site's Methods and apply Frappe's whitelist rules.

#include <algorithm>

#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/json_response.h"
#include "http/routes.h"
#include "http/site_app.h"
#include "model/errors.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;
using model::ErrorKind;

Json call_method(ApiRequest& request, const std::string& name) {
  auto method = request.app.methods().find(name, request.session);
  if (!method) {
    model::raise(ErrorKind::DoesNotExistError, "Method " + name + " not found", "Not Found");
  }
  if (request.session.user == "Guest" && !method->allow_guest) {
    model::raise(ErrorKind::PermissionError,
                 "<details><summary>You are not permitted to access this resource. Login to "
                 "access</summary>Function <strong>" +
                     name + "</strong> is not whitelisted.</details>",
                 "Method Not Allowed");
  }
  std::string verb = request.verb();
  if (verb == "HEAD") verb = "GET";
  static const std::vector<std::string> kDefaultVerbs = {"GET", "POST", "PUT", "DELETE"};
  const auto& verbs = method->verbs.empty() ? kDefaultVerbs : method->verbs;
  if (std::find(verbs.begin(), verbs.end(), verb) == verbs.end()) {
    model::raise(ErrorKind::PermissionError, "Not permitted");
  }
  if (method->rate_limit) {
    request.app.rate_limiter().enforce(*method->rate_limit, name, verb, request.route.remote_ip,
                                       request.args);
  }
  return method->run(request);
}

}  // namespace

void add_method_routes(SiteApp& app, Router& router) {
  auto v1 = api_handler(
      app, [](ApiRequest& request) { return call_method(request, request.param(0)); },
      Envelope::v1_message);
  router.add_pattern("/api/method/{cmd}", v1);
  router.add_pattern("/api/v1/method/{cmd}", v1);
  router.add_pattern(
      "/api/v2/method/{cmd}",
      api_handler(
          app, [](ApiRequest& request) { return call_method(request, request.param(0)); },
          Envelope::v2));
  router.add("/api/v2/method/ping", [](const Request&) {
    return json_response(Status::ok, {{"data", "pong"}});
  });
}

}  // namespace quire::http
