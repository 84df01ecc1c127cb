#pragma once
// The user commands:
//   quire add-user EMAIL [--first-name F] [--last-name L] [--password P] [--roles R1,R2]
//   quire set-password USER [--password P]   (else $QUIRE_PASSWORD, else a line on stdin)
//   quire generate-api-key USER              (prints api_key and api_secret)

#include <vector>

#include "cli/commands.h"

namespace quire::cli {

std::vector<Command> add_user_commands(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
