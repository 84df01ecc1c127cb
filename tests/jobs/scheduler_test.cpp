#include "jobs/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "jobs/civil_time.h"
#include "jobs/scheduled_job_runner.h"
#include "jobs/worker_pool.h"
#include "jobs_fixture.h"

namespace quire::jobs {
namespace {

using testing::JobsDatabase;
using testing::kDay;
using testing::kHour;
using testing::kMinute;
using testing::kStart;
using testing::scalar;

// Job types held in memory; safe to change while a scheduler thread reads.
class FakeJobTypes final : public JobTypeSource {
 public:
  void add(JobType type) {
    std::lock_guard lock(mutex_);
    types_.push_back(std::move(type));
  }
  std::vector<JobType> load(db::Database&) override {
    std::lock_guard lock(mutex_);
    return types_;
  }
  void record_execution(db::Database&, const std::string& name, Millis when) override {
    std::lock_guard lock(mutex_);
    executions_.emplace_back(name, when);
  }
  std::vector<std::pair<std::string, Millis>> executions() {
    std::lock_guard lock(mutex_);
    return executions_;
  }

 private:
  std::mutex mutex_;
  std::vector<JobType> types_;
  std::vector<std::pair<std::string, Millis>> executions_;
};

JobType job_type(std::string name, std::string frequency, std::string cron = "") {
  JobType t;
  t.name = std::move(name);
  t.method = "app." + t.name;
  t.frequency = std::move(frequency);
  t.cron_format = std::move(cron);
  t.creation = kStart;
  return t;
}

struct LogLines {
  std::mutex mutex;
  std::vector<std::string> lines;
  std::function<void(const std::string&)> sink() {
    return [this](const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    };
  }
  size_t size() {
    std::lock_guard lock(mutex);
    return lines.size();
  }
};

struct Harness {
  JobsDatabase site;
  std::unique_ptr<db::Database> db = site.open();
  FakeClock clock{kStart};
  JobQueue queue{clock};
  FakeJobTypes types;
  LogLines logs;

  SchedulerOptions options(std::string name = "s1") {
    SchedulerOptions o;
    o.name = std::move(name);
    o.log = logs.sink();
    return o;
  }

  // Plays a worker: finishes every queued job, so the dedup of queued job ids
  // cannot hide a second enqueue. Returns the jobs, as (job type, enqueued at).
  std::vector<std::pair<std::string, Millis>> drain() {
    std::vector<std::pair<std::string, Millis>> ran;
    while (auto job = queue.claim(*db, {"short", "default", "long"}, "drain", 1000)) {
      auto args = job->args;
      auto name = args.substr(args.find(':') + 2);
      name = name.substr(0, name.find('"'));
      ran.emplace_back(name, job->enqueued_at);
      queue.complete(*db, *job, "drain");
    }
    return ran;
  }
};

TEST(Scheduler, ThreeDaysOfHourlyScheduleRunOncePerHourExactlyOnTheHour) {
  Harness h;
  h.types.add(job_type("hourly_digest", "Hourly"));
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  std::vector<Millis> enqueued;
  int passes = 0;
  while (h.clock.now_ms() <= kStart + 3 * kDay) {
    auto pass = scheduler.run_pass(*h.db);
    ++passes;
    EXPECT_TRUE(pass.leader);
    for (const auto& [name, at] : h.drain()) enqueued.push_back(at);
    ASSERT_GT(pass.next_wake, h.clock.now_ms());
    h.clock.set(pass.next_wake);
  }
  ASSERT_EQ(enqueued.size(), 72u);
  for (size_t i = 0; i < enqueued.size(); ++i) {
    EXPECT_EQ(enqueued[i], kStart + static_cast<Millis>(i + 1) * kHour) << i;
  }
  // A pass a minute: the default longest sleep re-reads the job types that
  // often; the runs themselves happen at their due times.
  EXPECT_EQ(passes, 72 * 60 + 1);
  EXPECT_EQ(h.queue.list(*h.db, std::nullopt, 1).at(0).queue, "default");
}

TEST(Scheduler, WakesExactlyAtTheNextDueTimeWhenSleepsMayBeLong) {
  Harness h;
  h.types.add(job_type("daily", "Daily Long"));
  h.types.add(job_type("every_20", "Cron", "*/20 * * * *"));
  SchedulerOptions options = h.options();
  options.max_sleep_ms = 7 * kDay;
  options.lease_ms = 7 * kDay;
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, options);
  std::vector<Millis> wakes;
  std::map<std::string, int> runs;
  while (h.clock.now_ms() <= kStart + kDay) {
    auto pass = scheduler.run_pass(*h.db);
    for (const auto& [name, at] : h.drain()) ++runs[name];
    wakes.push_back(pass.next_wake);
    h.clock.set(pass.next_wake);
  }
  EXPECT_EQ(runs["every_20"], 72);
  EXPECT_EQ(runs["daily"], 1);
  EXPECT_EQ(wakes.size(), 73u) << "one pass per due time (and the first), nothing in between";
  for (Millis wake : wakes) EXPECT_EQ(wake % (20 * kMinute), 0) << format_utc(wake);
}

TEST(Scheduler, AfterDowntimeAMissedJobRunsOnceNotOncePerMissedSlot) {
  Harness h;
  h.types.add(job_type("hourly", "Hourly"));
  h.types.add(job_type("minutely", "Cron", "* * * * *"));
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  h.clock.set(kStart + kHour);
  scheduler.run_pass(*h.db);
  EXPECT_EQ(h.drain().size(), 2u);

  h.clock.set(kStart + 11 * kHour + 30 * kMinute);  // down for ten and a half hours
  auto pass = scheduler.run_pass(*h.db);
  EXPECT_EQ(pass.enqueued, 2) << "one catch-up run each";
  EXPECT_EQ(h.drain().size(), 2u);
  EXPECT_EQ(pass.next_wake, kStart + 11 * kHour + 31 * kMinute) << "then back on schedule";
  pass = scheduler.run_pass(*h.db);
  EXPECT_EQ(pass.enqueued, 0);
}

TEST(Scheduler, AJobTypeStillQueuedFromLastTimeIsNotQueuedTwice) {
  Harness h;
  h.types.add(job_type("minutely", "Cron", "* * * * *"));
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  for (int i = 1; i <= 5; ++i) {
    h.clock.set(kStart + i * kMinute);
    scheduler.run_pass(*h.db);
  }
  auto jobs = h.queue.list(*h.db, std::nullopt, 10);
  ASSERT_EQ(jobs.size(), 1u) << "no worker ran it, so one stays queued";
  EXPECT_EQ(jobs[0].job_id, "scheduled_job||minutely");
}

TEST(Scheduler, TwoSchedulersEnqueueEachDueJobOnce) {
  Harness h;
  h.types.add(job_type("hourly", "Hourly"));
  h.types.add(job_type("quarter", "Cron", "*/15 * * * *"));
  auto db_b = h.site.open();
  Scheduler a(h.site.opener(), h.queue, h.types, h.clock, h.options("a"));
  Scheduler b(h.site.opener(), h.queue, h.types, h.clock, h.options("b"));
  std::map<std::pair<std::string, Millis>, int> runs;
  int b_led = 0;
  // Both wake at every due time; for the second day `a` is down, so `b`
  // takes over once a's lease runs out.
  for (Millis now = kStart; now < kStart + 2 * kDay; now += 5 * kMinute) {
    h.clock.set(now);
    bool a_alive = now < kStart + kDay;
    if (a_alive) a.run_pass(*h.db);
    if (b.run_pass(*db_b).leader) ++b_led;
    if (a_alive) a.run_pass(*h.db);
    for (const auto& [name, at] : h.drain()) ++runs[{name, at}];
  }
  int hourly = 0, quarter = 0;
  for (const auto& [key, count] : runs) {
    EXPECT_EQ(count, 1) << key.first << " at " << format_utc(key.second);
    (key.first == "hourly" ? hourly : quarter) += count;
  }
  EXPECT_EQ(hourly, 47);
  EXPECT_EQ(quarter, 2 * 96 - 1);
  EXPECT_GT(b_led, 0) << "b took over when a stopped";
  auto state = read_scheduler_state(*h.db);
  EXPECT_EQ(state.leader, "b");
}

// Finishes every queued job at the start of each pass (inside the pass's
// transaction), as if workers were infinitely fast: the dedup of queued job
// ids then cannot hide a second enqueue of the same slot.
class DrainingJobTypes final : public JobTypeSource {
 public:
  DrainingJobTypes(const JobQueue& queue, std::vector<JobType> types)
      : queue_(queue), types_(std::move(types)) {}
  std::vector<JobType> load(db::Database& db) override {
    while (auto job = queue_.claim(db, {"default"}, "drain", kDay)) {
      queue_.complete(db, *job, "drain");
      std::lock_guard lock(mutex_);
      enqueued_at_.push_back(job->enqueued_at);
    }
    return types_;
  }
  std::vector<Millis> enqueued_at() {
    std::lock_guard lock(mutex_);
    return enqueued_at_;
  }

 private:
  const JobQueue& queue_;
  std::vector<JobType> types_;
  std::mutex mutex_;
  std::vector<Millis> enqueued_at_;
};

TEST(Scheduler, TwoSchedulerThreadsOnOneSiteNeverEnqueueASlotTwice) {
  Harness h;
  DrainingJobTypes types(h.queue, {job_type("minutely", "Cron", "* * * * *")});
  h.clock.set_limit(kStart + 6 * kHour);
  {
    Scheduler a(h.site.opener(), h.queue, types, h.clock, h.options("a"));
    Scheduler b(h.site.opener(), h.queue, types, h.clock, h.options("b"));
    a.start();
    b.start();
    for (int i = 0; i < 60'000 && !h.clock.at_limit(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_TRUE(h.clock.at_limit());
    a.stop();
    b.stop();
  }
  std::set<Millis> minutes;
  auto enqueued = types.enqueued_at();
  for (Millis at : enqueued) {
    EXPECT_TRUE(minutes.insert(at / kMinute).second)
        << "two enqueues in the minute of " << format_utc(at);
  }
  // Time jumps between sleepers, so some minutes may be caught up rather
  // than hit, but most are run.
  EXPECT_GE(enqueued.size(), 300u);
  EXPECT_TRUE(h.logs.lines.empty()) << h.logs.lines.front();
}

TEST(Scheduler, ABadCronStringIsLoggedOnceAndSkippedWhileOthersRun) {
  Harness h;
  h.types.add(job_type("bad_minute", "Cron", "61 * * * *"));
  h.types.add(job_type("no_format", "Cron"));
  h.types.add(job_type("odd_frequency", "Fortnightly"));
  h.types.add(job_type("good", "Hourly"));
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  for (int hour = 1; hour <= 3; ++hour) {
    h.clock.set(kStart + hour * kHour);
    scheduler.run_pass(*h.db);
    auto ran = h.drain();
    ASSERT_EQ(ran.size(), 1u);
    EXPECT_EQ(ran[0].first, "good");
  }
  ASSERT_EQ(h.logs.lines.size(), 3u) << "each bad job type is reported once";
  EXPECT_EQ(h.logs.lines[0],
            "skipping job type 'bad_minute': invalid cron minute field '61': 61 is out of range "
            "0-59");
  EXPECT_EQ(h.logs.lines[1],
            "skipping job type 'no_format': Cron format is required for job types with Cron "
            "frequency.");
  EXPECT_EQ(h.logs.lines[2],
            "skipping job type 'odd_frequency': unknown scheduler frequency "
            "'Fortnightly'");
}

TEST(Scheduler, StoppedJobTypesAndADisabledSchedulerEnqueueNothing) {
  Harness h;
  JobType stopped = job_type("stopped", "Cron", "* * * * *");
  stopped.stopped = true;
  h.types.add(stopped);
  h.types.add(job_type("minutely", "Cron", "* * * * *"));
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  set_scheduler_enabled(*h.db, false);
  h.clock.set(kStart + 10 * kMinute);
  auto pass = scheduler.run_pass(*h.db);
  EXPECT_FALSE(pass.enabled);
  EXPECT_EQ(h.drain().size(), 0u);
  set_scheduler_enabled(*h.db, true);
  pass = scheduler.run_pass(*h.db);
  EXPECT_TRUE(pass.enabled);
  auto ran = h.drain();
  ASSERT_EQ(ran.size(), 1u);
  EXPECT_EQ(ran[0].first, "minutely");
}

TEST(Scheduler, LastExecutionCountsAsTheBaseOfTheNextDueTime) {
  Harness h;
  JobType daily = job_type("daily", "Daily");
  daily.creation = kStart - 30 * kDay;
  daily.last_execution = kStart + 1;  // ran today already (e.g. by hand)
  h.types.add(daily);
  SchedulerOptions options = h.options();
  options.max_sleep_ms = 7 * kDay;
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, options);
  h.clock.set(kStart + kHour);
  auto pass = scheduler.run_pass(*h.db);
  EXPECT_EQ(pass.enqueued, 0);
  EXPECT_EQ(pass.next_wake, kStart + kDay) << "next midnight, not a month of missed days";
}

TEST(Scheduler, WakesEarlyWhenJobTypesChange) {
  Harness h;
  h.clock.set_limit(kStart);  // time stands still: only a notification wakes it
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  scheduler.start();
  for (int i = 0; i < 10'000 && !h.clock.at_limit(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(h.clock.at_limit());
  JobType overdue = job_type("overdue", "Cron", "* * * * *");
  overdue.creation = kStart - kHour;
  h.types.add(overdue);
  scheduler.notify_changed();
  bool enqueued = false;
  for (int i = 0; i < 10'000 && !enqueued; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    enqueued = h.queue.pending(*h.db) > 0;
  }
  scheduler.stop();
  EXPECT_TRUE(enqueued);
}

TEST(Scheduler, TheRunnerRecordsTheExecutionAndRunsTheJobTypesMethod) {
  Harness h;
  h.types.add(job_type("digest", "Hourly"));
  HandlerRegistry handlers;
  std::vector<std::string> ran;
  handlers.add("app.digest", [&](JobContext& c) { ran.push_back(c.job.args); });
  add_scheduled_job_runner(handlers, h.types);
  Scheduler scheduler(h.site.opener(), h.queue, h.types, h.clock, h.options());
  h.clock.set(kStart + kHour);
  scheduler.run_pass(*h.db);
  WorkerPool pool(h.site.opener(), h.queue, handlers, h.clock, WorkerOptions{});
  EXPECT_TRUE(pool.run_one(*h.db, "w"));
  EXPECT_EQ(ran, std::vector<std::string>{R"({"job_type":"digest"})"});
  auto executions = h.types.executions();
  ASSERT_EQ(executions.size(), 1u);
  EXPECT_EQ(executions[0], std::make_pair(std::string("digest"), kStart + kHour));

  // A job for a job type that no longer exists fails with a clear error.
  EnqueueRequest orphan;
  orphan.method = kRunScheduledJobMethod;
  orphan.args = R"({"job_type": "deleted"})";
  h.queue.enqueue(*h.db, orphan);
  EXPECT_TRUE(pool.run_one(*h.db, "w"));
  auto failed = h.queue.list(*h.db, JobStatus::failed, 1);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(*failed[0].error, "no scheduled job type named 'deleted'");
}

TEST(DatabaseJobTypeSource, ReadsScheduledJobTypeRowsAndRecordsExecutions) {
  Harness h;
  DatabaseJobTypeSource source;
  EXPECT_TRUE(source.load(*h.db).empty()) << "a site without the table has no job types";
  h.db->execute(
      "CREATE TABLE `tabScheduled Job Type` (`name` TEXT PRIMARY KEY, `creation` TEXT,"
      " `modified` TEXT, `stopped` INTEGER, `method` TEXT, `frequency` TEXT,"
      " `cron_format` TEXT, `last_execution` TEXT, `next_execution` TEXT, `create_log` INTEGER);"
      "INSERT INTO `tabScheduled Job Type` VALUES ('a', '2024-03-01 00:00:00.000000', NULL, 0,"
      " 'app.a', 'Cron', '*/5 * * * *', NULL, NULL, 0);"
      "INSERT INTO `tabScheduled Job Type` VALUES ('b', '2024-02-29 12:30:00', NULL, 1,"
      " 'app.b', 'Daily', NULL, '2024-03-01 00:00:00.250000', NULL, 1);");
  auto types = source.load(*h.db);
  ASSERT_EQ(types.size(), 2u);
  EXPECT_EQ(types[0].name, "a");
  EXPECT_EQ(types[0].method, "app.a");
  EXPECT_EQ(types[0].cron_format, "*/5 * * * *");
  EXPECT_FALSE(types[0].stopped);
  EXPECT_FALSE(types[0].create_log);
  EXPECT_TRUE(types[1].create_log);
  EXPECT_EQ(types[0].creation, kStart);
  EXPECT_FALSE(types[0].last_execution);
  EXPECT_TRUE(types[1].stopped);
  EXPECT_EQ(types[1].creation, kStart - 11 * kHour - 30 * kMinute);
  EXPECT_EQ(types[1].last_execution, kStart + 250);

  source.record_execution(*h.db, "a", kStart + 90'000);
  EXPECT_EQ(source.load(*h.db)[0].last_execution, kStart + 90'000);
}

TEST(JobTypes, FrequenciesGoToFrappesQueues) {
  EXPECT_EQ(queue_for_frequency("Hourly"), "default");
  EXPECT_EQ(queue_for_frequency("Daily Long"), "long");
  EXPECT_EQ(queue_for_frequency("Daily Maintenance"), "long");
  EXPECT_EQ(queue_for_frequency("All"), "default");
  EXPECT_EQ(queue_for_frequency("Cron"), "default");
}

TEST(CivilTime, ConvertsInstantsAndFrappeDatetimesInUtc) {
  // Expected values from python3: datetime.fromtimestamp(t, timezone.utc).
  EXPECT_EQ(format_utc(0), "1970-01-01 00:00:00");
  EXPECT_EQ(format_utc(1700000000000), "2023-11-14 22:13:20");
  EXPECT_EQ(format_utc(-1000), "1969-12-31 23:59:59");
  EXPECT_EQ(format_utc(951782400000), "2000-02-29 00:00:00");
  EXPECT_EQ(format_utc(4102444799000), "2099-12-31 23:59:59");
  EXPECT_EQ(instant_of_utc({2024, 2, 29, 23, 59}), 1709251140000);
  EXPECT_EQ(civil_minute_utc(1709251140000 + 59'999), (CivilMinute{2024, 2, 29, 23, 59}));
  EXPECT_EQ(parse_datetime_utc("2023-11-14 22:13:20.5"), 1700000000500);
  EXPECT_EQ(parse_datetime_utc("2024-03-01"), kStart);
  EXPECT_EQ(parse_datetime_utc("2024-02-30 00:00:00"), -1);
  EXPECT_EQ(parse_datetime_utc("yesterday"), -1);
  EXPECT_EQ(parse_datetime_utc("2024-03-01 25:00:00"), -1);
  EXPECT_EQ(parse_datetime_utc("2024-03-01 10:00:00.x"), -1);
  EXPECT_EQ(parse_datetime_utc(""), -1);
}

}  // namespace
}  // namespace quire::jobs
