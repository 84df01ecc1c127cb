#pragma once
// The sandbox policy: which programs a *sandboxed* script (a server script)
// may compile, and the attribute rule the runtime applies to names computed at
// run time (getattr, hasattr, setattr, str.format fields).
//
// Compile time (check_policy) refuses, with RestrictedPython's messages and
// "Line N: " prefixes (Frappe's safe_exec shows exactly these):
//   - names starting with "_" (except "_" and Frappe's "_dict"), or ending
//     with "__roles__"; "print"/"printed" as assigned/def/argument names;
//     "builtins"/"breakpoint" anywhere;
//   - attributes starting with "_", ending with "__roles__", or in the
//     inspect set (gi_frame, f_back, tb_frame, co_code ...);
//   - exec(...) / eval(...) calls, `from x import *`, `class C(metaclass=...)`.
// Dunder *method definitions* directly inside a class body (`def __init__`,
// `def __eq__` ...) are allowed: RestrictedPython allows a few; quire allows
// every `__name__` form there, since attribute access stays refused.
//
// `import x` compiles; a sandboxed run makes it raise
// ImportError("__import__ not found") (see sandbox/run_limits.h).
//
// Trusted code (app controllers, hooks) skips all of this.

#include <string>
#include <string_view>
#include <vector>

#include "lang/syntax/ast.h"

namespace quire::lang {

enum class Policy { Sandboxed, Trusted };

class Isolate;
struct Str;

namespace sandbox {

struct PolicyViolation {
  int lineno = 0;
  int col_offset = 0;   // 0-based UTF-8 byte offset, as in the AST
  std::string message;  // "Line 3: Eval calls are not allowed."
};

// Every violation in source order (empty when the module is acceptable).
std::vector<PolicyViolation> check_policy(const syntax::Module& module);

// The runtime rule for attribute names computed at run time: false for names
// starting with "_" and for the inspect set.
bool attribute_allowed(std::string_view name);

// When `I` runs sandboxed and `name` is refused, raises AttributeError
// ("\"__class__\" is an invalid attribute name because it starts with \"_\"")
// and returns false; otherwise returns true. One line at each dynamic lookup.
bool check_dynamic_attribute(Isolate& I, const Str* name);

// Builtins a sandboxed program does not see (spec §3.5 absent list, as far as
// the builtins table holds them): `vars`, `globals`, `open`... The sandboxed
// compile unbinds them, so using one is a NameError.
bool builtin_hidden(std::string_view name);

}  // namespace sandbox
}  // namespace quire::lang
