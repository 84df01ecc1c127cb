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

// How a suspended generator is resumed: with a value for its `yield`
// (send/next), with the exception pending in I.pending raised at its `yield`
// (throw), or with the return value of the `yield from` delegate it is
// suspended in (the delegate finished inside throw()).
enum class Resume { Send, Throw, Continue };

// Resumes a generator: the next value, Undef when it finished (its return
// value in I.stop_value), Exc on error. `sent` is borrowed, except in
// Continue mode where it is owned.
Value generator_resume(Isolate& I, Generator* gen, Value sent, Resume mode = Resume::Send);

// generator.throw(exc): `exc` (an exception instance, owned) is raised where
// the generator is suspended, forwarded first to a `yield from` delegate.
Value generator_throw(Isolate& I, Generator* gen, Value exc);

// generator.close(): GeneratorExit at the suspension point; None, or Exc.
Value generator_close(Isolate& I, Generator* gen);

// Closes the suspended generators whose last reference went away (see
// Heap::finalizers_due), oldest first, as CPython closes a generator it
// frees. Their errors are dropped as CPython's "Exception ignored in" ones;
// false only for a limit error (pending: the run stops).
bool run_finalizers(Isolate& I);

// Raises the limit error if the step budget, the cancel flag or the memory cap say so.
bool check_limits(Isolate& I);

}  // namespace quire::lang
