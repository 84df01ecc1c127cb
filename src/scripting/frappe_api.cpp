// The `frappe` namespace: documents, lists, messages, session and helpers
// (spec §3.6-§3.7). frappe.db is in frappe_db.cpp, frappe.utils in
// frappe_utils.cpp.
#include "scripting/frappe_api.h"
#include "scripting/frappe_client.h"

#include "lang/lib/datetime.h"
#include "lang/lib/json.h"
#include "model/db_api.h"
#include "model/lifecycle.h"
#include "model/permissions.h"
#include "scripting/attr_dict.h"
#include "scripting/document_binding.h"
#include "scripting/engine.h"
#include "scripting/frappe_format.h"
#include "scripting/frappe_mapper.h"
#include "scripting/frappe_meta.h"
#include "scripting/frappe_orjson.h"
#include "scripting/frappe_qb.h"
#include "scripting/frappe_site_names.h"
#include "scripting/native_util.h"
#include "scripting/render_template.h"
#include "scripting/safe_eval.h"
#include "scripting/server_scripts.h"
#include "scripting/typed_columns.h"
#include "scripting/utils_mimetypes.h"
#include "scripting/utils_request.h"
#include "scripting/utils_to_markdown.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Document;

namespace {

Value wrap(Isolate& I, RunState& run, const Document::Ptr& doc) {
  return wrap_document(I, run, doc);
}

// Text a script hands the host to keep for the request (frappe.log,
// msgprint) lives outside the script's heap; without charging it, a loop of
// frappe.log(s) with a large s grew the process without bound. It counts
// against the run's memory limit (ScriptMemoryError at the next loop
// iteration or call once over), as if the script still held it.
void charge_host_copy(Isolate& I, std::size_t bytes) {
  I.heap.charge(bytes);
}

// frappe.get_doc(doctype, name) / get_doc(dict) / get_doc(doctype) for a Single.
QUIRE_NATIVE(f_get_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[3];
  if (!parse_args(I, "get_doc", args, nargs, kwnames, {"doctype", "name", "for_update"}, 0, a))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    if (is_dict(a[0]) || is_attr_dict(a[0])) {
      Json values;
      if (!to_json(I, a[0], values)) return Value::exc();
      return wrap(I, *run, model::doc_from_dict(run->session, values));
    }
    std::string doctype;
    if (!arg_string(I, a[0], doctype, "doctype")) return Value::exc();
    Json name;
    if (!json_arg(I, a[1], name)) return Value::exc();
    return wrap_document(I, *run, model::get_doc(run->session, doctype, name), /*loaded=*/true);
  });
}

QUIRE_NATIVE(f_new_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[4];
  if (!parse_args(I, "new_doc", args, nargs, kwnames,
                  {"doctype", "parent_doc", "parentfield", "as_dict"}, 1, a))
    return Value::exc();
  std::string doctype;
  if (!arg_string(I, a[0], doctype, "doctype")) return Value::exc();
  return guarded(I, [&]() -> Value {
    auto doc = model::new_doc(run->session, doctype);
    bool as_dict = false;
    if (!opt_bool(I, a[3], as_dict)) return Value::exc();
    if (as_dict) return to_value(I, doc->as_dict());
    return wrap(I, *run, doc);
  });
}

// get_list / get_all keyword arguments (spec §7.1) into ListArgs.
bool list_args(Isolate& I, const char* fname, Value* args, std::size_t nargs, const Tuple* kwnames,
               model::ListArgs& out, bool& ignore_permissions) {
  static const std::initializer_list<const char*> params = {"doctype",
                                                            "fields",
                                                            "filters",
                                                            "order_by",
                                                            "group_by",
                                                            "start",
                                                            "page_length",
                                                            "limit",
                                                            "limit_start",
                                                            "as_list",
                                                            "limit_page_length",
                                                            "pluck",
                                                            "distinct",
                                                            "or_filters",
                                                            "ignore_permissions",
                                                            "debug",
                                                            "parent",
                                                            "ignore_ifnull",
                                                            "user",
                                                            "parent_doctype",
                                                            "run"};
  Value a[21];
  if (!parse_args(I, fname, args, nargs, kwnames, params, 1, a)) return false;
  if (!arg_string(I, a[0], out.doctype, "doctype")) return false;
  Json fields, filters;
  if (!json_arg(I, a[1], fields) || !json_arg(I, a[2], filters)) return false;
  // Positional (doctype, filters) written the other way round: Frappe swaps them.
  auto looks_like_filters = [](const Json& j) {
    return j.is_object() || (j.is_array() && !j.empty() && j[0].is_array());
  };
  if (looks_like_filters(fields) && !looks_like_filters(filters)) std::swap(fields, filters);
  out.fields = fields;
  out.filters = filters;
  if (!json_arg(I, a[13], out.or_filters)) return false;
  std::string text;
  if (given(a[3])) {
    if (!arg_string(I, a[3], text, "order_by")) return false;
    out.order_by = text;
  }
  if (!opt_string(I, a[4], out.group_by, "group_by")) return false;
  std::int64_t start = 0, limit = 0;
  if (!opt_int(I, given(a[8]) ? a[8] : a[5], start, 0)) return false;
  Value lim = given(a[10]) ? a[10] : given(a[7]) ? a[7] : a[6];
  if (!opt_int(I, lim, limit, 0)) return false;
  out.limit_start = start;
  out.limit = limit;
  if (!opt_bool(I, a[9], out.as_list) || !opt_bool(I, a[12], out.distinct) ||
      !opt_bool(I, a[17], out.ignore_ifnull) || !opt_bool(I, a[14], ignore_permissions))
    return false;
  if (!opt_string(I, a[11], out.pluck, "pluck")) return false;
  return true;
}

Value list_result(Isolate& I, const model::ListArgs& a, const Json& rows) {
  if (!query_result_fits(I, rows)) return Value::exc();
  // Date, Datetime and Time columns as datetime objects (typed_columns.h).
  RunState* run = current_run();
  auto meta = run ? run->session.metas.find_meta(a.doctype) : nullptr;
  if (!a.pluck.empty()) return typed_to_value(I, rows, ColumnTypes(meta, Json(a.pluck)), false);
  ColumnTypes columns(meta, a.fields);
  if (!a.as_list) return typed_to_value(I, rows, columns, false);
  // as_list: the raw cursor result, a tuple of tuples (db_query.py runs db.sql).
  Value list = typed_to_value(I, rows, columns, /*arrays_as_tuples=*/true);
  if (list.is_exc()) return list;
  Value tuple = new_tuple_from(I, as_list(list)->items.data(), as_list(list)->items.size());
  decref(list);
  return tuple;
}

QUIRE_NATIVE(f_get_all) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  model::ListArgs a;
  bool ignore = false;
  if (!list_args(I, "get_all", args, nargs, kwnames, a, ignore)) return Value::exc();
  return guarded(I, [&]() -> Value { return list_result(I, a, model::get_all(run->session, a)); });
}

QUIRE_NATIVE(f_get_list) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  model::ListArgs a;
  bool ignore = false;
  if (!list_args(I, "get_list", args, nargs, kwnames, a, ignore)) return Value::exc();
  return guarded(I, [&]() -> Value {
    Json rows = ignore ? model::get_all(run->session, a) : model::get_list(run->session, a);
    return list_result(I, a, rows);
  });
}

QUIRE_NATIVE(f_get_last_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[3];
  if (!parse_args(I, "get_last_doc", args, nargs, kwnames, {"doctype", "filters", "order_by"}, 1,
                  a))
    return Value::exc();
  model::ListArgs l;
  if (!arg_string(I, a[0], l.doctype, "doctype") || !json_arg(I, a[1], l.filters))
    return Value::exc();
  std::string order = "creation desc";
  if (!opt_string(I, a[2], order, "order_by", order)) return Value::exc();
  l.order_by = order;
  l.limit = 1;
  l.pluck = "name";
  return guarded(I, [&]() -> Value {
    Json names = model::get_all(run->session, l);
    if (names.empty()) {
      throw model::FrappeError(model::ErrorKind::DoesNotExistError, l.doctype + " not found");
    }
    return wrap_document(I, *run, model::get_doc(run->session, l.doctype, names[0]), true);
  });
}

QUIRE_NATIVE(f_delete_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[10];
  if (!parse_args(
          I, "delete_doc", args, nargs, kwnames,
          {"doctype", "name", "force", "ignore_doctypes", "for_reload", "ignore_permissions",
           "flags", "ignore_on_trash", "ignore_missing", "delete_permanently"},
          1, a))
    return Value::exc();
  std::string doctype;
  Json name;
  if (!arg_string(I, a[0], doctype, "doctype") || !json_arg(I, a[1], name)) return Value::exc();
  model::DeleteOptions o;
  if (!opt_bool(I, a[2], o.force) || !opt_bool(I, a[5], o.ignore_permissions) ||
      !opt_bool(I, a[7], o.ignore_on_trash) || !opt_bool(I, a[8], o.ignore_missing, true))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    model::delete_doc(run->session, doctype, name, o);
    return Value::none();
  });
}

QUIRE_NATIVE(f_rename_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[6];
  if (!parse_args(I, "rename_doc", args, nargs, kwnames,
                  {"doctype", "old", "new", "force", "merge", "ignore_permissions"}, 3, a))
    return Value::exc();
  std::string doctype;
  Json old_name, new_name;
  bool force = false, merge = false;
  if (!arg_string(I, a[0], doctype, "doctype") || !json_arg(I, a[1], old_name) ||
      !json_arg(I, a[2], new_name) || !opt_bool(I, a[3], force) || !opt_bool(I, a[4], merge))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    return to_value(I, model::rename_doc(run->session, doctype, old_name, new_name, merge, force));
  });
}

QUIRE_NATIVE(f_throw) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[7];
  if (!parse_args(I, "throw", args, nargs, kwnames,
                  {"msg", "exc", "title", "is_minimizable", "wide", "as_list", "primary_action"}, 1,
                  a))
    return Value::exc();
  Value exc = given(a[1]) ? a[1] : Value::object(frappe_exception_type("ValidationError"));
  return message(I, *run, a[0], a[2], exc, Value::object(intern("red").o), false);
}

QUIRE_NATIVE(f_msgprint) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[10];
  if (!parse_args(I, "msgprint", args, nargs, kwnames,
                  {"msg", "title", "raise_exception", "as_table", "as_list", "indicator", "alert",
                   "primary_action", "is_minimizable", "wide"},
                  1, a))
    return Value::exc();
  Value raise_class;
  if (given(a[2])) {
    if (is_kind(a[2], Kind::Type)) {
      raise_class = a[2];
    } else {
      bool r = false;
      if (!is_true(I, a[2], r)) return Value::exc();
      if (r) raise_class = Value::object(frappe_exception_type("ValidationError"));
    }
  }
  bool alert = false;
  if (!opt_bool(I, a[6], alert)) return Value::exc();
  return message(I, *run, a[0], a[1], raise_class, a[5], alert);
}

QUIRE_NATIVE(f_log) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  std::string text;
  if (nargs >= 1 && !str_into(I, args[0], text)) return Value::exc();
  charge_host_copy(I, text.size());
  run->request.debug_log.push_back(std::move(text));
  return Value::none();
}

QUIRE_NATIVE(f_errprint) {
  return f_log(I, args, nargs, kwnames, data);
}

QUIRE_NATIVE(f_log_error) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[5];
  if (!parse_args(I, "log_error", args, nargs, kwnames,
                  {"title", "message", "reference_doctype", "reference_name", "defer_insert"}, 0,
                  a))
    return Value::exc();
  std::string title, text, ref_dt, ref_name;
  if ((given(a[0]) && !str_into(I, a[0], title)) || (given(a[1]) && !str_into(I, a[1], text)) ||
      !opt_string(I, a[2], ref_dt, "reference_doctype") ||
      (given(a[3]) && !str_into(I, a[3], ref_name)))
    return Value::exc();
  if (title.empty()) title = "Error";
  return guarded(I, [&]() -> Value {
    Json values = {{"doctype", "Error Log"}, {"method", title}, {"error", text}};
    if (!ref_dt.empty()) values["reference_doctype"] = ref_dt;
    if (!ref_name.empty()) values["reference_name"] = ref_name;
    auto doc = model::doc_from_dict(run->session, values);
    model::InsertOptions o;
    o.ignore_permissions = true;
    o.ignore_links = true;
    model::insert(run->session, *doc, o);
    return wrap(I, *run, doc);
  });
}

QUIRE_NATIVE(f_get_roles) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  std::string user;
  if (!opt_string(I, nargs ? args[0] : Value(), user, "user", run->session.user))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    if (user == run->session.user) return to_value(I, Json(run->session.roles));
    model::ListArgs l;
    l.doctype = "Has Role";
    l.filters = Json{{"parent", user}, {"parenttype", "User"}};
    l.pluck = "role";
    Json roles = model::get_all(run->session, l);
    if (user != "Guest") roles.push_back("All");
    roles.push_back("Guest");
    return to_value(I, roles);
  });
}

QUIRE_NATIVE(f_get_fullname) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  std::string user;
  if (!opt_string(I, nargs ? args[0] : Value(), user, "user", run->session.user))
    return Value::exc();
  return guarded(I, [&]() -> Value {
    Json row = model::get_value(run->session, "User", user,
                                Json::array({"first_name", "middle_name", "last_name"}), true);
    if (!row.is_object()) return new_str(I, user);
    std::string full;
    for (const char* k : {"first_name", "middle_name", "last_name"}) {
      if (row[k].is_string() && !row[k].get<std::string>().empty()) {
        if (!full.empty()) full += " ";
        full += row[k].get<std::string>();
      }
    }
    return new_str(I, full.empty() ? user : full);
  });
}

QUIRE_NATIVE(f_has_permission) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[5];
  if (!parse_args(I, "has_permission", args, nargs, kwnames,
                  {"doctype", "ptype", "doc", "user", "throw"}, 0, a))
    return Value::exc();
  std::string doctype, ptype;
  if (!opt_string(I, a[1], ptype, "ptype", "read")) return Value::exc();
  Document::Ptr doc;
  if (is_document(a[2])) {
    doc = document_of(*run, a[2]);
    if (!push_document(I, *run, a[2])) return Value::exc();
  }
  if (given(a[0])) {
    if (!arg_string(I, a[0], doctype, "doctype")) return Value::exc();
  } else if (doc) {
    doctype = doc->doctype();
  }
  bool throw_ = false;
  if (!opt_bool(I, a[4], throw_)) return Value::exc();
  return guarded(I, [&]() -> Value {
    if (!doc && is_str(a[2])) {
      doc = model::get_doc(run->session, doctype, std::string(as_str(a[2])->view()));
    }
    auto meta = run->session.metas.get(doctype);
    bool ok = model::has_permission(run->session, *meta, ptype, doc.get());
    if (!ok && throw_) {
      throw model::FrappeError(model::ErrorKind::PermissionError, "No permission for " + doctype);
    }
    return Value::boolean(ok);
  });
}

QUIRE_NATIVE(f_translate) {
  Value a[3];
  if (!parse_args(I, "_", args, nargs, kwnames, {"msg", "lang", "context"}, 1, a))
    return Value::exc();
  if (is_str(a[0])) {
    incref(a[0]);
    return a[0];
  }
  return to_str(I, a[0]);
}

QUIRE_NATIVE(f_bold) {
  std::string text;
  if (nargs != 1 || !str_into(I, args[0], text)) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "bold() takes exactly one argument");
  }
  return new_str(I, "<strong>" + text + "</strong>");
}

// Frappe's json_handler: dates and times as str(), documents as as_dict().
QUIRE_NATIVE(f_json_default) {
  if (nargs != 1) return raise(I, types().TypeError, "default() takes one argument");
  if (is_document(args[0])) {
    Json j;
    if (!to_json(I, args[0], j)) return Value::exc();
    return to_value(I, j);
  }
  const Type* t = type_of(args[0]);
  if (is_subtype(t, lang::datetime::date_type()) || is_subtype(t, lang::datetime::time_type()) ||
      is_subtype(t, lang::datetime::timedelta_type()))
    return to_str(I, args[0]);
  std::string text;
  if (!repr_into(I, args[0], text)) return Value::exc();
  return raise(I, types().TypeError,
               "Object of type " + type_name(args[0]) + " with value of " + text +
                   " is not JSON serializable");
}

// frappe.as_json: json.dumps(obj, indent=1, sort_keys=True, separators=(",", ": "),
// default=json_handler, ensure_ascii=ensure_ascii).
QUIRE_NATIVE(f_as_json) {
  Value a[4];
  if (!parse_args(I, "as_json", args, nargs, kwnames,
                  {"obj", "indent", "separators", "ensure_ascii"}, 1, a))
    return Value::exc();
  std::int64_t indent = 1;
  if (!opt_int(I, a[1], indent, 1)) return Value::exc();
  lang::json::DumpOptions o;
  o.sort_keys = true;
  o.has_indent = true;
  o.indent = std::string(static_cast<std::size_t>(std::max<std::int64_t>(indent, 0)), ' ');
  o.item_separator = ",";
  o.key_separator = ": ";
  if (!opt_bool(I, a[3], o.ensure_ascii, true)) return Value::exc();
  Value fallback = new_native(I, f_json_default, "json_handler");
  o.default_fn = fallback;
  std::string out;
  bool ok = lang::json::dump_into(I, a[0], o, out);
  decref(fallback);
  if (!ok) return Value::exc();
  return new_str(I, out);
}

// frappe.parse_json: a str is parsed (json.loads); a dict result or argument
// becomes a _dict; anything else is returned as it is.
QUIRE_NATIVE(f_parse_json) {
  if (nargs != 1) return raise(I, types().TypeError, "parse_json() takes exactly one argument");
  Value v;
  if (is_str(args[0])) {
    v = lang::json::load_text(I, as_str(args[0])->view(), {}, args[0]);
    if (v.is_exc()) return v;
  } else {
    v = args[0];
    incref(v);
  }
  if (!is_dict(v)) return v;
  Value d = call(I, Value::object(attr_dict_type()), &v, 1, nullptr);
  decref(v);
  return d;
}

QUIRE_NATIVE(f_scrub) {
  std::string text;
  if (nargs != 1 || !arg_string(I, args[0], text, "txt")) return Value::exc();
  return new_str(I, scrub(text));
}

QUIRE_NATIVE(f_get_url) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[2];
  if (!parse_args(I, "get_url", args, nargs, kwnames, {"uri", "full_address"}, 0, a))
    return Value::exc();
  std::string base = configured_site_url(run);
  std::string uri;
  if (!opt_string(I, a[0], uri, "uri")) return Value::exc();
  if (uri.rfind("http://", 0) == 0 || uri.rfind("https://", 0) == 0) return new_str(I, uri);
  if (uri.empty()) return new_str(I, base);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return new_str(I, base + (uri[0] == '/' ? "" : "/") + uri);
}

// Runs an API script with form_dict updated by the keyword arguments, then
// restores form_dict (spec §2.5). Returns the script's flags result.
Value call_api_script(Isolate& I, RunState& run, const std::shared_ptr<const ScriptInfo>& info,
                      Value* args, std::size_t nargs, const Tuple* kwnames) {
  Json kwargs = Json::object();
  for (std::size_t i = 0; kwnames && i < kwnames->size; ++i) {
    Json v;
    if (!to_json(I, args[nargs + i], v)) return Value::exc();
    kwargs[std::string(as_str(kwnames->items()[i])->view())] = v;
  }
  Json saved = run.request.form_dict;
  return guarded(I, [&]() -> Value {
    struct Restore {
      RequestState& r;
      Json saved;
      ~Restore() { r.form_dict = std::move(saved); }
    } restore{run.request, saved};
    run.request.form_dict.update(kwargs);
    Json result = run.scripts->execute_api(run.session, *info);
    return to_value(I, result);
  });
}

QUIRE_NATIVE(f_run_script) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  std::string name;
  if (nargs != 1 || !arg_string(I, args[0], name, "script")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "run_script() takes the script name");
  }
  if (!run->scripts)
    return raise_frappe(I, "DoesNotExistError", "Server Script " + name + " not found");
  std::shared_ptr<const ScriptInfo> info;
  Value r = guarded(I, [&]() -> Value {
    info = run->scripts->find_by_name(run->session, name);
    return Value::none();
  });
  if (r.is_exc()) return r;
  if (!info || info->script_type != "API") {
    return raise_frappe(I, "DoesNotExistError", "Server Script " + name + " not found");
  }
  return call_api_script(I, *run, info, args + 1, 0, kwnames);
}

// frappe.call(method, **kwargs): API scripts first, else the few built-in
// whitelisted methods; anything else is not whitelisted (spec §2.5, §9.2).
QUIRE_NATIVE(f_call) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  std::string method;
  if (nargs < 1 || !arg_string(I, args[0], method, "method")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "call() missing required argument 'method'");
  }
  if (run->scripts) {
    std::shared_ptr<const ScriptInfo> info;
    Value r = guarded(I, [&]() -> Value {
      info = run->scripts->find_api(run->session, method);
      return Value::none();
    });
    if (r.is_exc()) return r;
    if (info) return call_api_script(I, *run, info, args + 1, nargs - 1, kwnames);
  }
  if (method == "ping" || method == "frappe.ping") return new_str(I, "pong");
  // The site's other whitelisted methods (frappe.client.*...), when it has them.
  const ScriptSettings* settings = run->settings();
  if (settings && settings->whitelisted && settings->call_method) {
    bool allowed = false;
    Json kwargs = Json::object();
    if (nargs > 1) {
      return raise(I, types().TypeError, "call() takes the method's arguments as keywords");
    }
    for (std::size_t i = 0; kwnames && i < kwnames->size; ++i) {
      Json v;
      if (!to_json(I, args[nargs + i], v)) return Value::exc();
      kwargs[std::string(as_str(kwnames->items()[i])->view())] = v;
    }
    Json result;
    Value r = guarded(I, [&]() -> Value {
      allowed = settings->whitelisted(run->session, method);
      if (allowed) result = settings->call_method(run->session, method, kwargs);
      return Value::none();
    });
    if (r.is_exc()) return r;
    if (allowed) return to_value(I, result);
  }
  return raise_frappe(I, "PermissionError", not_whitelisted_message(method));
}

}  // namespace

std::string not_whitelisted_message(const std::string& method) {
  return "<details><summary>You are not permitted to access this resource. Login to "
         "access</summary>Function <strong>" +
         method + "</strong> is not whitelisted.</details>";
}

Value json_handler(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void* data) {
  return f_json_default(I, args, nargs, kwnames, data);
}

Value call_whitelisted(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames) {
  return f_call(I, args, nargs, kwnames, nullptr);
}

bool query_result_fits(Isolate& I, const Json& rows) {
  // About what the converted values take: each value's object header, plus
  // the bytes of its text.
  constexpr std::size_t kPerValue = 48;
  std::size_t bytes = 0;
  auto add = [&](const Json& v) {
    bytes += kPerValue;
    if (v.is_string()) bytes += v.get_ref<const std::string&>().size();
  };
  if (rows.is_array()) {
    for (const auto& row : rows) {
      add(row);
      if (row.is_array() || row.is_object()) {
        for (const auto& v : row) add(v);
      }
    }
  }
  std::size_t used = I.heap.bytes_used(), limit = I.heap.limit();
  if (used + bytes <= limit) return true;
  raise(I, types().MemoryError,
        "query result of " + std::to_string(rows.size()) + " rows (about " +
            std::to_string(bytes >> 20) + " MiB) does not fit in the script's memory limit");
  return false;
}

Value message(Isolate& I, RunState& run, Value msg, Value title, Value raise_class, Value indicator,
              bool alert) {
  std::string text;
  if (!str_into(I, msg, text)) return Value::exc();
  Json out = Json::object();
  out["message"] = text;
  std::string title_text;
  if (given(title) && !str_into(I, title, title_text)) return Value::exc();
  out["title"] = title_text.empty() ? "Message" : title_text;
  std::string ind;
  if (given(indicator) && !str_into(I, indicator, ind)) return Value::exc();
  if (ind.empty() && given(raise_class)) ind = "red";
  if (!ind.empty()) out["indicator"] = ind;
  if (alert) out["alert"] = 1;
  if (given(raise_class)) out["raise_exception"] = 1;
  if (!run.session.flag("mute_messages")) {
    charge_host_copy(I, text.size() + title_text.size());
    run.request.message_log.push_back(out);
  }
  if (!given(raise_class)) return Value::none();
  if (!is_kind(raise_class, Kind::Type) || !static_cast<Type*>(raise_class.o)->is_exception) {
    return raise(I, types().TypeError, "exceptions must derive from BaseException");
  }
  Value m = new_str(I, text);
  Value t = new_tuple_from(I, &m, 1);
  decref(m);
  return raise_value(I, new_exception(I, static_cast<Type*>(raise_class.o), t));
}

namespace {

// Everything of `frappe` that is the same for every run, built once: the
// functions (immortal natives), the namespaces and the exception classes.
// A run copies these entries into its own module (no allocation per entry)
// and adds the per-run values.
struct Prototype {
  Type* names;    // class dict: name -> immortal value
  Type* globals;  // the top-level functions (_, as_json, log, scrub, run_script)
};

const Prototype& prototype() {
  static const Prototype p = [] {
    struct Fn {
      const char* name;
      NativeFn fn;
    };
    static const Fn functions[] = {
        {"get_doc", f_get_doc},
        {"get_cached_doc", f_get_doc},
        {"new_doc", f_new_doc},
        {"get_all", f_get_all},
        {"get_list", f_get_list},
        {"get_last_doc", f_get_last_doc},
        {"delete_doc", f_delete_doc},
        {"rename_doc", f_rename_doc},
        {"get_meta", get_meta_native},
        {"format_value", format_value_native},
        {"json_handler", f_json_default},
        {"throw", f_throw},
        {"msgprint", f_msgprint},
        {"log", f_log},
        {"errprint", f_errprint},
        {"log_error", f_log_error},
        {"get_roles", f_get_roles},
        {"get_fullname", f_get_fullname},
        {"has_permission", f_has_permission},
        {"_", f_translate},
        {"as_json", f_as_json},
        {"parse_json", f_parse_json},
        {"bold", f_bold},
        {"get_url", f_get_url},
        {"call", f_call},
        {"scrub", f_scrub},
        {"render_template", render_template_native},
        {"safe_eval", safe_eval_native},
    };
    Prototype out{host::define_type("frappe"), host::define_type("globals")};
    for (const auto& f : functions) host::define_method(out.names, f.name, f.fn);
    add_mail_and_job_functions(out.names);
    add_http_functions(out.names);
    add_mapper_functions(out.names);
    add_orjson_functions(utils_namespace());
    add_site_names(out.names, out.globals);
    // frappe.db.get_all is frappe.get_all; frappe.get_value is frappe.db.get_value.
    for (bool commit : {false, true}) {
      host::define_method(db_namespace(commit), "get_all", f_get_all);
      host::define_method(db_namespace(commit), "get_list", f_get_list);
    }
    host::define_class_attr(out.names, "get_value", type_lookup(db_namespace(false), "get_value"));
    host::define_class_attr(out.names, "utils", Value::object(utils_namespace()));
    host::define_class_attr(out.names, "qb", Value::object(qb_namespace()));
    // frappe.utils.get_url and parse_json are frappe.get_url and frappe.parse_json.
    for (const char* same : {"get_url", "parse_json"}) {
      host::define_class_attr(utils_namespace(), same, type_lookup(out.names, same));
    }
    for (const auto& c : frappe_exception_classes()) {
      host::define_class_attr(out.names, c.name, Value::object(c.type));
    }
    host::define_class_attr(out.names, "_dict", Value::object(attr_dict_type()));
    host::define_class_attr(out.names, "lang", intern("en"));
    host::define_class_attr(out.names, "date_format", intern("yyyy-mm-dd"));
    host::define_class_attr(out.names, "time_format", intern("HH:mm:ss"));
    host::define_class_attr(out.names, "number_format", intern("#,###.##"));
    host::define_method(out.globals, "_", f_translate);
    host::define_method(out.globals, "as_json", f_as_json);
    host::define_method(out.globals, "log", f_log);
    host::define_method(out.globals, "scrub", f_scrub);
    host::define_method(out.globals, "run_script", f_run_script);
    host::define_method(out.globals, "guess_mimetype", guess_mimetype_native);
    host::define_class_attr(out.globals, "FrappeClient", Value::object(frappe_client_type()));
    host::define_method(out.globals, "html2text", html2text_native);
    host::define_class_attr(out.globals, "_dict", Value::object(attr_dict_type()));
    return out;
  }();
  return p;
}

}  // namespace

namespace {

// The attribute table of `frappe` as every run starts it: the prototype's
// names plus a slot (None) for each per-run name, hashed and laid out once.
// A run copies the table (two memcpy-like vector copies instead of a hundred
// inserts) and fills the slots in place.
enum RunSlot { kDb, kFormDict, kResponse, kFlags, kSession, kUser, kRequest, kRunSlots };

struct ModuleTemplate {
  HashTable table;
  std::size_t slot[kRunSlots];
};

const ModuleTemplate& module_template() {
  static const ModuleTemplate t = [] {
    // Built outside any run's heap accounting (this is process-wide storage).
    Heap* saved = t_heap;
    t_heap = nullptr;
    static Isolate* init_isolate = new Isolate();
    Dict scratch;
    for (const auto& e : prototype().names->dict->table.entries) {
      if (!e.key.is_undef()) dict_set(*init_isolate, &scratch, e.key, e.value);
    }
    static const char* const names[kRunSlots] = {"db",      "form_dict", "response", "flags",
                                                 "session", "user",      "request"};
    ModuleTemplate out;
    for (int i = 0; i < kRunSlots; ++i)
      dict_set(*init_isolate, &scratch, intern(names[i]), Value::none());
    out.table = scratch.table;
    out.table.entries.reserve(scratch.table.entries.capacity());
    out.table.charged = 0;
    for (int i = 0; i < kRunSlots; ++i) {
      for (std::size_t pos = 0; pos < out.table.entries.size(); ++pos) {
        const Value key = out.table.entries[pos].key;
        if (!key.is_undef() && as_str(key)->view() == names[i]) out.slot[i] = pos;
      }
    }
    t_heap = saved;
    return out;
  }();
  return t;
}

// A new `frappe` module holding the template's table (charged to the run's heap).
Value new_frappe_module(Isolate& I) {
  const ModuleTemplate& t = module_template();
  Value frappe = host::new_module(I, "frappe");
  HashTable& table = static_cast<Module*>(frappe.o)->attrs->table;
  table.entries.reserve(t.table.entries.capacity());
  table.entries = t.table.entries;
  table.index = t.table.index;
  table.used = t.table.used;
  table.charged = table.index.capacity() * sizeof(std::int32_t) +
                  table.entries.capacity() * sizeof(HashTable::Entry);
  I.heap.charge(table.charged);
  return frappe;
}

// Stores `owned` (a new reference, given to the module) in a per-run slot.
bool fill(Value frappe, RunSlot slot, Value owned) {
  if (owned.is_exc()) return false;
  HashTable& table = static_cast<Module*>(frappe.o)->attrs->table;
  table.entries[module_template().slot[slot]].value = owned;
  return true;
}

}  // namespace

bool bind_safe_globals(Isolate& I, RunState& run) {
  const Prototype& proto = prototype();
  Value frappe = new_frappe_module(I);
  fill(frappe, kDb, Value::object(db_namespace(!run.restrict_commit)));
  // An API script's input is form_dict (a too deep body is its RecursionError)
  // and its answer frappe.response: all bound. Other runs bind what their
  // program can reach (run_state.h).
  if (run.kind == ScriptKind::Api) {
    run.reach = kReachAll;
  } else if (run.reach < 0) {
    run.reach = static_cast<int>(program_reach(*I.program));
  }
  auto reached = [&run](ProgramReach what) { return (run.reach & what) != 0; };
  Value fd;
  if (!reached(kReachFormDict)) {
    fd = Value::none();
  } else {
    // Both branches lvalues: `cond ? form_dict : Json::object()` is a prvalue,
    // a copy of the whole request per run (recursive: a stack overflow under
    // ASan for a 20,000-deep body).
    static const Json no_arguments = Json::object();
    const Json& source = run.request.form_dict.is_object() ? run.request.form_dict : no_arguments;
    fd = to_value(I, source);
    // Frappe drops the "_" cache-buster argument: from the converted _dict's
    // top level, not from a copy of the request.
    if (!fd.is_exc() && source.contains("_")) {
      Value key = new_str(I, "_");
      int removed = dict_del(I, attr_dict_table(I, fd), key);
      decref(key);
      if (removed < 0) {
        decref(fd);
        fd = Value::exc();
      }
    }
  }
  bool ok = fill(frappe, kFormDict, fd) && bind_global(I, "args", fd);
  Value response = reached(kReachResponse) ? to_value(I, run.request.response) : Value::none();
  Value session = reached(kReachSession)
                      ? to_value(I, Json{{"user", run.session.user}, {"csrf_token", ""}})
                      : Value::none();
  ok = ok && fill(frappe, kResponse, response) && fill(frappe, kFlags, new_attr_dict(I)) &&
       fill(frappe, kSession, session) && fill(frappe, kUser, new_str(I, run.session.user)) &&
       fill(frappe, kRequest, request_value(I, run));
  // Top-level names (spec §3.6), bound only when the script names them.
  ok = ok && bind_global(I, "frappe", frappe);
  decref(frappe);
  if (!ok) return false;
  for (const auto& e : proto.globals->dict->table.entries) {
    if (e.key.is_undef() || I.program->global_slot(as_str(e.key)->view()) < 0) continue;
    ok = ok && bind_global(I, as_str(e.key)->view(), e.value);
  }
  if (I.program->global_slot("json") >= 0) {
    Value json = lang::json::make_module(I);
    if (json.is_exc()) return false;
    ok = ok && bind_global(I, "json", json);
    decref(json);
  }
  if (I.program->global_slot("orjson") >= 0) {
    Value orjson = make_orjson_module(I);
    if (orjson.is_exc()) return false;
    ok = ok && bind_global(I, "orjson", orjson);
    decref(orjson);
  }
  if (I.program->global_slot("style") >= 0) {
    Value style = to_value(I, Json{{"border_color", "#d1d8dd"}});
    ok = ok && bind_global(I, "style", style);
    decref(style);
  }
  return ok;
}

}  // namespace quire::scripting
