#pragma once
// The limits of server-script runs from a site's site_config.json: the site's
// own, and overrides for particular scripts.
//
//   "server_script_max_steps": 50000000,     VM steps per run
//   "server_script_timeout_ms": 10000,       wall clock per run (0: none)
//   "server_script_max_memory": 268435456,   heap bytes per run (>= 1 MiB)
//   "server_script_limits": {                by Server Script name
//     "Nightly Rollup": {"max_steps": 500000000, "timeout_ms": 120000},
//     "Quick Check": {"max_memory": 16777216}
//   }
//
// A script named in server_script_limits runs with the site's limits except
// the ones its entry sets. Only whoever may edit site_config (the operator,
// `quire set-config`) sets them: nothing a Server Script's author writes in
// the form or the script can raise its own limits.

#include <nlohmann/json.hpp>

#include "scripting/server_scripts.h"

namespace quire::scripting {

// Reads the keys above into settings.limits and settings.script_limits
// (absent keys keep what `settings` had). Throws std::invalid_argument naming
// the key, the script and the value for anything malformed: a value of the
// wrong type or range, an unknown limit name (a typo must not silently leave
// a script unbounded by the intended limit).
void read_script_limits(const nlohmann::json& site_config, ScriptSettings& settings);

}  // namespace quire::scripting
