#include "jobs/worker_pool.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <iostream>

#include "db/db_error.h"

namespace quire::jobs {

namespace {

std::string default_pool_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "worker") + ":" + std::to_string(getpid());
}

std::string seconds_text(Millis ms) {
  return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100) + " s";
}

}  // namespace

WorkerPool::WorkerPool(Opener open, const JobQueue& queue, const HandlerRegistry& handlers,
                       const Clock& clock, WorkerOptions options)
    : open_(std::move(open)),
      queue_(queue),
      handlers_(handlers),
      clock_(clock),
      options_(std::move(options)) {
  if (options_.threads < 1) throw JobError("a worker pool needs at least one thread");
  if (options_.queues.empty()) throw JobError("a worker pool needs at least one queue");
  for (const auto& name : options_.queues) queue_spec(name);
  if (options_.lease_ms <= 0) throw JobError("a worker lease must be positive");
  if (options_.heartbeat_ms <= 0)
    options_.heartbeat_ms = std::max<Millis>(1, options_.lease_ms / 3);
  if (options_.idle_poll_ms <= 0) options_.idle_poll_ms = 200;
  if (options_.name.empty()) options_.name = default_pool_name();
}

WorkerPool::~WorkerPool() {
  stop();
}

void WorkerPool::log(const std::string& message) const {
  if (options_.log) {
    options_.log(message);
  } else {
    std::cerr << "quire worker " << options_.name << ": " << message << std::endl;
  }
}

void WorkerPool::start() {
  if (!threads_.empty()) return;
  stopping_ = false;
  worker_names_.clear();
  for (int i = 0; i < options_.threads; ++i) {
    worker_names_.push_back(options_.name + "/" + std::to_string(i));
  }
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this, i] { work(i); });
  threads_.emplace_back([this] { heartbeat_loop(); });
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(idle_mutex_);
    stopping_ = true;
  }
  idle_cv_.notify_all();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

void WorkerPool::notify() {
  {
    std::lock_guard lock(idle_mutex_);
    ++notifications_;
  }
  idle_cv_.notify_one();
}

void WorkerPool::idle_wait(Millis ms) {
  std::unique_lock lock(idle_mutex_);
  auto seen = notifications_;
  idle_cv_.wait_for(lock, std::chrono::milliseconds(ms),
                    [&] { return stopping_.load() || notifications_ != seen; });
}

WorkerStats WorkerPool::stats() const {
  return {finished_.load(), failed_.load(), lost_.load(), timed_out_.load()};
}

int WorkerPool::running() const {
  std::lock_guard lock(running_mutex_);
  return static_cast<int>(running_.size());
}

void WorkerPool::record_failure(db::Database& db, const Job& job, const std::string& worker,
                                const std::string& error, Millis deadline,
                                const std::string& output) {
  ++failed_;
  auto on_failure = handlers_.find_failure_handler(job.method);
  try {
    bool held = true;
    db::in_transaction(db, [&] {
      held = queue_.fail(db, job, worker, error);
      if (!held || !on_failure) return;
      // A savepoint, so a failure handler that fails half-way leaves nothing
      // behind while the failure record still commits.
      db.execute("SAVEPOINT quire_job_failure");
      try {
        JobContext context{job, db, deadline, clock_, output};
        (*on_failure)(context, error);
        db.execute("RELEASE quire_job_failure");
      } catch (const std::exception& e) {
        db.execute("ROLLBACK TO quire_job_failure");
        db.execute("RELEASE quire_job_failure");
        log("the failure handler of job " + std::to_string(job.id) + " (" + job.method +
            ") failed: " + e.what());
      }
    });
    if (!held) ++lost_;
  } catch (const std::exception& e) {
    // The lease runs out and the job is retried: at-least-once holds.
    log("could not record the failure of job " + std::to_string(job.id) + ": " + e.what());
  }
}

bool WorkerPool::run_one(db::Database& db, const std::string& worker) {
  auto claimed = queue_.claim(db, options_.queues, worker, options_.lease_ms);
  if (!claimed) return false;
  run_claimed(db, worker, *claimed);
  return true;
}

void WorkerPool::run_claimed(db::Database& db, const std::string& worker, const Job& job) {
  const Millis deadline = clock_.now_ms() + job.timeout_ms;
  {
    std::lock_guard lock(running_mutex_);
    running_[worker] = {job.id, job.method, deadline, false};
  }
  struct Unregister {
    WorkerPool& pool;
    const std::string& worker;
    ~Unregister() {
      std::lock_guard lock(pool.running_mutex_);
      pool.running_.erase(worker);
    }
  } unregister{*this, worker};

  auto handler = handlers_.find(job.method);
  if (!handler) {
    record_failure(db, job, worker, "no handler for method '" + job.method + "'", deadline, "");
    return;
  }
  std::string error;
  JobContext context{job, db, deadline, clock_};
  try {
    db.begin();
    if (!queue_.renew(db, job, worker, options_.lease_ms)) {
      db.rollback();
      ++lost_;
      log("job " + std::to_string(job.id) + " (" + job.method +
          ") lost its claim before it started; another worker has it");
      return;
    }
    (*handler)(context);
    if (clock_.now_ms() > deadline) {
      ++timed_out_;
      throw JobError("job exceeded its timeout of " + seconds_text(job.timeout_ms) +
                     "; its changes were rolled back");
    }
    if (!queue_.complete(db, job, worker)) {
      db.rollback();
      ++lost_;
      log("job " + std::to_string(job.id) + " (" + job.method +
          ") lost its lease before finishing; its changes were rolled back");
      return;
    }
    db.commit();
    ++finished_;
    return;
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "the handler threw something that is not an exception";
  }
  try {
    db.rollback();
  } catch (const std::exception& e) {
    log("rollback after job " + std::to_string(job.id) + " failed: " + e.what());
  }
  record_failure(db, job, worker, error, deadline, context.output);
}

int WorkerPool::batch_size(db::Database& db) const {
  if (options_.claim_batch <= 1) return 1;
  // Half of an even share of what waits (queued + running, a cheap read).
  const std::int64_t share = queue_.pending(db) / (2 * options_.threads);
  return static_cast<int>(std::clamp<std::int64_t>(share, 1, options_.claim_batch));
}

void WorkerPool::work(int index) {
  const std::string& worker = worker_names_[static_cast<size_t>(index)];
  std::unique_ptr<db::Database> db;
  std::deque<Job> claimed;
  bool maybe_more = true;
  while (!stopping_) {
    try {
      if (!db) db = open_();
      if (claimed.empty()) {
        // After an empty claim, peek with a read before taking the write lock.
        if (!maybe_more && !queue_.has_claimable(*db, options_.queues)) {
          // Idle: take over the jobs of a worker that died, if any, now
          // rather than at the next heartbeat.
          if (queue_.has_expired(*db)) release_expired(*db);
          idle_wait(options_.idle_poll_ms);
          continue;
        }
        auto batch =
            queue_.claim_batch(*db, options_.queues, worker, options_.lease_ms, batch_size(*db));
        held_ += static_cast<std::int64_t>(batch.size());
        claimed.assign(std::make_move_iterator(batch.begin()),
                       std::make_move_iterator(batch.end()));
        maybe_more = !claimed.empty();
        if (!maybe_more) {
          idle_wait(options_.idle_poll_ms);
          continue;
        }
      }
      Job job = std::move(claimed.front());
      claimed.pop_front();
      struct Release {
        std::atomic<std::int64_t>& held;
        ~Release() { --held; }
      } release{held_};
      run_claimed(*db, worker, job);
    } catch (const std::exception& e) {
      log(worker + ": " + e.what());
      maybe_more = false;
      idle_wait(options_.idle_poll_ms);
    }
  }
  // Stopping: what this thread claimed but did not start goes back at once
  // rather than waiting out its lease.
  for (const auto& job : claimed) {
    --held_;
    try {
      queue_.unclaim(*db, job, worker);
    } catch (const std::exception& e) {
      log(worker + ": could not give job " + std::to_string(job.id) +
          " back (its lease will expire): " + e.what());
    }
  }
}

void WorkerPool::release_expired(db::Database& db) {
  auto released = queue_.release_expired(db);
  if (released.requeued > 0 || released.failed > 0) {
    log("released expired leases: " + std::to_string(released.requeued) + " queued again, " +
        std::to_string(released.failed) + " failed after their last attempt");
  }
}

void WorkerPool::heartbeat_loop() {
  std::unique_ptr<db::Database> db;
  while (!stopping_) {
    try {
      if (!db) db = open_();
      queue_.heartbeat(*db, worker_names_, options_.lease_ms);
      release_expired(*db);
    } catch (const std::exception& e) {
      // Busy with a long job transaction, most likely; the next beat retries
      // well within the lease.
      log("heartbeat: " + std::string(e.what()));
    }
    const Millis now = clock_.now_ms();
    {
      std::lock_guard lock(running_mutex_);
      for (auto& [worker, running] : running_) {
        if (!running.reported && now > running.deadline) {
          running.reported = true;
          log("job " + std::to_string(running.id) + " (" + running.method + ") on " + worker +
              " is past its timeout; it will be rolled back and failed when it returns");
        }
      }
    }
    std::unique_lock lock(idle_mutex_);
    idle_cv_.wait_for(lock, std::chrono::milliseconds(options_.heartbeat_ms),
                      [&] { return stopping_.load(); });
  }
}

}  // namespace quire::jobs
