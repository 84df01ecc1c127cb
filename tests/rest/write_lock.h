#pragma once
// SQLite's write lock on a site's database held from a second connection, as
// a long job or request holding its transaction open would: writers of the
// server wait their busy timeout, then fail "database is locked".

#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace quire::rest_testing {

class WriteLock {
 public:
  explicit WriteLock(const std::filesystem::path& database) {
    if (sqlite3_open_v2(database.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot lock " + database.string() + ": " + message);
    }
  }
  ~WriteLock() {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

 private:
  sqlite3* db_ = nullptr;
};

// The database of the fixture's site "test.local".
inline std::filesystem::path site_database(const std::filesystem::path& server_dir) {
  return server_dir / "sites" / "test.local" / "site.db";
}

}  // namespace quire::rest_testing
