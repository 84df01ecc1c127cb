#pragma once
// render_template's restricted globals (spec §12 case 44): the template's
// `frappe` is the script's with get_doc / get_cached_doc returning SafeDocs
// (read-only documents) and get_all being the permission-checked get_list.

#include "lang/object/runtime.h"

namespace quire::scripting {

// A `frappe` module for a template: the script's `frappe` (a module) with the
// restricted names replaced (anything else the script bound as `frappe` is
// given as it is). A new reference, or Exc.
lang::Value template_frappe_module(lang::Isolate& I, lang::Value frappe);

// Drops the SafeDocs of the templates rendered on this thread (called when
// the outermost render ends; a SafeDoc kept after that raises when used).
void forget_safe_docs();

}  // namespace quire::scripting
