#include "site/sites.h"

#include <algorithm>
#include <system_error>

#include "db/schema.h"
#include "db/sqlite/sqlite_database.h"
#include "site/config_file.h"
#include "site/fernet.h"
#include "site/password.h"
#include "site/site_documents.h"
#include "site/site_error.h"

namespace quire::site {
namespace fs = std::filesystem;

void validate_site_name(std::string_view name) {
  auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  };
  bool ok = !name.empty() && name.size() <= 64 && name.front() != '.' && name.front() != '-' &&
            std::all_of(name.begin(), name.end(), allowed);
  if (!ok) {
    throw SiteError(
        "invalid site name '" + std::string(name) +
        "': use 1 to 64 letters, digits, '.', '-' or '_', not starting with '.' or '-'");
  }
}

namespace {

// The database file a "sqlite:///PATH" URL names, relative to the site folder.
fs::path sqlite_path_from_url(const std::string& url, const fs::path& site_dir) {
  constexpr std::string_view scheme = "sqlite:///";
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    throw SiteError("PostgreSQL sites are not supported yet: use sqlite:///PATH");
  }
  if (!url.starts_with(scheme) || url.size() == scheme.size()) {
    throw SiteError("unsupported database URL '" + url + "': use sqlite:///PATH");
  }
  fs::path path = url.substr(scheme.size());
  return path.is_absolute() ? path : site_dir / path;
}

}  // namespace

bool Sites::exists(std::string_view name) const {
  std::error_code ec;
  return fs::is_regular_file(site_config_path(name), ec);
}

std::vector<std::string> Sites::list() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    auto name = it->path().filename().string();
    if (it->is_directory(ec) && exists(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Sites::resolve(const std::optional<std::string>& name) const {
  if (name) {
    validate_site_name(*name);
    if (!exists(*name)) {
      throw SiteError("unknown site '" + *name + "': no " + site_config_path(*name).string());
    }
    return *name;
  }
  auto common = read_config_file(common_config_path());
  if (auto found = common.find("default_site"); found != common.end() && found->is_string()) {
    return resolve(found->get<std::string>());
  }
  auto names = list();
  if (names.size() == 1) return names.front();
  if (names.empty()) {
    throw SiteError("no site in " + dir_.string() + ": create one with `quire new-site NAME`");
  }
  throw SiteError("several sites in " + dir_.string() + ": choose one with --site NAME");
}

nlohmann::json Sites::config(std::string_view name) const {
  auto merged = read_config_file(common_config_path());
  merged.update(read_config_file(site_config_path(name)));
  return merged;
}

fs::path Sites::database_path(std::string_view name) const {
  auto own = read_config_file(site_config_path(name));
  if (auto url = own.find("db_url"); url != own.end() && url->is_string()) {
    return sqlite_path_from_url(url->get<std::string>(), site_dir(name));
  }
  return site_dir(name) / "site.db";
}

void Sites::create(std::string_view name, const NewSite& options) const {
  validate_site_name(name);
  auto folder = site_dir(name);
  fs::path db_path =
      options.db_url.empty() ? folder / "site.db" : sqlite_path_from_url(options.db_url, folder);
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    throw SiteError("site '" + std::string(name) + "' already exists at " + folder.string());
  }
  if (fs::exists(db_path, ec)) {
    throw SiteError("database file " + db_path.string() + " already exists: refusing to reuse it");
  }
  fs::create_directories(dir_, ec);
  // create_directory fails when the folder appeared meanwhile: two new-site
  // runs with the same name cannot both proceed.
  if (ec || !fs::create_directory(folder, ec) || ec) {
    throw SiteError("cannot create " + folder.string() + (ec ? ": " + ec.message() : ""));
  }
  bool created_db = false;
  try {
    // A relative URL may name a subfolder of the site's folder: make it.
    // Folders elsewhere must exist already.
    auto relative = db_path.lexically_relative(folder);
    if (!relative.empty() && *relative.begin() != "..") {
      fs::create_directories(db_path.parent_path());
    }
    auto db = db::SqliteDatabase::open(db_path.string(), /*create=*/true);
    created_db = true;
    db::migrate(*db);
    install_documents(*db);
    db->query(
        "INSERT INTO `__Auth` (`doctype`, `name`, `fieldname`, `password`)"
        " VALUES ('User', 'Administrator', 'password', ?)",
        {db::Value{hash_password(options.admin_password)}});
    // Frappe's site_config.json carries the key Password fields are
    // encrypted with (SiteDocuments::set_encryption_key).
    nlohmann::json config = {{"db_type", "sqlite"}, {"encryption_key", generate_fernet_key()}};
    if (!options.db_url.empty()) config["db_url"] = options.db_url;
    write_config_file(site_config_path(name), config);
  } catch (...) {
    fs::remove_all(folder, ec);
    if (created_db) {
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix, ec);
    }
    throw;
  }
}

std::unique_ptr<db::Database> Sites::open_database(std::string_view name) const {
  auto db = db::SqliteDatabase::open(database_path(name).string(), /*create=*/false);
  db::migrate(*db);
  return db;
}

void Sites::set_config(const std::optional<std::string>& name, const std::string& key,
                       const nlohmann::json& value) const {
  if (key.empty()) throw SiteError("a config key cannot be empty");
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) {
    throw SiteError("no sites folder at " + dir_.string() + ": create a site first");
  }
  auto path = name ? site_config_path(resolve(name)) : common_config_path();
  auto config = read_config_file(path);
  config[key] = value;
  write_config_file(path, config);
}

}  // namespace quire::site
