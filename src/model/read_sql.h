#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "model/session.h"

namespace quire::model {

// frappe.db.sql for server scripts: one read-only statement, enforced by the
// engine (db/sqlite/read_only_query.h), never able to read quire's own tables (`__Auth`,
// `__Sessions`, `__job_queue`...). Returns rows as lists, or dicts when `as_dict`. A refused
// statement raises PermissionError "Query must be of SELECT or read-only WITH type." (title "Unsafe
// SQL query"), as Frappe does; `?` placeholders take `params`.
Json read_sql(Session& session, const std::string& sql, const std::vector<db::Value>& params = {},
              bool as_dict = false);

// The same, also telling where each result column comes from (its table and
// column, empty for an expression), in the order of the row values. `stop`,
// when given, interrupts the running statement once true
// (db::QueryInterrupted propagates).
struct SqlColumnOrigin {
  std::string name, table, column;
};
Json read_sql(Session& session, const std::string& sql, const std::vector<db::Value>& params,
              bool as_dict, std::vector<SqlColumnOrigin>& origins,
              const std::atomic<bool>* stop = nullptr);

}  // namespace quire::model
