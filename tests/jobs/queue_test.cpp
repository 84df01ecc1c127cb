#include "jobs/job_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "db/db_error.h"
#include "jobs_fixture.h"

namespace quire::jobs {
namespace {

using testing::JobsDatabase;
using testing::kStart;
using testing::scalar;

const std::vector<std::string> kAllQueues = {"short", "default", "long"};

EnqueueRequest request(std::string method, std::string queue = "default") {
  EnqueueRequest r;
  r.method = std::move(method);
  r.queue = std::move(queue);
  return r;
}

TEST(JobQueue, EnqueueThenClaimHandsOutTheJobWithItsAttemptCount) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  EnqueueRequest r = request("app.send_report");
  r.args = R"({"to": "a@b.c"})";
  auto id = queue.enqueue(*db, r);
  ASSERT_TRUE(id);

  clock.advance(500);
  auto job = queue.claim(*db, kAllQueues, "w1", 10'000);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, *id);
  EXPECT_EQ(job->method, "app.send_report");
  EXPECT_EQ(job->args, R"({"to": "a@b.c"})");
  EXPECT_EQ(job->status, JobStatus::running);
  EXPECT_EQ(job->attempts, 1);
  EXPECT_EQ(job->worker, "w1");
  EXPECT_EQ(job->enqueued_at, kStart);
  EXPECT_EQ(job->started_at, kStart + 500);
  EXPECT_EQ(job->lease_until, kStart + 500 + 10'000);
  EXPECT_FALSE(queue.claim(*db, kAllQueues, "w2", 10'000)) << "a job is claimed once";
}

TEST(JobQueue, ABatchClaimTakesUpToTheLimitInClaimOrder) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  for (int i = 0; i < 3; ++i) queue.enqueue(*db, request("d" + std::to_string(i)));
  queue.enqueue(*db, request("s0", "short"));
  queue.enqueue(*db, request("l0", "long"));
  auto batch = queue.claim_batch(*db, kAllQueues, "w", 1000, 4);
  std::vector<std::string> methods;
  for (const auto& job : batch) methods.push_back(job.method);
  EXPECT_EQ(methods, (std::vector<std::string>{"s0", "d0", "d1", "d2"}));
  for (const auto& job : batch) EXPECT_EQ(job.attempts, 1);
  EXPECT_EQ(queue.claim_batch(*db, kAllQueues, "w", 1000, 4).size(), 1u);
  EXPECT_TRUE(queue.claim_batch(*db, kAllQueues, "w", 1000, 4).empty());
  EXPECT_THROW(queue.claim_batch(*db, kAllQueues, "w", 1000, 0), JobError);
}

TEST(JobQueue, AnUnclaimedJobGoesBackWithItsAttemptUncounted) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("m"));
  auto job = queue.claim(*db, kAllQueues, "w1", 1000);
  ASSERT_TRUE(job);
  EXPECT_FALSE(queue.unclaim(*db, *job, "w2")) << "only the holder can give it back";
  EXPECT_TRUE(queue.unclaim(*db, *job, "w1"));
  EXPECT_FALSE(queue.unclaim(*db, *job, "w1")) << "once";
  auto again = queue.claim(*db, kAllQueues, "w2", 1000);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 1);
  EXPECT_EQ(queue.pending(*db), 1);
}

TEST(JobQueue, QueuesHaveFrappesDefaultTimeouts) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("a", "short"));
  queue.enqueue(*db, request("b", "default"));
  queue.enqueue(*db, request("c", "long"));
  EnqueueRequest custom = request("d", "long");
  custom.timeout_ms = 42'000;
  queue.enqueue(*db, custom);
  std::map<std::string, Millis> timeouts;
  for (const auto& job : queue.list(*db, std::nullopt, 10)) timeouts[job.method] = job.timeout_ms;
  EXPECT_EQ(timeouts["a"], 300'000);
  EXPECT_EQ(timeouts["b"], 300'000);
  EXPECT_EQ(timeouts["c"], 1'500'000);
  EXPECT_EQ(timeouts["d"], 42'000);
}

TEST(JobQueue, ShortIsDrainedBeforeDefaultBeforeLongAndOldestFirst) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("long1", "long"));
  queue.enqueue(*db, request("default1", "default"));
  queue.enqueue(*db, request("short1", "short"));
  queue.enqueue(*db, request("default2", "default"));
  std::vector<std::string> order;
  while (auto job = queue.claim(*db, kAllQueues, "w", 1000)) order.push_back(job->method);
  EXPECT_EQ(order, (std::vector<std::string>{"short1", "default1", "default2", "long1"}));
}

TEST(JobQueue, RenewExtendsTheLeaseOnlyForTheCurrentHolder) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("m"));
  auto job = queue.claim(*db, kAllQueues, "w1", 1000);
  clock.advance(900);
  EXPECT_TRUE(queue.renew(*db, *job, "w1", 1000));
  clock.advance(900);
  EXPECT_EQ(queue.release_expired(*db).requeued, 0) << "renewed until 1900 ms";
  EXPECT_FALSE(queue.renew(*db, *job, "w2", 1000));
  clock.advance(1000);
  EXPECT_EQ(queue.release_expired(*db).requeued, 1);
  EXPECT_FALSE(queue.renew(*db, *job, "w1", 1000)) << "the claim is gone";
}

TEST(JobQueue, AWorkerClaimsOnlyFromItsQueues) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("slow", "long"));
  EXPECT_FALSE(queue.claim(*db, {"short", "default"}, "w", 1000));
  EXPECT_FALSE(queue.has_claimable(*db, {"short", "default"}));
  EXPECT_TRUE(queue.has_claimable(*db, {"long"}));
  EXPECT_TRUE(queue.claim(*db, {"long"}, "w", 1000));
}

TEST(JobQueue, BadRequestsGetClearErrors) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  auto message_of = [&](const EnqueueRequest& r) {
    try {
      queue.enqueue(*db, r);
    } catch (const JobError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message_of(request("m", "urgent")),
            "unknown queue 'urgent': use short, default or long");
  EXPECT_EQ(message_of(request("")), "a job needs a method to run");
  EnqueueRequest bad_json = request("m");
  bad_json.args = "{not json";
  EXPECT_EQ(message_of(bad_json), "job args are not valid JSON: {not json");
  EnqueueRequest not_object = request("m");
  not_object.args = "[1, 2]";
  EXPECT_EQ(message_of(not_object), "job args must be a JSON object, not [1, 2]");
  EnqueueRequest bad_timeout = request("m");
  bad_timeout.timeout_ms = 0;
  EXPECT_EQ(message_of(bad_timeout), "a job timeout must be positive, not 0 ms");
  EXPECT_THROW(queue.claim(*db, {"urgent"}, "w", 1000), JobError);
  EXPECT_THROW(queue.claim(*db, {}, "w", 1000), JobError);
  EXPECT_EQ(queue.pending(*db), 0) << "nothing was written";
}

TEST(JobQueue, AJobIdIsSkippedWhileQueuedOrRunningAndFreeAgainAfter) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  EnqueueRequest r = request("m");
  r.job_id = "scheduled_job||daily_digest";
  auto first = queue.enqueue(*db, r);
  ASSERT_TRUE(first);
  EXPECT_FALSE(queue.enqueue(*db, r)) << "skipped while queued";
  auto job = queue.claim(*db, kAllQueues, "w", 1000);
  ASSERT_TRUE(job);
  EXPECT_FALSE(queue.enqueue(*db, r)) << "skipped while running";
  EnqueueRequest other = r;
  other.job_id = "scheduled_job||other";
  EXPECT_TRUE(queue.enqueue(*db, other)) << "another id is independent";
  ASSERT_TRUE(queue.complete(*db, *job, "w"));
  auto again = queue.enqueue(*db, r);
  ASSERT_TRUE(again) << "free again once finished";
  EXPECT_NE(*again, *first);
}

TEST(JobQueue, AFullQueueRefusesWithAClearErrorAndTakesJobsAgainWhenDrained) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  QueueOptions options;
  options.max_pending = 3;
  JobQueue queue(clock, options);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(queue.enqueue(*db, request("m")));
  try {
    queue.enqueue(*db, request("m"));
    FAIL() << "expected QueueFullError";
  } catch (const QueueFullError& e) {
    EXPECT_EQ(std::string(e.what()),
              "the job queue is full: 3 jobs are queued or running (limit 3); start more "
              "workers or raise the site's jobs_max_pending");
  }
  EXPECT_EQ(queue.pending(*db), 3);
  // Running jobs still count; finished ones do not.
  auto job = queue.claim(*db, kAllQueues, "w", 1000);
  EXPECT_THROW(queue.enqueue(*db, request("m")), QueueFullError);
  ASSERT_TRUE(queue.complete(*db, *job, "w"));
  EXPECT_EQ(queue.pending(*db), 2);
  EXPECT_TRUE(queue.enqueue(*db, request("m")));
}

TEST(JobQueue, AJobEnqueuedInARolledBackTransactionNeverRuns) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  EXPECT_THROW(db::in_transaction(*db,
                                  [&] {
                                    queue.enqueue(*db, request("app.charge_card"));
                                    throw std::runtime_error("validation failed");
                                  }),
               std::runtime_error);
  EXPECT_FALSE(queue.claim(*db, kAllQueues, "w", 1000));
  EXPECT_EQ(queue.pending(*db), 0) << "the size counter rolled back with it";
  EXPECT_EQ(scalar(*db, "SELECT count(*) FROM `__job_queue`"), 0);
}

TEST(JobQueue, AJobEnqueuedInATransactionIsInvisibleToWorkersUntilItCommits) {
  JobsDatabase site;
  auto request_side = site.open();
  auto worker_side = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  request_side->begin();
  ASSERT_TRUE(queue.enqueue(*request_side, request("app.after_save")));
  EXPECT_FALSE(queue.has_claimable(*worker_side, kAllQueues));
  EXPECT_EQ(queue.pending(*worker_side), 0);
  request_side->commit();
  EXPECT_TRUE(queue.has_claimable(*worker_side, kAllQueues));
  EXPECT_TRUE(queue.claim(*worker_side, kAllQueues, "w", 1000));
}

TEST(JobQueue, NotBeforeHoldsAJobBack) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  EnqueueRequest r = request("m");
  r.not_before_ms = kStart + 5000;
  queue.enqueue(*db, r);
  EXPECT_FALSE(queue.claim(*db, kAllQueues, "w", 1000));
  clock.advance(5000);
  EXPECT_TRUE(queue.claim(*db, kAllQueues, "w", 1000));
}

TEST(JobQueue, AnExpiredLeaseQueuesTheJobAgainAndTheOldClaimIsVoid) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("m"));
  auto first = queue.claim(*db, kAllQueues, "dead-worker", 1000);
  ASSERT_TRUE(first);
  clock.advance(1000);
  auto released = queue.release_expired(*db);
  EXPECT_EQ(released.requeued, 0) << "the lease runs until its last millisecond";
  clock.advance(1);
  released = queue.release_expired(*db);
  EXPECT_EQ(released.requeued, 1);
  EXPECT_EQ(released.failed, 0);
  auto listed = queue.list(*db, JobStatus::queued, 10);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(*listed[0].error, "worker dead-worker stopped renewing its lease (attempt 1 of 3)");

  auto second = queue.claim(*db, kAllQueues, "live-worker", 1000);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->attempts, 2) << "the attempt count shows the redelivery";
  EXPECT_FALSE(queue.complete(*db, *first, "dead-worker")) << "the old claim is void";
  EXPECT_FALSE(queue.fail(*db, *first, "dead-worker", "x"));
  EXPECT_TRUE(queue.complete(*db, *second, "live-worker"));
}

TEST(JobQueue, AJobWhoseWorkersKeepDyingFailsAfterMaxAttempts) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  QueueOptions options;
  options.max_attempts = 2;
  JobQueue queue(clock, options);
  queue.enqueue(*db, request("crashes_the_process"));
  for (int attempt = 1; attempt <= 2; ++attempt) {
    ASSERT_TRUE(queue.claim(*db, kAllQueues, "w" + std::to_string(attempt), 100));
    clock.advance(101);
    auto released = queue.release_expired(*db);
    EXPECT_EQ(released.requeued + released.failed, 1);
    EXPECT_EQ(released.failed, attempt == 2 ? 1 : 0);
  }
  EXPECT_FALSE(queue.claim(*db, kAllQueues, "w3", 100));
  auto failed = queue.list(*db, JobStatus::failed, 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].attempts, 2);
  EXPECT_EQ(*failed[0].error, "worker w2 stopped renewing its lease (attempt 2 of 2)");
  EXPECT_EQ(queue.pending(*db), 0);
}

TEST(JobQueue, AHeartbeatKeepsTheLeaseAlive) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("m"));
  queue.enqueue(*db, request("m"));
  auto mine = queue.claim(*db, kAllQueues, "w1", 1000);
  auto theirs = queue.claim(*db, kAllQueues, "w2", 1000);
  for (int i = 0; i < 5; ++i) {
    clock.advance(800);
    EXPECT_EQ(queue.heartbeat(*db, {"w1"}, 1000), 1);
  }
  auto released = queue.release_expired(*db);
  EXPECT_EQ(released.requeued, 1) << "only the job without heartbeats";
  EXPECT_TRUE(queue.complete(*db, *mine, "w1"));
  EXPECT_FALSE(queue.complete(*db, *theirs, "w2"));
}

TEST(JobQueue, FailureRecordsTheErrorAndRetryQueuesItAgain) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  queue.enqueue(*db, request("a"));
  queue.enqueue(*db, request("b"));
  auto a = queue.claim(*db, kAllQueues, "w", 1000);
  auto b = queue.claim(*db, kAllQueues, "w", 1000);
  ASSERT_TRUE(queue.fail(*db, *a, "w", "ZeroDivisionError: division by zero"));
  ASSERT_TRUE(queue.fail(*db, *b, "w", "boom"));
  auto failed = queue.list(*db, JobStatus::failed, 10);
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(*failed[1].error, "ZeroDivisionError: division by zero");

  EXPECT_EQ(queue.retry(*db, a->id), 1);
  EXPECT_EQ(queue.retry(*db, a->id), 0) << "only failed jobs are retried";
  auto again = queue.claim(*db, kAllQueues, "w", 1000);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, a->id);
  EXPECT_EQ(again->attempts, 1) << "a retry starts a fresh count";
  EXPECT_FALSE(again->error) << "the old error is cleared on claim";
  EXPECT_EQ(queue.retry(*db, std::nullopt), 1) << "every failed job";
}

TEST(JobQueue, RetryLeavesAFailedJobWhoseJobIdIsPendingAgain) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  EnqueueRequest r = request("m");
  r.job_id = "scheduled_job||x";
  queue.enqueue(*db, r);
  auto job = queue.claim(*db, kAllQueues, "w", 1000);
  queue.fail(*db, *job, "w", "boom");
  ASSERT_TRUE(queue.enqueue(*db, r));
  EXPECT_EQ(queue.retry(*db, std::nullopt), 0);
  EXPECT_EQ(queue.counts(*db)[JobStatus::failed], 1);
}

TEST(JobQueue, PurgeDeletesOnlyEndedJobsOlderThanTheCutoff) {
  JobsDatabase site;
  auto db = site.open();
  FakeClock clock(kStart);
  JobQueue queue(clock);
  for (int i = 0; i < 4; ++i) queue.enqueue(*db, request("m"));
  auto old_done = queue.claim(*db, kAllQueues, "w", 1000);
  queue.complete(*db, *old_done, "w");
  auto old_failed = queue.claim(*db, kAllQueues, "w", 1000);
  queue.fail(*db, *old_failed, "w", "boom");
  clock.advance(10'000);
  auto new_done = queue.claim(*db, kAllQueues, "w", 1000);
  queue.complete(*db, *new_done, "w");

  EXPECT_EQ(queue.purge(*db, {JobStatus::finished}, kStart + 5000), 1);
  EXPECT_EQ(queue.purge(*db, {JobStatus::finished, JobStatus::failed}, kStart + 20'000), 2);
  auto counts = queue.counts(*db);
  EXPECT_EQ(counts[JobStatus::queued], 1);
  EXPECT_EQ(counts[JobStatus::finished], 0);
  EXPECT_EQ(counts[JobStatus::failed], 0);
  EXPECT_THROW(queue.purge(*db, {JobStatus::queued}, kStart + 20'000), JobError);
  EXPECT_THROW(queue.purge(*db, {}, kStart), JobError);
}

TEST(JobQueue, ConcurrentWorkersClaimEveryJobExactlyOnce) {
  JobsDatabase site;
  SystemClock clock;
  JobQueue queue(clock);
  constexpr int kJobs = 2000;
  {
    auto db = site.open();
    db::in_transaction(*db, [&] {
      for (int i = 0; i < kJobs; ++i) queue.enqueue(*db, request("m"));
    });
  }
  constexpr int kThreads = 4;
  std::vector<std::vector<std::int64_t>> claimed(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto db = site.open();
      const std::string worker = "w" + std::to_string(t);
      try {
        while (auto job = queue.claim(*db, kAllQueues, worker, 60'000)) {
          claimed[static_cast<size_t>(t)].push_back(job->id);
          if (!queue.complete(*db, *job, worker)) ++errors;
        }
      } catch (const std::exception&) {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors, 0);
  std::multiset<std::int64_t> all;
  for (const auto& ids : claimed) all.insert(ids.begin(), ids.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kJobs));
  EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()).size(), static_cast<size_t>(kJobs))
      << "no job was handed to two workers";
  auto db = site.open();
  EXPECT_EQ(queue.counts(*db)[JobStatus::finished], kJobs);
}

TEST(JobQueueSchema, MigratingTwiceChangesNothingAndANewerVersionIsRefused) {
  JobsDatabase site;
  auto db = site.open();
  migrate_queue_schema(*db);
  EXPECT_EQ(scalar(*db, "SELECT `version` FROM `__jobs_schema`"),
            queue_migrations().back().version);
  db->query("UPDATE `__jobs_schema` SET `version` = 99");
  try {
    migrate_queue_schema(*db);
    FAIL() << "expected DbError";
  } catch (const db::DbError& e) {
    EXPECT_NE(std::string(e.what()).find("upgrade quire"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace quire::jobs
