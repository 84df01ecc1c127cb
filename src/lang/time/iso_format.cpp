// isoformat(), str() and repr() of time and datetime (date's are in date.cpp).

#include <cstdio>

#include "lang/time/datetime.h"
#include "lang/time/error.h"
#include "lang/time/offset_text.h"
#include "lang/time/time_of_day.h"

namespace quire::lang::time {

namespace {

// "HH:MM:SS.ffffff" cut to the timespec; "auto" drops a zero fraction.
std::string clock_text(const Time& t, const std::string& timespec) {
  char buf[32];
  if (timespec == "hours") {
    std::snprintf(buf, sizeof buf, "%02d", t.hour());
  } else if (timespec == "minutes") {
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour(), t.minute());
  } else if (timespec == "seconds" || (timespec == "auto" && t.microsecond() == 0)) {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t.hour(), t.minute(), t.second());
  } else if (timespec == "milliseconds") {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", t.hour(), t.minute(), t.second(),
                  t.microsecond() / 1000);
  } else if (timespec == "microseconds" || timespec == "auto") {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", t.hour(), t.minute(), t.second(),
                  t.microsecond());
  } else {
    raise_value_error("Unknown timespec value");
  }
  return buf;
}

std::string offset_suffix(const std::optional<TimeDelta>& offset) {
  return offset ? format_utc_offset(*offset, ":") : "";
}

}  // namespace

std::string Time::isoformat(const std::string& timespec) const {
  return clock_text(*this, timespec) + offset_suffix(utcoffset());
}

std::string Time::repr() const {
  std::string out = "datetime.time(" + std::to_string(hour()) + ", " + std::to_string(minute());
  if (second() != 0 || microsecond() != 0) out += ", " + std::to_string(second());
  if (microsecond() != 0) out += ", " + std::to_string(microsecond());
  if (!tz_.is_naive()) out += ", tzinfo=" + zone_repr(tz_);
  if (fold_ != 0) out += ", fold=1";
  return out + ")";
}

std::string DateTime::isoformat(const std::string& sep, const std::string& timespec) const {
  return date().isoformat() + sep + clock_text(time(), timespec) + offset_suffix(utcoffset());
}

}  // namespace quire::lang::time
