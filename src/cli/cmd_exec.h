#pragma once
// `quire exec FILE.py [--repeat N]`: runs a script standalone. print() goes to
// stdout; an uncaught exception prints a traceback on stderr and exits 1; a
// syntax error is reported as CPython does, exit 1. --repeat N runs the
// compiled program N times and prints µs per run (min/median) to stderr.

#include "cli/commands.h"

namespace quire::cli {

Command add_exec_command(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
