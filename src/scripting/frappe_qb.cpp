// The `frappe.qb` namespace: what Frappe's builder class (frappe.qb) and its
// flattened `terms` module give a script, and nothing else.
#include "scripting/frappe_qb.h"

#include "model/db_api.h"
#include "scripting/frappe_qb_node.h"
#include "scripting/native_util.h"
#include "scripting/typed_columns.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

// frappe.qb.DocType("ToDo", alias=None): the table `tabToDo`.
QUIRE_NATIVE(qb_doctype) {
  Value a[2];
  if (!parse_args(I, "DocType", args, nargs, kwnames, {"table_name", "alias"}, 1, a))
    return Value::exc();
  Json table;
  if (!qb::doctype_table(I, a[0], table)) return Value::exc();
  if (given(a[1])) {
    std::string alias;
    if (!arg_string(I, a[1], alias, "alias") || !qb::check_name(I, alias, "alias"))
      return Value::exc();
    table["a"] = alias;
  }
  return qb::make(I, table);
}

// frappe.qb.max/min/avg/sum(doctype, fieldname, filters=None): Frappe's
// patched aggregates, `SELECT FN(field) FROM tab<doctype> WHERE filters`,
// the first value or 0 (frappe.query_builder.functions._aggregate). Filters
// are get_all's; no permission checks, as Frappe's query engine by default.
Value aggregate(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, const char* fn,
                const char* fname) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[3];
  if (!parse_args(I, fname, args, nargs, kwnames, {"dt", "fieldname", "filters"}, 2, a))
    return Value::exc();
  std::string doctype, field;
  Json filters;
  if (!arg_string(I, a[0], doctype, "doctype") || !arg_string(I, a[1], field, "fieldname") ||
      !qb::check_name(I, field, "field name") || !json_arg(I, a[2], filters))
    return Value::exc();
  Value out = guarded(I, [&]() -> Value {
    model::ListArgs list;
    list.doctype = doctype;
    list.fields = Json::array({std::string(fn) + "(" + field + ")"});
    list.filters = filters;
    list.as_list = true;
    Json rows = model::get_all(run->session, list);
    Json value = rows.empty() || rows[0].empty() ? Json() : rows[0][0];
    // The max or min of a Date/Datetime/Time field is one of its values:
    // typed as frappe.db.sql types the column (MariaDB's MAX keeps the type).
    std::string_view fieldtype;
    if (std::string_view(fn) == "max" || std::string_view(fn) == "min") {
      fieldtype = temporal_fieldtype(*run->session.metas.get(doctype), field);
    }
    return fieldtype.empty() ? to_value(I, value) : temporal_value(I, fieldtype, value);
  });
  if (out.is_exc()) return out;
  int t = truthy(I, out);
  if (t < 0) {
    decref(out);
    return Value::exc();
  }
  if (t == 0) {
    decref(out);
    return Value::integer(0);
  }
  return out;
}

QUIRE_NATIVE(qb_max) {
  return aggregate(I, args, nargs, kwnames, "max", "max");
}
QUIRE_NATIVE(qb_min) {
  return aggregate(I, args, nargs, kwnames, "min", "min");
}
QUIRE_NATIVE(qb_avg) {
  return aggregate(I, args, nargs, kwnames, "avg", "avg");
}
QUIRE_NATIVE(qb_sum) {
  return aggregate(I, args, nargs, kwnames, "sum", "sum");
}

// frappe.qb.Tables(*names): a list of tables; a name may be a (name, alias) pair.
QUIRE_NATIVE(qb_tables) {
  if (!qb::only_keywords(I, "Tables", kwnames, {})) return Value::exc();
  std::vector<Value> tables;
  auto release = [&] {
    for (Value t : tables) decref(t);
  };
  for (std::size_t i = 0; i < nargs; ++i) {
    // Table(name, schema=None, alias): a pair gives the alias.
    Value table_args[3] = {args[i], Value(), Value()};
    std::size_t count = 1;
    if (is_tuple(args[i]) && as_tuple(args[i])->size == 2) {
      table_args[0] = as_tuple(args[i])->items()[0];
      table_args[2] = as_tuple(args[i])->items()[1];
      count = 3;
    }
    Value table = qb::new_table(I, table_args, count, nullptr, nullptr);
    if (table.is_exc()) {
      release();
      return table;
    }
    tables.push_back(table);
  }
  Value list = new_list_from(I, tables.data(), tables.size());
  release();
  return list;
}

// frappe.qb.terms: PyPika's terms module as safe_exec flattens it (the
// classes scripts construct or test with isinstance).
Type* terms_namespace(const qb::Classes& c) {
  Type* t = host::define_type("frappe.qb.terms");
  struct Cls {
    const char* name;
    Type* type;
  };
  const Cls exposed[] = {
      {"Term", c.term.type},
      {"Criterion", c.criterion.type},
      {"EmptyCriterion", c.empty_criterion.type},
      {"Field", c.field.type},
      {"Star", c.star.type},
      {"ValueWrapper", c.value_wrapper.type},
      {"PseudoColumn", c.pseudo_column.type},
      {"Function", c.function.type},
      {"AggregateFunction", c.function.type},
      {"ArithmeticExpression", c.arithmetic.type},
      {"Case", c.case_.type},
      {"Order", c.order.type},
      {"Tuple", c.tuple.type},
      {"Bracket", c.bracket.type},
      {"Interval", c.interval.type},
      {"CustomFunction", c.custom_function.type},
  };
  for (const auto& e : exposed) host::define_class_attr(t, e.name, Value::object(e.type));
  host::define_staticmethod(t, "Not", qb::new_not);
  return t;
}

}  // namespace

Type* qb_namespace() {
  static Type* const qb = [] {
    const qb::Classes& c = qb::classes();
    Type* t = host::define_type("frappe.qb");
    host::define_staticmethod(t, "DocType", qb_doctype);
    host::define_staticmethod(t, "from_", qb::query_from);
    host::define_staticmethod(t, "into", qb::query_into);
    host::define_staticmethod(t, "update", qb::query_update);
    host::define_staticmethod(t, "select", qb::query_select);
    host::define_staticmethod(t, "with_", qb::query_with);
    host::define_staticmethod(t, "Tables", qb_tables);
    host::define_staticmethod(t, "get_query", qb::get_query);
    // Frappe's Base.functions(name, *args): any SQL function by name.
    host::define_staticmethod(t, "functions", qb::new_function);
    host::define_staticmethod(t, "max", qb_max);
    host::define_staticmethod(t, "min", qb_min);
    host::define_staticmethod(t, "avg", qb_avg);
    host::define_staticmethod(t, "sum", qb_sum);
    host::define_class_attr(t, "Table", Value::object(c.table.type));
    host::define_class_attr(t, "Field", Value::object(c.field.type));
    host::define_class_attr(t, "terms", Value::object(terms_namespace(c)));
    host::define_class_attr(t, "desc", type_lookup(c.order.type, "desc"));
    host::define_class_attr(t, "asc", type_lookup(c.order.type, "asc"));
    return t;
  }();
  return qb;
}

}  // namespace quire::scripting
