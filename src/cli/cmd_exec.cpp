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
#include <optional>
#include <sstream>
#include <vector>

#include "lang/lib/stdlib_modules.h"
#include "lang/sandbox/sandbox.h"

namespace quire::cli {

namespace {

constexpr int kExitLimit = 3;

struct ExecOptions {
  std::string file;
  int repeat = 0;
  bool trusted = false;
  std::optional<std::int64_t> max_steps;
  std::optional<double> timeout_seconds;
  std::string max_memory;
};

// "64M", "1G", "500000" (bytes; K/M/G are powers of 1024).
std::optional<std::size_t> parse_size(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(text, &used);
  } catch (...) {
    return std::nullopt;
  }
  std::string suffix = text.substr(used);
  std::size_t scale = 1;
  if (suffix == "K" || suffix == "k")
    scale = std::size_t{1} << 10;
  else if (suffix == "M" || suffix == "m")
    scale = std::size_t{1} << 20;
  else if (suffix == "G" || suffix == "g")
    scale = std::size_t{1} << 30;
  else if (!suffix.empty())
    return std::nullopt;
  return static_cast<std::size_t>(n) * scale;
}

lang::Limits limits_for(const ExecOptions& options) {
  lang::Limits limits;
  if (options.trusted) {
    // App code: bounded only where the developer asks for it.
    limits.max_steps = 0;
    limits.timeout = std::chrono::milliseconds(0);
    limits.max_heap_bytes = std::size_t{1} << 30;
    limits.max_single_allocation = SIZE_MAX;
    limits.max_output_bytes = SIZE_MAX;
    limits.max_source_bytes = std::size_t{8} << 20;
    limits.max_nesting = 200;
  }
  if (options.max_steps) limits.max_steps = *options.max_steps;
  if (options.timeout_seconds)
    limits.timeout =
        std::chrono::milliseconds(static_cast<std::int64_t>(*options.timeout_seconds * 1000));
  if (auto bytes = parse_size(options.max_memory)) limits.max_heap_bytes = *bytes;
  return limits;
}

int report_failure(const lang::RunResult& result, bool trusted) {
  std::fflush(stdout);
  std::cerr << result.traceback;
  // Trusted code's RecursionError is an ordinary exception, as in CPython.
  bool limit =
      lang::is_limit_error(result) && (result.exception_type != "RecursionError" || !trusted);
  return limit ? kExitLimit : 1;
}

int run_exec(const ExecOptions& options) {
  if (!options.max_memory.empty() && !parse_size(options.max_memory)) {
    std::cerr << "quire exec: --max-memory: expected a size such as 64M, got '"
              << options.max_memory << "'\n";
    return 2;
  }
  std::ifstream in(options.file, std::ios::binary);
  if (!in) {
    std::cerr << "quire exec: can't open file '" << options.file << "'\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string source = buffer.str();
  const lang::Limits limits = limits_for(options);
  const lang::Policy policy = options.trusted ? lang::Policy::Trusted : lang::Policy::Sandboxed;
  lang::Compiled compiled = lang::compile(options.file, source, policy, limits);
  if (compiled.error) {
    std::fflush(stdout);
    std::cerr << compiled.error_text();
    return 1;
  }
  lang::Isolate isolate;
  isolate.import_hook = lang::stdlib_import_hook(!options.trusted);  // json, datetime
  // CPython's "Exception ignored in: ..." reports (a freed generator failing to close).
  isolate.unraisable = [](std::string_view text) {
    std::fflush(stdout);
    std::cerr << text;
  };
  if (options.repeat <= 0) {
    lang::RunResult result = lang::run(isolate, compiled, limits);
    std::fflush(stdout);
    return result.ok ? 0 : report_failure(result, options.trusted);
  }
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(options.repeat));
  for (int i = 0; i < options.repeat; ++i) {
    auto start = std::chrono::steady_clock::now();
    lang::RunResult result = lang::run(isolate, compiled, limits);
    auto end = std::chrono::steady_clock::now();
    if (!result.ok) return report_failure(result, options.trusted);
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
  CLI::App* cmd = root.add_subcommand(
      "exec", "Run a Python script with quire's interpreter (sandboxed, as a server script)");
  cmd->add_option("file", options->file, "The script to run")->required();
  cmd->add_option("--repeat", options->repeat,
                  "Run the compiled program N times and print microseconds per run to stderr");
  cmd->add_flag("--trusted", options->trusted,
                "Run as app code: no sandbox policy, no step budget or deadline unless given");
  cmd->add_option(
      "--max-steps", options->max_steps,
      "Step budget (loop iterations, calls, and one per 256 bytes allocated); 0 = none");
  cmd->add_option("--timeout", options->timeout_seconds, "Wall-clock limit in seconds; 0 = none");
  cmd->add_option("--max-memory", options->max_memory,
                  "Heap cap for the script, e.g. 64M or 1G (default 256M sandboxed, 1G trusted)");
  return Command{cmd, [options]() {
                   int code = run_exec(*options);
                   std::fflush(stdout);
                   return code;
                 }};
}

}  // namespace quire::cli
