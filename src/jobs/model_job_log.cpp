#include "jobs/model_job_log.h"

#include <cstdio>

#include "model/lifecycle.h"
#include "model/session.h"
#include "model/time_zone.h"

namespace quire::jobs {

void ModelScheduledJobLog::completed(db::Database& db, const JobType& type, Millis started,
                                     Millis ended, const std::string& output) {
  char details[64];
  std::snprintf(details, sizeof details, "ran in %.3f s",
                static_cast<double>(ended - started) / 1000.0);
  write(db, type, "Complete", details, output);
}

void ModelScheduledJobLog::failed(db::Database& db, const JobType& type, Millis,
                                  const std::string& error, const std::string& output) {
  write(db, type, "Failed", error, output);
}

void ModelScheduledJobLog::write(db::Database& db, const JobType& type, const std::string& status,
                                 const std::string& details, const std::string& output) {
  model::Session session(db, metas_, events_);
  model::use_site_time_zone(session);
  // The worker owns the transaction this runs in: the model nests inside it
  // (savepoints) instead of beginning its own.
  session.transaction_depth = 1;
  auto doc = model::new_doc(session, "Scheduled Job Log");
  doc->set("scheduled_job_type", type.name);
  doc->set("status", status);
  doc->set("details", details);
  if (!output.empty()) doc->set("debug_log", output);
  model::InsertOptions options;
  options.ignore_permissions = true;
  model::insert(session, *doc, options);
}

}  // namespace quire::jobs
