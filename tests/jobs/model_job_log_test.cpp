// Scheduled jobs end to end on a site with the core documents: job types are
// Scheduled Job Type documents, runs leave Scheduled Job Log documents.

#include "jobs/model_job_log.h"

#include <gtest/gtest.h>

#include "db/schema.h"
#include "jobs/scheduler.h"
#include "jobs/worker_pool.h"
#include "jobs_fixture.h"
#include "model/lifecycle.h"
#include "model/site_model.h"

namespace quire::jobs {
namespace {

using testing::JobsDatabase;
using testing::kHour;

class ScheduledJobDocuments : public ::testing::Test {
 protected:
  void SetUp() override {
    db = site.open();
    db::migrate(*db);
    model::register_doctype_controller(events);
    session = std::make_unique<model::Session>(*db, metas, events);
    model::install_core(*session);
  }

  void add_job_type(const std::string& method, const std::string& frequency,
                    const std::string& cron = "") {
    auto doc = model::new_doc(*session, "Scheduled Job Type");
    doc->set("method", method);
    doc->set("frequency", frequency);
    if (!cron.empty()) doc->set("cron_format", cron);
    doc->set("create_log", 1);
    model::insert(*session, *doc);
  }

  JobsDatabase site;
  std::unique_ptr<db::Database> db;
  model::MetaStore metas;
  model::EventRegistry events;
  std::unique_ptr<model::Session> session;
};

TEST_F(ScheduledJobDocuments, RunsLeaveCompleteAndFailedLogsAndTheLastExecution) {
  add_job_type("app.tidy", "Hourly");
  add_job_type("app.broken", "Cron", "*/5 * * * *");

  DatabaseJobTypeSource source;
  auto types = source.load(*db);
  ASSERT_EQ(types.size(), 2u);
  FakeClock clock(types[0].creation + 2 * kHour);
  JobQueue queue(clock);
  HandlerRegistry handlers;
  handlers.add("app.tidy", [](JobContext& c) { c.output += "tidied 3 notes\n"; });
  handlers.add("app.broken", [](JobContext& c) {
    c.output += "about to fail\n";
    throw std::runtime_error("ZeroDivisionError: division by zero");
  });
  ModelScheduledJobLog log(metas, events);
  add_scheduled_job_runner(handlers, source, &log);

  SchedulerOptions options;
  options.log = [](const std::string& line) { ADD_FAILURE() << line; };
  Scheduler scheduler(site.opener(), queue, source, clock, options);
  EXPECT_EQ(scheduler.run_pass(*db).enqueued, 2);
  WorkerOptions worker;
  worker.log = [](const std::string& line) { ADD_FAILURE() << line; };
  WorkerPool pool(site.opener(), queue, handlers, clock, worker);
  EXPECT_TRUE(pool.run_one(*db, "w"));
  EXPECT_TRUE(pool.run_one(*db, "w"));

  auto logs = db->query(
      "SELECT `scheduled_job_type`, `status`, `details`, `debug_log` FROM `tabScheduled Job Log`"
      " ORDER BY `scheduled_job_type`");
  ASSERT_EQ(logs.size(), 2u);
  EXPECT_EQ(logs[0][0], db::Value{std::string("app.broken")});
  EXPECT_EQ(logs[0][1], db::Value{std::string("Failed")});
  EXPECT_EQ(logs[0][2], db::Value{std::string("ZeroDivisionError: division by zero")});
  EXPECT_EQ(logs[0][3], db::Value{std::string("about to fail\n")});
  EXPECT_EQ(logs[1][0], db::Value{std::string("app.tidy")});
  EXPECT_EQ(logs[1][1], db::Value{std::string("Complete")});
  EXPECT_EQ(logs[1][2], db::Value{std::string("ran in 0.000 s")});
  EXPECT_EQ(logs[1][3], db::Value{std::string("tidied 3 notes\n")});

  for (const auto& type : source.load(*db)) {
    EXPECT_EQ(type.last_execution, clock.now_ms() / 1000 * 1000) << type.name;
  }
}

}  // namespace
}  // namespace quire::jobs
