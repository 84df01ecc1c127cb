#pragma once
// frappe.db.sql's parameter styles (%s with a sequence, %(name)s with a
// dict, %% for a literal percent) turned into `?` placeholders. A sequence
// value for one placeholder expands to "(?, ?, ...)" as PyMySQL renders it.

#include <string>
#include <vector>

#include "db/value.h"
#include "model/meta.h"

namespace quire::scripting {

struct BoundSql {
  std::string sql;
  std::vector<db::Value> params;
};

// `values` is null (no interpolation at all, as Frappe with values=()), an
// array, or an object. Throws ValidationError for a missing or surplus value.
BoundSql bind_sql_params(const std::string& query, const model::Json& values);

}  // namespace quire::scripting
