// doc.add_comment, doc.run_method, doc.get_formatted and doc.meta as
// frappe/model/document.py and base_document.py define them.
#include "scripting/frappe_doc_methods.h"

#include "lang/sandbox/host.h"
#include "model/lifecycle.h"
#include "scripting/document_binding.h"
#include "scripting/frappe_format.h"
#include "scripting/frappe_meta.h"
#include "scripting/native_util.h"

namespace quire::scripting {

using namespace quire::lang;
using model::Document;
using model::Json;

namespace {

// The run and document behind `self` (args[0]), or an exception.
Document::Ptr self_document(Isolate& I, Value* args, std::size_t nargs, const char* method,
                            RunState*& run) {
  run = need_run(I);
  if (!run) return nullptr;
  if (nargs == 0 || !is_document(args[0])) {
    raise(I, types().TypeError, std::string("Document.") + method + "() needs a document");
    return nullptr;
  }
  auto doc = document_of(*run, args[0]);
  if (!doc) raise(I, types().RuntimeError, "this document belongs to a finished script run");
  return doc;
}

// doc.add_comment(comment_type="Comment", text=None, comment_email=None,
// link_doctype=None, link_name=None, comment_by=None): a Comment on the
// document, inserted without permission checks (document.py).
QUIRE_NATIVE(m_add_comment) {
  RunState* run = nullptr;
  auto doc = self_document(I, args, nargs, "add_comment", run);
  if (!doc) return Value::exc();
  Value a[6];
  if (!parse_args(
          I, "add_comment", args + 1, nargs - 1, kwnames,
          {"comment_type", "text", "comment_email", "link_doctype", "link_name", "comment_by"}, 0,
          a))
    return Value::exc();
  Json v[6];
  for (int i = 0; i < 6; ++i) {
    if (!json_arg(I, given(a[i]) ? a[i] : Value::none(), v[i])) return Value::exc();
  }
  if (v[0].is_null()) v[0] = "Comment";
  auto truthy_json = [](const Json& j) {
    return !(j.is_null() || (j.is_string() && j.get<std::string>().empty()) ||
             (j.is_number() && j.get<double>() == 0) || (j.is_boolean() && !j.get<bool>()));
  };
  if (!push_document(I, *run, args[0])) return Value::exc();
  return guarded(I, [&]() -> Value {
    Json values = {{"doctype", "Comment"},
                   {"comment_type", v[0]},
                   {"comment_email", truthy_json(v[2]) ? v[2] : Json(run->session.user)},
                   {"comment_by", v[5]},
                   {"reference_doctype", doc->doctype()},
                   {"reference_name", doc->name()},
                   {"content", truthy_json(v[1]) ? v[1] : v[0]},
                   {"link_doctype", v[3]},
                   {"link_name", v[4]}};
    auto comment = model::doc_from_dict(run->session, values);
    model::InsertOptions o;
    o.ignore_permissions = true;
    model::insert(run->session, *comment, o);
    return wrap_document(I, *run, comment);
  });
}

// doc.run_method(method, *args, **kwargs): the controller method of that
// name when the document has one (a Document method such as "save"), then
// the document's hooks and server scripts for the event `method`
// ("validate", "on_update", ... — what Frappe's run_method runs).
QUIRE_NATIVE(m_run_method) {
  RunState* run = nullptr;
  auto doc = self_document(I, args, nargs, "run_method", run);
  if (!doc) return Value::exc();
  if (nargs < 2 || !is_str(args[1]))
    return raise(I, types().TypeError, "run_method() needs the method name (a str)");
  std::string method(as_str(args[1])->view());
  Value out = Value::none();
  // A Document method of that name (the controller part): bound methods only,
  // never a field value.
  Value fn = type_lookup(document_type(), method);
  if (!fn.is_undef() && method.rfind("__", 0) != 0) {
    Value call_args[64];
    std::size_t total = nargs - 1 + (kwnames ? kwnames->size : 0);
    if (total > 64) return raise(I, types().TypeError, "run_method(): too many arguments");
    call_args[0] = args[0];
    for (std::size_t i = 2; i < nargs + (kwnames ? kwnames->size : 0); ++i)
      call_args[i - 1] = args[i];
    out = call(I, fn, call_args, nargs - 1, kwnames);
    if (out.is_exc()) return out;
  }
  Json kwargs = Json::object();
  for (std::size_t i = 0; kwnames && i < kwnames->size; ++i) {
    Json value;
    if (!to_json(I, args[nargs + i], value)) {
      decref(out);
      return Value::exc();
    }
    kwargs[std::string(as_str(kwnames->items()[i])->view())] = value;
  }
  if (!push_document(I, *run, args[0])) {
    decref(out);
    return Value::exc();
  }
  Value r = guarded(I, [&]() -> Value {
    run->session.events.run(*doc, method, run->session, kwargs);
    return Value::none();
  });
  if (!pull_document(I, *run, args[0]) || r.is_exc()) {
    decref(out);
    return Value::exc();
  }
  return out;
}

// doc.get_formatted(fieldname, doc=None, currency=None, absolute_value=False,
// translated=False, format=None): base_document.py, through format_value.
QUIRE_NATIVE(m_get_formatted) {
  RunState* run = nullptr;
  auto doc = self_document(I, args, nargs, "get_formatted", run);
  if (!doc) return Value::exc();
  Value a[6];
  if (!parse_args(I, "get_formatted", args + 1, nargs - 1, kwnames,
                  {"fieldname", "doc", "currency", "absolute_value", "translated", "format"}, 1, a))
    return Value::exc();
  std::string fieldname;
  if (!arg_string(I, a[0], fieldname, "fieldname")) return Value::exc();
  std::shared_ptr<const model::Meta> meta;
  Value r = guarded(I, [&]() -> Value {
    meta = run->session.metas.get(doc->doctype());
    return Value::none();
  });
  if (r.is_exc()) return r;
  Json df;
  auto it = meta->field_index.find(fieldname);
  if (it != meta->field_index.end()) {
    df = docfield_json(*meta, meta->fields[it->second], it->second + 1);
  } else {
    df = default_docfield(fieldname);
  }
  Value key = new_str(I, fieldname);
  Value value = call_method(I, args[0], "get", &key, 1);
  decref(key);
  if (value.is_exc()) return value;
  Value target = given(a[1]) ? a[1] : args[0];
  bool absolute = false;
  if (!opt_bool(I, a[3], absolute)) {
    decref(value);
    return Value::exc();
  }
  if (!absolute) {
    Value flag_key = new_str(I, "absolute_value");
    Value flag = call_method(I, target, "get", &flag_key, 1);
    decref(flag_key);
    if (flag.is_exc()) {
      decref(value);
      return flag;
    }
    int t = truthy(I, flag);
    decref(flag);
    if (t < 0) {
      decref(value);
      return Value::exc();
    }
    absolute = t > 0;
  }
  if (absolute && (is_subtype(type_of(value), types().int_) || value.is_float())) {
    Value args1[1] = {value};
    Value positive = call(I, builtin_value(builtin_index("abs")), args1, 1, nullptr);
    decref(value);
    if (positive.is_exc()) return positive;
    value = positive;
  }
  Value out = format_value(I, value, df, target, a[2], a[5]);
  decref(value);
  return out;
}

// doc.meta: the DocType's Meta object (frappe_meta.h).
QUIRE_NATIVE(p_meta) {
  RunState* run = nullptr;
  auto doc = self_document(I, args, nargs, "meta", run);
  if (!doc) return Value::exc();
  std::shared_ptr<const model::Meta> meta;
  Value r = guarded(I, [&]() -> Value {
    meta = run->session.metas.get(doc->doctype());
    return Value::none();
  });
  if (r.is_exc()) return r;
  return run_meta_object(I, *run, meta);
}

}  // namespace

void add_document_methods(Type* document) {
  host::define_method(document, "add_comment", m_add_comment);
  host::define_method(document, "run_method", m_run_method);
  host::define_method(document, "get_formatted", m_get_formatted);
  host::define_property(document, "meta", p_meta);
}

}  // namespace quire::scripting
