#pragma once
// safe_exec: compiles a script once and runs it in an isolate of this
// thread, with `frappe` and the other safe globals bound (spec §3.2, §3.6).
//
// Runs nest: a script that saves a document may start the document's own
// event scripts, which run in the next isolate of this thread (each depth has
// its own isolate, so nothing of the outer run is touched). Depth is bounded.

#include <functional>
#include <memory>
#include <string>

#include "lang/compile/code.h"
#include "lang/sandbox/sandbox.h"
#include "lang/vm/isolate.h"
#include "scripting/run_state.h"

namespace quire::scripting {

// Deepest nesting of script runs (a script saving a document whose script
// saves another...). Beyond it the save fails with a ValidationError.
constexpr int kMaxScriptDepth = 16;

// Compiles `source` as script `name` (the traceback filename is
// "<serverscript>: <scrubbed name>"). A syntax or policy error throws
// ValidationError "Script: Invalid python code on line N" with the details.
// Compiled under the sandbox policy (lang/sandbox/policy.h): a policy
// refusal is reported the same way, with RestrictedPython's message.
std::shared_ptr<const lang::Program> compile_script(const std::string& name,
                                                    const std::string& source,
                                                    const lang::Limits& limits = {});

// What a run binds beside the safe globals and reads back after it.
struct RunHooks {
  // Binds extra globals (doc, user, conditions...); false on error.
  std::function<bool(lang::Isolate&)> bind;
  // Called after the module code finished without an exception.
  std::function<void(lang::Isolate&)> after;
};

// Runs `program` for `run`. A script exception is thrown as FrappeError or
// ScriptError (script_error.h); the debug log receives print() output.
void execute(const lang::Program& program, RunState& run, const RunHooks& hooks = {});

// The value of a module-level name after a run (borrowed, Undef if unset).
lang::Value global_value(lang::Isolate& I, std::string_view name);
bool bind_global(lang::Isolate& I, std::string_view name, lang::Value v);  // borrows v

// Frappe's scrub: lower case, spaces and hyphens to underscores.
std::string scrub(std::string_view text);

}  // namespace quire::scripting
