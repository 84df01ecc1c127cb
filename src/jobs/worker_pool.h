#pragma once
// Workers: threads that claim jobs from the queue and run them through the
// handler registry, each job in its own transaction. `quire serve` starts a
// pool beside its HTTP workers; `quire worker` runs one on its own.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "jobs/clock.h"
#include "jobs/handler_registry.h"
#include "jobs/job_queue.h"

namespace quire::jobs {

struct WorkerOptions {
  int threads = 2;
  // Queues drained, in this priority order.
  std::vector<std::string> queues = {"short", "default", "long"};
  // How long a claim lasts without renewal; a worker that dies loses its
  // jobs to others after at most this long.
  Millis lease_ms = 60'000;
  // How often leases are renewed and expired ones released (0: lease / 3).
  Millis heartbeat_ms = 0;
  // How often an idle worker looks for jobs enqueued by other processes
  // (jobs enqueued in this process wake it through notify()).
  Millis idle_poll_ms = 200;
  // Most jobs a thread claims at once when the queue is deep (one claim
  // statement per batch instead of per job). Smaller batches are taken when
  // few jobs wait, so one thread never sits on work another could run.
  int claim_batch = 16;
  // Names this pool's claims: "<name>/<thread>". Default: host:pid.
  std::string name;
  // Where problems are reported (default: standard error).
  std::function<void(const std::string&)> log;
};

// Counts since start, for status output and tests.
struct WorkerStats {
  std::int64_t finished = 0;
  std::int64_t failed = 0;
  // Jobs whose claim was lost (lease expired under a slow job): their work
  // was rolled back, another worker owns them.
  std::int64_t lost = 0;
  std::int64_t timed_out = 0;
};

class WorkerPool {
 public:
  using Opener = std::function<std::unique_ptr<db::Database>()>;

  // `open` makes one connection per worker thread (and one for the
  // heartbeat). Every reference must outlive the pool.
  WorkerPool(Opener open, const JobQueue& queue, const HandlerRegistry& handlers,
             const Clock& clock, WorkerOptions options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void start();
  // Graceful: no new claims, running jobs finish (and commit), threads join.
  void stop();
  // Wakes an idle worker at once (a job was just enqueued in this process).
  void notify();

  // Claims and runs one job on `db` as `worker`, on the calling thread;
  // false when nothing was claimable. Throws db::DbError when the queue
  // cannot be reached; a job's own failure is recorded, not thrown.
  bool run_one(db::Database& db, const std::string& worker);

  // Runs a job `worker` has claimed, in its own transaction, and records the
  // outcome. A job's own failure is recorded, not thrown.
  void run_claimed(db::Database& db, const std::string& worker, const Job& job);

  WorkerStats stats() const;
  // How many jobs this pool's threads are running right now.
  int running() const;
  // How many jobs this pool holds: claimed and not yet finished (running, or
  // waiting in a thread's claimed batch).
  std::int64_t held() const { return held_.load(); }
  const std::string& name() const { return options_.name; }

 private:
  void work(int index);
  // How many jobs a thread should claim now, from the number waiting.
  int batch_size(db::Database& db) const;
  void heartbeat_loop();
  void release_expired(db::Database& db);
  void log(const std::string& message) const;
  // Waits up to `ms` or until notified/stopping.
  void idle_wait(Millis ms);
  void record_failure(db::Database& db, const Job& job, const std::string& worker,
                      const std::string& error, Millis deadline, const std::string& output);

  Opener open_;
  const JobQueue& queue_;
  const HandlerRegistry& handlers_;
  const Clock& clock_;
  WorkerOptions options_;

  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::mutex idle_mutex_;
  std::condition_variable idle_cv_;
  std::uint64_t notifications_ = 0;

  // Running jobs by worker name, for timeout reporting.
  struct Running {
    std::int64_t id;
    std::string method;
    Millis deadline;
    bool reported;
  };
  mutable std::mutex running_mutex_;
  std::map<std::string, Running> running_;
  std::vector<std::string> worker_names_;

  std::atomic<std::int64_t> finished_{0}, failed_{0}, lost_{0}, timed_out_{0};
  std::atomic<std::int64_t> held_{0};
};

}  // namespace quire::jobs
