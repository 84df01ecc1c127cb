#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/rate_limit.h"
#include "model/session.h"

namespace quire::http {

struct ApiRequest;

// One callable of /api/method/<name> (and /api/v2/method/<name>): Frappe's
// @frappe.whitelist(allow_guest=..., methods=[...]) plus an optional
// @rate_limit.
//
// `run` receives the request (form_dict in `args`, the acting user in
// `session`, the response being built in `reply`) and returns the value that
// becomes "message" (v1) or "data" (v2); null leaves the key out. It may also
// write other keys into `reply.body` (Frappe's frappe.response), set cookies
// or a status. It runs inside the request's transaction: a throw rolls back.
struct Method {
  std::function<nlohmann::json(ApiRequest&)> run;
  bool allow_guest = false;
  // HTTP verbs allowed; empty means Frappe's default GET, POST, PUT, DELETE.
  std::vector<std::string> verbs;
  std::optional<RateLimit> rate_limit;
};

// A Method with Frappe's defaults (every verb but PATCH, no rate limit).
inline Method whitelisted(std::function<nlohmann::json(ApiRequest&)> run,
                          bool allow_guest = false) {
  Method method;
  method.run = std::move(run);
  method.allow_guest = allow_guest;
  return method;
}

// The dotted names the API answers. Built-in methods are added at start-up;
// later layers add resolvers:
//
//   methods.add_resolver([&](std::string_view name, model::Session& session)
//                            -> std::optional<Method> { ... });
//
// A resolver is asked about every name, in the order they were added, BEFORE
// the built-in table (`Priority::before_builtins`, the default) — Frappe looks
// API server scripts up before whitelisted functions, so a script named
// "frappe.client.get_list" would win there too — or only for names nothing
// else answers (`Priority::after_builtins`). It returns the Method for the
// name or nullopt. Resolvers are called from several worker threads at once
// and must be thread-safe; the session they get is the request's (same
// connection, inside the request's transaction), so they can read the
// Server Script table.
//
// Registration (add, add_resolver) must happen before the server starts.
class Methods {
 public:
  enum class Priority { before_builtins, after_builtins };
  using Resolver = std::function<std::optional<Method>(std::string_view name, model::Session&)>;

  void add(std::string name, Method method);
  void add_resolver(Resolver resolver, Priority priority = Priority::before_builtins);

  // The method for `name`, or nullopt when nothing answers it.
  std::optional<Method> find(std::string_view name, model::Session& session) const;

 private:
  std::map<std::string, Method, std::less<>> builtins_;
  std::vector<Resolver> before_;
  std::vector<Resolver> after_;
};

}  // namespace quire::http
