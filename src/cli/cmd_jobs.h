#pragma once
// The background-job commands:
//   quire worker [--queue Q,...] [--threads N] [--with-scheduler]
//   quire scheduler enable|disable|status
//   quire jobs list|enqueue|retry|purge

#include <vector>

#include "cli/commands.h"

namespace quire::cli {

std::vector<Command> add_jobs_commands(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
