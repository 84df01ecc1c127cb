#pragma once
// The HTTP request an API call serves, as the scripting layer reads it
// (frappe.request, get_host_name_from_request): a view over the Beast request
// and the route's client address, alive while the call is served. Nothing is
// copied unless a script asks.

#include <boost/beast/core/string.hpp>

#include "http/api.h"
#include "scripting/utils_request.h"

namespace quire::cli {

class ScriptRequestView final : public scripting::IncomingRequest {
 public:
  explicit ScriptRequestView(const http::ApiRequest& api) : api_(api) {}

  std::string_view method() const override { return view(api_.http.method_string()); }
  std::string_view target() const override { return view(api_.http.target()); }
  std::string_view remote_addr() const override { return api_.route.remote_ip; }
  std::string_view body() const override { return api_.http.body(); }
  std::optional<std::string_view> header(std::string_view name) const override {
    auto it = api_.http.find(boost::beast::string_view(name.data(), name.size()));
    if (it == api_.http.end()) return std::nullopt;
    return view(it->value());
  }
  void each_header(
      const std::function<void(std::string_view, std::string_view)>& visit) const override {
    for (const auto& field : api_.http) visit(view(field.name_string()), view(field.value()));
  }

 private:
  static std::string_view view(boost::beast::string_view s) { return {s.data(), s.size()}; }
  const http::ApiRequest& api_;
};

}  // namespace quire::cli
