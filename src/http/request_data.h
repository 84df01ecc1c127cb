#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "http/types.h"

namespace quire::http {

using Json = nlohmann::json;

// Frappe's form_dict (spec §8.1): the JSON body when the request has one
// (a JSON list becomes {"data": list}), else the query arguments with the
// form-encoded body laid over them; the key "_" (jQuery's cache buster) is
// dropped. Values from query strings and forms are strings, as in Frappe.
// Throws ApiError: 400 for malformed JSON, 415 for a body type it cannot read.
Json form_dict(const Request& request);

// "a=1&b=x+y" → {"a": "1", "b": "x y"}; a repeated key keeps the last value.
Json parse_urlencoded(std::string_view text);

// The Cookie header as name → value.
std::map<std::string, std::string> parse_cookies(std::string_view header);

// A request argument that may hold JSON text (filters, fields, doc...):
// strings that parse as JSON objects or arrays are parsed (frappe.parse_json);
// anything else is returned as is.
Json parse_json_arg(const Json& value);

// Frappe's cint on a request argument: numbers truncate, numeric text
// parses, anything else is `fallback`.
long long int_arg(const Json& args, const char* key, long long fallback);
// A truthy request argument: 1/"1"/true/"true"/"True"/"yes".
bool bool_arg(const Json& args, const char* key, bool fallback);
// A string argument (numbers are formatted); nullopt when absent or null.
std::optional<std::string> string_arg(const Json& args, const char* key);

}  // namespace quire::http
