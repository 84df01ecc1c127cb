#include "scripting/frappe_qb_warnings.h"  // first: see there
// frappe.qb tables and queries: `t.field` / `t["field"]`, the builder
// methods of a query (select, where, joins, orderby, limit...; update/set,
// delete, into/insert), its SQL text, and run(), which hands the SQL and its
// parameters to frappe.db.sql: the same read-only engine guard and result
// shapes as a hand-written query. Only a SELECT is ever handed on: any other
// statement is refused with Frappe's PermissionError before it reaches SQL.
#include "scripting/frappe_api.h"
#include "scripting/frappe_qb_child_queries.h"
#include "scripting/frappe_qb_node.h"
#include "scripting/frappe_qb_sql.h"
#include "scripting/native_util.h"
#include "scripting/render_template.h"

namespace quire::scripting::qb {

using namespace quire::lang;

namespace {

// ---------------------------------------------------------------- tables

QUIRE_NATIVE(table_getattr) {
  std::string_view name = as_str(args[1])->view();
  if (name.empty() || name[0] == '_') {
    return raise(I, types().AttributeError,
                 "'Table' object has no attribute '" + std::string(name) + "'");
  }
  if (!check_name(I, name, "field name")) return Value::exc();
  return make(
      I, Json{{"k", "field"}, {"n", std::string(name)}, {"t", self_node(args[0])}, {"a", nullptr}});
}

QUIRE_NATIVE(table_getitem) {
  std::string name;
  if (!arg_string(I, args[1], name, "field name") || !check_name(I, name, "field name"))
    return Value::exc();
  return make(I, Json{{"k", "field"}, {"n", name}, {"t", self_node(args[0])}, {"a", nullptr}});
}

QUIRE_NATIVE(table_str) {
  return new_str(I, render_table(self_node(args[0])));
}

QUIRE_NATIVE(table_repr) {
  return new_str(I, "Table('" + self_node(args[0]).value("n", "") + "')");
}

QUIRE_NATIVE(table_get_table_name) {
  Json t = self_node(args[0]);
  return new_str(I, t["a"].is_string() ? t["a"].get<std::string>() : t.value("n", ""));
}

QUIRE_NATIVE(table_as) {
  Value a[1];
  if (!parse_args(I, "as_", args + 1, nargs - 1, kwnames, {"alias"}, 1, a)) return Value::exc();
  Json t = self_node(args[0]);
  std::string alias;
  if (!arg_string(I, a[0], alias, "alias") || !check_name(I, alias, "alias")) return Value::exc();
  t["a"] = alias;
  return make(I, t);
}

QUIRE_NATIVE(table_star) {
  return make(I, Json{{"k", "star"}, {"t", self_node(args[0])}});
}

// ---------------------------------------------------------------- query helpers

Json new_query(const char* type) {
  return Json{{"k", "query"}, {"type", type}};
}

// The table a bare column name belongs to: the first FROM table, as PyPika.
Json first_table(const Json& q) {
  if (q.contains("from") && !q["from"].empty()) return q["from"][0];
  return nullptr;
}

// Appends each positional argument (args[first..nargs)) as a column term to q[key].
bool append_columns(Isolate& I, Json& q, const char* key, Value* args, std::size_t first,
                    std::size_t nargs, const char* what) {
  Json table = first_table(q);
  if (!q.contains(key)) q[key] = Json::array();
  for (std::size_t i = first; i < nargs; ++i) {
    Json term;
    if (!column_arg(I, args[i], table, term, what)) return false;
    q[key].push_back(std::move(term));
  }
  return true;
}

bool no_keywords(Isolate& I, const char* fname, const Tuple* kwnames) {
  return only_keywords(I, fname, kwnames, {});
}

// q.where(c) twice is `first AND c`; an EmptyCriterion adds nothing.
bool add_criterion(Isolate& I, Json& q, const char* key, Value v) {
  Json c;
  if (!term_arg(I, v, c, "the criterion")) return false;
  if (c.value("k", "") == "empty") return true;
  q[key] = q.contains(key) && !q[key].is_null() ? combine_criteria(q[key], c, "AND") : c;
  return true;
}

// ---------------------------------------------------------------- select

QUIRE_NATIVE(q_select) {
  if (!no_keywords(I, "select", kwnames)) return Value::exc();
  Json q = self_node(args[0]);
  if (!append_columns(I, q, "sel", args, 1, nargs, "a selected column")) return Value::exc();
  return make(I, q);
}

QUIRE_NATIVE(q_from) {
  Value a[1];
  if (!parse_args(I, "from_", args + 1, nargs - 1, kwnames, {"selectable"}, 1, a))
    return Value::exc();
  Json q = self_node(args[0]), table;
  if (!table_arg(I, a[0], table, "from_() table")) return Value::exc();
  if (!q.contains("from")) q["from"] = Json::array();
  q["from"].push_back(table);
  return make(I, q);
}

Value criterion_method(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                       const char* key, const char* fname) {
  Value a[1];
  if (!parse_args(I, fname, args + 1, nargs - 1, kwnames, {"criterion"}, 1, a)) return Value::exc();
  Json q = self_node(args[0]);
  if (!add_criterion(I, q, key, a[0])) return Value::exc();
  return make(I, q);
}

QUIRE_NATIVE(q_where) {
  return criterion_method(I, args, nargs, kwnames, "where", "where");
}
QUIRE_NATIVE(q_having) {
  return criterion_method(I, args, nargs, kwnames, "having", "having");
}

QUIRE_NATIVE(q_groupby) {
  if (!no_keywords(I, "groupby", kwnames)) return Value::exc();
  Json q = self_node(args[0]);
  if (!append_columns(I, q, "group", args, 1, nargs, "a groupby() column")) return Value::exc();
  return make(I, q);
}

// orderby(*fields, order=Order.asc|Order.desc)
QUIRE_NATIVE(q_orderby) {
  if (!only_keywords(I, "orderby", kwnames, {"order"})) return Value::exc();
  Value order = keyword(args, nargs, kwnames, "order");
  std::string direction;
  if (given(order)) {
    Json o;
    if (!node_of(order, o) || o.value("k", "") != "order") {
      return raise(I, types().TypeError,
                   "orderby() order must be frappe.qb.desc or frappe.qb.asc (Order), not " +
                       type_name(order));
    }
    direction = o.value("o", "");
  }
  Json q = self_node(args[0]);
  Json table = first_table(q);
  if (!q.contains("order")) q["order"] = Json::array();
  for (std::size_t i = 1; i < nargs; ++i) {
    Json term;
    if (!column_arg(I, args[i], table, term, "an orderby() column")) return Value::exc();
    q["order"].push_back(Json::array({term, direction}));
  }
  return make(I, q);
}

Value count_method(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames,
                   const char* key) {
  Value a[1];
  if (!parse_args(I, key, args + 1, nargs - 1, kwnames, {key}, 1, a)) return Value::exc();
  Json q = self_node(args[0]);
  if (a[0].is_none()) {
    q.erase(key);
    return make(I, q);
  }
  if (!a[0].is_int() && !a[0].is_bool()) {
    return raise(I, types().TypeError,
                 std::string(key) + "() takes an int, not " + type_name(a[0]));
  }
  if (a[0].i < 0) {
    return raise(I, types().ValueError, std::string(key) + "() must not be negative");
  }
  q[key] = a[0].is_bool() ? std::int64_t{a[0].b} : a[0].i;
  return make(I, q);
}

QUIRE_NATIVE(q_limit) {
  return count_method(I, args, nargs, kwnames, "limit");
}
QUIRE_NATIVE(q_offset) {
  return count_method(I, args, nargs, kwnames, "offset");
}

QUIRE_NATIVE(q_distinct) {
  if (!parse_args(I, "distinct", args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  Json q = self_node(args[0]);
  q["distinct"] = true;
  return make(I, q);
}

QUIRE_NATIVE(q_as) {
  Value a[1];
  if (!parse_args(I, "as_", args + 1, nargs - 1, kwnames, {"alias"}, 1, a)) return Value::exc();
  std::string alias;
  if (!arg_string(I, a[0], alias, "alias") || !check_name(I, alias, "alias")) return Value::exc();
  Json q = self_node(args[0]);
  q["a"] = alias;
  return make(I, q);
}

// ---------------------------------------------------------------- joins

Value join(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* how,
           const char* fname) {
  Value a[1];
  if (!parse_args(I, fname, args + 1, nargs - 1, kwnames, {"item"}, 1, a)) return Value::exc();
  Json table;
  if (!table_arg(I, a[0], table, std::string(fname).append("() table").c_str()))
    return Value::exc();
  return make(I, Json{{"k", "joiner"}, {"q", self_node(args[0])}, {"how", how}, {"t", table}});
}

QUIRE_NATIVE(q_join) {
  return join(I, args, nargs, kwnames, "", "join");
}
QUIRE_NATIVE(q_inner_join) {
  return join(I, args, nargs, kwnames, "", "inner_join");
}
QUIRE_NATIVE(q_left_join) {
  return join(I, args, nargs, kwnames, "LEFT ", "left_join");
}
QUIRE_NATIVE(q_right_join) {
  return join(I, args, nargs, kwnames, "RIGHT ", "right_join");
}
QUIRE_NATIVE(q_outer_join) {
  return join(I, args, nargs, kwnames, "FULL OUTER ", "outer_join");
}
QUIRE_NATIVE(q_cross_join) {
  return join(I, args, nargs, kwnames, "CROSS ", "cross_join");
}

Value joined(Isolate& I, const Json& joiner, Json clause) {
  Json q = joiner["q"];
  clause["how"] = joiner["how"];
  clause["t"] = joiner["t"];
  if (!q.contains("joins")) q["joins"] = Json::array();
  q["joins"].push_back(std::move(clause));
  return make(I, q);
}

QUIRE_NATIVE(joiner_on) {
  Value a[1];
  if (!parse_args(I, "on", args + 1, nargs - 1, kwnames, {"criterion"}, 1, a)) return Value::exc();
  Json c;
  if (!term_arg(I, a[0], c, "the join criterion")) return Value::exc();
  return joined(I, self_node(args[0]), Json{{"on", c}});
}

// on_field("a", "b"): ON from.a = joined.a AND from.b = joined.b
QUIRE_NATIVE(joiner_on_field) {
  if (!no_keywords(I, "on_field", kwnames)) return Value::exc();
  Json joiner = self_node(args[0]);
  Json left = first_table(joiner["q"]);
  Json criterion = nullptr;
  for (std::size_t i = 1; i < nargs; ++i) {
    std::string name;
    if (!arg_string(I, args[i], name, "on_field() field") || !check_name(I, name, "field name"))
      return Value::exc();
    Json eq{{"k", "cmp"},
            {"op", "="},
            {"l", Json{{"k", "field"}, {"n", name}, {"t", left}, {"a", nullptr}}},
            {"r", Json{{"k", "field"}, {"n", name}, {"t", joiner["t"]}, {"a", nullptr}}}};
    criterion = criterion.is_null() ? eq : combine_criteria(criterion, eq, "AND");
  }
  if (criterion.is_null()) {
    return raise(I, types().TypeError, "on_field() takes at least one field name");
  }
  return joined(I, joiner, Json{{"on", criterion}});
}

QUIRE_NATIVE(joiner_using) {
  if (!no_keywords(I, "using", kwnames)) return Value::exc();
  Json fields = Json::array();
  for (std::size_t i = 1; i < nargs; ++i) {
    std::string name;
    if (!arg_string(I, args[i], name, "using() field") || !check_name(I, name, "field name"))
      return Value::exc();
    fields.push_back(Json{{"k", "field"}, {"n", name}, {"t", nullptr}, {"a", nullptr}});
  }
  if (fields.empty()) return raise(I, types().TypeError, "using() takes at least one field name");
  return joined(I, self_node(args[0]), Json{{"using", fields}});
}

// ---------------------------------------------------------------- writes (built, never run)

QUIRE_NATIVE(q_delete) {
  if (!parse_args(I, "delete", args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  Json q = self_node(args[0]);
  q["type"] = "delete";
  return make(I, q);
}

QUIRE_NATIVE(q_set) {
  Value a[2];
  if (!parse_args(I, "set", args + 1, nargs - 1, kwnames, {"field", "value"}, 2, a))
    return Value::exc();
  Json q = self_node(args[0]), field, value;
  if (!column_arg(I, a[0], nullptr, field, "set() field")) return Value::exc();
  if (field.value("k", "") != "field") {
    return raise(I, types().TypeError, "set() field must be a field or a column name");
  }
  if (!term_arg(I, a[1], value, "set() value")) return Value::exc();
  if (!q.contains("set")) q["set"] = Json::array();
  q["set"].push_back(Json::array({field, value}));
  return make(I, q);
}

QUIRE_NATIVE(q_columns) {
  if (!no_keywords(I, "columns", kwnames)) return Value::exc();
  Json q = self_node(args[0]);
  if (!q.contains("cols")) q["cols"] = Json::array();
  for (std::size_t i = 1; i < nargs; ++i) {
    Json field;
    if (!column_arg(I, args[i], nullptr, field, "a column")) return Value::exc();
    if (field.value("k", "") != "field") {
      return raise(I, types().TypeError, "columns() takes fields or column names");
    }
    q["cols"].push_back(std::move(field));
  }
  return make(I, q);
}

bool row_terms(Isolate& I, Value row, Json& out) {
  std::vector<Json> terms;
  if (!terms_of(I, row, terms, "an inserted value")) return false;
  out = std::move(terms);
  return true;
}

// insert(1, "a") is one row; insert((1, "a"), (2, "b")) is two, as in PyPika.
QUIRE_NATIVE(q_insert) {
  if (!no_keywords(I, "insert", kwnames)) return Value::exc();
  Json q = self_node(args[0]);
  if (!q.contains("rows")) q["rows"] = Json::array();
  if (nargs > 1 && (is_list(args[1]) || is_tuple(args[1]))) {
    for (std::size_t i = 1; i < nargs; ++i) {
      Json row;
      if (!row_terms(I, args[i], row)) return Value::exc();
      q["rows"].push_back(std::move(row));
    }
  } else if (nargs > 1) {
    Json row = Json::array();
    for (std::size_t i = 1; i < nargs; ++i) {
      Json term;
      if (!term_arg(I, args[i], term, "an inserted value")) return Value::exc();
      row.push_back(std::move(term));
    }
    q["rows"].push_back(std::move(row));
  }
  return make(I, q);
}

// ---------------------------------------------------------------- SQL and run

QUIRE_NATIVE(q_get_sql) {
  return new_str(I, render_query(self_node(args[0])).sql);
}

// walk(): (sql, params), what Frappe's run() hands to frappe.db.sql.
QUIRE_NATIVE(q_walk) {
  if (!parse_args(I, "walk", args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  RenderedSql r = render_query(self_node(args[0]));
  Value items[2] = {new_str(I, r.sql), to_value(I, r.params)};
  if (items[1].is_exc()) {
    decref(items[0]);
    return Value::exc();
  }
  Value out = new_tuple_from(I, items, 2);
  decref(items[0]);
  decref(items[1]);
  return out;
}

// What run() may hand to frappe.db.sql: a SELECT or a set operation of them
// (with or without WITH before it), and nothing PyPika would render empty.
bool is_read_query(const Json& q, const std::string& sql) {
  const std::string type = q.value("type", "");
  return !sql.empty() && (type == "select" || type == "union");
}

// run(*args, **kwargs) = frappe.db.sql(sql, params, *args, **kwargs).
QUIRE_NATIVE(q_run) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  const Json q = self_node(args[0]);
  RenderedSql r = render_query(q);
  if (!is_read_query(q, r.sql)) {
    // Frappe's prepare_query: a template's query fails read_sql's check; one
    // run by script code is refused with its own message. Neither runs.
    if (rendering_template()) {
      return guarded(I, []() -> Value {
        model::raise(model::ErrorKind::PermissionError,
                     "Query must be of SELECT or read-only WITH type.", "Unsafe SQL query");
      });
    }
    return raise_frappe(I, "PermissionError", "Only SELECT SQL allowed in scripting");
  }
  std::vector<Value> call_args;
  std::size_t nkw = kwnames ? kwnames->size : 0;
  call_args.reserve(nargs + 1 + nkw);
  call_args.push_back(new_str(I, r.sql));
  call_args.push_back(to_value(I, r.params));
  if (call_args[1].is_exc()) {
    decref(call_args[0]);
    return Value::exc();
  }
  for (std::size_t i = 1; i < nargs + nkw; ++i) call_args.push_back(args[i]);
  Value sql = type_lookup(db_namespace(false), "sql");
  Value out = call(I, sql, call_args.data(), nargs + 1, kwnames);
  decref(call_args[0]);
  decref(call_args[1]);
  // get_query's child queries fill their field of each dict row.
  if (!out.is_exc() && q.contains("child") && !attach_child_queries(I, q, out, q_run)) {
    decref(out);
    return Value::exc();
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- frappe.qb entry points

Value new_table(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[3];
  if (!parse_args(I, "Table", args, nargs, kwnames, {"name", "schema", "alias"}, 1, a))
    return Value::exc();
  std::string name;
  if (!arg_string(I, a[0], name, "table name") || !check_name(I, name, "table name"))
    return Value::exc();
  if (given(a[1])) {
    return raise(I, types().TypeError, "Table() schemas are not supported: one database per site");
  }
  Json alias = nullptr;
  if (given(a[2])) {
    std::string text;
    if (!arg_string(I, a[2], text, "alias") || !check_name(I, text, "alias")) return Value::exc();
    alias = text;
  }
  return make(I, Json{{"k", "table"}, {"n", name}, {"a", alias}});
}

Value query_from(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "from_", args, nargs, kwnames, {"table"}, 1, a)) return Value::exc();
  Json table;
  if (!table_arg(I, a[0], table, "from_() table")) return Value::exc();
  Json q = new_query("select");
  q["from"] = Json::array({table});
  return make(I, q);
}

Value query_into(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "into", args, nargs, kwnames, {"table"}, 1, a)) return Value::exc();
  Json table;
  if (!table_arg(I, a[0], table, "into() table")) return Value::exc();
  Json q = new_query("insert");
  q["into"] = table;
  return make(I, q);
}

Value query_update(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "update", args, nargs, kwnames, {"table"}, 1, a)) return Value::exc();
  Json table;
  if (!table_arg(I, a[0], table, "update() table")) return Value::exc();
  Json q = new_query("update");
  q["upd"] = table;
  return make(I, q);
}

// frappe.qb.select(*terms): a SELECT without FROM (select(1), select(PseudoColumn(...))).
Value query_select(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  if (!no_keywords(I, "select", kwnames)) return Value::exc();
  Json q = new_query("select");
  if (!append_columns(I, q, "sel", args, 0, nargs, "a selected column")) return Value::exc();
  return make(I, q);
}

namespace {

// Table.select/update/insert: PyPika's shortcuts through Query.
QUIRE_NATIVE(table_select) {
  Value self = args[0];
  Value q = query_from(I, &self, 1, nullptr, nullptr);
  if (q.is_exc()) return q;
  Json node = self_node(q);
  decref(q);
  if (!no_keywords(I, "select", kwnames) ||
      !append_columns(I, node, "sel", args, 1, nargs, "a selected column"))
    return Value::exc();
  return make(I, node);
}

QUIRE_NATIVE(table_update) {
  if (!parse_args(I, "update", args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  Json q = new_query("update");
  q["upd"] = self_node(args[0]);
  return make(I, q);
}

QUIRE_NATIVE(table_insert) {
  Json q = new_query("insert");
  q["into"] = self_node(args[0]);
  // insert's receiver is the new query; the other arguments stay as given.
  return call_with_first(I, q_insert, make(I, q), args, nargs, kwnames);
}

}  // namespace

void define_table_methods(const Classes& c) {
  host::define_special(c.table, "__getattr__", table_getattr);
  host::define_special(c.table, "__getitem__", table_getitem);
  host::define_special(c.table, "__str__", table_str);
  host::define_special(c.table, "__repr__", table_repr);
  host::define_method(c.table, "as_", table_as);
  host::define_method(c.table, "get_sql", table_str);
  host::define_method(c.table, "get_table_name", table_get_table_name);
  host::define_method(c.table, "select", table_select);
  host::define_method(c.table, "update", table_update);
  host::define_method(c.table, "insert", table_insert);
  host::define_property(c.table, "star", table_star);
  host::set_constructor(c.table.type, new_table);
}

void define_query_methods(const Classes& c) {
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  static const Fn methods[] = {
      {"select", q_select},
      {"from_", q_from},
      {"where", q_where},
      {"having", q_having},
      {"groupby", q_groupby},
      {"orderby", q_orderby},
      {"limit", q_limit},
      {"offset", q_offset},
      {"distinct", q_distinct},
      {"as_", q_as},
      {"join", q_join},
      {"inner_join", q_inner_join},
      {"left_join", q_left_join},
      {"right_join", q_right_join},
      {"outer_join", q_outer_join},
      {"cross_join", q_cross_join},
      {"delete", q_delete},
      {"set", q_set},
      {"columns", q_columns},
      {"insert", q_insert},
      {"get_sql", q_get_sql},
      {"walk", q_walk},
      {"run", q_run},
  };
  for (const auto& m : methods) host::define_method(c.query, m.name, m.fn);
  // PyPika's _SetOperation: ordering, paging, aliasing and running only.
  static const Fn set_operation_methods[] = {
      {"orderby", q_orderby}, {"limit", q_limit}, {"offset", q_offset}, {"as_", q_as},
      {"get_sql", q_get_sql}, {"walk", q_walk},   {"run", q_run},
  };
  for (const auto& m : set_operation_methods) host::define_method(c.set_operation, m.name, m.fn);
  for (const host::ValueType* t : {&c.query, &c.set_operation}) {
    host::define_special(*t, "__str__", q_get_sql);
    host::define_special(*t, "__repr__", q_get_sql);
  }
  host::define_method(c.joiner, "on", joiner_on);
  host::define_method(c.joiner, "on_field", joiner_on_field);
  host::define_method(c.joiner, "using", joiner_using);
}

}  // namespace quire::scripting::qb
