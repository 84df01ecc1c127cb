// The Meta object scripts get from frappe.get_meta and doc.meta (see
// frappe_meta.h). Its attributes are converted once when it is made; the
// methods read the site's metadata again by the DocType's name, so a field
// list a script modified does not change what get_field answers (Frappe
// answers from its own field cache too).
#include "scripting/frappe_meta.h"

#include <mutex>

#include "lang/sandbox/host.h"
#include "model/fieldtypes.h"
#include "scripting/attr_dict.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Json;

namespace {

Type* g_meta_type = nullptr;

// frappe.model.no_value_fields: fieldtypes that hold no value.
bool is_no_value_fieldtype(std::string_view t) {
  for (std::string_view n : {"Section Break", "Column Break", "Tab Break", "HTML", "Table",
                             "Table MultiSelect", "Button", "Image", "Fold", "Heading"}) {
    if (t == n) return true;
  }
  return false;
}

int flag(bool b) {
  return b ? 1 : 0;
}

// The Meta behind a Meta object (by its `name` attribute).
std::shared_ptr<const model::Meta> meta_of(Isolate& I, Value self) {
  RunState* run = need_run(I);
  if (!run) return nullptr;
  if (!is_kind(self, Kind::Instance) || static_cast<Instance*>(self.o)->cls != g_meta_type) {
    raise(I, types().TypeError, "Meta method called without a Meta object");
    return nullptr;
  }
  Value name = dict_get_str(static_cast<Instance*>(self.o)->attrs, "name");
  if (!is_str(name)) {
    raise(I, types().TypeError, "Meta object without a name");
    return nullptr;
  }
  std::shared_ptr<const model::Meta> meta;
  Value r = guarded(I, [&]() -> Value {
    meta = run->session.metas.get(as_str(name)->view());
    return Value::none();
  });
  return r.is_exc() ? nullptr : meta;
}

Json fields_json(const model::Meta& meta) {
  Json out = Json::array();
  for (std::size_t i = 0; i < meta.fields.size(); ++i)
    out.push_back(docfield_json(meta, meta.fields[i], i + 1));
  return out;
}

// A list of the fields passing `keep`, as dicts.
template <typename Keep>
Value field_list(Isolate& I, const model::Meta& meta, Keep&& keep) {
  Json out = Json::array();
  for (std::size_t i = 0; i < meta.fields.size(); ++i) {
    if (keep(meta.fields[i])) out.push_back(docfield_json(meta, meta.fields[i], i + 1));
  }
  return to_value(I, out);
}

bool fieldname_arg(Isolate& I, Value* args, std::size_t nargs, const char* method,
                   std::string& out) {
  if (nargs != 2) {
    raise(I, types().TypeError,
          std::string("Meta.") + method + "() takes exactly one argument (the fieldname)");
    return false;
  }
  if (!is_str(args[1])) {
    out.clear();  // a non-str fieldname matches no field, as a dict lookup
    return true;
  }
  out = std::string(as_str(args[1])->view());
  return true;
}

// The Meta of the method's receiver (args[0]), or null with an exception raised.
std::shared_ptr<const model::Meta> self_meta(Isolate& I, Value* args, std::size_t nargs) {
  if (nargs == 0) {
    raise(I, types().TypeError, "Meta method needs a Meta object");
    return nullptr;
  }
  return meta_of(I, args[0]);
}

// get_options / get_link_doctype read `.options` of the field: no field is
// Frappe's AttributeError on None.
Value no_field(Isolate& I) {
  return raise(I, types().AttributeError, "'NoneType' object has no attribute 'options'");
}

QUIRE_NATIVE(m_get_field) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  std::string name;
  if (!fieldname_arg(I, args, nargs, "get_field", name)) return Value::exc();
  auto it = meta->field_index.find(name);
  if (it == meta->field_index.end()) return Value::none();
  return to_value(I, docfield_json(*meta, meta->fields[it->second], it->second + 1));
}

QUIRE_NATIVE(m_has_field) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  std::string name;
  if (!fieldname_arg(I, args, nargs, "has_field", name)) return Value::exc();
  return Value::boolean(meta->field(name) != nullptr);
}

// Frappe's DEFAULT_FIELD_LABELS, then "No Label".
QUIRE_NATIVE(m_get_label) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  std::string name;
  if (!fieldname_arg(I, args, nargs, "get_label", name)) return Value::exc();
  if (const model::DocField* df = meta->field(name)) {
    if (df->raw.is_object() && df->raw.contains("label")) return to_value(I, df->raw["label"]);
    return df->label.empty() ? Value::none() : new_str(I, df->label);
  }
  static const std::pair<const char*, const char*> defaults[] = {{"name", "ID"},
                                                                 {"creation", "Created On"},
                                                                 {"docstatus", "Document Status"},
                                                                 {"idx", "Index"},
                                                                 {"modified", "Last Updated On"},
                                                                 {"modified_by", "Last Updated By"},
                                                                 {"owner", "Created By"},
                                                                 {"_user_tags", "Tags"},
                                                                 {"_liked_by", "Liked By"},
                                                                 {"_comments", "Comments"},
                                                                 {"_assign", "Assigned To"}};
  for (const auto& [field, label] : defaults) {
    if (name == field) return new_str(I, label);
  }
  return new_str(I, "No Label");
}

QUIRE_NATIVE(m_get_options) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  std::string name;
  if (!fieldname_arg(I, args, nargs, "get_options", name)) return Value::exc();
  const model::DocField* df = meta->field(name);
  if (!df) return no_field(I);
  return new_str(I, df->options);
}

QUIRE_NATIVE(m_get_link_doctype) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  std::string name;
  if (!fieldname_arg(I, args, nargs, "get_link_doctype", name)) return Value::exc();
  const model::DocField* df = meta->field(name);
  if (!df) return no_field(I);
  if (df->fieldtype == "Link") return new_str(I, df->options);
  if (df->fieldtype == "Dynamic Link") {
    const model::DocField* target = meta->field(df->options);
    if (!target) return no_field(I);
    return new_str(I, target->options);
  }
  return Value::none();
}

QUIRE_NATIVE(m_get_table_fields) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  return field_list(
      I, *meta, [](const model::DocField& f) { return model::is_table_fieldtype(f.fieldtype); });
}

QUIRE_NATIVE(m_get_link_fields) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  return field_list(I, *meta, [](const model::DocField& f) {
    return f.fieldtype == "Link" && f.options != "[Select]";
  });
}

QUIRE_NATIVE(m_get_data_fields) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  return field_list(I, *meta, [](const model::DocField& f) { return f.fieldtype == "Data"; });
}

QUIRE_NATIVE(m_get_dynamic_link_fields) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  return field_list(I, *meta,
                    [](const model::DocField& f) { return f.fieldtype == "Dynamic Link"; });
}

QUIRE_NATIVE(m_get_select_fields) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  return field_list(I, *meta, [](const model::DocField& f) {
    return f.fieldtype == "Select" && f.options != "[Select]" && f.options != "Loading...";
  });
}

QUIRE_NATIVE(m_get_fieldnames_with_value) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  Value a[2];
  if (!parse_args(I, "get_fieldnames_with_value", args + 1, nargs - 1, kwnames,
                  {"with_field_meta", "with_virtual_fields"}, 0, a))
    return Value::exc();
  bool with_meta = false, with_virtual = false;
  if (!opt_bool(I, a[0], with_meta) || !opt_bool(I, a[1], with_virtual)) return Value::exc();
  auto keep = [&](const model::DocField& f) {
    return !((!with_virtual && f.is_virtual) || is_no_value_fieldtype(f.fieldtype));
  };
  if (with_meta) return field_list(I, *meta, keep);
  Json names = Json::array();
  for (const auto& f : meta->fields) {
    if (keep(f)) names.push_back(f.fieldname);
  }
  return to_value(I, names);
}

QUIRE_NATIVE(m_get_valid_columns) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  Json cols = Json::array();
  for (const char* c : {"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx"})
    cols.push_back(c);
  for (const auto& f : meta->fields) {
    if (model::is_data_fieldtype(f.fieldtype)) cols.push_back(f.fieldname);
  }
  if (meta->istable) {
    for (const char* c : {"parent", "parentfield", "parenttype"}) cols.push_back(c);
  }
  return to_value(I, cols);
}

QUIRE_NATIVE(m_get_title_field) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  if (!meta->title_field.empty()) return new_str(I, meta->title_field);
  return new_str(I, meta->field("title") ? "title" : "name");
}

QUIRE_NATIVE(m_get_search_fields) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  std::string text = meta->raw.is_object() && meta->raw.contains("search_fields") &&
                             meta->raw["search_fields"].is_string() &&
                             !meta->raw["search_fields"].get<std::string>().empty()
                         ? meta->raw["search_fields"].get<std::string>()
                         : "name";
  Json out = Json::array();
  bool has_name = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto b = part.find_first_not_of(" \t\r\n");
    auto e = part.find_last_not_of(" \t\r\n");
    part = b == std::string::npos ? "" : part.substr(b, e - b + 1);
    if (part == "name") has_name = true;
    out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!has_name) out.push_back("name");
  return to_value(I, out);
}

QUIRE_NATIVE(m_is_nested_set) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  return Value::boolean(meta->field("lft") && meta->field("rgt"));
}

// meta.get(key, filters=None, limit=None, default=None): Frappe's
// Document.get on the meta's own attributes; a list value is filtered by
// `filters` (row_passes) and cut to `limit`.
QUIRE_NATIVE(m_get) {
  if (nargs < 1 || !is_kind(args[0], Kind::Instance) ||
      static_cast<Instance*>(args[0].o)->cls != g_meta_type)
    return raise(I, types().TypeError, "Meta.get() needs a Meta object");
  Value a[4];
  if (!parse_args(I, "get", args + 1, nargs - 1, kwnames, {"key", "filters", "limit", "default"}, 1,
                  a))
    return Value::exc();
  Value value = Value::none();
  if (is_str(a[0])) {
    Value v = dict_get_str(static_cast<Instance*>(args[0].o)->attrs, as_str(a[0])->view());
    if (!v.is_undef()) value = v;
  }
  if (given(a[1]) && is_list(value)) {
    Json rows, filters;
    if (!to_json(I, value, rows) || !to_json(I, a[1], filters)) return Value::exc();
    std::int64_t limit = 0;
    if (!opt_int(I, a[2], limit, 0)) return Value::exc();
    List* out = alloc_list(I);
    const auto& items = as_list(value)->items;
    for (std::size_t i = 0; i < items.size() && i < rows.size(); ++i) {
      if (!row_passes(rows[i], filters)) continue;
      incref(items[i]);
      list_append(I, out, items[i]);
      if (limit > 0 && static_cast<std::int64_t>(out->items.size()) >= limit) break;
    }
    return Value::object(out);
  }
  if (value.is_none() && given(a[3])) value = a[3];
  incref(value);
  return value;
}

QUIRE_NATIVE(m_as_dict) {
  auto meta = self_meta(I, args, nargs);
  if (!meta) return Value::exc();
  Value d = new_attr_dict(I);
  for (const auto& e : static_cast<Instance*>(args[0].o)->attrs->table.entries) {
    if (e.key.is_undef()) continue;
    if (!dict_set(I, attr_dict_table(I, d), e.key, e.value)) {
      decref(d);
      return Value::exc();
    }
  }
  return d;
}

Value m_getattr(Isolate&, Value*, std::size_t, const Tuple*, void*) {
  return Value::none();
}

QUIRE_NATIVE(m_repr) {
  std::string name;
  if (nargs && is_kind(args[0], Kind::Instance)) {
    Value n = dict_get_str(static_cast<Instance*>(args[0].o)->attrs, "name");
    if (is_str(n)) name = std::string(as_str(n)->view());
  }
  return new_str(I, "<Meta: " + name + ">");
}

void create_type() {
  Type* t = host::define_type("Meta");
  t->is_user = true;  // the VM then consults __getattr__ and __repr__ (as for documents)
  host::define_method(t, "__getattr__", m_getattr);
  host::define_method(t, "__repr__", m_repr);
  struct Method {
    const char* name;
    NativeFn fn;
  };
  static const Method methods[] = {
      {"get_field", m_get_field},
      {"has_field", m_has_field},
      {"get_label", m_get_label},
      {"get_options", m_get_options},
      {"get_link_doctype", m_get_link_doctype},
      {"get_table_fields", m_get_table_fields},
      {"get_link_fields", m_get_link_fields},
      {"get_data_fields", m_get_data_fields},
      {"get_dynamic_link_fields", m_get_dynamic_link_fields},
      {"get_select_fields", m_get_select_fields},
      {"get_fieldnames_with_value", m_get_fieldnames_with_value},
      {"get_valid_columns", m_get_valid_columns},
      {"get_title_field", m_get_title_field},
      {"get_search_fields", m_get_search_fields},
      {"is_nested_set", m_is_nested_set},
      {"get", m_get},
      {"as_dict", m_as_dict},
  };
  for (const auto& m : methods) host::define_method(t, m.name, m.fn);
  g_meta_type = t;
}

Type* meta_type() {
  static std::once_flag once;
  std::call_once(once, create_type);
  return g_meta_type;
}

// One comparison of Frappe's filters (frappe.utils.compare) on JSON values.
bool compare(const Json& actual, const std::string& op, const Json& expected) {
  auto number = [](const Json& j, double& out) {
    if (j.is_boolean())
      out = j.get<bool>() ? 1 : 0;
    else if (j.is_number())
      out = j.get<double>();
    else
      return false;
    return true;
  };
  double x = 0, y = 0;
  auto equal = [&](const Json& a, const Json& b) {
    double p, q;
    if (number(a, p) && number(b, q)) return p == q;
    return a == b;
  };
  if (op == "=" || op == "==") return equal(actual, expected);
  if (op == "!=") return !equal(actual, expected);
  if (op == "in" || op == "not in") {
    bool found = false;
    if (expected.is_array()) {
      for (const auto& e : expected) found = found || equal(actual, e);
    }
    return op == "in" ? found : !found;
  }
  if (number(actual, x) && number(expected, y)) {
    if (op == ">") return x > y;
    if (op == "<") return x < y;
    if (op == ">=") return x >= y;
    if (op == "<=") return x <= y;
  }
  if (actual.is_string() && expected.is_string()) {
    const auto& s = actual.get_ref<const std::string&>();
    const auto& t = expected.get_ref<const std::string&>();
    if (op == ">") return s > t;
    if (op == "<") return s < t;
    if (op == ">=") return s >= t;
    if (op == "<=") return s <= t;
  }
  return false;
}

}  // namespace

bool row_passes(const Json& row, const Json& filters) {
  if (!filters.is_object()) return true;
  for (const auto& [key, cond] : filters.items()) {
    const Json actual = row.is_object() && row.contains(key) ? row[key] : Json();
    if (cond.is_array() && cond.size() == 2 && cond[0].is_string()) {
      if (!compare(actual, cond[0].get<std::string>(), cond[1])) return false;
    } else if (!compare(actual, "=", cond)) {
      return false;
    }
  }
  return true;
}

Json docfield_json(const model::Meta& meta, const model::DocField& df, std::size_t idx) {
  Json j = df.raw.is_object() ? df.raw : Json::object();
  j["doctype"] = "DocField";
  j["parent"] = meta.name;
  j["parentfield"] = "fields";
  j["parenttype"] = "DocType";
  j["idx"] = idx;
  j["fieldname"] = df.fieldname;
  j["fieldtype"] = df.fieldtype;
  if (!j.contains("label")) j["label"] = df.label.empty() ? Json() : Json(df.label);
  if (!j.contains("options")) j["options"] = df.options.empty() ? Json() : Json(df.options);
  j["reqd"] = flag(df.reqd);
  j["unique"] = flag(df.unique);
  j["read_only"] = flag(df.read_only);
  j["hidden"] = flag(df.hidden);
  j["in_list_view"] = flag(df.in_list_view);
  j["in_standard_filter"] = flag(df.in_standard_filter);
  j["search_index"] = flag(df.search_index);
  j["allow_on_submit"] = flag(df.allow_on_submit);
  j["set_only_once"] = flag(df.set_only_once);
  j["non_negative"] = flag(df.non_negative);
  j["no_copy"] = flag(df.no_copy);
  j["is_virtual"] = flag(df.is_virtual);
  j["permlevel"] = df.permlevel;
  if (!j.contains("default")) j["default"] = df.default_value ? *df.default_value : Json();
  if (!j.contains("fetch_from"))
    j["fetch_from"] = df.fetch_from.empty() ? Json() : Json(df.fetch_from);
  for (const char* key : {"print_hide", "print_hide_if_no_value", "bold", "translatable",
                          "ignore_user_permissions", "in_global_search", "hide_days"}) {
    if (!j.contains(key)) j[key] = 0;
  }
  if (!j.contains("precision")) j["precision"] = "";
  return j;
}

Json default_docfield(std::string_view fieldname) {
  for (std::string_view f : {"name", "owner", "creation", "modified", "modified_by", "docstatus",
                             "idx", "parent", "parentfield", "parenttype", "doctype"}) {
    if (fieldname != f) continue;
    std::string type = fieldname == "creation" || fieldname == "modified" ? "Datetime"
                       : fieldname == "idx" || fieldname == "docstatus"   ? "Int"
                                                                          : "Data";
    return Json{{"fieldname", std::string(fieldname)}, {"fieldtype", type}};
  }
  return Json();
}

Value meta_object(Isolate& I, const model::Meta& meta) {
  Json j = meta.raw.is_object() ? meta.raw : Json::object();
  j["doctype"] = "DocType";
  j["name"] = meta.name;
  j["module"] = meta.module;
  j["istable"] = flag(meta.istable);
  j["issingle"] = flag(meta.issingle);
  j["is_submittable"] = flag(meta.is_submittable);
  j["is_tree"] = flag(meta.is_tree);
  j["track_changes"] = flag(meta.track_changes);
  j["allow_rename"] = flag(meta.allow_rename);
  j["custom"] = flag(meta.custom);
  j["autoname"] = meta.autoname.empty() ? Json() : Json(meta.autoname);
  j["title_field"] = meta.title_field.empty() ? Json() : Json(meta.title_field);
  j["sort_field"] = meta.sort_field;
  j["sort_order"] = meta.sort_order;
  j["fields"] = fields_json(meta);
  Json perms = Json::array();
  for (std::size_t i = 0; i < meta.permissions.size(); ++i) {
    Json p = meta.permissions[i].raw.is_object() ? meta.permissions[i].raw : Json::object();
    p["doctype"] = "DocPerm";
    p["parent"] = meta.name;
    p["idx"] = i + 1;
    perms.push_back(p);
  }
  j["permissions"] = perms;
  Value obj = host::new_instance(I, meta_type());
  if (obj.is_exc()) return obj;
  static_cast<Instance*>(obj.o)->attrs = alloc_dict(I);
  for (const auto& [key, value] : j.items()) {
    Value v = to_value(I, value);
    if (v.is_exc() || !host::set_attribute(I, obj, key, v)) {
      if (!v.is_exc()) decref(v);
      decref(obj);
      return Value::exc();
    }
    decref(v);
  }
  return obj;
}

Value run_meta_object(Isolate& I, RunState& run, const std::shared_ptr<const model::Meta>& meta) {
  auto found = run.meta_objects.find(meta->name);
  if (found != run.meta_objects.end() && found->second.meta == meta) {
    incref(found->second.object);
    return found->second.object;
  }
  Value object = meta_object(I, *meta);
  if (object.is_exc()) return object;
  incref(object);  // the run's reference, dropped with the isolate's heap
  run.meta_objects[meta->name] = {meta, object};
  return object;
}

Value get_meta_native(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[2];
  if (!parse_args(I, "get_meta", args, nargs, kwnames, {"doctype", "cached"}, 1, a))
    return Value::exc();
  std::string doctype;
  if (!arg_string(I, a[0], doctype, "doctype")) return Value::exc();
  std::shared_ptr<const model::Meta> meta;
  Value r = guarded(I, [&]() -> Value {
    meta = run->session.metas.get(doctype);
    return Value::none();
  });
  if (r.is_exc()) return r;
  // cached=False: a Meta of its own (Frappe builds one afresh).
  int cached = a[1].is_undef() ? 1 : truthy(I, a[1]);
  if (cached < 0) return Value::exc();
  return cached ? run_meta_object(I, *run, meta) : meta_object(I, *meta);
}

}  // namespace quire::scripting
