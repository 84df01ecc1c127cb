// POSIX timestamps and the clock: fromtimestamp, utcfromtimestamp,
// timestamp(), now(), utcnow(), today().

#include <cmath>

#include "lang/time/clock.h"
#include "lang/time/datetime.h"
#include "lang/time/error.h"

namespace quire::lang::time {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
// Microseconds from 0001-01-01T00:00 to 1970-01-01T00:00.
constexpr int64_t kUnixEpochMicros = 62135596800LL * kMicrosPerSecond;

struct SplitTimestamp {
  int64_t seconds;
  int64_t micros;  // 0..999999
};

// CPython's _PyTime_ObjectToTimeval with ROUND_HALF_EVEN.
SplitTimestamp split_timestamp(const Number& ts) {
  if (!ts.is_float) return {ts.integer, 0};
  if (std::isnan(ts.real)) raise_value_error("Invalid value NaN (not a number)");
  double int_part = 0.0;
  double fraction = std::modf(ts.real, &int_part) * 1e6;
  double rounded = std::round(fraction);
  if (std::fabs(fraction - rounded) == 0.5) rounded = 2.0 * std::round(fraction / 2.0);
  if (rounded >= 1e6) {
    rounded -= 1e6;
    int_part += 1.0;
  } else if (rounded < 0) {
    rounded += 1e6;
    int_part -= 1.0;
  }
  if (!(int_part >= -0x1p63 && int_part < 0x1p63))
    raise_overflow_error("timestamp out of range for platform time_t");
  return {static_cast<int64_t>(int_part), static_cast<int64_t>(rounded)};
}

// UTC microseconds since 0001-01-01, or ValueError "year N is out of range"
// as CPython's gmtime/localtime step reports it.
int64_t utc_micros_of(const SplitTimestamp& t) {
  // Floor to days to name the year, as gmtime would, before any overflow.
  int64_t days = t.seconds / 86400 - (t.seconds % 86400 < 0 ? 1 : 0);
  int64_t ordinal = days + 719163;
  if (ordinal < 1 || ordinal > kMaxOrdinal)
    raise_value_error("year " + std::to_string(ymd_from_ordinal(ordinal).year) +
                      " is out of range");
  return (t.seconds * kMicrosPerSecond + t.micros) + kUnixEpochMicros;
}

DateTime in_zone(int64_t utc_micros, TzRef tz) {
  LocalTime local = zone_from_utc(tz, utc_micros);
  return DateTime::from_local_micros(local.local_micros, tz, local.fold);
}

}  // namespace

DateTime DateTime::from_timestamp(const Number& ts, std::optional<TzRef> tz, TzRef local) {
  int64_t utc = utc_micros_of(split_timestamp(ts));
  if (tz && !tz->is_naive()) return in_zone(utc, *tz);
  DateTime here = in_zone(utc, local);
  return from_local_micros(here.micros_, TzRef(), here.fold_);
}

DateTime DateTime::utc_from_timestamp(const Number& ts) {
  return from_local_micros(utc_micros_of(split_timestamp(ts)), TzRef());
}

double DateTime::timestamp(TzRef local) const {
  if (is_aware()) {
    int64_t utc = micros_ - static_cast<int64_t>(utcoffset()->total_microseconds());
    return true_divide(static_cast<Int128>(utc) - kUnixEpochMicros, kMicrosPerSecond);
  }
  // Naive: local time, and CPython adds the microseconds as a float.
  int64_t offset =
      static_cast<int64_t>(zone_answer(local, micros_, fold_).utcoffset.total_microseconds());
  int64_t whole = micros_ - micros_ % kMicrosPerSecond;
  int64_t seconds = (whole - offset - kUnixEpochMicros) / kMicrosPerSecond;
  return static_cast<double>(seconds) + static_cast<double>(micros_ % kMicrosPerSecond) / 1e6;
}

DateTime DateTime::now(const Clock& clock, std::optional<TzRef> tz) {
  int64_t utc = clock.unix_micros() + kUnixEpochMicros;
  if (tz && !tz->is_naive()) return in_zone(utc, *tz);
  DateTime here = in_zone(utc, clock.local_zone());
  return from_local_micros(here.micros_, TzRef(), here.fold_);
}

DateTime DateTime::utcnow(const Clock& clock) {
  return from_local_micros(clock.unix_micros() + kUnixEpochMicros, TzRef());
}

Date Date::today(const Clock& clock) {
  return DateTime::now(clock).date();
}

Date Date::from_timestamp(const Number& ts, TzRef local) {
  return DateTime::from_timestamp(ts, std::nullopt, local).date();
}

}  // namespace quire::lang::time
