#pragma once
// An attack script and the outcome it declares in its header comments:
//   # attack: what it tries
//   # expect: compile-error [message substring]
//   # expect: error Type1|Type2 [substring of "Type: message"]
//   # expect: ok
//   # output: a line the run must print (all `output` lines, in order, are
//             the whole of stdout)
//   # never: text stdout must not contain
//   # limits: steps=N heap=N single=N recursion=N output=N timeout_ms=N
//   # stdlib: yes   (`import json` / `import datetime` resolve, as in quire exec)

#include <string>
#include <vector>

#include "lang/sandbox/sandbox.h"

namespace quire::lang::test {

struct AttackScript {
  std::string path;
  std::string source;
  std::string attack;
  enum class Expect { CompileError, Error, Ok } expect = Expect::Ok;
  std::vector<std::string> error_types;  // for Error
  std::string message;                   // substring of the error, may be empty
  bool has_output = false;
  std::string output;
  std::vector<std::string> never;
  Limits limits;
  bool stdlib = false;
  std::string problem;  // a malformed header, reported by the test
};

// The limits attack scripts run under unless their header says otherwise:
// small enough that runaways end quickly, even under AddressSanitizer.
Limits attack_limits();

AttackScript load_attack(const std::string& path);
std::vector<std::string> attack_paths();  // sorted, from QUIRE_SOURCE_DIR/tests/sandbox/attacks

}  // namespace quire::lang::test
