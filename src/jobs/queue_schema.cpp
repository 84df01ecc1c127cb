#include "jobs/queue_schema.h"

#include "db/db_error.h"

namespace quire::jobs {

const std::vector<db::Migration>& queue_migrations() {
  static const std::vector<db::Migration> all = {
      {1, "job queue, scheduler lease and scheduler slots",
       // One row per job. Times are Unix milliseconds (UTC). `queue_rank`
       // orders the queues a worker drains (short before default before long).
       "CREATE TABLE `__job_queue` ("
       " `id` INTEGER PRIMARY KEY AUTOINCREMENT,"
       " `job_id` TEXT,"
       " `queue` TEXT NOT NULL,"
       " `queue_rank` INTEGER NOT NULL,"
       " `method` TEXT NOT NULL,"
       " `args` TEXT NOT NULL,"
       " `status` TEXT NOT NULL CHECK (`status` IN ('queued', 'running', 'finished', 'failed')),"
       " `attempts` INTEGER NOT NULL DEFAULT 0,"
       " `max_attempts` INTEGER NOT NULL,"
       " `timeout_ms` INTEGER NOT NULL,"
       " `enqueued_at` INTEGER NOT NULL,"
       " `available_at` INTEGER NOT NULL,"
       " `started_at` INTEGER,"
       " `lease_until` INTEGER,"
       " `worker` TEXT,"
       " `finished_at` INTEGER,"
       " `error` TEXT);"
       // Frappe's dedup: a job id is skipped while a job with it is queued or
       // running; finished and failed ones do not block a new one.
       "CREATE UNIQUE INDEX `__job_queue_pending_job_id` ON `__job_queue` (`job_id`)"
       " WHERE `job_id` IS NOT NULL AND `status` IN ('queued', 'running');"
       "CREATE INDEX `__job_queue_claim` ON `__job_queue` (`queue_rank`, `id`)"
       " WHERE `status` = 'queued';"
       "CREATE INDEX `__job_queue_lease` ON `__job_queue` (`lease_until`)"
       " WHERE `status` = 'running';"
       // No index on status: it would be rewritten at every claim and
       // completion, and only listing and purging (rare, by hand) scan.
       // The number of queued + running jobs, kept by triggers so the bound
       // check on enqueue costs one row read, not a count over the queue.
       "CREATE TABLE `__job_queue_size` ("
       " `id` INTEGER PRIMARY KEY CHECK (`id` = 1),"
       " `pending` INTEGER NOT NULL);"
       "INSERT INTO `__job_queue_size` VALUES (1, 0);"
       "CREATE TRIGGER `__job_queue_size_insert` AFTER INSERT ON `__job_queue`"
       " WHEN NEW.`status` IN ('queued', 'running') BEGIN"
       " UPDATE `__job_queue_size` SET `pending` = `pending` + 1 WHERE `id` = 1; END;"
       "CREATE TRIGGER `__job_queue_size_update` AFTER UPDATE OF `status` ON `__job_queue`"
       " WHEN (OLD.`status` IN ('queued', 'running')) <> (NEW.`status` IN ('queued', 'running'))"
       " BEGIN UPDATE `__job_queue_size` SET `pending` = `pending` +"
       " (CASE WHEN NEW.`status` IN ('queued', 'running') THEN 1 ELSE -1 END) WHERE `id` = 1; END;"
       "CREATE TRIGGER `__job_queue_size_delete` AFTER DELETE ON `__job_queue`"
       " WHEN OLD.`status` IN ('queued', 'running') BEGIN"
       " UPDATE `__job_queue_size` SET `pending` = `pending` - 1 WHERE `id` = 1; END;"
       // The scheduler: on/off switch and the leader lease (one row).
       "CREATE TABLE `__scheduler` ("
       " `id` INTEGER PRIMARY KEY CHECK (`id` = 1),"
       " `enabled` INTEGER NOT NULL,"
       " `leader` TEXT,"
       " `lease_until` INTEGER NOT NULL DEFAULT 0);"
       "INSERT INTO `__scheduler` (`id`, `enabled`) VALUES (1, 1);"
       // When each job type was last enqueued by the scheduler.
       "CREATE TABLE `__scheduler_slot` ("
       " `job_type` TEXT PRIMARY KEY,"
       " `last_enqueued` INTEGER NOT NULL);"},
  };
  return all;
}

namespace {

int recorded_version(db::Database& db) {
  auto rows = db.query("SELECT `version` FROM `__jobs_schema` WHERE `id` = 1");
  if (rows.empty()) return 0;
  const auto* version = std::get_if<std::int64_t>(&rows[0][0]);
  if (version == nullptr) throw db::DbError("the __jobs_schema table holds a non-number version");
  return static_cast<int>(*version);
}

}  // namespace

void migrate_queue_schema(db::Database& db) {
  const int latest = queue_migrations().back().version;
  // Each step runs under the write lock (BEGIN IMMEDIATE) and re-reads the
  // version inside it, so two processes starting together apply it once.
  db.execute(
      "CREATE TABLE IF NOT EXISTS `__jobs_schema` ("
      " `id` INTEGER PRIMARY KEY CHECK (`id` = 1), `version` INTEGER NOT NULL)");
  for (const auto& step : queue_migrations()) {
    db::in_transaction(db, [&] {
      int current = recorded_version(db);
      if (current > latest) {
        throw db::DbError("the job tables are at version " + std::to_string(current) +
                          ", newer than this quire knows (" + std::to_string(latest) +
                          "): upgrade quire");
      }
      if (step.version <= current) return;
      db.execute(step.sql);
      db.query(
          "INSERT INTO `__jobs_schema` (`id`, `version`) VALUES (1, ?)"
          " ON CONFLICT (`id`) DO UPDATE SET `version` = excluded.`version`",
          {db::Value{static_cast<std::int64_t>(step.version)}});
    });
  }
}

}  // namespace quire::jobs
