#pragma once
// Scheduled Job Log documents, written through the model layer (so naming,
// timestamps and validation are those of any document).
//
// Status "Complete" with details "ran in N s", or "Failed" with the error in
// details; debug_log holds what the job printed. The doctype has no duration
// field, so the duration goes into details (see docs/jobs.md).

#include "jobs/scheduled_job_runner.h"
#include "model/events.h"
#include "model/meta_store.h"

namespace quire::jobs {

class ModelScheduledJobLog final : public ScheduledJobLog {
 public:
  // Both must outlive this object and be safe to share between the worker
  // threads that write logs.
  ModelScheduledJobLog(model::MetaStore& metas, model::EventRegistry& events)
      : metas_(metas), events_(events) {}

  void completed(db::Database& db, const JobType& type, Millis started, Millis ended,
                 const std::string& output) override;
  void failed(db::Database& db, const JobType& type, Millis started, const std::string& error,
              const std::string& output) override;

 private:
  void write(db::Database& db, const JobType& type, const std::string& status,
             const std::string& details, const std::string& output);

  model::MetaStore& metas_;
  model::EventRegistry& events_;
};

}  // namespace quire::jobs
