#include "python_oracle.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace quire::lang::numeric::testing {

namespace {

constexpr const char* kPrelude = R"PY(
import sys
def _hex(s):
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # the limit is under test, not for printing rows
    try:
        return str(s).encode('utf-8', 'surrogatepass').hex()
    finally:
        sys.set_int_max_str_digits(limit)
def row(*fields):
    sys.stdout.write('\t'.join(_hex(f) for f in fields) + '\n')
def outcome(fn):
    try:
        v = fn()
    except Exception as e:
        return '!' + type(e).__name__ + ': ' + str(e)
    return v if isinstance(v, str) else repr(v)
)PY";

std::string unhex(const std::string& hex) {
  std::string out;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

}  // namespace

std::vector<Row> run_python(const std::string& program) {
  char path[] = "/tmp/quire-numeric-oracle-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    ADD_FAILURE() << "cannot create a temporary file";
    return {};
  }
  close(fd);
  {
    std::ofstream file(path);
    file << kPrelude << program;
  }
  const std::string command = std::string("PYTHONHASHSEED=0 python3 ") + path;
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  char buffer[65536];
  size_t got;
  while (pipe && (got = fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
  const int status = pipe ? pclose(pipe) : -1;
  unlink(path);
  if (status != 0) ADD_FAILURE() << "python3 failed (status " << status << ")";
  std::vector<Row> rows;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    Row fields;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      fields.push_back(unhex(line.substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::string describe(const PyError& error) {
  return std::string("!") + error_kind_name(error.kind) + ": " + error.message;
}

}  // namespace quire::lang::numeric::testing
