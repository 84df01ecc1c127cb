#pragma once
// frappe.qb, Frappe's PyPika query builder, as server scripts reach it
// (spec §3.7, §3.10): DocType/Table/Field, from_/into/update/select, the
// flattened frappe.qb.terms classes, frappe.qb.functions(name, *args),
// frappe.qb.desc/asc. Queries run through frappe.db.sql's read-only path;
// anything but a SELECT is refused with Frappe's PermissionError. The pieces:
// frappe_qb_node.h (objects), frappe_qb_terms.cpp (operators, criteria),
// frappe_qb_query.cpp (tables, queries, run), frappe_qb_sql.h (SQL text).

#include "lang/object/runtime.h"

namespace quire::scripting {

// The class bound as `frappe.qb`: process-wide and immutable, so a run binds
// it without allocating anything.
lang::Type* qb_namespace();

}  // namespace quire::scripting
