#pragma once
// What a job is: the request to enqueue one, the row a worker claims, and the
// queue names with Frappe's default timeouts.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "jobs/clock.h"

namespace quire::jobs {

// Bad input to the queue (unknown queue, malformed args, ...). what() is fit
// to show a user.
class JobError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Enqueue refused because the queue holds its maximum of pending jobs.
class QueueFullError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Frappe's queues and their default timeouts: short 300 s, default 300 s,
// long 1500 s. The rank orders them for workers that drain several.
struct QueueSpec {
  std::string_view name;
  int rank;
  Millis default_timeout_ms;
};

// The spec of a queue by name; throws JobError naming the valid ones.
const QueueSpec& queue_spec(std::string_view name);

struct EnqueueRequest {
  std::string method;
  // A JSON object (Frappe passes keyword arguments); "{}" when none.
  std::string args = "{}";
  std::string queue = "default";
  // Dedup key: while a job with this id is queued or running, enqueueing
  // another is skipped (Frappe's `job_id` with `deduplicate=True`).
  std::optional<std::string> job_id;
  // Overrides the queue's default timeout.
  std::optional<Millis> timeout_ms;
  // Not claimable before this instant (0: at once).
  Millis not_before_ms = 0;
};

enum class JobStatus { queued, running, finished, failed };
std::string_view to_string(JobStatus status);
// Throws JobError for an unknown name.
JobStatus job_status_from(std::string_view text);

// One row of the queue, as listed or claimed.
struct Job {
  std::int64_t id = 0;
  std::optional<std::string> job_id;
  std::string queue;
  std::string method;
  std::string args;
  JobStatus status = JobStatus::queued;
  int attempts = 0;
  int max_attempts = 0;
  Millis timeout_ms = 0;
  Millis enqueued_at = 0;
  std::optional<Millis> started_at;
  std::optional<Millis> lease_until;
  std::optional<std::string> worker;
  std::optional<Millis> finished_at;
  std::optional<std::string> error;
};

}  // namespace quire::jobs
