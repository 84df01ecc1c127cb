#pragma once
// Proleptic Gregorian calendar arithmetic, as CPython's datetime module does
// it: day 1 is 0001-01-01, years run 1..9999. Pure integer functions.

#include <cstdint>

namespace quire::lang::time {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;
inline constexpr int32_t kMaxOrdinal = 3652059;  // 9999-12-31

struct YearMonthDay {
  int year;
  int month;
  int day;
};

constexpr bool is_leap_year(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int days_in_month(int year, int month) {
  constexpr int kDays[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month];
}

// Days in the years before `year` (year 1 has none before it).
constexpr int32_t days_before_year(int year) {
  int32_t y = year - 1;
  return y * 365 + y / 4 - y / 100 + y / 400;
}

constexpr int days_before_month(int year, int month) {
  constexpr int kBefore[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return kBefore[month] + (month > 2 && is_leap_year(year) ? 1 : 0);
}

// The caller has checked the fields (see check_date_fields).
constexpr int32_t ordinal_from_ymd(int year, int month, int day) {
  return days_before_year(year) + days_before_month(year, month) + day;
}

// Any ordinal >= 1 (also past 9999 when a caller needs the year to report).
YearMonthDay ymd_from_ordinal(int64_t ordinal);

// Monday == 0 ... Sunday == 6, as date.weekday().
constexpr int weekday_from_ordinal(int64_t ordinal) {
  return static_cast<int>((ordinal + 6) % 7);
}

// Ordinal of the Monday of ISO week 1 of `year`.
int32_t iso_week1_monday(int year);

// Throws ValueError with CPython's messages ("month must be in 1..12", ...).
void check_date_fields(int64_t year, int64_t month, int64_t day);
void check_time_fields(int64_t hour, int64_t minute, int64_t second, int64_t microsecond,
                       int64_t fold);

}  // namespace quire::lang::time
