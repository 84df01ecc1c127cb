#pragma once
// Everything one process needs to run a site's background work: the queue,
// the handler registry, a worker pool and (optionally) the scheduler, set up
// from the site's config. `quire serve` holds one beside its HTTP server;
// `quire worker` holds one on its own.
//
// Site config keys (Frappe's names where Frappe has one):
//   background_workers   worker threads (default 2)
//   jobs_max_pending     queued + running jobs allowed (default 100000)
//   scheduler_interval   seconds; frequency "All" runs every interval//60
//                        minutes (default 240, as Frappe)
//   pause_scheduler      truthy: the scheduler does not run in this process

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jobs/clock.h"
#include "jobs/handler_registry.h"
#include "jobs/job_queue.h"
#include "jobs/job_types.h"
#include "jobs/scheduled_job_runner.h"
#include "jobs/scheduler.h"
#include "jobs/worker_pool.h"
#include "model/events.h"
#include "model/meta_store.h"

namespace quire::jobs {

struct SiteJobsOptions {
  // Overrides background_workers when set.
  std::optional<int> threads;
  std::vector<std::string> queues = {"short", "default", "long"};
  bool run_workers = true;
  bool run_scheduler = true;
  std::function<void(const std::string&)> log;
  // The process's document metadata and events, for Scheduled Job Log
  // documents; when null, SiteJobs keeps its own (core DocTypes only).
  model::MetaStore* metas = nullptr;
  model::EventRegistry* events = nullptr;
  // The site's name: it sets the Maintenance frequencies' offset.
  std::string site_name;
};

// Reads the queue's settings from a site config; throws JobError naming the
// key when a value is of the wrong type or out of range.
QueueOptions queue_options_from_config(const nlohmann::json& config);

// Minutes between runs of frequency "All": scheduler_interval // 60.
int all_interval_from_config(const nlohmann::json& config);

class SiteJobs {
 public:
  using Opener = std::function<std::unique_ptr<db::Database>()>;

  // Brings the job tables up to date through one connection from `open`.
  SiteJobs(Opener open, const nlohmann::json& config, SiteJobsOptions options);
  ~SiteJobs();

  // Register handlers before start() (or any time: the registry is shared).
  HandlerRegistry& handlers() { return handlers_; }
  const JobQueue& queue() const { return *queue_; }
  WorkerPool* pool() { return pool_.get(); }
  Scheduler* scheduler() { return scheduler_.get(); }

  void start();
  // Graceful: the scheduler stops, running jobs finish.
  void stop();

 private:
  Opener open_;
  SystemClock clock_;
  std::unique_ptr<JobQueue> queue_;
  HandlerRegistry handlers_;
  DatabaseJobTypeSource job_types_;
  std::unique_ptr<model::MetaStore> own_metas_;
  std::unique_ptr<model::EventRegistry> own_events_;
  std::unique_ptr<ScheduledJobLog> job_log_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<Scheduler> scheduler_;
};

// What `quire serve` runs beside its HTTP server: the site's workers and
// scheduler, started, sharing the server's DocType metadata and events (so
// documents written by jobs see the site's own DocTypes and hooks), logging
// to standard error. Destroying it stops them gracefully; `metas` and
// `events` must outlive it. Register job handlers on `handlers()` any time.
std::unique_ptr<SiteJobs> start_site_jobs(SiteJobs::Opener open, const nlohmann::json& config,
                                          const std::string& site_name, model::MetaStore& metas,
                                          model::EventRegistry& events);

}  // namespace quire::jobs
