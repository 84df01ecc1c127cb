#include "scripting/frappe_qb_warnings.h"  // first: see there
// frappe.qb.get_query(table, fields, filters, order_by, group_by, limit,
// offset, distinct, for_update, ...): Frappe's query Engine, which turns
// get_all-style arguments into a query builder. The arguments are read by
// the model's own list-query code (db/query: field items, Link-field
// `link.field` and child-table `items.field` columns with their joins, every
// filter form and operator with Frappe's ifnull rules), so get_query and
// frappe.get_all agree; what it returns is an ordinary frappe.qb query that
// keeps composing (.where(...), .select(...), .orderby(...), .run()).
#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>

#include "db/query/conditions.h"
#include "db/query/field_expr.h"
#include "db/query/identifiers.h"
#include "db/query/query_error.h"
#include "db/query/query_scope.h"
#include "model/coercion.h"
#include "model/errors.h"
#include "model/fieldtypes.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_qb_child_queries.h"
#include "scripting/frappe_qb_filters.h"
#include "scripting/frappe_qb_node.h"
#include "scripting/frappe_qb_permissions.h"
#include "scripting/native_util.h"
#include "scripting/value_convert.h"

namespace quire::scripting::qb {

using namespace quire::lang;
namespace dbq = quire::db::query;

namespace {

// A piece of the model's SQL (qualified, checked identifiers; a '?' for each
// value) as a query-builder term.
Json raw_term(const std::string& sql, const Json& alias = nullptr) {
  return Json{{"k", "raw"}, {"s", sql}, {"a", alias}};
}

std::string aggregate_sql(const dbq::FieldExpr& e, dbq::QueryScope& scope) {
  std::string arg = e.column.field == "*" ? "*" : scope.resolve(e.column).sql;
  return e.function + "(" + (e.distinct ? "DISTINCT " : "") + arg + ")";
}

// One `fields` text item ("name", "status as s", "count(name) as n",
// "assigned_by.full_name", "items.qty", "*").
void add_field_text(const std::string& item, dbq::QueryScope& scope, Json& selected) {
  dbq::FieldExpr e = dbq::parse_field(item);
  Json alias = e.alias.empty() ? Json() : Json(e.alias);
  if (e.kind == dbq::FieldExpr::Kind::Star) {
    for (const auto& c : scope.all_columns(scope.table_for_qualifier(e.column.qualifier))) {
      selected.push_back(raw_term(c.sql));
    }
  } else if (e.kind == dbq::FieldExpr::Kind::Aggregate) {
    selected.push_back(raw_term(aggregate_sql(e, scope), e.alias.empty() ? Json(e.text) : alias));
  } else {
    selected.push_back(raw_term(scope.resolve(e.column).sql, alias));
  }
}

// {"COUNT": "*", "as": "total"}: the aggregate form of a fields item.
bool aggregate_item_text(Isolate& I, const Json& item, std::string& out) {
  std::string function, argument, alias;
  for (const auto& [key, value] : item.items()) {
    if (key == "as" || key == "AS") {
      alias = value.is_string() ? value.get<std::string>() : value.dump();
    } else if (function.empty() && value.is_string()) {
      function = key;
      argument = value.get<std::string>();
    } else {
      function.clear();
      break;
    }
  }
  if (function.empty()) {
    raise(I, types().TypeError,
          "get_query() fields: a dict must be one aggregate such as {\"COUNT\": \"*\", \"as\": "
          "\"total\"}");
    return false;
  }
  out = function + "(" + argument + ")" + (alias.empty() ? "" : " as " + alias);
  return true;
}

// Python's str.isupper(): a cased character and no lower-case one.
bool python_isupper(const std::string& s) {
  bool cased = false;
  for (unsigned char c : s) {
    if (std::islower(c)) return false;
    cased = cased || std::isupper(c);
  }
  return cased;
}

// The Engine's FUNCTION_MAPPING and OPERATOR_MAPPING keys: a dict with one
// of them (and "as") is an expression, any other dict child queries.
bool expression_key(const std::string& key) {
  static const char* const keys[] = {"COUNT",   "SUM",       "AVG",       "MAX",    "MIN",    "ABS",
                                     "EXTRACT", "LOCATE",    "TIMESTAMP", "IFNULL", "CONCAT", "NOW",
                                     "NULLIF",  "MONTHNAME", "QUARTER",   "MONTH",  "YEAR",   "ADD",
                                     "SUB",     "MUL",       "DIV"};
  return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

struct FieldsTarget {
  dbq::QueryScope& scope;
  const model::Meta& meta;
  Json& selected;
  Json& children;  // child-query specs (frappe_qb_child_queries.h)
};

// A dict item: {"COUNT": "*", "as": "n"}, or {"items": ["item_code", "qty"]}
// child queries (each key a Table field of the queried DocType).
bool add_dict_field(Isolate& I, const Json& spec, FieldsTarget& target) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : spec.items()) {
    std::string lower = key;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != "as") keys.push_back(key);
  }
  if (keys.size() == 1 && expression_key(keys[0])) {
    std::string text;
    if (!aggregate_item_text(I, spec, text)) return false;
    add_field_text(text, target.scope, target.selected);
    return true;
  }
  for (const auto& [key, value] : spec.items()) {
    if (python_isupper(key)) {
      raise_frappe(I, "ValidationError", "Unsupported function or operator: " + key);
      return false;
    }
    if (!value.is_array()) {
      raise_frappe(I, "ValidationError",
                   "Child query fields for '" + key + "' must be a list or tuple.");
      return false;
    }
    const model::DocField* field = target.meta.field(key);
    if (field == nullptr || !model::is_table_fieldtype(field->fieldtype)) {
      // Frappe's ChildQuery fails on such a key too (an AttributeError).
      raise(I, types().AttributeError,
            "get_query() child query: " + key + " is not a Table field of " + target.meta.name);
      return false;
    }
    target.children.push_back(child_query_spec(key, target.meta.name, field->options, value));
  }
  return true;
}

// `fields`: None (name), a str ("a, b"), or a list/tuple/set of str, dicts and terms.
bool add_fields(Isolate& I, Value fields, FieldsTarget& target) {
  if (!given(fields)) {
    add_field_text("name", target.scope, target.selected);
    return true;
  }
  auto add_one = [&](Value item) -> bool {
    if (is_str(item)) {
      for (const auto& piece : dbq::split_top_level(as_str(item)->view(), ',')) {
        add_field_text(piece, target.scope, target.selected);
      }
      return true;
    }
    if (is_dict(item) || is_attr_dict(item)) {
      Json spec;
      return to_json(I, item, spec) && add_dict_field(I, spec, target);
    }
    Json term;
    if (!term_arg(I, item, term, "a get_query() field")) return false;
    target.selected.push_back(std::move(term));
    return true;
  };
  bool ok = true;
  if (!is_list(fields) && !is_tuple(fields) && !is_set_like(fields)) {
    ok = add_one(fields);
  } else {
    Value it = get_iter(I, fields);
    if (it.is_exc()) return false;
    for (;;) {
      Value item = iter_next(I, it);
      if (item.is_undef()) break;
      ok = !item.is_exc() && add_one(item);
      decref(item);
      if (!ok) break;
    }
    decref(it);
  }
  // Only child queries: the Engine selects name.
  if (ok && target.selected.empty()) add_field_text("name", target.scope, target.selected);
  return ok;
}

// The criteria of `filters` joined by `op` (EmptyCriterion for none).
bool filters_criterion(Isolate& I, Value filters, const char* op, dbq::QueryScope& scope,
                       const dbq::SchemaLookup& schema, const std::string& today, Json& out) {
  dbq::ConditionContext context{scope, schema, today, false};
  std::vector<Json> criteria;
  if (!engine_filter_criteria(I, filters, context, criteria)) return false;
  out = chain_of(criteria, op);
  return true;
}

// The aliases of the selected columns: order_by and group_by may name one
// (the Engine's field and function aliases, written as a bare column).
std::set<std::string> selected_aliases(const Json& selected) {
  std::set<std::string> out;
  for (const auto& term : selected) {
    if (auto a = term.find("a"); a != term.end() && a->is_string())
      out.insert(a->get<std::string>());
  }
  return out;
}

// A group_by/order_by column: a selected alias, else a column of the query.
std::string clause_column_sql(const dbq::ColumnRef& column, dbq::QueryScope& scope,
                              const std::set<std::string>& aliases) {
  if (column.qualifier.empty() && aliases.count(column.field) > 0) {
    return db::query::quote_identifier(column.field);
  }
  return scope.resolve(column).sql;
}

void add_ordering(const std::string& order_by, dbq::QueryScope& scope,
                  const std::set<std::string>& aliases, Json& order) {
  for (const auto& item : dbq::split_top_level(order_by, ',')) {
    dbq::FieldExpr e = dbq::parse_order_item(item);
    std::string sql = e.kind == dbq::FieldExpr::Kind::Aggregate
                          ? aggregate_sql(e, scope)
                          : clause_column_sql(e.column, scope, aliases);
    // Frappe's Engine sorts descending unless told "asc".
    order.push_back(
        Json::array({raw_term(sql), e.has_direction && !e.descending ? "ASC" : "DESC"}));
  }
}

model::ErrorKind error_kind(const std::string& frappe_class) {
  if (frappe_class == "DataError") return model::ErrorKind::DataError;
  if (frappe_class == "DoesNotExistError") return model::ErrorKind::DoesNotExistError;
  return model::ErrorKind::ValidationError;
}

bool optional_count(Isolate& I, Value v, const char* what, Json& out) {
  out = nullptr;
  if (!given(v) || (v.is_int() && v.i == 0)) return true;  // Frappe: `if limit:`
  if (!v.is_int() || v.i < 0) {
    raise(I, types().TypeError, std::string(what) + " must be a non-negative integer");
    return false;
  }
  out = v.i;
  return true;
}

}  // namespace

Value get_query(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  enum {
    kTable,
    kFields,
    kFilters,
    kOrderBy,
    kGroupBy,
    kLimit,
    kOffset,
    kDistinct,
    kForUpdate,
    kUpdate,
    kInto,
    kDelete,
    kValidateFilters,
    kSkipLocked,
    kWait,
    kIgnorePermissions,
    kIgnoreUserPermissions,
    kUser,
    kParentDoctype,
    kReferenceDoctype,
    kOrFilters,
    kDbQueryCompat,
    kCount
  };
  Value a[kCount];
  if (!parse_args(I, "get_query", args, nargs, kwnames,
                  {"table",
                   "fields",
                   "filters",
                   "order_by",
                   "group_by",
                   "limit",
                   "offset",
                   "distinct",
                   "for_update",
                   "update",
                   "into",
                   "delete",
                   "validate_filters",
                   "skip_locked",
                   "wait",
                   "ignore_permissions",
                   "ignore_user_permissions",
                   "user",
                   "parent_doctype",
                   "reference_doctype",
                   "or_filters",
                   "db_query_compat"},
                  1, a))
    return Value::exc();
  Json table;
  if (!table_arg(I, a[kTable], table, "get_query() table")) return Value::exc();
  std::string name = table.value("n", "");
  const std::string doctype = name.rfind("tab", 0) == 0 ? name.substr(3) : name;
  table = Json{{"k", "table"}, {"n", name}, {"a", nullptr}};  // columns are written `tabX`.`f`
  std::string order_by, group_by;
  Json limit, offset;
  bool distinct = false, for_update = false, ignore_permissions = true;
  if ((given(a[kOrderBy]) && !arg_string(I, a[kOrderBy], order_by, "order_by")) ||
      (given(a[kGroupBy]) && !arg_string(I, a[kGroupBy], group_by, "group_by")) ||
      !optional_count(I, a[kLimit], "Limit", limit) ||
      !optional_count(I, a[kOffset], "Offset", offset) || !opt_bool(I, a[kDistinct], distinct) ||
      !opt_bool(I, a[kForUpdate], for_update) ||
      !opt_bool(I, a[kIgnorePermissions], ignore_permissions, true))
    return Value::exc();
  bool update = false, into = false, remove = false;
  if (!opt_bool(I, a[kUpdate], update) || !opt_bool(I, a[kInto], into) ||
      !opt_bool(I, a[kDelete], remove))
    return Value::exc();
  std::string user, parent_doctype;
  if (!opt_string(I, a[kUser], user, "user") ||
      !opt_string(I, a[kParentDoctype], parent_doctype, "parent_doctype"))
    return Value::exc();

  Json q{{"k", "query"}, {"type", "select"}, {"from", Json::array({table})}};
  Value out = guarded(I, [&]() -> Value {
    try {
      const dbq::TableInfo* info = run->session.metas.find(doctype);
      if (info == nullptr) {
        model::raise(model::ErrorKind::DoesNotExistError, "DocType " + doctype + " not found");
      }
      dbq::QueryScope scope(*info, run->session.metas, true);
      Json selected = Json::array(), children = Json::array();
      auto meta = run->session.metas.find_meta(doctype);
      if (!meta)
        model::raise(model::ErrorKind::DoesNotExistError, "DocType " + doctype + " not found");
      // The Engine checks "select" first (as `user`, a child table through
      // `parent_doctype`); its conditions join the query at the end.
      EnginePermission permission;
      if (!ignore_permissions) {
        permission = engine_permission(run->session, doctype, user, parent_doctype);
      }
      FieldsTarget target{scope, *meta, selected, children};
      if (!update && !into && !remove && !add_fields(I, a[kFields], target)) {
        return Value::exc();
      }
      if (!children.empty()) q["child"] = children;
      Json where, any;
      const std::string today = run->session.today();
      if (!filters_criterion(I, a[kFilters], "AND", scope, run->session.metas, today, where) ||
          !filters_criterion(I, a[kOrFilters], "OR", scope, run->session.metas, today, any))
        return Value::exc();
      where = combine_criteria(where, any, "AND");
      // get_list's conditions: owner / User Permission matches, permission
      // query scripts, shares.
      if (!permission.condition.empty()) {
        where = combine_criteria(where, raw_criterion(permission.condition, {}), "AND");
      }
      if (where.value("k", "") != "empty") q["where"] = where;
      scope.freeze_joins();
      Json group = Json::array(), order = Json::array();
      const std::set<std::string> aliases = selected_aliases(selected);
      for (const auto& item : dbq::split_top_level(group_by, ',')) {
        group.push_back(
            raw_term(clause_column_sql(dbq::parse_group_item(item).column, scope, aliases)));
      }
      add_ordering(order_by, scope, aliases, order);
      if (!selected.empty()) q["sel"] = selected;
      if (!group.empty()) q["group"] = group;
      if (!order.empty()) q["order"] = order;
      if (std::string joins = scope.join_sql() + permission.join; !joins.empty()) {
        q["rawjoins"] = joins;
      }
      return Value::none();
    } catch (const dbq::QueryError& e) {
      model::raise(error_kind(e.frappe_class()), e.what());
    }
  });
  if (out.is_exc()) return out;
  if (!limit.is_null()) q["limit"] = limit;
  if (!offset.is_null()) q["offset"] = offset;
  if (distinct) q["distinct"] = true;
  if (for_update) q["for_update"] = true;
  // update=/into=/delete= build those statements, which run() refuses in scripts.
  if (update) {
    q["type"] = "update";
    q["upd"] = table;
  } else if (into) {
    q["type"] = "insert";
    q["into"] = table;
  } else if (remove) {
    q["type"] = "delete";
  }
  return make(I, q);
}

}  // namespace quire::scripting::qb
