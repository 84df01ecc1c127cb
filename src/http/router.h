#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/types.h"

namespace quire::http {

// Maps a request path (the target without its query string) to a handler.
// Routes are fixed before serving starts; lookups are read-only afterwards, so
// worker threads share one Router without locking.
class Router {
 public:
  using Handler = std::function<Response(const Request&)>;

  // Routes requests whose path is exactly `path`, for every method.
  void add(std::string path, Handler handler);

  // The handler's response, or Frappe's 404 envelope when no route matches.
  // A handler that throws yields a 500 envelope: one bad request never takes
  // the server down.
  Response handle(const Request& request) const;

 private:
  std::unordered_map<std::string, Handler> exact_;
};

// The path part of a request target: everything before '?' or '#'.
std::string_view path_of(std::string_view target);

}  // namespace quire::http
