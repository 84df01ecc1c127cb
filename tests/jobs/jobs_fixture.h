#pragma once
// A site database with the job tables, and connections to it, for the jobs
// tests.

#include <memory>
#include <string>

#include "../support/temp_dir.h"
#include "db/sqlite/sqlite_database.h"
#include "jobs/queue_schema.h"

namespace quire::jobs::testing {

class JobsDatabase {
 public:
  JobsDatabase() : path_((dir_ / "site.db").string()) {
    auto db = open();
    migrate_queue_schema(*db);
  }
  std::unique_ptr<db::Database> open() const { return db::SqliteDatabase::open(path_, true); }
  std::function<std::unique_ptr<db::Database>()> opener() const {
    return [path = path_] {
      return std::unique_ptr<db::Database>(db::SqliteDatabase::open(path, true));
    };
  }
  const std::string& path() const { return path_; }

 private:
  quire::testing::TempDir dir_;
  std::string path_;
};

inline std::int64_t scalar(db::Database& db, const std::string& sql) {
  auto rows = db.query(sql);
  return std::get<std::int64_t>(rows.at(0).at(0));
}

// 2024-03-01 00:00:00 UTC: a fixed start so tests read the same every run.
inline constexpr Millis kStart = 1709251200000;
inline constexpr Millis kMinute = 60'000;
inline constexpr Millis kHour = 60 * kMinute;
inline constexpr Millis kDay = 24 * kHour;

}  // namespace quire::jobs::testing
