#pragma once
// Converting between instants (Unix milliseconds) and the civil minutes cron
// works in: UTC, or a site's time zone (System Settings, model/time_zone.h),
// which is where the scheduler reads cron, as Frappe does.

#include <string>

#include "jobs/clock.h"
#include "jobs/cron.h"
#include "model/time_zone.h"

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

// The same on the wall clock of `zone`. A local minute skipped by a DST
// change maps to the instant after the gap; one that happens twice to the
// earlier instant.
CivilMinute civil_minute_in(Millis instant, const model::TimeZone& zone);
Millis instant_of_in(const CivilMinute& minute, const model::TimeZone& zone);
// "YYYY-MM-DD HH:MM:SS" on the zone's wall clock (how the model writes
// Datetime fields such as last_execution).
std::string format_in(Millis instant, const model::TimeZone& zone);
// Frappe Datetime text read on the zone's wall clock; -1 when not a time.
Millis parse_datetime_in(const std::string& text, const model::TimeZone& zone);

}  // namespace quire::jobs
