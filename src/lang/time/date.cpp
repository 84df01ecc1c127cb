#include "lang/time/date.h"

#include <cstdio>

#include "lang/time/error.h"
#include "lang/time/names.h"

namespace quire::lang::time {

std::string IsoCalendarDate::repr() const {
  return "datetime.IsoCalendarDate(year=" + std::to_string(year) +
         ", week=" + std::to_string(week) + ", weekday=" + std::to_string(weekday) + ")";
}

Date Date::from_ymd(int64_t year, int64_t month, int64_t day) {
  check_date_fields(year, month, day);
  return Date(
      ordinal_from_ymd(static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)));
}

Date Date::from_ordinal(int64_t ordinal) {
  if (ordinal < 1) raise_value_error("ordinal must be >= 1");
  if (ordinal > kMaxOrdinal)
    raise_value_error("year " + std::to_string(ymd_from_ordinal(ordinal).year) +
                      " is out of range");
  return Date(static_cast<int32_t>(ordinal));
}

Date Date::from_iso_calendar(int64_t year, int64_t week, int64_t weekday) {
  if (year < kMinYear || year > kMaxYear)
    raise_value_error("Year is out of range: " + std::to_string(year));
  if (week <= 0 || week >= 53) {
    // Week 53 exists only in years that start on a Thursday, or leap years
    // that start on a Wednesday.
    bool long_year = false;
    if (week == 53) {
      int first = weekday_from_ordinal(ordinal_from_ymd(static_cast<int>(year), 1, 1));
      long_year = first == 3 || (first == 2 && is_leap_year(static_cast<int>(year)));
    }
    if (!long_year) raise_value_error("Invalid week: " + std::to_string(week));
  }
  if (weekday <= 0 || weekday >= 8)
    raise_value_error("Invalid day: " + std::to_string(weekday) + " (range is [1, 7])");
  int64_t ordinal = iso_week1_monday(static_cast<int>(year)) + (week - 1) * 7 + (weekday - 1);
  return from_ordinal(ordinal);
}

IsoCalendarDate Date::isocalendar() const {
  int year = this->year();
  int32_t offset = ordinal_ - iso_week1_monday(year);
  if (offset < 0) {
    --year;
    offset = ordinal_ - iso_week1_monday(year);
  } else if (offset >= 52 * 7 && ordinal_ >= iso_week1_monday(year + 1)) {
    ++year;
    offset = ordinal_ - iso_week1_monday(year);
  }
  return IsoCalendarDate{year, offset / 7 + 1, offset % 7 + 1};
}

std::string TimeTuple::repr() const {
  std::string out = "time.struct_time(";
  const char* names[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                         "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
  int values[] = {year, month, day, hour, minute, second, weekday, yday, isdst};
  for (int i = 0; i < 9; ++i) {
    if (i != 0) out += ", ";
    out += names[i];
    out += '=';
    out += std::to_string(values[i]);
  }
  return out + ")";
}

TimeTuple Date::timetuple() const {
  YearMonthDay f = ymd();
  int yday = ordinal_ - ordinal_from_ymd(f.year, 1, 1) + 1;
  return TimeTuple{f.year, f.month, f.day, 0, 0, 0, weekday(), yday, -1};
}

Date Date::replace(const DateReplace& c) const {
  YearMonthDay f = ymd();
  return from_ymd(c.year.value_or(f.year), c.month.value_or(f.month), c.day.value_or(f.day));
}

Date Date::operator+(const TimeDelta& d) const {
  int64_t ordinal = static_cast<int64_t>(ordinal_) + d.days();
  if (ordinal < 1 || ordinal > kMaxOrdinal) raise_overflow_error("date value out of range");
  return Date(static_cast<int32_t>(ordinal));
}

Date Date::operator-(const TimeDelta& d) const {
  int64_t ordinal = static_cast<int64_t>(ordinal_) - d.days();
  if (ordinal < 1 || ordinal > kMaxOrdinal) raise_overflow_error("date value out of range");
  return Date(static_cast<int32_t>(ordinal));
}

TimeDelta Date::operator-(const Date& other) const {
  return TimeDelta::from_dsu(static_cast<int64_t>(ordinal_) - other.ordinal_, 0, 0);
}

std::string Date::isoformat() const {
  YearMonthDay f = ymd();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", f.year, f.month, f.day);
  return buf;
}

std::string Date::repr() const {
  YearMonthDay f = ymd();
  return "datetime.date(" + std::to_string(f.year) + ", " + std::to_string(f.month) + ", " +
         std::to_string(f.day) + ")";
}

std::string Date::ctime() const {
  YearMonthDay f = ymd();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s %2d 00:00:00 %04d", kWeekdayAbbr[weekday()],
                kMonthAbbr[f.month], f.day, f.year);
  return buf;
}

}  // namespace quire::lang::time
