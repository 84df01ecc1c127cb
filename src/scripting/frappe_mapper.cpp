// frappe.copy_doc and frappe.get_mapped_doc. The mapping works through the
// documents' own script methods (get, set, append), so what a mapped value
// becomes is what a script setting it would get, and the callables of a
// table map (condition, postprocess) see ordinary documents.
//
// get_mapped_doc builds mapper.py's core: the same-named fields (skipping
// no_copy, table and standard fields and field_no_map), Link fields pointing
// at the source (or its parent), field_map, idx, validation, condition,
// filter, add_if_empty, postprocess (per table map and for the whole
// document), child tables mapped by table_maps or by same fieldname and
// DocType. Not built: fetch_from of mapped links (map_fetch_fields),
// frappe.flags.selected_children and strict user permissions.
#include "scripting/frappe_mapper.h"

#include <map>
#include <set>

#include "lang/sandbox/host.h"
#include "model/fieldtypes.h"
#include "model/lifecycle.h"
#include "model/permissions.h"
#include "scripting/attr_dict.h"
#include "scripting/document_binding.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Document;
using model::Json;

namespace {

// frappe.model.default_fields and child_table_fields.
const char* const kStandardFields[] = {"doctype",  "name",        "owner",     "creation",
                                       "modified", "modified_by", "docstatus", "idx",
                                       "parent",   "parentfield", "parenttype"};

// copy_doc: cleared on the copy and on each of its rows.
const char* const kCopyCleared[] = {"name",     "owner",       "creation",
                                    "modified", "modified_by", "docstatus"};

void clear_no_copy(const model::Meta& meta, Json& values) {
  for (const auto& f : meta.fields) {
    if (f.no_copy && values.contains(f.fieldname)) values[f.fieldname] = nullptr;
  }
}

// frappe.copy_doc(doc, ignore_no_copy=True): a new document with the values
// and rows of `doc` (a document or a dict), without name, owner, dates and
// docstatus (Frappe keeps docstatus only in its own tests).
QUIRE_NATIVE(f_copy_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[2];
  if (!parse_args(I, "copy_doc", args, nargs, kwnames, {"doc", "ignore_no_copy"}, 1, a))
    return Value::exc();
  bool ignore_no_copy = true;
  if (!opt_bool(I, a[1], ignore_no_copy, true)) return Value::exc();
  Json values;
  if (is_document(a[0])) {
    if (!document_to_json(I, a[0], values)) return Value::exc();
  } else if (!to_json(I, a[0], values)) {
    return Value::exc();
  }
  if (!values.is_object() || !values.contains("doctype") || !values["doctype"].is_string())
    return raise(I, types().TypeError, "copy_doc() needs a document or a dict with a doctype");
  return guarded(I, [&]() -> Value {
    auto meta = run->session.metas.get(values["doctype"].get<std::string>());
    for (const char* f : kCopyCleared) values[f] = nullptr;
    for (const char* f : {"amended_from", "amendment_date"}) {
      if (meta->field(f)) values[f] = nullptr;
    }
    if (!ignore_no_copy) clear_no_copy(*meta, values);
    for (const auto* table : meta->table_fields()) {
      auto it = values.find(table->fieldname);
      if (it == values.end() || !it->is_array()) continue;
      auto child_meta = run->session.metas.get(table->options);
      for (Json& row : *it) {
        if (!row.is_object()) continue;
        for (const char* f : kCopyCleared) row[f] = nullptr;
        if (!ignore_no_copy) clear_no_copy(*child_meta, row);
      }
    }
    return wrap_document(I, *run, model::doc_from_dict(run->session, values));
  });
}

// A key of a table map (a dict or _dict), borrowed; Undef when absent.
Value map_entry(Isolate& I, Value map, std::string_view key) {
  if (is_dict(map)) return dict_get_str(as_dict(map), key);
  if (is_attr_dict(map)) return dict_get_str(attr_dict_table(I, map), key);
  return Value();
}

Value doc_get(Isolate& I, Value doc, std::string_view key) {
  Value k = new_str(I, key);
  Value r = call_method(I, doc, "get", &k, 1);
  decref(k);
  return r;
}

bool doc_set(Isolate& I, Value doc, std::string_view key, Value v) {
  Value call_args[2] = {new_str(I, key), v};
  Value r = call_method(I, doc, "set", call_args, 2);
  decref(call_args[0]);
  if (r.is_exc()) return false;
  decref(r);
  return true;
}

bool is_blank(Value v) {
  return v.is_none() || (is_str(v) && as_str(v)->view().empty());
}

std::string doc_text(Isolate& I, Value doc, std::string_view key) {
  Value v = doc_get(I, doc, key);
  std::string out;
  if (!v.is_exc() && is_str(v)) out = std::string(as_str(v)->view());
  if (v.is_exc()) I.pending = Value();
  if (!v.is_exc()) decref(v);
  return out;
}

struct Mapper {
  Isolate& I;
  RunState& run;

  std::shared_ptr<const model::Meta> meta_of(Value doc) {
    auto d = document_of(run, doc);
    return d ? run.session.metas.get(d->doctype()) : nullptr;
  }

  // mapper.py map_doc: validation, the fields, then the map's postprocess.
  bool map_doc(Value source, Value target, Value table_map, Value source_parent) {
    Value validation = map_entry(I, table_map, "validation");
    if (given(validation)) {
      Json rules;
      if (!to_json(I, validation, rules)) return false;
      for (const auto& [key, cond] : rules.items()) {
        if (!cond.is_array() || cond.size() < 2 || cond[0] != "=") continue;
        Json actual;
        Value v = doc_get(I, source, key);
        if (v.is_exc() || !to_json(I, v, actual)) return false;
        decref(v);
        if (actual != cond[1]) {
          std::string expected = cond[1].is_string() ? cond[1].get<std::string>()
                                 : cond[1].is_null() ? ""
                                                     : cond[1].dump();
          raise_frappe(I, "ValidationError",
                       "Cannot map because following condition fails: " + key + "=" + expected);
          return false;
        }
      }
    }
    if (!map_fields(source, target, table_map, source_parent)) return false;
    Value post = map_entry(I, table_map, "postprocess");
    if (given(post)) {
      Value call_args[3] = {source, target, given(source_parent) ? source_parent : Value::none()};
      Value r = call(I, post, call_args, 3, nullptr);
      if (r.is_exc()) return false;
      decref(r);
    }
    return true;
  }

  bool map_fields(Value source, Value target, Value table_map, Value source_parent) {
    auto source_meta = meta_of(source);
    auto target_meta = meta_of(target);
    if (!source_meta || !target_meta) {
      raise(I, types().TypeError, "get_mapped_doc maps documents");
      return false;
    }
    std::set<std::string> no_copy(std::begin(kStandardFields), std::end(kStandardFields));
    for (const auto* meta : {source_meta.get(), target_meta.get()}) {
      for (const auto& f : meta->fields) {
        if (f.no_copy || model::is_table_fieldtype(f.fieldtype)) no_copy.insert(f.fieldname);
      }
    }
    Value no_map = map_entry(I, table_map, "field_no_map");
    if (given(no_map)) {
      Json names;
      if (!to_json(I, no_map, names)) return false;
      for (const auto& n : names) {
        if (n.is_string()) no_copy.insert(n.get<std::string>());
      }
    }
    const std::string source_doctype = source_meta->name;
    const std::string parent_doctype =
        given(source_parent) ? doc_text(I, source_parent, "doctype") : "";
    for (const auto& df : target_meta->fields) {
      if (no_copy.count(df.fieldname)) continue;
      Value v = doc_get(I, source, df.fieldname);
      if (v.is_exc()) return false;
      bool ok = true;
      if (!is_blank(v)) {
        ok = doc_set(I, target, df.fieldname, v);
      } else if (df.fieldtype == "Link" && doc_text(I, target, df.fieldname).empty()) {
        // Link fields pointing at the source (or its parent) take its name.
        if (df.options == source_doctype) {
          Value name = doc_get(I, source, "name");
          ok = !name.is_exc() && doc_set(I, target, df.fieldname, name);
          if (!name.is_exc()) decref(name);
        } else if (!parent_doctype.empty() && df.options == parent_doctype) {
          Value name = doc_get(I, source_parent, "name");
          ok = !name.is_exc() && doc_set(I, target, df.fieldname, name);
          if (!name.is_exc()) decref(name);
        }
      }
      decref(v);
      if (!ok) return false;
    }
    if (!map_field_map(source, target, map_entry(I, table_map, "field_map"))) return false;
    Value idx = doc_get(I, source, "idx");
    if (idx.is_exc()) return false;
    int t = truthy(I, idx);
    bool ok = t >= 0 && (t == 0 || doc_set(I, target, "idx", idx));
    decref(idx);
    return ok;
  }

  // field_map: {source_field: target_field} or [[source, target], ...].
  bool map_field_map(Value source, Value target, Value field_map) {
    if (!given(field_map)) return true;
    Json pairs;
    if (!to_json(I, field_map, pairs)) return false;
    std::vector<std::pair<std::string, std::string>> moves;
    if (pairs.is_object()) {
      for (const auto& [from, to] : pairs.items()) {
        if (to.is_string()) moves.emplace_back(from, to.get<std::string>());
      }
    } else if (pairs.is_array()) {
      for (const auto& p : pairs) {
        if (p.is_array() && p.size() >= 2 && p[0].is_string() && p[1].is_string())
          moves.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
      }
    }
    for (const auto& [from, to] : moves) {
      Value v = doc_get(I, source, from);
      if (v.is_exc()) return false;
      bool ok = is_blank(v) || doc_set(I, target, to, v);
      decref(v);
      if (!ok) return false;
    }
    return true;
  }

  // The first table field of `meta` whose rows are `child_doctype`.
  static std::string parentfield_of(const model::Meta& meta, const std::string& child_doctype) {
    for (const auto* f : meta.table_fields()) {
      if (f->options == child_doctype) return f->fieldname;
    }
    return "";
  }

  // Whether `callable(row)` is truthy (-1 on error).
  int ask(Value callable, Value row) {
    Value r = call(I, callable, &row, 1, nullptr);
    if (r.is_exc()) return -1;
    int t = truthy(I, r);
    decref(r);
    return t;
  }

  bool map_children(Value source, Value target, Value table_maps) {
    auto source_meta = meta_of(source);
    auto target_meta = meta_of(target);
    std::map<std::string, bool> rows_existed;
    for (const auto* df : source_meta->table_fields()) {
      Value table_map = map_entry(I, table_maps, df->options);
      Value fallback;
      if (!given(table_map)) {
        const model::DocField* target_df = target_meta->field(df->fieldname);
        if (!target_df || target_df->options != df->options || df->no_copy || target_df->no_copy)
          continue;
        fallback = new_attr_dict(I);
        Value child = new_str(I, df->options);
        attr_dict_set(I, fallback, "doctype", child);
        decref(child);
        table_map = fallback;
      }
      struct Release {
        Value v;
        ~Release() {
          if (!v.is_undef()) decref(v);
        }
      } release{fallback};
      std::string target_child;
      Value child_name = map_entry(I, table_map, "doctype");
      if (is_str(child_name)) target_child = std::string(as_str(child_name)->view());
      std::string parentfield = parentfield_of(*target_meta, target_child);
      if (parentfield.empty()) continue;
      Value rows = doc_get(I, source, df->fieldname);
      if (rows.is_exc()) return false;
      std::vector<Value> items = is_list(rows) ? as_list(rows)->items : std::vector<Value>{};
      for (Value row : items) incref(row);
      decref(rows);
      bool ok = true;
      for (Value row : items) {
        if (ok)
          ok = map_row(row, source, target, table_map, target_child, parentfield, rows_existed);
        decref(row);
      }
      if (!ok) return false;
    }
    return true;
  }

  bool map_row(Value row, Value source, Value target, Value table_map,
               const std::string& target_child, const std::string& parentfield,
               std::map<std::string, bool>& rows_existed) {
    Value condition = map_entry(I, table_map, "condition");
    if (given(condition)) {
      int t = ask(condition, row);
      if (t <= 0) return t == 0;
    }
    if (!rows_existed.count(parentfield)) {
      Value existing = doc_get(I, target, parentfield);
      if (existing.is_exc()) return false;
      int t = truthy(I, existing);
      decref(existing);
      if (t < 0) return false;
      rows_existed[parentfield] = t > 0;
    }
    Value add_if_empty = map_entry(I, table_map, "add_if_empty");
    if (given(add_if_empty) && truthy(I, add_if_empty) > 0 && rows_existed[parentfield])
      return true;
    Value filter = map_entry(I, table_map, "filter");
    if (given(filter)) {
      int t = ask(filter, row);
      if (t != 0) return t > 0;
    }
    // map_child_doc: a new row of the target's table, mapped, idx left to append.
    Value child = guarded(I, [&]() -> Value {
      return wrap_document(I, run, model::new_doc(run.session, target_child));
    });
    if (child.is_exc()) return false;
    bool ok = map_doc(row, child, table_map, source) && doc_set(I, child, "idx", Value::none());
    if (ok) {
      Value call_args[2] = {new_str(I, parentfield), child};
      Value r = call_method(I, target, "append", call_args, 2);
      decref(call_args[0]);
      ok = !r.is_exc();
      if (ok) decref(r);
    }
    decref(child);
    return ok;
  }
};

// frappe.get_mapped_doc(from_doctype, from_docname, table_maps, target_doc=None,
// postprocess=None, ignore_permissions=False, ignore_child_tables=False, cached=False).
QUIRE_NATIVE(f_get_mapped_doc) {
  RunState* run = need_run(I);
  if (!run) return Value::exc();
  Value a[8];
  if (!parse_args(I, "get_mapped_doc", args, nargs, kwnames,
                  {"from_doctype", "from_docname", "table_maps", "target_doc", "postprocess",
                   "ignore_permissions", "ignore_child_tables", "cached"},
                  3, a))
    return Value::exc();
  std::string from_doctype;
  Json from_name;
  if (!arg_string(I, a[0], from_doctype, "from_doctype") || !json_arg(I, a[1], from_name))
    return Value::exc();
  if (!is_dict(a[2]) && !is_attr_dict(a[2]))
    return raise(I, types().TypeError, "get_mapped_doc() table_maps must be a dict");
  bool ignore_permissions = false, ignore_children = false;
  if (!opt_bool(I, a[5], ignore_permissions) || !opt_bool(I, a[6], ignore_children))
    return Value::exc();
  Value parent_map = map_entry(I, a[2], from_doctype);
  if (!given(parent_map)) return raise_key_error(I, a[0]);
  Value source = guarded(I, [&]() -> Value {
    auto doc = model::get_doc(run->session, from_doctype, from_name);
    if (!ignore_permissions &&
        !model::has_permission(run->session, *run->session.metas.get(from_doctype), "read",
                               doc.get()))
      throw model::FrappeError(model::ErrorKind::PermissionError,
                               "No permission for " + from_doctype);
    return wrap_document(I, *run, doc, /*loaded=*/true);
  });
  if (source.is_exc()) return source;
  Value target;
  if (is_document(a[3])) {
    target = a[3];
    incref(target);
  } else {
    Json values;
    if (is_str(a[3])) {
      values = Json::parse(std::string(as_str(a[3])->view()), nullptr, false);
    } else if (given(a[3]) && !to_json(I, a[3], values)) {
      decref(source);
      return Value::exc();
    }
    std::string target_doctype;
    Value name = map_entry(I, parent_map, "doctype");
    if (is_str(name)) target_doctype = std::string(as_str(name)->view());
    target = guarded(I, [&]() -> Value {
      auto doc = values.is_object() && !values.empty()
                     ? model::doc_from_dict(run->session, values)
                     : model::new_doc(run->session, target_doctype);
      if (!ignore_permissions &&
          !model::has_permission(run->session, *run->session.metas.get(doc->doctype()), "create",
                                 nullptr))
        throw model::FrappeError(model::ErrorKind::PermissionError,
                                 "No permission to create " + doc->doctype());
      return wrap_document(I, *run, doc);
    });
  }
  if (target.is_exc()) {
    decref(source);
    return target;
  }
  Mapper m{I, *run};
  bool ok = m.map_doc(source, target, parent_map, Value::none()) &&
            (ignore_children || m.map_children(source, target, a[2]));
  if (ok && given(a[4])) {
    Value call_args[2] = {source, target};
    Value r = call(I, a[4], call_args, 2, nullptr);
    ok = !r.is_exc();
    if (ok) decref(r);
  }
  decref(source);
  if (!ok) {
    decref(target);
    return Value::exc();
  }
  return target;
}

}  // namespace

void add_mapper_functions(Type* frappe_names) {
  host::define_method(frappe_names, "copy_doc", f_copy_doc);
  host::define_method(frappe_names, "get_mapped_doc", f_get_mapped_doc);
}

}  // namespace quire::scripting
