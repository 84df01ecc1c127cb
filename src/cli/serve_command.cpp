#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/site_runtime.h"
#include "http/api_routes.h"
#include "http/server.h"
#include "http/site_app.h"
#include "jobs/site_jobs.h"
#include "site/site_error.h"
#include "site/sites.h"

namespace quire::cli {
namespace {

// An integer setting from the site's config, range-checked, or `fallback`.
long config_integer(const nlohmann::json& config, const char* key, long low, long high,
                    long fallback) {
  auto found = config.find(key);
  if (found == config.end()) return fallback;
  if (!found->is_number_integer() || found->get<long>() < low || found->get<long>() > high) {
    throw site::SiteError(std::string("config key ") + key + " must be an integer from " +
                          std::to_string(low) + " to " + std::to_string(high) + ", not " +
                          found->dump());
  }
  return found->get<long>();
}

// "-" is standard output, "off" disables the log, anything else is a file
// appended to.
int open_access_log(const std::string& where) {
  if (where == "-") return STDOUT_FILENO;
  if (where == "off") return -1;
  int fd = ::open(where.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw site::SiteError("cannot open access log " + where + ": " + std::strerror(errno));
  }
  return fd;
}

}  // namespace

Command add_serve_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string host = "127.0.0.1";
    std::optional<unsigned> port;
    std::optional<unsigned> workers;
    std::string access_log = "-";
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand("serve", "Serve a site over HTTP until SIGINT or SIGTERM");
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  app->add_option("--host", options->host, "Address to listen on (default: 127.0.0.1)");
  app->add_option("--port", options->port,
                  "Port (default: the config's webserver_port, else 8000; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  app->add_option("--workers", options->workers,
                  "Worker threads (default: the config's http_workers, else one per core)")
      ->check(CLI::Range(1, 1024));
  app->add_option("--access-log", options->access_log,
                  "Where the access log goes: - (standard output), off, or a file");

  return {app, [options, &globals] {
            site::Sites sites(globals.sites_dir);
            auto name = sites.resolve(options->site);
            auto config = sites.config(name);

            http::ServerOptions server_options;
            server_options.host = options->host;
            server_options.port = static_cast<unsigned short>(
                options->port ? *options->port
                              : config_integer(config, "webserver_port", 0, 65535, 8000));
            server_options.workers =
                options->workers
                    ? *options->workers
                    : static_cast<unsigned>(config_integer(config, "http_workers", 0, 1024, 0));
            server_options.limits.max_body = static_cast<size_t>(
                config_integer(config, "http_max_body_bytes", 1, 1L << 40, 10L * 1024 * 1024));

            server_options.handler_threads =
                static_cast<unsigned>(config_integer(config, "http_handler_threads", 0, 1024, 0));

            // Opens (and migrates) the database and installs the core DocTypes
            // now, so a broken site fails at start-up rather than on its first
            // request. Each handler thread opens its own connection later.
            http::SiteApp site_app([&sites, name] { return sites.open_database(name); }, config);
            // Server Scripts: DocType events and permission queries on the
            // site's documents, API scripts among the methods.
            auto scripts = start_server_scripts(sites, config, site_app.events(), &site_app, name);
            add_script_methods(site_app.methods(), *scripts);
            add_script_request_state(site_app, *scripts);

            http::AccessLog log(open_access_log(options->access_log));
            http::Router router;
            site_app.add_routes(router);
            http::Server server(server_options, router, log);
            server.listen();
            server.handle_signals();
            // The site's workers and scheduler run beside the server until it
            // stops (site config: background_workers, pause_scheduler).
            auto background =
                jobs::start_site_jobs([&sites, name] { return sites.open_database(name); }, config,
                                      name, site_app.metas(), site_app.events());
            add_script_job_handlers(background->handlers(), *scripts, site_app);
            std::cerr << "quire: serving site " << name << " on http://" << server_options.host
                      << ":" << server.port() << " with " << server.workers()
                      << " workers (Ctrl-C to stop)" << std::endl;
            server.run();
            std::cerr << "quire: stopped" << std::endl;
            return 0;
          }};
}

}  // namespace quire::cli
