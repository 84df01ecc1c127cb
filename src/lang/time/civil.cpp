#include "lang/time/civil.h"

#include <string>

#include "lang/time/error.h"

namespace quire::lang::time {

namespace {
constexpr int64_t kDaysIn400Years = 146097;
constexpr int64_t kDaysIn100Years = 36524;
constexpr int64_t kDaysIn4Years = 1461;
}  // namespace

YearMonthDay ymd_from_ordinal(int64_t ordinal) {
  // Split the day count into 400-, 100-, 4- and 1-year cycles (CPython's
  // ord_to_ymd); the last day of a 4th century or 4-year cycle needs care.
  int64_t n = ordinal - 1;
  int64_t n400 = n / kDaysIn400Years;
  n %= kDaysIn400Years;
  if (n < 0) {  // floor division, for the years before 1 that errors report
    n += kDaysIn400Years;
    --n400;
  }
  int64_t n100 = n / kDaysIn100Years;
  n %= kDaysIn100Years;
  int64_t n4 = n / kDaysIn4Years;
  n %= kDaysIn4Years;
  int64_t n1 = n / 365;
  n %= 365;
  int64_t year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  if (n1 == 4 || n100 == 4) return {static_cast<int>(year - 1), 12, 31};
  int y = static_cast<int>(year);
  int month = static_cast<int>((n + 50) >> 5);  // estimate, at most one too big
  int preceding = days_before_month(y, month);
  if (preceding > n) {
    --month;
    preceding = days_before_month(y, month);
  }
  return {y, month, static_cast<int>(n - preceding + 1)};
}

int32_t iso_week1_monday(int year) {
  int32_t first_day = ordinal_from_ymd(year, 1, 1);
  int first_weekday = weekday_from_ordinal(first_day);
  int32_t monday = first_day - first_weekday;
  if (first_weekday > 3) monday += 7;  // Jan 1 is Fri..Sun: week 1 starts later
  return monday;
}

void check_date_fields(int64_t year, int64_t month, int64_t day) {
  if (year < kMinYear || year > kMaxYear)
    raise_value_error("year " + std::to_string(year) + " is out of range");
  if (month < 1 || month > 12) raise_value_error("month must be in 1..12");
  if (day < 1 || day > days_in_month(static_cast<int>(year), static_cast<int>(month)))
    raise_value_error("day is out of range for month");
}

void check_time_fields(int64_t hour, int64_t minute, int64_t second, int64_t microsecond,
                       int64_t fold) {
  if (hour < 0 || hour > 23) raise_value_error("hour must be in 0..23");
  if (minute < 0 || minute > 59) raise_value_error("minute must be in 0..59");
  if (second < 0 || second > 59) raise_value_error("second must be in 0..59");
  if (microsecond < 0 || microsecond > 999999)
    raise_value_error("microsecond must be in 0..999999");
  if (fold != 0 && fold != 1) raise_value_error("fold must be either 0 or 1");
}

}  // namespace quire::lang::time
