#include "python_oracle.h"

#include "lang/time/py_repr.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace quire::lang::time::testing {

namespace {
// python3 runs with TZ=UTC; so does our side's notion of the host's local
// zone (strftime's %s), whatever the machine's /etc/localtime says.
const bool kHostZoneIsUtc = setenv("TZ", "UTC", 1) == 0;
}  // namespace

const char* const kPythonPrelude = R"PY(
import sys
from datetime import *
from zoneinfo import ZoneInfo
def r(f, how=str):
    try:
        v = f()
    except Exception as e:
        name = type(e).__name__
        if name == 'ZoneInfoNotFoundError':  # raised as its base, KeyError
            name = 'KeyError'
        return 'ERR ' + name + ' ' + (str(e.args[0]) if e.args else '')
    if isinstance(v, float):
        return '%.17g' % v
    if isinstance(v, tuple):
        return '(' + ', '.join(str(x) for x in v) + ')'
    return how(v)
def show(f, how=str):
    print(r(f, how))
)PY";

std::vector<std::string> run_python(const std::string& program) {
  char path[] = "/tmp/quire_time_oracle_XXXXXX";
  int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  if (fd < 0) return {};
  close(fd);
  {
    std::ofstream out(path);
    out << kPythonPrelude << program;
  }
  std::string command = std::string("TZ=UTC python3 ") + path;
  FILE* pipe = popen(command.c_str(), "r");
  std::vector<std::string> lines;
  std::string line;
  int c;
  while (pipe != nullptr && (c = std::fgetc(pipe)) != EOF) {
    if (c == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += static_cast<char>(c);
    }
  }
  int status = pipe != nullptr ? pclose(pipe) : -1;
  std::remove(path);
  EXPECT_EQ(status, 0) << "python3 failed on:\n" << program;
  if (status != 0) return {};
  return lines;
}

std::string describe(const PyError& e) {
  std::string out = "ERR ";
  out += numeric::error_kind_name(e.kind);
  out += ' ';
  out += e.message;
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += '|';
    out += parts[i];
  }
  return out;
}

std::string py_tuple(const std::vector<std::string>& items) {
  std::string out = "(";
  for (const std::string& item : items) {
    out += item;
    out += ",";
  }
  out += ")";
  return out;
}

std::string py_str(const std::string& text) {
  return python_string_repr(text);
}

std::string g17(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace quire::lang::time::testing
