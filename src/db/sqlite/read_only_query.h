#pragma once

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "db/db_error.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db {

// A statement refused by the read-only policy (it writes, changes the
// connection, or touches a hidden table). Callers map it to PermissionError.
class ReadOnlyViolation : public DbError {
 public:
  using DbError::DbError;
};

struct ReadOnlyResult {
  std::vector<std::string> columns;
  // The table and column each result column reads ("" for an expression):
  // how a caller types the values (a date column's text as a date).
  std::vector<std::string> origin_tables;
  std::vector<std::string> origin_columns;
  std::vector<Row> rows;
};

// Runs one statement that must only read, for frappe.db.sql in scripts. The
// engine enforces it, not a look at the first word: while the statement is
// prepared a SQLite authorizer allows only SELECT, reads, recursive CTEs and
// ordinary functions, and refuses reads of `hidden_tables` (credential
// tables; an entry ending in "*" is a name prefix); the prepared statement must also report itself
// read-only. Anything else throws ReadOnlyViolation; engine errors throw DbError.
//
// `stop`, when given, is polled while the statement runs (an endless
// recursive CTE, a cross join of big tables): once it is true the statement
// is interrupted and QueryInterrupted thrown, so a script's deadline or
// cancel reaches work done inside the engine too.
class QueryInterrupted : public DbError {
 public:
  using DbError::DbError;
};
ReadOnlyResult read_only_query(SqliteDatabase& db, std::string_view sql,
                               const std::vector<Value>& params,
                               const std::vector<std::string>& hidden_tables,
                               const std::atomic<bool>* stop = nullptr);

}  // namespace quire::db
