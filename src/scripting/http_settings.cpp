#include "scripting/http_settings.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace quire::scripting {

namespace {

std::int64_t number(const nlohmann::json& config, const char* key, std::int64_t low,
                    std::int64_t fallback) {
  auto found = config.find(key);
  if (found == config.end()) return fallback;
  if (!found->is_number_integer() || found->get<std::int64_t>() < low) {
    throw std::invalid_argument(std::string("config key ") + key +
                                " must be an integer of at least " + std::to_string(low) +
                                ", not " + found->dump());
  }
  return found->get<std::int64_t>();
}

}  // namespace

void read_http_policy(const nlohmann::json& site_config, HttpPolicy& policy) {
  if (!site_config.is_object()) return;
  if (auto allow = site_config.find("server_script_http_allow"); allow != site_config.end()) {
    if (!allow->is_array()) {
      throw std::invalid_argument(
          "config key server_script_http_allow must be a list of str, not " + allow->dump());
    }
    std::vector<std::string> entries;
    for (const auto& e : *allow) {
      if (!e.is_string()) {
        throw std::invalid_argument(
            "config key server_script_http_allow must be a list of str, not " + allow->dump());
      }
      entries.push_back(e.get<std::string>());
    }
    policy.allow = HttpAllowList(entries);
  }
  policy.timeout = std::chrono::milliseconds(
      number(site_config, "server_script_http_timeout_ms", 1, policy.timeout.count()));
  policy.connect_timeout = std::chrono::milliseconds(number(
      site_config, "server_script_http_connect_timeout_ms", 1, policy.connect_timeout.count()));
  policy.max_response_bytes =
      static_cast<std::size_t>(number(site_config, "server_script_http_max_response_bytes", 1,
                                      static_cast<std::int64_t>(policy.max_response_bytes)));
  policy.max_redirects = static_cast<int>(std::min<std::int64_t>(
      number(site_config, "server_script_http_max_redirects", 0, policy.max_redirects), 1000));
}

}  // namespace quire::scripting
