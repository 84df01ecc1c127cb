#pragma once
// `quire exec FILE.py [--repeat N] [--trusted] [--max-steps N] [--timeout S]
// [--max-memory SIZE]`: runs a script standalone.
//
// By default the script runs *sandboxed*, exactly as a server script would:
// the sandbox policy (no `_` names or attributes, no imports, no exec/eval)
// and the default limits of lang/sandbox/sandbox.h. --trusted runs it as app
// code: no policy, and no step budget or deadline unless given.
//
// print() goes to stdout; an uncaught exception prints a traceback on stderr
// and exits 1; a syntax error (or a policy refusal) is reported as CPython
// reports syntax errors, exit 1. A limit error (ScriptTimeoutError,
// ScriptMemoryError, RecursionError in the sandbox, ScriptOutputError)
// prints its traceback and exits 3, so scripts and CI can tell them apart.
// --repeat N runs the compiled program N times and prints µs per run
// (min/median) to stderr.

#include "cli/commands.h"

namespace quire::cli {

Command add_exec_command(CLI::App& root, const Globals& globals);

}  // namespace quire::cli
