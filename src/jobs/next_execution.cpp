#include "jobs/next_execution.h"

#include "jobs/civil_time.h"
#include "jobs/clock.h"
#include "jobs/cron.h"
#include "jobs/scheduler.h"
#include "model/errors.h"
#include "model/time_zone.h"

namespace quire::jobs {

using Json = nlohmann::json;

std::string next_execution_of(model::Session& session, const model::Document& job,
                              int all_interval_minutes, int maintenance_offset_minutes) {
  auto text = [&](const char* field) {
    Json v = job.get(field);
    return v.is_string() ? v.get<std::string>() : std::string();
  };
  const model::TimeZone zone = model::site_time_zone(session.db);
  JobType type;
  type.name = job.name_text();
  type.frequency = text("frequency");
  type.cron_format = text("cron_format");
  if (Millis t = parse_datetime_in(text("last_execution"), zone); t >= 0) {
    type.last_execution = t;
  }
  if (Millis t = parse_datetime_in(text("creation"), zone); t >= 0) type.creation = t;
  Millis now = parse_datetime_in(session.now(), zone);
  if (now < 0) now = SystemClock().now_ms();
  try {
    return next_execution_text(session.db, type, now, all_interval_minutes,
                               maintenance_offset_minutes);
  } catch (const CronError& e) {
    if (type.frequency == "Cron" && !type.cron_format.empty()) {
      throw model::FrappeError(model::ErrorKind::ValidationError,
                               type.cron_format + " is not a valid Cron expression.",
                               "Bad Cron Expression");
    }
    throw model::FrappeError(model::ErrorKind::ValidationError, e.what());
  }
}

}  // namespace quire::jobs
