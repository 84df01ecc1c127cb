#pragma once
// frappe.render_template(template, context=None, is_path=None, safe_render=True)
// as frappe/utils/jinja.py renders: Jinja's sandboxed environment with
// DebugUndefined, autoescape off, the safe globals of a script, Frappe's
// filters. The template subset and its evaluation: render_template_syntax.h,
// render_template_eval.h. Parsed templates are cached by source.

#include "lang/object/runtime.h"

namespace quire::scripting {

// The native bound as frappe.render_template.
lang::Value render_template_native(lang::Isolate& I, lang::Value* args, std::size_t nargs,
                                   const lang::Tuple* kwnames, void* data);

// True while a template renders on this thread (Frappe's in_render_safe_exec:
// frappe.qb refuses non-SELECT queries there with db.sql's message).
bool rendering_template();

}  // namespace quire::scripting
