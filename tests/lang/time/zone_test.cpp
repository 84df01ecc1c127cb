// Named zones (zoneinfo.ZoneInfo over the system tzdata) and fixed offsets
// against CPython: conversions across DST changes, gaps and folds, PEP 495
// comparisons, timestamps, the clock, and bad keys.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/clock.h"
#include "lang/time/datetime.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::g17;
using testing::py_str;
using testing::py_tuple;
using testing::run_python;

const char* kZones[] = {"America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney",
                        "UTC"};

std::string opt(const std::optional<TimeDelta>& d) {
  return d ? d->str() : "None";
}

// UTC instants around the 2024 DST changes of the zones, plus random ones.
std::vector<int64_t> instants() {
  std::vector<int64_t> out;
  for (int64_t change :
       {1710054000LL, 1730613600LL, 1711846800LL, 1729990800LL, 1712419200LL, 1727971200LL})
    for (int64_t k = -6; k <= 6; ++k) out.push_back(change + k * 1800);
  std::mt19937_64 rng(23);
  std::uniform_int_distribution<int64_t> ts(0, 4200000000LL);
  for (int i = 0; i < 60; ++i) out.push_back(ts(rng));
  out.push_back(-1000000000LL);  // before standard time: LMT offsets
  return out;
}

TEST(DatetimeZone, FromTimestampAndAstimezoneAcrossDstMatchCPython) {
  std::vector<int64_t> ts = instants();
  std::string program = "zones = [";
  for (const char* z : kZones) program += py_str(z) + ",";
  program += "]\nfor t in [";
  for (int64_t t : ts) program += std::to_string(t) + ",";
  program += R"PY(]:
    for i, z in enumerate(zones):
        d = datetime.fromtimestamp(t, ZoneInfo(z))
        o = d.astimezone(ZoneInfo(zones[(i + 1) % len(zones)]))
        print('|'.join([repr(d), str(d.utcoffset()), str(d.dst()), str(d.tzname()), str(d.fold),
            repr(o), '%.17g' % d.timestamp(), str(d == o), r(lambda: d.astimezone())]))
)PY";
  std::vector<std::string> expected = run_python(program);
  constexpr size_t kZoneCount = sizeof kZones / sizeof kZones[0];
  ASSERT_EQ(expected.size(), ts.size() * kZoneCount);
  size_t line = 0;
  for (int64_t t : ts) {
    for (size_t i = 0; i < kZoneCount; ++i) {
      TzRef zone = named_zone(kZones[i]);
      TzRef next = named_zone(kZones[(i + 1) % kZoneCount]);
      DateTime d = DateTime::from_timestamp(Number::of(t), zone, utc_zone());
      DateTime o = d.astimezone(next, utc_zone());
      std::string ours = d.repr() + "|" + opt(d.utcoffset()) + "|" + opt(d.dst()) + "|" +
                         d.tzname().value_or("None") + "|" + std::to_string(d.fold()) + "|" +
                         o.repr() + "|" + g17(d.timestamp(utc_zone())) + "|" +
                         (DateTime::equal(d, o) ? "True" : "False") + "|" +
                         d.astimezone_local(utc_zone()).str();
      EXPECT_EQ(ours, expected[line]) << kZones[i] << " at " << t;
      ++line;
    }
  }
}

// Wall times in the gap and the fold of New York and London, with both
// folds: utcoffset, tzname, the UTC instant, and PEP 495 equality.
TEST(DatetimeZone, GapsAndFoldsFollowPep495LikeCPython) {
  struct Wall {
    const char* zone;
    int y, m, d, h, mi;
  };
  std::vector<Wall> walls = {
      {"America/New_York", 2024, 3, 10, 1, 59}, {"America/New_York", 2024, 3, 10, 2, 0},
      {"America/New_York", 2024, 3, 10, 2, 30}, {"America/New_York", 2024, 3, 10, 3, 0},
      {"America/New_York", 2024, 11, 3, 0, 59}, {"America/New_York", 2024, 11, 3, 1, 0},
      {"America/New_York", 2024, 11, 3, 1, 30}, {"America/New_York", 2024, 11, 3, 2, 0},
      {"Europe/London", 2024, 3, 31, 1, 30},    {"Europe/London", 2024, 10, 27, 1, 30},
      {"Australia/Sydney", 2024, 4, 7, 2, 30},  {"Australia/Sydney", 2024, 10, 6, 2, 30},
      {"Asia/Kolkata", 2024, 6, 1, 12, 0},      {"America/New_York", 1800, 1, 1, 0, 0},
      {"America/New_York", 2050, 7, 1, 0, 0},   {"America/New_York", 2050, 3, 13, 2, 30},
      {"America/New_York", 2050, 11, 6, 1, 30}, {"Australia/Sydney", 2060, 4, 4, 2, 30},
      {"Australia/Sydney", 2060, 10, 3, 2, 30}, {"Europe/London", 2099, 10, 25, 1, 30},
      {"America/New_York", 2037, 11, 1, 1, 30}, {"America/New_York", 2038, 3, 14, 2, 30},
      {"Europe/Dublin", 2050, 10, 30, 1, 30},   {"Europe/Dublin", 2050, 3, 27, 1, 30},
      {"Europe/Dublin", 2050, 7, 1, 0, 0},      {"Europe/London", 1947, 6, 1, 0, 0}};
  std::string program = "for z, y, m, day, h, mi in [";
  for (auto& w : walls)
    program += py_tuple({py_str(w.zone), std::to_string(w.y), std::to_string(w.m),
                         std::to_string(w.d), std::to_string(w.h), std::to_string(w.mi)}) +
               ",";
  program += R"PY(]:
    for fold in (0, 1):
        d = datetime(y, m, day, h, mi, fold=fold, tzinfo=ZoneInfo(z))
        u = d.astimezone(timezone.utc)
        other = u.astimezone(ZoneInfo('Asia/Tokyo'))
        print('|'.join([str(d), str(d.utcoffset()), str(d.tzname()), str(d.dst()), repr(u),
            str(d == other), str(d == u), str(hash(d) == hash(d.replace(fold=1 - fold))),
            '%.17g' % d.timestamp(), str(d.replace(tzinfo=None).timestamp() if False else 0)]))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), walls.size() * 2);
  size_t line = 0;
  TzRef tokyo = named_zone("Asia/Tokyo");
  for (auto& w : walls) {
    for (int fold = 0; fold < 2; ++fold) {
      DateTime d = DateTime::from_fields(w.y, w.m, w.d, w.h, w.mi, 0, 0, named_zone(w.zone), fold);
      DateTime u = d.astimezone(utc_zone(), utc_zone());
      DateTime other = u.astimezone(tokyo, utc_zone());
      DateTime flipped = DateTime::from_local_micros(d.local_micros(), d.tzinfo(), 1 - fold);
      std::string ours = d.str() + "|" + opt(d.utcoffset()) + "|" + d.tzname().value_or("None") +
                         "|" + opt(d.dst()) + "|" + u.repr() + "|" +
                         (DateTime::equal(d, other) ? "True" : "False") + "|" +
                         (DateTime::equal(d, u) ? "True" : "False") + "|" +
                         (d.hash_value() == flipped.hash_value() ? "True" : "False") + "|" +
                         g17(d.timestamp(utc_zone())) + "|0";
      EXPECT_EQ(ours, expected[line]) << w.zone << " " << d.repr();
      ++line;
    }
  }
}

TEST(DatetimeZone, NaiveLocalTimeUsesTheClockZone) {
  // A New York host: naive timestamps, fromtimestamp and now() are local.
  std::string program = R"PY(
import os, time
os.environ['TZ'] = 'America/New_York'; time.tzset()
for t in [1710054000, 1710054000 + 3600, 1730613600 - 1800, 1730613600 + 1800, 0, 1700000000.5]:
    d = datetime.fromtimestamp(t)
    print(repr(d) + '|' + '%.17g' % d.timestamp() + '|' + str(d.astimezone()) + '|' + repr(date.fromtimestamp(int(t))))
)PY";
  std::vector<std::string> expected = run_python(program);
  TzRef ny = named_zone("America/New_York");
  std::vector<Number> ts = {Number::of(int64_t{1710054000}), Number::of(int64_t{1710057600}),
                            Number::of(int64_t{1730611800}), Number::of(int64_t{1730615400}),
                            Number::of(int64_t{0}),          Number::of(1700000000.5)};
  ASSERT_EQ(expected.size(), ts.size());
  for (size_t i = 0; i < ts.size(); ++i) {
    DateTime d = DateTime::from_timestamp(ts[i], std::nullopt, ny);
    int64_t whole = ts[i].is_float ? static_cast<int64_t>(ts[i].real) : ts[i].integer;
    FixedClock clock(whole * 1000000, ny);
    std::string ours = d.repr() + "|" + g17(d.timestamp(ny)) + "|" + d.astimezone_local(ny).str() +
                       "|" + Date::today(clock).repr();
    EXPECT_EQ(ours, expected[i]) << i;
  }
  FixedClock clock(1730613600LL * 1000000 + 7, ny);
  EXPECT_EQ(DateTime::now(clock).repr(), "datetime.datetime(2024, 11, 3, 1, 0, 0, 7, fold=1)");
  EXPECT_EQ(DateTime::now(clock, utc_zone()).repr(),
            "datetime.datetime(2024, 11, 3, 6, 0, 0, 7, tzinfo=datetime.timezone.utc)");
  EXPECT_EQ(DateTime::utcnow(clock).repr(), "datetime.datetime(2024, 11, 3, 6, 0, 0, 7)");
}

TEST(DatetimeZone, TimestampEdgesKeysAndFixedOffsetsMatchCPython) {
  std::vector<double> floats = {std::nan(""),        1e20,       -1e20,     253402300800.0,
                                -62135596801.0,      1.5e-7,     2.5e-6,    -0.5e-6,
                                1700000000.1234565,  -0.0000005, 0.9999995, -62135596800.0,
                                253402300799.9999999};
  std::vector<std::string> keys = {
      "Foo/Bar", "../etc/passwd", "/etc/localtime", "",      "Asia/Kolkata/", "UTC",
      "utc",     "Etc/GMT+5",     "Asia",           "a/./b", "a//b",          "US/Eastern"};
  std::vector<int64_t> offsets = {86400000000LL,  -86400000000LL, 1, -1, 0, 19800000000LL,
                                  -10805000007LL, 86399999999LL};
  std::string program = "for t in [";
  for (double f : floats) program += "float('" + g17(f) + "'),";
  program += R"PY(]:
    print(r(lambda: repr(datetime.fromtimestamp(t, timezone.utc))) + '|' + r(lambda: repr(datetime.utcfromtimestamp(t))))
)PY";
  program += "for k in [";
  for (auto& k : keys) program += py_str(k) + ",";
  program += R"PY(]:
    show(lambda: repr(ZoneInfo(k)) + '|' + str(ZoneInfo(k)) + '|' + str(datetime(2024, 7, 1, tzinfo=ZoneInfo(k))))
)PY";
  program += "for us in [";
  for (int64_t o : offsets) program += std::to_string(o) + ",";
  program += R"PY(]:
    show(lambda: '|'.join([repr(timezone(timedelta(microseconds=us))), str(timezone(timedelta(microseconds=us))),
        repr(timezone(timedelta(microseconds=us), 'N\'x')), str(time(1, 2, tzinfo=timezone(timedelta(microseconds=us)))),
        str(time(1, 2, tzinfo=timezone(timedelta(microseconds=us))).utcoffset())]))
print(str(time(1, 2, tzinfo=ZoneInfo('Asia/Kolkata')).utcoffset()) + '|' + repr(time(1, 2, tzinfo=ZoneInfo('Asia/Kolkata'))))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), floats.size() + keys.size() + offsets.size() + 1);
  size_t line = 0;
  for (double f : floats) {
    std::string ours =
        capture([&] {
          return DateTime::from_timestamp(Number::of(f), utc_zone(), utc_zone()).repr();
        }) +
        "|" + capture([&] { return DateTime::utc_from_timestamp(Number::of(f)).repr(); });
    EXPECT_EQ(ours, expected[line++]) << f;
  }
  for (auto& k : keys) {
    std::string ours = capture([&] {
      TzRef z = named_zone(k);
      return zone_repr(z) + "|" + zone_str(z) + "|" +
             DateTime::from_fields(2024, 7, 1, 0, 0, 0, 0, z).str();
    });
    EXPECT_EQ(ours, expected[line++]) << k;
  }
  for (int64_t o : offsets) {
    std::string ours = capture([&] {
      TimeDelta off = TimeDelta::from_dsu(0, 0, o);
      TzRef z = fixed_zone(off);
      Time t = Time::from_fields(1, 2, 0, 0, z);
      return zone_repr(z) + "|" + zone_str(z) + "|" + zone_repr(fixed_zone(off, "N'x")) + "|" +
             t.isoformat() + "|" + opt(t.utcoffset());
    });
    EXPECT_EQ(ours, expected[line++]) << o;
  }
  Time kolkata = Time::from_fields(1, 2, 0, 0, named_zone("Asia/Kolkata"));
  EXPECT_EQ(opt(kolkata.utcoffset()) + "|" + kolkata.repr(), expected[line++]);
}

}  // namespace
}  // namespace quire::lang::time
