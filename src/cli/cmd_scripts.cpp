#include "cli/cmd_scripts.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>

#include "cli/site_runtime.h"
#include "jobs/job_queue.h"
#include "jobs/job_types.h"
#include "jobs/queue_schema.h"
#include "jobs/scheduler.h"
#include "jobs/site_jobs.h"
#include "model/db_api.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/session.h"
#include "scripting/api_script.h"
#include "scripting/script_error.h"
#include "scripting/server_scripts.h"
#include "site/site_documents.h"
#include "site/site_error.h"
#include "site/sites.h"

namespace quire::cli {
namespace {

void print_messages(const scripting::RequestState& request) {
  for (const auto& line : request.debug_log) std::cout << line << "\n";
  for (const auto& m : request.message_log) {
    std::cerr << m.value("title", std::string("Message")) << ": "
              << m.value("message", std::string()) << "\n";
  }
}

// --enqueue: the run goes through the site's job queue instead of running
// here (issue 8) — a Scheduler Event script as its Scheduled Job Type's job
// (quire.run_scheduled_job, deduplicated as the scheduler does, so its
// Scheduled Job Log is written), an API script as frappe.enqueue's job
// (quire.server_script_call) as Administrator. Returns the job id, or nullopt
// when a run of the same job type is already queued or running.
std::optional<std::int64_t> enqueue_script(const site::Sites& sites, const std::string& site_name,
                                           db::Database& db, model::Session& session,
                                           const scripting::ScriptInfo& info) {
  jobs::migrate_queue_schema(db);
  jobs::EnqueueRequest request;
  if (info.script_type == "Scheduler Event") {
    model::ListArgs args;
    args.doctype = "Scheduled Job Type";
    args.fields = nlohmann::json::array({"name", "frequency"});
    args.filters = nlohmann::json{{"server_script", info.name}};
    args.limit = 1;
    nlohmann::json types = model::get_all(session, args);
    if (types.empty()) {
      throw site::SiteError("Server Script '" + info.name + "' has no Scheduled Job Type");
    }
    const std::string type = types[0].value("name", std::string());
    request.method = jobs::kRunScheduledJobMethod;
    request.args = nlohmann::json{{"job_type", type}}.dump();
    request.queue = jobs::queue_for_frequency(types[0].value("frequency", std::string()));
    request.job_id = "scheduled_job||" + type;
  } else {
    request.method = "quire.server_script_call";
    request.args = nlohmann::json{{"method", info.api_method},
                                  {"kwargs", nlohmann::json::object()},
                                  {"user", "Administrator"}}
                       .dump();
  }
  static const jobs::SystemClock clock;
  return jobs::JobQueue(clock, jobs::queue_options_from_config(sites.config(site_name)))
      .enqueue(db, request);
}

Command add_execute_script_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string name;
    bool enqueue = false;
    std::optional<std::string> doc;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand(
      "execute-script",
      "Run a Server Script now (Scheduler Event: committed; API: as a POST; Workflow Task: for "
      "--doc, committed)");
  app->add_option("NAME", options->name, "The Server Script's name")->required();
  app->add_option("--site", options->site, "The site (default: the only or default site)");
  app->add_flag("--enqueue", options->enqueue,
                "Queue the run for the site's workers instead of running it here");
  app->add_option("--doc", options->doc,
                  "For a Workflow Task script: the document it runs for, as DocType/name");
  return {
      app, [options, &globals]() -> int {
        site::Sites sites(globals.sites_dir);
        std::string name = sites.resolve(options->site);
        auto db = sites.open_database(name);
        site::SiteDocuments documents;
        documents.load(*db);
        // The site's settings as `quire serve` reads them: limits, the
        // make_*_request allow-list, frappe.enqueue into the site's queue.
        jobs::migrate_queue_schema(*db);
        auto owned =
            start_server_scripts(sites, sites.config(name), documents.events, nullptr, name);
        scripting::ServerScripts& scripts = *owned;
        model::Session session(*db, documents.metas, documents.events);
        auto info = scripts.find_by_name(session, options->name);
        if (!info) throw site::SiteError("no enabled Server Script named '" + options->name + "'");
        if (options->enqueue &&
            (info->script_type == "Scheduler Event" || info->script_type == "API")) {
          auto id = enqueue_script(sites, name, *db, session, *info);
          if (id) {
            std::cout << "enqueued job " << *id << "\n";
          } else {
            std::cout << "a run of " << info->name << " is already queued or running\n";
          }
          return 0;
        }
        // What the script printed is shown whether it succeeded or not.
        scripting::RequestState request;
        request.http_method = "POST";
        try {
          if (info->script_type == "Scheduler Event") {
            scripting::RequestScope scope(session, request);
            scripts.execute_scheduled(session, info->name);
            print_messages(request);
            std::cout << "ran " << info->name << "\n";
            return 0;
          }
          if (info->script_type == "API") {
            auto r = scripting::run_api_script(scripts, session, info->api_method, request);
            print_messages(request);
            std::cout << r->body.dump(1) << "\n";
            return r->status < 400 ? 0 : 1;
          }
          if (info->script_type == "Workflow Task") {
            if (!options->doc) {
              throw site::SiteError("Server Script '" + info->name +
                                    "' is a Workflow Task: give the document with --doc "
                                    "DocType/name");
            }
            auto slash = options->doc->find('/');
            if (slash == std::string::npos || slash == 0 || slash + 1 == options->doc->size()) {
              throw site::SiteError("--doc takes DocType/name, not '" + *options->doc + "'");
            }
            scripting::RequestScope scope(session, request);
            auto doc = model::get_doc(session, options->doc->substr(0, slash),
                                      options->doc->substr(slash + 1));
            scripts.execute_workflow_task(session, info->name, *doc);
            print_messages(request);
            std::cout << "ran " << info->name << " for " << *options->doc << "\n";
            return 0;
          }
        } catch (const scripting::ScriptError& e) {
          print_messages(request);
          std::cerr << (e.traceback().empty() ? e.python_type() + ": " + e.what() : e.traceback());
          if (!e.traceback().empty() && e.traceback().back() != '\n') std::cerr << "\n";
          return 1;
        } catch (const model::FrappeError& e) {
          print_messages(request);
          std::cerr << model::class_name(e.kind()) << ": " << e.what() << "\n";
          return 1;
        }
        throw site::SiteError("Server Script '" + info->name + "' is a " + info->script_type +
                              " script; execute-script runs Scheduler Event, API and Workflow "
                              "Task scripts");
      }};
}

}  // namespace

std::vector<Command> add_script_commands(CLI::App& root, const Globals& globals) {
  return {add_execute_script_command(root, globals)};
}

}  // namespace quire::cli
