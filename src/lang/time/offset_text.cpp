#include "lang/time/offset_text.h"

#include <cstdio>

namespace quire::lang::time {

std::string format_utc_offset(const TimeDelta& offset, const std::string& separator) {
  bool negative = offset.days() < 0;
  TimeDelta magnitude = negative ? -offset : offset;
  int seconds = magnitude.seconds();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%c%02d%s%02d", negative ? '-' : '+', seconds / 3600,
                separator.c_str(), seconds / 60 % 60);
  std::string out = buf;
  if (seconds % 60 != 0 || magnitude.microseconds() != 0) {
    std::snprintf(buf, sizeof buf, "%s%02d", separator.c_str(), seconds % 60);
    out += buf;
    if (magnitude.microseconds() != 0) {
      std::snprintf(buf, sizeof buf, ".%06d", magnitude.microseconds());
      out += buf;
    }
  }
  return out;
}

}  // namespace quire::lang::time
