// SQLITE_BUSY (another connection kept the write lock for the whole busy
// timeout) surfaces as db::DbBusyError, whichever way the statement ran, so
// the REST layer and scripts can answer "busy, retry"; other failures stay
// plain DbErrors.

#include <gtest/gtest.h>

#include "../support/temp_dir.h"
#include "db/db_busy_error.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db {
namespace {

using quire::testing::TempDir;

class BusyError : public ::testing::Test {
 protected:
  void SetUp() override {
    sqlite::WalLimit quick;
    quick.busy_timeout_ms = 50;  // the test waits this long per locked statement
    holder = SqliteDatabase::open((dir / "a.db").string(), true);
    holder->execute("CREATE TABLE t (a)");
    waiter = SqliteDatabase::open((dir / "a.db").string(), false, quick);
    holder->begin();
    holder->query("INSERT INTO t VALUES (1)");
  }
  void TearDown() override { holder->rollback(); }
  TempDir dir;
  std::unique_ptr<SqliteDatabase> holder, waiter;
};

TEST_F(BusyError, BeginImmediateThrowsDbBusyError) {
  EXPECT_THROW(waiter->begin(), DbBusyError);
}

TEST_F(BusyError, AWriteInAutocommitThrowsDbBusyError) {
  EXPECT_THROW(waiter->query("INSERT INTO t VALUES (2)"), DbBusyError);
  EXPECT_THROW(waiter->execute("INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)"), DbBusyError);
}

TEST_F(BusyError, ReadsStillWorkAndOtherErrorsAreNotBusy) {
  EXPECT_TRUE(waiter->query("SELECT a FROM t").empty());  // WAL: the old snapshot
  try {
    waiter->query("SELECT nope FROM t");
    ADD_FAILURE() << "no error";
  } catch (const DbBusyError&) {
    ADD_FAILURE() << "a bad column is not busy";
  } catch (const DbError&) {
  }
}

}  // namespace
}  // namespace quire::db
