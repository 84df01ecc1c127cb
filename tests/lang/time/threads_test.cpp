// The zone registry is shared by every isolate: conversions and new zones
// from several threads at once must give the single-threaded answers.

#include <gtest/gtest.h>

#include <thread>

#include "lang/time/datetime.h"

namespace quire::lang::time {
namespace {

std::string convert_all(int seed) {
  const char* zones[] = {"Europe/Paris", "America/Chicago",   "Asia/Tokyo",
                         "Africa/Cairo", "America/Sao_Paulo", "Pacific/Auckland"};
  std::string out;
  for (int i = 0; i < 300; ++i) {
    TzRef zone = named_zone(zones[(seed + i) % 6]);
    TzRef fixed = fixed_zone(TimeDelta::from_dsu(0, 60 * ((seed * 7 + i) % 1000), 0));
    DateTime d =
        DateTime::from_timestamp(Number::of(int64_t{1700000000} + i * 86399), zone, utc_zone());
    out += d.astimezone(fixed, utc_zone()).isoformat() + d.strftime(" %Z %z\n");
  }
  return out;
}

TEST(DatetimeThreads, ConcurrentZoneUseMatchesSequential) {
  std::vector<std::string> expected;
  for (int t = 0; t < 4; ++t) expected.push_back(convert_all(t));
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back([t, &got] { got[t] = convert_all(t); });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(got[t], expected[t]) << t;
}

// The expected text is what python3 prints with TZ=America/New_York.
TEST(DatetimeThreads, AstimezoneNoneIsLocalTime) {
  TzRef ny = named_zone("America/New_York");
  DateTime d = DateTime::from_fields(2024, 7, 1, 12, 0, 0, 0, utc_zone());
  EXPECT_EQ(d.astimezone(TzRef(), ny).repr(),
            "datetime.datetime(2024, 7, 1, 8, 0, tzinfo=datetime.timezone("
            "datetime.timedelta(days=-1, seconds=72000), 'EDT'))");
}

}  // namespace
}  // namespace quire::lang::time
