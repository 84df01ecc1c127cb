#include "http/traceback_policy.h"

#include <nlohmann/json.hpp>

#include "http/site_app.h"
#include "model/coercion.h"

namespace quire::http {
namespace {

using Json = nlohmann::json;

// A site config flag: true/false, 1/0 or "1"/"0"; nullopt when absent.
std::optional<bool> config_flag(const Json& config, const char* key) {
  auto found = config.find(key);
  if (found == config.end() || found->is_null()) return std::nullopt;
  if (found->is_boolean()) return found->get<bool>();
  if (found->is_number()) return found->get<double>() != 0;
  if (found->is_string()) return model::cint(Json(*found)) != 0;
  return std::nullopt;
}

bool site_allows_tracebacks(SiteApp& app) {
  if (auto configured = config_flag(app.config(), "allow_error_traceback")) return *configured;
  auto rows = app.connection().query(
      "SELECT `value` FROM `tabSingles` WHERE `doctype` = 'System Settings'"
      " AND `field` = 'allow_error_traceback'");
  if (rows.empty()) return true;
  return model::cint(model::from_db(rows[0][0])) != 0;
}

bool is_system_user(SiteApp& app, const std::string& user) {
  if (user == "Administrator") return true;
  if (user.empty() || user == "Guest") return false;
  auto rows = app.connection().query(
      "SELECT `user_type`, `enabled` FROM `tabUser` WHERE `name` = ?", {db::Value{user}});
  if (rows.empty()) return false;
  return model::cstr(model::from_db(rows[0][0])) == "System User" &&
         model::cint(model::from_db(rows[0][1])) != 0;
}

}  // namespace

bool traceback_allowed(SiteApp& app, const std::string& user, const ErrorInfo& error) {
  if (error.status == Status::not_found) return false;
  if (error.exc_type == "CSRFTokenError" &&
      !config_flag(app.config(), "developer_mode").value_or(false)) {
    return false;
  }
  try {
    return is_system_user(app, user) && site_allows_tracebacks(app);
  } catch (const std::exception&) {
    // A site without the tables (or a database that just failed): no traceback.
    return false;
  }
}

}  // namespace quire::http
