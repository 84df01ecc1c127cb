#pragma once
// The handler behind the scheduler's jobs (method quire.run_scheduled_job,
// args {"job_type": NAME}): looks the job type up, records its execution and
// runs the handler registered for its method, inside the job's transaction.
//
// Scheduled Job Log rows (status, duration, printed output, error) are the
// model layer's documents: it registers its own runner under the same method,
// wrapping this one, once those documents exist (see docs/jobs.md).

#include "jobs/handler_registry.h"
#include "jobs/job_types.h"

namespace quire::jobs {

// Registers the runner in `registry`; `source` and `registry` must outlive it.
void add_scheduled_job_runner(HandlerRegistry& registry, JobTypeSource& source);

}  // namespace quire::jobs
