#include "scripting/frappe_qb_warnings.h"  // first: see there
// Queries made of queries: union / union_all (PyPika's `+` and `*`), common
// table expressions (with_) and for_update. A set operation is its own class
// (PyPika's _SetOperation: orderby, limit, offset, more unions, run; no
// where or joins). Everything still runs through frappe.db.sql's read-only
// engine path, with the run's deadline interrupting the statement, so a
// recursive CTE that never ends stops with the script's time limit.
#include "scripting/frappe_qb_node.h"
#include "scripting/native_util.h"

namespace quire::scripting::qb {

using namespace quire::lang;

namespace {

bool is_readable_query(const Json& node) {
  const std::string type = node.value("type", "");
  return node.value("k", "") == "query" && (type == "select" || type == "union");
}

// The query behind a union or CTE argument: a SELECT or another set operation.
bool query_arg(Isolate& I, Value v, Json& out, const char* what) {
  if (node_of(v, out) && is_readable_query(out)) return true;
  raise(
      I, types().TypeError,
      std::string(what) + " must be a SELECT query (frappe.qb.from_(...)...), not " + type_name(v));
  return false;
}

// `self op other`: a set operation with one more member. A set operation
// without its own ORDER BY or LIMIT grows flat, as PyPika's does.
Value set_operation(Isolate& I, Value self, Value other, const char* op, const char* fname) {
  Json left = self_node(self), right;
  if (!query_arg(I, other, right, (std::string(fname) + "() query").c_str())) return Value::exc();
  const bool extend = left.value("type", "") == "union" && !left.contains("order") &&
                      !left.contains("limit") && !left.contains("offset") && !left.contains("a");
  Json node = extend ? left
                     : Json{{"k", "query"},
                            {"type", "union"},
                            {"parts", Json::array({Json::array({"", left})})}};
  node["parts"].push_back(Json::array({op, right}));
  return make(I, node);
}

QUIRE_NATIVE(q_union) {
  Value a[1];
  if (!parse_args(I, "union", args + 1, nargs - 1, kwnames, {"other"}, 1, a)) return Value::exc();
  return set_operation(I, args[0], a[0], "UNION", "union");
}

QUIRE_NATIVE(q_union_all) {
  Value a[1];
  if (!parse_args(I, "union_all", args + 1, nargs - 1, kwnames, {"other"}, 1, a))
    return Value::exc();
  return set_operation(I, args[0], a[0], "UNION ALL", "union_all");
}

// PyPika: q1 + q2 is a union, q1 * q2 a union all.
QUIRE_NATIVE(q_plus) {
  return set_operation(I, args[0], args[1], "UNION", "union");
}
QUIRE_NATIVE(q_times) {
  return set_operation(I, args[0], args[1], "UNION ALL", "union_all");
}

bool add_cte(Isolate& I, Json& q, Value selectable, Value name) {
  Json body;
  std::string alias;
  if (!query_arg(I, selectable, body, "with_() query") || !arg_string(I, name, alias, "name") ||
      !check_name(I, alias, "CTE name"))
    return false;
  if (!q.contains("with")) q["with"] = Json::array();
  q["with"].push_back(Json::array({alias, body}));
  return true;
}

// query.with_(selectable, name): WITH `name` AS (selectable) before the query.
QUIRE_NATIVE(q_with) {
  Value a[2];
  if (!parse_args(I, "with_", args + 1, nargs - 1, kwnames, {"selectable", "name"}, 2, a))
    return Value::exc();
  Json q = self_node(args[0]);
  if (!add_cte(I, q, a[0], a[1])) return Value::exc();
  return make(I, q);
}

// for_update(nowait=False, skip_locked=False, of=()): kept on the query and
// rendered as nothing: quire runs on SQLite, which has no FOR UPDATE (a write
// transaction already holds the whole database).
QUIRE_NATIVE(q_for_update) {
  Value a[3];
  if (!parse_args(I, "for_update", args + 1, nargs - 1, kwnames, {"nowait", "skip_locked", "of"}, 0,
                  a))
    return Value::exc();
  Json q = self_node(args[0]);
  q["for_update"] = true;
  return make(I, q);
}

}  // namespace

// frappe.qb.with_(selectable, name): a SELECT that starts with the CTE.
Value query_with(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[2];
  if (!parse_args(I, "with_", args, nargs, kwnames, {"table", "name"}, 2, a)) return Value::exc();
  Json q{{"k", "query"}, {"type", "select"}};
  if (!add_cte(I, q, a[0], a[1])) return Value::exc();
  return make(I, q);
}

void define_set_operation_methods(const Classes& c) {
  for (const host::ValueType* t : {&c.query, &c.set_operation}) {
    host::define_method(*t, "union", q_union);
    host::define_method(*t, "union_all", q_union_all);
    host::define_special(*t, "__add__", q_plus);
    host::define_special(*t, "__mul__", q_times);
  }
  host::define_method(c.query, "with_", q_with);
  host::define_method(c.query, "for_update", q_for_update);
}

}  // namespace quire::scripting::qb
