// The read-only SQL path for scripts is enforced by SQLite's authorizer:
// writes, schema changes, pragmas, attaching files and credential tables are
// refused however the statement is spelled.
#include <gtest/gtest.h>

#include "db/sqlite/read_only_query.h"

namespace quire::db {
namespace {

class ReadOnly : public ::testing::Test {
 public:
  void SetUp() override {
    db = SqliteDatabase::open(":memory:", true);
    db->execute(
        "CREATE TABLE tabNote (name TEXT PRIMARY KEY, title TEXT);"
        "INSERT INTO tabNote VALUES ('n1', 'hello'), ('n2', 'world');"
        "CREATE TABLE __Auth (doctype TEXT, name TEXT, fieldname TEXT, password TEXT);"
        "INSERT INTO __Auth VALUES ('User', 'a', 'password', 'secret');");
  }
  ReadOnlyResult run(const std::string& sql, const std::vector<Value>& params = {}) {
    return read_only_query(*db, sql, params, {"__Auth"});
  }
  std::unique_ptr<SqliteDatabase> db;
  const std::vector<std::string> hidden = {"__Auth"};
};

TEST_F(ReadOnly, SelectsWithParametersAndCtes) {
  auto r = run("SELECT name, title AS t FROM tabNote WHERE name = ?", {std::string("n2")});
  EXPECT_EQ(r.columns, (std::vector<std::string>{"name", "t"}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0][1], Value{std::string("world")});
  auto cte = run("  with x as (select count(*) as n from tabNote) select n from x");
  EXPECT_EQ(cte.rows[0][0], Value{std::int64_t{2}});
  auto rec =
      run("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3) SELECT "
          "sum(i) FROM c");
  EXPECT_EQ(rec.rows[0][0], Value{std::int64_t{6}});
}

TEST_F(ReadOnly, EveryKindOfWriteIsRefused) {
  for (const char* sql : {"DELETE FROM tabNote",
                          "INSERT INTO tabNote VALUES ('x', 'y')",
                          "UPDATE tabNote SET title = 'x'",
                          "DROP TABLE tabNote",
                          "CREATE TABLE t (a)",
                          "ALTER TABLE tabNote ADD COLUMN c",
                          "PRAGMA journal_mode=DELETE",
                          "PRAGMA table_info(tabNote)",
                          "ATTACH DATABASE '/tmp/x.db' AS x",
                          "BEGIN",
                          "COMMIT",
                          "SAVEPOINT a",
                          "VACUUM",
                          "REINDEX",
                          "ANALYZE",
                          "WITH x AS (SELECT 1) DELETE FROM tabNote",
                          "/* select */ DELETE FROM tabNote",
                          "SELECT 1; DELETE FROM tabNote",
                          "select load_extension('/tmp/evil.so')",
                          "REPLACE INTO tabNote VALUES ('n1', 'x')",
                          "CREATE TEMP TABLE t AS SELECT 1"}) {
    EXPECT_THROW(run(sql), ReadOnlyViolation) << sql;
  }
  EXPECT_EQ(db->query("SELECT count(*) FROM tabNote")[0][0], Value{std::int64_t{2}});
}

TEST_F(ReadOnly, CredentialTablesCannotBeRead) {
  for (const char* sql : {"SELECT * FROM __Auth", "select password from __auth",
                          "SELECT (SELECT password FROM `__Auth`)",
                          "SELECT name FROM tabNote UNION SELECT password FROM __Auth",
                          "WITH a AS (SELECT * FROM __Auth) SELECT * FROM a"}) {
    EXPECT_THROW(run(sql), ReadOnlyViolation) << sql;
  }
}

TEST_F(ReadOnly, AuthorizerIsRemovedAfterwards) {
  EXPECT_THROW(run("DELETE FROM tabNote"), ReadOnlyViolation);
  db->execute("DELETE FROM tabNote WHERE name = 'n1'");
  EXPECT_EQ(db->query("SELECT count(*) FROM tabNote")[0][0], Value{std::int64_t{1}});
}

TEST_F(ReadOnly, EngineErrorsStayEngineErrors) {
  try {
    run("SELECT nope FROM tabNote");
    FAIL();
  } catch (const ReadOnlyViolation&) {
    FAIL() << "a bad column is not a policy violation";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("no such column"), std::string::npos);
  }
}

}  // namespace
}  // namespace quire::db
