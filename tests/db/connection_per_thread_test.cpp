#include "db/connection_per_thread.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "../support/temp_dir.h"
#include "db/db_error.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db {
namespace {

using quire::testing::TempDir;

TEST(ConnectionPerThread, EachThreadGetsItsOwnConnectionAndKeepsIt) {
  TempDir dir;
  auto path = (dir / "a.db").string();
  SqliteDatabase::open(path, true)->execute("CREATE TABLE t (x)");
  ConnectionPerThread pool([&] { return SqliteDatabase::open(path, false); });

  Database* mine = &pool.get();
  EXPECT_EQ(&pool.get(), mine);

  std::vector<Database*> seen(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      seen[i] = &pool.get();
      EXPECT_EQ(&pool.get(), seen[i]);
      seen[i]->query("INSERT INTO t VALUES (?)", {Value{static_cast<std::int64_t>(i)}});
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<Database*> distinct(seen.begin(), seen.end());
  distinct.insert(mine);
  EXPECT_EQ(distinct.size(), 5u);
  EXPECT_EQ(pool.size(), 5u);
  EXPECT_EQ(mine->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{4}});
}

TEST(ConnectionPerThread, TwoPoolsOnOneThreadDoNotShareConnections) {
  TempDir dir;
  auto path = (dir / "a.db").string();
  SqliteDatabase::open(path, true);
  ConnectionPerThread first([&] { return SqliteDatabase::open(path, false); });
  ConnectionPerThread second([&] { return SqliteDatabase::open(path, false); });
  EXPECT_NE(&first.get(), &second.get());
}

TEST(ConnectionPerThread, AFailedOpenThrowsAndIsRetriedOnTheNextCall) {
  TempDir dir;
  auto path = (dir / "late.db").string();
  ConnectionPerThread pool([&] { return SqliteDatabase::open(path, false); });
  EXPECT_THROW(pool.get(), DbError);
  EXPECT_EQ(pool.size(), 0u);
  SqliteDatabase::open(path, true);
  EXPECT_NO_THROW(pool.get());
  EXPECT_EQ(pool.size(), 1u);
}

}  // namespace
}  // namespace quire::db
