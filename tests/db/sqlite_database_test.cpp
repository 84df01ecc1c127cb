#include "db/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <fstream>

#include "../support/temp_dir.h"
#include "db/db_error.h"

namespace quire::db {
namespace {

using quire::testing::TempDir;

TEST(SqliteDatabase, OpensInWalModeWithForeignKeys) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  EXPECT_EQ(db->query("PRAGMA journal_mode")[0][0], Value{std::string("wal")});
  EXPECT_EQ(db->query("PRAGMA foreign_keys")[0][0], Value{std::int64_t{1}});
  // synchronous=NORMAL is 1.
  EXPECT_EQ(db->query("PRAGMA synchronous")[0][0], Value{std::int64_t{1}});
}

TEST(SqliteDatabase, RoundTripsEveryValueKindThroughParameters) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  db->execute("CREATE TABLE t (a, b, c, d)");
  std::string text_with_nul("x\0y", 3);
  db->query("INSERT INTO t VALUES (?, ?, ?, ?)",
            {Value{}, Value{std::int64_t{-9007199254740993}}, Value{0.1}, Value{text_with_nul}});
  auto rows = db->query("SELECT a, b, c, d FROM t");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], Value{});
  EXPECT_EQ(rows[0][1], Value{std::int64_t{-9007199254740993}});
  EXPECT_EQ(rows[0][2], Value{0.1});
  EXPECT_EQ(rows[0][3], Value{text_with_nul});
}

TEST(SqliteDatabase, RefusesToCreateWhenAskedOnlyToOpen) {
  TempDir dir;
  EXPECT_THROW(SqliteDatabase::open((dir / "missing.db").string(), false), DbError);
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST(SqliteDatabase, AFileThatIsNotADatabaseGivesAClearError) {
  TempDir dir;
  std::ofstream(dir / "junk.db")
      << "this is not a database, just text long enough to have a header";
  try {
    SqliteDatabase::open((dir / "junk.db").string(), false);
    FAIL() << "expected DbError";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("junk.db"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a database"), std::string::npos) << e.what();
  }
}

TEST(SqliteDatabase, BadSqlAndWrongParameterCountsThrow) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  EXPECT_THROW(db->execute("CREATE TABLEX"), DbError);
  EXPECT_THROW(db->query("SELEC 1"), DbError);
  EXPECT_THROW(db->query("SELECT ?", {}), DbError);
  EXPECT_THROW(db->query("SELECT 1", {Value{std::int64_t{1}}}), DbError);
  EXPECT_THROW(db->query("SELECT 1; SELECT 2"), DbError);
  EXPECT_THROW(db->query(""), DbError);
}

TEST(SqliteDatabase, InTransactionRollsBackWhenTheBodyThrows) {
  TempDir dir;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true);
  db->execute("CREATE TABLE t (x)");
  EXPECT_THROW(in_transaction(*db,
                              [&] {
                                db->execute("INSERT INTO t VALUES (1)");
                                throw std::runtime_error("boom");
                              }),
               std::runtime_error);
  EXPECT_EQ(db->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{0}});
  in_transaction(*db, [&] { db->execute("INSERT INTO t VALUES (2)"); });
  EXPECT_EQ(db->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{1}});
}

TEST(SqliteDatabase, TwoConnectionsSeeEachOthersCommits) {
  TempDir dir;
  auto path = (dir / "a.db").string();
  auto writer = SqliteDatabase::open(path, true);
  auto reader = SqliteDatabase::open(path, false);
  writer->execute("CREATE TABLE t (x)");
  writer->begin();
  writer->execute("INSERT INTO t VALUES (1)");
  // WAL: the reader is not blocked by the open write transaction, and does
  // not see it until it commits.
  EXPECT_EQ(reader->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{0}});
  writer->commit();
  EXPECT_EQ(reader->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{1}});
}

}  // namespace
}  // namespace quire::db
