#pragma once
// The dispatch loop and the calling machinery of the VM.

#include "lang/object/runtime.h"
#include "lang/vm/isolate.h"

namespace quire::lang {

// Runs a program's module code in the isolate (globals reset first).
// Returns None or Exc (the exception is in I.pending).
Value run_module(Isolate& I, const Program& program);

// Calls a Python function from native code (re-enters the loop).
Value call_python(Isolate& I, Function* fn, Value* args, std::size_t nargs, const Tuple* kwnames);

// Resumes a generator: the next value, Undef when it finished, Exc on error.
Value generator_resume(Isolate& I, Generator* gen, Value sent);

// Raises the limit error if the step budget, the cancel flag or the memory cap say so.
bool check_limits(Isolate& I);

}  // namespace quire::lang
