#include "jobs/scheduler.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <iostream>

#include <nlohmann/json.hpp>

#include "db/db_error.h"
#include "jobs/civil_time.h"

namespace quire::jobs {

using db::Value;

namespace {

std::string default_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "scheduler") + ":" + std::to_string(getpid());
}

std::int64_t int_of(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return 0;
}

// A pass that failed (database busy or gone) is retried after this long.
constexpr Millis kRetryAfterErrorMs = 5'000;
// A due job refused by a full queue is tried again after this long.
constexpr Millis kRetryWhenFullMs = 1'000;

}  // namespace

SchedulerState read_scheduler_state(db::Database& db) {
  auto rows =
      db.query("SELECT `enabled`, `leader`, `lease_until` FROM `__scheduler` WHERE `id` = 1");
  if (rows.empty()) throw db::DbError("the scheduler table is missing: run the jobs migration");
  SchedulerState state;
  state.enabled = int_of(rows[0][0]) != 0;
  if (const auto* s = std::get_if<std::string>(&rows[0][1])) state.leader = *s;
  state.lease_until = int_of(rows[0][2]);
  return state;
}

void set_scheduler_enabled(db::Database& db, bool enabled) {
  db.query("UPDATE `__scheduler` SET `enabled` = ? WHERE `id` = 1",
           {Value{std::int64_t{enabled ? 1 : 0}}});
}

std::map<std::string, Millis> read_last_enqueued(db::Database& db) {
  std::map<std::string, Millis> last;
  for (const auto& row : db.query("SELECT `job_type`, `last_enqueued` FROM `__scheduler_slot`")) {
    if (const auto* name = std::get_if<std::string>(&row[0])) last[*name] = int_of(row[1]);
  }
  return last;
}

std::optional<Millis> next_due_time(const JobType& type, const CronExpr& cron,
                                    std::optional<Millis> last_enqueued,
                                    const model::TimeZone& zone, int maintenance_offset_minutes) {
  Millis base = type.creation;
  if (type.last_execution) base = std::max(base, *type.last_execution);
  if (last_enqueued) base = std::max(base, *last_enqueued);
  // A Maintenance job fires `shift` after each cron time: find the cron time
  // after base - shift, then move it by shift.
  const bool maintenance = type.frequency.find("Maintenance") != std::string::npos;
  const Millis shift = maintenance ? Millis{maintenance_offset_minutes} * 60'000 : 0;
  auto due = cron.next_after(civil_minute_in(base - shift, zone));
  if (!due) return std::nullopt;
  return instant_of_in(*due, zone) + shift;
}

std::string next_execution_text(db::Database& db, JobType type, Millis now,
                                int all_interval_minutes, int maintenance_offset_minutes) {
  if (type.creation == 0) type.creation = now;
  const CronExpr cron = CronExpr::parse(cron_text_for(type, all_interval_minutes));
  std::optional<Millis> last_enqueued;
  // A site whose job tables were never migrated has enqueued nothing.
  if (!db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__scheduler_slot'")
           .empty()) {
    auto rows = db.query("SELECT `last_enqueued` FROM `__scheduler_slot` WHERE `job_type` = ?",
                         {Value{type.name}});
    if (!rows.empty()) last_enqueued = int_of(rows[0][0]);
  }
  const model::TimeZone zone = model::site_time_zone(db);
  auto due = next_due_time(type, cron, last_enqueued, zone, maintenance_offset_minutes);
  return due ? format_in(*due, zone) : std::string();
}

int maintenance_offset_for_site(const std::string& site_name) {
  // FNV-1a: stable across runs and builds (std::hash is not guaranteed to be).
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : site_name) hash = (hash ^ c) * 16777619u;
  return static_cast<int>(hash % 60);
}

Scheduler::Scheduler(Opener open, const JobQueue& queue, JobTypeSource& source, Clock& clock,
                     SchedulerOptions options)
    : open_(std::move(open)),
      queue_(queue),
      source_(source),
      clock_(clock),
      options_(std::move(options)) {
  if (options_.name.empty()) options_.name = default_name();
  if (options_.lease_ms <= 0) throw JobError("the scheduler lease must be positive");
  if (options_.max_sleep_ms <= 0) throw JobError("the scheduler's longest sleep must be positive");
  if (options_.all_interval_minutes < 1 || options_.all_interval_minutes > 59) {
    throw JobError("the interval of frequency All must be 1 to 59 minutes");
  }
}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::log(const std::string& message) {
  if (options_.log) {
    options_.log(message);
  } else {
    std::cerr << "quire scheduler " << options_.name << ": " << message << std::endl;
  }
}

const CronExpr* Scheduler::cron_of(const JobType& type) {
  std::string text;
  try {
    text = cron_text_for(type, options_.all_interval_minutes);
    auto found = parsed_.find(text);
    if (found == parsed_.end()) found = parsed_.emplace(text, CronExpr::parse(text)).first;
    return &found->second;
  } catch (const CronError& e) {
    // Logged once per job type and text, so a bad row does not flood the log
    // on every pass; fixing the row (new text) is picked up at once.
    if (reported_.insert(type.name + "\n" + type.frequency + "\n" + text).second) {
      log("skipping job type '" + type.name + "': " + e.what());
    }
    return nullptr;
  }
}

SchedulerPass Scheduler::run_pass(db::Database& db) {
  SchedulerPass pass;
  const Millis now = clock_.now_ms();
  pass.next_wake = now + options_.max_sleep_ms;
  db::in_transaction(db, [&] {
    SchedulerState state = read_scheduler_state(db);
    pass.enabled = state.enabled;
    if (!state.enabled) return;
    if (state.leader && *state.leader != options_.name && state.lease_until > now) {
      // Someone else leads; try again when their lease runs out.
      pass.next_wake = std::min(pass.next_wake, state.lease_until + 1);
      return;
    }
    pass.leader = true;
    db.query("UPDATE `__scheduler` SET `leader` = ?, `lease_until` = ? WHERE `id` = 1",
             {Value{options_.name}, Value{now + options_.lease_ms}});

    const auto last_enqueued = read_last_enqueued(db);
    const model::TimeZone zone = model::site_time_zone(db);
    const int offset = options_.maintenance_offset_minutes;
    // next_execution is written only when it changes, so idle passes stay
    // read-only on the job types.
    auto record_next = [&](const JobType& type, Millis next) {
      if (type.next_execution != next) source_.record_next_execution(db, type.name, next);
    };
    for (const auto& type : source_.load(db)) {
      if (type.stopped) continue;
      const CronExpr* cron = cron_of(type);
      if (cron == nullptr) continue;
      std::optional<Millis> last;
      if (auto found = last_enqueued.find(type.name); found != last_enqueued.end()) {
        last = found->second;
      }
      auto due = next_due_time(type, *cron, last, zone, offset);
      if (!due) continue;  // e.g. "0 0 30 2 *": never fires
      const Millis due_at = *due;
      if (due_at > now) {
        pass.next_wake = std::min(pass.next_wake, due_at);
        record_next(type, due_at);
        continue;
      }
      EnqueueRequest request;
      request.method = kRunScheduledJobMethod;
      request.args = nlohmann::json{{"job_type", type.name}}.dump();
      request.queue = queue_for_frequency(type.frequency);
      request.job_id = "scheduled_job||" + type.name;
      try {
        if (queue_.enqueue(db, request)) ++pass.enqueued;
      } catch (const QueueFullError& e) {
        log("cannot enqueue job type '" + type.name + "': " + e.what());
        pass.next_wake = std::min(pass.next_wake, now + kRetryWhenFullMs);
        continue;
      }
      // A run still queued from last time absorbs this one (Frappe skips an
      // already-queued job id); either way this slot is taken.
      db.query(
          "INSERT INTO `__scheduler_slot` (`job_type`, `last_enqueued`) VALUES (?, ?)"
          " ON CONFLICT (`job_type`) DO UPDATE SET `last_enqueued` = excluded.`last_enqueued`",
          {Value{type.name}, Value{now}});
      if (auto next = next_due_time(type, *cron, now, zone, offset)) {
        pass.next_wake = std::min(pass.next_wake, *next);
        record_next(type, *next);
      }
    }
  });
  if (pass.enqueued > 0 && options_.on_enqueued) options_.on_enqueued();
  return pass;
}

void Scheduler::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void Scheduler::stop() {
  stopping_ = true;
  wakeup_.notify();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::notify_changed() {
  wakeup_.notify();
}

void Scheduler::loop() {
  std::unique_ptr<db::Database> db;
  while (!stopping_) {
    Millis next_wake;
    try {
      if (!db) db = open_();
      next_wake = run_pass(*db).next_wake;
    } catch (const std::exception& e) {
      log(std::string("pass failed, retrying: ") + e.what());
      next_wake = clock_.now_ms() + kRetryAfterErrorMs;
    }
    if (stopping_) break;
    clock_.sleep_until(next_wake, wakeup_);
    wakeup_.take();
  }
}

}  // namespace quire::jobs
