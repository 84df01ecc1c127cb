#pragma once
// frappe.utils: generate_hash, sha256_hash, is_html, is_image, comma_sep,
// new_line_sep, filter_strip_join, get_number_format_info, quoted, report
// and form URLs, filter tuples, compare; md_to_html & co refused clearly.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_misc_functions(lang::Type* utils);

}  // namespace quire::scripting
