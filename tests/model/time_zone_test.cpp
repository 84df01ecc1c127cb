// The site time zone (System Settings time_zone) for timestamps.
#include "model/time_zone.h"

#include <chrono>
#include <cstdio>

#include "model/coercion.h"
#include "model_fixture.h"

namespace quire::model::testing {
namespace {

class SiteTimeZone : public ModelTest {};

TEST_F(SiteTimeZone, FormatsInstantsOnTheZonesWallClock) {
  // 2024-03-01 00:00:00 UTC; Kolkata is UTC+05:30, New York UTC-05:00 in winter.
  const std::int64_t start = 1709251200LL * 1'000'000 + 250;
  EXPECT_EQ(TimeZone().format(start), "2024-03-01 00:00:00.000250");
  EXPECT_EQ(TimeZone("Asia/Kolkata").format(start), "2024-03-01 05:30:00.000250");
  EXPECT_EQ(TimeZone("America/New_York").format(start), "2024-02-29 19:00:00.000250");
  EXPECT_EQ(format_wall_micros(-1), "1969-12-31 23:59:59.999999");
  auto e = error_of([] { TimeZone("Nowhere/Special"); });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_STREQ(e.what(), "Unknown time zone Nowhere/Special");
}

TEST_F(SiteTimeZone, SystemSettingsSetsTheZoneAndRefusesUnknownOnes) {
  EXPECT_EQ(site_time_zone_name(*db), "UTC");
  auto settings = get_doc(*session, "System Settings");
  settings->set("time_zone", "Atlantis/Capital");
  auto e = error_of([&] { save(*session, *settings); });
  EXPECT_EQ(e.kind(), ErrorKind::ValidationError);
  EXPECT_EQ(site_time_zone_name(*db), "UTC");
  settings = get_doc(*session, "System Settings");
  settings->set("time_zone", "Asia/Kolkata");
  save(*session, *settings);
  EXPECT_EQ(site_time_zone_name(*db), "Asia/Kolkata");
  EXPECT_EQ(site_time_zone(*db).name(), "Asia/Kolkata");
}

TEST_F(SiteTimeZone, SessionsOnTheSitesClockStampDocumentsInItsZone) {
  auto settings = get_doc(*session, "System Settings");
  settings->set("time_zone", "Asia/Kolkata");
  save(*session, *settings);
  Session local(*db, *metas, events);
  use_site_time_zone(local);
  // Both clocks read now: the Kolkata text is 5 h 30 min ahead of the UTC
  // text, give or take the moments between the readings.
  auto utc_before = now_datetime_text();
  auto todo = doc_from_dict(local, Json{{"doctype", "ToDo"}, {"description", "x"}});
  insert(local, *todo);
  auto utc_after = now_datetime_text();
  auto shift_back = [](const std::string& text) {
    // "YYYY-MM-DD HH:MM:SS.ffffff" minus 05:30, via the wall-clock formatter.
    int y, mo, d, h, mi, s, us;
    if (std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d.%d", &y, &mo, &d, &h, &mi, &s, &us) != 7) {
      return "unreadable " + text;
    }
    std::chrono::sys_days day = std::chrono::year{y} /
                                std::chrono::month{static_cast<unsigned>(mo)} /
                                std::chrono::day{static_cast<unsigned>(d)};
    std::int64_t micros =
        ((day.time_since_epoch().count() * 24 + h) * 3600 + mi * 60 + s) * 1'000'000LL + us;
    return format_wall_micros(micros - (5 * 3600 + 30 * 60) * 1'000'000LL);
  };
  std::string creation_utc = shift_back(cstr(todo->get("creation")));
  EXPECT_LE(utc_before, creation_utc);
  EXPECT_LE(creation_utc, utc_after);
}

}  // namespace
}  // namespace quire::model::testing
