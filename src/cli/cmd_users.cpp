#include "cli/cmd_users.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "http/site_app.h"
#include "http/users.h"
#include "model/errors.h"
#include "model/lifecycle.h"
#include "model/transaction.h"
#include "site/site_error.h"
#include "site/sites.h"

namespace quire::cli {
namespace {

// Runs `body` as Administrator in one transaction on the chosen site, with the
// same hooks `quire serve` installs (so passwords are hashed the same way).
// Model errors (unknown user, duplicate...) become usage errors with
// Frappe's message.
void with_site(const Globals& globals, const std::optional<std::string>& site_name,
               const std::function<void(model::Session&)>& body) {
  site::Sites sites(globals.sites_dir);
  auto name = sites.resolve(site_name);
  http::SiteApp app([&sites, name] { return sites.open_database(name); }, sites.config(name));
  model::Session session(app.connection(), app.metas(), app.events());
  try {
    model::Transaction tx(session);
    body(session);
    tx.commit();
  } catch (const model::FrappeError& e) {
    throw site::SiteError(std::string(model::class_name(e.kind())) + ": " + e.what());
  }
}

std::string password_from_environment_or_stdin() {
  if (const char* from_env = std::getenv("QUIRE_PASSWORD"); from_env && *from_env) return from_env;
  std::string line;
  if (!std::getline(std::cin, line) || line.empty()) {
    throw site::SiteError("no password: pass --password, set QUIRE_PASSWORD or give it on stdin");
  }
  return line;
}

std::vector<std::string> split_roles(const std::string& text) {
  std::vector<std::string> roles;
  std::stringstream in(text);
  std::string role;
  while (std::getline(in, role, ',')) {
    auto first = role.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    roles.push_back(role.substr(first, role.find_last_not_of(' ') - first + 1));
  }
  return roles;
}

Command add_user(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string email, first_name, last_name, roles;
    std::optional<std::string> password;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand("add-user", "Create a user (a User document) on a site");
  app->add_option("EMAIL", options->email, "The user's email, which is also its name")->required();
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  app->add_option("--first-name", options->first_name,
                  "First name (default: the email's user part)");
  app->add_option("--last-name", options->last_name, "Last name");
  app->add_option("--password", options->password, "Login password (default: none, set later)");
  app->add_option("--roles", options->roles, "Comma-separated roles, e.g. \"System Manager\"");
  return {app, [options, &globals] {
            with_site(globals, options->site, [&](model::Session& session) {
              auto doc = model::new_doc(session, "User");
              doc->set("email", options->email);
              std::string first = options->first_name;
              if (first.empty()) first = options->email.substr(0, options->email.find('@'));
              doc->set("first_name", first);
              if (!options->last_name.empty()) doc->set("last_name", options->last_name);
              doc->set("enabled", 1);
              for (const auto& role : split_roles(options->roles)) {
                doc->append("roles", {{"role", role}});
              }
              if (options->password) doc->set("new_password", *options->password);
              model::insert(session, *doc);
              std::cout << "Created user " << doc->name_text() << "\n";
            });
            return 0;
          }};
}

Command set_password(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string user;
    std::optional<std::string> password;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand("set-password", "Set a user's login password");
  app->add_option("USER", options->user, "The user (Administrator, or a user's email)")->required();
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  app->add_option("--password", options->password,
                  "The new password (default: $QUIRE_PASSWORD, else read from stdin)");
  return {app, [options, &globals] {
            std::string password =
                options->password ? *options->password : password_from_environment_or_stdin();
            if (password.empty()) throw site::SiteError("the password cannot be empty");
            with_site(globals, options->site, [&](model::Session& session) {
              http::set_user_password(session, options->user, password);
            });
            std::cout << "Password set for " << options->user << "\n";
            return 0;
          }};
}

Command generate_api_key(CLI::App& root, const Globals& globals) {
  struct Options {
    std::optional<std::string> site;
    std::string user;
  };
  auto options = std::make_shared<Options>();
  auto* app = root.add_subcommand(
      "generate-api-key", "Give a user a new API secret (and a key if it has none); prints both");
  app->add_option("USER", options->user, "The user")->required();
  app->add_option("--site", options->site, "The site (default: the default or only site)");
  return {app, [options, &globals] {
            http::ApiKeys keys;
            with_site(globals, options->site, [&](model::Session& session) {
              keys = http::generate_api_keys(session, options->user);
            });
            std::cout << "api_key: " << keys.api_key << "\napi_secret: " << keys.api_secret
                      << "\nThe secret is shown only now (it is stored hashed). Use it as\n"
                      << "  Authorization: token " << keys.api_key << ":" << keys.api_secret
                      << "\n";
            return 0;
          }};
}

}  // namespace

std::vector<Command> add_user_commands(CLI::App& root, const Globals& globals) {
  return {add_user(root, globals), set_password(root, globals), generate_api_key(root, globals)};
}

}  // namespace quire::cli
