#pragma once
// datetime.date as a proleptic Gregorian day ordinal (0001-01-01 is 1).

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "lang/time/civil.h"
#include "lang/time/timedelta.h"
#include "lang/time/zone.h"

namespace quire::lang::time {

class Clock;

struct IsoCalendarDate {
  int year;
  int week;
  int weekday;
  // "datetime.IsoCalendarDate(year=2024, week=1, weekday=5)"
  std::string repr() const;
};

// time.struct_time as timetuple() returns it.
struct TimeTuple {
  int year, month, day, hour, minute, second, weekday, yday, isdst;
  // "time.struct_time(tm_year=2024, tm_mon=1, ..., tm_isdst=-1)"
  std::string repr() const;
};

struct DateReplace {
  std::optional<int64_t> year = std::nullopt;
  std::optional<int64_t> month = std::nullopt;
  std::optional<int64_t> day = std::nullopt;
};

class Date {
 public:
  constexpr Date() = default;
  // date(year, month, day); ValueError with CPython's messages.
  static Date from_ymd(int64_t year, int64_t month, int64_t day);
  // ValueError "ordinal must be >= 1" / "year 10000 is out of range".
  static Date from_ordinal(int64_t ordinal);
  static Date from_iso_calendar(int64_t year, int64_t week, int64_t weekday);
  // date.fromisoformat (3.11: YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]).
  static Date from_iso_format(const std::string& text);
  static Date today(const Clock& clock);
  // date.fromtimestamp(ts): the local date in `local` (see DateTime).
  static Date from_timestamp(const Number& ts, TzRef local);
  static Date min() { return Date(1); }
  static Date max() { return Date(kMaxOrdinal); }
  static TimeDelta resolution() { return TimeDelta::from_dsu(1, 0, 0); }

  int32_t toordinal() const { return ordinal_; }
  YearMonthDay ymd() const { return ymd_from_ordinal(ordinal_); }
  int year() const { return ymd().year; }
  int month() const { return ymd().month; }
  int day() const { return ymd().day; }
  int weekday() const { return weekday_from_ordinal(ordinal_); }
  int isoweekday() const { return weekday() + 1; }
  IsoCalendarDate isocalendar() const;
  Date replace(const DateReplace& changes) const;
  TimeTuple timetuple() const;  // midnight, tm_isdst=-1

  // Only the days of the delta count, as in CPython; OverflowError
  // "date value out of range".
  Date operator+(const TimeDelta& d) const;
  Date operator-(const TimeDelta& d) const;
  TimeDelta operator-(const Date& other) const;
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

  std::string isoformat() const;  // "2024-01-05"; also str()
  std::string repr() const;       // "datetime.date(2024, 1, 5)"
  std::string ctime() const;      // "Fri Jan  5 00:00:00 2024"
  std::string strftime(const std::string& format) const;
  int64_t hash_value() const { return ordinal_; }

 private:
  constexpr explicit Date(int32_t ordinal) : ordinal_(ordinal) {}
  int32_t ordinal_ = 1;
};

}  // namespace quire::lang::time
