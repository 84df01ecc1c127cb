#pragma once
// quire's `datetime` semantics: CPython 3.11's date, time, datetime,
// timedelta, timezone and zoneinfo.ZoneInfo as C++ values with no knowledge
// of the VM, which wraps them as Python types. Errors are numeric::PyError
// with CPython's exception class and message.
//
// Matches CPython (checked against python3 in tests/lang/time/):
//   constructors and their range errors; proleptic Gregorian ordinals,
//   weekday, isocalendar, fromisocalendar; timedelta normalisation, str,
//   repr, the float constructor's rounding, + - * / // % divmod abs with
//   round-half-even and CPython's overflow and zero-division messages;
//   date/datetime arithmetic and comparisons (naive vs aware, PEP 495 folds
//   and gaps); replace, combine, isoformat(sep, timespec), str, repr, ctime;
//   fromisoformat as 3.11's C parser accepts it; strftime as glibc in the C
//   locale prints it (flags - _ 0 ^ #, widths, E/O) with CPython's own %z %Z
//   %f; strptime (C locale) with _strptime's regex semantics; timestamp,
//   fromtimestamp, utcfromtimestamp; astimezone between fixed offsets and
//   IANA zones from the system tzdata (with the TZif POSIX rule past 2037);
//   now/today/utcnow through a Clock the host can fake; timetuple and
//   utctimetuple.
//
// Left out or different: no tzinfo subclasses written in Python (only
// timezone and ZoneInfo); pytz-style zones; __format__ (the VM calls
// strftime, or str() for an empty spec); ints past int64 as
// arguments (the VM raises OverflowError first); strptime's %Z knows only
// UTC/GMT (the C locale with TZ=UTC) and a repeated directive is not the
// re.error CPython raises; strftime caps widths at 65536 and its output
// (MemoryError) so a script cannot build gigabytes; ZoneInfoNotFoundError
// is raised as its base class KeyError; %s and naive local time use the
// host's zone (Clock::local_zone / $TZ).
//
// For the VM wrapping these (checked with python3 3.11):
//   - date == datetime is False; ordering either way raises TypeError
//     "can't compare datetime.datetime to datetime.date"; date - datetime and
//     time + timedelta are the usual "unsupported operand type(s)" errors.
//   - isoformat's sep must be one character (TypeError otherwise); pass it
//     as UTF-8. timedelta(...) takes Number (int64 or float); a bigger int
//     raises OverflowError "Python int too large to convert to C int".
//   - timedelta // timedelta and divmod return Int128 (int128_to_string).
//   - hash(): use hash_value(); equal values give equal hashes.
//   - format(x, "") is str(x); a non-empty spec is strftime(spec).
//   - astimezone(None)/astimezone() and naive timestamps take the host's
//     zone: pass Clock::local_zone() (the site's System Settings zone).
//
// Representation: Date is an int32 ordinal; Time and DateTime hold int64
// microseconds, a 32-bit TzRef handle and a fold byte; TimeDelta is three
// int32 fields. All are trivially copyable and small enough to store inline.

#include <type_traits>

#include "lang/time/clock.h"
#include "lang/time/date.h"
#include "lang/time/datetime.h"
#include "lang/time/error.h"
#include "lang/time/time_of_day.h"
#include "lang/time/timedelta.h"
#include "lang/time/zone.h"

namespace quire::lang::time {
static_assert(sizeof(Date) == 4);
static_assert(sizeof(TimeDelta) == 12);
static_assert(sizeof(Time) <= 16 && sizeof(DateTime) <= 16);
static_assert(std::is_trivially_copyable_v<DateTime> && std::is_trivially_copyable_v<TimeDelta>);
}  // namespace quire::lang::time
