#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace quire::cli {

// Options every command sees.
struct Globals {
  // Where the sites live; --sites-dir or QUIRE_SITES_DIR, default ./sites.
  std::string sites_dir = "sites";
};

// A subcommand: its CLI11 node (to tell whether it was chosen) and what it
// does once parsing is over. `run` returns the exit code, or throws:
// site::SiteError for bad usage (exit 2), anything else for failure (exit 1).
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

// One function per command, each in its own file.
Command add_new_site_command(CLI::App& root, const Globals& globals);
Command add_serve_command(CLI::App& root, const Globals& globals);
Command add_set_config_command(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
