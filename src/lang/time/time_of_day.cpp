#include "lang/time/time_of_day.h"

#include "lang/time/civil.h"
#include "lang/time/error.h"

namespace quire::lang::time {

Time Time::from_fields(int64_t hour, int64_t minute, int64_t second, int64_t microsecond, TzRef tz,
                       int64_t fold) {
  check_time_fields(hour, minute, second, microsecond, fold);
  return from_micros(((hour * 60 + minute) * 60 + second) * 1000000 + microsecond, tz,
                     static_cast<int>(fold));
}

Time Time::from_micros(int64_t micros_of_day, TzRef tz, int fold) {
  Time t;
  t.micros_ = micros_of_day;
  t.tz_ = tz;
  t.fold_ = static_cast<uint8_t>(fold);
  return t;
}

Time Time::replace(const TimeReplace& c) const {
  return from_fields(c.hour.value_or(hour()), c.minute.value_or(minute()),
                     c.second.value_or(second()), c.microsecond.value_or(microsecond()),
                     c.tzinfo.value_or(tz_), c.fold.value_or(fold_));
}

std::optional<TimeDelta> Time::utcoffset() const {
  if (tz_.is_naive() || !is_fixed_zone(tz_)) return std::nullopt;
  return fixed_offset(tz_);
}

std::optional<TimeDelta> Time::dst() const {
  return std::nullopt;
}

std::optional<std::string> Time::tzname() const {
  if (tz_.is_naive() || !is_fixed_zone(tz_)) return std::nullopt;
  return zone_str(tz_);
}

bool Time::equal(const Time& a, const Time& b) {
  if (a.tz_ == b.tz_) return a.micros_ == b.micros_;
  std::optional<TimeDelta> oa = a.utcoffset(), ob = b.utcoffset();
  if (oa.has_value() != ob.has_value()) return false;
  if (!oa) return a.micros_ == b.micros_;
  return a.micros_ - static_cast<int64_t>(oa->total_microseconds()) ==
         b.micros_ - static_cast<int64_t>(ob->total_microseconds());
}

int Time::compare(const Time& a, const Time& b) {
  int64_t left = a.micros_, right = b.micros_;
  if (a.tz_ != b.tz_) {
    std::optional<TimeDelta> oa = a.utcoffset(), ob = b.utcoffset();
    if (oa.has_value() != ob.has_value())
      raise_type_error("can't compare offset-naive and offset-aware times");
    if (oa) {
      left -= static_cast<int64_t>(oa->total_microseconds());
      right -= static_cast<int64_t>(ob->total_microseconds());
    }
  }
  return left < right ? -1 : (left > right ? 1 : 0);
}

int64_t Time::hash_value() const {
  std::optional<TimeDelta> offset = utcoffset();
  return micros_ - (offset ? static_cast<int64_t>(offset->total_microseconds()) : 0);
}

}  // namespace quire::lang::time
