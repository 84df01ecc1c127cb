#include "db/sqlite/statement_cache.h"

#include <gtest/gtest.h>

#include "../support/temp_dir.h"
#include "db/db_error.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db {
namespace {

using quire::testing::TempDir;

std::unique_ptr<SqliteDatabase> fresh(const TempDir& dir) {
  return SqliteDatabase::open((dir / "a.db").string(), true);
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const DbError& e) {
    return e.what();
  }
  return "(no DbError)";
}

TEST(StatementCache, TheSameTextIsPreparedOnceAndReused) {
  TempDir dir;
  auto db = fresh(dir);
  db->execute("CREATE TABLE t (a INTEGER)");
  auto misses = db->statements().misses();
  for (int i = 0; i < 10; ++i) db->query("INSERT INTO t VALUES (?)", {Value{std::int64_t{i}}});
  EXPECT_EQ(db->statements().misses(), misses + 1);
  EXPECT_GE(db->statements().hits(), 9u);
  auto rows = db->query("SELECT sum(a) FROM t");
  EXPECT_EQ(rows[0][0], Value{std::int64_t{45}});
}

TEST(StatementCache, AKeptSelectStarSeesColumnsAddedLater) {
  TempDir dir;
  auto db = fresh(dir);
  db->execute("CREATE TABLE t (a)");
  db->query("INSERT INTO t VALUES (1)");
  ASSERT_EQ(db->query("SELECT * FROM t")[0].size(), 1u);
  db->execute("ALTER TABLE t ADD COLUMN b");
  db->query("UPDATE t SET b = 2");
  auto rows = db->query("SELECT * FROM t");
  ASSERT_EQ(rows[0].size(), 2u);
  EXPECT_EQ(rows[0][1], Value{std::int64_t{2}});
}

TEST(StatementCache, KeptStatementsDoNotBlockDroppingTheirTable) {
  TempDir dir;
  auto db = fresh(dir);
  db->execute("CREATE TABLE t (a)");
  db->query("INSERT INTO t VALUES (1)");
  db->query("SELECT a FROM t");
  db->execute("DROP TABLE t");
  auto message = error_of([&] { db->query("SELECT a FROM t"); });
  EXPECT_NE(message.find("no such table"), std::string::npos) << message;
  db->execute("CREATE TABLE t (a)");
  EXPECT_TRUE(db->query("SELECT a FROM t").empty());
}

TEST(StatementCache, AStatementThatFailedRunsAgain) {
  TempDir dir;
  auto db = fresh(dir);
  db->execute("CREATE TABLE t (a PRIMARY KEY)");
  db->query("INSERT INTO t VALUES (?)", {Value{std::int64_t{1}}});
  auto message = error_of([&] { db->query("INSERT INTO t VALUES (?)", {Value{std::int64_t{1}}}); });
  EXPECT_NE(message.find("UNIQUE"), std::string::npos) << message;
  db->query("INSERT INTO t VALUES (?)", {Value{std::int64_t{2}}});
  EXPECT_EQ(db->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{2}});
}

TEST(StatementCache, BindingsDoNotLeakIntoTheNextRunAndCountsAreChecked) {
  TempDir dir;
  auto db = fresh(dir);
  db->execute("CREATE TABLE t (a, b)");
  db->query("INSERT INTO t VALUES (?, ?)", {Value{std::string("x")}, Value{std::int64_t{1}}});
  EXPECT_THROW(db->query("INSERT INTO t VALUES (?, ?)", {Value{std::string("y")}}), DbError);
  EXPECT_EQ(db->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{1}});
}

TEST(StatementCache, OnlyTheCapacityIsKeptLeastRecentlyUsedFirstOut) {
  TempDir dir;
  auto db = fresh(dir);
  const auto capacity = SqliteDatabase::kStatementCacheSize;
  db->query("SELECT 0");
  for (std::size_t i = 1; i <= capacity; ++i) db->query("SELECT " + std::to_string(i));
  EXPECT_EQ(db->statements().size(), capacity);
  // "SELECT 0" was the least recently used: it went out; "SELECT 1".. stayed.
  auto misses = db->statements().misses();
  db->query("SELECT " + std::to_string(capacity));
  EXPECT_EQ(db->statements().misses(), misses);
  db->query("SELECT 0");
  EXPECT_EQ(db->statements().misses(), misses + 1);
  EXPECT_EQ(db->statements().size(), capacity);
}

TEST(StatementCache, ExecuteKeepsSqlitesPlainMessagesAndStillRunsSeveralStatements) {
  TempDir dir;
  auto db = fresh(dir);
  db->execute("BEGIN");
  EXPECT_EQ(error_of([&] { db->execute("BEGIN"); }),
            "cannot start a transaction within a transaction");
  db->execute("ROLLBACK");
  db->execute("CREATE TABLE a (x); CREATE TABLE b (y);");
  EXPECT_TRUE(db->query("SELECT * FROM b").empty());
  EXPECT_NE(error_of([&] { db->query("SELECT 1; SELECT 2"); }).find("only one statement"),
            std::string::npos);
}

TEST(StatementCache, TakeRemovesAndGiveBackKeepsOneStatementPerText) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &handle), SQLITE_OK);
  {
    sqlite::StatementCache cache(4);
    sqlite3_stmt* first = nullptr;
    sqlite3_stmt* second = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(handle, "SELECT 1", -1, &first, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_prepare_v2(handle, "SELECT 1", -1, &second, nullptr), SQLITE_OK);
    EXPECT_EQ(cache.take("SELECT 1"), nullptr);
    cache.give_back("SELECT 1", first);
    cache.give_back("SELECT 1", second);  // a nested twin: finalized, not kept
    EXPECT_EQ(cache.size(), 1u);
    EXPECT_EQ(cache.take("SELECT 1"), first);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.take("SELECT 1"), nullptr);
    cache.give_back("SELECT 1", first);
  }
  // Every statement was finalized: the connection closes cleanly.
  EXPECT_EQ(sqlite3_close(handle), SQLITE_OK);
}

}  // namespace
}  // namespace quire::db
