#include "scripting/frappe_qb_warnings.h"  // first: see there
// frappe.qb terms and criteria: the operators that build conditions
// (t.status == "Open", a & b, ~a, t.qty * t.rate), PyPika's criterion
// methods (isin, like, isnull, between...), aliases, and the classes of
// frappe.qb.terms scripts construct (Field, PseudoColumn, ValueWrapper,
// Function, Case, EmptyCriterion, Star).
#include "scripting/frappe_qb_node.h"
#include "scripting/frappe_qb_sql.h"
#include "scripting/native_util.h"

namespace quire::scripting::qb {

using namespace quire::lang;

namespace {

bool is_empty(const Json& node) {
  return node.value("k", "") == "empty";
}

Value compare(Isolate& I, Value* args, const char* op) {
  Json right;
  if (!term_arg(I, args[1], right, "the compared value")) return Value::exc();
  return make(I, Json{{"k", "cmp"}, {"op", op}, {"l", self_node(args[0])}, {"r", right}});
}

QUIRE_NATIVE(t_eq) {
  return compare(I, args, "=");
}
QUIRE_NATIVE(t_ne) {
  return compare(I, args, "<>");
}
QUIRE_NATIVE(t_lt) {
  return compare(I, args, "<");
}
QUIRE_NATIVE(t_le) {
  return compare(I, args, "<=");
}
QUIRE_NATIVE(t_gt) {
  return compare(I, args, ">");
}
QUIRE_NATIVE(t_ge) {
  return compare(I, args, ">=");
}

// a & b, a | b: an EmptyCriterion on either side leaves the other (PyPika's
// way to build conditions in a loop: c = EmptyCriterion(); c &= ...).
Value combine(Isolate& I, Value* args, const char* op) {
  Json left = self_node(args[0]), right;
  if (!term_arg(I, args[1], right, "the other criterion")) return Value::exc();
  return make(I, combine_criteria(left, right, op));
}

QUIRE_NATIVE(t_and) {
  return combine(I, args, "AND");
}
QUIRE_NATIVE(t_or) {
  return combine(I, args, "OR");
}

Value negated(Isolate& I, Value self) {
  Json node = self_node(self);
  if (is_empty(node)) return make(I, node);
  return make(I, Json{{"k", "not"}, {"x", node}});
}

QUIRE_NATIVE(t_invert) {
  return negated(I, args[0]);
}

Value arithmetic(Isolate& I, Value* args, const char* op, bool reflected) {
  Json self = self_node(args[0]), other;
  if (!term_arg(I, args[1], other, "the other operand")) return Value::exc();
  Json node{{"k", "arith"},
            {"op", op},
            {"l", reflected ? std::move(other) : std::move(self)},
            {"r", reflected ? std::move(self) : std::move(other)},
            {"a", nullptr}};
  // SQLite has no INTERVAL type: only `date ± Interval` and `Interval + date`
  // have a meaning it can be given (frappe_qb_sql.cpp's date_add).
  const bool left = node["l"].value("k", "") == "interval";
  const bool right = node["r"].value("k", "") == "interval";
  const std::string o = op;
  if ((left || right) && !(right && !left && (o == "+" || o == "-")) &&
      !(left && !right && o == "+")) {
    return raise(
        I, types().TypeError,
        "an Interval can only be added to a date or datetime term, or subtracted from one");
  }
  return make(I, node);
}

QUIRE_NATIVE(t_add) {
  return arithmetic(I, args, "+", false);
}
QUIRE_NATIVE(t_radd) {
  return arithmetic(I, args, "+", true);
}
QUIRE_NATIVE(t_sub) {
  return arithmetic(I, args, "-", false);
}
QUIRE_NATIVE(t_rsub) {
  return arithmetic(I, args, "-", true);
}
QUIRE_NATIVE(t_mul) {
  return arithmetic(I, args, "*", false);
}
QUIRE_NATIVE(t_rmul) {
  return arithmetic(I, args, "*", true);
}
QUIRE_NATIVE(t_div) {
  return arithmetic(I, args, "/", false);
}
QUIRE_NATIVE(t_rdiv) {
  return arithmetic(I, args, "/", true);
}

QUIRE_NATIVE(t_str) {
  return new_str(I, render_term(self_node(args[0])).sql);
}

QUIRE_NATIVE(t_as) {
  Value a[1];
  if (!parse_args(I, "as_", args + 1, nargs - 1, kwnames, {"alias"}, 1, a)) return Value::exc();
  Json node = self_node(args[0]);
  if (a[0].is_none()) {
    node["a"] = nullptr;
    return make(I, node);
  }
  std::string alias;
  if (!arg_string(I, a[0], alias, "alias") || !check_name(I, alias, "alias")) return Value::exc();
  node["a"] = alias;
  return make(I, node);
}

Value contains(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, bool negated,
               const char* fname) {
  Value a[1];
  if (!parse_args(I, fname, args + 1, nargs - 1, kwnames, {"arg"}, 1, a)) return Value::exc();
  Json node{{"k", "in"}, {"x", self_node(args[0])}, {"neg", negated}};
  Json sub;
  if (node_of(a[0], sub) && sub.value("k", "") == "query") {
    node["q"] = sub;
    return make(I, node);
  }
  if (!is_list(a[0]) && !is_tuple(a[0]) && !is_set_like(a[0])) {
    return raise(I, types().TypeError,
                 std::string(fname) + "() takes a list, tuple or set of values, or a query, not " +
                     type_name(a[0]));
  }
  std::vector<Json> items;
  if (!terms_of(I, a[0], items, "an isin() item")) return Value::exc();
  node["list"] = std::move(items);
  return make(I, node);
}

QUIRE_NATIVE(t_isin) {
  return contains(I, args, nargs, kwnames, false, "isin");
}
QUIRE_NATIVE(t_notin) {
  return contains(I, args, nargs, kwnames, true, "notin");
}

Value matching(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* op,
               const char* fname) {
  Value a[1];
  if (!parse_args(I, fname, args + 1, nargs - 1, kwnames, {"expr"}, 1, a)) return Value::exc();
  Json pattern;
  if (!term_arg(I, a[0], pattern, "the pattern")) return Value::exc();
  return make(I, Json{{"k", "cmp"}, {"op", op}, {"l", self_node(args[0])}, {"r", pattern}});
}

// SQLite's LIKE ignores ASCII case already: ilike is LIKE here.
QUIRE_NATIVE(t_like) {
  return matching(I, args, nargs, kwnames, " LIKE ", "like");
}
QUIRE_NATIVE(t_not_like) {
  return matching(I, args, nargs, kwnames, " NOT LIKE ", "not_like");
}
QUIRE_NATIVE(t_ilike) {
  return matching(I, args, nargs, kwnames, " LIKE ", "ilike");
}
QUIRE_NATIVE(t_not_ilike) {
  return matching(I, args, nargs, kwnames, " NOT LIKE ", "not_ilike");
}

Value null_test(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, bool negated,
                const char* fname) {
  if (!parse_args(I, fname, args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  return make(I, Json{{"k", "null"}, {"x", self_node(args[0])}, {"neg", negated}});
}

QUIRE_NATIVE(t_isnull) {
  return null_test(I, args, nargs, kwnames, false, "isnull");
}
QUIRE_NATIVE(t_isnotnull) {
  return null_test(I, args, nargs, kwnames, true, "isnotnull");
}

// PyPika's notnull() is Not(isnull()): NOT `x` IS NULL.
QUIRE_NATIVE(t_notnull) {
  if (!parse_args(I, "notnull", args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  Json test{{"k", "null"}, {"x", self_node(args[0])}, {"neg", false}};
  return make(I, Json{{"k", "not"}, {"x", test}});
}

QUIRE_NATIVE(t_negate) {
  if (!parse_args(I, "negate", args + 1, nargs - 1, kwnames, {}, 0, nullptr)) return Value::exc();
  return negated(I, args[0]);
}

QUIRE_NATIVE(t_between) {
  Value a[2];
  if (!parse_args(I, "between", args + 1, nargs - 1, kwnames, {"lower", "upper"}, 2, a))
    return Value::exc();
  Json lo, hi;
  if (!term_arg(I, a[0], lo, "the lower bound") || !term_arg(I, a[1], hi, "the upper bound"))
    return Value::exc();
  return make(I, Json{{"k", "between"}, {"x", self_node(args[0])}, {"lo", lo}, {"hi", hi}});
}

QUIRE_NATIVE(t_get_sql) {
  return new_str(I, render_term(self_node(args[0])).sql);
}

// Case().when(criterion, value).else_(value)
QUIRE_NATIVE(case_when) {
  Value a[2];
  if (!parse_args(I, "when", args + 1, nargs - 1, kwnames, {"criterion", "term"}, 2, a))
    return Value::exc();
  Json criterion, term;
  if (!term_arg(I, a[0], criterion, "the criterion") || !term_arg(I, a[1], term, "the term"))
    return Value::exc();
  Json node = self_node(args[0]);
  node["when"].push_back(Json::array({criterion, term}));
  return make(I, node);
}

QUIRE_NATIVE(case_else) {
  Value a[1];
  if (!parse_args(I, "else_", args + 1, nargs - 1, kwnames, {"term"}, 1, a)) return Value::exc();
  Json term;
  if (!term_arg(I, a[0], term, "the term")) return Value::exc();
  Json node = self_node(args[0]);
  node["else"] = term;
  return make(I, node);
}

// Criterion.all([...]) / Criterion.any([...]): AND / OR of every item, an
// EmptyCriterion for none.
Value fold(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* op,
           const char* fname) {
  Value a[1];
  if (!parse_args(I, fname, args, nargs, kwnames, {"terms"}, 0, a)) return Value::exc();
  std::vector<Json> criteria;
  if (a[0].is_undef()) return make(I, chain_of(criteria, op));
  if (!terms_of(I, a[0], criteria, "a criterion")) return Value::exc();
  return make(I, chain_of(criteria, op));
}

QUIRE_NATIVE(criterion_all) {
  return fold(I, args, nargs, kwnames, "AND", "all");
}
QUIRE_NATIVE(criterion_any) {
  return fold(I, args, nargs, kwnames, "OR", "any");
}

// ---------------------------------------------------------------- constructors

QUIRE_NATIVE(new_field) {
  Value a[3];
  if (!parse_args(I, "Field", args, nargs, kwnames, {"name", "alias", "table"}, 1, a))
    return Value::exc();
  std::string name;
  Json alias, table = nullptr;
  if (!arg_string(I, a[0], name, "Field name") || !check_name(I, name, "field name") ||
      !optional_alias(I, a[1], alias))
    return Value::exc();
  if (given(a[2]) && !table_arg(I, a[2], table, "table")) return Value::exc();
  return make(I, Json{{"k", "field"}, {"n", name}, {"t", table}, {"a", alias}});
}

QUIRE_NATIVE(new_star) {
  Value a[1];
  if (!parse_args(I, "Star", args, nargs, kwnames, {"table"}, 0, a)) return Value::exc();
  Json table = nullptr;
  if (given(a[0]) && !table_arg(I, a[0], table, "table")) return Value::exc();
  return make(I, Json{{"k", "star"}, {"t", table}});
}

QUIRE_NATIVE(new_value_wrapper) {
  Value a[2];
  if (!parse_args(I, "ValueWrapper", args, nargs, kwnames, {"value", "alias"}, 1, a))
    return Value::exc();
  Json node, alias;
  if (!term_arg(I, a[0], node, "the value") || !optional_alias(I, a[1], alias)) return Value::exc();
  if (node.value("k", "") != "val") {
    return raise(I, types().TypeError, "ValueWrapper() takes a value, not " + type_name(a[0]));
  }
  node["a"] = alias;
  return make(I, node);
}

// PseudoColumn is raw SQL by design (Frappe's test_query_builder selects
// PseudoColumn("Max(name)")). It can only ever run inside a SELECT that the
// engine's read-only guard accepts.
QUIRE_NATIVE(new_pseudo_column) {
  Value a[1];
  if (!parse_args(I, "PseudoColumn", args, nargs, kwnames, {"name"}, 1, a)) return Value::exc();
  std::string sql;
  if (!arg_string(I, a[0], sql, "PseudoColumn name")) return Value::exc();
  return make(I, Json{{"k", "raw"}, {"s", sql}, {"a", nullptr}});
}

QUIRE_NATIVE(new_case) {
  Value a[1];
  if (!parse_args(I, "Case", args, nargs, kwnames, {"alias"}, 0, a)) return Value::exc();
  Json alias;
  if (!optional_alias(I, a[0], alias)) return Value::exc();
  return make(I, Json{{"k", "case"}, {"when", Json::array()}, {"else", nullptr}, {"a", alias}});
}

QUIRE_NATIVE(new_empty_criterion) {
  if (!parse_args(I, "EmptyCriterion", args, nargs, kwnames, {}, 0, nullptr)) return Value::exc();
  return make(I, Json{{"k", "empty"}});
}

QUIRE_NATIVE(order_repr) {
  Json node = self_node(args[0]);
  std::string o = node.value("o", "");
  return new_str(I, "<Order." + std::string(o == "DESC" ? "desc" : "asc") + ": '" + o + "'>");
}

}  // namespace

// Not(term): NOT term (frappe.qb.terms.Not).
Value new_not(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[1];
  if (!parse_args(I, "Not", args, nargs, kwnames, {"term"}, 1, a)) return Value::exc();
  Json term;
  if (!term_arg(I, a[0], term, "the term")) return Value::exc();
  return make(I, Json{{"k", "not"}, {"x", term}});
}

// Function(name, *args, alias=None): also frappe.qb.functions(name, *args).
// Arguments are terms; a str is a value, as in PyPika (functions("MAX", "x")
// is MAX('x')): name columns with fields.
Value new_function(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  if (!only_keywords(I, "Function", kwnames, {"alias"})) return Value::exc();
  if (nargs < 1) {
    return raise(I, types().TypeError, "Function() missing 1 required positional argument: 'name'");
  }
  std::string name;
  if (!arg_string(I, args[0], name, "function name") || !check_function_name(I, name))
    return Value::exc();
  Json fn_args = Json::array();
  for (std::size_t i = 1; i < nargs; ++i) {
    Json term;
    if (is_str(args[i]) && as_str(args[i])->view() == "*") {
      term = Json{{"k", "star"}, {"t", nullptr}};  // COUNT("*") as PyPika's Count renders it
    } else if (!term_arg(I, args[i], term, "a function argument")) {
      return Value::exc();
    }
    fn_args.push_back(std::move(term));
  }
  Json alias;
  if (!optional_alias(I, keyword(args, nargs, kwnames, "alias"), alias)) return Value::exc();
  return make(I, Json{{"k", "fn"}, {"n", name}, {"args", fn_args}, {"a", alias}});
}

void define_term_methods(const Classes& c) {
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  static const Fn specials[] = {
      {"__eq__", t_eq},         {"__ne__", t_ne},   {"__lt__", t_lt},     {"__le__", t_le},
      {"__gt__", t_gt},         {"__ge__", t_ge},   {"__and__", t_and},   {"__or__", t_or},
      {"__invert__", t_invert}, {"__add__", t_add}, {"__radd__", t_radd}, {"__sub__", t_sub},
      {"__rsub__", t_rsub},     {"__mul__", t_mul}, {"__rmul__", t_rmul}, {"__truediv__", t_div},
      {"__rtruediv__", t_rdiv}, {"__str__", t_str}, {"__repr__", t_str},
  };
  static const Fn methods[] = {
      {"as_", t_as},
      {"isin", t_isin},
      {"notin", t_notin},
      {"like", t_like},
      {"not_like", t_not_like},
      {"ilike", t_ilike},
      {"not_ilike", t_not_ilike},
      {"isnull", t_isnull},
      {"isnotnull", t_isnotnull},
      {"notnull", t_notnull},
      {"negate", t_negate},
      {"between", t_between},
      {"get_sql", t_get_sql},
  };
  for (const host::ValueType* t :
       {&c.term, &c.criterion, &c.field, &c.star, &c.value_wrapper, &c.pseudo_column, &c.function,
        &c.arithmetic, &c.case_, &c.empty_criterion, &c.tuple, &c.bracket, &c.interval}) {
    for (const auto& s : specials) host::define_special(*t, s.name, s.fn);
    for (const auto& m : methods) host::define_method(*t, m.name, m.fn);
  }
  host::define_method(c.case_, "when", case_when);
  host::define_method(c.case_, "else_", case_else);
  host::define_staticmethod(c.criterion.type, "all", criterion_all);
  host::define_staticmethod(c.criterion.type, "any", criterion_any);
  host::set_constructor(c.field.type, new_field);
  host::set_constructor(c.star.type, new_star);
  host::set_constructor(c.value_wrapper.type, new_value_wrapper);
  host::set_constructor(c.pseudo_column.type, new_pseudo_column);
  host::set_constructor(c.function.type, new_function);
  host::set_constructor(c.case_.type, new_case);
  host::set_constructor(c.empty_criterion.type, new_empty_criterion);
  // Order.asc / Order.desc, shared by every run (immortal values).
  for (const char* o : {"ASC", "DESC"}) {
    std::vector<std::uint8_t> bytes = Json::to_msgpack(Json{{"k", "order"}, {"o", o}});
    host::define_class_attr(c.order.type, o[0] == 'A' ? "asc" : "desc",
                            host::immortal_value(c.order.impl, bytes.data(), bytes.size()));
  }
  host::define_special(c.order, "__repr__", order_repr);
  host::define_special(c.order, "__str__", order_repr);
}

}  // namespace quire::scripting::qb
