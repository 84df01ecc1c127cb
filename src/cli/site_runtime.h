#pragma once
// The glue that makes a site's Server Scripts (issue 7) part of the running
// product: `quire serve` answers API scripts over /api/method and runs
// DocType Event and Permission Query scripts on REST writes and lists; the
// job workers (`quire serve` and `quire worker`) run Scheduler Event scripts.
//
// It lives in the CLI layer because it is the one that sees every other:
// http and jobs do not know each other, and scripting does not know http.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/methods.h"
#include "http/site_app.h"
#include "jobs/handler_registry.h"
#include "model/events.h"
#include "model/meta_store.h"
#include "scripting/server_scripts.h"
#include "site/sites.h"

namespace quire::cli {

// The site's ServerScripts, with its settings from the configs:
// `server_script_enabled` from sites/common_site_config.json (re-read when
// the file changes, looked at no more than once a second), and per-run limits from the site config:
//   server_script_max_steps    VM steps per run (default 50,000,000)
//   server_script_timeout_ms   wall clock per run (default 10,000; 0 = none)
//   server_script_max_memory   heap bytes per run (default 256 MiB)
//   server_script_limits       the same for particular scripts, by Server
//                              Script name (scripting/script_limits.h)
// A malformed limit is a site::SiteError naming the key and the value.
// The scripts are installed into `events` (Server Script controller, DocType
// Event dispatcher, permission-query hook); `events` must outlive them.
// Saving a Scheduler Event script writes its job type's next_execution as
// the scheduler computes it (scheduler_interval; `site_name` sets the
// Maintenance offset). With `site`, frappe.call and frappe.enqueue reach the
// site's whitelisted methods (its /api/method table) besides API scripts;
// `site` must outlive the scripts.
std::unique_ptr<scripting::ServerScripts> start_server_scripts(const site::Sites& sites,
                                                               const nlohmann::json& site_config,
                                                               model::EventRegistry& events,
                                                               http::SiteApp* site = nullptr,
                                                               const std::string& site_name = {});

// API scripts at /api/method/<api_method> and /api/v2/method/<api_method>,
// looked up before the built-in methods (as Frappe does): guest rule, the
// script's rate limit (through http's limiter, keyed by api_method and
// client address), any verb; GET rolls back unless the script commits.
// Also `quire.server_script_stats` (System Manager): per-script run counters
// of this process. Teaches the API the scripting layer's exception classes.
// Test builds of the environment only: with QUIRE_TEST_FAULT_METHODS=1,
// `quire.test.msgprint_then_fail` msgprints and then fails as the server
// itself would (a 500 without a script traceback).
void add_script_methods(http::Methods& methods, scripting::ServerScripts& scripts);

// Every API request of `site` gets the scripting layer's request state, so
// what DocType Event scripts msgprint during a REST write reaches the client
// in _server_messages, and their frappe.form_dict is the request's. A
// request that fails in a script with a server error (5xx with the script's
// traceback) leaves an Error Log with the traceback and what the script
// printed, written after the rollback.
void add_script_request_state(http::SiteApp& site, scripting::ServerScripts& scripts);

// Runs Scheduler Event scripts through the workers: the Scheduled Job Type a
// script keeps (method "<script>-<frequency>", scrubbed) is answered by a
// handler that runs the script in the job's transaction; what it printed goes
// to the job's log. Also frappe.enqueue's jobs (quire.server_script_call): an
// API script or any whitelisted method of `site`, as the user who enqueued
// it; its output is the job's, and a failure leaves an Error Log titled with
// the method. `site` and `scripts` must outlive `handlers`.
void add_script_job_handlers(jobs::HandlerRegistry& handlers, scripting::ServerScripts& scripts,
                             http::SiteApp& site);

}  // namespace quire::cli
