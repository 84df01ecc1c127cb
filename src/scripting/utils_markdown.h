#pragma once
// frappe.utils.md_to_html and markdown (markdown2 in Frappe): CommonMark and
// tables parsed by cmark-gfm, written in markdown2's HTML layout.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds them to the frappe.utils namespace (once, at its creation).
void add_markdown_functions(lang::Type* utils);

}  // namespace quire::scripting
