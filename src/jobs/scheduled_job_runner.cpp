#include "jobs/scheduled_job_runner.h"

#include <nlohmann/json.hpp>

#include "jobs/scheduler.h"

namespace quire::jobs {

void add_scheduled_job_runner(HandlerRegistry& registry, JobTypeSource& source) {
  registry.add(kRunScheduledJobMethod, [&registry, &source](JobContext& context) {
    auto args = nlohmann::json::parse(context.job.args, nullptr, false);
    if (!args.is_object() || !args.contains("job_type") || !args["job_type"].is_string()) {
      throw JobError("a scheduled job needs the job type's name in args.job_type");
    }
    const std::string name = args["job_type"].get<std::string>();
    for (const auto& type : source.load(context.db)) {
      if (type.name != name) continue;
      auto handler = registry.find(type.method);
      if (!handler) {
        throw JobError("job type '" + name + "': no handler for method '" + type.method + "'");
      }
      source.record_execution(context.db, name, context.clock.now_ms());
      (*handler)(context);
      return;
    }
    throw JobError("no scheduled job type named '" + name + "'");
  });
}

}  // namespace quire::jobs
