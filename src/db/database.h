#pragma once

#include <string_view>
#include <vector>

#include "db/value.h"

namespace quire::db {

// One connection to a site's database. Higher layers speak only to this
// interface so SQLite (the embedded default) and PostgreSQL can stand behind it.
// A connection belongs to one thread at a time; see ConnectionPerThread.
class Database {
 public:
  virtual ~Database() = default;

  // Runs one or more statements that take no parameters and return no rows
  // (DDL, pragmas, BEGIN/COMMIT). Throws DbError.
  virtual void execute(std::string_view sql) = 0;

  // Runs one statement with positional parameters (`?`) and returns every row.
  // Throws DbError.
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

// Runs `body` inside a transaction: commits when it returns, rolls back when it
// throws (and rethrows), so no error leaves a partial write behind.
template <typename Body>
void in_transaction(Database& db, Body&& body) {
  db.begin();
  try {
    body();
  } catch (...) {
    db.rollback();
    throw;
  }
  db.commit();
}

}  // namespace quire::db
