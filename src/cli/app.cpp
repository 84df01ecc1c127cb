#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <vector>

#include "cli/cmd_exec.h"
#include "cli/cmd_jobs.h"
#include "cli/cmd_script_stats.h"
#include "cli/cmd_scripts.h"
#include "cli/cmd_users.h"
#include "cli/commands.h"
#include "site/site_error.h"

namespace quire::cli {

int run(int argc, char** argv) {
  CLI::App app{"quire: documents and server scripts, in one program", "quire"};
  app.set_version_flag("--version", std::string("quire ") + QUIRE_VERSION);
  app.require_subcommand(0, 1);
  Globals globals;
  app.add_option("--sites-dir", globals.sites_dir, "Folder holding the sites (default: ./sites)")
      ->envname("QUIRE_SITES_DIR");

  std::vector<Command> commands = {
      add_new_site_command(app, globals),
      add_serve_command(app, globals),
      add_set_config_command(app, globals),
      add_exec_command(app, globals),
  };
  commands.push_back(add_script_stats_command(app, globals));
  for (auto& command : add_jobs_commands(app, globals)) commands.push_back(std::move(command));
  for (auto& command : add_user_commands(app, globals)) commands.push_back(std::move(command));
  for (auto& command : add_script_commands(app, globals)) commands.push_back(std::move(command));
  auto* help = app.add_subcommand("help", "Show this help, or a command's help");
  std::string help_topic;
  help->add_option("COMMAND", help_topic, "The command to describe");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "quire: " << e.what() << " (see `quire help`)\n";
    return 2;
  }

  if (app.get_subcommands().empty() || *help) {
    if (help_topic.empty()) {
      // app.help() would describe the chosen subcommand (`help` itself).
      std::cout << app.get_formatter()->make_help(&app, "quire", CLI::AppFormatMode::Normal);
      return 0;
    }
    for (const auto& command : commands) {
      if (command.app->get_name() == help_topic) {
        std::cout << command.app->help();
        return 0;
      }
    }
    std::cerr << "quire: no command named '" << help_topic << "' (see `quire help`)\n";
    return 2;
  }

  for (const auto& command : commands) {
    if (!*command.app) continue;
    try {
      return command.run();
    } catch (const site::SiteError& e) {
      std::cerr << "quire: " << e.what() << "\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "quire: " << e.what() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace quire::cli
