#pragma once
// Scheduled job types as the scheduler reads them. The source is an
// interface: the database implementation reads `tabScheduled Job Type` (the
// model layer's DocType), tests use a fake.

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "jobs/clock.h"

namespace quire::jobs {

struct JobType {
  std::string name;
  // What runs: a handler's method name (a server script's runner is
  // registered under its own method by the scripting layer).
  std::string method;
  // Frappe's frequency: All, Hourly, Daily, ..., Hourly Long, Cron.
  std::string frequency;
  // The expression for frequency "Cron".
  std::string cron_format;
  bool stopped = false;
  // Whether each run leaves a Scheduled Job Log row.
  bool create_log = false;
  std::optional<Millis> last_execution;
  // When it is next due, as last recorded (record_next_execution).
  std::optional<Millis> next_execution;
  // When the job type was created: the base of its first due time.
  Millis creation = 0;
};

class JobTypeSource {
 public:
  virtual ~JobTypeSource() = default;
  // Every job type, read through `db` (inside the scheduler's transaction).
  virtual std::vector<JobType> load(db::Database& db) = 0;
  // Records that a job type ran (Frappe sets last_execution at the start of
  // the run). Default: nothing to record.
  virtual void record_execution(db::Database& db, const std::string& name, Millis when);
  // Records when a job type is next due (Scheduled Job Type next_execution).
  // Default: nothing to record.
  virtual void record_next_execution(db::Database& db, const std::string& name, Millis when);
};

// Reads `tabScheduled Job Type`; a site without that table has no job types.
// Datetimes are read and written on the site's wall clock (System Settings
// time zone), as the model writes them.
class DatabaseJobTypeSource final : public JobTypeSource {
 public:
  std::vector<JobType> load(db::Database& db) override;
  void record_execution(db::Database& db, const std::string& name, Millis when) override;
  void record_next_execution(db::Database& db, const std::string& name, Millis when) override;
};

// The queue Frappe puts a frequency's jobs on: the Long and Maintenance
// variants go to "long", everything else to "default".
std::string queue_for_frequency(const std::string& frequency);

// The cron text a job type runs on. Throws CronError when there is none
// (unknown frequency, or "Cron" without cron_format), with Frappe's wording.
std::string cron_text_for(const JobType& type, int all_interval_minutes);

}  // namespace quire::jobs
