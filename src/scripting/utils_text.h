#pragma once
// frappe.utils text helpers, as frappe/utils/data.py writes them:
// comma_and, comma_or, strip_html, escape_html, format_duration, pretty_date.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_text_functions(lang::Type* utils);

}  // namespace quire::scripting
