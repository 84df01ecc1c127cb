// replace, combine, accessors, constants and the TypeErrors of mixing naive
// and aware values, each next to the Python expression it must match.

#include <gtest/gtest.h>

#include <functional>

#include "lang/time/datetime_module.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::run_python;

struct Pair {
  const char* python;
  std::function<std::string()> ours;
};

TEST(DatetimeApi, ReplaceCombineConstantsAndTypeErrorsMatchCPython) {
  TzRef ist = fixed_zone(TimeDelta::from_dsu(0, 19800, 0));
  TzRef ny = named_zone("America/New_York");
  DateTime d = DateTime::from_fields(2024, 1, 31, 10, 30, 15, 250);
  DateTime aware = DateTime::from_fields(2024, 1, 31, 10, 30, 0, 0, ist);
  std::vector<Pair> pairs = {
      {"repr(d.replace(month=2))", [&] { return d.replace({.month = 2}).repr(); }},
      {"repr(d.replace(year=2023, month=2, day=28, hour=23))",
       [&] { return d.replace({.year = 2023, .month = 2, .day = 28, .hour = 23}).repr(); }},
      {"repr(d.replace(microsecond=1000000))",
       [&] { return d.replace({.microsecond = 1000000}).repr(); }},
      {"repr(d.replace(fold=1))", [&] { return d.replace({.fold = 1}).repr(); }},
      {"repr(d.replace(tzinfo=ist))", [&] { return d.replace({.tzinfo = ist}).repr(); }},
      {"repr(aware.replace(tzinfo=None))",
       [&] { return aware.replace({.tzinfo = TzRef()}).repr(); }},
      {"repr(datetime.combine(d.date(), d.time()))",
       [&] { return DateTime::combine(d.date(), d.time()).repr(); }},
      {"repr(datetime.combine(d.date(), aware.timetz()))",
       [&] { return DateTime::combine(d.date(), aware.timetz()).repr(); }},
      {"repr(datetime.combine(d.date(), aware.timetz(), ZoneInfo('America/New_York')))",
       [&] { return DateTime::combine(d.date(), aware.timetz(), ny).repr(); }},
      {"repr(datetime.combine(d.date(), time(1, fold=1)))",
       [&] {
         return DateTime::combine(d.date(), Time::from_fields(1, 0, 0, 0, TzRef(), 1)).repr();
       }},
      {"repr(aware.time()) + repr(aware.timetz()) + repr(aware.date())",
       [&] { return aware.time().repr() + aware.timetz().repr() + aware.date().repr(); }},
      {"repr(time(1, 2, 3).replace(hour=5, tzinfo=ist))",
       [&] { return Time::from_fields(1, 2, 3).replace({.hour = 5, .tzinfo = ist}).repr(); }},
      {"repr(time(1, 2, 3).replace(minute=60))",
       [&] { return Time::from_fields(1, 2, 3).replace({.minute = 60}).repr(); }},
      {"d - aware", [&] { return (d - aware).str(); }},
      {"d < aware", [&] { return DateTime::compare(d, aware) < 0 ? "True" : "False"; }},
      {"d == aware", [&] { return DateTime::equal(d, aware) ? "True" : "False"; }},
      {"time(1) < time(1, tzinfo=ist)",
       [&] {
         return Time::compare(Time::from_fields(1), Time::from_fields(1, 0, 0, 0, ist)) < 0
                    ? "True"
                    : "False";
       }},
      {"time(1) == time(1, tzinfo=ist)",
       [&] {
         return Time::equal(Time::from_fields(1), Time::from_fields(1, 0, 0, 0, ist)) ? "True"
                                                                                      : "False";
       }},
      {"time(6) == time(11, 30, tzinfo=ist).replace(tzinfo=timezone.utc).replace(hour=6)",
       [&] {
         return Time::equal(Time::from_fields(6), Time::from_fields(6, 0, 0, 0, utc_zone()))
                    ? "True"
                    : "False";
       }},
      {"time(11, 30, tzinfo=ist) == time(6, tzinfo=timezone.utc)",
       [&] {
         return Time::equal(Time::from_fields(11, 30, 0, 0, ist),
                            Time::from_fields(6, 0, 0, 0, utc_zone()))
                    ? "True"
                    : "False";
       }},
      {"time(11, 31, tzinfo=ist) > time(6, tzinfo=timezone.utc)",
       [&] {
         return Time::compare(Time::from_fields(11, 31, 0, 0, ist),
                              Time::from_fields(6, 0, 0, 0, utc_zone())) > 0
                    ? "True"
                    : "False";
       }},
      {"time(1, tzinfo=ZoneInfo('America/New_York')) < time(2)",
       [&] {
         return Time::compare(Time::from_fields(1, 0, 0, 0, ny), Time::from_fields(2)) < 0
                    ? "True"
                    : "False";
       }},
      {"repr(datetime.min) + repr(datetime.max) + repr(date.min) + repr(date.max)",
       [&] {
         return DateTime::min().repr() + DateTime::max().repr() + Date::min().repr() +
                Date::max().repr();
       }},
      {"repr(time.min) + repr(time.max) + repr(time.resolution) + repr(date.resolution) + "
       "repr(datetime.resolution)",
       [&] {
         return Time::min().repr() + Time::max().repr() + Time::resolution().repr() +
                Date::resolution().repr() + DateTime::resolution().repr();
       }},
      {"repr(datetime.max - datetime.min)",
       [&] { return (DateTime::max() - DateTime::min()).repr(); }},
      {"repr(datetime.max + timedelta(microseconds=1))",
       [&] { return (DateTime::max() + TimeDelta::resolution()).repr(); }},
      {"repr(datetime.min - timedelta(microseconds=1))",
       [&] { return (DateTime::min() - TimeDelta::resolution()).repr(); }},
      {"repr(datetime.min.replace(tzinfo=ist).astimezone(timezone.utc))",
       [&] {
         return DateTime::min().replace({.tzinfo = ist}).astimezone(utc_zone(), utc_zone()).repr();
       }},
      {"repr(datetime.max.replace(tzinfo=timezone.utc).astimezone(ist))",
       [&] {
         return DateTime::max().replace({.tzinfo = utc_zone()}).astimezone(ist, utc_zone()).repr();
       }},
      {"(aware.utcoffset(), aware.dst(), aware.tzname(), d.utcoffset(), d.tzname())",
       [&] {
         std::string out = "(";
         out += aware.utcoffset()->str();
         out += ", None, ";
         out += *aware.tzname();
         return out + ", None, None)";
       }},
      {"(repr(d.isocalendar()), d.weekday(), d.isoweekday(), d.toordinal())",
       [&] {
         std::string out = "(";
         out += d.isocalendar().repr();
         for (int v : {d.weekday(), d.isoweekday(), static_cast<int>(d.toordinal())}) {
           out += ", ";
           out += std::to_string(v);
         }
         return out + ")";
       }},
      {"repr(date.fromtimestamp(1700000000))",
       [&] { return Date::from_timestamp(Number::of(int64_t{1700000000}), utc_zone()).repr(); }},
      {"repr(ZoneInfo('Asia/Kolkata')) + str(datetime(2024, 1, 5, "
       "tzinfo=ZoneInfo('Asia/Kolkata')))",
       [&] {
         TzRef k = named_zone("Asia/Kolkata");
         return zone_repr(k) + DateTime::from_fields(2024, 1, 5, 0, 0, 0, 0, k).str();
       }},
      {"repr(d.timetuple()) + repr(d.utctimetuple()) + repr(d.date().timetuple())",
       [&] {
         return d.timetuple().repr() + d.utctimetuple().repr() + d.date().timetuple().repr();
       }},
      {"repr(aware.timetuple()) + repr(aware.utctimetuple())",
       [&] { return aware.timetuple().repr() + aware.utctimetuple().repr(); }},
      {"repr(datetime(2024, 7, 5, 10, 30, tzinfo=ZoneInfo('America/New_York')).timetuple())",
       [&] { return DateTime::from_fields(2024, 7, 5, 10, 30, 0, 0, ny).timetuple().repr(); }},
      {"repr(datetime(2024, 7, 5, 22, 30, tzinfo=ZoneInfo('America/New_York')).utctimetuple())",
       [&] { return DateTime::from_fields(2024, 7, 5, 22, 30, 0, 0, ny).utctimetuple().repr(); }},
      {"repr(datetime(2024, 1, 5, tzinfo=ZoneInfo('America/New_York')).timetuple())",
       [&] { return DateTime::from_fields(2024, 1, 5, 0, 0, 0, 0, ny).timetuple().repr(); }},
      {"repr(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))).utctimetuple())",
       [&] {
         TzRef plus1 = fixed_zone(TimeDelta::from_dsu(0, 3600, 0));
         return DateTime::from_fields(1, 1, 1, 0, 0, 0, 0, plus1).utctimetuple().repr();
       }},
      {"repr(date(2024, 12, 31).timetuple())",
       [&] { return Date::from_ymd(2024, 12, 31).timetuple().repr(); }},
  };
  std::string program =
      "ist = timezone(timedelta(seconds=19800))\n"
      "d = datetime(2024, 1, 31, 10, 30, 15, 250)\n"
      "aware = datetime(2024, 1, 31, 10, 30, tzinfo=ist)\n";
  for (const Pair& p : pairs) {
    program += "show(lambda: ";
    program += p.python;
    program += ")\n";
  }
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i)
    EXPECT_EQ(capture(pairs[i].ours), expected[i]) << pairs[i].python;
}

}  // namespace
}  // namespace quire::lang::time
