#pragma once
// The outgoing HTTP client behind frappe.make_*_request: libcurl, with the
// server-script network rules applied at connect time.
//
// - http and https only (a URL or a redirect to file:, gopher:, dict:, ftp:
//   ... is refused); no proxy from the environment.
// - Every connection is checked when libcurl is about to open it, with the
//   address the name resolved to (http_address_rules.h); a refused address
//   fails the request as Blocked, naming the host, the address and the rule.
// - Redirects are followed here, hop by hop (each hop's connection is checked
//   the same way), at most `max_redirects` times; methods change as requests
//   changes them (303, and 301/302 of a POST, become GET without a body) and
//   credentials are dropped when the host changes.
// - One deadline for the whole request (every hop), a connect timeout, a
//   response size cap, and a stop flag polled every few milliseconds (the
//   script run's cancel/deadline flag), so a request never outlives its run.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scripting/http_address_rules.h"

namespace quire::scripting {

// Site settings (site_config.json; read by the CLI, see docs/scripting.md).
struct HttpPolicy {
  HttpAllowList allow;                        // server_script_http_allow
  std::chrono::milliseconds timeout{30'000};  // server_script_http_timeout_ms
  std::chrono::milliseconds connect_timeout{10'000};
  std::size_t max_response_bytes = 10u << 20;  // server_script_http_max_response_bytes
  int max_redirects = 10;                      // server_script_http_max_redirects
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  HttpHeaders headers;
  std::optional<std::string> body;  // nullopt: no body
  std::optional<std::pair<std::string, std::string>> basic_auth;
  // Total time for the request with its redirects, and for each connect.
  std::chrono::milliseconds timeout{30'000};
  std::chrono::milliseconds connect_timeout{10'000};
  std::size_t max_response_bytes = 10u << 20;
  int max_redirects = 10;
};

struct HttpResponse {
  int status = 0;
  std::string reason;   // "Not Found" (from the status line)
  std::string url;      // of the last hop
  HttpHeaders headers;  // of the last hop, in order
  std::string body;
  // The first header named `name` (case-insensitive), or nullopt.
  std::optional<std::string> header(std::string_view name) const;
};

enum class HttpFailure {
  None,
  Blocked,           // scheme or address refused
  TooManyRedirects,  // more than max_redirects hops
  MissingSchema,     // "example.com/x"
  InvalidUrl,
  ConnectTimeout,
  ReadTimeout,
  Connection,  // refused, reset, DNS failure, TLS failure...
  TooLarge,    // the body passed max_response_bytes
  Stopped,     // the stop flag was raised
};

struct HttpResult {
  HttpFailure failure = HttpFailure::None;
  std::string message;  // what went wrong, for the script's exception
  HttpResponse response;
  bool ok() const { return failure == HttpFailure::None; }
};

// Performs `request` under `allow`; `stop` (may be null) aborts it when raised.
HttpResult http_perform(const HttpRequest& request, const HttpAllowList& allow,
                        const std::atomic<bool>* stop);

}  // namespace quire::scripting
