#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace quire::db::query {

// One condition: `[doctype.]field op value`. `doctype` is empty for the
// queried DocType, or names it or one of its child DocTypes.
struct Filter {
  std::string doctype;
  std::string field;
  std::string op;  // normalised: lower case, one of valid_operators()
  nlohmann::json value;
};

// Every operator Frappe's list query accepts, in its error-message order.
const std::vector<std::string>& valid_operators();

// Parses every filter form Frappe accepts: a dict `{field: value}` or
// `{field: [op, value]}`, a list of `[field, op, value]` or
// `[doctype, field, op, value]` (lists or dicts mixed), a JSON string of either,
// or null. Throws QueryError on anything else.
std::vector<Filter> parse_filters(const nlohmann::json& filters);

}  // namespace quire::db::query
