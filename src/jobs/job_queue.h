#pragma once
// The job queue, stored in the site database (tables in queue_schema.h).
//
// Every operation takes the connection to run on, so a job enqueued on a
// connection inside a transaction is part of that transaction: workers see it
// only once it commits, and never if it rolls back (Frappe's
// enqueue_after_commit, for free).
//
// Delivery is at-least-once: a claim leases the job to one worker; a worker
// that dies stops renewing the lease and the job is queued again once the
// lease expires. The attempt count says how often a job was claimed.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "jobs/clock.h"
#include "jobs/job.h"

namespace quire::jobs {

struct QueueOptions {
  // Queued + running jobs allowed at once; enqueue beyond it throws
  // QueueFullError.
  std::int64_t max_pending = 100'000;
  // How many claims a job gets before a job whose worker keeps dying (or
  // keeps overrunning its lease) is failed instead of queued again.
  int max_attempts = 3;
};

// What release_expired() did.
struct ExpiredLeases {
  int requeued = 0;
  int failed = 0;
};

class JobQueue {
 public:
  explicit JobQueue(const Clock& clock, QueueOptions options = {})
      : clock_(clock), options_(options) {}

  const QueueOptions& options() const { return options_; }

  // Adds a job; returns its row id, or nullopt when a job with the same
  // job_id is already queued or running. Throws JobError for a bad request,
  // QueueFullError when the queue is full, db::DbError.
  std::optional<std::int64_t> enqueue(db::Database& db, const EnqueueRequest& request) const;

  // Claims the next job from `queues` (short before default before long,
  // oldest first) for `worker`, leased for `lease_ms`: one UPDATE, atomic
  // against every other claimer. nullopt when nothing is claimable.
  std::optional<Job> claim(db::Database& db, const std::vector<std::string>& queues,
                           const std::string& worker, Millis lease_ms) const;

  // Claims up to `limit` jobs at once (in claim order), in one statement:
  // a worker with a deep queue pays for one claim per batch, not per job.
  std::vector<Job> claim_batch(db::Database& db, const std::vector<std::string>& queues,
                               const std::string& worker, Millis lease_ms, int limit) const;

  // Gives a claimed job that was not started back to the queue, its attempt
  // uncounted (a worker stopping with part of a batch unrun). False when
  // `worker` no longer holds the claim.
  bool unclaim(db::Database& db, const Job& job, const std::string& worker) const;

  // Extends the lease of one claimed job, if `worker` still holds it. Run
  // first in the job's transaction: under SQLite's write lock nobody can take
  // the job from then until it commits, so a job whose claim expired while
  // it waited in a batch is never started twice.
  bool renew(db::Database& db, const Job& job, const std::string& worker, Millis lease_ms) const;

  // Extends the lease of every job these workers are running; returns how
  // many.
  int heartbeat(db::Database& db, const std::vector<std::string>& workers, Millis lease_ms) const;

  // Whether some running job's lease has expired: a read over the lease
  // index, so idle workers can look often and release only when needed.
  bool has_expired(db::Database& db) const;

  // Whether claim() would find a job: a read, so idle workers polling the
  // queue do not take the write lock.
  bool has_claimable(db::Database& db, const std::vector<std::string>& queues) const;

  // Record the outcome of a claimed job. Both return false and change
  // nothing when `worker` no longer holds this claim (its lease expired and
  // the job went back to the queue): the caller must then roll back the
  // job's transaction, since another worker owns the job now.
  bool complete(db::Database& db, const Job& job, const std::string& worker) const;
  bool fail(db::Database& db, const Job& job, const std::string& worker,
            const std::string& error) const;

  // Queues again every running job whose lease has expired; jobs that used up
  // max_attempts are failed instead, with the reason.
  ExpiredLeases release_expired(db::Database& db) const;

  // Failed jobs back to the queue with a fresh attempt count: one job by row
  // id, or every failed job when `id` is empty. Returns how many.
  int retry(db::Database& db, std::optional<std::int64_t> id) const;

  // Deletes finished and failed jobs that ended before `ended_before`
  // (statuses other than those two are refused). Returns how many.
  int purge(db::Database& db, const std::vector<JobStatus>& statuses, Millis ended_before) const;

  // Jobs, newest first, optionally of one status.
  std::vector<Job> list(db::Database& db, std::optional<JobStatus> status, int limit) const;

  // How many jobs of each status there are.
  std::map<JobStatus, std::int64_t> counts(db::Database& db) const;

  // Queued + running jobs, as the bound counts them.
  std::int64_t pending(db::Database& db) const;

 private:
  const Clock& clock_;
  QueueOptions options_;
};

}  // namespace quire::jobs
