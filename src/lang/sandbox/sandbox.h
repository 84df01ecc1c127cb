#pragma once
// The sandbox API: compile under a policy, run under limits, cancel from
// another thread. This is what the scripting layer calls for server scripts.
//
//   using namespace quire::lang;
//   Limits limits;                        // defaults below; per site/script overrides
//   Compiled c = compile("<serverscript>: name", source, Policy::Sandboxed, limits);
//   if (c.error) { ... c.error_text() ... }   // refusals are SyntaxErrors, "Line N: ..."
//   Isolate isolate;                       // one per thread, reused across runs
//   isolate.bind_globals = ...;            // bind `frappe`, `doc` ... (run/run.h)
//   RunResult r = run(isolate, c, limits); // never throws, never hangs
//   if (!r.ok && r.limit_exceeded) { ... } // ScriptTimeoutError, ScriptMemoryError ...
//
// From another thread, cancel(isolate) stops the run in progress at its next
// check point (loop back-edge, call, or item of a native loop) with
// ScriptCancelledError; made while no run is in progress, it stops the next
// run before it starts (a cancel racing a run's start is never lost). A
// cancel is used up by the run it stops. (run() points isolate.cancel at the
// isolate's own stop flag for the duration of the run; use cancel(), not a
// flag of yours.)
//
// Limit errors cannot be caught by script code (`except Exception`, bare
// `except` and `finally` do not run for them); they unwind the whole run and
// leave the isolate reusable. Errors: ScriptTimeoutError (step budget or
// deadline), ScriptMemoryError (heap cap), RecursionError (recursion limit),
// ScriptOutputError (print cap), ScriptCancelledError. Their message names the
// limit ("step budget of 10000000 exhausted"); the traceback names the line.
//
// Allocations whose size comes from user data ("a" * 10**10, [0] * 10**10,
// 2 ** 10 ** 10) larger than max_single_allocation, or than what is left of
// the heap cap, fail *before* allocating with an ordinary (catchable)
// MemoryError, as in CPython.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "lang/run/run.h"
#include "lang/sandbox/policy.h"

namespace quire::lang {

struct Limits {
  // Steps: one per loop iteration and per call, plus one per 256 bytes
  // allocated (so big-int and long-string work counts too).
  std::int64_t max_steps = 50'000'000;
  // Wall-clock deadline for one run; zero means none.
  std::chrono::milliseconds timeout{10'000};
  // Live heap of the isolate (objects, strings, list storage, big ints).
  std::size_t max_heap_bytes = std::size_t{256} << 20;
  // The largest single allocation sized by user data.
  std::size_t max_single_allocation = std::size_t{64} << 20;
  // Python call depth (CPython's default recursion limit).
  int max_recursion = 1000;
  // Bytes print() may write (beyond it: ScriptOutputError).
  std::size_t max_output_bytes = std::size_t{1} << 20;
  // Parser limits.
  std::size_t max_source_bytes = std::size_t{1} << 20;
  int max_nesting = 100;
};

// Compiles `source` under `policy`. Sandboxed: the parser limits apply, the
// policy pass (sandbox/policy.h) runs, and hidden builtins are unbound. A
// refusal is reported as a SyntaxError whose message is RestrictedPython's
// ("Line 2: \"__class__\" is an invalid attribute name because it starts
// with \"_\"."), positioned at the offending node. Trusted: plain compile()
// with the parser limits.
Compiled compile(std::string_view filename, std::string_view source, Policy policy,
                 const Limits& limits = {});

// Runs a compiled program under `limits` with the program's policy (a
// sandboxed program gets the runtime attribute rule, uncatchable recursion
// errors and `import` refused with ImportError("__import__ not found") unless
// the isolate has an import_hook). Output beyond max_output_bytes is dropped
// and stops the run with ScriptOutputError.
RunResult run(Isolate& isolate, const Compiled& compiled, const Limits& limits);

// Thread-safe: stops the run in progress on `isolate` with ScriptCancelledError,
// or, when none is in progress, the next run (which then does not start).
void cancel(Isolate& isolate);

// True when `result` failed on a limit (its type is one of the limit errors).
bool is_limit_error(const RunResult& result);

}  // namespace quire::lang
