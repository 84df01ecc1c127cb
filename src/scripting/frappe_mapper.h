#pragma once
// frappe.copy_doc (frappe/__init__.py) and frappe.get_mapped_doc
// (frappe/model/mapper.py): new documents made from existing ones.

#include "lang/object/runtime.h"

namespace quire::scripting {

// Adds copy_doc and get_mapped_doc to the frappe namespace.
void add_mapper_functions(lang::Type* frappe_names);

}  // namespace quire::scripting
