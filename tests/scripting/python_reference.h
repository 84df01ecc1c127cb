#pragma once
// The reference side of the frappe.utils tests: a Python program (Frappe's
// definitions over python3's own libraries) run at test time.

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace quire::scripting::testing {

// Runs `program` with `interpreter` (a command prefix such as "python3" or
// "TZ=UTC /usr/bin/python3", the Debian interpreter that sees Debian's
// python3-* packages) from a file in a fresh temporary directory; returns
// what it printed, stderr included.
inline std::string run_python(const std::string& program,
                              const std::string& interpreter = "python3") {
  char dir_template[] = "/tmp/quire_python_reference_XXXXXX";
  char* dir = mkdtemp(dir_template);
  if (!dir) return "<mkdtemp failed>";
  std::string path = std::string(dir) + "/reference.py";
  std::ofstream(path) << program;
  FILE* p = popen((interpreter + " " + path + " 2>&1").c_str(), "r");
  std::string out;
  if (p) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  std::remove(path.c_str());
  rmdir(dir);
  return out;
}

}  // namespace quire::scripting::testing
