#pragma once
// frappe.safe_eval(code, eval_globals=None, eval_locals=None): one Python
// expression under safe_exec's rules (spec §3.12). See safe_eval.cpp.

#include "lang/object/runtime.h"

namespace quire::scripting {

lang::Value safe_eval_native(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                             const lang::Tuple* kwnames, void* data);

}  // namespace quire::scripting
