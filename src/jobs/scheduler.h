#pragma once
// The scheduler: enqueues each scheduled job type when its cron says it is
// due, and sleeps until the next due time (no fixed tick).
//
// Exactly once, even with several scheduler processes on one site: a pass
// runs in one write transaction that (1) takes or renews the leader lease in
// `__scheduler` and (2) for each due job type enqueues the job and records the
// time in `__scheduler_slot`. A second scheduler either sees the lease held
// and does nothing, or (if it took over) sees the recorded slot and finds
// nothing due. After downtime a job type is due once, not once per missed slot,
// because the next due time is computed from the last enqueue, which becomes
// "now" when the catch-up run is enqueued.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "db/database.h"
#include "jobs/clock.h"
#include "jobs/cron.h"
#include "jobs/job_queue.h"
#include "jobs/job_types.h"
#include "model/time_zone.h"

namespace quire::jobs {

// The method the scheduler enqueues, with args {"job_type": NAME}; its
// handler runs the job type (see scheduled_job_runner.h).
inline constexpr const char* kRunScheduledJobMethod = "quire.run_scheduled_job";

struct SchedulerOptions {
  // Who holds the lease. Default: host:pid.
  std::string name;
  // How long leadership lasts without a renewing pass.
  Millis lease_ms = 60'000;
  // The longest sleep: job types changed by another process (or the enabled
  // switch) are seen at least this often. Changes in this process wake the
  // scheduler at once through notify_changed().
  Millis max_sleep_ms = 60'000;
  // Frequency "All" runs every this many minutes (Frappe: 4).
  int all_interval_minutes = 4;
  // Maintenance frequencies run this many minutes (0-59) after their base
  // cron time: constant for a site, different between sites, so sites
  // sharing a machine do not all run their maintenance at once (Frappe).
  int maintenance_offset_minutes = 0;
  std::function<void(const std::string&)> log;
  // Called after a pass enqueued jobs (e.g. to wake an in-process pool).
  std::function<void()> on_enqueued;
};

struct SchedulerPass {
  bool enabled = false;
  bool leader = false;
  int enqueued = 0;
  // When the next pass should run.
  Millis next_wake = 0;
};

// The scheduler's switch and lease, as `quire scheduler status` shows them.
struct SchedulerState {
  bool enabled = false;
  std::optional<std::string> leader;
  Millis lease_until = 0;
};

SchedulerState read_scheduler_state(db::Database& db);
void set_scheduler_enabled(db::Database& db, bool enabled);

// When the scheduler last enqueued each job type.
std::map<std::string, Millis> read_last_enqueued(db::Database& db);

// The instant a job type is next due under `cron`, read on the wall clock of
// `zone`: the first cron minute after the latest of its creation, last
// execution and last enqueue (plus `maintenance_offset_minutes` for the
// Maintenance frequencies). nullopt when the cron never fires.
std::optional<Millis> next_due_time(const JobType& type, const CronExpr& cron,
                                    std::optional<Millis> last_enqueued,
                                    const model::TimeZone& zone = {},
                                    int maintenance_offset_minutes = 0);

// What a job type's next_execution holds (Scheduled Job Type) when it is
// saved at `now`: next_due_time from its creation (0: a new job type, created
// now), last execution and last enqueue (read from `db`), as the site's
// wall-clock text. "" when the cron never fires. Throws CronError for a bad
// or missing cron.
std::string next_execution_text(db::Database& db, JobType type, Millis now,
                                int all_interval_minutes, int maintenance_offset_minutes);

// A site's Maintenance offset in minutes (0-59), from its name.
int maintenance_offset_for_site(const std::string& site_name);

class Scheduler {
 public:
  using Opener = std::function<std::unique_ptr<db::Database>()>;

  Scheduler(Opener open, const JobQueue& queue, JobTypeSource& source, Clock& clock,
            SchedulerOptions options);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // One pass on `db` at the clock's current time. Throws db::DbError when
  // the database cannot be reached; a bad job type is logged and skipped.
  SchedulerPass run_pass(db::Database& db);

  // Runs passes on a thread of its own until stop().
  void start();
  void stop();
  // Job types changed: recompute the next due time now.
  void notify_changed();

  const std::string& name() const { return options_.name; }

 private:
  void loop();
  void log(const std::string& message);
  // The parsed cron of a job type, or nullptr (logged once) when it has none.
  const CronExpr* cron_of(const JobType& type);

  Opener open_;
  const JobQueue& queue_;
  JobTypeSource& source_;
  Clock& clock_;
  SchedulerOptions options_;

  std::map<std::string, CronExpr> parsed_;
  std::set<std::string> reported_;  // "name\ncron" already logged as bad

  std::thread thread_;
  std::atomic<bool> stopping_{false};
  Wakeup wakeup_;
};

}  // namespace quire::jobs
