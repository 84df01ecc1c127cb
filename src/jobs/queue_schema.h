#pragma once
// The tables behind the job queue and the scheduler, in the site database.
//
// They are versioned by their own migration list (tracked in `__jobs_schema`)
// because src/db's list belongs to the db layer; the steps use the same
// db::Migration shape so they can move into it unchanged (see docs/jobs.md).

#include <vector>

#include "db/database.h"
#include "db/schema.h"

namespace quire::jobs {

const std::vector<db::Migration>& queue_migrations();

// Brings the job tables up to date; safe to call on every start and from
// several processes at once. Throws db::DbError.
void migrate_queue_schema(db::Database& db);

}  // namespace quire::jobs
