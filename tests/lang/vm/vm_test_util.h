#pragma once
// Helpers: run a program with quire's interpreter (in-process) and with
// python3, and return what each printed plus the last line of the error.

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include "lang/run/run.h"

namespace quire::lang::test {

struct Outcome {
  std::string out;         // stdout
  std::string error_line;  // last line of the uncaught exception, or ""
};

inline Outcome run_quire(const std::string& source, Isolate* reuse = nullptr) {
  Outcome o;
  Compiled c = compile("t.py", source);
  if (c.error) {
    o.error_line = c.error->type + ": " + c.error->message;
    return o;
  }
  Isolate local;
  Isolate& I = reuse ? *reuse : local;
  I.output = [&o](std::string_view s) { o.out += s; };
  RunResult r = run(I, *c.program);
  if (!r.ok) o.error_line = r.exception_line;
  I.output = nullptr;
  return o;
}

inline Outcome run_python(const std::string& source) {
  Outcome o;
  // ctest runs each test in its own process, two at a time: the file name must
  // be unique per process and per call or parallel tests overwrite each other.
  static int calls = 0;
  std::string path = ::testing::TempDir() + "quire_vm_test_" + std::to_string(::getpid()) + "_" +
                     std::to_string(calls++) + ".py";
  {
    std::ofstream f(path);
    f << source;
  }
  std::string cmd = "PYTHONHASHSEED=0 python3 " + path + " 2>" + path + ".err";
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  pclose(p);
  std::string line, last;
  {
    std::ifstream err(path + ".err");
    while (std::getline(err, line))
      if (!line.empty()) last = line;
  }
  std::remove(path.c_str());
  std::remove((path + ".err").c_str());
  if (last.rfind("Traceback", 0) != 0 && last.find("Error") != std::string::npos)
    o.error_line = last;
  if (last.find(':') != std::string::npos || last.find("Error") != std::string::npos ||
      last.find("Exception") != std::string::npos)
    o.error_line = last;
  return o;
}

}  // namespace quire::lang::test
