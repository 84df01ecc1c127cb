#pragma once
// frappe.utils filter helpers of frappe/utils/data.py: get_filter,
// evaluate_filters, compare (with data.py's fieldtype cast) and
// sanitize_column.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_filter_functions(lang::Type* utils);

}  // namespace quire::scripting
