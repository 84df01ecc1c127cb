// date against CPython: constructor errors, ordinals across centuries and
// leap years, weekdays, ISO calendar, arithmetic, text forms.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/date.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::py_tuple;
using testing::run_python;

std::string describe_date(const Date& d) {
  return testing::join({d.isoformat(), d.repr(), std::to_string(d.toordinal()),
                        std::to_string(d.weekday()), std::to_string(d.isoweekday()),
                        d.isocalendar().repr(), d.ctime()});
}

constexpr const char* kDescribeDate =
    "def describe(d):\n"
    "    return '|'.join([d.isoformat(), repr(d), str(d.toordinal()), str(d.weekday()),\n"
    "        str(d.isoweekday()), repr(d.isocalendar()), d.ctime()])\n";

TEST(DatetimeDate, OrdinalsWeekdaysAndIsoCalendarMatchCPython) {
  std::mt19937 rng(1);
  std::uniform_int_distribution<int32_t> ordinal(1, kMaxOrdinal);
  std::vector<int64_t> cases = {
      1, 2, 365, 366, 730119, 730120, 719163, kMaxOrdinal, kMaxOrdinal - 1};
  // Around every century and 400-year boundary, and year ends (ISO weeks).
  for (int year = 1; year <= 9999; year += (year < 2100 ? 1 : 97)) {
    int32_t first = ordinal_from_ymd(year, 1, 1);
    for (int k = -4; k <= 4; ++k)
      if (first + k >= 1 && first + k <= kMaxOrdinal) cases.push_back(first + k);
  }
  for (int i = 0; i < 3000; ++i) cases.push_back(ordinal(rng));
  cases.push_back(0);
  cases.push_back(-5);
  cases.push_back(kMaxOrdinal + 1);
  cases.push_back(5000000);
  std::string program = kDescribeDate;
  program += "for o in [";
  for (int64_t o : cases) program += std::to_string(o) + ",";
  program += "]:\n    show(lambda: describe(date.fromordinal(o)))\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(capture([&] { return describe_date(Date::from_ordinal(cases[i])); }), expected[i])
        << cases[i];
  }
}

TEST(DatetimeDate, ConstructorAndIsoCalendarErrorsMatchCPython) {
  std::vector<std::array<int64_t, 3>> cases = {
      {0, 1, 1},     {10000, 1, 1}, {-1, 1, 1},     {2024, 13, 1}, {2024, 0, 1},
      {2023, 2, 29}, {2024, 2, 29}, {1900, 2, 29},  {2000, 2, 29}, {2024, 4, 31},
      {2024, 1, 0},  {2024, 1, 32}, {9999, 12, 31}, {1, 1, 1},     {2024, 12, 31}};
  std::vector<std::array<int64_t, 3>> iso = {
      {2024, 0, 1}, {2024, 54, 1}, {2020, 53, 1}, {2021, 53, 1}, {2024, 1, 8},
      {2024, 1, 0}, {0, 1, 1},     {10000, 1, 1}, {9999, 52, 5}, {9999, 52, 7},
      {1, 1, 1},    {2015, 53, 7}, {2004, 53, 1}, {1, 52, 7}};
  std::string program = kDescribeDate + std::string("for c in [");
  for (auto& c : cases)
    program += py_tuple({std::to_string(c[0]), std::to_string(c[1]), std::to_string(c[2])}) + ",";
  program += "]:\n    show(lambda: describe(date(*c)))\nfor c in [";
  for (auto& c : iso)
    program += py_tuple({std::to_string(c[0]), std::to_string(c[1]), std::to_string(c[2])}) + ",";
  program += "]:\n    show(lambda: describe(date.fromisocalendar(*c)))\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size() + iso.size());
  size_t line = 0;
  for (auto& c : cases)
    EXPECT_EQ(capture([&] { return describe_date(Date::from_ymd(c[0], c[1], c[2])); }),
              expected[line++]);
  for (auto& c : iso)
    EXPECT_EQ(capture([&] { return describe_date(Date::from_iso_calendar(c[0], c[1], c[2])); }),
              expected[line++]);
}

TEST(DatetimeDate, ArithmeticReplaceAndOverflowMatchCPython) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int32_t> ordinal(1, kMaxOrdinal);
  std::uniform_int_distribution<int64_t> days(-4000000, 4000000);
  std::uniform_int_distribution<int64_t> secs(-200000, 200000);
  struct Case {
    int32_t a, b;
    int64_t d, s;
  };
  std::vector<Case> cases;
  for (int i = 0; i < 2000; ++i)
    cases.push_back({ordinal(rng), ordinal(rng), days(rng), secs(rng)});
  std::string program = "for a, b, d, s in [";
  for (auto& c : cases)
    program += py_tuple({std::to_string(c.a), std::to_string(c.b), std::to_string(c.d),
                         std::to_string(c.s)}) +
               ",";
  program += R"PY(]:
    x = date.fromordinal(a); y = date.fromordinal(b); t = timedelta(d, s)
    print('|'.join([r(lambda: x + t), r(lambda: x - t), r(lambda: x - y), str(x < y),
        str(x == y), r(lambda: x.replace(day=31)), r(lambda: x.replace(year=y.year))]))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    Date x = Date::from_ordinal(c.a), y = Date::from_ordinal(c.b);
    TimeDelta t = TimeDelta::from_dsu(c.d, c.s, 0);
    std::string ours = testing::join(
        {capture([&] { return (x + t).isoformat(); }), capture([&] { return (x - t).isoformat(); }),
         capture([&] { return (x - y).str(); }), x < y ? "True" : "False",
         x == y ? "True" : "False", capture([&] {
           return x.replace(DateReplace{{}, {}, 31}).isoformat();
         }),
         capture([&] {
           return x.replace(DateReplace{y.year(), {}, {}}).isoformat();
         })});
    EXPECT_EQ(ours, expected[i]) << "case " << i;
  }
}

TEST(DatetimeDate, FromIsoFormatMatchesCPython) {
  std::vector<std::string> cases = {
      "2024-01-05", "20240105",   "2024-W01",     "2024-W01-5",  "2024W015",         "2024W01",
      "2024-1-5",   "2024-01",    "2024",         "24-01-05",    "2024-01-05T00:00", "2024-001",
      "2024-13-01", "2024-02-30", "0000-01-01",   "2024-01-05 ", "2024/01/05",       "20240105xx",
      "2024-W53",   "2020-W53-7", "2024-W00",     "2024-W01-8",  "9999-W52-7",       "2024W0150",
      "2024-01-0x", "",           "2024-01-05\n", "2024-W01-",   "0000-W01-1",       "0000-W52-7",
      "0001-W01-1"};
  std::string program = "for s in [";
  for (auto& s : cases) program += testing::py_str(s) + ",";
  program += "]:\n    show(lambda: date.fromisoformat(s), repr)\n";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i)
    EXPECT_EQ(capture([&] { return Date::from_iso_format(cases[i]).repr(); }), expected[i])
        << cases[i];
}

}  // namespace
}  // namespace quire::lang::time
