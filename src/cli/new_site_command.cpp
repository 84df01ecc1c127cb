#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "site/password.h"
#include "site/sites.h"

namespace quire::cli {

Command add_new_site_command(CLI::App& root, const Globals& globals) {
  struct Options {
    std::string name;
    std::string admin_password;
    std::string db_url;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand("new-site", "Create a site: its folder, config and database");
  app->add_option("NAME", options->name, "The site's name (a host name, e.g. localhost)")
      ->required();
  app->add_option("--admin-password", options->admin_password,
                  "Administrator's password (default: $QUIRE_ADMIN_PASSWORD, else generated)");
  app->add_option("--db", options->db_url,
                  "Database URL (default: sqlite:///site.db inside the site's folder)");

  return {app, [options, &globals] {
            site::NewSite request{options->admin_password, options->db_url};
            bool generated = false;
            if (request.admin_password.empty()) {
              const char* from_env = std::getenv("QUIRE_ADMIN_PASSWORD");
              if (from_env && *from_env) {
                request.admin_password = from_env;
              } else {
                request.admin_password = site::generate_password();
                generated = true;
              }
            }
            site::Sites sites(globals.sites_dir);
            sites.create(options->name, request);
            std::cout << "Created site " << options->name << " in "
                      << sites.site_dir(options->name).string() << " (database "
                      << sites.database_path(options->name).string() << ")\n";
            if (generated) {
              std::cout << "Administrator login: user Administrator, password "
                        << request.admin_password << "\n"
                        << "This password is shown only now: keep it somewhere safe.\n";
            } else {
              std::cout << "Administrator login: user Administrator, with the password given\n";
            }
            return 0;
          }};
}

}  // namespace quire::cli
