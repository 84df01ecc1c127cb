#include "jobs/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "jobs_fixture.h"

namespace quire::jobs {
namespace {

using testing::JobsDatabase;
using testing::kStart;
using testing::scalar;

EnqueueRequest request(std::string method, std::string args = "{}") {
  EnqueueRequest r;
  r.method = std::move(method);
  r.args = std::move(args);
  return r;
}

// Collects what the pool logs instead of printing it.
struct LogLines {
  std::mutex mutex;
  std::vector<std::string> lines;
  std::function<void(const std::string&)> sink() {
    return [this](const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    };
  }
};

struct Harness {
  JobsDatabase site;
  std::unique_ptr<db::Database> db = site.open();
  FakeClock clock{kStart};
  JobQueue queue{clock};
  HandlerRegistry handlers;
  LogLines logs;
  WorkerOptions options() {
    WorkerOptions o;
    o.name = "test";
    o.log = logs.sink();
    return o;
  }
  Harness() { db->execute("CREATE TABLE effects (job INTEGER, note TEXT)"); }
};

TEST(WorkerPool, RunOneCommitsTheHandlersWritesWithTheCompletion) {
  Harness h;
  h.handlers.add("app.note", [](JobContext& c) {
    c.db.query("INSERT INTO effects VALUES (?, 'done')", {db::Value{c.job.id}});
  });
  auto id = h.queue.enqueue(*h.db, request("app.note"));
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  EXPECT_FALSE(pool.run_one(*h.db, "test/0")) << "nothing left";
  EXPECT_EQ(scalar(*h.db, "SELECT count(*) FROM effects WHERE job = " + std::to_string(*id)), 1);
  EXPECT_EQ(h.queue.counts(*h.db)[JobStatus::finished], 1);
  EXPECT_EQ(pool.stats().finished, 1);
}

TEST(WorkerPool, AThrowingHandlerIsRolledBackAndTheErrorRecorded) {
  Harness h;
  h.handlers.add("app.flaky", [](JobContext& c) {
    c.db.query("INSERT INTO effects VALUES (?, 'half')", {db::Value{c.job.id}});
    throw std::runtime_error("ValidationError: Customer is mandatory");
  });
  h.queue.enqueue(*h.db, request("app.flaky"));
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  EXPECT_EQ(scalar(*h.db, "SELECT count(*) FROM effects"), 0) << "no partial write";
  auto failed = h.queue.list(*h.db, JobStatus::failed, 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(*failed[0].error, "ValidationError: Customer is mandatory");
  EXPECT_EQ(pool.stats().failed, 1);
}

TEST(WorkerPool, AFailureHandlerWritesAfterTheRollbackAndItsOwnFailureLeavesNothing) {
  Harness h;
  h.handlers.add(
      "app.fails",
      [](JobContext& c) {
        c.db.query("INSERT INTO effects VALUES (?, 'work')", {db::Value{c.job.id}});
        throw std::runtime_error("boom");
      },
      [](JobContext& c, const std::string& error) {
        c.db.query("INSERT INTO effects VALUES (?, ?)", {db::Value{c.job.id}, db::Value{error}});
      });
  h.handlers.add(
      "app.fails_twice", [](JobContext&) { throw std::runtime_error("first"); },
      [](JobContext& c, const std::string&) {
        c.db.query("INSERT INTO effects VALUES (?, 'half a log')", {db::Value{c.job.id}});
        throw std::runtime_error("second");
      });
  h.queue.enqueue(*h.db, request("app.fails"));
  h.queue.enqueue(*h.db, request("app.fails_twice"));
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  auto rows = h.db->query("SELECT job, note FROM effects");
  ASSERT_EQ(rows.size(), 1u) << "the job's write and the half-done log are gone";
  EXPECT_EQ(rows[0][1], db::Value{std::string("boom")});
  EXPECT_EQ(h.queue.counts(*h.db)[JobStatus::failed], 2) << "both failures recorded";
  ASSERT_EQ(h.logs.lines.size(), 1u);
  EXPECT_EQ(h.logs.lines[0], "the failure handler of job 2 (app.fails_twice) failed: second");
}

TEST(WorkerPool, AnUnknownMethodFailsTheJobSayingSo) {
  Harness h;
  h.queue.enqueue(*h.db, request("app.missing"));
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  auto failed = h.queue.list(*h.db, JobStatus::failed, 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(*failed[0].error, "no handler for method 'app.missing'");
}

TEST(WorkerPool, AJobThatOverrunsItsTimeoutIsRolledBackAndFailed) {
  Harness h;
  h.handlers.add("app.slow", [&](JobContext& c) {
    c.db.query("INSERT INTO effects VALUES (?, 'late')", {db::Value{c.job.id}});
    EXPECT_EQ(c.deadline_ms, kStart + 2000) << "the handler sees its deadline";
    h.clock.advance(2001);
  });
  EnqueueRequest r = request("app.slow");
  r.timeout_ms = 2000;
  h.queue.enqueue(*h.db, r);
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  EXPECT_EQ(scalar(*h.db, "SELECT count(*) FROM effects"), 0);
  auto failed = h.queue.list(*h.db, JobStatus::failed, 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(*failed[0].error, "job exceeded its timeout of 2.0 s; its changes were rolled back");
  EXPECT_EQ(pool.stats().timed_out, 1);
}

TEST(WorkerPool, AJobThatLostItsLeaseIsRolledBackAndLeftToItsNewOwner) {
  Harness h;
  h.handlers.add("app.stalls", [&](JobContext& c) {
    c.db.query("INSERT INTO effects VALUES (?, 'stale')", {db::Value{c.job.id}});
    // The lease runs out while the job runs and another process releases it.
    h.clock.advance(60'001);
    h.queue.release_expired(c.db);
  });
  h.queue.enqueue(*h.db, request("app.stalls"));
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  EXPECT_TRUE(pool.run_one(*h.db, "test/0"));
  EXPECT_EQ(scalar(*h.db, "SELECT count(*) FROM effects"), 0);
  EXPECT_EQ(pool.stats().lost, 1);
  auto queued = h.queue.list(*h.db, JobStatus::queued, 10);
  ASSERT_EQ(queued.size(), 0u) << "the release was rolled back with the job's transaction";
  // The release happened inside the rolled-back transaction, so the job is
  // still running under the old claim until its lease is released for real.
  auto released = h.queue.release_expired(*h.db);
  EXPECT_EQ(released.requeued, 1);
}

TEST(WorkerPool, AClaimedJobWhoseClaimExpiredBeforeItStartedIsNotRun) {
  Harness h;
  int runs = 0;
  h.handlers.add("app.once", [&](JobContext&) { ++runs; });
  h.queue.enqueue(*h.db, request("app.once"));
  WorkerPool pool(h.site.opener(), h.queue, h.handlers, h.clock, h.options());
  auto job = h.queue.claim(*h.db, {"default"}, "test/0", 1000);
  ASSERT_TRUE(job);
  h.clock.advance(1001);
  h.queue.release_expired(*h.db);
  auto other = h.queue.claim(*h.db, {"default"}, "other", 1000);
  ASSERT_TRUE(other);
  pool.run_claimed(*h.db, "test/0", *job);
  EXPECT_EQ(runs, 0) << "the stale claim did not run";
  EXPECT_EQ(pool.stats().lost, 1);
  pool.run_claimed(*h.db, "other", *other);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(h.queue.counts(*h.db)[JobStatus::finished], 1);
}

TEST(WorkerPool, ThreadsRunEveryJobAndStopGracefully) {
  JobsDatabase site;
  SystemClock clock;
  JobQueue queue(clock);
  HandlerRegistry handlers;
  std::atomic<int> runs{0};
  handlers.add("app.count", [&](JobContext& c) {
    c.db.query("INSERT INTO effects VALUES (?, 'ok')", {db::Value{c.job.id}});
    ++runs;
  });
  auto db = site.open();
  db->execute("CREATE TABLE effects (job INTEGER, note TEXT)");
  constexpr int kJobs = 500;
  db::in_transaction(*db, [&] {
    for (int i = 0; i < kJobs; ++i) queue.enqueue(*db, request("app.count"));
  });
  LogLines logs;
  WorkerOptions options;
  options.threads = 2;
  options.log = logs.sink();
  WorkerPool pool(site.opener(), queue, handlers, clock, options);
  pool.start();
  for (int i = 0; i < 6000 && queue.pending(*db) > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pool.stop();
  EXPECT_EQ(queue.pending(*db), 0);
  EXPECT_EQ(runs, kJobs);
  EXPECT_EQ(scalar(*db, "SELECT count(DISTINCT job) FROM effects"), kJobs);
  EXPECT_EQ(pool.stats().finished, kJobs);
  EXPECT_TRUE(logs.lines.empty()) << logs.lines.front();
}

TEST(WorkerPool, StopLetsTheRunningJobFinishAndCommit) {
  JobsDatabase site;
  SystemClock clock;
  JobQueue queue(clock);
  HandlerRegistry handlers;
  std::atomic<bool> started{false};
  std::atomic<bool> release{false};
  handlers.add("app.long", [&](JobContext& c) {
    started = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    c.db.query("INSERT INTO effects VALUES (?, 'finished')", {db::Value{c.job.id}});
  });
  auto db = site.open();
  db->execute("CREATE TABLE effects (job INTEGER, note TEXT)");
  queue.enqueue(*db, request("app.long"));
  queue.enqueue(*db, request("app.long"));
  WorkerOptions options;
  options.threads = 1;
  WorkerPool pool(site.opener(), queue, handlers, clock, options);
  pool.start();
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::thread stopper([&] { pool.stop(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release = true;
  stopper.join();
  EXPECT_EQ(scalar(*db, "SELECT count(*) FROM effects"), 1);
  auto counts = queue.counts(*db);
  EXPECT_EQ(counts[JobStatus::finished], 1);
  EXPECT_EQ(counts[JobStatus::queued], 1) << "the second job was not started";
}

TEST(WorkerPool, BadOptionsAreRefused) {
  Harness h;
  WorkerOptions none = h.options();
  none.threads = 0;
  EXPECT_THROW(WorkerPool(h.site.opener(), h.queue, h.handlers, h.clock, none), JobError);
  WorkerOptions bad_queue = h.options();
  bad_queue.queues = {"urgent"};
  EXPECT_THROW(WorkerPool(h.site.opener(), h.queue, h.handlers, h.clock, bad_queue), JobError);
}

TEST(HandlerRegistry, FindsReplacesAndRemovesHandlers) {
  HandlerRegistry registry;
  int which = 0;
  registry.add("m", [&](JobContext&) { which = 1; });
  registry.add("m", [&](JobContext&) { which = 2; });
  auto handler = registry.find("m");
  ASSERT_TRUE(handler);
  JobsDatabase site;
  auto db = site.open();
  Job job;
  SystemClock clock;
  JobContext context{job, *db, 0, clock};
  (*handler)(context);
  EXPECT_EQ(which, 2);
  EXPECT_EQ(registry.methods(), std::vector<std::string>{"m"});
  EXPECT_TRUE(registry.remove("m"));
  EXPECT_FALSE(registry.find("m"));
  EXPECT_THROW(registry.add("", [](JobContext&) {}), JobError);
  EXPECT_THROW(registry.add("x", JobHandler{}), JobError);
}

}  // namespace
}  // namespace quire::jobs
