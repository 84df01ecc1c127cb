#include "jobs/job.h"

#include <array>

namespace quire::jobs {

namespace {

constexpr std::array<QueueSpec, 3> kQueues = {{
    {"short", 0, 300'000},
    {"default", 1, 300'000},
    {"long", 2, 1'500'000},
}};

}  // namespace

const QueueSpec& queue_spec(std::string_view name) {
  for (const auto& spec : kQueues) {
    if (spec.name == name) return spec;
  }
  throw JobError("unknown queue '" + std::string(name) + "': use short, default or long");
}

std::string_view to_string(JobStatus status) {
  switch (status) {
    case JobStatus::queued:
      return "queued";
    case JobStatus::running:
      return "running";
    case JobStatus::finished:
      return "finished";
    case JobStatus::failed:
      return "failed";
  }
  return "?";
}

JobStatus job_status_from(std::string_view text) {
  for (auto status :
       {JobStatus::queued, JobStatus::running, JobStatus::finished, JobStatus::failed}) {
    if (to_string(status) == text) return status;
  }
  throw JobError("unknown job status '" + std::string(text) +
                 "': use queued, running, finished or failed");
}

}  // namespace quire::jobs
