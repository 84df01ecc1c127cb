#pragma once
// The outgoing-HTTP settings of server scripts in a site's site_config.json
// (frappe.make_*_request, http_client.h):
//
//   "server_script_http_allow": ["127.0.0.1:8000", "10.0.0.0/8", "erp.internal"],
//   "server_script_http_timeout_ms": 30000,          whole request, redirects included
//   "server_script_http_connect_timeout_ms": 10000,
//   "server_script_http_max_response_bytes": 10485760,
//   "server_script_http_max_redirects": 10
//
// The allow-list is the only way a script reaches a loopback, private,
// link-local or otherwise internal address; its entry forms are in
// http_address_rules.h (HttpAllowList). Only whoever edits site_config sets it.

#include <nlohmann/json.hpp>

#include "scripting/http_client.h"

namespace quire::scripting {

// Reads the keys above into `policy` (absent keys keep its values). Throws
// std::invalid_argument naming the key and the value for anything malformed.
void read_http_policy(const nlohmann::json& site_config, HttpPolicy& policy);

}  // namespace quire::scripting
