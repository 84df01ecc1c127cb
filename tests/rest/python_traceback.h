#pragma once
// What CPython says about a failing script, for tests that check the
// tracebacks quire reports (REST `exc`, Scheduled Job Log details): the
// "File" line of the failing statement and the traceback's last line, from
// python3 at test time, never pasted in.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../cli/process.h"

namespace quire::rest_testing {

struct PythonError {
  std::string file_line;  // '  File "<serverscript>: name", line 3, in <module>'
  std::string last_line;  // "KeyError: 'missing'"
};

// Runs `source` compiled under `filename` in python3 (in `dir`).
inline PythonError python_error(const std::filesystem::path& dir, const std::string& filename,
                                const std::string& source) {
  const char* program =
      "import sys, traceback\n"
      "try:\n"
      "    exec(compile(sys.argv[2], sys.argv[1], 'exec'), {})\n"
      "except Exception:\n"
      "    lines = traceback.format_exc().splitlines()\n"
      "    sys.stderr.write([l for l in lines if l.startswith('  File \"' + sys.argv[1])][-1])\n"
      "    sys.stderr.write('\\n' + lines[-1] + '\\n')\n";
  quire::testing::Process python(dir, {"-c", program, filename, source}, {}, "/usr/bin/python3");
  EXPECT_EQ(python.wait(), 0);
  // The script's own print() went to standard output; the two lines, to stderr.
  std::string out = python.err();
  auto newline = out.find('\n');
  if (newline == std::string::npos) return {};
  auto end = out.find('\n', newline + 1);
  return {out.substr(0, newline), out.substr(newline + 1, end - newline - 1)};
}

}  // namespace quire::rest_testing
