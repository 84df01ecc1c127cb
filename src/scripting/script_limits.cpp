#include "scripting/script_limits.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace quire::scripting {

namespace {

using Json = nlohmann::json;

constexpr std::int64_t kMinMemory = std::int64_t{1} << 20;

// `where` names the value in errors: "config key server_script_max_steps",
// "server_script_limits[\"Nightly\"].max_steps".
std::int64_t integer_at_least(const Json& value, const std::string& where, std::int64_t low) {
  if (!value.is_number_integer() || value.get<std::int64_t>() < low) {
    throw std::invalid_argument(where + " must be an integer of at least " + std::to_string(low) +
                                ", not " + value.dump());
  }
  return value.get<std::int64_t>();
}

// Sets one limit by its short name; false when the name is not a limit.
bool set_limit(lang::Limits& limits, const std::string& name, const Json& value,
               const std::string& where) {
  if (name == "max_steps") {
    limits.max_steps = integer_at_least(value, where, 1);
  } else if (name == "timeout_ms") {
    limits.timeout = std::chrono::milliseconds(integer_at_least(value, where, 0));
  } else if (name == "max_memory") {
    limits.max_heap_bytes = static_cast<std::size_t>(integer_at_least(value, where, kMinMemory));
  } else {
    return false;
  }
  return true;
}

void read_site_limits(const Json& config, lang::Limits& limits) {
  for (const char* name : {"max_steps", "timeout_ms", "max_memory"}) {
    const std::string key = std::string("server_script_") + name;
    auto found = config.find(key);
    if (found != config.end()) set_limit(limits, name, *found, "config key " + key);
  }
}

void read_per_script_limits(const Json& config, ScriptSettings& settings) {
  auto found = config.find("server_script_limits");
  if (found == config.end()) return;
  if (!found->is_object()) {
    throw std::invalid_argument(
        "config key server_script_limits must be an object of Server Script names to limits, "
        "not " +
        found->dump());
  }
  for (const auto& [script, entry] : found->items()) {
    const std::string where = "server_script_limits[" + Json(script).dump() + "]";
    if (!entry.is_object()) {
      throw std::invalid_argument(
          where + " must be an object of max_steps, timeout_ms, max_memory, not " + entry.dump());
    }
    lang::Limits limits = settings.limits;
    for (const auto& [name, value] : entry.items()) {
      if (!set_limit(limits, name, value, where + "." + name)) {
        throw std::invalid_argument(where + ": unknown limit " + Json(name).dump() +
                                    " (the limits are max_steps, timeout_ms, max_memory)");
      }
    }
    settings.script_limits[script] = limits;
  }
}

}  // namespace

void read_script_limits(const Json& site_config, ScriptSettings& settings) {
  read_site_limits(site_config, settings.limits);
  // After the site's: a script's entry starts from them.
  read_per_script_limits(site_config, settings);
}

}  // namespace quire::scripting
