#pragma once
// The reference side of the frappe.utils tests: a Python program (Frappe's
// definitions over python3's own libraries) run at test time.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace quire::scripting::testing {

// Runs `program` with `interpreter` (a command prefix such as "python3" or
// "TZ=UTC /usr/bin/python3", the Debian interpreter that sees Debian's
// python3-* packages) from a file in a fresh temporary directory; each of
// `inputs` is written there as a JSON file whose path the program gets in
// sys.argv[1], sys.argv[2], ...; returns what it printed, stderr included.
inline std::string run_python(const std::string& program,
                              const std::string& interpreter = "python3",
                              const std::vector<nlohmann::json>& inputs = {}) {
  char dir_template[] = "/tmp/quire_python_reference_XXXXXX";
  char* dir = mkdtemp(dir_template);
  if (!dir) return "<mkdtemp failed>";
  std::vector<std::string> paths = {std::string(dir) + "/reference.py"};
  std::ofstream(paths[0]) << program;
  std::string command = interpreter + " " + paths[0];
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    paths.push_back(std::string(dir) + "/input" + std::to_string(i) + ".json");
    std::ofstream(paths.back()) << inputs[i].dump();
    command += " " + paths.back();
  }
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  std::string out;
  if (p) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  for (const std::string& path : paths) std::remove(path.c_str());
  rmdir(dir);
  return out;
}

// The corpus tests' reference: `program` reads the corpus from the JSON file
// named by sys.argv[1] (and further inputs from sys.argv[2], ...) and prints
// a JSON list of strings, one per corpus entry. Anything else printed is a
// test failure (with the output shown) and an empty list.
inline std::vector<std::string> python_string_list(const std::string& program,
                                                   const std::vector<std::string>& corpus,
                                                   std::vector<nlohmann::json> more_inputs = {}) {
  more_inputs.insert(more_inputs.begin(), nlohmann::json(corpus));
  std::string out = run_python(program, "/usr/bin/python3", more_inputs);
  nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
  if (!parsed.is_array()) {
    ADD_FAILURE() << out;
    return {};
  }
  return parsed.get<std::vector<std::string>>();
}

}  // namespace quire::scripting::testing
