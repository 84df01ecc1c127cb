#pragma once
// datetime.datetime: wall-clock microseconds since 0001-01-01T00:00, an
// optional tzinfo (see zone.h) and PEP 495's fold.

#include <cstdint>
#include <optional>
#include <string>

#include "lang/time/date.h"
#include "lang/time/time_of_day.h"
#include "lang/time/zone.h"

namespace quire::lang::time {

class Clock;

struct DateTimeReplace {
  std::optional<int64_t> year = std::nullopt;
  std::optional<int64_t> month = std::nullopt;
  std::optional<int64_t> day = std::nullopt;
  std::optional<int64_t> hour = std::nullopt;
  std::optional<int64_t> minute = std::nullopt;
  std::optional<int64_t> second = std::nullopt;
  std::optional<int64_t> microsecond = std::nullopt;
  std::optional<int64_t> fold = std::nullopt;
  std::optional<TzRef> tzinfo = std::nullopt;  // TzRef() sets tzinfo=None
};

class DateTime {
 public:
  static constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

  DateTime() = default;
  static DateTime from_fields(int64_t year, int64_t month, int64_t day, int64_t hour = 0,
                              int64_t minute = 0, int64_t second = 0, int64_t microsecond = 0,
                              TzRef tz = TzRef(), int64_t fold = 0);
  // OverflowError "date value out of range" outside 0001-01-01..9999-12-31.
  static DateTime from_local_micros(int64_t local_micros, TzRef tz, int fold = 0);
  static DateTime combine(const Date& date, const Time& time);
  static DateTime combine(const Date& date, const Time& time, TzRef tz);
  static DateTime min() { return DateTime(); }
  static DateTime max() { return from_fields(9999, 12, 31, 23, 59, 59, 999999); }
  static TimeDelta resolution() { return TimeDelta::resolution(); }

  // datetime.fromisoformat (3.11 forms) and datetime.strptime.
  static DateTime from_iso_format(const std::string& text);
  static DateTime strptime(const std::string& text, const std::string& format);

  // datetime.now(tz) / today() / utcnow() read the clock; without a tz the
  // result is naive local time in the clock's zone.
  static DateTime now(const Clock& clock, std::optional<TzRef> tz = std::nullopt);
  static DateTime utcnow(const Clock& clock);
  // fromtimestamp(ts, tz): ts rounds half-even to the microsecond; naive
  // results are local time in `local`. utcfromtimestamp gives naive UTC.
  static DateTime from_timestamp(const Number& ts, std::optional<TzRef> tz, TzRef local);
  static DateTime utc_from_timestamp(const Number& ts);

  int64_t local_micros() const { return micros_; }
  Date date() const;
  Time time() const;    // naive, keeps fold
  Time timetz() const;  // keeps tzinfo and fold
  int year() const { return date().year(); }
  int month() const { return date().month(); }
  int day() const { return date().day(); }
  int hour() const { return time().hour(); }
  int minute() const { return time().minute(); }
  int second() const { return time().second(); }
  int microsecond() const { return time().microsecond(); }
  int fold() const { return fold_; }
  TzRef tzinfo() const { return tz_; }
  bool is_aware() const { return !tz_.is_naive(); }
  int weekday() const { return date().weekday(); }
  int isoweekday() const { return date().isoweekday(); }
  IsoCalendarDate isocalendar() const { return date().isocalendar(); }
  int32_t toordinal() const { return date().toordinal(); }
  DateTime replace(const DateTimeReplace& changes) const;
  // tm_isdst: -1 when dst() is None, else whether it is nonzero.
  TimeTuple timetuple() const;
  // In UTC for aware values (OverflowError "date value out of range" at the
  // edges, as 3.11), tm_isdst=0.
  TimeTuple utctimetuple() const;

  std::optional<TimeDelta> utcoffset() const;
  std::optional<TimeDelta> dst() const;
  std::optional<std::string> tzname() const;

  // astimezone(tz): a naive datetime is taken as local time in `local`;
  // a naive tz (None) means astimezone().
  DateTime astimezone(TzRef tz, TzRef local) const;
  // astimezone(): to local time, as timezone(offset, abbreviation).
  DateTime astimezone_local(TzRef local) const;
  // POSIX timestamp; naive datetimes are local time in `local`.
  double timestamp(TzRef local) const;

  DateTime operator+(const TimeDelta& d) const;
  DateTime operator-(const TimeDelta& d) const;
  // TypeError "can't subtract offset-naive and offset-aware datetimes".
  TimeDelta operator-(const DateTime& other) const;
  // ==: naive vs aware is unequal; PEP 495 makes times in a fold unequal to
  // other zones. Ordering naive vs aware raises TypeError.
  static bool equal(const DateTime& a, const DateTime& b);
  static int compare(const DateTime& a, const DateTime& b);  // -1, 0, 1

  // isoformat(sep, timespec); str() is isoformat(" ").
  std::string isoformat(const std::string& sep = "T", const std::string& timespec = "auto") const;
  std::string str() const { return isoformat(" "); }
  std::string repr() const;  // "datetime.datetime(2024, 1, 5, 10, 30)"
  std::string ctime() const;
  std::string strftime(const std::string& format) const;
  int64_t hash_value() const;

 private:
  int64_t micros_ = 0;  // 0001-01-01T00:00:00 is 0
  TzRef tz_;
  uint8_t fold_ = 0;
};

}  // namespace quire::lang::time
