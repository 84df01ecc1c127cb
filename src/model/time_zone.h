#pragma once

#include <cstdint>
#include <string>

#include "db/database.h"

namespace date {
class time_zone;
}

namespace quire::model {

struct Session;

// A site's time zone (System Settings → time_zone, an IANA name). Frappe
// writes `creation`, `modified` and now() in it, and its scheduler reads cron
// in it; quire does the same (docs/model.md "Time zone").
class TimeZone {
 public:
  // UTC.
  TimeZone() = default;
  // Throws FrappeError ValidationError "Unknown time zone {name}".
  explicit TimeZone(const std::string& name);

  const std::string& name() const { return name_; }

  // Microseconds since the Unix epoch ↔ microseconds since the epoch of this
  // zone's wall clock (the civil time written out as if it were UTC).
  std::int64_t local_from_utc(std::int64_t utc_micros) const;
  // A wall-clock time that does not exist (skipped by a DST change) moves on
  // by the gap; one that happens twice is the earlier.
  std::int64_t utc_from_local(std::int64_t local_micros) const;

  // "YYYY-MM-DD HH:MM:SS.ffffff" on this zone's wall clock.
  std::string format(std::int64_t utc_micros) const;

 private:
  std::string name_ = "UTC";
  const date::time_zone* zone_ = nullptr;  // null: UTC
};

// "YYYY-MM-DD HH:MM:SS.ffffff" for microseconds on a wall clock (no zone).
std::string format_wall_micros(std::int64_t micros);

// The site's time zone name from System Settings; "UTC" when unset. Reads
// tabSingles directly, so it works before the model is installed too.
std::string site_time_zone_name(db::Database& db);

// The site's TimeZone; UTC when the name is unset or unknown (a bad value
// must not stop documents from saving or the scheduler from running).
TimeZone site_time_zone(db::Database& db);

// Makes the session's clock read the site's time zone (one query). The
// site layer calls it for every session it opens.
void use_site_time_zone(Session& session);

class EventRegistry;
// System Settings refuses a time zone that is not an IANA name.
void register_system_settings_controller(EventRegistry& events);

}  // namespace quire::model
