#include "db/sqlite/wal_limit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "../support/temp_dir.h"
#include "db/sqlite/sqlite_database.h"

namespace quire::db {
namespace {

using quire::testing::TempDir;

std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// Sustained commits while other connections read without pause: the readers
// always hold some snapshot, so SQLite's PASSIVE auto-checkpoint alone never
// gets to start the log over and it grows by every commit (about 25 MB
// here). With the limit the log stays near `restart_pages`.
TEST(WalLimit, TheLogStaysBoundedUnderWritesWithConcurrentReaders) {
  TempDir dir;
  auto path = (dir / "site.db").string();
  sqlite::WalLimit limit;
  limit.passive_pages = 64;
  limit.restart_pages = 256;  // 1 MB of 4 KB pages
  limit.retry_after_pages = 32;
  // Long enough that a RESTART rarely times out on a loaded machine (a
  // reader descheduled mid-read); timeouts are the other test's subject.
  limit.restart_wait_ms = 500;
  auto writer = SqliteDatabase::open(path, true, limit);
  writer->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, tag TEXT, body TEXT)");
  writer->execute("CREATE INDEX t_tag ON t (tag)");

  std::atomic<bool> stop{false};
  std::atomic<long> reads{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      auto reader = SqliteDatabase::open(path, false, limit);
      while (!stop.load()) {
        reader->query("SELECT count(*), max(id) FROM t");
        reads.fetch_add(1);
      }
    });
  }
  // The readers are reading before the first write.
  while (reads.load() < 10) std::this_thread::yield();

  constexpr int kCommits = 3000;
  std::uintmax_t largest_wal = 0;
  std::string body(1500, 'x');
  for (int i = 0; i < kCommits; ++i) {
    // A tag that lands on a different index page each time, as a hashed name does.
    std::string tag = std::to_string((i * 7919L) % 100003);
    in_transaction(*writer, [&] {
      writer->query("INSERT INTO t (tag, body) VALUES (?, ?)", {Value{tag}, Value{body}});
    });
    largest_wal = std::max(largest_wal, file_size_or_zero(path + "-wal"));
  }
  stop.store(true);
  for (auto& t : readers) t.join();

  EXPECT_EQ(writer->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{kCommits}});
  EXPECT_GT(reads.load(), 100);
  // restart_pages plus slack for RESTARTs that timed out (38 MB without them).
  EXPECT_LT(largest_wal, 8u * 1024 * 1024) << "the WAL grew to " << largest_wal << " bytes";
}

// A read that lasts (a long report) keeps RESTART from finishing; trying
// again at every commit would hold every write up by the restart wait for as
// long as the read lasts, so a timed-out RESTART waits for the log to grow.
TEST(WalLimit, ARestartBlockedByALongReadIsNotRetriedAtEveryCommit) {
  TempDir dir;
  auto path = (dir / "site.db").string();
  sqlite::WalLimit limit;
  limit.passive_pages = 16;
  limit.restart_pages = 64;
  limit.restart_wait_ms = 1;
  limit.retry_after_pages = 256;
  auto writer = SqliteDatabase::open(path, true, limit);
  writer->execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
  writer->query("INSERT INTO t (body) VALUES ('first')");

  auto reader = SqliteDatabase::open(path, false, limit);
  reader->execute("BEGIN");                 // deferred: a read transaction, no write lock
  reader->query("SELECT count(*) FROM t");  // holds this snapshot until rollback

  constexpr int kCommits = 600;
  std::string body(3000, 'x');  // one page a row, so the log grows by 1+ page a commit
  for (int i = 0; i < kCommits; ++i) {
    try {
      writer->query("INSERT INTO t (body) VALUES (?)", {Value{body}});
    } catch (const std::exception& e) {
      FAIL() << "commit " << i << ": " << e.what();
    }
  }
  // Every commit past 64 pages (500+) without the back-off; one try per 256
  // pages of growth with it.
  EXPECT_GE(writer->wal().restarts_tried, 1);
  EXPECT_LE(writer->wal().restarts_tried, 10);

  // Once the read ends the log is started over and cut back to the limit.
  auto wal_during_read = file_size_or_zero(path + "-wal");
  reader->rollback();
  for (int i = 0; i < 300; ++i) {
    writer->query("INSERT INTO t (body) VALUES (?)", {Value{body}});
  }
  EXPECT_LT(file_size_or_zero(path + "-wal"), wal_during_read / 2);
  EXPECT_EQ(writer->query("SELECT count(*) FROM t")[0][0], Value{std::int64_t{kCommits + 301}});
}

TEST(WalLimit, SetsJournalSizeLimitToTheRestartSize) {
  TempDir dir;
  sqlite::WalLimit limit;
  limit.restart_pages = 100;
  auto db = SqliteDatabase::open((dir / "a.db").string(), true, limit);
  auto page_size = std::get<std::int64_t>(db->query("PRAGMA page_size")[0][0]);
  EXPECT_EQ(db->query("PRAGMA journal_size_limit")[0][0], Value{100 * (page_size + 24)});
}

}  // namespace
}  // namespace quire::db
