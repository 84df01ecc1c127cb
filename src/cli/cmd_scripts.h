#pragma once
// The server-script commands:
//   quire execute-script NAME [--site S] [--enqueue] [--doc DocType/name]
//       runs a Scheduler Event, API or Workflow Task script now (or queues it)

#include <vector>

#include "cli/commands.h"

namespace quire::cli {

std::vector<Command> add_script_commands(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
