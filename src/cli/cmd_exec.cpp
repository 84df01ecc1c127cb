// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "cli/cmd_exec.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "lang/lib/stdlib_modules.h"
#include "lang/run/run.h"

namespace quire::cli {

namespace {

struct ExecOptions {
  std::string file;
  int repeat = 0;
};

int run_exec(const ExecOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    std::cerr << "quire exec: can't open file '" << options.file << "'\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();
  lang::Compiled compiled = lang::compile(options.file, source);
  if (compiled.error) {
    std::fflush(stdout);
    std::cerr << compiled.error_text();
    return 1;
  }
  lang::Isolate isolate;
  isolate.import_hook = lang::stdlib_import;  // json, datetime
  if (options.repeat <= 0) {
    lang::RunResult result = lang::run(isolate, *compiled.program);
    std::fflush(stdout);
    if (!result.ok) {
      std::cerr << result.traceback;
      return 1;
    }
    return 0;
  }
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(options.repeat));
  for (int i = 0; i < options.repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    lang::RunResult result = lang::run(isolate, *compiled.program);
    auto end = std::chrono::steady_clock::now();
    if (!result.ok) {
      std::fflush(stdout);
      std::cerr << result.traceback;
      return 1;
    }
    micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
  }
  std::fflush(stdout);
  std::sort(micros.begin(), micros.end());
  char line[128];
  std::snprintf(line, sizeof line, "runs: %d  min: %.1f us  median: %.1f us\n", options.repeat,
                micros.front(), micros[micros.size() / 2]);
  std::cerr << line;
  return 0;
}

}  // namespace

Command add_exec_command(CLI::App& root, const Globals&) {
  auto options = std::make_shared<ExecOptions>();
  CLI::App* cmd = root.add_subcommand("exec", "Run a Python script with quire's interpreter");
  cmd->add_option("file", options->file, "The script to run")->required();
  cmd->add_option("--repeat", options->repeat,
                  "Run the compiled program N times and print microseconds per run to stderr");
  return Command{cmd, [options]() {
                   int code = run_exec(*options);
                   std::fflush(stdout);
                   return code;
                 }};
}

}  // namespace quire::cli
