#pragma once
// The standard modules quire provides to scripts: `json` and `datetime`.
// Host code binds them as globals (Frappe's sandbox has `json` as a global)
// or resolves `import json` through stdlib_import.
//
//   isolate.import_hook = lang::stdlib_import;          // trusted code
//   Value json = lang::stdlib_module(isolate, "json");  // bind as a global
//
// Each call builds a fresh module object in the isolate (a few natives);
// the classes inside (datetime.date, json.JSONDecodeError) are process-wide.
// Building a module also describes its names in the catalog
// (sandbox/catalog.h); describe_stdlib() does it without an isolate.

#include <string>
#include <string_view>
#include <vector>

#include "lang/object/runtime.h"

namespace quire::lang {

// A new reference to the standard module `name`, Undef when there is none,
// Exc on error.
Value stdlib_module(Isolate& I, std::string_view name);
// An ImportHook that resolves exactly the standard modules.
Value stdlib_import(Isolate& I, std::string_view name);
// The import hook for `quire exec`: the standard modules, and for other
// names ModuleNotFoundError (trusted) or the sandbox's ImportError
// "__import__ not found" (sandboxed, as Frappe's safe_exec says).
ImportHook stdlib_import_hook(bool sandboxed);
// The names stdlib_module knows.
const std::vector<std::string>& stdlib_module_names();
// Fills the catalog with the standard modules and `_dict` (idempotent).
void describe_stdlib();

}  // namespace quire::lang
