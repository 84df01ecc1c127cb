#pragma once

#include "db/db_error.h"

namespace quire::db {

// The database stayed locked by another writer for the whole busy timeout
// (SQLite's SQLITE_BUSY, "database is locked"): nothing was written and the
// same work can succeed once that writer commits, so callers answer "busy,
// retry" (Frappe's QueryTimeoutError) instead of a failure. Thrown by
// SqliteDatabase wherever SQLite reports SQLITE_BUSY.
class DbBusyError : public DbError {
 public:
  using DbError::DbError;
};

// What a user is told when a DbBusyError ends their request or script call.
inline constexpr const char* kBusyMessage =
    "The site is busy saving other changes and could not wait longer for them. Nothing was "
    "saved: please try again in a few seconds.";

}  // namespace quire::db
