#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/types.h"

namespace quire::http {

// What a handler learns about its request beyond the Beast message: the
// values of the pattern's {placeholders} (percent-decoded, in order) and the
// client's address.
struct RouteContext {
  std::vector<std::string> params;
  std::string_view remote_ip;
};

// Where a route's handler runs. `event_loop` suits handlers that finish in
// microseconds without blocking (ping); `worker_pool` is for anything that
// touches the database or runs scripts, so one slow request never stalls the
// other connections of its event loop.
enum class Execution { event_loop, worker_pool };

// Maps a request path (the target without its query string) to a handler.
// Exact paths are tried first, then patterns in the order they were added.
// A pattern is a path whose segments may be placeholders: "{doctype}" matches
// one non-empty segment. Routes are fixed before serving starts; lookups are
// read-only afterwards, so threads share one Router without locking.
class Router {
 public:
  using Handler = std::function<Response(const Request&, const RouteContext&)>;
  using SimpleHandler = std::function<Response(const Request&)>;

  struct Route {
    Handler handler;
    Execution execution = Execution::event_loop;
  };

  // Routes requests whose path is exactly `path`, for every method.
  void add(std::string path, SimpleHandler handler, Execution execution = Execution::event_loop);
  void add(std::string path, Handler handler, Execution execution);
  // Routes requests whose path matches `pattern` (see above).
  void add_pattern(std::string pattern, Handler handler,
                   Execution execution = Execution::worker_pool);

  // The route for `path` (filling `params`), or nullptr.
  const Route* match(std::string_view path, std::vector<std::string>& params) const;

  // Runs the matching handler on the calling thread: its response, Frappe's
  // 404 envelope when no route matches, or a 500 envelope when the handler
  // throws (one bad request never takes the server down).
  Response handle(const Request& request, std::string_view remote_ip = {}) const;
  // The same for a route already matched.
  static Response run(const Route& route, const Request& request, RouteContext& context);
  static Response not_found(std::string_view path);

 private:
  struct Pattern {
    std::vector<std::string> segments;  // "{...}" marks a placeholder
    Route route;
  };
  std::unordered_map<std::string, Route> exact_;
  std::vector<Pattern> patterns_;
};

// The path part of a request target: everything before '?' or '#'.
std::string_view path_of(std::string_view target);

// %XX escapes decoded; with `plus_is_space` (form bodies and query strings)
// '+' becomes ' '. Malformed escapes are kept as they are, like Werkzeug.
std::string percent_decode(std::string_view text, bool plus_is_space = false);

}  // namespace quire::http
