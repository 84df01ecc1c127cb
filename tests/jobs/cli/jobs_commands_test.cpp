// The job commands through the real binary: quire worker, quire scheduler,
// quire jobs.

#include <gtest/gtest.h>

#include <signal.h>

#include <nlohmann/json.hpp>

#include "../../cli/process.h"
#include "../../support/temp_dir.h"
#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "model/lifecycle.h"
#include "model/site_model.h"

namespace quire::testing {
namespace {

class JobCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = run_quire(dir_.path(), {"new-site", "a.local", "--admin-password", "pw"});
    ASSERT_EQ(created.code, 0) << created.err;
  }
  Result quire(const std::vector<std::string>& args) { return run_quire(dir_.path(), args); }

  TempDir dir_;
};

TEST_F(JobCommands, EnqueuedJobsRunInABurstWorkerAndAreListed) {
  auto enqueued = quire({"jobs", "enqueue", "quire.noop", "--count", "25"});
  ASSERT_EQ(enqueued.code, 0) << enqueued.err;
  EXPECT_EQ(enqueued.out, "enqueued 25 jobs\n");
  ASSERT_EQ(quire({"jobs", "enqueue", "app.missing", "--queue", "short"}).code, 0);

  auto burst = quire({"worker", "--burst", "--threads", "2"});
  ASSERT_EQ(burst.code, 0) << burst.err;
  EXPECT_NE(burst.out.find("ran 26 jobs (1 failed)"), std::string::npos) << burst.out;

  auto failed = quire({"jobs", "list", "--status", "failed"});
  EXPECT_NE(failed.out.find("failed  short  app.missing  attempts 1"), std::string::npos)
      << failed.out;
  EXPECT_NE(failed.out.find("no handler for method 'app.missing'"), std::string::npos);

  auto listed = quire({"jobs", "list", "--json", "--limit", "100"});
  ASSERT_EQ(listed.code, 0);
  auto json = nlohmann::json::parse(listed.out);
  ASSERT_EQ(json.size(), 26u);
  EXPECT_EQ(json[1]["status"], "finished");
  EXPECT_EQ(json[1]["method"], "quire.noop");
  EXPECT_EQ(json[1]["attempts"], 1);
}

TEST_F(JobCommands, RetryAndPurge) {
  ASSERT_EQ(quire({"jobs", "enqueue", "app.missing"}).code, 0);
  ASSERT_EQ(quire({"jobs", "enqueue", "quire.noop"}).code, 0);
  ASSERT_EQ(quire({"worker", "--burst"}).code, 0);

  auto retried = quire({"jobs", "retry", "1"});
  EXPECT_EQ(retried.code, 0) << retried.err;
  EXPECT_EQ(retried.out, "queued 1 failed job again\n");
  auto again = quire({"jobs", "retry", "1"});
  EXPECT_EQ(again.code, 1) << "job 1 is queued now, not failed";
  EXPECT_EQ(quire({"jobs", "retry"}).code, 2) << "neither an id nor --all";

  auto purged = quire({"jobs", "purge", "--status", "finished"});
  EXPECT_EQ(purged.out, "purged 1 job\n");
  auto listed = quire({"jobs", "list"});
  EXPECT_NE(listed.out.find("queued  default  app.missing"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("quire.noop"), std::string::npos) << listed.out;
}

TEST_F(JobCommands, BadInputIsAUsageErrorWithAClearMessage) {
  auto queue = quire({"jobs", "enqueue", "m", "--queue", "urgent"});
  EXPECT_EQ(queue.code, 2);
  EXPECT_EQ(queue.err, "quire: unknown queue 'urgent': use short, default or long\n");
  auto args = quire({"jobs", "enqueue", "m", "--args", "[1]"});
  EXPECT_EQ(args.code, 2);
  EXPECT_EQ(args.err, "quire: job args must be a JSON object, not [1]\n");
  auto worker_queue = quire({"worker", "--queue", "urgent", "--burst"});
  EXPECT_EQ(worker_queue.code, 2);
  EXPECT_NE(worker_queue.err.find("unknown queue 'urgent'"), std::string::npos);
  EXPECT_EQ(quire({"jobs", "list", "--status", "lost"}).code, 2);
  EXPECT_EQ(quire({"scheduler"}).code, 2) << "needs enable, disable or status";
  EXPECT_EQ(quire({"jobs", "list", "--site", "nope.local"}).code, 2);
  auto none = quire({"jobs", "list"});
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.out, "") << "nothing was enqueued by the bad commands";
}

TEST_F(JobCommands, BadJobSettingsInTheSiteConfigAreNamed) {
  ASSERT_EQ(quire({"set-config", "--site", "a.local", "background_workers", "many"}).code, 0);
  auto worker = quire({"worker", "--burst"});
  EXPECT_EQ(worker.code, 2);
  EXPECT_EQ(worker.err,
            "quire: config key background_workers must be an integer from 1 to 256, not "
            "\"many\"\n");
  ASSERT_EQ(quire({"set-config", "--site", "a.local", "jobs_max_pending", "2"}).code, 0);
  auto full = quire({"jobs", "enqueue", "quire.noop", "--count", "3"});
  EXPECT_EQ(full.code, 1);
  EXPECT_NE(full.err.find("the job queue is full: 2 jobs are queued or running (limit 2)"),
            std::string::npos)
      << full.err;
  EXPECT_EQ(quire({"jobs", "list"}).out, "") << "the whole enqueue rolled back";
}

TEST_F(JobCommands, SchedulerEnableDisableStatus) {
  auto status = quire({"scheduler", "status"});
  ASSERT_EQ(status.code, 0) << status.err;
  EXPECT_NE(status.out.find("scheduler: enabled\nleader: none running\n"
                            "jobs: 0 queued, 0 running, 0 finished, 0 failed\n"),
            std::string::npos)
      << status.out;
  EXPECT_EQ(quire({"scheduler", "disable"}).out, "scheduler disabled for site a.local\n");
  EXPECT_EQ(quire({"scheduler", "status"}).out.rfind("scheduler: disabled\n", 0), 0u);
  EXPECT_EQ(quire({"scheduler", "enable"}).out, "scheduler enabled for site a.local\n");
  EXPECT_EQ(quire({"scheduler", "status"}).out.rfind("scheduler: enabled\n", 0), 0u);
}

TEST_F(JobCommands, AWorkerStopsCleanlyOnSigterm) {
  Process worker(dir_.path(), {"worker", "--threads", "1"});
  ASSERT_TRUE(worker.wait_for_err("running jobs of site a.local"));
  ASSERT_EQ(quire({"jobs", "enqueue", "quire.noop", "--count", "3"}).code, 0);
  // The idle worker polls the queue; wait until it has run them.
  bool ran = false;
  for (int i = 0; i < 3000 && !ran; ++i) {
    ran = quire({"jobs", "list", "--status", "queued"}).out.empty();
    if (!ran) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(ran);
  worker.signal(SIGTERM);
  EXPECT_EQ(worker.wait(), 0);
  EXPECT_NE(worker.err().find("worker stopped after 3 finished and 0 failed jobs"),
            std::string::npos)
      << worker.err();
}

}  // namespace
}  // namespace quire::testing

namespace quire::testing {
namespace {

// A site whose core DocTypes are installed, with one Scheduled Job Type
// created long ago: `quire worker --with-scheduler` catches its missed run up
// once, runs it and leaves a Scheduled Job Log.
TEST_F(JobCommands, AWorkerWithTheSchedulerRunsADueJobTypeAndLogsIt) {
  {
    auto db = db::SqliteDatabase::open((dir_ / "sites/a.local/site.db").string(), false);
    db::migrate(*db);
    model::MetaStore metas;
    model::EventRegistry events;
    model::register_doctype_controller(events);
    model::Session session(*db, metas, events);
    model::install_core(session);
    session.clock = [] { return std::string("2024-01-01 00:00:00.000000"); };
    auto type = model::new_doc(session, "Scheduled Job Type");
    type->set("method", "quire.noop");
    type->set("frequency", "Cron");
    type->set("cron_format", "* * * * *");
    type->set("create_log", 1);
    model::insert(session, *type);
  }
  auto minute_now = [] {
    return std::chrono::duration_cast<std::chrono::minutes>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const auto first_minute = minute_now();
  Process worker(dir_.path(), {"worker", "--with-scheduler", "--threads", "1"});
  ASSERT_TRUE(worker.wait_for_err("with the scheduler"));
  bool logged = false;
  for (int i = 0; i < 3000 && !logged; ++i) {
    auto db = db::SqliteDatabase::open((dir_ / "sites/a.local/site.db").string(), false);
    logged = !db->query("SELECT 1 FROM `tabScheduled Job Log`").empty();
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  worker.signal(SIGTERM);
  EXPECT_EQ(worker.wait(), 0) << worker.err();
  ASSERT_TRUE(logged) << worker.err();
  auto db = db::SqliteDatabase::open((dir_ / "sites/a.local/site.db").string(), false);
  auto logs = db->query("SELECT `scheduled_job_type`, `status` FROM `tabScheduled Job Log`");
  // One catch-up run for the years missed, plus one per minute boundary the
  // test happened to cross.
  ASSERT_GE(logs.size(), 1u);
  EXPECT_LE(logs.size(), static_cast<size_t>(1 + minute_now() - first_minute));
  EXPECT_EQ(logs[0][0], db::Value{std::string("quire.noop")});
  EXPECT_EQ(logs[0][1], db::Value{std::string("Complete")});
  auto last =
      db->query("SELECT `last_execution` FROM `tabScheduled Job Type` WHERE `name` = 'quire.noop'");
  ASSERT_EQ(last.size(), 1u);
  EXPECT_NE(last[0][0], db::Value{}) << "last_execution was set";
  auto status = quire({"scheduler", "status"});
  EXPECT_NE(status.out.find("  quire.noop  [Cron]  * * * * *  last run "), std::string::npos)
      << status.out;
}

}  // namespace
}  // namespace quire::testing
