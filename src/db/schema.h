#pragma once

#include <string>
#include <vector>

#include "db/database.h"

namespace quire::db {

// One step of the site schema. Steps are applied in order, each in its own
// transaction together with the bump of the recorded version.
struct Migration {
  int version;
  std::string description;
  std::string sql;
};

// Every migration this build of quire knows, oldest first.
const std::vector<Migration>& migrations();

// The version this build brings a database to.
int latest_schema_version();

// The version recorded in the `__schema` table, or 0 for a database that has
// never been migrated.
int schema_version(Database& db);

// Applies every migration newer than the recorded version and returns the
// resulting version. Throws DbError when the database was written by a newer
// quire (its version is above latest_schema_version()), changing nothing.
int migrate(Database& db);

}  // namespace quire::db
