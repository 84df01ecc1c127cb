// frappe.db for scripts (spec §3.7.1, §6): reads, direct writes without hooks,
// the read-only sql wrapper, and commit/rollback where the script type allows.
#include "lang/vm/interp.h"
#include "model/db_api.h"
#include "model/read_sql.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_api.h"
#include "scripting/frappe_db_callbacks.h"
#include "scripting/native_util.h"
#include "scripting/sql_params.h"
#include "scripting/typed_columns.h"

namespace quire::scripting {

using namespace quire::lang;

namespace {

bool order_arg(Isolate& I, Value v, std::optional<std::string>& out) {
  if (!given(v)) return true;
  std::string text;
  if (!arg_string(I, v, text, "order_by")) return false;
  out = text;
  return true;
}

QUIRE_NATIVE(db_get_value) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[7];
  if (!parse_args(I, "get_value", args, nargs, kwnames,
                  {"doctype", "filters", "fieldname", "ignore", "as_dict", "debug", "order_by"}, 1,
                  a))
    return Value::exc();
  std::string doctype;
  Json filters, fieldname = "name";
  bool as_dict = false;
  std::optional<std::string> order_by;
  if (!arg_string(I, a[0], doctype, "doctype") || !json_arg(I, a[1], filters) ||
      (given(a[2]) && !to_json(I, a[2], fieldname)) || !opt_bool(I, a[4], as_dict) ||
      !order_arg(I, a[6], order_by))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    Json v = model::get_value(run->session, doctype, filters, fieldname, as_dict, order_by);
    ColumnTypes columns(run->session.metas.find_meta(doctype), fieldname);
    return typed_to_value(I, v, columns, /*arrays_as_tuples=*/true, /*one_row=*/true);
  });
}

QUIRE_NATIVE(db_get_values) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[8];
  if (!parse_args(
          I, "get_values", args, nargs, kwnames,
          {"doctype", "filters", "fieldname", "ignore", "as_dict", "debug", "order_by", "limit"}, 1,
          a))
    return Value::exc();
  std::string doctype;
  Json filters, fieldname = "name";
  bool as_dict = false;
  std::optional<std::string> order_by;
  std::int64_t limit = 0;
  if (!arg_string(I, a[0], doctype, "doctype") || !json_arg(I, a[1], filters) ||
      (given(a[2]) && !to_json(I, a[2], fieldname)) || !opt_bool(I, a[4], as_dict) ||
      !order_arg(I, a[6], order_by) || !opt_int(I, a[7], limit, 0))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    Json rows =
        model::get_values(run->session, doctype, filters, fieldname, as_dict, order_by, limit);
    ColumnTypes columns(run->session.metas.find_meta(doctype), fieldname);
    if (!rows.is_array()) return typed_to_value(I, rows, columns, true, true);
    return typed_to_value(I, rows, columns, /*arrays_as_tuples=*/true);
  });
}

QUIRE_NATIVE(db_set_value) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[8];
  if (!parse_args(
          I, "set_value", args, nargs, kwnames,
          {"dt", "dn", "field", "val", "modified", "modified_by", "update_modified", "debug"}, 3,
          a))
    return Value::exc();
  std::string doctype;
  Json name, field, value;
  bool update_modified = true;
  if (!arg_string(I, a[0], doctype, "doctype") || !json_arg(I, a[1], name) ||
      !to_json(I, a[2], field) || !json_arg(I, a[3], value) ||
      !opt_bool(I, a[6], update_modified, true))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    if (name.is_null() || (name.is_string() && name.get<std::string>() == doctype)) {
      model::set_single_value(run->session, doctype, field, value);
    } else {
      model::set_value(run->session, doctype, name, field, value, update_modified);
    }
    return Value::none();
  });
}

QUIRE_NATIVE(db_get_single_value) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[3];
  if (!parse_args(I, "get_single_value", args, nargs, kwnames, {"doctype", "fieldname", "cache"}, 2,
                  a))
    return Value::exc();
  std::string doctype, field;
  if (!arg_string(I, a[0], doctype, "doctype") || !arg_string(I, a[1], field, "fieldname"))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    ColumnTypes columns(run->session.metas.find_meta(doctype), Json(field));
    return typed_to_value(I, model::get_single_value(run->session, doctype, field), columns, true,
                          true);
  });
}

QUIRE_NATIVE(db_get_default) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[2];
  if (!parse_args(I, "get_default", args, nargs, kwnames, {"key", "parent"}, 1, a))
    return Value::exc();
  std::string key;
  if (!arg_string(I, a[0], key, "key")) return Value::exc();
  return guarded(I, [&]() -> Value {
    Json v = system_settings_field(run->session, key);
    if (v.is_string() && v.get<std::string>().empty()) return Value::none();
    return to_value(I, v);
  });
}

QUIRE_NATIVE(db_exists) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[3];
  if (!parse_args(I, "exists", args, nargs, kwnames, {"dt", "dn", "cache"}, 1, a))
    return Value::exc();
  Json dt, dn;
  if (!to_json(I, a[0], dt) || !json_arg(I, a[1], dn)) return Value::exc();
  return guarded(I, [&]() -> Value {
    // exists({"doctype": "ToDo", "status": "Open"}): the dict carries the doctype.
    if (dt.is_object()) {
      Json filters = dt;
      std::string doctype = filters.value("doctype", "");
      filters.erase("doctype");
      return to_value(I, model::exists(run->session, doctype, filters));
    }
    if (!dt.is_string())
      throw model::FrappeError(model::ErrorKind::ValidationError, "exists() needs a doctype");
    return to_value(I, model::exists(run->session, dt.get<std::string>(), dn));
  });
}

QUIRE_NATIVE(db_count) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[5];
  if (!parse_args(I, "count", args, nargs, kwnames, {"dt", "filters", "debug", "cache", "distinct"},
                  1, a))
    return Value::exc();
  std::string doctype;
  Json filters;
  if (!arg_string(I, a[0], doctype, "doctype") || !json_arg(I, a[1], filters)) return Value::exc();
  return guarded(
      I, [&]() -> Value { return Value::integer(model::count(run->session, doctype, filters)); });
}

QUIRE_NATIVE(db_escape) {
  Value a[2];
  if (!parse_args(I, "escape", args, nargs, kwnames, {"s", "percent"}, 1, a)) return Value::exc();
  std::string text;
  if (!str_into(I, a[0], text)) return Value::exc();
  bool percent = true;
  if (!opt_bool(I, a[1], percent, true)) return Value::exc();
  return new_str(I, model::escape(text, percent));
}

// The read-only sql wrapper (spec §3.10): one SELECT/EXPLAIN/WITH statement,
// enforced by the engine; shapes as Frappe's db.sql.
QUIRE_NATIVE(db_sql) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[8];
  if (!parse_args(
          I, "sql", args, nargs, kwnames,
          {"query", "values", "as_dict", "as_list", "debug", "ignore_ddl", "auto_commit", "pluck"},
          1, a))
    return Value::exc();
  std::string query;
  if (!str_into(I, a[0], query)) return Value::exc();
  Json values;
  if (given(a[1])) {
    if (!to_json(I, a[1], values)) return Value::exc();
    // Frappe passes an empty tuple on without interpolation.
    if (values.is_array() && values.empty()) values = nullptr;
    if (!values.is_array() && !values.is_object() && !values.is_null()) {
      values = Json::array({values});
    }
  }
  bool as_dict = false, as_lists = false, pluck = false;
  if (!opt_bool(I, a[2], as_dict) || !opt_bool(I, a[3], as_lists) || !opt_bool(I, a[7], pluck))
    return Value::exc();
  Value result = guarded(I, [&]() -> Value {
    BoundSql bound = bind_sql_params(query, values);
    std::vector<model::SqlColumnOrigin> origins;
    // The run's stop flag interrupts the statement (an endless recursive
    // CTE ran on past the deadline, holding the request's transaction).
    Json rows = model::read_sql(run->session, bound.sql, bound.params, as_dict && !pluck, origins,
                                I.cancel);
    if (!query_result_fits(I, rows)) return Value::exc();
    // Date, Datetime and Time columns of DocType tables as datetime objects,
    // as Frappe's database driver returns them (numbers are typed by SQLite).
    ColumnTypes columns(run->session, origins, bound.sql);
    if (pluck) {
      Json flat = Json::array();
      for (const auto& r : rows) flat.push_back(r.is_array() && !r.empty() ? r[0] : Json());
      return typed_to_value(I, flat, columns, false);
    }
    if (as_dict || as_lists) return typed_to_value(I, rows, columns, false);
    Value list = columns.any() ? typed_to_value(I, rows, columns, true) : rows_to_value(I, rows);
    if (list.is_exc()) return list;
    Value tuple = new_tuple_from(I, as_list(list)->items.data(), as_list(list)->items.size());
    decref(list);
    return tuple;
  });
  if (result.is_exc() && I.cancel != nullptr && I.cancel->load()) {
    // Interrupted by the deadline or cancel(): the run's own limit error,
    // which the script cannot catch, instead of the engine's.
    decref(I.pending);
    I.pending = Value();
    if (!check_limits(I)) return Value::exc();
  }
  return result;
}

// Frappe turns transaction control off around doc_events handlers
// (frappe.db._disable_transaction_control): a commit or rollback made while
// a document event runs -- by the event's script, or by an API script it
// reached through frappe.call or run_script -- does nothing. Otherwise a
// nested script could commit the half-validated document before the event
// refuses it, or roll back the savepoints of the operation in progress.
bool transaction_control_disabled(const RunState* run) {
  for (; run != nullptr; run = run->outer) {
    if (run->restrict_commit) return true;
  }
  return false;
}

QUIRE_NATIVE(db_commit) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (transaction_control_disabled(run) || !run->request.commit) return Value::none();
  return end_transaction(I, *run, true) ? Value::none() : Value::exc();
}

QUIRE_NATIVE(db_rollback) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  if (transaction_control_disabled(run) || !run->request.rollback) return Value::none();
  return end_transaction(I, *run, false) ? Value::none() : Value::exc();
}

}  // namespace

lang::Type* db_namespace(bool with_commit) {
  struct Namespaces {
    Type* plain;
    Type* committing;
  };
  static const Namespaces namespaces = [] {
    struct Fn {
      const char* name;
      NativeFn fn;
    };
    static const Fn functions[] = {
        {"get_value", db_get_value},
        {"get_values", db_get_values},
        {"set_value", db_set_value},
        {"get_single_value", db_get_single_value},
        {"get_default", db_get_default},
        {"exists", db_exists},
        {"count", db_count},
        {"escape", db_escape},
        {"sql", db_sql},
    };
    Namespaces n{host::define_type("frappe.db"), host::define_type("frappe.db")};
    for (Type* t : {n.plain, n.committing}) {
      for (const auto& f : functions) host::define_method(t, f.name, f.fn);
    }
    // DocType Event scripts get the one without commit and rollback (spec §3.7.1).
    host::define_method(n.committing, "commit", db_commit);
    host::define_method(n.committing, "rollback", db_rollback);
    add_transaction_callbacks(n.plain, false);
    add_transaction_callbacks(n.committing, true);
    return n;
  }();
  return with_commit ? namespaces.committing : namespaces.plain;
}

}  // namespace quire::scripting
