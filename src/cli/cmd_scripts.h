#pragma once
// The server-script commands:
//   quire execute-script NAME [--site S]   runs a Scheduler Event or API script now

#include <vector>

#include "cli/commands.h"

namespace quire::cli {

std::vector<Command> add_script_commands(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
