#pragma once
// Converting between instants (Unix milliseconds) and the civil minutes cron
// works in. The scheduler evaluates cron in UTC for now (see docs/jobs.md);
// a site time zone plugs in here.

#include <string>

#include "jobs/clock.h"
#include "jobs/cron.h"

namespace quire::jobs {

// The UTC minute holding `instant` (seconds and milliseconds dropped).
CivilMinute civil_minute_utc(Millis instant);

// The instant a UTC civil minute starts.
Millis instant_of_utc(const CivilMinute& minute);

// "YYYY-MM-DD HH:MM:SS" in UTC, as the CLI prints times and Frappe stores
// Datetime fields.
std::string format_utc(Millis instant);

// Parses Frappe's Datetime text ("YYYY-MM-DD HH:MM:SS[.ffffff]", or a bare
// date) as UTC; returns -1 when the text is not such a time.
Millis parse_datetime_utc(const std::string& text);

}  // namespace quire::jobs
