#pragma once
// SQL text of frappe.qb trees (frappe_qb_node.h), laid out as PyPika's MySQL
// dialect lays it out for Frappe (`name` quoting, no AS before aliases,
// criteria without spaces around `=`), with one difference that is the
// point: every value is a named parameter %(paramN)s, never text, exactly as
// Frappe's run() prepares a query for frappe.db.sql. Identifiers are checked
// when their nodes are made; PseudoColumn text is the only raw SQL (its '%'
// doubled so the parameter syntax cannot be forged from it).

#include <string>

#include "model/meta.h"

namespace quire::scripting::qb {

struct RenderedSql {
  std::string sql;
  model::Json params = model::Json::object();  // "param1" -> value
};

// A query (SELECT, UPDATE, DELETE, INSERT); "" for one PyPika would render
// empty (a SELECT without columns, an UPDATE without SET).
RenderedSql render_query(const model::Json& query);
// A term or criterion on its own (str(t.name == "x")).
RenderedSql render_term(const model::Json& term);
// A table on its own (str(frappe.qb.DocType("ToDo"))).
std::string render_table(const model::Json& table);

}  // namespace quire::scripting::qb
