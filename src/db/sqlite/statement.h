#pragma once

#include <sqlite3.h>

#include "db/value.h"

namespace quire::db::sqlite {

// Owns a prepared statement; finalizes it on every way out of a scope.
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt); }
};

// Binds `value` to parameter `index` (1-based). Throws DbError with SQLite's
// message when binding fails.
void bind(sqlite3* handle, sqlite3_stmt* stmt, int index, const Value& value);

// Reads column `index` (0-based) of the current row. Blobs read as text.
Value column(sqlite3_stmt* stmt, int index);

}  // namespace quire::db::sqlite
