#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"

namespace quire::site {

// Throws SiteError unless `name` can name a site: 1 to 64 characters from
// letters, digits, '.', '-' and '_', not starting with '.' or '-' (a site name
// is a host name and a folder name, so nothing may climb out of sites/).
void validate_site_name(std::string_view name);

struct NewSite {
  std::string admin_password;
  // Where the database lives: "sqlite:///PATH" (a relative PATH is inside the
  // site's folder). Empty means the default, sites/NAME/site.db.
  std::string db_url;
};

// The sites folder, laid out as Frappe's bench lays it out:
//   sites/common_site_config.json     configuration shared by every site
//   sites/NAME/site_config.json       one site's configuration (overrides)
//   sites/NAME/site.db                its SQLite database
class Sites {
 public:
  explicit Sites(std::filesystem::path dir) : dir_(std::move(dir)) {}

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path common_config_path() const { return dir_ / "common_site_config.json"; }
  std::filesystem::path site_dir(std::string_view name) const { return dir_ / name; }
  std::filesystem::path site_config_path(std::string_view name) const {
    return site_dir(name) / "site_config.json";
  }

  bool exists(std::string_view name) const;

  // Names of the sites present, sorted.
  std::vector<std::string> list() const;

  // The site a command acts on: `name` when given (it must exist), else the
  // common config's "default_site", else the only site there is. Throws
  // SiteError saying what to pass when none of these settles it.
  std::string resolve(const std::optional<std::string>& name) const;

  // The common configuration with the site's own keys laid over it. Throws
  // SiteError when either file cannot be read.
  nlohmann::json config(std::string_view name) const;

  // Where the site's SQLite database file is.
  std::filesystem::path database_path(std::string_view name) const;

  // Creates the site: its folder, config, database at the latest schema, the
  // core DocTypes with the standard roles and users, and the Administrator's
  // password hash. Throws SiteError (name taken or invalid, bad URL) and
  // leaves nothing behind on any failure.
  void create(std::string_view name, const NewSite& options) const;

  // Opens an existing site's database and brings its schema up to date.
  // Throws db::DbError.
  std::unique_ptr<db::Database> open_database(std::string_view name) const;

  // Sets one key in the common config (`name` empty) or in a site's config.
  void set_config(const std::optional<std::string>& name, const std::string& key,
                  const nlohmann::json& value) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace quire::site
