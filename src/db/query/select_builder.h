#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/query/table_info.h"
#include "db/value.h"

namespace quire::db::query {

// A Frappe list query (frappe.get_all / get_list arguments after the
// aliases are resolved). Every identifier is validated while building; every
// value becomes a bound parameter.
struct ListQuery {
  std::string doctype;
  nlohmann::json fields;  // null (name), "*", "a, b", JSON text of a list, or a list
  nlohmann::json filters;
  nlohmann::json or_filters;
  std::optional<std::string> order_by;  // nullopt: the DocType's sort; "": none
  std::string group_by;
  std::int64_t limit_start = 0;
  std::int64_t limit = 0;  // 0: no limit
  bool distinct = false;
  bool ignore_ifnull = false;
  // SQL conditions AND-ed in as written. Only for text produced by trusted
  // code (permission match conditions, permission-query hooks), never for
  // request parameters.
  std::vector<std::string> trusted_conditions;
  // Columns of the main table the user may not read (field-level
  // permissions): left out of `*` and dropped silently when named, as
  // Frappe's get_list does. Filters may still use them.
  std::set<std::string, std::less<>> hidden_columns;
  std::string today;  // "YYYY-MM-DD": the date `timespan`, `previous`, `next` count from
};

// How a result column should be read back.
struct ResultColumn {
  std::string label;
  std::optional<ColumnKind> kind;  // nullopt for aggregates
  std::string function;            // aggregate name, or empty
};

struct SelectStatement {
  std::string sql;
  std::vector<Value> params;
  std::vector<ResultColumn> columns;
  // DocTypes read through Link-field joins (QueryScope::linked_doctypes).
  std::vector<std::string> linked_doctypes;
};

// Builds the SELECT for `query`. Throws QueryError for anything invalid: an
// unknown DocType or column, a refused expression, an unknown operator.
SelectStatement build_select(const ListQuery& query, const SchemaLookup& schema);

// Builds the WHERE clause (without the keyword; "1=1" when empty) for filters
// on one DocType, for UPDATE/DELETE/COUNT statements that join nothing.
// Filters on child tables are refused.
struct WhereClause {
  std::string sql;
  std::vector<Value> params;
};
WhereClause build_where(const TableInfo& table, const nlohmann::json& filters,
                        const SchemaLookup& schema, const std::string& today);

// Converts a JSON scalar to a bound value (bool → 0/1, null → NULL). Arrays and
// objects are refused with QueryError.
Value to_value(const nlohmann::json& value);

}  // namespace quire::db::query
