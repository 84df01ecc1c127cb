#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

#include "cli/commands.h"
#include "site/config_file.h"
#include "site/sites.h"

namespace quire::cli {

Command add_set_config_command(CLI::App& root, const Globals& globals) {
  struct Options {
    bool global = false;
    std::optional<std::string> site;
    std::string key;
    std::string value;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand(
      "set-config", "Set a key in a site's config, or with -g in the config all sites share");
  auto* global =
      app->add_flag("-g,--global", options->global, "Write sites/common_site_config.json");
  app->add_option("--site", options->site, "The site (default: the default or only site)")
      ->excludes(global);
  app->add_option("KEY", options->key, "The key")->required();
  app->add_option("VALUE", options->value,
                  "The value: parsed as JSON when it is JSON (1, true, {\"a\": 2}), else a string")
      ->required();

  return {app, [options, &globals] {
            site::Sites sites(globals.sites_dir);
            std::optional<std::string> target;
            if (!options->global) target = sites.resolve(options->site);
            sites.set_config(target, options->key, site::parse_config_value(options->value));
            return 0;
          }};
}

}  // namespace quire::cli
