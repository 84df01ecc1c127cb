#pragma once
// The Server Script DocType at work on one site (spec §1-§2): its controller
// (who may change one, compile on save, Scheduled Job Type sync), the script
// map (which scripts fire where), the compiled-code cache, and the four ways
// scripts run: DocType events, API methods, scheduled runs, permission queries.
//
// One ServerScripts per site, shared by every thread: the map and the cache
// are immutable snapshots behind a mutex, rebuilt after a Server Script is
// saved, renamed or deleted (and after the transaction that did it ends).

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lang/compile/code.h"
#include "lang/sandbox/sandbox.h"
#include "model/document.h"
#include "model/events.h"
#include "model/session.h"
#include "scripting/http_client.h"
#include "scripting/run_state.h"

namespace quire::scripting {

struct ScriptSettings {
  // `server_script_enabled` of sites/common_site_config.json (spec §3.1),
  // asked at every run. Unset: disabled.
  std::function<bool()> enabled;
  // What frappe.utils.get_url() builds on.
  std::string site_url = "http://localhost:8000";
  // The site's folder (sites/NAME): /files/... URLs are its public/files,
  // /private/files/... its private/files (frappe.utils.pdf_to_base64,
  // get_thumbnail_base64_for_image). Empty: no file is found.
  std::string site_dir;
  // How often the cached script map is compared with the Server Script
  // table (row count and latest modified), so a script saved by another
  // process on the same site (a second `quire serve`, a worker) is seen
  // within this time. Saves in this process take effect at once. 0: every
  // lookup.
  std::chrono::milliseconds map_check_interval{100};
  // Steps, memory, time and output of one script run (lang/sandbox/sandbox.h).
  lang::Limits limits;
  // Limits of particular scripts, by Server Script name, in place of
  // `limits` (site_config server_script_limits: scripting/script_limits.h).
  std::map<std::string, lang::Limits> script_limits;
  const lang::Limits& limits_for(const std::string& script_name) const {
    auto found = script_limits.find(script_name);
    return found == script_limits.end() ? limits : found->second;
  }
  // frappe.enqueue(method, **kwargs): called once the transaction the script
  // ran in commits (never when it rolls back; at once when the run is outside
  // any transaction). `method` is what the script named (an API script's
  // api_method or a whitelisted method), `kwargs` its keyword arguments, and
  // `options` the enqueue options it passed (queue, timeout, job_name,
  // at_front, job_id, deduplicate, event, is_async, enqueue_after_commit).
  // The job must run the method as frappe.call would (the same whitelist
  // rule). Unset: frappe.enqueue raises (background jobs not configured).
  std::function<void(model::Session&, const std::string& method, const Json& kwargs,
                     const Json& options)>
      enqueue;
  // is_job_queued(job_name, queue): whether a job of that name (the
  // enqueue's job_name, else its method) waits or runs in `queue`, as
  // Frappe's get_jobs(key="job_name") over the queued and started jobs.
  // Unset: is_job_queued raises NotImplementedError (no job queue here).
  std::function<bool(model::Session&, const std::string& job_name, const std::string& queue)>
      job_queued;
  // Whitelisted methods other than API scripts (the site's /api/method
  // table, which this layer cannot see; filled in by whoever serves it).
  // `whitelisted`: whether the session's user may call `method` (the guest
  // rule), asked by frappe.enqueue before it queues anything, so a method
  // that is not whitelisted fails in the script with PermissionError.
  // `call_method`: runs it now in the session and its transaction with
  // `kwargs` as form_dict and returns its value (frappe.call; enqueue with
  // now=True). Unset: only API scripts and ping are whitelisted.
  std::function<bool(model::Session&, const std::string& method)> whitelisted;
  std::function<Json(model::Session&, const std::string& method, const Json& kwargs)> call_method;
  // The next_execution of a Scheduled Job Type a Scheduler Event script keeps
  // (spec §2.3, §12 case 18): the jobs layer's next due time for the job type
  // document about to be saved (frequency, cron_format, last_execution,
  // creation), as the site's wall-clock text. A bad cron throws
  // ValidationError. Unset: left to the scheduler's next pass.
  std::function<std::string(model::Session&, const model::Document& job_type)> next_execution;
  // frappe.make_*_request: the network allow-list, timeouts, size and
  // redirect caps (http_client.h; site_config keys in docs/scripting.md).
  HttpPolicy http;
};

// An Error Log for a script run that failed (spec §3.11): `title` names
// what failed, `error` is its traceback, and what the run printed before
// the failure is appended. Inserted in a transaction of its own: call it
// once the failed work has been rolled back (session.after_rollback, a job's
// failure handler).
void log_failed_run(model::Session& session, const std::string& title, const std::string& error,
                    const std::vector<std::string>& printed);

// Reads `server_script_enabled` from <bench>/sites/common_site_config.json
// (false when the file or key is missing or unreadable).
bool read_server_script_enabled(const std::string& common_site_config_path);
// The same as an `enabled` setting for a long-running process: the file is
// read again only when its modification time changes (one stat per run).
std::function<bool()> server_script_enabled_setting(const std::string& common_site_config_path);

// One Server Script row as the map keeps it.
struct ScriptInfo {
  std::string name;
  std::string script_type;
  std::string reference_doctype;
  std::string doctype_event;
  std::string api_method;
  std::string modified;
  std::string script;
  bool allow_guest = false;
  bool enable_rate_limit = false;
  std::int64_t rate_limit_count = 5;
  std::int64_t rate_limit_seconds = 86400;
  // Its compiled code, once a run needed it (ServerScripts::program_for).
  mutable std::atomic<std::shared_ptr<const lang::Program>> program;
  // program_reach() of that code, once a run needed it (-1 before).
  mutable std::atomic<int> reach{-1};
};

// What the Server Script table looked like when a map was read: a save,
// delete or rename anywhere changes one of the two.
struct ScriptTableStamp {
  std::int64_t rows = -1;
  std::string latest_modified;
  bool operator==(const ScriptTableStamp&) const = default;
};

struct ScriptMap {
  ScriptTableStamp stamp;
  // reference_doctype -> event label -> scripts, most recently modified
  // first (looked up by string_view: no copies per document event).
  std::map<std::string,
           std::map<std::string, std::vector<std::shared_ptr<const ScriptInfo>>, std::less<>>,
           std::less<>>
      doc_events;
  std::map<std::string, std::shared_ptr<const ScriptInfo>> permission_query;  // by doctype
  std::map<std::string, std::shared_ptr<const ScriptInfo>> api;               // by api_method
  std::map<std::string, std::shared_ptr<const ScriptInfo>> by_name;           // every enabled one
};

// The label of spec §2.1 for a controller method ("validate" -> "Before Save"), or "".
std::string_view event_label(std::string_view method);

// Limits an API script declares (spec §11), for the HTTP layer.
struct RateLimit {
  std::int64_t limit = 5;
  std::int64_t seconds = 86400;
};

// What one script has done in this process (spec: observability).
struct ScriptStats {
  std::string name;
  std::int64_t executions = 0;
  std::int64_t failures = 0;
  double p50_micros = 0;  // over the last kStatsWindow runs
  double p99_micros = 0;
  std::int64_t steps_total = 0;  // VM steps (loop iterations, calls, allocation) over all runs
};

class ServerScripts {
 public:
  static constexpr std::size_t kStatsWindow = 1024;
  explicit ServerScripts(ScriptSettings settings = {});

  // Registers the Server Script controller, the DocType event dispatcher and
  // the permission-query hook in the site's event registry.
  void install(model::EventRegistry& events);

  bool enabled() const;
  // ServerScriptNotEnabled (spec §3.1) when scripts are off.
  void check_enabled() const;

  // The map of enabled scripts: cached, rebuilt after a save in this process
  // or when the table changed in another (settings().map_check_interval).
  std::shared_ptr<const ScriptMap> script_map(model::Session& session);
  void clear_cache();

  // The compiled code of a script (cached by name and modified).
  std::shared_ptr<const lang::Program> program_for(const ScriptInfo& info);
  // program_reach() of that program, worked out once per map entry.
  static int reach_for(const ScriptInfo& info, const lang::Program& program);

  // Runs every DocType Event script of `doc.doctype` for the controller method `event`.
  void run_doc_event(model::Session& session, model::Document& doc, std::string_view event);
  // The Permission Query script's validated conditions for `doctype` ("" when none).
  std::string permission_query(model::Session& session, const std::string& doctype);

  // execute_method of an API script: guest rule, rate limit, run; returns
  // the script's frappe.flags (spec §2.2). Needs a RequestState for `session`.
  Json execute_api(model::Session& session, const ScriptInfo& info);
  // An API script by api_method, or null when there is none.
  std::shared_ptr<const ScriptInfo> find_api(model::Session& session, const std::string& method);
  std::shared_ptr<const ScriptInfo> find_by_name(model::Session& session, const std::string& name);
  std::optional<RateLimit> rate_limit(model::Session& session, const std::string& method);

  // Runs a Scheduler Event script now (commits on success, rolls back on failure).
  void execute_scheduled(model::Session& session, const std::string& name);
  // Runs a Workflow Task script for `doc` (spec §1.3 execute_workflow_task:
  // locals {doc}, frappe.db.commit allowed; committed on success, rolled back
  // on failure). DoesNotExistError for any other script type, as Frappe.
  // Nothing in quire calls it on a workflow transition yet (no workflow
  // engine): `quire execute-script NAME --doc DocType/name` does.
  void execute_workflow_task(model::Session& session, const std::string& name,
                             model::Document& doc);

  const ScriptSettings& settings() const { return settings_; }

  // Every script that ran in this process, by name (for `script-stats` and an API method).
  std::vector<ScriptStats> stats() const;
  // Called by every run (engine.cpp).
  void record_run(const std::string& name, double micros, std::int64_t steps, bool failed);

 private:
  void validate_server_script(model::Session& session, model::Document& doc);
  void sync_scheduled_job_type(model::Session& session, model::Document& doc);
  void stop_scheduled_jobs(model::Session& session, const std::string& script_name);
  void check_rate(const ScriptInfo& info, const std::string& client_ip);
  // The compiled-code cache by (name, modified, source), shared by map rebuilds.
  std::shared_ptr<const lang::Program> compiled_program(const ScriptInfo& info);

  ScriptSettings settings_;
  bool changed_elsewhere(model::Session& session, const ScriptMap& map);

  std::mutex mutex_;
  std::shared_ptr<const ScriptMap> map_;
  std::atomic<std::int64_t> map_checked_{0};  // steady_clock ticks of the last table check
  struct CompiledEntry {
    std::string modified;
    std::string source;
    std::shared_ptr<const lang::Program> program;
  };
  std::map<std::string, CompiledEntry> compiled_;
  struct Window {
    std::chrono::steady_clock::time_point start;
    std::int64_t count = 0;
  };
  std::map<std::pair<std::string, std::string>, Window> rate_windows_;
  struct Counters {
    std::int64_t executions = 0, failures = 0, steps = 0;
    std::vector<double> recent;  // ring of the last kStatsWindow durations
    std::size_t next = 0;
  };
  mutable std::mutex stats_mutex_;
  std::map<std::string, Counters> counters_;
};

}  // namespace quire::scripting
