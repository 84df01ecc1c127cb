#include "python_oracle.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace quire::lang::time::testing {

const char* const kPythonPrelude = R"PY(
import sys
from datetime import *
from zoneinfo import ZoneInfo
def show(f, how=str):
    try:
        print(how(f()))
    except Exception as e:
        name = type(e).__name__
        msg = e.args[0] if e.args else ''
        print('ERR', name, msg)
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

std::string describe(const TimeError& e) {
  const char* name = "?";
  switch (e.kind) {
    case ErrorKind::ValueError:
      name = "ValueError";
      break;
    case ErrorKind::OverflowError:
      name = "OverflowError";
      break;
    case ErrorKind::TypeError:
      name = "TypeError";
      break;
    case ErrorKind::ZeroDivisionError:
      name = "ZeroDivisionError";
      break;
    case ErrorKind::ZoneInfoNotFoundError:
      name = "ZoneInfoNotFoundError";
      break;
  }
  return std::string("ERR ") + name + " " + e.what();
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

std::string g17(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace quire::lang::time::testing
