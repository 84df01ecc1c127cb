#pragma once
// tzinfo values: none (naive), datetime.timezone (a fixed offset, optionally
// named) or zoneinfo.ZoneInfo (an IANA zone read from the system tzdata).
// A TzRef is a 32-bit handle into a process-wide, append-only registry, so
// a datetime stays small and equal zones are the same object (as CPython's
// ZoneInfo cache and timezone.utc singleton make them).

#include <cstdint>
#include <optional>
#include <string>

#include "lang/time/timedelta.h"

namespace quire::lang::time {

class TzRef {
 public:
  constexpr TzRef() = default;
  constexpr explicit TzRef(uint32_t id) : id_(id) {}
  constexpr bool is_naive() const { return id_ == 0; }
  constexpr uint32_t id() const { return id_; }
  friend constexpr bool operator==(TzRef, TzRef) = default;

 private:
  uint32_t id_ = 0;  // 0: no tzinfo
};

// The UTC offset, DST and name answers of a tzinfo for one local wall time.
struct ZoneAnswer {
  TimeDelta utcoffset;
  std::optional<TimeDelta> dst;  // None for datetime.timezone
  std::string tzname;
};

// datetime.timezone.utc.
TzRef utc_zone();
// datetime.timezone(offset[, name]); ValueError when |offset| >= 24h.
// timezone(timedelta(0)) without a name is timezone.utc.
TzRef fixed_zone(const TimeDelta& offset, const std::optional<std::string>& name = std::nullopt);
// zoneinfo.ZoneInfo(key). Unknown keys raise ZoneInfoNotFoundError
// "No time zone found with key K"; malformed keys (absolute, "..") too.
TzRef named_zone(const std::string& key);

bool is_fixed_zone(TzRef tz);
// The fixed offset of a datetime.timezone (not for IANA zones).
TimeDelta fixed_offset(TzRef tz);

// utcoffset/dst/tzname for a local wall time given as microseconds since
// 0001-01-01T00:00 (see DateTime) with PEP 495's fold. The tz is not naive.
ZoneAnswer zone_answer(TzRef tz, int64_t local_micros, int fold);

// tzinfo.fromutc: the local wall time and fold for a UTC instant.
struct LocalTime {
  int64_t local_micros;
  int fold;
};
LocalTime zone_from_utc(TzRef tz, int64_t utc_micros);

// repr(tzinfo) and str(tzinfo), e.g. "datetime.timezone.utc",
// "zoneinfo.ZoneInfo(key='Asia/Kolkata')"; str gives "UTC+05:30" or the key.
std::string zone_repr(TzRef tz);
std::string zone_str(TzRef tz);

// The zone the host treats as local time (naive timestamp(), fromtimestamp
// without tz, astimezone() without arguments): $TZ or /etc/localtime, UTC
// when neither names a zone.
TzRef system_local_zone();

}  // namespace quire::lang::time
