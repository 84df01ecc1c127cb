#pragma once
// The handler behind the scheduler's jobs (method quire.run_scheduled_job,
// args {"job_type": NAME}): looks the job type up, records its execution,
// runs the handler registered for its method inside the job's transaction,
// and, when the job type has create_log, writes its Scheduled Job Log: with
// the job's own transaction when it completes, after the rollback when it
// fails (as Frappe's run_scheduled_job does).

#include <memory>
#include <string>

#include "jobs/handler_registry.h"
#include "jobs/job_types.h"

namespace quire::jobs {

// Where run outcomes go: Scheduled Job Log documents (model_job_log.h), or
// nothing.
class ScheduledJobLog {
 public:
  virtual ~ScheduledJobLog() = default;
  // Inside the job's transaction, after the method returned. `output` is
  // what the job printed.
  virtual void completed(db::Database& db, const JobType& type, Millis started, Millis ended,
                         const std::string& output) = 0;
  // After the job's transaction rolled back, in the one recording the failure.
  virtual void failed(db::Database& db, const JobType& type, Millis started,
                      const std::string& error, const std::string& output) = 0;
};

// Registers the runner in `registry`. `source`, `registry` and `log` (may be
// null: no logs) must outlive it.
void add_scheduled_job_runner(HandlerRegistry& registry, JobTypeSource& source,
                              ScheduledJobLog* log = nullptr);

}  // namespace quire::jobs
