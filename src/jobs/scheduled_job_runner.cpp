#include "jobs/scheduled_job_runner.h"

#include <nlohmann/json.hpp>

#include "jobs/scheduler.h"

namespace quire::jobs {

namespace {

std::string job_type_name(const Job& job) {
  auto args = nlohmann::json::parse(job.args, nullptr, false);
  if (!args.is_object() || !args.contains("job_type") || !args["job_type"].is_string()) {
    throw JobError("a scheduled job needs the job type's name in args.job_type");
  }
  return args["job_type"].get<std::string>();
}

std::optional<JobType> find_type(JobTypeSource& source, db::Database& db, const std::string& name) {
  for (auto& type : source.load(db)) {
    if (type.name == name) return std::move(type);
  }
  return std::nullopt;
}

}  // namespace

void add_scheduled_job_runner(HandlerRegistry& registry, JobTypeSource& source,
                              ScheduledJobLog* log) {
  auto run = [&registry, &source, log](JobContext& context) {
    const std::string name = job_type_name(context.job);
    auto type = find_type(source, context.db, name);
    if (!type) throw JobError("no scheduled job type named '" + name + "'");
    auto handler = registry.find(type->method);
    if (!handler) {
      throw JobError("job type '" + name + "': no handler for method '" + type->method + "'");
    }
    const Millis started = context.clock.now_ms();
    source.record_execution(context.db, name, started);
    (*handler)(context);
    if (log != nullptr && type->create_log) {
      log->completed(context.db, *type, started, context.clock.now_ms(), context.output);
    }
  };
  auto on_failure = [&source, log](JobContext& context, const std::string& error) {
    const std::string name = job_type_name(context.job);
    auto type = find_type(source, context.db, name);
    if (!type) return;
    // The rollback took the execution time with it; Frappe commits it
    // before running, so it survives a failure there too.
    const Millis started = context.job.started_at.value_or(context.clock.now_ms());
    source.record_execution(context.db, name, started);
    if (log != nullptr && type->create_log) {
      log->failed(context.db, *type, started, error, context.output);
    }
  };
  registry.add(kRunScheduledJobMethod, run, on_failure);
}

}  // namespace quire::jobs
