#pragma once
// datetime.time: microseconds since midnight, an optional tzinfo and fold.

#include <cstdint>
#include <optional>
#include <string>

#include "lang/time/zone.h"

namespace quire::lang::time {

struct TimeReplace {
  std::optional<int64_t> hour = std::nullopt;
  std::optional<int64_t> minute = std::nullopt;
  std::optional<int64_t> second = std::nullopt;
  std::optional<int64_t> microsecond = std::nullopt;
  std::optional<int64_t> fold = std::nullopt;
  std::optional<TzRef> tzinfo = std::nullopt;  // TzRef() sets tzinfo=None
};

class Time {
 public:
  static constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

  Time() = default;
  // time(hour, minute, second, microsecond, tzinfo, fold=...): ValueError
  // with CPython's messages.
  static Time from_fields(int64_t hour = 0, int64_t minute = 0, int64_t second = 0,
                          int64_t microsecond = 0, TzRef tz = TzRef(), int64_t fold = 0);
  static Time from_micros(int64_t micros_of_day, TzRef tz, int fold);
  // time.fromisoformat (3.11): "HH[:MM[:SS[.fff[fff]]]]" with offsets.
  static Time from_iso_format(const std::string& text);
  static Time min() { return Time(); }
  static Time max() { return from_fields(23, 59, 59, 999999); }
  static TimeDelta resolution() { return TimeDelta::resolution(); }

  int64_t micros_of_day() const { return micros_; }
  int hour() const { return static_cast<int>(micros_ / 3600000000LL); }
  int minute() const { return static_cast<int>(micros_ / 60000000LL % 60); }
  int second() const { return static_cast<int>(micros_ / 1000000 % 60); }
  int microsecond() const { return static_cast<int>(micros_ % 1000000); }
  int fold() const { return fold_; }
  TzRef tzinfo() const { return tz_; }
  Time replace(const TimeReplace& changes) const;

  // A time's tzinfo answers with no date: timezone gives its offset,
  // ZoneInfo gives None (as zoneinfo does for dt=None).
  std::optional<TimeDelta> utcoffset() const;
  std::optional<TimeDelta> dst() const;
  std::optional<std::string> tzname() const;

  // ==: naive vs aware is simply unequal. Ordering raises TypeError
  // "can't compare offset-naive and offset-aware times".
  static bool equal(const Time& a, const Time& b);
  static int compare(const Time& a, const Time& b);  // -1, 0, 1

  // timespec: auto, hours, minutes, seconds, milliseconds, microseconds.
  std::string isoformat(const std::string& timespec = "auto") const;  // also str()
  std::string repr() const;  // "datetime.time(1, 2, tzinfo=datetime.timezone.utc)"
  std::string strftime(const std::string& format) const;
  int64_t hash_value() const;

 private:
  int64_t micros_ = 0;
  TzRef tz_;
  uint8_t fold_ = 0;
};

}  // namespace quire::lang::time
