#include "attack_script.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace quire::lang::test {

Limits attack_limits() {
  Limits l;
  l.max_steps = 1'000'000;
  l.timeout = std::chrono::milliseconds(0);  // steps bound the tests; no clocks in tests
  l.max_heap_bytes = std::size_t{32} << 20;
  l.max_single_allocation = std::size_t{16} << 20;
  l.max_recursion = 1000;
  l.max_output_bytes = 65536;
  return l;
}

namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

void apply_limit(AttackScript& a, const std::string& item) {
  std::size_t eq = item.find('=');
  if (eq == std::string::npos) {
    a.problem = "bad limit: " + item;
    return;
  }
  std::string key = item.substr(0, eq);
  long long v = std::stoll(item.substr(eq + 1));
  if (key == "steps")
    a.limits.max_steps = v;
  else if (key == "heap")
    a.limits.max_heap_bytes = static_cast<std::size_t>(v);
  else if (key == "single")
    a.limits.max_single_allocation = static_cast<std::size_t>(v);
  else if (key == "recursion")
    a.limits.max_recursion = static_cast<int>(v);
  else if (key == "output")
    a.limits.max_output_bytes = static_cast<std::size_t>(v);
  else if (key == "timeout_ms")
    a.limits.timeout = std::chrono::milliseconds(v);
  else
    a.problem = "unknown limit: " + key;
}

}  // namespace

AttackScript load_attack(const std::string& path) {
  AttackScript a;
  a.path = path;
  a.limits = attack_limits();
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  a.source = buffer.str();
  std::istringstream lines(a.source);
  std::string line;
  bool expect_seen = false;
  while (std::getline(lines, line)) {
    if (line.rfind("# ", 0) != 0) break;  // the header ends at the first non-comment line
    std::string body = line.substr(2);
    std::size_t colon = body.find(':');
    if (colon == std::string::npos) continue;
    std::string key = body.substr(0, colon);
    std::string value = trim(body.substr(colon + 1));
    if (key == "attack") {
      a.attack = value;
    } else if (key == "expect") {
      expect_seen = true;
      std::string kind = value.substr(0, value.find(' '));
      std::string rest = value.size() > kind.size() ? trim(value.substr(kind.size())) : "";
      if (kind == "ok") {
        a.expect = AttackScript::Expect::Ok;
      } else if (kind == "compile-error") {
        a.expect = AttackScript::Expect::CompileError;
        a.message = rest;
      } else if (kind == "error") {
        a.expect = AttackScript::Expect::Error;
        std::string types = rest.substr(0, rest.find(' '));
        a.message = rest.size() > types.size() ? trim(rest.substr(types.size())) : "";
        std::stringstream ts(types);
        std::string t;
        while (std::getline(ts, t, '|')) a.error_types.push_back(t);
        if (a.error_types.empty()) a.problem = "expect error without a type";
      } else {
        a.problem = "unknown expectation: " + value;
      }
    } else if (key == "output") {
      a.has_output = true;
      a.output += body.substr(colon + 2) + "\n";
    } else if (key == "never") {
      a.never.push_back(value);
    } else if (key == "stdlib") {
      a.stdlib = value == "yes";
    } else if (key == "limits") {
      std::stringstream ls(value);
      std::string item;
      while (ls >> item) apply_limit(a, item);
    }
  }
  if (!expect_seen) a.problem = "no '# expect:' header";
  if (a.attack.empty()) a.problem = "no '# attack:' header";
  return a;
}

std::vector<std::string> attack_paths() {
  std::vector<std::string> paths;
  std::filesystem::path dir = std::filesystem::path(QUIRE_SOURCE_DIR) / "tests/sandbox/attacks";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".py") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace quire::lang::test
