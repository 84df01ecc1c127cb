#include "db/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include "db/db_busy_error.h"
#include "db/db_error.h"
#include "db/sqlite/statement.h"
#include "db/sqlite/statement_cache.h"

namespace quire::db {
namespace {

// SQLITE_BUSY after the busy timeout (another connection kept the write
// lock) is a DbBusyError, so the layers above can answer "busy, retry".
[[noreturn]] void throw_error(int code, const std::string& message) {
  if ((code & 0xff) == SQLITE_BUSY) throw DbBusyError(message);
  throw DbError(message);
}

[[noreturn]] void fail(sqlite3* handle, std::string_view what) {
  if (!handle) throw DbError(std::string(what) + ": out of memory");
  throw_error(sqlite3_errcode(handle), std::string(what) + ": " + sqlite3_errmsg(handle));
}

// SQLite's message alone, as sqlite3_exec gives it.
[[noreturn]] void fail_plain(sqlite3* handle) {
  throw_error(sqlite3_errcode(handle), sqlite3_errmsg(handle));
}

}  // namespace

std::unique_ptr<SqliteDatabase> SqliteDatabase::open(const std::string& path, bool create,
                                                     sqlite::WalLimit wal_limit) {
  sqlite3* handle = nullptr;
  // FULLMUTEX is unnecessary: a connection is used by one thread at a time.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = handle ? sqlite3_errmsg(handle) : "out of memory";
    sqlite3_close(handle);
    throw DbError("cannot open database " + path + ": " + message);
  }
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(handle, path, wal_limit));
  sqlite3_busy_timeout(handle, db->wal_.limit.busy_timeout_ms);
  try {
    // journal_mode is the first statement that reads the file, so a file that
    // is not a database fails here with a clear message.
    db->execute(
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY;");
    auto page_size = std::get<std::int64_t>(db->query("PRAGMA page_size").at(0).at(0));
    sqlite::install_wal_limit(handle, db->wal_, page_size);
  } catch (const DbError& e) {
    throw DbError("cannot open database " + path + ": " + e.what());
  }
  return db;
}

SqliteDatabase::SqliteDatabase(sqlite3* handle, std::string path, sqlite::WalLimit wal_limit)
    : handle_(handle),
      path_(std::move(path)),
      wal_{wal_limit},
      statements_(std::make_unique<sqlite::StatementCache>(kStatementCacheSize)) {}

SqliteDatabase::~SqliteDatabase() {
  statements_->clear();
  sqlite3_close_v2(handle_);
}

void SqliteDatabase::execute(std::string_view sql) {
  // One statement (BEGIN, SAVEPOINT, RELEASE...): through the kept statements.
  if (sql.find(';') == std::string_view::npos) {
    run(sql, {}, /*plain_errors=*/true);
    return;
  }
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(handle_);
    sqlite3_free(error);
    throw_error(rc, message);
  }
}

sqlite3_stmt* SqliteDatabase::prepare_one(std::string_view sql, bool plain_errors) {
  sqlite::Statement s;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(handle_, sql.data(), static_cast<int>(sql.size()), &s.stmt, &tail) !=
      SQLITE_OK) {
    if (plain_errors) fail_plain(handle_);
    fail(handle_, "preparing query");
  }
  if (s.stmt == nullptr) throw DbError("preparing query: no statement in the text");
  std::string_view rest(tail, static_cast<size_t>(sql.data() + sql.size() - tail));
  if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    throw DbError("preparing query: only one statement is allowed per query");
  }
  sqlite3_stmt* stmt = s.stmt;
  s.stmt = nullptr;
  return stmt;
}

std::vector<Row> SqliteDatabase::query(std::string_view sql, const std::vector<Value>& params) {
  return run(sql, params, /*plain_errors=*/false);
}

std::vector<Row> SqliteDatabase::run(std::string_view sql, const std::vector<Value>& params,
                                     bool plain_errors) {
  sqlite3_stmt* stmt = statements_->take(sql);
  if (stmt == nullptr) stmt = prepare_one(sql, plain_errors);
  // Kept again on every way out, reset (so no read stays open) and unbound.
  struct GiveBack {
    sqlite::StatementCache& cache;
    std::string_view sql;
    sqlite3_stmt* stmt;
    ~GiveBack() { cache.give_back(sql, stmt); }
  } give_back{*statements_, sql, stmt};

  int expected = sqlite3_bind_parameter_count(stmt);
  if (static_cast<size_t>(expected) != params.size()) {
    throw DbError("query expects " + std::to_string(expected) + " parameters, got " +
                  std::to_string(params.size()));
  }
  for (size_t i = 0; i < params.size(); ++i)
    sqlite::bind(handle_, stmt, static_cast<int>(i + 1), params[i]);

  std::vector<Row> rows;
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      if (plain_errors) fail_plain(handle_);
      fail(handle_, "running query");
    }
    // Read after the step: a kept `SELECT *` re-prepared after ALTER TABLE
    // has more columns than when it was first prepared.
    int columns = sqlite3_column_count(stmt);
    Row row;
    row.reserve(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) row.push_back(sqlite::column(stmt, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

// IMMEDIATE takes the write lock up front, so two writers queue on the busy
// timeout instead of one failing with SQLITE_BUSY at its first write.
void SqliteDatabase::begin() {
  execute("BEGIN IMMEDIATE");
}
void SqliteDatabase::commit() {
  execute("COMMIT");
}
void SqliteDatabase::rollback() {
  if (!sqlite3_get_autocommit(handle_)) execute("ROLLBACK");
}

}  // namespace quire::db
