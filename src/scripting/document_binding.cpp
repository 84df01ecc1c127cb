#include "scripting/document_binding.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "lang/lib/datetime.h"
#include "lang/sandbox/host.h"
#include "model/db_api.h"
#include "model/fieldtypes.h"
#include "model/lifecycle.h"
#include "scripting/attr_dict.h"
#include "scripting/frappe_doc_methods.h"
#include "scripting/frappe_exceptions.h"
#include "scripting/typed_columns.h"
#include "scripting/value_convert.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Document;

namespace {

Type* g_type = nullptr;

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// A field name as a wrapper's attribute key: interned once per process (its
// hash computed once, no allocation per run), found through a per-thread
// cache so runs on several threads do not meet at the intern table's lock.
Value field_key(std::string_view name) {
  thread_local std::unordered_map<std::string, Value, KeyHash, std::equal_to<>> cache;
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  Value key = intern(name);
  cache.emplace(std::string(name), key);
  return key;
}

// A field of a lazily pulled wrapper that no one has read yet, converted
// now and stored (borrowed; Undef when `key` is no such field, Exc on error).
Value pull_on_demand(Isolate& I, Value w, Value key);

// An attribute of a wrapper or row as the script would read it (borrowed or Undef).
Value attr_by_key(Isolate& I, Value obj, Value key) {
  bool error = false;
  Dict* attrs = static_cast<Instance*>(obj.o)->attrs;
  Value v = attrs ? dict_get(I, attrs, key, error) : Value();
  if (error) return Value::exc();
  return v.is_undef() ? pull_on_demand(I, obj, key) : v;
}

Value get_attr_text(Isolate& I, Value obj, std::string_view name) {
  return attr_by_key(I, obj, field_key(name));  // borrowed or Undef
}

bool set_attr_text(Isolate& I, Value obj, std::string_view name, Value v) {
  auto* in = static_cast<Instance*>(obj.o);
  if (!in->attrs) in->attrs = alloc_dict(I);
  return dict_set(I, in->attrs, field_key(name), v);
}

// Values a script cannot change in place: when a wrapper's attribute still
// holds the very value pull_document put there, the document has it already.
bool is_immutable(Value v) {
  if (v.tag != Tag::Obj) return true;  // None, bool, int, float
  if (is_kind(v, Kind::Str) || is_kind(v, Kind::BigInt)) return true;
  const Type* t = type_of(v);
  return t == lang::datetime::date_type() || t == lang::datetime::datetime_type() ||
         t == lang::datetime::time_type() || t == lang::datetime::timedelta_type();
}

bool same_value(Value a, Value b) {
  if (a.tag != b.tag) return false;
  return a.tag == Tag::Obj ? a.o == b.o : a.i == b.i;
}

// What pull_document left in the wrapper (each value held, so its address
// cannot be reused by another object before the isolate's next reset).
void remember_pulled(RunState& run, Value w) {
  auto& snapshot = run.pulled[w.o];
  snapshot = static_cast<Instance*>(w.o)->attrs->table.entries;
  for (const auto& e : snapshot) incref(e.value);
}

bool is_table_field(const model::Meta& meta, std::string_view key) {
  const model::DocField* f = meta.field(key);
  return f && model::is_table_fieldtype(f->fieldtype);
}

bool is_stored_key(const model::Meta& meta, std::string_view key) {
  if (meta.field(key) || model::is_standard_column(key)) return true;
  if (!meta.istable) return false;
  for (const auto& c : model::child_columns()) {
    if (c == key) return true;
  }
  return false;
}

// The table's rows as a list of row wrappers.
Value rows_list(Isolate& I, RunState& run, Document& doc, const std::string& field) {
  const auto& rows = doc.table(field);
  List* list = alloc_list(I, rows.size());
  bool loaded = run.loaded.count(&doc) > 0;
  for (const auto& row : rows) {
    if (loaded) run.loaded.insert(row.get());
    // A new wrapper is pulled by wrap_document; only one made earlier in the
    // run needs the row's current values again.
    bool existed = run.wrappers.count(row.get()) > 0;
    Value w = wrap_document(I, run, row);
    if (w.is_exc()) {
      decref(Value::object(list));
      return w;
    }
    if (existed && !pull_document(I, run, w)) {
      decref(w);
      decref(Value::object(list));
      return Value::exc();
    }
    list_append(I, list, w);
  }
  return Value::object(list);
}

// Document::set unless the row holds that very value already (same Json
// type too: 1.0 and 1 compare equal), the usual case for a row's parent keys
// on a push, where a Json copy and a map assignment per key per row add up.
void set_if_unchanged(Document& row, const std::string& key, const Json& value) {
  const auto& values = row.values();
  auto it = values.find(key);
  if (it != values.end() && it->second.type() == value.type() && it->second == value) return;
  row.set(key, value);
}

// Rebuilds the document's rows of `field` from the script's list (rows may be
// wrappers, kept as they are, or dicts, made into new rows).
bool push_table(Isolate& I, RunState& run, Document& doc, const std::string& field, Value list) {
  Document::Rows rows;
  if (!list.is_none() && !list.is_undef()) {
    const Value* items = nullptr;
    std::size_t n = 0;
    if (is_list(list)) {
      items = as_list(list)->items.data();
      n = as_list(list)->items.size();
    } else if (is_tuple(list)) {
      items = as_tuple(list)->items();
      n = as_tuple(list)->size;
    } else {
      raise_frappe(
          I, "ValidationError",
          "Value for " + doc.meta().field(field)->display_label() + " must be a list of rows");
      return false;
    }
    // Copy first: pushing a row can run script code that changes the list.
    std::vector<Value> held(items, items + n);
    for (Value v : held) incref(v);
    bool ok = true;
    for (Value item : held) {
      if (!ok) break;
      if (is_document(item)) {
        Document::Ptr row = document_of(run, item);
        if (!row || !push_document(I, run, item)) {
          ok = false;
          break;
        }
        rows.push_back(row);
        continue;
      }
      Json values;
      if (!to_json(I, item, values)) {
        ok = false;
        break;
      }
      if (!values.is_object()) {
        raise_frappe(I, "ValidationError",
                     "Rows of " + doc.meta().field(field)->display_label() + " must be dicts");
        ok = false;
        break;
      }
      try {
        doc.append(field, values);
        rows.push_back(doc.table(field).back());
      } catch (...) {
        raise_cpp_exception(I);
        ok = false;
      }
    }
    for (Value v : held) decref(v);
    if (!ok) return false;
  }
  Json name = doc.get("name");
  const Json parentfield(field), parenttype(doc.doctype());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Document& row = *rows[i];
    row.parent_doc = &doc;
    set_if_unchanged(row, "parent", name);
    set_if_unchanged(row, "parentfield", parentfield);
    set_if_unchanged(row, "parenttype", parenttype);
    set_if_unchanged(row, "idx", Json(static_cast<std::int64_t>(i + 1)));
  }
  doc.table(field) = std::move(rows);
  return true;
}

struct Self {
  RunState* run = nullptr;
  Document::Ptr doc;
};

bool self_of(Isolate& I, Value* args, std::size_t nargs, const char* method, Self& out) {
  out.run = current_run();
  if (nargs == 0 || !is_document(args[0]) || !out.run) {
    raise(I, types().TypeError, std::string("Document.") + method + "() needs a document");
    return false;
  }
  out.doc = document_of(*out.run, args[0]);
  if (!out.doc) {
    raise(I, types().RuntimeError, "this document belongs to a finished script run");
    return false;
  }
  return true;
}

Value return_self(Isolate& I, RunState& run, Value self) {
  if (!pull_document(I, run, self)) return Value::exc();
  incref(self);
  return self;
}

// Events whose handlers would run again if their own document were saved.
bool save_recurses(std::string_view label) {
  return label == "Before Insert" || label == "Before Validate" || label == "Before Save" ||
         label == "After Save" || label == "Before Submit" ||
         label == "Before Save (Submitted Document)" || label == "After Save (Submitted Document)";
}

bool check_not_recursing(Isolate& I, RunState& run, const Document& doc, const char* method) {
  for (RunState* r = &run; r; r = r->outer) {
    if (!r->event_doc || !save_recurses(r->event_label)) continue;
    bool same =
        r->event_doc == &doc || (r->event_doc->doctype() == doc.doctype() && !doc.is_new() &&
                                 r->event_doc->name_text() == doc.name_text());
    if (!same) continue;
    raise_frappe(I, "ValidationError",
                 "Server Script " + r->script_name + " (" + std::string(r->event_label) +
                     ") called " + method + "() on the " + doc.doctype() + " " + doc.name_text() +
                     " it runs for: that would run the same event again without end. Set the "
                     "fields on doc directly in Before events, or use doc.db_set() in After "
                     "events.");
    return false;
  }
  return true;
}

bool kw_bool(Isolate& I, Value v, std::optional<bool>& out) {
  if (v.is_undef() || v.is_none()) return true;
  bool b;
  if (!is_true(I, v, b)) return false;
  out = b;
  return true;
}

// Reached only for names the wrapper's table does not answer: a field not
// pulled yet, else None (a missing field reads None, as on Frappe's documents).
Value m_getattr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  if (nargs == 2 && is_kind(args[0], Kind::Instance) && is_str(args[1])) {
    Value v = pull_on_demand(I, args[0], args[1]);
    if (v.is_exc()) return v;
    if (!v.is_undef()) {
      incref(v);
      return v;
    }
  }
  return Value::none();
}

Value m_repr(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "__repr__", s)) return Value::exc();
  std::string cls;
  for (char c : s.doc->doctype()) {
    if (c != ' ') cls += c;
  }
  std::string name = s.doc->name_text();
  std::string text = "<" + cls + ": " + (name.empty() ? "unsaved" : name);
  if (int ds = s.doc->docstatus()) text += " docstatus=" + std::to_string(ds);
  if (s.doc->meta().istable) {
    Json parent = s.doc->get("parent");
    if (parent.is_string()) text += " parent=" + parent.get<std::string>();
  }
  return new_str(I, text + ">");
}

// Frappe's rows filter: every key of `filters` equals the row's value.
Value filter_rows(Isolate& I, Value list, Value filters) {
  List* out = alloc_list(I);
  Value result = Value::object(out);
  if (!is_list(list)) return result;
  Dict* f = is_attr_dict(filters) ? attr_dict_table(I, filters) : as_dict(filters);
  std::vector<Value> items = as_list(list)->items;
  for (Value row : items) {
    bool match = true;
    for (const auto& e : f->table.entries) {
      if (e.key.is_undef()) continue;
      Value actual = Value::none();
      if (is_kind(row, Kind::Instance) && static_cast<Instance*>(row.o)->attrs) {
        Value v = attr_by_key(I, row, e.key);
        if (v.is_exc()) {
          decref(result);
          return Value::exc();
        }
        if (!v.is_undef()) actual = v;
      }
      int eq = equals(I, actual, e.value);
      if (eq < 0) {
        decref(result);
        return Value::exc();
      }
      if (!eq) {
        match = false;
        break;
      }
    }
    if (match) {
      incref(row);
      list_append(I, out, row);
    }
  }
  return result;
}

Value m_get(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Self s;
  if (!self_of(I, args, nargs, "get", s)) return Value::exc();
  Value a[4];
  if (!parse_args(I, "get", args + 1, nargs - 1, kwnames, {"key", "filters", "limit", "default"}, 1,
                  a))
    return Value::exc();
  Value key = a[0], filters = a[1], dflt = a[3].is_undef() ? Value::none() : a[3];
  if (!filters.is_undef() && !filters.is_none()) {
    if (is_dict(filters) || is_attr_dict(filters)) {
      Value list = is_str(key) ? get_attr_text(I, args[0], as_str(key)->view()) : Value();
      return filter_rows(I, list, filters);
    }
    int t = truthy(I, filters);
    if (t < 0) return Value::exc();
    if (t) dflt = filters;  // doc.get("f", default): Frappe takes it as the default
  }
  if (!is_str(key)) return raise(I, types().TypeError, "get() key must be str");
  Value v = get_attr_text(I, args[0], as_str(key)->view());
  if (v.is_undef()) v = dflt;
  incref(v);
  return v;
}

Value m_set(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Self s;
  if (!self_of(I, args, nargs, "set", s)) return Value::exc();
  Value a[3];
  if (!parse_args(I, "set", args + 1, nargs - 1, kwnames, {"key", "value", "as_value"}, 2, a))
    return Value::exc();
  std::string key;
  if (!arg_string(I, a[0], key, "key")) return Value::exc();
  if (is_table_field(s.doc->meta(), key)) {
    if (!push_table(I, *s.run, *s.doc, key, a[1])) return Value::exc();
    Value list = rows_list(I, *s.run, *s.doc, key);
    if (list.is_exc()) return list;
    bool ok = set_attr_text(I, args[0], key, list);
    decref(list);
    if (!ok) return Value::exc();
    return Value::none();
  }
  if (!set_attr_text(I, args[0], key, a[1])) return Value::exc();
  return Value::none();
}

Value m_update(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "update", s)) return Value::exc();
  if (nargs != 2 || !(is_dict(args[1]) || is_attr_dict(args[1]))) {
    return raise(I, types().TypeError, "update() takes one dict");
  }
  Dict* d = is_attr_dict(args[1]) ? attr_dict_table(I, args[1]) : as_dict(args[1]);
  std::vector<std::pair<Value, Value>> entries;
  for (const auto& e : d->table.entries) {
    if (!e.key.is_undef()) entries.emplace_back(e.key, e.value);
  }
  for (auto& [k, v] : entries) {
    if (!is_str(k)) continue;
    Value call_args[3] = {args[0], k, v};
    Value r = m_set(I, call_args, 3, nullptr, nullptr);
    if (r.is_exc()) return r;
    decref(r);
  }
  incref(args[0]);
  return args[0];
}

Value m_append(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Self s;
  if (!self_of(I, args, nargs, "append", s)) return Value::exc();
  Value a[2];
  if (!parse_args(I, "append", args + 1, nargs - 1, kwnames, {"key", "value"}, 1, a))
    return Value::exc();
  std::string key;
  if (!arg_string(I, a[0], key, "key")) return Value::exc();
  Value list = get_attr_text(I, args[0], key);
  if (list.is_undef() || list.is_none()) {
    Value fresh = Value::object(alloc_list(I));
    bool ok = set_attr_text(I, args[0], key, fresh);
    decref(fresh);
    if (!ok) return Value::exc();
    list = get_attr_text(I, args[0], key);
  }
  if (!is_list(list)) return raise(I, types().TypeError, "'" + key + "' is not a table");
  Value row;
  if (is_document(a[1])) {
    row = a[1];
    incref(row);
  } else {
    Json values = Json::object();
    if (!a[1].is_undef() && !a[1].is_none() && !to_json(I, a[1], values)) return Value::exc();
    Value r = guarded(I, [&]() -> Value {
      Document& child = s.doc->append(key, values);
      Document::Ptr ptr = s.doc->table(key).back();
      (void)child;
      return wrap_document(I, *s.run, ptr);
    });
    if (r.is_exc()) return r;
    row = r;
  }
  Document::Ptr child = document_of(*s.run, row);
  if (child) {
    child->parent_doc = s.doc.get();
    child->set("parent", s.doc->get("name"));
    child->set("parentfield", key);
    child->set("parenttype", s.doc->doctype());
    child->set("docstatus", s.doc->docstatus());
    child->set("idx", static_cast<std::int64_t>(as_list(list)->items.size() + 1));
    if (!pull_document(I, *s.run, row)) {
      decref(row);
      return Value::exc();
    }
  }
  incref(row);
  list_append(I, as_list(list), row);
  return row;
}

template <typename Op>
Value model_op(Isolate& I, Value* args, std::size_t nargs, const char* name, bool guard_recursion,
               Op&& op) {
  Self s;
  if (!self_of(I, args, nargs, name, s)) return Value::exc();
  if (guard_recursion && !check_not_recursing(I, *s.run, *s.doc, name)) return Value::exc();
  if (!push_document(I, *s.run, args[0])) return Value::exc();
  Value r = guarded(I, [&]() -> Value {
    op(*s.run, *s.doc);
    return Value::none();
  });
  if (r.is_exc()) {
    pull_document(I, *s.run, args[0]);
    return r;
  }
  return return_self(I, *s.run, args[0]);
}

Value m_save(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[2];
  if (!parse_args(I, "save", args + 1, nargs ? nargs - 1 : 0, kwnames,
                  {"ignore_permissions", "ignore_version"}, 0, a))
    return Value::exc();
  std::optional<bool> ignore_permissions;
  if (!kw_bool(I, a[0], ignore_permissions)) return Value::exc();
  return model_op(I, args, nargs, "save", true, [&](RunState& run, Document& doc) {
    model::save(run.session, doc, ignore_permissions);
  });
}

Value m_insert(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Value a[6];
  if (!parse_args(I, "insert", args + 1, nargs ? nargs - 1 : 0, kwnames,
                  {"ignore_permissions", "ignore_links", "ignore_if_duplicate", "ignore_mandatory",
                   "set_name", "set_child_names"},
                  0, a))
    return Value::exc();
  model::InsertOptions o;
  std::optional<bool> dup;
  if (!kw_bool(I, a[0], o.ignore_permissions) || !kw_bool(I, a[1], o.ignore_links) ||
      !kw_bool(I, a[2], dup) || !kw_bool(I, a[3], o.ignore_mandatory))
    return Value::exc();
  o.ignore_if_duplicate = dup.value_or(false);
  if (!a[4].is_undef() && !a[4].is_none()) {
    Json n;
    if (!to_json(I, a[4], n)) return Value::exc();
    o.set_name = n;
  }
  return model_op(I, args, nargs, "insert", true,
                  [&](RunState& run, Document& doc) { model::insert(run.session, doc, o); });
}

Value m_submit(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  return model_op(I, args, nargs, "submit", true,
                  [&](RunState& run, Document& doc) { model::submit(run.session, doc); });
}

Value m_cancel(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  return model_op(I, args, nargs, "cancel", false,
                  [&](RunState& run, Document& doc) { model::cancel(run.session, doc); });
}

Value m_discard(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  return model_op(I, args, nargs, "discard", false,
                  [&](RunState& run, Document& doc) { model::discard(run.session, doc); });
}

Value m_reload(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "reload", s)) return Value::exc();
  Value r = guarded(I, [&]() -> Value {
    model::reload(s.run->session, *s.doc);
    s.run->loaded.insert(s.doc.get());
    return Value::none();
  });
  if (r.is_exc()) return r;
  return return_self(I, *s.run, args[0]);
}

Value m_delete(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Self s;
  if (!self_of(I, args, nargs, "delete", s)) return Value::exc();
  Value a[4];
  if (!parse_args(I, "delete", args + 1, nargs - 1, kwnames,
                  {"ignore_permissions", "force", "delete_permanently", "ignore_on_trash"}, 0, a))
    return Value::exc();
  model::DeleteOptions o;
  std::optional<bool> ip, force;
  if (!kw_bool(I, a[0], ip) || !kw_bool(I, a[1], force)) return Value::exc();
  o.ignore_permissions = ip.value_or(false);
  o.force = force.value_or(false);
  return guarded(I, [&]() -> Value {
    model::delete_doc(s.run->session, s.doc->doctype(), s.doc->name(), o);
    return Value::none();
  });
}

Value m_db_set(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Self s;
  if (!self_of(I, args, nargs, "db_set", s)) return Value::exc();
  Value a[5];
  if (!parse_args(I, "db_set", args + 1, nargs - 1, kwnames,
                  {"fieldname", "value", "update_modified", "notify", "commit"}, 1, a))
    return Value::exc();
  Json values;
  if (is_str(a[0])) {
    Json v;
    if (!to_json(I, a[1], v)) return Value::exc();
    values = Json::object();
    values[std::string(as_str(a[0])->view())] = v;
  } else if (!to_json(I, a[0], values) || !values.is_object()) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "db_set() fieldname must be a str or a dict");
  }
  std::optional<bool> update_modified;
  if (!kw_bool(I, a[2], update_modified)) return Value::exc();
  if (!push_document(I, *s.run, args[0])) return Value::exc();
  Value r = guarded(I, [&]() -> Value {
    model::db_set(s.run->session, *s.doc, values, update_modified.value_or(true));
    return Value::none();
  });
  if (r.is_exc()) return r;
  if (!pull_document(I, *s.run, args[0])) return Value::exc();
  return Value::none();
}

Value m_as_dict(Isolate& I, Value* args, std::size_t nargs, const Tuple* kwnames, void*) {
  Self s;
  if (!self_of(I, args, nargs, "as_dict", s)) return Value::exc();
  Value a[4];
  if (!parse_args(
          I, "as_dict", args + 1, nargs - 1, kwnames,
          {"no_nulls", "no_default_fields", "convert_dates_to_str", "no_child_table_fields"}, 0, a))
    return Value::exc();
  Json j;
  if (!document_to_json(I, args[0], j)) return Value::exc();
  bool no_nulls = false;
  if (!is_true(I, a[0], no_nulls)) return Value::exc();
  if (no_nulls) {
    for (auto it = j.begin(); it != j.end();) it = it->is_null() ? j.erase(it) : std::next(it);
  }
  return to_value(I, j);
}

Value m_is_new(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "is_new", s)) return Value::exc();
  return Value::boolean(s.doc->is_new());
}

Value m_get_doc_before_save(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "get_doc_before_save", s)) return Value::exc();
  const Document::Ptr& before = s.doc->doc_before_save();
  if (!before) return Value::none();
  return wrap_document(I, *s.run, before, /*loaded=*/true);
}

Value m_has_value_changed(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "has_value_changed", s)) return Value::exc();
  std::string key;
  if (nargs != 2 || !arg_string(I, args[1], key, "fieldname")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "has_value_changed() takes one fieldname");
  }
  if (!push_document(I, *s.run, args[0])) return Value::exc();
  return Value::boolean(s.doc->has_value_changed(key));
}

Value m_get_db_value(Isolate& I, Value* args, std::size_t nargs, const Tuple*, void*) {
  Self s;
  if (!self_of(I, args, nargs, "get_db_value", s)) return Value::exc();
  std::string key;
  if (nargs != 2 || !arg_string(I, args[1], key, "fieldname")) {
    if (!I.pending.is_undef()) return Value::exc();
    return raise(I, types().TypeError, "get_db_value() takes one fieldname");
  }
  return guarded(I, [&]() -> Value {
    if (s.doc->is_new()) return Value::none();
    return to_value(I, model::get_value(s.run->session, s.doc->doctype(), s.doc->name(), key));
  });
}

void create_type() {
  Type* t = host::define_type("Document");
  t->is_user = true;  // the VM then consults __getattr__ and __repr__ (see attr_dict.cpp)
  host::define_method(t, "__getattr__", m_getattr);
  host::define_method(t, "__repr__", m_repr);
  host::define_method(t, "get", m_get);
  host::define_method(t, "set", m_set);
  host::define_method(t, "update", m_update);
  host::define_method(t, "append", m_append);
  host::define_method(t, "save", m_save);
  host::define_method(t, "insert", m_insert);
  host::define_method(t, "submit", m_submit);
  host::define_method(t, "cancel", m_cancel);
  host::define_method(t, "discard", m_discard);
  host::define_method(t, "delete", m_delete);
  host::define_method(t, "reload", m_reload);
  host::define_method(t, "db_set", m_db_set);
  host::define_method(t, "as_dict", m_as_dict);
  host::define_method(t, "is_new", m_is_new);
  host::define_method(t, "get_doc_before_save", m_get_doc_before_save);
  host::define_method(t, "has_value_changed", m_has_value_changed);
  host::define_method(t, "get_db_value", m_get_db_value);
  add_document_methods(t);  // add_comment, run_method, get_formatted, meta
  g_type = t;
}

}  // namespace

Type* document_type() {
  static std::once_flag once;
  std::call_once(once, create_type);
  return g_type;
}

bool is_document(Value v) {
  return is_kind(v, Kind::Instance) && static_cast<Instance*>(v.o)->cls == document_type();
}

Value wrap_document(Isolate& I, RunState& run, const Document::Ptr& doc, bool loaded) {
  if (loaded) run.loaded.insert(doc.get());
  if (auto it = run.wrappers.find(doc.get()); it != run.wrappers.end()) {
    incref(it->second);
    return it->second;
  }
  Value w = host::new_instance(I, document_type());
  static_cast<Instance*>(w.o)->attrs = alloc_dict(I);
  // The maps hold one reference; the isolate frees everything at its next run.
  incref(w);
  run.wrappers[doc.get()] = w;
  run.documents[w.o] = doc;
  if (!pull_document(I, run, w)) {
    decref(w);
    return Value::exc();
  }
  return w;
}

Document::Ptr document_of(RunState& run, Value wrapper) {
  if (!is_document(wrapper)) return nullptr;
  auto it = run.documents.find(wrapper.o);
  return it == run.documents.end() ? nullptr : it->second;
}

namespace {

// What pull_document walks for one DocType, worked out once: each column's
// attribute key (interned), the name to find its value by, and the temporal
// fieldtype a loaded document's value takes. Pulling a document then costs a
// map lookup and a conversion per column, no key hashing, no Json copies.
struct PullColumn {
  Value key;
  std::string name;
  std::string_view temporal;  // "" for standard columns and non-temporal fields
  // Pulled with the wrapper even when the run pulls lazily: the document
  // class has an attribute of that name, which a missing entry would show.
  bool eager = false;
};

struct PullLayout {
  std::shared_ptr<const model::Meta> meta;  // held: the cache is keyed by its address
  std::vector<PullColumn> columns;          // standard, child, then data columns
  std::vector<PullColumn> tables;
  // A new wrapper's attribute table, keys in pull order and values None: a
  // first pull copies it and sets values by position (no hashing, no growth
  // from 8 slots entry by entry). Positions of doctype, columns, tables, flags.
  HashTable prebuilt;
  std::size_t doctype_at = 0, flags_at = 0;
  std::vector<std::size_t> column_at, table_at;
  // Column indexes in name order, the order of Document::values(): a first
  // pull finds values by one merge walk instead of a tree search per column.
  std::vector<std::size_t> by_name;
  // A lazy first pull (see pull_fresh): the same table with the fields left
  // to pull_on_demand holding Undef (an entry no lookup answers), the
  // columns that are pulled at once, and each column by its key.
  HashTable prebuilt_lazy;
  std::vector<std::size_t> eager_columns;
  std::unordered_map<const Object*, std::size_t> column_of_key;
};

// Builds layout.prebuilt outside any run's heap accounting (process storage;
// keys are interned, so immortal).
void prebuild_table(Isolate& I, PullLayout& layout) {
  Heap* saved = t_heap;
  t_heap = nullptr;
  Dict scratch;
  std::vector<Value> order;
  order.push_back(field_key("doctype"));
  for (const auto& c : layout.columns) order.push_back(c.key);
  for (const auto& t : layout.tables) order.push_back(t.key);
  order.push_back(field_key("flags"));
  for (Value k : order) dict_set(I, &scratch, k, Value::none());
  t_heap = saved;
  layout.prebuilt = scratch.table;
  layout.prebuilt.entries.reserve(scratch.table.entries.capacity());
  layout.prebuilt.charged = 0;
  auto position = [&](Value key) {
    for (std::size_t i = 0; i < layout.prebuilt.entries.size(); ++i) {
      if (layout.prebuilt.entries[i].key.o == key.o) return i;
    }
    return std::size_t{0};
  };
  layout.doctype_at = position(order.front());
  layout.flags_at = position(order.back());
  for (const auto& c : layout.columns) layout.column_at.push_back(position(c.key));
  for (const auto& t : layout.tables) layout.table_at.push_back(position(t.key));
  layout.prebuilt_lazy = layout.prebuilt;
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    layout.column_of_key.emplace(layout.columns[i].key.o, i);
    if (layout.columns[i].eager) {
      layout.eager_columns.push_back(i);
    } else {
      layout.prebuilt_lazy.entries[layout.column_at[i]].value = Value();
    }
  }
  layout.prebuilt_lazy.entries[layout.flags_at].value = Value();  // doc.flags: one more conversion
}

// Shared, not a reference into the cache: a nested pull (a child DocType seen
// for the first time) may clear the cache while the parent's pull walks its layout.
std::shared_ptr<const PullLayout> pull_layout(Isolate& I, const Document& doc) {
  thread_local std::unordered_map<const model::Meta*, std::shared_ptr<const PullLayout>> cache;
  const model::Meta* meta = &doc.meta();
  if (auto it = cache.find(meta); it != cache.end()) return it->second;
  if (cache.size() >= 512) cache.clear();  // DocTypes reloaded many times: keep it bounded
  auto made = std::make_shared<PullLayout>();
  PullLayout& layout = *made;
  layout.meta = doc.meta_ptr();
  for (const auto& col : model::standard_columns())
    layout.columns.push_back({field_key(col), col, ""});
  if (meta->istable) {
    for (const auto& col : model::child_columns())
      layout.columns.push_back({field_key(col), col, ""});
  }
  for (const auto* f : meta->data_fields()) {
    layout.columns.push_back(
        {field_key(f->fieldname), f->fieldname, temporal_fieldtype(*meta, f->fieldname)});
  }
  for (const auto* f : meta->table_fields())
    layout.tables.push_back({field_key(f->fieldname), f->fieldname, ""});
  for (auto& c : layout.columns) {
    c.eager = c.name == "doctype" || c.name == "flags" ||
              !type_lookup(document_type(), as_str(c.key)).is_undef();
  }
  prebuild_table(I, layout);
  for (std::size_t i = 0; i < layout.columns.size(); ++i) layout.by_name.push_back(i);
  std::stable_sort(layout.by_name.begin(), layout.by_name.end(), [&](std::size_t a, std::size_t b) {
    return layout.columns[a].name < layout.columns[b].name;
  });
  cache.emplace(meta, made);
  return made;
}

bool set_attr_key(Isolate& I, Value obj, Value key, Value v) {
  auto* in = static_cast<Instance*>(obj.o);
  if (!in->attrs) in->attrs = alloc_dict(I);
  return dict_set(I, in->attrs, key, v);
}

// Whether the run's wrappers may leave fields to pull_on_demand: not when its
// program can see a wrapper's attribute table whole (vars, __dict__, dir) or
// reach names it cannot be checked for (getattr, templates, safe_eval), nor
// when its program is not known yet (run_state.h program_reach).
bool pulls_lazily(const RunState& run) {
  return run.reach >= 0 && (static_cast<unsigned>(run.reach) & kReachComputed) == 0;
}

// A field's value as a wrapper holds it (a new reference).
Value field_value(Isolate& I, const RunState& run, const Document& doc, const PullColumn& col,
                  const Json& j) {
  bool typed = !col.temporal.empty() && run.loaded.count(&doc) > 0;
  return typed ? temporal_value(I, col.temporal, j) : to_value(I, j);
}

// A new wrapper's first pull: the layout's table copied, then filled by
// position. A lazy pull converts only the eager columns; pull_on_demand
// converts each other field when it is first read (a Before Save script
// reading two fields of a forty-field document converts two).
bool pull_fresh(Isolate& I, RunState& run, Document& doc, const PullLayout& layout, Value w) {
  HashTable& t = static_cast<Instance*>(w.o)->attrs->table;
  const bool lazy = pulls_lazily(run);
  const HashTable& p = lazy ? layout.prebuilt_lazy : layout.prebuilt;
  t.entries.reserve(p.entries.capacity());
  t.entries = p.entries;
  t.index = p.index;
  t.used = p.used;
  t.charged =
      t.index.capacity() * sizeof(std::int32_t) + t.entries.capacity() * sizeof(HashTable::Entry);
  I.heap.charge(t.charged);
  auto put = [&](std::size_t at, Value owned) {
    Value old = t.entries[at].value;
    t.entries[at].value = owned;
    decref(old);
  };
  put(layout.doctype_at, new_str(I, doc.doctype()));
  const auto& values = doc.values();
  static const Json kNull;
  if (lazy) {
    for (std::size_t i : layout.eager_columns) {
      const PullColumn& col = layout.columns[i];
      auto found = values.find(col.name);
      Value v = field_value(I, run, doc, col, found == values.end() ? kNull : found->second);
      if (v.is_exc()) return false;
      put(layout.column_at[i], v);
    }
  } else {
    auto next = values.begin();
    for (std::size_t i : layout.by_name) {
      const PullColumn& col = layout.columns[i];
      int order = 1;
      while (next != values.end() && (order = next->first.compare(col.name)) < 0) ++next;
      Value v =
          field_value(I, run, doc, col, next != values.end() && order == 0 ? next->second : kNull);
      if (v.is_exc()) return false;
      put(layout.column_at[i], v);
    }
  }
  for (std::size_t i = 0; i < layout.tables.size(); ++i) {
    Value list = rows_list(I, run, doc, layout.tables[i].name);
    if (list.is_exc()) return false;
    put(layout.table_at[i], list);
  }
  if (!lazy) {
    Value flags = to_value(I, doc.flags.is_object() ? doc.flags : Json::object());
    if (flags.is_exc()) return false;
    put(layout.flags_at, flags);
  }
  remember_pulled(run, w);
  return true;
}

// The wrapper's key for an attribute name: the interned field name, which a
// name from the script's code (another string object of the same text) is
// mapped to through a small per-thread table by address, its text checked
// (an address may be reused by another string).
Value key_of_name(Value name) {
  struct Slot {
    const Object* name = nullptr;
    Value key;
  };
  thread_local std::array<Slot, 256> slots{};
  Slot& slot = slots[(reinterpret_cast<std::uintptr_t>(name.o) >> 4) & 255];
  std::string_view text = as_str(name)->view();
  if (slot.name == name.o && as_str(slot.key)->view() == text) return slot.key;
  Value key = field_key(text);
  slot = {name.o, key};
  return key;
}

Value pull_on_demand(Isolate& I, Value w, Value name) {
  RunState* run = current_run();
  Dict* attrs = static_cast<Instance*>(w.o)->attrs;
  if (!run || !is_str(name) || !attrs) return Value();
  Value key = key_of_name(name);
  // The last wrapper's document and layout, else looked up (and kept).
  RunState::LastPulled& last = run->last_pulled;
  if (last.wrapper != w.o ||
      &last.doc->meta() != static_cast<const PullLayout*>(last.layout.get())->meta.get()) {
    Document::Ptr found = document_of(*run, w);
    if (!found) return Value();
    auto snapshot = run->pulled.find(w.o);
    last = {w.o, found.get(), pull_layout(I, *found),
            snapshot == run->pulled.end() ? nullptr : &snapshot->second};
  }
  Document* doc = last.doc;
  const PullLayout* held = static_cast<const PullLayout*>(last.layout.get());
  const bool is_flags = key.o == held->prebuilt.entries[held->flags_at].key.o;
  auto column = held->column_of_key.find(key.o);
  if (!is_flags && column == held->column_of_key.end()) return Value();
  // Where the layout put the entry (and the snapshot holds it).
  const std::size_t slot = is_flags ? held->flags_at : held->column_at[column->second];
  // The entry sits there unless the table was rebuilt since (a deletion,
  // then growth): then it is looked for. Only an entry holding Undef is a
  // field not pulled yet; one deleted by the script stays deleted.
  auto& entries = attrs->table.entries;
  std::size_t at = slot;
  if (at >= entries.size() || entries[at].key.o != key.o) {
    at = 0;
    while (at < entries.size() && entries[at].key.o != key.o) ++at;
    if (at == entries.size()) return Value();
  }
  if (!entries[at].value.is_undef()) return entries[at].value;
  static const Json kNull;
  Value v;
  if (is_flags) {
    v = to_value(I, doc->flags.is_object() ? doc->flags : Json::object());
  } else {
    const PullColumn& col = held->columns[column->second];
    const auto& values = doc->values();
    auto found = values.find(col.name);
    v = field_value(I, *run, *doc, col, found == values.end() ? kNull : found->second);
  }
  if (v.is_exc()) return v;
  entries[at].value = v;
  // As pulled: push_document leaves it alone unless the script replaces it.
  if (last.snapshot && slot < last.snapshot->size() && (*last.snapshot)[slot].key.o == key.o) {
    incref(v);
    decref((*last.snapshot)[slot].value);
    (*last.snapshot)[slot].value = v;
  }
  return v;
}

}  // namespace

bool pull_document(Isolate& I, RunState& run, Value w) {
  Document::Ptr doc = document_of(run, w);
  if (!doc) return true;
  std::shared_ptr<const PullLayout> held = pull_layout(I, *doc);
  const PullLayout& layout = *held;
  Dict* attrs = static_cast<Instance*>(w.o)->attrs;
  if (attrs && attrs->table.entries.empty() && attrs->table.charged == 0)
    return pull_fresh(I, run, *doc, layout, w);
  Value dt = new_str(I, doc->doctype());
  bool ok = set_attr_text(I, w, "doctype", dt);
  decref(dt);
  if (!ok) return false;
  bool typed = run.loaded.count(doc.get()) > 0;
  const auto& values = doc->values();
  static const Json kNull;
  for (const PullColumn& col : layout.columns) {
    auto found = values.find(col.name);
    const Json& j = found == values.end() ? kNull : found->second;
    Value v = typed && !col.temporal.empty() ? temporal_value(I, col.temporal, j) : to_value(I, j);
    if (v.is_exc()) return false;
    ok = set_attr_key(I, w, col.key, v);
    decref(v);
    if (!ok) return false;
  }
  for (const PullColumn& table : layout.tables) {
    Value list = rows_list(I, run, *doc, table.name);
    if (list.is_exc()) return false;
    ok = set_attr_key(I, w, table.key, list);
    decref(list);
    if (!ok) return false;
  }
  Value flags = to_value(I, doc->flags.is_object() ? doc->flags : Json::object());
  if (flags.is_exc()) return false;
  ok = set_attr_text(I, w, "flags", flags);
  decref(flags);
  if (ok) remember_pulled(run, w);
  return ok;
}

bool push_document(Isolate& I, RunState& run, Value w) {
  Document::Ptr doc = document_of(run, w);
  if (!doc) return true;
  Dict* attrs = static_cast<Instance*>(w.o)->attrs;
  if (!attrs) return true;
  const model::Meta& meta = doc->meta();
  static const std::vector<HashTable::Entry> kNothingPulled;
  auto pulled = run.pulled.find(w.o);
  const auto& before = pulled == run.pulled.end() ? kNothingPulled : pulled->second;
  std::vector<std::pair<Value, Value>> entries;
  for (std::size_t i = 0; i < attrs->table.entries.size(); ++i) {
    const auto& e = attrs->table.entries[i];
    if (e.key.is_undef() || !is_str(e.key) || e.value.is_undef()) continue;  // Undef: not pulled
    if (i < before.size() && before[i].key.o == e.key.o && same_value(before[i].value, e.value) &&
        is_immutable(e.value))
      continue;  // untouched since the document's values were pulled
    entries.emplace_back(e.key, e.value);
  }
  for (const auto& e : entries) incref(e.second);
  bool ok = true;
  for (const auto& [k, v] : entries) {
    if (!ok) break;
    std::string key(as_str(k)->view());
    if (key == "doctype") continue;
    if (key == "flags") {
      Json flags;
      if (!to_json(I, v, flags)) {
        ok = false;
      } else if (flags.is_object()) {
        doc->flags = std::move(flags);
      }
      continue;
    }
    if (is_table_field(meta, key)) {
      ok = push_table(I, run, *doc, key, v);
      continue;
    }
    if (!is_stored_key(meta, key)) continue;  // a script's own attribute stays on the wrapper
    Json j;
    if (!to_json(I, v, j)) {
      ok = false;
      break;
    }
    try {
      doc->set(key, j);
    } catch (...) {
      raise_cpp_exception(I);
      ok = false;
    }
  }
  for (const auto& e : entries) decref(e.second);
  return ok;
}

bool document_to_json(Isolate& I, Value wrapper, Json& out) {
  RunState* run = current_run();
  Document::Ptr doc = run ? document_of(*run, wrapper) : nullptr;
  if (!doc) {
    out = nullptr;
    return true;
  }
  if (!push_document(I, *run, wrapper)) return false;
  try {
    out = doc->as_dict();
  } catch (...) {
    raise_cpp_exception(I);
    return false;
  }
  return true;
}

}  // namespace quire::scripting
