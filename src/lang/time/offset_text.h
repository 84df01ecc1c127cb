#pragma once
// Text of a UTC offset as CPython writes it: sign, HH, MM, then SS and
// .ffffff only when nonzero, joined by `separator` (":" in isoformat and
// tzname, "" in strftime's %z).

#include <string>

#include "lang/time/timedelta.h"

namespace quire::lang::time {

std::string format_utc_offset(const TimeDelta& offset, const std::string& separator);

}  // namespace quire::lang::time
