// The scheduler reads cron on the site's wall clock (System Settings time
// zone), shifts Maintenance frequencies by a per-site offset, and records
// each job type's next execution.
#include <gtest/gtest.h>

#include <set>

#include "jobs/civil_time.h"
#include "jobs/scheduler.h"
#include "jobs_fixture.h"

namespace quire::jobs {
namespace {

using testing::JobsDatabase;
using testing::kDay;
using testing::kHour;
using testing::kMinute;
using testing::kStart;

void set_site_time_zone(db::Database& db, const std::string& zone) {
  db.execute(
      "CREATE TABLE IF NOT EXISTS `tabSingles` (`doctype` TEXT NOT NULL, `field` TEXT NOT NULL,"
      " `value` TEXT, PRIMARY KEY (`doctype`, `field`))");
  db.query("INSERT OR REPLACE INTO `tabSingles` VALUES ('System Settings', 'time_zone', ?)",
           {db::Value{zone}});
}

void create_job_type_table(db::Database& db, const std::string& frequency,
                           const std::string& creation) {
  db.execute(
      "CREATE TABLE `tabScheduled Job Type` (`name` TEXT PRIMARY KEY, `creation` TEXT,"
      " `modified` TEXT, `stopped` INTEGER, `method` TEXT, `frequency` TEXT,"
      " `cron_format` TEXT, `last_execution` TEXT, `next_execution` TEXT, `create_log` INTEGER)");
  db.query(
      "INSERT INTO `tabScheduled Job Type` VALUES ('job', ?, NULL, 0, 'app.job', ?, NULL,"
      " NULL, NULL, 0)",
      {db::Value{creation}, db::Value{frequency}});
}

std::string next_execution_text(db::Database& db) {
  auto rows = db.query("SELECT `next_execution` FROM `tabScheduled Job Type`");
  const auto* text = std::get_if<std::string>(&rows.at(0).at(0));
  return text ? *text : "(null)";
}

TEST(SiteTime, CivilMinutesOnAZonesWallClock) {
  model::TimeZone kolkata("Asia/Kolkata");  // UTC+05:30, no DST
  EXPECT_EQ(civil_minute_in(kStart, kolkata), (CivilMinute{2024, 3, 1, 5, 30}));
  EXPECT_EQ(instant_of_in({2024, 3, 2, 0, 0}, kolkata), kStart + 18 * kHour + 30 * kMinute);
  EXPECT_EQ(format_in(kStart, kolkata), "2024-03-01 05:30:00");
  EXPECT_EQ(parse_datetime_in("2024-03-01 05:30:00", kolkata), kStart);

  // New York moved to daylight time at 2024-03-10 02:00 (07:00 UTC) and back
  // at 2024-11-03 02:00 EDT (06:00 UTC).
  model::TimeZone new_york("America/New_York");
  const Millis spring = instant_of_utc({2024, 3, 10, 7, 0});
  EXPECT_EQ(civil_minute_in(spring - kMinute, new_york), (CivilMinute{2024, 3, 10, 1, 59}));
  EXPECT_EQ(civil_minute_in(spring, new_york), (CivilMinute{2024, 3, 10, 3, 0}));
  // 02:30 does not exist that day: it runs after the gap (03:30 EDT).
  EXPECT_EQ(instant_of_in({2024, 3, 10, 2, 30}, new_york), instant_of_utc({2024, 3, 10, 7, 30}));
  // 01:30 happens twice on 2024-11-03: the earlier one (EDT) counts.
  EXPECT_EQ(instant_of_in({2024, 11, 3, 1, 30}, new_york), instant_of_utc({2024, 11, 3, 5, 30}));
}

TEST(SiteTime, DailyJobsRunAtTheSitesMidnight) {
  JobsDatabase site;
  auto db = site.open();
  set_site_time_zone(*db, "Asia/Kolkata");
  // Created at 2024-03-01 05:30 Kolkata time (00:00 UTC).
  create_job_type_table(*db, "Daily", "2024-03-01 05:30:00.000000");
  DatabaseJobTypeSource source;
  auto types = source.load(*db);
  ASSERT_EQ(types.size(), 1u);
  EXPECT_EQ(types[0].creation, kStart);

  FakeClock clock{kStart};
  JobQueue queue{clock};
  SchedulerOptions options;
  options.name = "s";
  options.max_sleep_ms = 2 * kDay;
  Scheduler scheduler(site.opener(), queue, source, clock, options);
  auto pass = scheduler.run_pass(*db);
  EXPECT_EQ(pass.enqueued, 0);
  const Millis midnight_kolkata = kStart + 18 * kHour + 30 * kMinute;
  EXPECT_EQ(pass.next_wake, midnight_kolkata);
  EXPECT_EQ(next_execution_text(*db), "2024-03-02 00:00:00");
  clock.set(midnight_kolkata);
  pass = scheduler.run_pass(*db);
  EXPECT_EQ(pass.enqueued, 1);
  EXPECT_EQ(next_execution_text(*db), "2024-03-03 00:00:00");
}

TEST(SiteTime, MaintenanceFrequenciesRunAtTheSitesOffset) {
  JobType type;
  type.name = "cleanup";
  type.frequency = "Daily Maintenance";
  type.creation = kStart;
  auto cron = CronExpr::parse("0 0 * * *");
  EXPECT_EQ(next_due_time(type, cron, std::nullopt, {}, 17), kStart + 17 * kMinute);
  EXPECT_EQ(next_due_time(type, cron, kStart + 17 * kMinute, {}, 17), kStart + kDay + 17 * kMinute);
  type.frequency = "Daily";  // not Maintenance: no offset
  EXPECT_EQ(next_due_time(type, cron, std::nullopt, {}, 17), kStart + kDay);

  std::set<int> offsets;
  for (const char* name : {"a.local", "b.local", "erp.example.com", "site1", "site2", "x"}) {
    int offset = maintenance_offset_for_site(name);
    EXPECT_GE(offset, 0);
    EXPECT_LT(offset, 60);
    EXPECT_EQ(offset, maintenance_offset_for_site(name));
    offsets.insert(offset);
  }
  EXPECT_GT(offsets.size(), 1u) << "sites should not all share one offset";
}

TEST(SiteTime, AnUnknownZoneFallsBackToUtc) {
  JobsDatabase site;
  auto db = site.open();
  EXPECT_EQ(model::site_time_zone(*db).name(), "UTC");
  set_site_time_zone(*db, "Mars/Olympus_Mons");
  EXPECT_EQ(model::site_time_zone_name(*db), "Mars/Olympus_Mons");
  EXPECT_EQ(model::site_time_zone(*db).name(), "UTC");
}

}  // namespace
}  // namespace quire::jobs
