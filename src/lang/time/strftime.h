#pragma once
// strftime as CPython 3.11 on glibc (C locale) prints it: CPython itself
// expands %z, %Z and %f; glibc does the rest, with its flags (- _ 0 ^ #),
// field widths and E/O modifiers. Unknown directives print as written.

#include <cstdint>
#include <optional>
#include <string>

#include "lang/time/timedelta.h"

namespace quire::lang::time {

// The broken-down time strftime reads (CPython's timetuple plus extras).
struct BrokenDownTime {
  int year, month, day, hour, minute, second, microsecond;
  int32_t ordinal;  // for weekday, day of year and ISO weeks
  std::optional<TimeDelta> utcoffset;
  std::optional<std::string> tzname;
  int64_t epoch_seconds;  // what glibc's %s prints (mktime of local time)
};

std::string format_broken_down(const BrokenDownTime& t, const std::string& format);

}  // namespace quire::lang::time
