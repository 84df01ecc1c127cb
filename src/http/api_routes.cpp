#include "http/api_routes.h"

#include <nlohmann/json.hpp>

#include "http/json_response.h"

namespace quire::http {

void add_builtin_routes(Router& router) {
  auto ping = [](const Request&) { return json_response(Status::ok, {{"message", "pong"}}); };
  for (const char* prefix : {"/api/method/", "/api/v1/method/"}) {
    router.add(std::string(prefix) + "ping", ping);
  }
}

}  // namespace quire::http
