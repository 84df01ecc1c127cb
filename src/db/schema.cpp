#include "db/schema.h"

#include "db/db_error.h"

namespace quire::db {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "password store",
       // Frappe keeps secrets out of document tables, in __Auth, keyed by
       // (doctype, name, fieldname); quire does the same.
       "CREATE TABLE `__Auth` ("
       " `doctype` TEXT NOT NULL,"
       " `name` TEXT NOT NULL,"
       " `fieldname` TEXT NOT NULL,"
       " `password` TEXT NOT NULL,"
       " `encrypted` INTEGER NOT NULL DEFAULT 0,"
       " PRIMARY KEY (`doctype`, `name`, `fieldname`))"},
  };
  return all;
}

int latest_schema_version() {
  return migrations().back().version;
}

namespace {

void create_schema_table(Database& db) {
  // A single row (id = 1) holds the version; the CHECK keeps it single.
  db.execute(
      "CREATE TABLE IF NOT EXISTS `__schema` ("
      " `id` INTEGER PRIMARY KEY CHECK (`id` = 1),"
      " `version` INTEGER NOT NULL,"
      " `updated_at` TEXT NOT NULL)");
}

}  // namespace

int schema_version(Database& db) {
  auto exists = db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__schema'");
  if (exists.empty()) return 0;
  auto rows = db.query("SELECT `version` FROM `__schema` WHERE `id` = 1");
  if (rows.empty()) return 0;
  const auto* version = std::get_if<std::int64_t>(&rows[0][0]);
  if (version == nullptr) throw DbError("the __schema table holds a version that is not a number");
  return static_cast<int>(*version);
}

int migrate(Database& db) {
  int current = schema_version(db);
  if (current > latest_schema_version()) {
    throw DbError("this database is at schema version " + std::to_string(current) +
                  ", newer than this quire knows (" + std::to_string(latest_schema_version()) +
                  "): upgrade quire");
  }
  for (const auto& step : migrations()) {
    if (step.version <= current) continue;
    in_transaction(db, [&] {
      create_schema_table(db);
      db.execute(step.sql);
      db.query(
          "INSERT INTO `__schema` (`id`, `version`, `updated_at`)"
          " VALUES (1, ?, datetime('now'))"
          " ON CONFLICT (`id`) DO UPDATE SET `version` = excluded.`version`,"
          " `updated_at` = excluded.`updated_at`",
          {Value{static_cast<std::int64_t>(step.version)}});
    });
    current = step.version;
  }
  return current;
}

}  // namespace quire::db
