#pragma once

#include <optional>
#include <string>

#include "model/session.h"

namespace quire::model {

// frappe.get_list / frappe.get_all arguments (spec §7.1), aliases resolved
// by the caller: start → limit_start; page_length / limit → limit.
struct ListArgs {
  std::string doctype;
  Json fields;
  Json filters;
  Json or_filters;
  std::optional<std::string> order_by;
  std::string group_by;
  std::int64_t limit_start = 0;
  std::int64_t limit = 0;  // 0: no limit
  bool as_list = false;
  bool distinct = false;
  bool ignore_ifnull = false;
  std::string pluck;
};

// get_list applies role permissions, if_owner rows and permission-query
// conditions; get_all does not. Returns a list of dicts, of lists (as_list),
// or of values (pluck). Bad identifiers → DataError; unknown DocType →
// DoesNotExistError.
Json get_list(Session& session, ListArgs args);
Json get_all(Session& session, ListArgs args);

// frappe.db.get_value: `filters` is a name, a dict/list of filters, or null
// for a Single. `fieldname` a string or list ("*" → dict). Returns null when
// nothing matches; a scalar for one field; a list for several; a dict when
// as_dict.
Json get_value(Session& session, const std::string& doctype, const Json& filters,
               const Json& fieldname = "name", bool as_dict = false,
               const std::optional<std::string>& order_by = {});
// frappe.db.get_values: every matching row (lists, or dicts when as_dict).
Json get_values(Session& session, const std::string& doctype, const Json& filters,
                const Json& fieldname = "name", bool as_dict = false,
                const std::optional<std::string>& order_by = {}, std::int64_t limit = 0);

// frappe.db.set_value: direct UPDATE, no hooks; `name` may be filters.
void set_value(Session& session, const std::string& doctype, const Json& name, const Json& field,
               const Json& value = nullptr, bool update_modified = true);
void set_single_value(Session& session, const std::string& doctype, const Json& field,
                      const Json& value = nullptr);
Json get_single_value(Session& session, const std::string& doctype, const std::string& fieldname);

// frappe.db.exists: the matching name or null.
Json exists(Session& session, const std::string& doctype, const Json& name_or_filters = nullptr);
std::int64_t count(Session& session, const std::string& doctype, const Json& filters = nullptr);
// frappe.db.delete: DELETE matching rows, no hooks.
void delete_rows_where(Session& session, const std::string& doctype, const Json& filters);

// frappe.db.escape: a quoted SQL literal; '%' doubled when `percent`.
std::string escape(std::string_view text, bool percent = true);

}  // namespace quire::model
