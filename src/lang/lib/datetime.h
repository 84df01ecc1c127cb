#pragma once
// The `datetime` standard module: date, datetime, time, timedelta and
// timezone as Python types over the C++ semantics in lang/time/ (which match
// CPython 3.11; see time/datetime_module.h). Host code (frappe.utils.getdate,
// now_datetime ...) builds and reads these values with the functions below.
//
// Scripts see CPython's behaviour for constructors (argument checks and
// messages), arithmetic, comparisons, hashing (values work as dict keys),
// str/repr, isoformat, strftime/strptime, fromisoformat, weekday/isoweekday,
// replace, combine, today/now (through the thread's clock, see ClockScope),
// total_seconds, min/max/resolution, and timezone-aware datetimes with
// datetime.timezone (fixed offsets, timezone.utc).
//
// Differences from CPython: type(d) is a hidden implementation class, so
// `type(d) is date` is False (isinstance works) and `type(d).__name__` is
// "datetime.date"; isocalendar() returns a plain tuple; zoneinfo is not
// provided; timetuple/utctimetuple are not provided; `date.min` etc. are
// shared immortal values; arbitrary attributes can be set on instances.

#include <optional>

#include "lang/object/runtime.h"
#include "lang/time/datetime_module.h"

namespace quire::lang::datetime {

// The public classes (what isinstance checks and scripts call).
Type* date_type();
Type* datetime_type();
Type* time_type();
Type* timedelta_type();
Type* timezone_type();

// New values (new references).
Value new_date(Isolate& I, const time::Date& d);
Value new_datetime(Isolate& I, const time::DateTime& dt);
Value new_time(Isolate& I, const time::Time& t);
Value new_timedelta(Isolate& I, const time::TimeDelta& td);
Value new_timezone(Isolate& I, time::TzRef tz);

// The C++ value of a script value, or nullopt when it is not of that type
// (a datetime is not a date here, although isinstance(dt, date) is True).
std::optional<time::Date> as_date(Value v);
std::optional<time::DateTime> as_datetime(Value v);
std::optional<time::Time> as_time(Value v);
std::optional<time::TimeDelta> as_timedelta(Value v);
std::optional<time::TzRef> as_timezone(Value v);

// The clock today()/now() read on this thread: the system clock unless a
// ClockScope is active (tests and the host's per-site zone).
const time::Clock& current_clock();
class ClockScope {
 public:
  explicit ClockScope(const time::Clock& clock);
  ~ClockScope();
  ClockScope(const ClockScope&) = delete;
  ClockScope& operator=(const ClockScope&) = delete;

 private:
  const time::Clock* previous_;
};

// The module object: date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR.
Value make_module(Isolate& I);

}  // namespace quire::lang::datetime
