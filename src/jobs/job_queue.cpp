#include "jobs/job_queue.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "db/db_error.h"

namespace quire::jobs {

using db::Value;

namespace {

Value integer(std::int64_t v) {
  return Value{v};
}

Value text_or_null(const std::optional<std::string>& s) {
  return s ? Value{*s} : Value{};
}

std::optional<std::int64_t> opt_int(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return std::nullopt;
}

std::optional<std::string> opt_text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return std::nullopt;
}

std::int64_t int_of(const Value& v) {
  return opt_int(v).value_or(0);
}

// The columns every Job is read from, in this order.
constexpr const char* kJobColumns =
    "`id`, `job_id`, `queue`, `method`, `args`, `status`, `attempts`, `max_attempts`,"
    " `timeout_ms`, `enqueued_at`, `started_at`, `lease_until`, `worker`, `finished_at`, `error`";

Job job_from(const db::Row& row) {
  Job job;
  job.id = int_of(row[0]);
  job.job_id = opt_text(row[1]);
  job.queue = opt_text(row[2]).value_or("");
  job.method = opt_text(row[3]).value_or("");
  job.args = opt_text(row[4]).value_or("{}");
  job.status = job_status_from(opt_text(row[5]).value_or(""));
  job.attempts = static_cast<int>(int_of(row[6]));
  job.max_attempts = static_cast<int>(int_of(row[7]));
  job.timeout_ms = int_of(row[8]);
  job.enqueued_at = int_of(row[9]);
  job.started_at = opt_int(row[10]);
  job.lease_until = opt_int(row[11]);
  job.worker = opt_text(row[12]);
  job.finished_at = opt_int(row[13]);
  job.error = opt_text(row[14]);
  return job;
}

void check_request(const EnqueueRequest& request) {
  if (request.method.empty()) throw JobError("a job needs a method to run");
  queue_spec(request.queue);
  if (request.job_id && request.job_id->empty()) throw JobError("a job_id cannot be empty");
  if (request.timeout_ms && *request.timeout_ms <= 0) {
    throw JobError("a job timeout must be positive, not " + std::to_string(*request.timeout_ms) +
                   " ms");
  }
  auto args = nlohmann::json::parse(request.args, nullptr, /*allow_exceptions=*/false);
  if (args.is_discarded()) throw JobError("job args are not valid JSON: " + request.args);
  if (!args.is_object()) throw JobError("job args must be a JSON object, not " + request.args);
}

}  // namespace

std::optional<std::int64_t> JobQueue::enqueue(db::Database& db,
                                              const EnqueueRequest& request) const {
  check_request(request);
  const QueueSpec& spec = queue_spec(request.queue);
  const Millis now = clock_.now_ms();
  // The bound check and the insert are one statement, so concurrent
  // enqueuers cannot both slip under the limit. DO NOTHING covers the
  // pending-job_id unique index: a duplicate inserts nothing.
  auto rows = db.query(
      "INSERT INTO `__job_queue` (`job_id`, `queue`, `queue_rank`, `method`, `args`, `status`,"
      " `max_attempts`, `timeout_ms`, `enqueued_at`, `available_at`)"
      " SELECT ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?"
      " WHERE (SELECT `pending` FROM `__job_queue_size` WHERE `id` = 1) < ?"
      " ON CONFLICT DO NOTHING RETURNING `id`",
      {text_or_null(request.job_id), Value{std::string(spec.name)}, integer(spec.rank),
       Value{request.method}, Value{request.args}, integer(options_.max_attempts),
       integer(request.timeout_ms.value_or(spec.default_timeout_ms)), integer(now),
       integer(std::max(now, request.not_before_ms)), integer(options_.max_pending)});
  if (!rows.empty()) return int_of(rows[0][0]);
  std::int64_t waiting = pending(db);
  if (waiting >= options_.max_pending) {
    throw QueueFullError("the job queue is full: " + std::to_string(waiting) +
                         " jobs are queued or running (limit " +
                         std::to_string(options_.max_pending) +
                         "); start more workers or raise the site's jobs_max_pending");
  }
  return std::nullopt;
}

std::optional<Job> JobQueue::claim(db::Database& db, const std::vector<std::string>& queues,
                                   const std::string& worker, Millis lease_ms) const {
  auto jobs = claim_batch(db, queues, worker, lease_ms, 1);
  if (jobs.empty()) return std::nullopt;
  return std::move(jobs.front());
}

std::vector<Job> JobQueue::claim_batch(db::Database& db, const std::vector<std::string>& queues,
                                       const std::string& worker, Millis lease_ms,
                                       int limit) const {
  if (queues.empty()) throw JobError("a worker needs at least one queue to claim from");
  if (limit < 1) throw JobError("a claim needs a limit of at least one job");
  std::string ranks;
  std::vector<Value> params;
  const Millis now = clock_.now_ms();
  params.push_back(Value{worker});
  params.push_back(integer(now));
  params.push_back(integer(now + lease_ms));
  for (const auto& name : queues) {
    ranks += ranks.empty() ? "?" : ", ?";
    params.push_back(integer(queue_spec(name).rank));
  }
  params.push_back(integer(now));
  params.push_back(integer(limit));
  // SQLite runs the UPDATE under its write lock, so the subquery's pick and
  // the status change are one atomic step. PostgreSQL: the same statement
  // with `FOR UPDATE SKIP LOCKED` in the subquery (see docs/jobs.md).
  auto rows = db.query(
      std::string("UPDATE `__job_queue` SET `status` = 'running', `attempts` = `attempts` + 1,"
                  " `worker` = ?, `started_at` = ?, `lease_until` = ?, `error` = NULL"
                  " WHERE `id` IN (SELECT `id` FROM `__job_queue` WHERE `status` = 'queued'"
                  " AND `queue_rank` IN (") +
          ranks +
          ") AND `available_at` <= ? ORDER BY `queue_rank`, `id` LIMIT ?)"
          " RETURNING " +
          kJobColumns + ", `queue_rank`",
      params);
  // RETURNING gives no order; restore the claim order.
  std::sort(rows.begin(), rows.end(), [](const db::Row& a, const db::Row& b) {
    return std::make_pair(int_of(a[15]), int_of(a[0])) <
           std::make_pair(int_of(b[15]), int_of(b[0]));
  });
  std::vector<Job> jobs;
  jobs.reserve(rows.size());
  for (const auto& row : rows) jobs.push_back(job_from(row));
  return jobs;
}

bool JobQueue::unclaim(db::Database& db, const Job& job, const std::string& worker) const {
  auto rows = db.query(
      "UPDATE `__job_queue` SET `status` = 'queued', `attempts` = `attempts` - 1,"
      " `worker` = NULL, `started_at` = NULL, `lease_until` = NULL"
      " WHERE `id` = ? AND `status` = 'running' AND `worker` = ? AND `attempts` = ?"
      " RETURNING `id`",
      {integer(job.id), Value{worker}, integer(job.attempts)});
  return !rows.empty();
}

int JobQueue::heartbeat(db::Database& db, const std::vector<std::string>& workers,
                        Millis lease_ms) const {
  if (workers.empty()) return 0;
  std::string marks;
  std::vector<Value> params = {integer(clock_.now_ms() + lease_ms)};
  for (const auto& worker : workers) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(Value{worker});
  }
  auto rows = db.query(
      "UPDATE `__job_queue` SET `lease_until` = ?"
      " WHERE `status` = 'running' AND `worker` IN (" +
          marks + ") RETURNING `id`",
      params);
  return static_cast<int>(rows.size());
}

bool JobQueue::renew(db::Database& db, const Job& job, const std::string& worker,
                     Millis lease_ms) const {
  auto rows = db.query(
      "UPDATE `__job_queue` SET `lease_until` = ?"
      " WHERE `id` = ? AND `status` = 'running' AND `worker` = ? AND `attempts` = ?"
      " RETURNING `id`",
      {integer(clock_.now_ms() + lease_ms), integer(job.id), Value{worker}, integer(job.attempts)});
  return !rows.empty();
}

bool JobQueue::has_expired(db::Database& db) const {
  return !db.query(
                "SELECT 1 FROM `__job_queue` WHERE `status` = 'running' AND `lease_until` < ?"
                " LIMIT 1",
                {integer(clock_.now_ms())})
              .empty();
}

bool JobQueue::has_claimable(db::Database& db, const std::vector<std::string>& queues) const {
  std::string ranks;
  std::vector<Value> params;
  for (const auto& name : queues) {
    ranks += ranks.empty() ? "?" : ", ?";
    params.push_back(integer(queue_spec(name).rank));
  }
  params.push_back(integer(clock_.now_ms()));
  return !db.query("SELECT 1 FROM `__job_queue` WHERE `status` = 'queued' AND `queue_rank` IN (" +
                       ranks + ") AND `available_at` <= ? LIMIT 1",
                   params)
              .empty();
}

bool JobQueue::complete(db::Database& db, const Job& job, const std::string& worker) const {
  auto rows = db.query(
      "UPDATE `__job_queue` SET `status` = 'finished', `finished_at` = ?, `lease_until` = NULL"
      " WHERE `id` = ? AND `status` = 'running' AND `worker` = ? AND `attempts` = ?"
      " RETURNING `id`",
      {integer(clock_.now_ms()), integer(job.id), Value{worker}, integer(job.attempts)});
  return !rows.empty();
}

bool JobQueue::fail(db::Database& db, const Job& job, const std::string& worker,
                    const std::string& error) const {
  auto rows = db.query(
      "UPDATE `__job_queue` SET `status` = 'failed', `finished_at` = ?, `lease_until` = NULL,"
      " `error` = ?"
      " WHERE `id` = ? AND `status` = 'running' AND `worker` = ? AND `attempts` = ?"
      " RETURNING `id`",
      {integer(clock_.now_ms()), Value{error}, integer(job.id), Value{worker},
       integer(job.attempts)});
  return !rows.empty();
}

ExpiredLeases JobQueue::release_expired(db::Database& db) const {
  const Millis now = clock_.now_ms();
  ExpiredLeases result;
  auto rows = db.query(
      "UPDATE `__job_queue` SET"
      " `status` = CASE WHEN `attempts` >= `max_attempts` THEN 'failed' ELSE 'queued' END,"
      " `finished_at` = CASE WHEN `attempts` >= `max_attempts` THEN ? ELSE NULL END,"
      " `error` = 'worker ' || coalesce(`worker`, '?') || ' stopped renewing its lease"
      " (attempt ' || `attempts` || ' of ' || `max_attempts` || ')',"
      " `lease_until` = NULL"
      " WHERE `status` = 'running' AND `lease_until` < ? RETURNING `status`",
      {integer(now), integer(now)});
  for (const auto& row : rows) {
    if (opt_text(row[0]) == "failed") {
      ++result.failed;
    } else {
      ++result.requeued;
    }
  }
  return result;
}

int JobQueue::retry(db::Database& db, std::optional<std::int64_t> id) const {
  // A retried job keeps its row (and its dedup job_id); one whose job_id is
  // pending again (the scheduler enqueued a fresh one) is left failed.
  std::string sql =
      "UPDATE `__job_queue` SET `status` = 'queued', `attempts` = 0, `available_at` = ?,"
      " `worker` = NULL, `started_at` = NULL, `finished_at` = NULL, `lease_until` = NULL"
      " WHERE `status` = 'failed' AND (`job_id` IS NULL OR NOT EXISTS (SELECT 1 FROM"
      " `__job_queue` AS `p` WHERE `p`.`job_id` = `__job_queue`.`job_id`"
      " AND `p`.`status` IN ('queued', 'running')))";
  std::vector<Value> params = {integer(clock_.now_ms())};
  if (id) {
    sql += " AND `id` = ?";
    params.push_back(integer(*id));
  }
  sql += " RETURNING `id`";
  try {
    return static_cast<int>(db.query(sql, params).size());
  } catch (const db::DbError& e) {
    throw JobError(std::string("cannot retry: a job with the same job_id is already queued or "
                               "running (") +
                   e.what() + ")");
  }
}

int JobQueue::purge(db::Database& db, const std::vector<JobStatus>& statuses,
                    Millis ended_before) const {
  if (statuses.empty()) throw JobError("purge needs at least one status");
  std::string marks;
  std::vector<Value> params;
  for (auto status : statuses) {
    if (status != JobStatus::finished && status != JobStatus::failed) {
      throw JobError("only finished and failed jobs can be purged, not " +
                     std::string(to_string(status)) + " ones");
    }
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(Value{std::string(to_string(status))});
  }
  params.push_back(integer(ended_before));
  auto rows = db.query("DELETE FROM `__job_queue` WHERE `status` IN (" + marks +
                           ") AND `finished_at` < ? RETURNING `id`",
                       params);
  return static_cast<int>(rows.size());
}

std::vector<Job> JobQueue::list(db::Database& db, std::optional<JobStatus> status,
                                int limit) const {
  std::string sql = std::string("SELECT ") + kJobColumns + " FROM `__job_queue`";
  std::vector<Value> params;
  if (status) {
    sql += " WHERE `status` = ?";
    params.push_back(Value{std::string(to_string(*status))});
  }
  sql += " ORDER BY `id` DESC LIMIT ?";
  params.push_back(integer(limit));
  std::vector<Job> jobs;
  for (const auto& row : db.query(sql, params)) jobs.push_back(job_from(row));
  return jobs;
}

std::map<JobStatus, std::int64_t> JobQueue::counts(db::Database& db) const {
  std::map<JobStatus, std::int64_t> result = {{JobStatus::queued, 0},
                                              {JobStatus::running, 0},
                                              {JobStatus::finished, 0},
                                              {JobStatus::failed, 0}};
  for (const auto& row :
       db.query("SELECT `status`, count(*) FROM `__job_queue` GROUP BY `status`")) {
    result[job_status_from(opt_text(row[0]).value_or(""))] = int_of(row[1]);
  }
  return result;
}

std::int64_t JobQueue::pending(db::Database& db) const {
  auto rows = db.query("SELECT `pending` FROM `__job_queue_size` WHERE `id` = 1");
  if (rows.empty()) throw db::DbError("the job tables are missing: run the jobs migration");
  return int_of(rows[0][0]);
}

}  // namespace quire::jobs
