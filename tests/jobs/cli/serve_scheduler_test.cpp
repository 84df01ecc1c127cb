// The live check of issue 8: a job type with cron "* * * * *" runs on a live
// `quire serve` within its minute, and its Scheduled Job Log shows it.

#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <thread>

#include "../../cli/process.h"
#include "../../support/temp_dir.h"
#include "db/sqlite/sqlite_database.h"
#include "model/lifecycle.h"
#include "model/site_model.h"

namespace quire::testing {
namespace {

TEST(ServeRunsTheScheduler, AnEveryMinuteJobTypeRunsAndLeavesItsLog) {
  TempDir dir;
  auto created = run_quire(dir.path(), {"new-site", "live.local", "--admin-password", "pw"});
  ASSERT_EQ(created.code, 0) << created.err;
  const auto db_path = (dir / "sites/live.local/site.db").string();
  {
    auto db = db::SqliteDatabase::open(db_path, false);
    model::MetaStore metas;
    model::EventRegistry events;
    model::register_doctype_controller(events);
    model::Session session(*db, metas, events);
    auto type = model::new_doc(session, "Scheduled Job Type");
    type->set("method", "quire.noop");
    type->set("frequency", "Cron");
    type->set("cron_format", "* * * * *");
    type->set("create_log", 1);
    model::insert(session, *type);
  }
  Process server(dir.path(), {"serve", "--port", "0", "--access-log", "off"});
  ASSERT_TRUE(server.wait_for_err("serving site live.local")) << server.err();
  // The first run is due at the next minute boundary: wait up to two minutes.
  db::Row log;
  for (int i = 0; i < 1200 && log.empty(); ++i) {
    auto db = db::SqliteDatabase::open(db_path, false);
    auto rows =
        db->query("SELECT `scheduled_job_type`, `status`, `creation` FROM `tabScheduled Job Log`");
    if (!rows.empty()) log = rows[0];
    if (log.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(), 0) << server.err();
  ASSERT_FALSE(log.empty()) << "no Scheduled Job Log within two minutes\n" << server.err();
  EXPECT_EQ(log[0], db::Value{std::string("quire.noop")});
  EXPECT_EQ(log[1], db::Value{std::string("Complete")});
  auto db = db::SqliteDatabase::open(db_path, false);
  auto type = db->query(
      "SELECT `last_execution`, `next_execution` FROM `tabScheduled Job Type`"
      " WHERE `name` = 'quire.noop'");
  ASSERT_EQ(type.size(), 1u);
  const auto* last = std::get_if<std::string>(&type[0][0]);
  const auto* next = std::get_if<std::string>(&type[0][1]);
  ASSERT_TRUE(last && next) << "last_execution and next_execution are written";
  // The next run is a whole minute after the one that ran.
  EXPECT_GT(*next, *last);
  EXPECT_EQ(next->substr(17), "00");
}

}  // namespace
}  // namespace quire::testing
