#pragma once

#include "cli/commands.h"

namespace quire::cli {

// `quire script-stats`: the per-script run counters of a running `quire serve`
// (they live in that process), fetched from its quire.server_script_stats
// method with a short-lived Administrator session.
Command add_script_stats_command(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
