// /api/method/<cmd>, /api/v1/method/<cmd>, /api/v2/method/<cmd> and
// /api/v2/method/<doctype>/<method>: look the dotted name up in the site's
// Methods and apply Frappe's whitelist rules.

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

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

// Frappe's scrub(): "Sales Invoice" -> "sales_invoice".
std::string scrub(std::string_view text) {
  std::string out;
  for (char c : text) {
    out +=
        c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The dotted module of a DocType's controller, as Frappe's
// load_doctype_module names it: "<app>.<module>.doctype.<doctype>.<doctype>"
// ("frappe.desk.doctype.todo.todo"). quire has no apps: the modules of
// Frappe's own modules.txt belong to "frappe"; any other module is taken to
// be an app of its own name (what `bench new-app` makes: app
// "library_management" with module "Library Management").
std::string controller_module(model::Session& session, const std::string& doctype) {
  static const std::set<std::string, std::less<>> kFrappeModules = {
      "Core", "Website",      "Workflow", "Email",    "Custom", "Geo",
      "Desk", "Integrations", "Printing", "Contacts", "Social", "Automation"};
  auto meta = session.metas.get(doctype);  // DoesNotExistError "DocType X not found"
  const std::string module = meta->module.empty() ? "Core" : meta->module;
  const std::string app = kFrappeModules.contains(module) ? "frappe" : scrub(module);
  return app + "." + scrub(module) + ".doctype." + scrub(doctype) + "." + scrub(doctype);
}

}  // namespace

void add_method_routes(SiteApp& app, Router& router) {
  auto v1 = api_handler(
      app, [](ApiRequest& request) { return call_method(request, request.param(0)); },
      Envelope::v1_message);
  router.add_pattern("/api/method/{cmd}", v1);
  router.add_pattern("/api/v1/method/{cmd}", v1);
  // Frappe runs the method a request's `cmd` form field names
  // (frappe.handler.handle), as older clients send it to the site's root:
  // frappeclient.py's login, logout, get_request and post_request.
  router.add("/",
             api_handler(
                 app,
                 [](ApiRequest& request) {
                   auto cmd = request.args.find("cmd");
                   if (cmd == request.args.end() || !cmd->is_string()) {
                     model::raise(ErrorKind::DoesNotExistError, "Not found: /", "Not Found");
                   }
                   std::string name = cmd->get<std::string>();
                   request.args.erase(cmd);
                   return call_method(request, name);
                 },
                 Envelope::v1_message),
             Execution::worker_pool);
  router.add_pattern(
      "/api/v2/method/{cmd}",
      api_handler(
          app, [](ApiRequest& request) { return call_method(request, request.param(0)); },
          Envelope::v2));
  // Frappe's v2 handle_rpc_call(method, doctype): the method of the
  // DocType's controller module — a whitelisted function there, or an API
  // Server Script whose api_method is that dotted name.
  router.add_pattern("/api/v2/method/{doctype}/{method}",
                     api_handler(
                         app,
                         [](ApiRequest& request) {
                           return call_method(
                               request, controller_module(request.session, request.param(0)) + "." +
                                            request.param(1));
                         },
                         Envelope::v2));
  router.add("/api/v2/method/ping", [](const Request&) {
    return json_response(Status::ok, {{"data", "pong"}});
  });
}

}  // namespace quire::http
