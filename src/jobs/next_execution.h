#pragma once
// Scheduled Job Type.next_execution written when a job type is saved (spec
// §2.3, §12 case 18), not only by the scheduler's next pass: the same
// computation (next_due_time), so what the form shows is when it will run.

#include <string>

#include "model/document.h"
#include "model/session.h"

namespace quire::jobs {

// The next_execution text of the Scheduled Job Type `job` about to be saved
// in `session` (its frequency, cron_format, last_execution and creation; a
// new one counts as created now), on the site's wall clock; "" when its cron
// never fires. A bad cron is Frappe's ValidationError "<cron> is not a valid
// Cron expression." titled "Bad Cron Expression".
std::string next_execution_of(model::Session& session, const model::Document& job,
                              int all_interval_minutes, int maintenance_offset_minutes);

}  // namespace quire::jobs
