#pragma once
// The HTTP request a script serves, as Frappe's scripts see it: werkzeug's
// Request behind `frappe.request` and `frappe.utils.get_host_name_from_request`.
//
// The scripting layer does not know the HTTP layer: the front door (the CLI's
// site runtime) hands a view of its request to RequestState::incoming for as
// long as the request is served, and nothing is copied unless a script asks.

#include <functional>
#include <optional>
#include <string_view>

#include "lang/object/runtime.h"

namespace quire::scripting {

struct RunState;

class IncomingRequest {
 public:
  virtual ~IncomingRequest() = default;
  virtual std::string_view method() const = 0;
  // The request target as sent: "/api/method/x?a=1".
  virtual std::string_view target() const = 0;
  virtual std::string_view remote_addr() const = 0;
  virtual std::string_view body() const = 0;
  // The first value of header `name` (case-insensitive), if sent.
  virtual std::optional<std::string_view> header(std::string_view name) const = 0;
  // Every header in the order sent.
  virtual void each_header(
      const std::function<void(std::string_view name, std::string_view value)>& visit) const = 0;
};

// werkzeug's Request.host: the Host header, without the scheme's default port.
std::string request_host(const IncomingRequest& request);

// Adds frappe.utils.get_host_name_from_request.
void add_request_functions(lang::Type* utils);

// frappe.request for `run`: the request object while an HTTP request is
// served, else a new empty dict (Frappe: getattr(frappe.local, "request", {})).
lang::Value request_value(lang::Isolate& I, const RunState& run);

}  // namespace quire::scripting
