#include "jobs/site_jobs.h"

#include <iostream>

#include "jobs/model_job_log.h"
#include "jobs/queue_schema.h"
#include "jobs/scheduled_job_runner.h"

namespace quire::jobs {

namespace {

std::int64_t config_integer(const nlohmann::json& config, const char* key, std::int64_t low,
                            std::int64_t high, std::int64_t fallback) {
  auto found = config.find(key);
  if (found == config.end()) return fallback;
  if (!found->is_number_integer() || found->get<std::int64_t>() < low ||
      found->get<std::int64_t>() > high) {
    throw JobError(std::string("config key ") + key + " must be an integer from " +
                   std::to_string(low) + " to " + std::to_string(high) + ", not " + found->dump());
  }
  return found->get<std::int64_t>();
}

bool config_truthy(const nlohmann::json& config, const char* key) {
  auto found = config.find(key);
  if (found == config.end() || found->is_null()) return false;
  if (found->is_boolean()) return found->get<bool>();
  if (found->is_number()) return found->get<double>() != 0;
  if (found->is_string()) return !found->get<std::string>().empty();
  return true;
}

}  // namespace

QueueOptions queue_options_from_config(const nlohmann::json& config) {
  QueueOptions options;
  options.max_pending = config_integer(config, "jobs_max_pending", 1, 1'000'000'000, 100'000);
  return options;
}

int all_interval_from_config(const nlohmann::json& config) {
  return static_cast<int>(config_integer(config, "scheduler_interval", 60, 3540, 240) / 60);
}

SiteJobs::SiteJobs(Opener open, const nlohmann::json& config, SiteJobsOptions options)
    : open_(std::move(open)) {
  {
    auto db = open_();
    migrate_queue_schema(*db);
  }
  queue_ = std::make_unique<JobQueue>(clock_, queue_options_from_config(config));
  add_builtin_handlers(handlers_);
  model::MetaStore* metas = options.metas;
  if (metas == nullptr) metas = (own_metas_ = std::make_unique<model::MetaStore>()).get();
  model::EventRegistry* events = options.events;
  if (events == nullptr) events = (own_events_ = std::make_unique<model::EventRegistry>()).get();
  job_log_ = std::make_unique<ModelScheduledJobLog>(*metas, *events);
  add_scheduled_job_runner(handlers_, job_types_, job_log_.get());

  if (options.run_workers) {
    WorkerOptions worker;
    worker.threads = options.threads.value_or(
        static_cast<int>(config_integer(config, "background_workers", 1, 256, 2)));
    worker.queues = options.queues;
    worker.log = options.log;
    pool_ = std::make_unique<WorkerPool>(open_, *queue_, handlers_, clock_, worker);
  }
  if (options.run_scheduler && !config_truthy(config, "pause_scheduler")) {
    SchedulerOptions scheduler;
    scheduler.all_interval_minutes = all_interval_from_config(config);
    scheduler.maintenance_offset_minutes = maintenance_offset_for_site(options.site_name);
    scheduler.log = options.log;
    WorkerPool* pool = pool_.get();
    scheduler.on_enqueued = [pool] {
      if (pool != nullptr) pool->notify();
    };
    scheduler_ = std::make_unique<Scheduler>(open_, *queue_, job_types_, clock_, scheduler);
  }
}

SiteJobs::~SiteJobs() {
  stop();
}

void SiteJobs::start() {
  if (pool_) pool_->start();
  if (scheduler_) scheduler_->start();
}

void SiteJobs::stop() {
  if (scheduler_) scheduler_->stop();
  if (pool_) pool_->stop();
}

std::unique_ptr<SiteJobs> start_site_jobs(SiteJobs::Opener open, const nlohmann::json& config,
                                          const std::string& site_name, model::MetaStore& metas,
                                          model::EventRegistry& events) {
  SiteJobsOptions options;
  options.metas = &metas;
  options.events = &events;
  options.site_name = site_name;
  options.log = [](const std::string& message) {
    std::cerr << "quire: jobs: " << message << std::endl;
  };
  auto jobs = std::make_unique<SiteJobs>(std::move(open), config, std::move(options));
  jobs->start();
  return jobs;
}

}  // namespace quire::jobs
