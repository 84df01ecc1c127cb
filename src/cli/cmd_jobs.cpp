#include "cli/cmd_jobs.h"

#include <signal.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/site_runtime.h"
#include "http/site_app.h"
#include "jobs/civil_time.h"
#include "jobs/job_queue.h"
#include "jobs/queue_schema.h"
#include "jobs/scheduler.h"
#include "jobs/site_jobs.h"
#include "site/site_documents.h"
#include "site/site_error.h"
#include "site/sites.h"

namespace quire::cli {
namespace {

// The site's database with the job tables up to date, and its config.
struct SiteHandle {
  site::Sites sites;
  std::string name;
  nlohmann::json config;
  std::unique_ptr<db::Database> db;

  SiteHandle(const Globals& globals, const std::optional<std::string>& site)
      : sites(globals.sites_dir), name(sites.resolve(site)), config(sites.config(name)) {
    db = sites.open_database(name);
    jobs::migrate_queue_schema(*db);
  }
  jobs::Scheduler::Opener opener() const {
    return [sites = sites, name = name] { return sites.open_database(name); };
  }
};

// Bad options are usage errors (exit 2), as the other commands report them.
template <typename Body>
auto usage_errors(Body&& body) {
  try {
    return body();
  } catch (const jobs::JobError& e) {
    throw site::SiteError(e.what());
  }
}

std::string when(std::optional<jobs::Millis> instant) {
  return instant ? jobs::format_utc(*instant) + " UTC" : "-";
}

// Runs until nothing is claimable and nothing is running, then reports.
int run_burst(jobs::SiteJobs& jobs, SiteHandle& site, const std::vector<std::string>& queues) {
  using namespace std::chrono;
  const auto start = steady_clock::now();
  while (jobs.queue().has_claimable(*site.db, queues) || jobs.pool()->held() > 0) {
    std::this_thread::sleep_for(milliseconds(2));
  }
  jobs.stop();
  const double seconds = duration<double>(steady_clock::now() - start).count();
  auto stats = jobs.pool()->stats();
  const auto ran = stats.finished + stats.failed;
  std::cout << "ran " << ran << " jobs (" << stats.failed << " failed) in " << seconds
            << " s: " << static_cast<std::int64_t>(static_cast<double>(ran) / seconds)
            << " jobs/s\n";
  return 0;
}

Command add_worker_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::vector<std::string> queues = {"short", "default", "long"};
    std::optional<int> threads;
    bool with_scheduler = false;
    bool burst = false;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand("worker", "Run background jobs until SIGINT or SIGTERM");
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  app->add_option("--queue", options->queues,
                  "Queues to drain, in order (default: short,default,long)")
      ->delimiter(',');
  app->add_option("--threads", options->threads,
                  "Worker threads (default: the config's background_workers, else 2)")
      ->check(CLI::Range(1, 256));
  app->add_flag("--with-scheduler", options->with_scheduler,
                "Also run the scheduler (for a site served without `quire serve`)");
  app->add_flag("--burst", options->burst,
                "Exit once the queues are empty, printing the throughput (as `rq worker --burst`)");

  return {app, [options, &globals] {
            SiteHandle site(globals, options->site);
            // Block the stop signals before any thread starts, so that only
            // sigwait below receives them.
            sigset_t stop_signals;
            sigemptyset(&stop_signals);
            sigaddset(&stop_signals, SIGINT);
            sigaddset(&stop_signals, SIGTERM);
            pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

            // The site as `quire serve` has it: its own DocTypes and Custom
            // Fields for the documents jobs write, and its whitelisted
            // methods for frappe.enqueue's jobs.
            http::SiteApp site_app(site.opener(), site.config);
            site::SiteDocuments& documents = site_app.documents();
            auto scripts = start_server_scripts(site.sites, site.config, documents.events,
                                                &site_app, site.name);
            jobs::SiteJobsOptions jobs_options;
            jobs_options.threads = options->threads;
            jobs_options.queues = options->queues;
            jobs_options.run_scheduler = options->with_scheduler;
            jobs_options.site_name = site.name;
            jobs_options.metas = &documents.metas;
            jobs_options.events = &documents.events;
            auto jobs = usage_errors([&] {
              return std::make_unique<jobs::SiteJobs>(site.opener(), site.config, jobs_options);
            });
            add_script_job_handlers(jobs->handlers(), *scripts, site_app);
            jobs->start();
            if (options->burst) return run_burst(*jobs, site, options->queues);
            std::cerr << "quire: worker " << jobs->pool()->name() << " running jobs of site "
                      << site.name << (jobs->scheduler() ? " with the scheduler" : "")
                      << " (Ctrl-C to stop)" << std::endl;
            int received = 0;
            sigwait(&stop_signals, &received);
            std::cerr << "quire: stopping; running jobs finish first" << std::endl;
            jobs->stop();
            auto stats = jobs->pool()->stats();
            std::cerr << "quire: worker stopped after " << stats.finished << " finished and "
                      << stats.failed << " failed jobs" << std::endl;
            return 0;
          }};
}

Command add_scheduler_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand("scheduler", "Turn the scheduler on or off, or show its state");
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  app->require_subcommand(1);
  auto* enable = app->add_subcommand("enable", "Let the scheduler enqueue due jobs");
  auto* disable = app->add_subcommand("disable", "Stop the scheduler enqueueing jobs");
  app->add_subcommand("status", "Show the switch, the leader and every job type's next run");

  return {
      app, [options, &globals, enable, disable] {
        SiteHandle site(globals, options->site);
        if (*enable || *disable) {
          jobs::set_scheduler_enabled(*site.db, enable->parsed());
          std::cout << "scheduler " << (enable->parsed() ? "enabled" : "disabled") << " for site "
                    << site.name << "\n";
          return 0;
        }
        auto state = jobs::read_scheduler_state(*site.db);
        jobs::SystemClock clock;
        const jobs::Millis now = clock.now_ms();
        std::cout << "scheduler: " << (state.enabled ? "enabled" : "disabled") << "\n";
        if (state.leader && state.lease_until > now) {
          std::cout << "leader: " << *state.leader << " (lease until " << when(state.lease_until)
                    << ")\n";
        } else {
          std::cout << "leader: none running\n";
        }
        jobs::JobQueue queue(clock, jobs::queue_options_from_config(site.config));
        auto counts = queue.counts(*site.db);
        std::cout << "jobs: " << counts[jobs::JobStatus::queued] << " queued, "
                  << counts[jobs::JobStatus::running] << " running, "
                  << counts[jobs::JobStatus::finished] << " finished, "
                  << counts[jobs::JobStatus::failed] << " failed\n";
        jobs::DatabaseJobTypeSource source;
        auto last_enqueued = jobs::read_last_enqueued(*site.db);
        const auto zone = model::site_time_zone(*site.db);
        for (const auto& type : source.load(*site.db)) {
          std::cout << "  " << type.name << "  [" << type.frequency << "]";
          if (type.stopped) {
            std::cout << "  stopped\n";
            continue;
          }
          try {
            auto cron = jobs::CronExpr::parse(jobs::cron_text_for(
                type, usage_errors([&] { return jobs::all_interval_from_config(site.config); })));
            std::optional<jobs::Millis> last;
            if (auto found = last_enqueued.find(type.name); found != last_enqueued.end()) {
              last = found->second;
            }
            std::cout << "  " << cron.text() << "  last run " << when(type.last_execution)
                      << "  next due "
                      << when(jobs::next_due_time(type, cron, last, zone,
                                                  jobs::maintenance_offset_for_site(site.name)))
                      << "\n";
          } catch (const jobs::CronError& e) {
            std::cout << "  skipped: " << e.what() << "\n";
          }
        }
        return 0;
      }};
}

nlohmann::json job_json(const jobs::Job& job) {
  auto optional_text = [](const std::optional<std::string>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
  };
  auto optional_time = [](const std::optional<jobs::Millis>& t) {
    return t ? nlohmann::json(jobs::format_utc(*t)) : nlohmann::json(nullptr);
  };
  return {{"id", job.id},
          {"job_id", optional_text(job.job_id)},
          {"queue", job.queue},
          {"method", job.method},
          {"args", nlohmann::json::parse(job.args, nullptr, false)},
          {"status", std::string(jobs::to_string(job.status))},
          {"attempts", job.attempts},
          {"enqueued_at", jobs::format_utc(job.enqueued_at)},
          {"started_at", optional_time(job.started_at)},
          {"finished_at", optional_time(job.finished_at)},
          {"worker", optional_text(job.worker)},
          {"error", optional_text(job.error)}};
}

Command add_jobs_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::optional<std::string> status;
    int limit = 20;
    bool json = false;
    std::string method;
    std::string args = "{}";
    std::string queue = "default";
    std::optional<std::string> job_id;
    int count = 1;
    std::optional<std::int64_t> id;
    bool all = false;
    std::vector<std::string> purge_statuses = {"finished", "failed"};
    double older_than_days = 0;
  };
  auto o = std::make_shared<Options>();
  auto* app = root.add_subcommand("jobs", "List, enqueue, retry and purge background jobs");
  app->add_option("--site", o->site, "The site (default: the default or only site)");
  app->require_subcommand(1);

  auto* list = app->add_subcommand("list", "List jobs, newest first");
  list->add_option("--status", o->status, "Only jobs in this status")
      ->check(CLI::IsMember({"queued", "running", "finished", "failed"}));
  list->add_option("--limit", o->limit, "How many (default 20)")->check(CLI::Range(1, 1000000));
  list->add_flag("--json", o->json, "One JSON array instead of a table");

  auto* enqueue = app->add_subcommand("enqueue", "Add a job (or --count copies of it)");
  enqueue->add_option("METHOD", o->method, "The handler to run, e.g. quire.noop")->required();
  enqueue->add_option("--args", o->args, "Keyword arguments as a JSON object");
  enqueue->add_option("--queue", o->queue, "short, default or long");
  enqueue->add_option("--job-id", o->job_id, "Skip if a job with this id is queued or running");
  enqueue->add_option("--count", o->count, "How many copies (one transaction)")
      ->check(CLI::Range(1, 10000000));

  auto* retry = app->add_subcommand("retry", "Queue failed jobs again");
  auto* retry_id = retry->add_option("ID", o->id, "The job's id (see `quire jobs list`)");
  auto* retry_all = retry->add_flag("--all", o->all, "Every failed job");
  retry_id->excludes(retry_all);

  auto* purge = app->add_subcommand("purge", "Delete ended jobs");
  purge->add_option("--status", o->purge_statuses, "finished, failed or both (default both)")
      ->delimiter(',')
      ->check(CLI::IsMember({"finished", "failed"}));
  purge
      ->add_option("--older-than-days", o->older_than_days,
                   "Only jobs that ended at least this many days ago (default 0: all)")
      ->check(CLI::Range(0.0, 36500.0));

  return {app, [o, &globals, list, enqueue, retry, purge] {
            SiteHandle site(globals, o->site);
            jobs::SystemClock clock;
            jobs::JobQueue queue(clock, jobs::queue_options_from_config(site.config));
            if (*list) {
              std::optional<jobs::JobStatus> status;
              if (o->status) status = jobs::job_status_from(*o->status);
              auto listed = queue.list(*site.db, status, o->limit);
              if (o->json) {
                auto out = nlohmann::json::array();
                for (const auto& job : listed) out.push_back(job_json(job));
                std::cout << out.dump(1) << "\n";
                return 0;
              }
              for (const auto& job : listed) {
                std::cout << job.id << "  " << jobs::to_string(job.status) << "  " << job.queue
                          << "  " << job.method << "  attempts " << job.attempts << "  "
                          << jobs::format_utc(job.enqueued_at);
                if (job.error) std::cout << "  " << *job.error;
                std::cout << "\n";
              }
              return 0;
            }
            if (*enqueue) {
              jobs::EnqueueRequest request;
              request.method = o->method;
              request.args = o->args;
              request.queue = o->queue;
              request.job_id = o->job_id;
              int added = 0;
              usage_errors([&] {
                db::in_transaction(*site.db, [&] {
                  for (int i = 0; i < o->count; ++i) {
                    if (queue.enqueue(*site.db, request)) ++added;
                  }
                });
                return 0;
              });
              std::cout << "enqueued " << added << " job" << (added == 1 ? "" : "s") << "\n";
              return 0;
            }
            if (*retry) {
              if (!o->id && !o->all) throw site::SiteError("say which job to retry, or --all");
              int retried = usage_errors([&] { return queue.retry(*site.db, o->id); });
              std::cout << "queued " << retried << " failed job" << (retried == 1 ? "" : "s")
                        << " again\n";
              return retried == 0 && o->id ? 1 : 0;
            }
            if (*purge) {
              std::vector<jobs::JobStatus> statuses;
              for (const auto& s : o->purge_statuses) statuses.push_back(jobs::job_status_from(s));
              const auto cutoff =
                  clock.now_ms() - static_cast<jobs::Millis>(o->older_than_days * 86'400'000.0);
              int purged = queue.purge(*site.db, statuses, cutoff + 1);
              std::cout << "purged " << purged << " job" << (purged == 1 ? "" : "s") << "\n";
            }
            return 0;
          }};
}

}  // namespace

std::vector<Command> add_jobs_commands(CLI::App& root, const Globals& globals) {
  return {add_worker_command(root, globals), add_scheduler_command(root, globals),
          add_jobs_command(root, globals)};
}

}  // namespace quire::cli
