#pragma once
// Helpers for the standard-library tests: run a script with host bindings
// (globals bound through Isolate::bind_globals, `import` through the
// standard-module hook), and run a script under python3 for comparison.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

#include <unistd.h>

#include "lang/lib/stdlib_modules.h"
#include "lang/run/run.h"

namespace quire::lang::test {

struct Outcome {
  std::string out;         // what print() wrote
  std::string error_line;  // "TypeError: ..." of the uncaught exception, or ""
};

// Runs `source`; `bind` (optional) binds globals before the code runs.
inline Outcome run_script(const std::string& source, std::function<bool(Isolate&)> bind = nullptr) {
  Outcome o;
  Compiled c = compile("t.py", source);
  if (c.error) {
    o.error_line = "SyntaxError: " + c.error->message;
    return o;
  }
  Isolate I;
  I.output = [&o](std::string_view s) { o.out += s; };
  I.import_hook = stdlib_import;
  I.bind_globals = std::move(bind);
  RunResult r = run(I, *c.program);
  if (!r.ok) o.error_line = r.exception_line;
  I.output = nullptr;
  I.bind_globals = nullptr;
  return o;
}

// What python3 prints for `source` (stdout only).
inline std::string python_output(const std::string& source) {
  static int calls = 0;
  std::string path = ::testing::TempDir() + "quire_stdlib_test_" + std::to_string(::getpid()) +
                     "_" + std::to_string(calls++) + ".py";
  {
    std::ofstream f(path);
    f << source;
  }
  std::string cmd = "PYTHONHASHSEED=0 python3 " + path;
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(path.c_str());
  return out;
}

}  // namespace quire::lang::test
