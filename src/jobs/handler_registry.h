#pragma once
// Job handlers by method name. The jobs layer runs whatever is registered
// here; the scripting layer registers server-script runners, the CLI and
// tests register C++ callables.

#include <functional>
#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "jobs/clock.h"
#include "jobs/job.h"

namespace quire::jobs {

// What a handler gets: the job, the connection whose transaction it runs in
// (committed when the handler returns, rolled back when it throws), and the
// instant its timeout runs out, for runtimes that can stop themselves (the
// script VM takes it as its deadline).
struct JobContext {
  const Job& job;
  db::Database& db;
  Millis deadline_ms;
  const Clock& clock;
  // What the job printed (a script's print() output), for its log.
  std::string output = {};
};

using JobHandler = std::function<void(JobContext&)>;

// Runs after a job failed and its transaction was rolled back, in a new
// transaction together with the failure record: for writes that must survive
// the failure (Frappe's "Failed" Scheduled Job Log).
using JobFailureHandler = std::function<void(JobContext&, const std::string& error)>;

// Safe to use from many threads; registration may happen while workers run.
class HandlerRegistry {
 public:
  // Registers (or replaces) the handler for `method`.
  void add(const std::string& method, JobHandler handler, JobFailureHandler on_failure = {});
  bool remove(std::string_view method);
  std::optional<JobHandler> find(std::string_view method) const;
  // The failure handler of `method`, if it has one.
  std::optional<JobFailureHandler> find_failure_handler(std::string_view method) const;
  std::vector<std::string> methods() const;
  // Consulted by find() for a method with no handler of its own: how a layer
  // above answers a family of names (each Scheduler Event script's job type
  // has its own method). Returns nullopt for names it does not own.
  using Fallback = std::function<std::optional<JobHandler>(std::string_view method)>;
  void set_fallback(Fallback fallback);

 private:
  mutable std::shared_mutex mutex_;
  struct Entry {
    JobHandler run;
    JobFailureHandler on_failure;
  };
  std::map<std::string, Entry, std::less<>> handlers_;
  Fallback fallback_;
};

// The handlers every quire has: `quire.noop` does nothing (benchmarks, and
// checking that workers run).
void add_builtin_handlers(HandlerRegistry& registry);

}  // namespace quire::jobs
