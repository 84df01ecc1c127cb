#include "cli/cmd_scripts.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>

#include "model/errors.h"
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

Command add_execute_script_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string name;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand(
      "execute-script", "Run a Server Script now (Scheduler Event: committed; API: as a POST)");
  app->add_option("NAME", options->name, "The Server Script's name")->required();
  app->add_option("--site", options->site, "The site (default: the only or default site)");
  return {
      app, [options, &globals]() -> int {
        site::Sites sites(globals.sites_dir);
        std::string name = sites.resolve(options->site);
        auto db = sites.open_database(name);
        site::SiteDocuments documents;
        documents.load(*db);
        scripting::ScriptSettings settings;
        std::string common = sites.common_config_path().string();
        settings.enabled = scripting::server_script_enabled_setting(common);
        scripting::ServerScripts scripts(settings);
        scripts.install(documents.events);
        model::Session session(*db, documents.metas, documents.events);
        auto info = scripts.find_by_name(session, options->name);
        if (!info) throw site::SiteError("no enabled Server Script named '" + options->name + "'");
        try {
          if (info->script_type == "Scheduler Event") {
            scripting::RequestState request;
            scripting::RequestScope scope(session, request);
            scripts.execute_scheduled(session, info->name);
            print_messages(request);
            std::cout << "ran " << info->name << "\n";
            return 0;
          }
          if (info->script_type == "API") {
            scripting::RequestState request;
            request.http_method = "POST";
            auto r = scripting::run_api_script(scripts, session, info->api_method, request);
            print_messages(request);
            std::cout << r->body.dump(1) << "\n";
            return r->status < 400 ? 0 : 1;
          }
        } catch (const scripting::ScriptError& e) {
          std::cerr << (e.traceback().empty() ? e.python_type() + ": " + e.what() : e.traceback());
          if (!e.traceback().empty() && e.traceback().back() != '\n') std::cerr << "\n";
          return 1;
        } catch (const model::FrappeError& e) {
          std::cerr << model::class_name(e.kind()) << ": " << e.what() << "\n";
          return 1;
        }
        throw site::SiteError("Server Script '" + info->name + "' is a " + info->script_type +
                              " script; execute-script runs Scheduler Event and API scripts");
      }};
}

}  // namespace

std::vector<Command> add_script_commands(CLI::App& root, const Globals& globals) {
  return {add_execute_script_command(root, globals)};
}

}  // namespace quire::cli
