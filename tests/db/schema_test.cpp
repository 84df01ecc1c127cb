#include "db/schema.h"

#include <gtest/gtest.h>

#include "../support/temp_dir.h"
#include "db/db_error.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db {
namespace {

using quire::testing::TempDir;

TEST(Schema, MigrationsAreNumberedOneUpWithoutGaps) {
  int expected = 1;
  for (const auto& step : migrations()) EXPECT_EQ(step.version, expected++);
  EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(Schema, AFreshDatabaseIsAtVersionZeroAndMigratesToTheLatest) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  EXPECT_EQ(schema_version(*db), 0);
  EXPECT_EQ(migrate(*db), latest_schema_version());
  EXPECT_EQ(schema_version(*db), latest_schema_version());
  // The password store exists.
  EXPECT_NO_THROW(db->query("SELECT `doctype`, `name`, `fieldname`, `password` FROM `__Auth`"));
}

TEST(Schema, MigratingTwiceChangesNothing) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  migrate(*db);
  EXPECT_EQ(migrate(*db), latest_schema_version());
  EXPECT_EQ(db->query("SELECT count(*) FROM `__schema`")[0][0], Value{std::int64_t{1}});
}

TEST(Schema, ADatabaseFromANewerQuireIsRefusedUntouched) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  migrate(*db);
  db->query("UPDATE `__schema` SET `version` = ?",
            {Value{std::int64_t{latest_schema_version() + 1}}});
  try {
    migrate(*db);
    FAIL() << "expected DbError";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("upgrade quire"), std::string::npos) << e.what();
  }
  EXPECT_EQ(schema_version(*db), latest_schema_version() + 1);
}

TEST(Schema, AFailedMigrationLeavesTheVersionWhereItWas) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  // A table in the way of migration 1 makes it fail.
  db->execute("CREATE TABLE `__Auth` (x)");
  EXPECT_THROW(migrate(*db), DbError);
  EXPECT_EQ(schema_version(*db), 0);
}

}  // namespace
}  // namespace quire::db
