#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace quire::db::query {

// Frappe's named date ranges (utils.data.get_timespan_date_range) relative to
// `today` ("YYYY-MM-DD"): "last week", "this month", "next 6 months", ...
// Weeks start on Sunday (Frappe's default first_day_of_week). Returns
// nullopt for an unknown name or a malformed date.
std::optional<std::pair<std::string, std::string>> timespan_range(std::string_view timespan,
                                                                  std::string_view today);

// The `previous` / `next` operators: "1 week", "1 month", "3 months",
// "6 months", "1 year" map to the matching last/next timespan.
std::optional<std::pair<std::string, std::string>> relative_range(std::string_view op,
                                                                  std::string_view value,
                                                                  std::string_view today);

// Every timespan name, for error messages.
const char* timespan_names();

}  // namespace quire::db::query
