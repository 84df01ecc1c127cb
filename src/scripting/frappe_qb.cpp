// The `frappe.qb` namespace: what Frappe's builder class (frappe.qb) and its
// flattened `terms` module give a script, and nothing else.
#include "scripting/frappe_qb.h"

#include "scripting/frappe_qb_node.h"
#include "scripting/native_util.h"

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
    // Frappe's Base.functions(name, *args): any SQL function by name.
    host::define_staticmethod(t, "functions", qb::new_function);
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
