// GCC 12 reports a false -Wrestrict inside std::string concatenation at -O3
// (GCC bug 105329); it must be silenced before <string> is first included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
// Compile under a policy, run under limits. The deadline is enforced by one
// watchdog thread per process (sandbox/watchdog.h) raising the isolate's stop
// flag; everything else is counted by the VM and the heap as the run goes.
#include "lang/sandbox/sandbox.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>

#include "lang/object/runtime.h"
#include "lang/sandbox/watchdog.h"
#include "lang/syntax/parser.h"

namespace quire::lang {

namespace {

syntax::SyntaxError policy_error(const std::vector<sandbox::PolicyViolation>& violations,
                                 std::string_view filename, std::string_view source) {
  const sandbox::PolicyViolation& first = violations.front();
  syntax::SyntaxError e;
  e.message = first.message;
  if (violations.size() > 1)
    e.message += " (and " + std::to_string(violations.size() - 1) + " more)";
  e.filename = std::string(filename);
  e.lineno = first.lineno;
  // The source line, for the report; the column is in bytes, CPython counts
  // code points, which only differ on non-ASCII lines.
  std::size_t start = 0;
  for (int line = 1; line < first.lineno && start < source.size(); ++line) {
    std::size_t nl = source.find('\n', start);
    start = nl == std::string_view::npos ? source.size() : nl + 1;
  }
  std::size_t end = source.find('\n', start);
  e.text = std::string(source.substr(start, end == std::string_view::npos ? end : end - start));
  e.offset = first.col_offset + 1;
  return e;
}

// Unbinds the builtins a sandboxed program must not see (LOAD_GLOBAL falls
// back to the builtin chosen at compile time; -1 means NameError).
void hide_builtins(Program& program) {
  for (std::size_t i = 0; i < program.global_names.size(); ++i) {
    if (sandbox::builtin_hidden(program.global_names[i])) program.global_builtin[i] = -1;
  }
}

// A limit passed by the run's last statement (print past the output cap,
// an allocation over the heap cap) has no check point left to raise at: the
// run still fails with the limit error.
void report_limit_hit_at_end(Isolate& I, RunResult& result) {
  std::string type, message;
  if (I.stop_flag.load() && I.stop_reason.load() == Isolate::kStopOutput) {
    type = "ScriptOutputError";
    message = "output limit of " + std::to_string(I.max_output_bytes) + " bytes exceeded";
  } else if (I.heap.over_limit()) {
    I.heap.clear_over_limit();
    type = "ScriptMemoryError";
    message = "memory limit of " + std::to_string(I.heap.limit()) + " bytes exceeded";
  } else {
    return;
  }
  result.ok = false;
  result.exception_type = type;
  result.exception_line = type + ": " + message;
  result.traceback = result.exception_line + "\n";
}

// The result of a run that never started: cancel() came first.
RunResult cancelled_before_start() {
  RunResult result;
  result.ok = false;
  result.exception_type = "ScriptCancelledError";
  result.exception_line = "ScriptCancelledError: script was cancelled";
  result.traceback = result.exception_line + "\n";
  return result;
}

Value refuse_import(Isolate& I, std::string_view) {
  return raise(I, types().ImportError, "__import__ not found");
}

// Puts the isolate's fields back as they were before the limited run, so a
// later plain run() of a trusted program is not affected.
struct SavedIsolateState {
  explicit SavedIsolateState(Isolate& isolate)
      : I(isolate),
        output(isolate.output),
        import_hook(isolate.import_hook),
        cancel(isolate.cancel),
        max_depth(isolate.max_depth),
        heap_limit(isolate.heap.limit()) {}
  ~SavedIsolateState() {
    I.output = std::move(output);
    I.import_hook = std::move(import_hook);
    I.cancel = cancel;
    I.max_depth = max_depth;
    I.heap.set_limit(heap_limit);
    I.heap.set_max_single_allocation(SIZE_MAX);
    I.heap.charge_steps_to(nullptr);
    I.steps_left = INT64_MAX;
    I.step_budget = 0;
    I.timeout_ms = 0;
    I.max_output_bytes = 0;
    I.sandboxed = false;
    I.recursion_uncatchable = false;
  }
  SavedIsolateState(const SavedIsolateState&) = delete;
  SavedIsolateState& operator=(const SavedIsolateState&) = delete;

  Isolate& I;
  OutputSink output;
  ImportHook import_hook;
  std::atomic<bool>* cancel;
  int max_depth;
  std::size_t heap_limit;
};

}  // namespace

Compiled compile(std::string_view filename, std::string_view source, Policy policy,
                 const Limits& limits) {
  Compiled out;
  out.policy = policy;
  syntax::ParseLimits parse_limits;
  parse_limits.max_source_bytes = limits.max_source_bytes;
  parse_limits.max_nesting_depth = std::max(1, limits.max_nesting);
  syntax::ParseResult parsed = syntax::parse_module(source, std::string(filename), parse_limits);
  if (!parsed.ok()) {
    out.error = *parsed.error;
    return out;
  }
  if (policy == Policy::Sandboxed) {
    std::vector<sandbox::PolicyViolation> violations = sandbox::check_policy(*parsed.module);
    if (!violations.empty()) {
      out.error = policy_error(violations, filename, source);
      return out;
    }
  }
  init_runtime();  // the compiler resolves builtins by name
  CompileResult r = compile_module(*parsed.module, std::string(filename), std::string(source));
  if (r.error) {
    out.error = std::move(r.error);
    return out;
  }
  if (policy == Policy::Sandboxed) hide_builtins(*r.program);
  out.program = std::move(r.program);
  return out;
}

RunResult run(Isolate& isolate, const Compiled& compiled, const Limits& limits) {
  if (!compiled.program) {
    RunResult failed;
    failed.ok = false;
    failed.exception_type = "SyntaxError";
    failed.exception_line = compiled.error ? "SyntaxError: " + compiled.error->message
                                           : "SyntaxError: program did not compile";
    failed.traceback = compiled.error_text();
    return failed;
  }
  // A cancel() made while no run was in progress is for this run: it does
  // not start (and the cancel is used up).
  if (isolate.stop_flag.exchange(false) &&
      isolate.stop_reason.load() == Isolate::kStopCancelled)
    return cancelled_before_start();
  SavedIsolateState saved(isolate);
  const bool sandboxed = compiled.policy == Policy::Sandboxed;
  isolate.sandboxed = sandboxed;
  isolate.recursion_uncatchable = sandboxed;
  isolate.max_depth = std::clamp(limits.max_recursion, 1, 100'000);
  isolate.steps_left = limits.max_steps > 0 ? limits.max_steps : INT64_MAX;
  isolate.step_budget = limits.max_steps > 0 ? limits.max_steps : 0;
  isolate.heap.set_limit(limits.max_heap_bytes);
  isolate.heap.set_max_single_allocation(limits.max_single_allocation);
  isolate.heap.charge_steps_to(limits.max_steps > 0 ? &isolate.steps_left : nullptr);
  isolate.timeout_ms = limits.timeout.count();
  isolate.max_output_bytes = limits.max_output_bytes;
  isolate.stop_reason.store(Isolate::kStopCancelled);
  isolate.cancel = &isolate.stop_flag;
  if (sandboxed && !isolate.import_hook) isolate.import_hook = refuse_import;

  // Output: pass through up to the cap, then stop the run.
  std::size_t written = 0;
  OutputSink sink = saved.output;
  isolate.output = [&isolate, &written, &sink, cap = limits.max_output_bytes](std::string_view s) {
    if (written >= cap) return;
    std::string_view part = s.substr(0, std::min(s.size(), cap - written));
    written += s.size();
    if (sink) {
      sink(part);
    } else {
      std::fwrite(part.data(), 1, part.size(), stdout);
    }
    if (written > cap) {
      isolate.stop_reason.store(Isolate::kStopOutput);
      isolate.stop_flag.store(true);
    }
  };

  sandbox::Watchdog::Ticket ticket{};
  if (limits.timeout.count() > 0)
    ticket = sandbox::Watchdog::instance().arm(isolate,
                                               std::chrono::steady_clock::now() + limits.timeout);
  RunResult result;
  try {
    result = run(isolate, *compiled.program);
  } catch (const std::exception& e) {
    // A native operation failed in C++ rather than raising a Python
    // exception (a bug, but not one that may take the host down). The run
    // fails; the next run resets the isolate.
    isolate.frames.clear();
    isolate.blocks.clear();
    result.ok = false;
    result.exception_type = "SystemError";
    result.exception_line = std::string("SystemError: internal error: ") + e.what();
    result.traceback = result.exception_line + "\n";
  }
  if (limits.timeout.count() > 0) sandbox::Watchdog::instance().disarm(ticket);
  if (result.ok) report_limit_hit_at_end(isolate, result);
  // What stopped this run (deadline, output cap, a cancel) is used up; a
  // cancel() from now on is for the next run.
  isolate.stop_flag.store(false);
  isolate.stop_reason.store(Isolate::kStopCancelled);
  return result;
}

void cancel(Isolate& isolate) {
  isolate.stop_reason.store(Isolate::kStopCancelled);
  isolate.stop_flag.store(true);
}

bool is_limit_error(const RunResult& result) {
  if (result.ok) return false;
  const std::string& t = result.exception_type;
  return t == "ScriptTimeoutError" || t == "ScriptMemoryError" || t == "ScriptOutputError" ||
         t == "ScriptCancelledError" || t == "RecursionError";
}

}  // namespace quire::lang
