#include "jobs/job_types.h"

#include "jobs/civil_time.h"
#include "jobs/cron.h"

namespace quire::jobs {

namespace {

std::string text_of(const db::Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return "";
}

bool truthy(const db::Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i != 0;
  if (const auto* d = std::get_if<double>(&v)) return *d != 0;
  if (const auto* s = std::get_if<std::string>(&v)) return !s->empty() && *s != "0";
  return false;
}

std::optional<Millis> time_of(const db::Value& v, const model::TimeZone& zone) {
  Millis parsed = parse_datetime_in(text_of(v), zone);
  if (parsed < 0) return std::nullopt;
  return parsed;
}

}  // namespace

void JobTypeSource::record_execution(db::Database&, const std::string&, Millis) {}
void JobTypeSource::record_next_execution(db::Database&, const std::string&, Millis) {}

std::vector<JobType> DatabaseJobTypeSource::load(db::Database& db) {
  if (db.query("SELECT 1 FROM sqlite_master WHERE type = 'table'"
               " AND name = 'tabScheduled Job Type'")
          .empty()) {
    return {};
  }
  std::vector<JobType> types;
  const model::TimeZone zone = model::site_time_zone(db);
  for (const auto& row : db.query("SELECT `name`, `method`, `frequency`, `cron_format`, `stopped`,"
                                  " `last_execution`, `creation`, `create_log`, `next_execution`"
                                  " FROM `tabScheduled Job Type` ORDER BY `name`")) {
    JobType type;
    type.name = text_of(row[0]);
    type.method = text_of(row[1]);
    type.frequency = text_of(row[2]);
    type.cron_format = text_of(row[3]);
    type.stopped = truthy(row[4]);
    type.last_execution = time_of(row[5], zone);
    type.creation = time_of(row[6], zone).value_or(0);
    type.create_log = truthy(row[7]);
    type.next_execution = time_of(row[8], zone);
    types.push_back(std::move(type));
  }
  return types;
}

void DatabaseJobTypeSource::record_execution(db::Database& db, const std::string& name,
                                             Millis when) {
  db.query("UPDATE `tabScheduled Job Type` SET `last_execution` = ? WHERE `name` = ?",
           {db::Value{format_in(when, model::site_time_zone(db))}, db::Value{name}});
}

void DatabaseJobTypeSource::record_next_execution(db::Database& db, const std::string& name,
                                                  Millis when) {
  db.query("UPDATE `tabScheduled Job Type` SET `next_execution` = ? WHERE `name` = ?",
           {db::Value{format_in(when, model::site_time_zone(db))}, db::Value{name}});
}

std::string queue_for_frequency(const std::string& frequency) {
  auto ends_with = [&](std::string_view suffix) {
    return frequency.size() >= suffix.size() &&
           frequency.compare(frequency.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(" Long") || ends_with(" Maintenance") ? "long" : "default";
}

std::string cron_text_for(const JobType& type, int all_interval_minutes) {
  if (type.frequency == "Cron") {
    if (type.cron_format.empty()) {
      throw CronError("Cron format is required for job types with Cron frequency.");
    }
    return type.cron_format;
  }
  auto text = cron_for_frequency(type.frequency, all_interval_minutes);
  if (!text) throw CronError("unknown scheduler frequency '" + type.frequency + "'");
  return *text;
}

}  // namespace quire::jobs
