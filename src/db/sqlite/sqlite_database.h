#pragma once

#include <memory>
#include <string>

#include "db/database.h"

struct sqlite3;

namespace quire::db {

// A SQLite connection opened for a server: WAL journal (readers never block the
// writer), NORMAL sync (durable at checkpoints, safe with WAL), foreign keys on,
// and a busy timeout so concurrent writers wait instead of failing at once.
class SqliteDatabase final : public Database {
 public:
  // Opens (creating when `create` is true) the database file at `path`.
  // Throws DbError when the file cannot be opened or is not a database.
  static std::unique_ptr<SqliteDatabase> open(const std::string& path, bool create);

  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  void execute(std::string_view sql) override;
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  void begin() override;
  void commit() override;
  void rollback() override;

  const std::string& path() const { return path_; }
  // The raw connection, for engine features outside this interface (the
  // authorizer used by db/sqlite/read_only_query.h). Owned by this object.
  sqlite3* handle() const { return handle_; }

 private:
  SqliteDatabase(sqlite3* handle, std::string path) : handle_(handle), path_(std::move(path)) {}

  sqlite3* handle_;
  std::string path_;
};

}  // namespace quire::db
