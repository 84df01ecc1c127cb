#pragma once
// The public entry API of the language: compile a program once, run it many
// times in isolates.
//
//   auto compiled = quire::lang::compile("x.py", source);   // share across threads
//   quire::lang::Isolate isolate;                            // one per thread
//   quire::lang::RunResult r = quire::lang::run(isolate, *compiled.program);
//
// Output of print() goes to isolate.output (or stdout). A run leaves its
// objects in the isolate until the next run or reset().

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lang/compile/code.h"
#include "lang/compile/compiler.h"
#include "lang/sandbox/policy.h"
#include "lang/vm/isolate.h"

namespace quire::lang {

struct Compiled {
  std::shared_ptr<const Program> program;
  // The policy it was compiled under (sandbox/sandbox.h compiles sandboxed
  // programs; its run() applies the runtime half of the policy).
  Policy policy = Policy::Trusted;
  std::optional<syntax::SyntaxError> error;
  // The CPython-style report of `error` ("  File ..., line N\n ... SyntaxError: msg\n").
  std::string error_text() const;
};

Compiled compile(std::string_view filename, std::string_view source);

struct RunResult {
  bool ok = true;
  std::string traceback;       // full CPython-style traceback text when !ok
  std::string exception_line;  // "ZeroDivisionError: division by zero"
  std::string exception_type;  // "ZeroDivisionError"
};

// Runs the program's module code. The isolate is reset first (fresh globals
// and heap). `setup` may bind globals before the run starts.
RunResult run(Isolate& isolate, const Program& program);

}  // namespace quire::lang
