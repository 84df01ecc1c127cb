#pragma once
// datetime.timedelta: days, seconds (0..86399) and microseconds (0..999999),
// normalised as CPython does, so negative durations have negative days only.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "lang/time/int128.h"

namespace quire::lang::time {

// A Python number argument: an int (that fits in int64) or a float.
struct Number {
  static Number of(int64_t v) { return Number{false, v, 0.0}; }
  static Number of(double v) { return Number{true, 0, v}; }
  bool is_float;
  int64_t integer;
  double real;
};

// Keyword arguments of timedelta(...); unset ones are absent.
struct TimeDeltaArgs {
  std::optional<Number> days, seconds, microseconds, milliseconds, minutes, hours, weeks;
};

class TimeDelta {
 public:
  static constexpr int32_t kMaxDays = 999999999;
  static constexpr int64_t kMicrosPerSecond = 1000000;
  static constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

  constexpr TimeDelta() = default;
  // timedelta(days=..., ...): floats are rounded half-to-even on the final
  // microsecond exactly as CPython's constructor does.
  static TimeDelta from_args(const TimeDeltaArgs& args);
  // Normalises; OverflowError "days=N; must have magnitude <= 999999999".
  static TimeDelta from_microseconds(Int128 total);
  static TimeDelta from_dsu(int64_t days, int64_t seconds, int64_t microseconds);

  static TimeDelta min() { return from_dsu(-kMaxDays, 0, 0); }
  static TimeDelta max() { return from_dsu(kMaxDays, 86399, 999999); }
  static TimeDelta resolution() { return from_dsu(0, 0, 1); }

  int32_t days() const { return days_; }
  int32_t seconds() const { return seconds_; }
  int32_t microseconds() const { return microseconds_; }
  Int128 total_microseconds() const {
    return static_cast<Int128>(days_) * kMicrosPerDay +
           static_cast<Int128>(seconds_) * kMicrosPerSecond + microseconds_;
  }
  double total_seconds() const;
  bool is_zero() const { return days_ == 0 && seconds_ == 0 && microseconds_ == 0; }

  TimeDelta operator+(const TimeDelta& o) const;
  TimeDelta operator-(const TimeDelta& o) const;
  TimeDelta operator-() const;
  TimeDelta abs() const;
  TimeDelta multiply(int64_t factor) const;
  TimeDelta multiply(double factor) const;  // exact ratio, round half even
  TimeDelta true_divide(int64_t divisor) const;
  TimeDelta true_divide(double divisor) const;
  double true_divide(const TimeDelta& divisor) const;
  TimeDelta floor_divide(int64_t divisor) const;
  Int128 floor_divide(const TimeDelta& divisor) const;
  TimeDelta modulo(const TimeDelta& divisor) const;
  std::pair<Int128, TimeDelta> divmod(const TimeDelta& divisor) const;

  friend bool operator==(const TimeDelta&, const TimeDelta&) = default;
  friend std::strong_ordering operator<=>(const TimeDelta& a, const TimeDelta& b) {
    return a.total_microseconds() <=> b.total_microseconds();
  }

  std::string str() const;   // "-1 day, 23:59:59.000001"
  std::string repr() const;  // "datetime.timedelta(days=-1, seconds=86399)"
  int64_t hash_value() const { return static_cast<int64_t>(total_microseconds()); }

 private:
  int32_t days_ = 0;
  int32_t seconds_ = 0;
  int32_t microseconds_ = 0;
};

}  // namespace quire::lang::time
