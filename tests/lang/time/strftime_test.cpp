// strftime against CPython 3.11 on glibc: every directive, with flags,
// widths and modifiers, on dates across years, for date, time and datetime.

#include <gtest/gtest.h>

#include <random>

#include "lang/time/datetime.h"
#include "python_oracle.h"

namespace quire::lang::time {
namespace {

using testing::capture;
using testing::py_str;
using testing::py_tuple;
using testing::run_python;

std::vector<std::string> formats() {
  std::vector<std::string> out;
  const std::string directives = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZf%";
  for (char c : directives) {
    out.push_back(std::string("%") + c);
    for (const char* flag : {"-", "_", "0", "^", "#", "5", "_3", "-4", "012", "E", "O"})
      out.push_back(std::string("%") + flag + c);
  }
  for (const char* f : {"%Q",
                        "%",
                        "%E",
                        "%5",
                        "%-",
                        "%q%",
                        "a%%b",
                        "%:z",
                        "%3N",
                        "%+4Y",
                        "%Y-%m-%d %H:%M:%S.%f%z",
                        "%d/%m/%Y %I:%M %p",
                        "%%z%z%%Z%Z",
                        "%%%",
                        "%%f",
                        "%Ez",
                        "%^Z",
                        "%#Z",
                        "x%",
                        "%_",
                        "%00d",
                        "%-0d",
                        "%^#p",
                        "%10%",
                        "plain text",
                        "",
                        "%A, %d %B %Y",
                        "%c|%x|%X",
                        "%G-W%V-%u"})
    out.push_back(f);
  return out;
}

TEST(DatetimeStrftime, EveryDirectiveMatchesCPython) {
  std::mt19937_64 rng(17);
  std::uniform_int_distribution<int64_t> micros(0, 315537897599999999LL);
  std::vector<int64_t> moments = {0, 315537897599999999LL};
  // 5 Jan 2024 13:04:09.000007, a year-5 date, year ends (ISO week edges), noon, midnight.
  moments.push_back(DateTime::from_fields(2024, 1, 5, 13, 4, 9, 7).local_micros());
  moments.push_back(DateTime::from_fields(5, 1, 1, 3, 4, 5).local_micros());
  moments.push_back(DateTime::from_fields(999, 12, 31, 12, 0, 0).local_micros());
  moments.push_back(DateTime::from_fields(2020, 12, 31, 0, 0, 0).local_micros());
  moments.push_back(DateTime::from_fields(2021, 1, 3, 23, 59, 59, 999999).local_micros());
  for (int i = 0; i < 6; ++i) moments.push_back(micros(rng));
  std::vector<std::string> fmts = formats();
  std::string program = "fmts = [";
  for (auto& f : fmts) program += py_str(f) + ",";
  program += "]\nfor us, aware in [";
  for (size_t i = 0; i < moments.size(); ++i)
    program += py_tuple({std::to_string(moments[i]), std::to_string(i % 3)}) + ",";
  program += R"PY(]:
    tz = [None, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=3, seconds=5), 'A%zB')][aware]
    d = (datetime.min + timedelta(microseconds=us)).replace(tzinfo=tz)
    for f in fmts:
        print(repr(d.strftime(f)) + '|' + repr(d.date().strftime(f)) + '|' + repr(d.timetz().strftime(f)))
)PY";
  std::vector<std::string> expected = run_python(program);
  ASSERT_EQ(expected.size(), moments.size() * fmts.size());
  size_t line = 0;
  for (size_t i = 0; i < moments.size(); ++i) {
    TzRef tz = i % 3 == 0   ? TzRef()
               : i % 3 == 1 ? fixed_zone(TimeDelta::from_dsu(0, 19800, 0))
                            : fixed_zone(-TimeDelta::from_dsu(0, 10805, 0), "A%zB");
    DateTime d = DateTime::from_local_micros(moments[i], tz);
    for (auto& f : fmts) {
      std::string ours = py_str(d.strftime(f)) + "|" + py_str(d.date().strftime(f)) + "|" +
                         py_str(d.timetz().strftime(f));
      EXPECT_EQ(ours, expected[line]) << d.repr() << " format " << f;
      ++line;
    }
  }
}

// Not CPython's behaviour (it would build the whole string): a sandboxed
// script gets a MemoryError instead of gigabytes from a short format.
TEST(DatetimeStrftime, HugeWidthsAreBoundedNotFatal) {
  DateTime d = DateTime::from_fields(2024, 1, 5);
  EXPECT_EQ(d.strftime("%100d").size(), 100u);
  EXPECT_EQ(d.strftime("%99999999999999999999d").size(), 65536u);
  std::string bomb;
  for (int i = 0; i < 2000; ++i) bomb += "%65536c";
  EXPECT_EQ(capture([&] { return d.strftime(bomb); }), "ERR MemoryError strftime result too large");
}

}  // namespace
}  // namespace quire::lang::time
