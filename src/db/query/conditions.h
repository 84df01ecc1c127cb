#pragma once

#include <string>
#include <vector>

#include "db/query/filters.h"
#include "db/query/query_scope.h"
#include "db/value.h"

namespace quire::db::query {

struct ConditionContext {
  QueryScope& scope;
  const SchemaLookup& schema;
  std::string today;
  bool ignore_ifnull = false;
};

// Appends the SQL for one filter to `sql` and its values to `params`,
// following Frappe's operator semantics (spec §7.3).
void append_condition(const Filter& filter, ConditionContext& context, std::string& sql,
                      std::vector<Value>& params);

}  // namespace quire::db::query
