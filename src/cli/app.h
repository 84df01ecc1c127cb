#pragma once

namespace quire::cli {

// Parses the command line and runs the chosen subcommand. Returns the process
// exit code: 0 on success, 1 when the command itself failed, 2 for bad usage.
int run(int argc, char** argv);

}  // namespace quire::cli
