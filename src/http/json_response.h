#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "http/types.h"

namespace quire::http {

// A response whose body is `body` serialised compactly, as application/json.
Response json_response(Status status, const nlohmann::json& body);

// Frappe's v1 error envelope: {"exc_type": ..., "_server_messages": ...}, where
// _server_messages is a JSON string holding a list of JSON strings, each a
// message object, exactly as Frappe nests them so its clients parse it.
Response error_response(Status status, std::string_view exc_type, std::string_view message);

}  // namespace quire::http
