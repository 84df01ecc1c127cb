#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace quire::cli {

int run(int argc, char** argv) {
  CLI::App app{"quire: documents and server scripts, in one program", "quire"};
  app.set_version_flag("--version", std::string("quire ") + QUIRE_VERSION);
  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "quire: " << e.what() << "\n";
    return 2;
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
  }
  return 0;
}

}  // namespace quire::cli
