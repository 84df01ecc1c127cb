#pragma once
// get_query's child-query fields (Frappe develop, frappe/database/query.py
// ChildQuery and query_builder/utils.py execute_child_queries):
// `fields=["name", {"items": ["item_code", "qty"]}]` selects no column for
// the dict; once the query runs with dict rows whose first row has a name,
// each row gets `row.items`: the child rows of that parent (parenttype,
// parentfield), by idx, each a _dict of the asked fields (`parent` and
// `parentfield` only when asked for). Rows as tuples get nothing.

#include "scripting/frappe_qb_node.h"

namespace quire::scripting::qb {

// The child-query entry of a query node for `fields` of table field
// `fieldname` of `parent_doctype`, whose rows are `child_doctype`.
Json child_query_spec(const std::string& fieldname, const std::string& parent_doctype,
                      const std::string& child_doctype, const Json& fields);

// Runs `query`'s child queries and puts their rows into `rows` (db.sql's
// result, changed in place). `run` is the query's run(); false with an
// exception raised on error.
bool attach_child_queries(Isolate& I, const Json& query, Value rows, lang::NativeFn run);

}  // namespace quire::scripting::qb
