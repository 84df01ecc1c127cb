#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "db/database.h"
#include "db/sqlite/wal_limit.h"

struct sqlite3;
struct sqlite3_stmt;

namespace quire::db {
namespace sqlite {
class StatementCache;
}

// A SQLite connection opened for a server: WAL journal (readers never block the
// writer), NORMAL sync (durable at checkpoints, safe with WAL), foreign keys on,
// a busy timeout so concurrent writers wait instead of failing at once, and a
// WAL kept under a size while readers never stop (sqlite/wal_limit.h).
// Statements run through query() (and single statements through execute())
// are prepared once and kept (sqlite/statement_cache.h).
class SqliteDatabase final : public Database {
 public:
  // Opens (creating when `create` is true) the database file at `path`.
  // Throws DbError when the file cannot be opened or is not a database.
  static std::unique_ptr<SqliteDatabase> open(const std::string& path, bool create,
                                              sqlite::WalLimit wal_limit = {});

  // How many prepared statements a connection keeps.
  static constexpr std::size_t kStatementCacheSize = 256;

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
  // The kept prepared statements (tests and benchmarks read its counters).
  const sqlite::StatementCache& statements() const { return *statements_; }
  // The WAL policy's state (tests read how many RESTARTs were tried).
  const sqlite::WalState& wal() const { return wal_; }

 private:
  SqliteDatabase(sqlite3* handle, std::string path, sqlite::WalLimit wal_limit);

  // Prepares the single statement in `sql`; throws DbError when it does not
  // compile or holds more than one statement.
  sqlite3_stmt* prepare_one(std::string_view sql, bool plain_errors);
  // query() through the kept statements; `plain_errors` gives SQLite's
  // message alone, as sqlite3_exec does (execute()).
  std::vector<Row> run(std::string_view sql, const std::vector<Value>& params, bool plain_errors);

  sqlite3* handle_;
  std::string path_;
  // Read by the WAL hook for as long as the connection is open.
  sqlite::WalState wal_;
  std::unique_ptr<sqlite::StatementCache> statements_;
};

}  // namespace quire::db
