// SafeDoc: what frappe.get_doc gives inside render_template (Frappe's
// restricted Jinja globals, spec §12 case 44). A read-only view of a saved
// document: its fields by key or attribute (a missing one reads as None, as
// on a _dict), child rows as SafeDocs whose `parent_doc` is the parent,
// `meta` as a plain dict of the DocType (no save/insert anywhere), and the
// print helpers get_formatted, get_label_from_fieldname, in_format_data and
// is_print_hide. Nothing in it can write. The template's frappe.get_all is
// the permission-checked get_list, and FrappeClient is left out.
//
// A SafeDoc value holds only an id; the document's data lives in a
// per-thread table emptied when the outermost template finishes rendering
// (a SafeDoc kept after that raises TemplateError when used). Children and
// parent_doc are made from that table on access, so the values never form
// reference cycles.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "scripting/render_template_safedoc.h"

#include <atomic>
#include <map>
#include <unordered_map>

#include "lang/sandbox/host.h"
#include "model/lifecycle.h"
#include "model/permissions.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_format.h"
#include "scripting/frappe_meta.h"
#include "scripting/native_util.h"
#include "scripting/render_template_eval.h"
#include "scripting/typed_columns.h"
#include "scripting/utils_misc.h"

namespace quire::scripting {

using namespace quire::lang;
using jinja::Owned;

namespace {

struct Entry {
  Json data;  // as_dict() of the document (children as arrays of rows)
  std::string doctype;
  std::uint64_t parent = 0;
  std::map<std::string, std::vector<std::uint64_t>> children;  // made on first access
};

struct SafeDocId {
  std::uint64_t id;
};

thread_local std::unordered_map<std::uint64_t, Entry> t_docs;
std::atomic<std::uint64_t> g_next_id{1};

const host::ValueType& safe_doc_type();

std::uint64_t add_entry(Json data, std::string doctype, std::uint64_t parent) {
  std::uint64_t id = g_next_id.fetch_add(1, std::memory_order_relaxed);
  t_docs.emplace(id, Entry{std::move(data), std::move(doctype), parent, {}});
  return id;
}

Value safe_doc_value(Isolate& I, std::uint64_t id) {
  return host::new_value(I, safe_doc_type(), SafeDocId{id});
}

Entry* entry_of(Isolate& I, Value self) {
  SafeDocId d{};
  if (!host::payload_as(self, safe_doc_type().type, d)) {
    raise(I, types().TypeError, "expected a SafeDoc");
    return nullptr;
  }
  auto it = t_docs.find(d.id);
  if (it == t_docs.end()) {
    raise(I, jinja::template_error_type(),
          "a document from a template's get_doc can only be used while the template renders");
    return nullptr;
  }
  return &it->second;
}

std::shared_ptr<const model::Meta> meta_of(const Entry& e) {
  RunState* run = current_run();
  return run ? run->session.metas.find_meta(e.doctype) : nullptr;
}

// The value of `key`: a child table as a list of SafeDocs, else the data.
Value field_value(Isolate& I, Entry& e, std::uint64_t id, const std::string& key, bool& found) {
  found = e.data.is_object() && e.data.contains(key);
  if (!found) return Value::none();
  const Json& v = e.data[key];
  auto meta = meta_of(e);
  const model::DocField* df = meta ? meta->field(key) : nullptr;
  if (v.is_array() && df && (df->fieldtype == "Table" || df->fieldtype == "Table MultiSelect")) {
    auto it = e.children.find(key);
    if (it == e.children.end()) {
      std::vector<std::uint64_t> ids;
      for (const Json& row : v) ids.push_back(add_entry(row, df->options, id));
      it = t_docs.at(id).children.emplace(key, std::move(ids)).first;
    }
    std::vector<std::uint64_t> ids = it->second;  // the table may rehash below
    Value list = new_list_from(I, nullptr, 0);
    for (std::uint64_t child : ids) list_append(I, as_list(list), safe_doc_value(I, child));
    return list;
  }
  // Dates, datetimes and times as the objects a loaded document carries.
  std::string_view temporal = meta ? temporal_fieldtype(*meta, key) : std::string_view();
  return temporal.empty() ? to_value(I, v) : temporal_value(I, temporal, v);
}

// as_dict() of a document's data: a dict of its fields, dates as objects,
// child rows as such dicts (of their own DocType).
Value typed_dict(Isolate& I, const Json& data, const std::string& doctype) {
  RunState* run = current_run();
  auto meta = run ? run->session.metas.find_meta(doctype) : nullptr;
  if (!meta || !data.is_object()) return to_value(I, data);
  Owned out(Value::object(alloc_dict(I)));
  for (const auto& [key, v] : data.items()) {
    const model::DocField* df = meta->field(key);
    Owned value;
    if (v.is_array() && df && (df->fieldtype == "Table" || df->fieldtype == "Table MultiSelect")) {
      value.v = new_list_from(I, nullptr, 0);
      for (const Json& row : v) {
        Value child = typed_dict(I, row, df->options);
        if (child.is_exc()) return child;
        list_append(I, as_list(value.v), child);
      }
    } else {
      std::string_view temporal = temporal_fieldtype(*meta, key);
      value.v = temporal.empty() ? to_value(I, v) : temporal_value(I, temporal, v);
    }
    if (value.failed()) return Value::exc();
    Owned k(new_str(I, key));
    if (!dict_set(I, as_dict(out.v), k.v, value.v)) return Value::exc();
  }
  return out.take();
}

std::uint64_t id_of(Value self) {
  SafeDocId d{};
  host::payload_as(self, safe_doc_type().type, d);
  return d.id;
}

bool key_arg(Isolate& I, Value v, std::string& out) {
  if (!is_str(v)) {
    raise(I, types().TypeError, "SafeDoc keys are field names (str)");
    return false;
  }
  out = std::string(as_str(v)->view());
  return true;
}

QUIRE_NATIVE(sd_getattr) {
  Entry* e = entry_of(I, args[0]);
  if (!e || nargs < 2) return Value::exc();
  std::string key;
  if (!key_arg(I, args[1], key)) return Value::exc();
  std::uint64_t id = id_of(args[0]);
  if (key == "parent_doc") {
    if (!e->parent) return Value::none();
    return safe_doc_value(I, e->parent);
  }
  if (key == "meta") {
    auto meta = meta_of(*e);
    return meta ? to_value(I, meta->raw) : Value::none();
  }
  bool found = false;
  return field_value(I, *e, id, key, found);
}

QUIRE_NATIVE(sd_getitem) {
  Entry* e = entry_of(I, args[0]);
  if (!e || nargs < 2) return Value::exc();
  std::string key;
  if (!key_arg(I, args[1], key)) return Value::exc();
  bool found = false;
  Value v = field_value(I, *e, id_of(args[0]), key, found);
  if (!found) return raise(I, types().KeyError, "'" + key + "'");
  return v;
}

QUIRE_NATIVE(sd_get) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  Value a[2];
  if (!parse_args(I, "get", args + 1, nargs - 1, kwnames, {"key", "default"}, 1, a))
    return Value::exc();
  std::string key;
  if (!key_arg(I, a[0], key)) return Value::exc();
  bool found = false;
  Value v = field_value(I, *e, id_of(args[0]), key, found);
  if (found) return v;
  Value fallback = a[1].is_undef() ? Value::none() : a[1];
  incref(fallback);
  return fallback;
}

QUIRE_NATIVE(sd_contains) {
  Entry* e = entry_of(I, args[0]);
  if (!e || nargs < 2) return Value::exc();
  return Value::boolean(is_str(args[1]) && e->data.is_object() &&
                        e->data.contains(std::string(as_str(args[1])->view())));
}

Value keys_list(Isolate& I, const Entry& e) {
  Value list = new_list_from(I, nullptr, 0);
  if (e.data.is_object()) {
    for (const auto& [k, v] : e.data.items()) list_append(I, as_list(list), new_str(I, k));
  }
  return list;
}

QUIRE_NATIVE(sd_keys) {
  Entry* e = entry_of(I, args[0]);
  return e ? keys_list(I, *e) : Value::exc();
}

QUIRE_NATIVE(sd_iter) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  Value keys = keys_list(I, *e);
  Value it = get_iter(I, keys);
  decref(keys);
  return it;
}

QUIRE_NATIVE(sd_len) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  return Value::integer(e->data.is_object() ? static_cast<std::int64_t>(e->data.size()) : 0);
}

// as_dict(): a plain dict of the fields (child rows as dicts).
QUIRE_NATIVE(sd_as_dict) {
  Entry* e = entry_of(I, args[0]);
  return e ? typed_dict(I, e->data, e->doctype) : Value::exc();
}

QUIRE_NATIVE(sd_items) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  Value d = typed_dict(I, e->data, e->doctype);
  if (d.is_exc()) return d;
  Value r = call_method(I, d, "items", nullptr, 0);
  decref(d);
  return r;
}

QUIRE_NATIVE(sd_repr) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  std::string name = e->data.is_object() && e->data.contains("name") && e->data["name"].is_string()
                         ? e->data["name"].get<std::string>()
                         : "";
  return new_str(I, "<SafeDoc " + e->doctype + " " + name + ">");
}

// get_label_from_fieldname(fieldname): the DocField's label, else None.
QUIRE_NATIVE(sd_get_label_from_fieldname) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  Value a[1];
  if (!parse_args(I, "get_label_from_fieldname", args + 1, nargs - 1, kwnames, {"fieldname"}, 1, a))
    return Value::exc();
  std::string key;
  if (!key_arg(I, a[0], key)) return Value::exc();
  auto meta = meta_of(*e);
  const model::DocField* df = meta ? meta->field(key) : nullptr;
  return df && !df->label.empty() ? new_str(I, df->label) : Value::none();
}

// in_format_data(fieldname): True (no Print Format format_data map here).
QUIRE_NATIVE(sd_in_format_data) {
  return entry_of(I, args[0]) ? Value::boolean(true) : Value::exc();
}

// is_print_hide(fieldname, df=None, for_print=True), as BaseDocument's:
// print_hide_if_no_value when the value is 0 (not for child rows), else
// the field's print_hide.
QUIRE_NATIVE(sd_is_print_hide) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  Value a[3];
  if (!parse_args(I, "is_print_hide", args + 1, nargs - 1, kwnames,
                  {"fieldname", "df", "for_print"}, 1, a))
    return Value::exc();
  std::string key;
  if (!key_arg(I, a[0], key)) return Value::exc();
  auto meta = meta_of(*e);
  Json field;
  if (meta && meta->raw.contains("fields")) {
    for (const Json& f : meta->raw["fields"]) {
      if (f.value("fieldname", "") == key) field = f;
    }
  }
  auto flag = [](const Json& f, const char* name) {
    if (!f.is_object() || !f.contains(name)) return false;
    const Json& v = f[name];
    return v.is_boolean() ? v.get<bool>() : v.is_number() ? v.get<double>() != 0 : false;
  };
  bool zero = e->data.is_object() && e->data.contains(key) && e->data[key].is_number() &&
              e->data[key].get<double>() == 0;
  bool hide = zero && !(meta && meta->istable) && flag(field, "print_hide_if_no_value");
  if (!hide) hide = flag(field, "print_hide");
  return Value::integer(hide ? 1 : 0);
}

// get_formatted(fieldname, doc=None, currency=None, absolute_value=False,
// translated=False, format=None): BaseDocument.get_formatted through
// frappe.format_value (frappe_format.h), the field's docfield deciding (its
// precision, currency options...); `doc` defaults to this document's data.
QUIRE_NATIVE(sd_get_formatted) {
  Entry* e = entry_of(I, args[0]);
  if (!e) return Value::exc();
  Value a[6];
  if (!parse_args(I, "get_formatted", args + 1, nargs - 1, kwnames,
                  {"fieldname", "doc", "currency", "absolute_value", "translated", "format"}, 1, a))
    return Value::exc();
  std::string key;
  if (!key_arg(I, a[0], key)) return Value::exc();
  bool absolute = false;
  if (!opt_bool(I, a[3], absolute)) return Value::exc();
  bool found = false;
  std::uint64_t id = id_of(args[0]);
  Owned value(field_value(I, *e, id, key, found));
  if (value.failed()) return Value::exc();
  const Entry& entry = t_docs.at(id);
  auto meta = meta_of(entry);
  Json df = default_docfield(key);
  if (meta) {
    auto it = meta->field_index.find(key);
    if (it != meta->field_index.end())
      df = docfield_json(*meta, meta->fields[it->second], it->second + 1);
  }
  Owned doc(given(a[1]) ? (incref(a[1]), a[1]) : typed_dict(I, entry.data, entry.doctype));
  if (doc.failed()) return Value::exc();
  if (absolute && (value.v.is_int() || value.v.is_float())) {
    Owned positive(call1(I, builtin_value(builtin_index("abs")), value.v));
    if (positive.failed()) return Value::exc();
    lang::assign(value.v, positive.take());
  }
  return format_value(I, value.v, df, doc.v, a[2], a[5]);
}

const host::ValueType& safe_doc_type() {
  static const host::ValueType t = [] {
    host::ValueType s = host::define_value_type("SafeDoc");
    host::define_special(s, "__getattr__", sd_getattr);
    host::define_special(s, "__getitem__", sd_getitem);
    host::define_special(s, "__contains__", sd_contains);
    host::define_special(s, "__iter__", sd_iter);
    host::define_special(s, "__len__", sd_len);
    host::define_special(s, "__repr__", sd_repr);
    host::define_method(s, "get", sd_get);
    host::define_method(s, "keys", sd_keys);
    host::define_method(s, "items", sd_items);
    host::define_method(s, "as_dict", sd_as_dict);
    host::define_method(s, "get_formatted", sd_get_formatted);
    host::define_method(s, "get_label_from_fieldname", sd_get_label_from_fieldname);
    host::define_method(s, "in_format_data", sd_in_format_data);
    host::define_method(s, "is_print_hide", sd_is_print_hide);
    return s;
  }();
  return t;
}

// The template's frappe.get_doc / get_cached_doc(doctype, name): a SafeDoc
// of the saved document, which the user must be allowed to read.
QUIRE_NATIVE(safe_get_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[2];
  if (!parse_args(I, "get_doc", args, nargs, kwnames, {"doctype", "name"}, 1, a))
    return Value::exc();
  std::string doctype;
  if (!arg_string(I, a[0], doctype, "doctype")) return Value::exc();
  Json name;
  if (!json_arg(I, a[1], name)) return Value::exc();
  return guarded(I, [&]() -> Value {
    model::Document::Ptr doc = model::get_doc(run->session, doctype, name);
    model::check_permission(run->session, *doc, "read");
    return safe_doc_value(I, add_entry(doc->as_dict(), doctype, 0));
  });
}

}  // namespace

Value template_frappe_module(Isolate& I, Value frappe) {
  if (!is_kind(frappe, Kind::Module)) {
    // The script rebound the name `frappe`: the template sees that value.
    incref(frappe);
    return frappe;
  }
  Value out = host::new_module(I, "frappe");
  Module* src = static_cast<Module*>(frappe.o);
  bool ok = true;
  for (const auto& e : src->attrs->table.entries) {
    if (e.key.is_undef() || !is_str(e.key)) continue;
    std::string_view name = as_str(e.key)->view();
    if (name == "get_doc" || name == "get_cached_doc" || name == "get_all" ||
        name == "FrappeClient") {
      continue;
    }
    // The safe get_all: the permission-checked get_list.
    if (name == "get_list") ok = ok && host::module_set(I, out, "get_all", e.value);
    ok = ok && host::module_set(I, out, name, e.value);
  }
  ok = ok && host::module_add_function(I, out, "get_doc", safe_get_doc) &&
       host::module_add_function(I, out, "get_cached_doc", safe_get_doc);
  if (!ok) {
    decref(out);
    return Value::exc();
  }
  return out;
}

void forget_safe_docs() {
  t_docs.clear();
}

}  // namespace quire::scripting
